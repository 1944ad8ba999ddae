import { Worker } from "node:worker_threads";
import type { CompiledQuery } from "kysely";

/**
 * Threads with read-only connections to a SQLite file, for reads that scan (a segment's count over
 * a million contacts): better-sqlite3 runs a query on the calling thread, so on the server's own
 * connection such a read would hold every other request for its whole length. Here it waits on a
 * thread of its own, and a scan split in parts runs on both cores at once.
 */
export type ReadPool = {
  size: number;
  /** The rows of a compiled query, each as an array of its column values. */
  all: (query: Pick<CompiledQuery, "sql" | "parameters">) => Promise<unknown[][]>;
  close: () => Promise<void>;
};

type Pending = { resolve: (rows: unknown[][]) => void; reject: (error: Error) => void };
type Thread = { worker: Worker; pending: Map<number, Pending> };

/** Threads start on first use, so a database that never scans never starts them. */
export function readPool(file: string, size = 2): ReadPool {
  let threads: Thread[] | null = null;
  let next = 0;

  const start = (): Thread[] =>
    Array.from({ length: size }, () => {
      const thread: Thread = {
        worker: new Worker(new URL("./read-worker.mjs", import.meta.url), { workerData: { file } }),
        pending: new Map(),
      };
      // Idle threads must not keep a finished process alive; busy ones do (see settle).
      thread.worker.unref();
      thread.worker.on("message", ({ id, rows, error }: { id: number; rows?: unknown[][]; error?: string }) => {
        const waiting = thread.pending.get(id);
        thread.pending.delete(id);
        if (thread.pending.size === 0) thread.worker.unref();
        if (error !== undefined) waiting?.reject(new Error(error));
        else waiting?.resolve(rows ?? []);
      });
      thread.worker.on("error", (error) => {
        for (const waiting of thread.pending.values()) waiting.reject(error);
        thread.pending.clear();
      });
      return thread;
    });

  return {
    size,
    all: (query) => {
      threads ??= start();
      // The least busy thread takes it.
      const thread = threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = next++;
      return new Promise((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage({ id, text: query.sql, parameters: query.parameters });
      });
    },
    close: async () => {
      const running = threads ?? [];
      threads = null;
      await Promise.all(running.map((thread) => thread.worker.terminate()));
    },
  };
}
