import type { RapportClient } from "@rapport/addin-kit";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActivityBody } from "../domain/item-activity.ts";
import { type DrainResult, drainOutbox, nextDueAt } from "../outbox/drain-outbox.ts";
import { type OutboxInput, outboxStore } from "../outbox/outbox-store.ts";

export type Outbox = ReturnType<typeof useOutbox>;
type Listener = (results: DrainResult[]) => void;

function browserStorage(): Storage | null {
  try {
    return typeof localStorage !== "undefined" ? localStorage : null;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

/**
 * The pane's side of the durable outbox: lists what waits, sends it when the pane starts, when the
 * selected item changes, when the browser comes back online, when the next retry falls due, and
 * when the on-send handler (same storage) adds something.
 */
export function useOutbox(client: RapportClient | null, ownerId: string | null) {
  const [store] = useState(() => outboxStore(browserStorage()));
  const [entries, setEntries] = useState(() => store.list());
  const listeners = useRef(new Set<Listener>());
  const running = useRef<Promise<DrainResult[]>>(Promise.resolve([]));
  const refresh = useCallback(() => setEntries(store.list()), [store]);

  /** One drain at a time: a drain asked for meanwhile runs after the current one. */
  const drain = useCallback(
    (keys?: string[]): Promise<DrainResult[]> => {
      if (!client) return Promise.resolve([]);
      const send = (body: ActivityBody) => client.activities.create({ body });
      const next = running.current.then(async () => {
        const results = await drainOutbox(store, send, {
          ...(keys ? { keys } : {}),
          ...(ownerId ? { owner: ownerId } : {}),
        });
        refresh();
        if (results.length) for (const listener of listeners.current) listener(results);
        return results;
      });
      running.current = next.catch(() => []);
      return next;
    },
    [client, store, refresh, ownerId],
  );

  /**
   * Queues logs (each once per key) and sends them now, in one drain; resolves with what became of
   * each, in the order given (null for one another runtime is sending).
   */
  const enqueueMany = useCallback(
    async (inputs: OutboxInput[]): Promise<Array<DrainResult | null>> => {
      for (const input of inputs) store.add({ ...input, owner: ownerId });
      refresh();
      const results = await drain(inputs.map((input) => input.key));
      return inputs.map((input) => results.find((r) => r.key === input.key) ?? null);
    },
    [store, drain, refresh, ownerId],
  );

  /** Queues a log (once per key) and sends it now; resolves with what became of it. */
  const enqueue = useCallback(
    async (key: string, label: string, body: ActivityBody): Promise<DrainResult | null> =>
      (await enqueueMany([{ key, label, body }]))[0] ?? null,
    [enqueueMany],
  );

  const retry = useCallback(
    async (key: string, override = false) => {
      const entry = store.get(key);
      if (!entry) return null;
      const body = override ? { ...entry.body, policyOverride: true } : entry.body;
      store.update({ ...entry, body, state: "pending", leaseUntil: null, nextAttemptAt: Date.now() });
      const results = await drain([key]);
      return results.find((r) => r.key === key) ?? null;
    },
    [store, drain],
  );

  const drop = useCallback(
    (key: string) => {
      store.remove(key);
      refresh();
    },
    [store, refresh],
  );

  /**
   * Everything pending, now, whatever its backoff: on start, on ItemChanged and when the network is
   * back, there is a fresh reason to think Rapport answers. Failed entries wait for the user.
   */
  const retryPending = useCallback(
    () =>
      drain(
        store
          .list()
          .filter((entry) => entry.state === "pending")
          .map((entry) => entry.key),
      ),
    [store, drain],
  );

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  // On start (and once signed in), and whenever the browser says the network is back.
  useEffect(() => {
    void retryPending();
    const online = () => void retryPending();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [retryPending]);

  // The on-send handler shares this storage: show what it queued, and send it.
  useEffect(() => {
    const changed = (event: StorageEvent) => {
      if (store.concerns(event.key)) refresh();
    };
    window.addEventListener("storage", changed);
    return () => window.removeEventListener("storage", changed);
  }, [store, refresh]);

  // Backoff: wake up when the next entry falls due.
  useEffect(() => {
    const due = nextDueAt(entries);
    if (due === null || !client) return;
    const timer = setTimeout(() => void drain(), Math.max(0, due - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [entries, client, drain]);

  return {
    entries,
    durable: store.durable,
    has: (key: string) => store.get(key) !== null,
    enqueue,
    enqueueMany,
    retry,
    drop,
    drain,
    retryPending,
    subscribe,
  };
}
