import { type Kysely, type RawBuilder, sql } from "kysely";
import { isPostgres } from "./dialect.ts";

/**
 * A group's values joined with commas (group_concat on SQLite, string_agg on PostgreSQL): one row
 * per group instead of one per value, for reads that return millions of short ids.
 */
export function joinedValues(db: Pick<Kysely<unknown>, "getExecutor">, column: string): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`string_agg(${sql.ref(column)}, ',')`
    : sql<string>`group_concat(${sql.ref(column)}, ',')`;
}
