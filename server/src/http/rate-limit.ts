import type { MiddlewareHandler } from "hono";
import { AppError } from "./app-error.ts";
import type { AppEnv } from "./context.ts";
import { problemResponse } from "./problem.ts";

const MINUTE_MS = 60_000;

type Bucket = { tokens: number; at: number };

/** A request let through (with what is left), or refused (which key ran out, and when to retry). */
export type Verdict =
  | { allowed: true; remaining: number }
  | { allowed: false; limitedBy: string; retryAfterSeconds: number };

/**
 * Token buckets, one per key: each holds `perMinute` requests and refills at `perMinute` a
 * minute, so a client may spend its minute in one burst and then goes at the steady rate.
 *
 * Memory is bounded: a bucket left alone for a minute is full again, the same as no bucket, so it
 * is dropped. The Map keeps keys in order of last use (a key is moved to the end when spent), so
 * the idle ones are at the front and each request drops what it walks over, each key once:
 * O(1) amortised. `maxKeys` caps the Map even if that many keys are busy at once (the oldest go first:
 * they get a full bucket back, which errs towards letting requests through).
 *
 * The count lives in this process. Several processes behind a load balancer each count their
 * own, so the budget a client sees grows with the number of processes; that is accepted rather
 * than adding a round trip to a shared store on every request.
 */
export function tokenBuckets(perMinute: number, options: { now?: () => number; maxKeys?: number } = {}) {
  const now = options.now ?? (() => performance.now());
  const maxKeys = options.maxKeys ?? 100_000;
  const perMs = perMinute / MINUTE_MS;
  const buckets = new Map<string, Bucket>();

  const level = (key: string, at: number) => {
    const bucket = buckets.get(key);
    return bucket ? Math.min(perMinute, bucket.tokens + (at - bucket.at) * perMs) : perMinute;
  };

  function dropIdle(at: number): void {
    for (const [key, bucket] of buckets) {
      if (at - bucket.at < MINUTE_MS && buckets.size <= maxKeys) return;
      buckets.delete(key);
    }
  }

  /**
   * Spends one request from every key, or from none if any has run out (a refused request costs
   * nothing, so a client that backs off gets its budget back at the steady rate).
   */
  function take(keys: readonly string[]): Verdict {
    const at = now();
    const levels = keys.map((key) => level(key, at));
    for (const [i, key] of keys.entries()) {
      const left = levels[i] ?? 0;
      if (left < 1) {
        return { allowed: false, limitedBy: key, retryAfterSeconds: Math.max(1, Math.ceil((1 - left) / perMs / 1000)) };
      }
    }
    let remaining = perMinute;
    for (const [i, key] of keys.entries()) {
      const tokens = (levels[i] ?? 0) - 1;
      // Deleted and set again so the key moves to the end: the Map stays in order of last use.
      buckets.delete(key);
      buckets.set(key, { tokens, at });
      remaining = Math.min(remaining, Math.floor(tokens));
    }
    dropIdle(at);
    return { allowed: true, remaining };
  }

  return { take, size: () => buckets.size };
}
export type TokenBuckets = ReturnType<typeof tokenBuckets>;

/**
 * Limits each user, and each of the user's credentials, to `perMinute` requests; mounted after
 * authentication (it counts who is calling) and after the health route (never limited). Over the
 * limit the answer is 429 with Retry-After; every answer carries RateLimit-Limit and
 * RateLimit-Remaining so a well-behaved client can slow down before it is refused.
 *
 * The credential is counted with its user: an Entra sign-in's client names the add-in's app, which
 * all users share, and must not become one budget for the whole organisation.
 */
export function rateLimit(
  perMinute: number,
  buckets: TokenBuckets = tokenBuckets(perMinute),
): MiddlewareHandler<AppEnv> {
  const limit = String(perMinute);
  return async (c, next) => {
    const user = c.get("user");
    const userKey = `user ${user.id}`;
    const verdict = buckets.take([userKey, `credential ${user.id} ${user.client}`]);
    if (!verdict.allowed) {
      const { retryAfterSeconds } = verdict;
      const which =
        verdict.limitedBy === userKey
          ? `the limit of ${perMinute} requests a minute per user, shared by all of this user's tokens and sign-ins`
          : `the limit of ${perMinute} requests a minute for ${user.client}`;
      const detail = `Too many requests: over ${which}. Retry in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
      const response = problemResponse(c, new AppError("too_many_requests", detail, { retryAfterSeconds }));
      response.headers.set("ratelimit-limit", limit);
      response.headers.set("ratelimit-remaining", "0");
      return response;
    }
    await next();
    // On the final answer, like server-timing: an error answer is a new Response without these.
    c.res.headers.set("ratelimit-limit", limit);
    c.res.headers.set("ratelimit-remaining", String(verdict.remaining));
  };
}
