import { api } from "@rapport/shared/api";
import type { AuditEntry } from "@rapport/shared/schemas";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import { requireAdmin } from "../../http/require-admin.ts";
import { route } from "../../http/route.ts";
import { decodeCursor, pageOf } from "../../records/cursor.ts";
import { readJson } from "../../records/json-column.ts";

/** The audit trail, for admins: read only, as no route writes, changes or deletes an entry. */
export function auditRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  route(app, deps.config, api.audit.list, async ({ user, query }) => {
    requireAdmin(user, "read the audit trail");
    let qb = deps.database.reader.selectFrom("audit_entries").selectAll();
    if (query.userId) qb = qb.where("user_id", "=", query.userId);
    if (query.action) qb = qb.where("action", "=", query.action);
    if (query.entity) qb = qb.where("entity", "=", query.entity);
    if (query.entityId) qb = qb.where("entity_id", "=", query.entityId);
    if (query.from) qb = qb.where("at", ">=", query.from);
    if (query.to) qb = qb.where("at", "<", query.to);
    if (query.cursor) {
      // Newest first: the next page is what comes before the last entry shown, by time then id.
      const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
      qb = qb.where((eb) => eb.or([eb("at", "<", at), eb.and([eb("at", "=", at), eb("id", "<", id)])]));
    }
    const rows = await qb
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(query.limit + 1)
      .execute();
    const { page, nextCursor } = pageOf(rows, query.limit, (last) => [last.at, last.id]);
    return {
      items: page.map(
        (row): AuditEntry => ({
          id: row.id,
          at: row.at,
          userId: row.user_id,
          action: row.action as AuditEntry["action"],
          entity: row.entity,
          entityId: row.entity_id,
          detail: readJson(row.detail, {}),
          requestId: row.request_id,
          client: row.client,
        }),
      ),
      nextCursor,
    };
  });
}
