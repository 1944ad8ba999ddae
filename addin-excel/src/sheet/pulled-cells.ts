import type { SegmentSheet } from "@rapport/shared/schemas";
import type { Language } from "../pane-types.ts";
import type { CellValue } from "./cell.ts";
import { serialFromIsoDate } from "./excel-dates.ts";
import type { SegmentColumn, SheetField } from "./segment-columns.ts";
import { cellToWrite } from "./write-cells.ts";

type SheetRow = SegmentSheet["rows"][number];
type SheetCell = SheetRow[number];

/**
 * Where each column's value sits in the server's rows: the nth occurrence of its field among the
 * columns the server sent, or -1 (an empty cell) for a column the server did not send or that is
 * the user's own (undefined).
 *
 * @example cellIndexes([email, email2], ["id", "email", "email"]) // [1, 2]
 */
export function cellIndexes(columns: ReadonlyArray<SegmentColumn | undefined>, sent: readonly SheetField[]): number[] {
  return columns.map((column) => {
    if (!column) return -1;
    let seen = 0;
    for (let i = 0; i < sent.length; i++) if (sent[i] === column.field && seen++ === column.nth) return i;
    return -1;
  });
}

/** One server cell as Excel gets it: codes in words, dates as serials, text formula-safe. */
export function pulledCell(column: SegmentColumn, value: SheetCell, language: Language): CellValue {
  if (value === null) return "";
  if (column.words) return cellToWrite(column.kind, column.words[language][String(value)] ?? String(value));
  if (column.kind === "date") {
    // Only the day: whatever the database adds after "YYYY-MM-DD" (a time) is not a birth date.
    const day = /^\d{4}-\d{2}-\d{2}/.exec(String(value))?.[0];
    return day ? serialFromIsoDate(day) : cellToWrite("text", String(value));
  }
  return cellToWrite(column.kind, typeof value === "boolean" ? String(value) : value);
}

/**
 * Reads a page's rows into `columns`' cells, in `columns`' order (a column that is not
 * Rapport's, undefined, gets an empty cell the caller fills).
 */
export function pulledRows(
  page: Pick<SegmentSheet, "columns">,
  columns: ReadonlyArray<SegmentColumn | undefined>,
  language: Language,
): (row: SheetRow) => CellValue[] {
  const at = cellIndexes(columns, page.columns);
  return (row) =>
    columns.map((column, c) => {
      const index = at[c] ?? -1;
      return column && index >= 0 ? pulledCell(column, row[index] ?? null, language) : "";
    });
}
