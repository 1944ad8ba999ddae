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

/** A text field of a JSON column (`address` -> `country`), as text. */
export function jsonText(db: AnyDb, column: Expression<unknown>, key: string): RawBuilder<string | null> {
  return isPostgres(db)
    ? sql<string | null>`(${column}::jsonb ->> ${sql.lit(key)})`
    : sql<string | null>`json_extract(${column}, ${sql.lit(`$.${key}`)})`;
}
