import type { Kysely, Transaction } from "kysely";
import { isDeadlock } from "./errors.ts";
import type { Database } from "./schema.ts";

/**
 * Runs `work` in a transaction, or in the caller's when `db` already is one: an import applies a
 * few thousand records per transaction through the same store code that writes one record.
 */
export function inTransaction<T>(
  db: Kysely<Database> | Transaction<Database>,
  work: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

const ATTEMPTS = 3;

/**
 * `inTransaction` for work that locks the rows of several records (a merge, its undo). Two such
 * transactions can each hold a row the other then needs: one locks the records it merges, the
 * other, having locked its own, checks a link's key against one of them. PostgreSQL breaks the
 * deadlock by rolling one back; run afresh, it sees what the other left (a merged record gone).
 * Work inside a caller's transaction is not retried: the caller's transaction is what failed.
 */
export async function inTransactionRetryingDeadlocks<T>(
  db: Kysely<Database> | Transaction<Database>,
  work: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, work);
    } catch (error) {
      if (db.isTransaction || attempt >= ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}
