import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from "jose";
import type { Kysely } from "kysely";
import type { EntraConfig } from "../../config.ts";
import type { Database } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import type { AuthUser } from "../../http/context.ts";
import { audit } from "../../records/audit.ts";
import { hashToken } from "../users/tokens.service.ts";
import { type EntraIdentity, entraAuthUser, entraUser } from "./entra-users.ts";

/** Entra signs access tokens with RS256 only; anything else (`none`, HS256 keyed with a public key) is refused. */
const ALGORITHMS = ["RS256"];
/** Header parameters that point at or embed a key: keys come from the tenant's published set, never from the token. */
const KEY_HEADERS = ["jku", "x5u", "jwk", "x5c"] as const;
/** Tolerated clock difference for exp and nbf: servers and Microsoft's clocks are close, not equal. */
const CLOCK_TOLERANCE_S = 60;
/** Entra access tokens are a few KB; a bigger bearer value is not one. */
const MAX_TOKEN_CHARS = 16_384;
/** Verified tokens remembered at once; an add-in reuses one token for about an hour. */
const MAX_CACHED = 10_000;
/** How long a cached token's user (role, active) is trusted without reading it again, as for API tokens. */
const USER_RECHECK_MS = 5_000;
const PUBLIC_AUTHORITY = "https://login.microsoftonline.com";

/**
 * The issuers a tenant's access tokens may carry: `<authority>/<tid>/v2.0` for v2 tokens and, on
 * Microsoft's public cloud only, `https://sts.windows.net/<tid>/` for v1 tokens (what an API
 * registration issues unless its manifest asks for v2). A stand-in authority (tests) has no v1 form.
 */
export function entraIssuers(authority: string, tenantId: string): string[] {
  const v2 = `${authority}/${tenantId}/v2.0`;
  return authority === PUBLIC_AUTHORITY ? [v2, `https://sts.windows.net/${tenantId}/`] : [v2];
}

type Cached = { user: AuthUser; until: number; checkedAt: number };

/**
 * Verifies Microsoft Entra access tokens for Rapport's API scope (the add-ins sign in with nested
 * app authentication) and resolves them to users, identified by tenant id + object id only.
 * Answers a user, or throws AppError: "unauthorized" for a token that is not a valid access token
 * for this API, "forbidden" for a valid one without the scope. Keys come from each allowed
 * tenant's JWKS, cached by jose and fetched again on an unknown kid (at most every 30 s).
 */
export function entraVerifier(config: EntraConfig, db: Kysely<Database>, reader: Kysely<Database>) {
  const tenants = new Set(config.tenantIds.map((t) => t.toLowerCase()));
  const audiences = [...new Set([config.audience, config.clientId])];
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const cache = new Map<string, Cached>();
  const pending = new Map<string, Promise<Cached>>();

  const keysOf = (tenantId: string) => {
    let keys = keySets.get(tenantId);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(`${config.authority}/${tenantId}/discovery/v2.0/keys`));
      keySets.set(tenantId, keys);
    }
    return keys;
  };

  async function verify(jwt: string, requestId: string | null = null): Promise<AuthUser> {
    if (jwt.length > MAX_TOKEN_CHARS) throw unauthorized("This bearer value is too long to be an access token.");
    const hash = hashToken(jwt);
    const now = Date.now();
    const cached = cache.get(hash);
    if (cached && cached.until > now) {
      if (cached.checkedAt + USER_RECHECK_MS > now) return cached.user;
      return recheck(hash, cached, now);
    }
    if (cached) cache.delete(hash);

    // Two requests carrying the same new token verify and provision once.
    let inFlight = pending.get(hash);
    if (!inFlight) {
      inFlight = firstSight(jwt, requestId).finally(() => pending.delete(hash));
      pending.set(hash, inFlight);
    }
    const entry = await inFlight;
    if (cache.size >= MAX_CACHED) evict(now);
    cache.set(hash, entry);
    return entry.user;
  }

  async function firstSight(jwt: string, requestId: string | null): Promise<Cached> {
    const { payload, tenantId } = await verifiedClaims(jwt);
    const identity: EntraIdentity = {
      tenantId,
      objectId: String(payload.oid).toLowerCase(),
      name: typeof payload.name === "string" ? payload.name : null,
      email: firstString(payload.preferred_username, payload.upn, payload.unique_name, payload.email),
    };
    const client = `entra ${firstString(payload.azp, payload.appid) ?? "unknown"}`;
    const { row, provisioned } = await entraUser(db, reader, config, identity, { client, requestId });
    if (row.active !== 1) throw unauthorized("This user is deactivated in Rapport; ask an admin.");
    const user = entraAuthUser(row, client);
    if (!provisioned) {
      await audit(
        db,
        { user, requestId },
        { action: "sign_in", entity: "user", entityId: user.id, detail: { tenantId } },
      );
    }
    return { user, until: (payload.exp ?? 0) * 1000, checkedAt: Date.now() };
  }

  /** Role and active flag may have changed since the token was first seen: read them again. */
  async function recheck(hash: string, cached: Cached, now: number): Promise<AuthUser> {
    const row = await reader.selectFrom("users").selectAll().where("id", "=", cached.user.id).executeTakeFirst();
    if (row?.active !== 1) {
      cache.delete(hash);
      throw unauthorized("This user is deactivated in Rapport; ask an admin.");
    }
    const user = entraAuthUser(row, cached.user.client);
    cache.set(hash, { user, until: cached.until, checkedAt: now });
    return user;
  }

  async function verifiedClaims(jwt: string): Promise<{ payload: JWTPayload; tenantId: string }> {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(jwt);
      unverified = decodeJwt(jwt);
    } catch {
      throw unauthorized("This bearer value is not a well-formed JWT.");
    }
    for (const name of KEY_HEADERS) {
      if (name in header) {
        throw unauthorized(`This token's header carries "${name}": keys are taken only from the tenant's key set.`);
      }
    }
    if (!header.alg || !ALGORITHMS.includes(header.alg)) {
      throw unauthorized(`This token is signed with "${header.alg}"; only ${ALGORITHMS.join(", ")} is accepted.`);
    }
    // The tenant, before the signature is checked, only picks the key set and the issuer to expect;
    // the signature then vouches for it.
    const tenantId = typeof unverified.tid === "string" ? unverified.tid.toLowerCase() : "";
    if (!tenants.has(tenantId)) {
      throw unauthorized(`Users of tenant ${tenantId || "(none)"} may not sign in to this server.`);
    }

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, keysOf(tenantId), {
        algorithms: ALGORITHMS,
        issuer: entraIssuers(config.authority, tenantId),
        audience: audiences,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ["exp", "nbf", "iat", "tid", "oid"],
      }));
    } catch (error) {
      throw refusal(error, tenantId);
    }
    if (String(payload.tid).toLowerCase() !== tenantId || typeof payload.oid !== "string" || !payload.oid) {
      throw unauthorized("This token does not name its tenant and user.");
    }
    // Only delegated access tokens carry `scp`: an ID token (or an app-only token) is no proof of a
    // user granting the add-in access to this API, even with the right audience.
    if (typeof payload.scp !== "string") {
      throw unauthorized(
        `This is not an access token for a signed-in user (an ID token?): ask for the scope ${config.audience}/${config.scope}.`,
      );
    }
    if (!payload.scp.split(" ").includes(config.scope)) {
      throw new AppError(
        "forbidden",
        `This access token lacks the scope ${config.scope}: its scopes are ${payload.scp}.`,
      );
    }
    return { payload, tenantId };
  }

  function refusal(error: unknown, tenantId: string): Error {
    if (error instanceof errors.JWTExpired) return unauthorized("This access token has expired; sign in again.");
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === "nbf") return unauthorized("This access token is not valid yet.");
      if (error.claim === "aud")
        return unauthorized(`This token is not for this API: its audience must be ${audiences.join(" or ")}.`);
      if (error.claim === "iss") return unauthorized(`This token's issuer is not tenant ${tenantId}'s.`);
      return unauthorized(
        `This token's "${error.claim}" claim is ${error.reason === "missing" ? "missing" : "wrong"}.`,
      );
    }
    if (error instanceof errors.JWKSNoMatchingKey) {
      return unauthorized("This token is signed with a key its tenant does not publish.");
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) return unauthorized("This token's signature is wrong.");
    if (
      error instanceof errors.JWKSTimeout ||
      error instanceof errors.JWKSInvalid ||
      !(error instanceof errors.JOSEError) ||
      error.code === "ERR_JOSE_GENERIC"
    ) {
      // The key set could not be fetched or read: the server's trouble, not the caller's (logged as a 500).
      return new Error(`Could not get the signing keys of tenant ${tenantId} from ${config.authority}.`, {
        cause: error,
      });
    }
    return unauthorized(`This token is not a valid access token (${error.code}).`);
  }

  function evict(now: number) {
    for (const [hash, entry] of cache) if (entry.until <= now) cache.delete(hash);
    // Still full: forget the oldest; their users verify once more.
    for (const hash of cache.keys()) {
      if (cache.size < MAX_CACHED) break;
      cache.delete(hash);
    }
  }

  return { verify };
}
export type EntraVerifier = ReturnType<typeof entraVerifier>;

const unauthorized = (detail: string) => new AppError("unauthorized", detail);

function firstString(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === "string" && value) return value;
  return null;
}
