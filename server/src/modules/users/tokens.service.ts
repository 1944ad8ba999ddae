import { createHash, randomBytes } from "node:crypto";
import { type ApiTokenInfo, TokenScope } from "@rapport/shared/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { notFound } from "../../http/app-error.ts";
import { type AuthUser, authUserOf } from "../../http/context.ts";
import { newId, nowIso } from "../../records/ids.ts";

const TOKEN_PREFIX = "rap_";
/** How long a verified token is trusted without asking the database again (bounds revocation delay across processes). */
const CACHE_MS = 5_000;
/** last_used_at is a hint for admins; writing it on every request would turn reads into writes. */
const LAST_USED_EVERY_MS = 60_000;

/** Only the hash is stored: a leaked database does not leak working tokens. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueToken(
  db: Kysely<Database>,
  input: { userId: string; name: string; expiresAt: string | null; scopes?: readonly TokenScope[] },
): Promise<ApiTokenInfo & { token: string }> {
  const user = await db.selectFrom("users").select("id").where("id", "=", input.userId).executeTakeFirst();
  if (!user) throw notFound("user");
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const info: ApiTokenInfo = {
    id: newId("tok"),
    userId: input.userId,
    name: input.name,
    scopes: [...new Set(input.scopes ?? TokenScope.options)],
    createdAt: nowIso(),
    lastUsedAt: null,
    expiresAt: input.expiresAt,
    revokedAt: null,
  };
  await db
    .insertInto("api_tokens")
    .values({
      id: info.id,
      user_id: info.userId,
      name: info.name,
      token_hash: hashToken(token),
      created_at: info.createdAt,
      last_used_at: null,
      expires_at: info.expiresAt,
      revoked_at: null,
      scopes: JSON.stringify(info.scopes),
    })
    .execute();
  return { ...info, token };
}

/** Tokens as admins see them, newest first: names, scopes and dates, never a hash or secret. */
export async function listTokens(db: Kysely<Database>, userId?: string): Promise<ApiTokenInfo[]> {
  let query = db
    .selectFrom("api_tokens")
    .select(["id", "user_id", "name", "scopes", "created_at", "last_used_at", "expires_at", "revoked_at"])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc");
  if (userId) query = query.where("user_id", "=", userId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    scopes: TokenScope.array().catch([]).parse(JSON.parse(row.scopes)),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }));
}

export async function revokeToken(db: Kysely<Database>, tokenId: string): Promise<void> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: nowIso() })
    .where("id", "=", tokenId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound("active token");
}

type Cached = { user: AuthUser; tokenId: string; until: number };

/**
 * Resolves bearer tokens to users, with a short cache so the hot lookup path stays one query. It
 * reads through `reader` so a request is never held up behind another's long write transaction.
 */
export function tokenVerifier(db: Kysely<Database>, reader: Kysely<Database>) {
  const cache = new Map<string, Cached>();
  const lastUsedWritten = new Map<string, number>();

  async function verify(token: string): Promise<AuthUser | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const hash = hashToken(token);
    const now = Date.now();
    const cached = cache.get(hash);
    if (cached && cached.until > now) return cached.user;

    const row = await reader
      .selectFrom("api_tokens as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .select([
        "t.id as token_id",
        "t.expires_at",
        "t.revoked_at",
        "t.scopes",
        "u.id",
        "u.email",
        "u.name",
        "u.role",
        "u.team_id",
        "u.active",
      ])
      .where("t.token_hash", "=", hash)
      .executeTakeFirst();
    const nowIsoText = new Date(now).toISOString();
    if (!row || row.revoked_at || row.active !== 1 || (row.expires_at && row.expires_at <= nowIsoText)) {
      cache.delete(hash);
      return null;
    }
    const scopes = TokenScope.array().catch([]).parse(JSON.parse(row.scopes));
    const user = authUserOf(row, scopes, `token ${row.token_id}`);
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, { user, tokenId: row.token_id, until: now + CACHE_MS });
    if ((lastUsedWritten.get(row.token_id) ?? 0) + LAST_USED_EVERY_MS < now) {
      lastUsedWritten.set(row.token_id, now);
      // Not waited for: behind an import's write transaction, the request would wait for its
      // commit; a stamp that lands a moment later (or is lost to a closing database) is still a hint.
      void db
        .updateTable("api_tokens")
        .set({ last_used_at: nowIsoText })
        .where("id", "=", row.token_id)
        .execute()
        .catch(() => {});
    }
    return user;
  }

  /** Forgets a revoked token at once in this process (others forget it within CACHE_MS). */
  function forget(tokenId: string): void {
    for (const [hash, entry] of cache) if (entry.tokenId === tokenId) cache.delete(hash);
  }

  /** Forgets a user's tokens at once in this process, after a change of role, team or access. */
  function forgetUser(userId: string): void {
    for (const [hash, entry] of cache) if (entry.user.id === userId) cache.delete(hash);
  }

  return { verify, forget, forgetUser };
}
export type TokenVerifier = ReturnType<typeof tokenVerifier>;
