import type { AuditEntry as AuditEntryShape } from "@rapport/shared/schemas";
import { newId, nowIso } from "./ids.ts";
import { writeJson } from "./json-column.ts";
import type { RequestContext, Tx } from "./request-context.ts";
import { insertRows } from "./side-rows.ts";

export type AuditEntry = {
  action: AuditAction;
  entity: string;
  entityId: string | null;
  detail?: Record<string, unknown>;
};

/** The shared schema's actions: what the audit API answers is what is written. */
export type AuditAction = AuditEntryShape["action"];

/** Writes one audit entry, in the caller's transaction so it commits or rolls back with the change. */
export async function audit(tx: Tx, ctx: Pick<RequestContext, "user" | "requestId">, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto("audit_entries")
    .values(auditRow(ctx, entry, nowIso()))
    .execute();
}

/** Writes many audit entries at once (a bulk create or update), the same rows `audit` writes one by one. */
export async function auditMany(
  tx: Tx,
  ctx: Pick<RequestContext, "user" | "requestId">,
  entries: readonly AuditEntry[],
): Promise<void> {
  const at = nowIso();
  await insertRows(
    tx,
    "audit_entries",
    entries.map((entry) => auditRow(ctx, entry, at)),
  );
}

function auditRow(ctx: Pick<RequestContext, "user" | "requestId">, entry: AuditEntry, at: string) {
  return {
    id: newId("aud"),
    at,
    user_id: ctx.user.id,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    detail: writeJson(entry.detail ?? {}),
    request_id: ctx.requestId,
    client: ctx.user.client,
  };
}

/** The fields whose value changed, old and new, for the audit trail of an update. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (writeJson(before[key]) !== writeJson(after[key])) changed[key] = { from: before[key], to: after[key] };
  }
  return changed;
}
