import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { BUYERS_SQL, CATEGORIES_SQL, collectAggregates, scoreCustomers } from "./rfm-scores.ts";
import type { ScoreInput } from "./rfm-thread.ts";

/**
 * The SQLite recompute's reading and scoring, on a thread of its own with its own read-only
 * connection: the grouped reads over millions of orders run for seconds, and better-sqlite3 would
 * hold the server's event loop for all of them.
 */
const { file, since, periodMonths, settings } = (workerData as { input: ScoreInput }).input;
const db = new Database(file, { readonly: true, fileMustExist: true });
try {
  const read = (text: string) => db.prepare(text).raw(true).iterate(since) as Iterable<unknown[]>;
  const scores = scoreCustomers(collectAggregates(read(BUYERS_SQL), read(CATEGORIES_SQL)), periodMonths, settings);
  parentPort?.postMessage(scores, [
    scores.recency.buffer,
    scores.frequency.buffer,
    scores.monetary.buffer,
    scores.lifetimeValue.buffer,
  ] as ArrayBuffer[]);
} finally {
  db.close();
}
