import type { AccountCreate } from "@rapport/shared/schemas";
import { phoneOrThrow } from "../../records/normalize-input.ts";
import { recordService } from "../../records/record-service.ts";
import { RecordStore } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { type AccountFields, accountRecords } from "./accounts.repo.ts";

export const accountStore = new RecordStore(accountRecords);

/** Account fields as stored: the phone in E.164, each domain and tag once. */
function prepareAccount(ctx: RequestContext, input: Omit<AccountCreate, "ownerId">): AccountFields {
  return {
    ...input,
    phone: input.phone === null ? null : phoneOrThrow(ctx, input.phone, "phone"),
    domains: [...new Set(input.domains)],
    tags: [...new Set(input.tags)],
  };
}

export const accountService = recordService(accountStore, prepareAccount);
