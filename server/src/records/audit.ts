import { newId, nowIso } from "./ids.ts";
import { writeJson } from "./json-column.ts";
import type { RequestContext, Tx } from "./request-context.ts";

export type AuditAction = "create" | "update" | "delete" | "merge" | "unmerge" | "export" | "refused" | "sign_in";

/** Writes one audit entry, in the caller's transaction so it commits or rolls back with the change. */
export async function audit(
  tx: Tx,
  ctx: Pick<RequestContext, "user" | "requestId">,
  entry: { action: AuditAction; entity: string; entityId: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await tx
    .insertInto("audit_entries")
    .values({
      id: newId("aud"),
      at: nowIso(),
      user_id: ctx.user.id,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      detail: writeJson(entry.detail ?? {}),
      request_id: ctx.requestId,
    })
    .execute();
}

/** The fields whose value changed, old and new, for the audit trail of an update. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (writeJson(before[key]) !== writeJson(after[key])) changed[key] = { from: before[key], to: after[key] };
  }
  return changed;
}
