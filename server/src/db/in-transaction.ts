import type { Kysely, Transaction } from "kysely";
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
