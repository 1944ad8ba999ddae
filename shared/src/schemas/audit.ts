import { z } from "zod";
import { Id, Timestamp } from "./common.ts";

export const AuditAction = z.enum(["create", "update", "delete", "merge", "unmerge", "export", "refused", "sign_in"]);

/** One entry of the audit trail: who did what to which record, when, through which request and client. */
export const AuditEntry = z
  .object({
    id: z.string(),
    at: Timestamp,
    userId: Id.nullable(),
    action: AuditAction,
    entity: z.string(),
    entityId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    client: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Filters of the audit trail, newest first. */
export const AuditQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  userId: Id.optional(),
  action: AuditAction.optional(),
  entity: z.string().max(60).optional(),
  entityId: z.string().max(64).optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
});
