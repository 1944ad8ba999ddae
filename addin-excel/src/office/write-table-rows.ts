import type { CellValue } from "../sheet/cell.ts";
import { inExcel } from "./excel-run.ts";

/** Where a table sits: its sheet, its header row and first column (0-based), its width. */
export type TablePlace = { sheetName: string; tableName: string; row: number; column: number; columns: number };

export type RowsChunk = {
  place: TablePlace;
  /** The data row (0-based, under the header) the chunk starts at. */
  firstRow: number;
  /** Cells to write; a string starting with "=" in a formula column is a formula. */
  cells: CellValue[][];
  /** Number format per column, set before the values so "01000" lands as text. null: leave it. */
  formats: Array<string | null>;
  /** Whether the table grows to end at this chunk's last row. */
  grow: boolean;
  /** Write through `formulas` (formula columns, or user formulas kept on refresh). */
  asFormulas?: boolean;
};

/** One chunk, one Excel.run, one sync: the number formats, the cells, and the table's new size. */
export async function writeRowsChunk(chunk: RowsChunk): Promise<void> {
  const { place, firstRow, cells } = chunk;
  if (cells.length === 0) return;
  await inExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(place.sheetName);
    const range = sheet.getRangeByIndexes(place.row + 1 + firstRow, place.column, cells.length, place.columns);
    range.numberFormat = cells.map(() => chunk.formats);
    if (chunk.asFormulas) range.formulas = cells;
    else range.values = cells;
    if (chunk.grow) {
      const table = context.workbook.tables.getItem(place.tableName);
      table.resize(sheet.getRangeByIndexes(place.row, place.column, 1 + firstRow + cells.length, place.columns));
    }
    await context.sync();
  });
}

/** Shrinks a table to `rows` data rows and clears what was below, in one sync. */
export async function shrinkTable(place: TablePlace, rows: number, previousRows: number): Promise<void> {
  await inExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(place.sheetName);
    const table = context.workbook.tables.getItem(place.tableName);
    // A table keeps at least one data row.
    table.resize(sheet.getRangeByIndexes(place.row, place.column, 1 + Math.max(1, rows), place.columns));
    if (previousRows > rows) {
      const from = place.row + 1 + rows;
      const stale = sheet.getRangeByIndexes(from, place.column, previousRows - rows, place.columns);
      stale.clear("Contents");
      stale.format.fill.clear();
    }
    await context.sync();
  });
}
