import type { Activity } from "@rapport/shared/schemas";
import type { ActivityBody } from "../domain/item-activity.ts";
import { classifyFailure, type Failure, retryDelay } from "./failure.ts";
import type { OutboxEntry, OutboxStore } from "./outbox-store.ts";

export type SendActivity = (body: ActivityBody) => Promise<Activity>;

export type DrainResult =
  | { key: string; outcome: "logged"; activity: Activity }
  | { key: string; outcome: "waiting" | "failed"; failure: Failure };

/** How long one runtime holds an entry while sending it, so another does not send it meanwhile. */
const LEASE_MS = 60_000;

export type DrainOptions = {
  now?: () => number;
  random?: () => number;
  /** Send these keys now even if their next try is later (the user pressed "Log" or "Retry"). */
  keys?: readonly string[];
  /** The signed-in user: another user's entries wait for them. */
  owner?: string;
};

/**
 * Sends every log that is due, one at a time. The attempt is written down before the request
 * leaves, so a pane closed mid-request finds the entry again on its next start; the server's
 * idempotency by internetMessageId (or meeting key) makes that second send answer the first log.
 * A log that reached Rapport leaves the outbox; one refused for good stays, marked failed, until
 * the user retries or drops it.
 */
export async function drainOutbox(store: OutboxStore, send: SendActivity, options: DrainOptions = {}) {
  const now = options.now ?? Date.now;
  const forced = new Set(options.keys ?? []);
  const results: DrainResult[] = [];
  for (const entry of store.list()) {
    const due = forced.has(entry.key) || (entry.state === "pending" && entry.nextAttemptAt <= now());
    const leased = entry.leaseUntil !== null && entry.leaseUntil > now();
    const someoneElses = options.owner !== undefined && entry.owner !== null && entry.owner !== options.owner;
    if (!due || leased || someoneElses) continue;
    results.push(await sendOne(store, entry, send, now, options.random));
  }
  return results;
}

async function sendOne(
  store: OutboxStore,
  entry: OutboxEntry,
  send: SendActivity,
  now: () => number,
  random?: () => number,
): Promise<DrainResult> {
  const attempt: OutboxEntry = {
    ...entry,
    attempts: entry.attempts + 1,
    leaseUntil: now() + LEASE_MS,
    state: "pending",
  };
  store.update(attempt);
  try {
    const activity = await send(entry.body);
    store.remove(entry.key);
    return { key: entry.key, outcome: "logged", activity };
  } catch (error) {
    const failure = classifyFailure(error);
    // The user may have dropped the entry while it was in flight: do not bring it back.
    if (store.get(entry.key) === null) return { key: entry.key, outcome: "failed", failure };
    store.update({
      ...attempt,
      leaseUntil: null,
      state: failure.retry ? "pending" : "failed",
      nextAttemptAt: failure.retry ? now() + retryDelay(attempt.attempts, random) : attempt.nextAttemptAt,
      failure,
    });
    return { key: entry.key, outcome: failure.retry ? "waiting" : "failed", failure };
  }
}

/** When the next entry falls due, for the pane's timer; null when nothing waits. */
export function nextDueAt(entries: OutboxEntry[]): number | null {
  const due = entries.filter((e) => e.state === "pending").map((e) => Math.max(e.nextAttemptAt, e.leaseUntil ?? 0));
  return due.length ? Math.min(...due) : null;
}
