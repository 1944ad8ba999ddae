import { CompiledQuery } from "kysely";
import type { Tx } from "./request-context.ts";
import { MAX_PARAMETERS, numberedParameters, quote, valuesList } from "./side-rows.ts";

/** Column types both databases know by these names (SQLite reads them as its affinities). */
export type ValueType = "integer" | "text" | "double precision";

/** Rows per statement at most, whatever the parameter count: longer statements gain nothing. */
const MAX_ROWS = 512;

export interface UpdateFromValues {
  table: string;
  /** A condition every updated row meets (the job a row belongs to): column and value. */
  scope?: { column: string; value: string };
  /** The column that tells one row from another within the scope, and its type. */
  key: { column: string; type: ValueType };
  /** The columns to set and their types, in the order each row gives its values. */
  columns: Readonly<Record<string, ValueType>>;
  /** Per row: its key, then one value per column, in `columns` order. */
  rows: readonly (readonly unknown[])[];
}

/**
 * Updates many rows, each with its own values, a batch per statement: UPDATE ... FROM a VALUES
 * list, which SQLite (3.33+) and PostgreSQL both read, naming its columns column1, column2... On
 * PostgreSQL every value is cast so it knows its type. Batches are full or a power of two, so a few
 * statement texts serve every count (the SQLite connection caches statements by their text).
 */
export async function updateFromValues(tx: Tx, update: UpdateFromValues): Promise<void> {
  const types = [update.key.type, ...Object.values(update.columns)];
  const full = Math.max(1, Math.min(MAX_ROWS, Math.floor((MAX_PARAMETERS - 1) / types.length)));
  const numbered = numberedParameters(tx);
  let start = 0;
  while (start < update.rows.length) {
    const left = update.rows.length - start;
    const size = left >= full ? full : 2 ** Math.floor(Math.log2(left));
    const parameters: unknown[] = [];
    for (const row of update.rows.slice(start, start + size)) {
      if (row.length !== types.length)
        throw new Error(`updateFromValues: a row of ${row.length} values, not ${types.length}`);
      parameters.push(...row);
    }
    if (update.scope) parameters.push(update.scope.value);
    await tx.executeQuery(CompiledQuery.raw(updateText(update, types, size, numbered), parameters));
    start += size;
  }
}

const texts = new Map<string, string>();

function updateText(update: UpdateFromValues, types: readonly ValueType[], rows: number, numbered: boolean): string {
  const columns = Object.keys(update.columns);
  const key = [numbered, rows, update.table, update.scope?.column, update.key.column, ...columns, ...types].join("|");
  let text = texts.get(key);
  if (text === undefined) {
    const table = quote(update.table);
    // PostgreSQL must be told each value's type. SQLite must not: with casts it no longer probes
    // the table by key for each VALUES row, but scans every row of the job for each statement
    // (100,000 decisions took 9 s instead of 0.7).
    const values = valuesList(rows, types.length, numbered, (p, column) =>
      numbered ? `cast(${p} as ${types[column]})` : p,
    );
    const scope = update.scope
      ? `${table}.${quote(update.scope.column)} = ${numbered ? `$${rows * types.length + 1}` : "?"} and `
      : "";
    text =
      `update ${table} set ${columns.map((column, k) => `${quote(column)} = v.column${k + 2}`).join(", ")} ` +
      `from (values ${values}) as v ` +
      `where ${scope}${table}.${quote(update.key.column)} = v.column1`;
    // Shapes are few (callers x sizes); the bound only guards a leak.
    if (texts.size >= 1000) texts.clear();
    texts.set(key, text);
  }
  return text;
}
