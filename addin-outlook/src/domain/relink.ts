import { type ActivitySummary, type ActivityUpdate, LIMITS } from "@rapport/shared/schemas";
import type { z } from "zod";
import { MAX_PARTICIPANTS } from "./item-activity.ts";
import type { RecordSelection } from "./record-selection.ts";
import { trimText } from "./trim-text.ts";

/**
 * The PATCH that moves a logged item to other records. People who were on the item stay (the
 * server links them to their contacts by address anyway); contacts added by hand are replaced by
 * the ones now chosen.
 */
export function relinkBody(
  activity: Pick<ActivitySummary, "participants">,
  selection: RecordSelection,
): z.input<typeof ActivityUpdate> {
  const onItem = activity.participants.filter((p) => p.address !== null || p.role !== null);
  const present = new Set(onItem.map((p) => p.contactId).filter(Boolean));
  const extra = selection.contacts
    .filter((c) => !present.has(c.id))
    .map((c) => ({ address: null, name: trimText(c.name, LIMITS.shortText), role: null, contactId: c.id }));
  return {
    accountId: selection.account?.id ?? null,
    opportunityId: selection.opportunity?.id ?? null,
    caseId: selection.case?.id ?? null,
    participants: [...extra, ...onItem].slice(0, MAX_PARTICIPANTS),
  };
}
