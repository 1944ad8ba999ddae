import { type CaseCreate, OPEN_CASE_STATUSES } from "@rapport/shared/schemas";
import { invalidField } from "../../http/app-error.ts";
import { nowIso } from "../../records/ids.ts";
import { recordService } from "../../records/record-service.ts";
import { RecordStore } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { type CaseFields, caseRecords } from "./cases.repo.ts";

export const caseStore = new RecordStore(caseRecords);
const OPEN: ReadonlySet<string> = new Set(OPEN_CASE_STATUSES);

/** A case is dated when opened; closing it stamps closedAt, reopening it clears it. */
function prepareCase(_ctx: RequestContext, input: Omit<CaseCreate, "ownerId">): CaseFields {
  if (!input.contactId && !input.accountId)
    throw invalidField("accountId", "a case belongs to a contact or an account");
  const open = OPEN.has(input.status);
  const openedAt = input.openedAt ?? nowIso();
  const closedAt = open ? null : (input.closedAt ?? nowIso());
  if (closedAt && closedAt < openedAt) throw invalidField("closedAt", "a case cannot close before it opened");
  return { ...input, openedAt, closedAt };
}

export const caseService = recordService(caseStore, prepareCase);
