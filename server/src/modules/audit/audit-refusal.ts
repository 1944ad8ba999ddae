import type { Context } from "hono";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { AppError } from "../../http/app-error.ts";
import type { AppEnv } from "../../http/context.ts";
import { newId, nowIso } from "../../records/ids.ts";
import { writeJson } from "../../records/json-column.ts";

/**
 * A refused request (no valid credential: 401; not allowed: 403) in the audit trail, with who if
 * known, the route, the reason and the client's user agent. Never the credential itself.
 */
export async function auditRefusal(db: Kysely<Database>, c: Context<AppEnv>, error: AppError): Promise<void> {
  const user = c.get("user") as AppEnv["Variables"]["user"] | undefined;
  const agent = (c.req.header("user-agent") ?? "").slice(0, 200);
  await db
    .insertInto("audit_entries")
    .values({
      id: newId("aud"),
      at: nowIso(),
      user_id: user?.id ?? null,
      action: "refused",
      entity: "request",
      entity_id: null,
      detail: writeJson({ method: c.req.method, path: c.req.path, code: error.code, reason: error.message }),
      request_id: c.get("requestId") ?? null,
      client: [user?.client, agent].filter(Boolean).join(" · ") || null,
    })
    .execute();
}
