import type { Kysely, SelectQueryBuilder } from "kysely";
import { isPostgres } from "./dialect.ts";

/** Any Kysely instance or transaction, whatever its tables. */
type AnyKysely = Pick<Kysely<unknown>, "getExecutor">;

/**
 * Locks the rows a select reads until the transaction ends, so two writers that both read a
 * record before changing it run one after the other. PostgreSQL needs FOR UPDATE for that;
 * SQLite has no such clause and needs none, since it runs one write transaction at a time.
 * Sort the select by key: writers that lock in the same order cannot deadlock.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  db: AnyKysely,
  qb: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? qb.forUpdate() : qb;
}
