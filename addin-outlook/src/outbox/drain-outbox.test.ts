import { ApiError } from "@rapport/shared/client";
import type { Activity } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import type { ActivityBody } from "../domain/item-activity.ts";
import { drainOutbox, nextDueAt } from "./drain-outbox.ts";
import { classifyFailure, retryDelay } from "./failure.ts";
import { type OutboxStorage, outboxStore } from "./outbox-store.ts";

/** The browser's localStorage, as two runtimes (pane and on-send handler) share it. */
function sharedStorage(): OutboxStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}

const KEY = "<MWHPR6E1BE060@MWHPR1120.namprd22.prod.outlook.com>";
const body: ActivityBody = {
  type: "email",
  occurredAt: "2018-09-09T03:15:08.000Z",
  subject: "9/9/2018: concert",
  externalIds: { internetMessageId: KEY },
};
const logged = { id: "act_1", createdAt: "2026-01-01T00:00:00.000Z" } as Activity;
const problem = (status: number, code: string, detail = "") =>
  new ApiError({ type: "about:blank", title: "Error", status, detail, code, requestId: "req_1" });

describe("the outbox", () => {
  it("queues a key once: a second Log of the same mail sends nothing twice", () => {
    const store = outboxStore(sharedStorage());
    expect(store.add({ key: KEY, label: "concert", body }).added).toBe(true);
    expect(store.add({ key: KEY, label: "concert", body: { ...body, subject: "other" } }).added).toBe(false);
    expect(store.list()).toHaveLength(1);
    expect(store.get(KEY)?.body.subject).toBe("9/9/2018: concert");
  });

  it("removes a log Rapport accepted", async () => {
    const store = outboxStore(sharedStorage());
    store.add({ key: KEY, label: "concert", body });
    const sent: ActivityBody[] = [];
    const results = await drainOutbox(store, async (b) => {
      sent.push(b);
      return logged;
    });
    expect(results).toEqual([{ key: KEY, outcome: "logged", activity: logged }]);
    expect(sent).toEqual([body]);
    expect(store.list()).toEqual([]);
  });

  it("keeps a log the network lost, to try again later with backoff", async () => {
    let now = 1_000_000;
    const store = outboxStore(sharedStorage(), () => now);
    store.add({ key: KEY, label: "concert", body });
    const [result] = await drainOutbox(store, () => Promise.reject(new TypeError("Failed to fetch")), {
      now: () => now,
      random: () => 0.5,
    });
    expect(result).toMatchObject({ outcome: "waiting", failure: { reason: "offline", retry: true } });
    const entry = store.get(KEY);
    expect(entry).toMatchObject({ state: "pending", attempts: 1, leaseUntil: null, nextAttemptAt: now + 2000 });
    // Not due yet: nothing is sent.
    expect(await drainOutbox(store, async () => logged, { now: () => now })).toEqual([]);
    now += 2000;
    expect(await drainOutbox(store, async () => logged, { now: () => now })).toMatchObject([{ outcome: "logged" }]);
  });

  it("marks a log the server refused for good as failed, with the server's words, and leaves it for the user", async () => {
    const store = outboxStore(sharedStorage());
    store.add({ key: KEY, label: "concert", body });
    const refusal = problem(422, "privacy_blocked", "Mail between colleagues is not logged.");
    const [result] = await drainOutbox(store, () => Promise.reject(refusal));
    expect(result).toMatchObject({ outcome: "failed", failure: { reason: "privacy", retry: false } });
    expect(store.get(KEY)).toMatchObject({
      state: "failed",
      failure: { detail: "Mail between colleagues is not logged." },
    });
    expect(await drainOutbox(store, async () => logged)).toEqual([]);
    expect(nextDueAt(store.list())).toBeNull();
  });

  it("survives a pane closed mid-request: the next pane finds the attempt and sends it again", async () => {
    const storage = sharedStorage();
    let now = 5_000_000;
    const closedPane = outboxStore(storage, () => now);
    closedPane.add({ key: KEY, label: "concert", body });
    void drainOutbox(closedPane, () => new Promise<Activity>(() => undefined), { now: () => now });
    await Promise.resolve();

    const nextPane = outboxStore(storage, () => now);
    expect(nextPane.get(KEY)).toMatchObject({ attempts: 1, state: "pending" });
    // Held by the request in flight for a while, so two runtimes do not send it at once...
    expect(await drainOutbox(nextPane, async () => logged, { now: () => now })).toEqual([]);
    // ...then the idempotency key lets the second send answer the first log, not make another.
    now += 60_001;
    expect(await drainOutbox(nextPane, async () => logged, { now: () => now })).toMatchObject([{ outcome: "logged" }]);
  });

  it("never sends a log another user left on this computer with the signed-in user's credentials", async () => {
    const store = outboxStore(sharedStorage());
    store.add({ key: KEY, label: "concert", body, owner: "usr_ines" });
    store.add({ key: "<on-send@rapport.invalid>", label: "sent", body });
    const sent = await drainOutbox(store, async () => logged, { owner: "usr_julien" });
    expect(sent.map((r) => r.key)).toEqual(["<on-send@rapport.invalid>"]);
    expect(store.get(KEY)).toMatchObject({ owner: "usr_ines", attempts: 0 });
  });

  it("says so when the browser's storage is full", () => {
    const full: OutboxStorage = {
      ...sharedStorage(),
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
    };
    expect(() => outboxStore(full).add({ key: KEY, label: "concert", body })).toThrow(/storage for Rapport is full/);
  });
});

describe("classifyFailure", () => {
  it("retries the network, timeouts, 5xx, 408 and 429, and nothing else", () => {
    expect(classifyFailure(new TypeError("Failed to fetch"))).toMatchObject({ reason: "offline", retry: true });
    expect(classifyFailure(new DOMException("t", "TimeoutError"))).toMatchObject({ reason: "timeout", retry: true });
    expect(classifyFailure(problem(500, "internal"))).toMatchObject({ reason: "server_error", retry: true });
    expect(classifyFailure(problem(503, "unavailable"))).toMatchObject({ retry: true });
    expect(classifyFailure(problem(408, "timeout"))).toMatchObject({ reason: "timeout", retry: true });
    expect(classifyFailure(problem(429, "rate_limited"))).toMatchObject({ reason: "busy", retry: true });
    expect(classifyFailure(problem(401, "unauthorized"))).toMatchObject({ reason: "signed_out", retry: false });
    expect(classifyFailure(problem(409, "conflict", "Logged by someone outside your team."))).toMatchObject({
      reason: "refused",
      retry: false,
      detail: "Logged by someone outside your team.",
    });
  });

  it("backs off from 2 s, doubling, up to 5 minutes", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 20].map((n) => retryDelay(n, middle))).toEqual([2000, 4000, 8000, 300_000]);
  });
});
