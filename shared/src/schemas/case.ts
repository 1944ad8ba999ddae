import { z } from "zod";
import { Id, ListQuery, LongText, RecordMeta, ShortText, Timestamp, updateOf } from "./common.ts";

export const CaseChannel = z.enum(["email", "phone", "web", "letter", "in_person", "chat"]);
export const CasePriority = z.enum(["low", "normal", "high", "urgent"]);
export const CaseStatus = z.enum(["open", "pending", "resolved", "closed"]);
export const OPEN_CASE_STATUSES = ["open", "pending"] as const;

const caseFields = {
  subject: ShortText.min(1),
  description: LongText.nullable().default(null),
  contactId: Id.nullable().default(null),
  accountId: Id.nullable().default(null),
  productId: Id.nullable().default(null),
  channel: CaseChannel.default("email"),
  priority: CasePriority.default("normal"),
  status: CaseStatus.default("open"),
  openedAt: Timestamp.optional(),
  closedAt: Timestamp.nullable().default(null),
};

export const Case = RecordMeta.extend({ ...caseFields, openedAt: Timestamp }).meta({ id: "Case" });
export type Case = z.infer<typeof Case>;
export const CaseCreate = z
  .strictObject({ ...caseFields, ownerId: Id.optional() })
  .refine((c) => c.contactId || c.accountId, {
    message: "a case belongs to a contact or an account",
    path: ["accountId"],
  });
export type CaseCreate = z.infer<typeof CaseCreate>;
export const CaseUpdate = updateOf(z.strictObject({ ...caseFields, ownerId: Id.optional() }));
export type CaseUpdate = z.infer<typeof CaseUpdate>;
export const CaseListQuery = ListQuery.extend({
  accountId: Id.optional(),
  contactId: Id.optional(),
  status: CaseStatus.optional(),
  priority: CasePriority.optional(),
});
