import { type Expression, type Kysely, PostgresAdapter, type RawBuilder, type SqlBool, sql } from "kysely";

type AnyDb = Pick<Kysely<unknown>, "getExecutor">;

/** The few places SQL differs between the two databases ask this, and nothing else does. */
export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Whether `needle` occurs in `text`, case and all (instr on SQLite, strpos on PostgreSQL). */
export function containsSubstring(db: AnyDb, text: Expression<unknown>, needle: string): RawBuilder<SqlBool> {
  return isPostgres(db) ? sql<SqlBool>`strpos(${text}, ${needle}) > 0` : sql<SqlBool>`instr(${text}, ${needle}) > 0`;
}

/**
 * A text field of a JSON column, as text: `address` -> `country`, or deeper with several keys
 * (`consent` -> `email` -> `status`). The database reads it, so a row's whole JSON is never parsed
 * in JavaScript for one value.
 */
export function jsonText(
  db: AnyDb,
  column: Expression<unknown>,
  ...keys: [string, ...string[]]
): RawBuilder<string | null> {
  if (!isPostgres(db)) return sql<string | null>`json_extract(${column}, ${sql.lit(`$.${keys.join(".")}`)})`;
  const path = keys.slice(0, -1).map((key) => sql` -> ${sql.lit(key)}`);
  return sql<string | null>`(${column}::jsonb${sql.join(path, sql``)} ->> ${sql.lit(keys.at(-1))})`;
}
