import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { Kysely } from "kysely";
import { constraintViolation } from "../db/errors.ts";
import type { Database } from "../db/schema.ts";
import { nowIso } from "../records/ids.ts";
import { AppError } from "./app-error.ts";
import type { AppEnv } from "./context.ts";

const VALID_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on a POST: the first request with a key runs and its answer is kept; a retry
 * with the same key and body gets that answer again instead of a second record. The key is
 * reserved before the work starts, so two copies sent at once cannot both run.
 */
export function idempotency(db: Kysely<Database>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (c.req.method !== "POST" || key === undefined) return next();
    if (!VALID_KEY.test(key))
      throw new AppError("bad_request", "Idempotency-Key must be 1 to 200 visible ASCII characters.");
    const userId = c.get("user").id;
    const requestHash = createHash("sha256")
      .update(`${c.req.path}\n`)
      .update(new Uint8Array(await c.req.raw.clone().arrayBuffer()))
      .digest("hex");

    const replay = await reserve(db, userId, key, requestHash);
    if (replay) return replay;
    try {
      await next();
    } catch (error) {
      await release(db, userId, key);
      throw error;
    }
    if (c.res.status >= 200 && c.res.status < 300) {
      const body = await c.res.clone().text();
      await db
        .updateTable("idempotency_keys")
        .set({ status: c.res.status, response: body })
        .where("user_id", "=", userId)
        .where("key", "=", key)
        .execute();
    } else {
      // A refused request did nothing: the client may fix it and retry with the same key.
      await release(db, userId, key);
    }
  };
}

async function reserve(
  db: Kysely<Database>,
  userId: string,
  key: string,
  requestHash: string,
): Promise<Response | null> {
  try {
    await db
      .insertInto("idempotency_keys")
      .values({ user_id: userId, key, request_hash: requestHash, status: 0, response: null, created_at: nowIso() })
      .execute();
    return null;
  } catch (error) {
    if (constraintViolation(error) !== "unique") throw error;
  }
  const seen = await db
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("user_id", "=", userId)
    .where("key", "=", key)
    .executeTakeFirst();
  if (!seen) throw new AppError("conflict", "That Idempotency-Key was just released; retry.");
  if (seen.request_hash !== requestHash) {
    throw new AppError("validation_failed", "This Idempotency-Key was used for a different request.", {
      errors: [{ path: "Idempotency-Key", message: "already used for a different request" }],
    });
  }
  if (seen.status === 0)
    throw new AppError("conflict", "A request with this Idempotency-Key is still running; retry shortly.");
  return new Response(seen.response, {
    status: seen.status,
    headers: { "content-type": "application/json", "idempotent-replayed": "true" },
  });
}

async function release(db: Kysely<Database>, userId: string, key: string): Promise<void> {
  await db.deleteFrom("idempotency_keys").where("user_id", "=", userId).where("key", "=", key).execute();
}
