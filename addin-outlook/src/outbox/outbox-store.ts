import { z } from "zod";
import type { ActivityBody } from "../domain/item-activity.ts";

/** The part of the Web Storage API the outbox uses (localStorage in a browser, a Map in tests). */
export type OutboxStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

const PREFIX = "rapport.outbox:";

const FailureRecord = z.object({
  reason: z.enum(["offline", "timeout", "server_error", "busy", "signed_out", "privacy", "refused", "invalid"]),
  retry: z.boolean(),
  detail: z.string().nullable(),
  status: z.number().nullable(),
});

/** One log waiting to reach Rapport, kept in the pane's storage under its idempotency key. */
const OutboxEntry = z.object({
  /** The internetMessageId (or meeting key) the server recognises a repeat by. */
  key: z.string().min(1),
  /** What the pane lists: the subject, or the kind of item when it has none. */
  label: z.string(),
  body: z.custom<ActivityBody>((value) => typeof value === "object" && value !== null),
  /**
   * The Rapport user who queued it, so a log left by one user on a shared computer is never sent
   * with the next user's credentials; null when queued by the on-send handler, which does not know.
   */
  owner: z.string().nullable().default(null),
  createdAt: z.number(),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.number(),
  /** A runtime sending it right now (the pane or the on-send handler) holds it until then. */
  leaseUntil: z.number().nullable(),
  state: z.enum(["pending", "failed"]),
  failure: FailureRecord.nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** What a caller hands the outbox for one log: its idempotency key, what to list it as, the activity. */
export type OutboxInput = Pick<OutboxEntry, "key" | "label" | "body">;

export class OutboxFullError extends Error {
  constructor() {
    super("The browser's storage for Rapport is full: this log could not be kept for retrying.");
    this.name = "OutboxFullError";
  }
}

export type OutboxStore = ReturnType<typeof outboxStore>;

/**
 * Logs waiting to be sent, one storage entry per key so that the pane and the on-send handler,
 * which share the storage, never overwrite each other's entries. Without storage (Outlook's
 * JavaScript-only runtime has none) entries live in memory and `durable` is false.
 */
export function outboxStore(storage: OutboxStorage | null, now: () => number = Date.now) {
  const memory = new Map<string, string>();
  const backing: OutboxStorage = storage ?? memoryStorage(memory);
  const write = (entry: OutboxEntry) => {
    try {
      backing.setItem(PREFIX + entry.key, JSON.stringify(entry));
    } catch (error) {
      if (error instanceof DOMException && error.name === "QuotaExceededError") throw new OutboxFullError();
      throw error;
    }
  };
  const read = (storageKey: string): OutboxEntry | null => {
    const raw = backing.getItem(storageKey);
    if (raw === null) return null;
    try {
      return OutboxEntry.parse(JSON.parse(raw));
    } catch {
      return null; // written by another version: neither sendable nor worth a crash
    }
  };

  return {
    durable: storage !== null,
    list(): OutboxEntry[] {
      const keys: string[] = [];
      for (let i = 0; i < backing.length; i++) {
        const key = backing.key(i);
        if (key?.startsWith(PREFIX)) keys.push(key);
      }
      return keys
        .map(read)
        .filter((entry): entry is OutboxEntry => entry !== null)
        .sort((a, b) => a.createdAt - b.createdAt);
    },
    get(key: string): OutboxEntry | null {
      return read(PREFIX + key);
    },
    /** Queues a log once: a key already waiting keeps its entry, so a second click sends nothing twice. */
    add(input: { key: string; label: string; body: ActivityBody; owner?: string | null }): {
      added: boolean;
      entry: OutboxEntry;
    } {
      const existing = read(PREFIX + input.key);
      if (existing) return { added: false, entry: existing };
      const entry: OutboxEntry = {
        ...input,
        owner: input.owner ?? null,
        createdAt: now(),
        attempts: 0,
        nextAttemptAt: now(),
        leaseUntil: null,
        state: "pending",
        failure: null,
      };
      write(entry);
      return { added: true, entry };
    },
    update(entry: OutboxEntry): void {
      write(entry);
    },
    remove(key: string): void {
      backing.removeItem(PREFIX + key);
    },
    /** Whether a storage event from another runtime (the on-send handler) concerns the outbox. */
    concerns(storageKey: string | null): boolean {
      return storageKey === null || storageKey.startsWith(PREFIX);
    },
  };
}

function memoryStorage(map: Map<string, string>): OutboxStorage {
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
