import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { BUYERS_SQL, bestCategories, categoriesSql, collectBuyers, scoreCustomers } from "./rfm-scores.ts";
import type { ScorePart } from "./rfm-thread.ts";

/**
 * One part of the SQLite recompute's reading, on a thread of its own with its own read-only
 * connection: the grouped reads over millions of orders run for seconds, and better-sqlite3 would
 * hold the server's event loop for all of them. The part that scores also reads the buyers.
 */
const { file, since, periodMonths, settings, range, bound, score } = (workerData as { input: ScorePart }).input;
const db = new Database(file, { readonly: true, fileMustExist: true });
try {
  db.pragma("mmap_size = 17179869184");
  const read = (text: string, ...parameters: unknown[]) =>
    db
      .prepare(text)
      .raw(true)
      .iterate(...parameters) as Iterable<unknown[]>;
  const categories = bestCategories(read(categoriesSql(range), since, ...(bound === null ? [] : [bound])));
  if (score) {
    const scores = scoreCustomers(collectBuyers(read(BUYERS_SQL, since)), periodMonths, settings);
    parentPort?.postMessage({ scores, categories }, [
      scores.recency.buffer,
      scores.frequency.buffer,
      scores.monetary.buffer,
      scores.lifetimeValue.buffer,
    ] as ArrayBuffer[]);
  } else {
    parentPort?.postMessage({ categories });
  }
} finally {
  db.close();
}
