import { CompiledQuery, type Kysely, sql } from "kysely";
import type { LooseTables } from "./access.ts";
import type { Tx } from "./request-context.ts";

type Row = Record<string, unknown>;

/**
 * Bound variables per statement: SQLite's default ceiling (SQLITE_MAX_VARIABLE_NUMBER, 32,766),
 * below PostgreSQL's 65,535, so one statement shape serves both.
 */
export const MAX_PARAMETERS = 32_766;
/** Rows per multi-row INSERT at most, whatever the parameter count: longer statements gain nothing. */
const MAX_ROWS_PER_INSERT = 512;

/**
 * Writes a record's rows in one of its mirrors: replaced, or, for a mirror kept in place (one row
 * per record, with columns others write too), upserted so those columns survive.
 */
export async function writeMirrorRows(
  tx: Tx,
  mirror: { table: string; owner: string; inPlace?: true },
  ownerId: string,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  if (mirror.inPlace) await insertRows(tx, mirror.table, rows, { key: mirror.owner });
  else await replaceSideRows(tx, mirror.table, mirror.owner, ownerId, rows);
}

/**
 * Replaces the rows a record owns in a side table (its addresses, phones, search terms, order
 * lines) with `rows`, inside the caller's transaction.
 */
export async function replaceSideRows(
  tx: Tx,
  table: string,
  ownerColumn: string,
  ownerId: string,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  const db = tx as unknown as Kysely<LooseTables>;
  await db.deleteFrom(table).where(ownerColumn, "=", ownerId).execute();
  if (rows.length > 0) await db.insertInto(table).values(rows).execute();
}

/**
 * Inserts many rows (all with the same columns) with multi-row INSERTs, each within the parameter
 * limit. Statement sizes are a full batch or a power of two, so a few statement texts serve every
 * count (the SQLite connection caches prepared statements by their text). The text is written
 * here, not by the query builder, whose cost per value outweighs the insert itself at this size.
 */
export async function insertRows(
  tx: Tx,
  table: string,
  rows: readonly Row[],
  /** Upsert: a row whose `key` column already exists has its other columns overwritten. */
  onConflict?: { key: string },
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const full = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length))));
  const numbered = numberedParameters(tx);
  let start = 0;
  while (start < rows.length) {
    const left = rows.length - start;
    const size = left >= full ? full : 2 ** Math.floor(Math.log2(left));
    const batch = rows.slice(start, start + size);
    const parameters = valuesOf(batch, columns);
    if (parameters) {
      await tx.executeQuery(CompiledQuery.raw(insertText(table, columns, size, numbered, onConflict?.key), parameters));
    } else if (onConflict) {
      const key = onConflict.key;
      await (tx as unknown as Kysely<LooseTables>)
        .insertInto(table)
        .values(batch)
        .onConflict((oc) => oc.column(key).doUpdateSet(updateFromExcluded(columns, key)))
        .execute();
    } else {
      // A row missing a column (undefined): the builder's own handling, as a single insert would get.
      await (tx as unknown as Kysely<LooseTables>).insertInto(table).values(batch).execute();
    }
    start += size;
  }
}

/** The rows' values, column by column, or null when a row lacks one of the columns or has another. */
function valuesOf(rows: readonly Row[], columns: readonly string[]): unknown[] | null {
  const values: unknown[] = [];
  for (const row of rows) {
    let count = 0;
    for (const key in row) if (row[key] !== undefined) count++;
    if (count !== columns.length) return null;
    for (const column of columns) {
      const value = row[column];
      if (value === undefined) return null;
      values.push(value);
    }
  }
  return values;
}

const insertTexts = new Map<string, string>();

function insertText(
  table: string,
  columns: readonly string[],
  rows: number,
  numbered: boolean,
  conflictKey: string | undefined,
): string {
  const key = `${numbered ? "$" : "?"}|${table}|${columns.join(",")}|${rows}|${conflictKey ?? ""}`;
  let text = insertTexts.get(key);
  if (text === undefined) {
    text = `insert into ${quote(table)} (${columns.map(quote).join(", ")}) values ${valuesList(rows, columns.length, numbered)}`;
    if (conflictKey !== undefined) {
      const set = columns.filter((c) => c !== conflictKey).map((c) => `${quote(c)} = excluded.${quote(c)}`);
      text += ` on conflict (${quote(conflictKey)}) do update set ${set.join(", ")}`;
    }
    // Shapes are few (tables x column sets x sizes); the bound only guards a leak.
    if (insertTexts.size >= 1000) insertTexts.clear();
    insertTexts.set(key, text);
  }
  return text;
}

/**
 * `(?, ?), (?, ?)` or `($1, $2), ($3, $4)`: `rows` tuples of `width` parameters, each written by
 * `cell` (a cast, say) around its placeholder, numbered from `from`.
 */
export function valuesList(
  rows: number,
  width: number,
  numbered: boolean,
  cell: (placeholder: string, column: number) => string = (placeholder) => placeholder,
  from = 1,
): string {
  const tuples: string[] = [];
  let n = from;
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(cell(numbered ? `$${n++}` : "?", c));
    tuples.push(`(${cells.join(", ")})`);
  }
  return tuples.join(", ");
}

/** `column = excluded.column` for every column but the key, as the query builder takes it. */
function updateFromExcluded(columns: readonly string[], key: string) {
  return Object.fromEntries(columns.filter((c) => c !== key).map((c) => [c, sql.ref(`excluded.${c}`)])) as Record<
    string,
    ReturnType<typeof sql.ref>
  >;
}

/** Whether this connection's dialect numbers its parameters ($1: PostgreSQL) or not (?: SQLite). */
export function numberedParameters(db: Tx): boolean {
  return sql`${0}`.compile(db).sql !== "?";
}

export const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Deletes the rows that any of `ownerIds` owns in a side table, a batch of ids per statement. */
export async function deleteSideRowsOf(
  tx: Tx,
  table: string,
  ownerColumn: string,
  ownerIds: readonly string[],
  batch = 500,
): Promise<void> {
  const db = tx as unknown as Kysely<LooseTables>;
  for (let start = 0; start < ownerIds.length; start += batch) {
    await db
      .deleteFrom(table)
      .where(ownerColumn, "in", ownerIds.slice(start, start + batch))
      .execute();
  }
}
