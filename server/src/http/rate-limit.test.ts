import { describe, expect, it } from "vitest";
import { issueToken } from "../modules/users/tokens.service.ts";
import { useTestApp } from "../testing/test-app.ts";
import { tokenBuckets } from "./rate-limit.ts";

describe("token buckets", () => {
  /** A clock the test moves by hand: nothing here waits for real time to pass. */
  function clock() {
    let ms = 1_000_000;
    return { now: () => ms, advance: (by: number) => (ms += by) };
  }

  it("lets a minute's budget through at once, then one request per 1/limit of a minute", () => {
    const time = clock();
    const buckets = tokenBuckets(60, { now: time.now });
    for (let i = 0; i < 60; i++) expect(buckets.take(["a"])).toEqual({ allowed: true, remaining: 59 - i });
    expect(buckets.take(["a"])).toEqual({ allowed: false, limitedBy: "a", retryAfterSeconds: 1 });
    time.advance(999);
    expect(buckets.take(["a"]).allowed).toBe(false);
    time.advance(1);
    expect(buckets.take(["a"])).toEqual({ allowed: true, remaining: 0 });
  });

  it("says how long until the next request fits, in whole seconds, never less than one", () => {
    const time = clock();
    const buckets = tokenBuckets(5, { now: time.now });
    for (let i = 0; i < 5; i++) buckets.take(["a"]);
    expect(buckets.take(["a"])).toMatchObject({ allowed: false, retryAfterSeconds: 12 });
    time.advance(11_500);
    expect(buckets.take(["a"])).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it("refuses when any key has run out, names that key, and charges none of them", () => {
    const time = clock();
    const buckets = tokenBuckets(3, { now: time.now });
    for (let i = 0; i < 3; i++) buckets.take(["user u1", "credential A"]);
    expect(buckets.take(["user u1", "credential B"])).toMatchObject({ allowed: false, limitedBy: "user u1" });
    expect(buckets.take(["user u2", "credential A"])).toMatchObject({ allowed: false, limitedBy: "credential A" });
    // The refused calls spent nothing: u2 and credential B still have their whole minute.
    for (let i = 0; i < 3; i++) expect(buckets.take(["user u2", "credential B"]).allowed).toBe(true);
  });

  it("forgets a key idle for a minute (its bucket is full again) and never holds more than maxKeys", () => {
    const time = clock();
    const buckets = tokenBuckets(10, { now: time.now });
    buckets.take(["a"]);
    buckets.take(["b"]);
    time.advance(30_000);
    buckets.take(["a"]);
    time.advance(30_000);
    buckets.take(["c"]);
    // b was last used a minute ago and is gone; a (30 s ago) and c remain.
    expect(buckets.size()).toBe(2);
    time.advance(60_000);
    buckets.take(["d"]);
    expect(buckets.size()).toBe(1);

    const small = tokenBuckets(10, { now: time.now, maxKeys: 3 });
    for (let i = 0; i < 10; i++) small.take([`key ${i}`]);
    expect(small.size()).toBe(3);
    // The newest stay: key 9 has spent one request of its 10.
    expect(small.take(["key 9"])).toEqual({ allowed: true, remaining: 8 });
  });
});

describe("rate limit", () => {
  const t = useTestApp({ rateLimitPerMinute: 5 });

  it("counts all of a user's tokens together, answers 429 with Retry-After over the limit, and leaves other users alone", async () => {
    const { token: second } = await issueToken(t.database.db, { userId: t.admin.id, name: "second", expiresAt: null });
    const remaining: string[] = [];
    for (const token of [t.admin.token, t.admin.token, t.admin.token, second, second]) {
      const me = await t.call("GET", "/me", { token });
      expect(me.status).toBe(200);
      expect(me.headers.get("ratelimit-limit")).toBe("5");
      remaining.push(me.headers.get("ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);

    for (const token of [second, t.admin.token]) {
      const refused = await t.call("GET", "/me", { token });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      expect(refused.json).toMatchObject({ status: 429, code: "too_many_requests" });
      expect(refused.json.detail).toMatch(/per user/);
      const retryAfter = refused.headers.get("retry-after") ?? "";
      expect(retryAfter).toMatch(/^\d+$/);
      // 5 a minute: one comes back every 12 seconds.
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeLessThanOrEqual(12);
      expect(refused.json.detail).toContain(`Retry in ${retryAfter} second`);
      expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    }

    const other = await t.addUser("rep");
    expect((await t.call("GET", "/me", { token: other.token })).status).toBe(200);
  });

  it("never limits the health check", async () => {
    for (let i = 0; i < 8; i++) {
      const health = await t.call("GET", "/health", { token: null });
      expect(health.status).toBe(200);
      expect(health.headers.get("ratelimit-limit")).toBeNull();
    }
    expect((await t.call("GET", "/me")).headers.get("ratelimit-remaining")).toBe("4");
  });
});
