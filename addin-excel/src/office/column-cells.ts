import type { CellValue } from "../sheet/cell.ts";
import { chunkBySize, MAX_SYNC_BYTES, payloadBytes } from "../sheet/payload.ts";
import { inExcel } from "./excel-run.ts";

/** One cell of a column to write: data row (0-based under the header), value, fill colour. */
export type ColumnCell = { row: number; value: CellValue; fill?: string | null };

/**
 * Writes cells down one column of a table (the status column, the ids and versions a push
 * returns), in runs of consecutive rows, chunked so that no sync carries more than the limit.
 * Fills are set per run of the same colour, which keeps the requests small.
 */
export async function writeColumnCells(
  place: { sheetName: string; row: number },
  column: number,
  cells: ColumnCell[],
  format: string,
  onProgress?: (done: number) => void,
): Promise<number> {
  const sorted = [...cells].sort((a, b) => a.row - b.row);
  const slices = chunkBySize(sorted, (cell) => payloadBytes(cell.value) + 24 + (cell.fill ? 30 : 0), MAX_SYNC_BYTES, {
    maxItems: 20_000,
  });
  let syncs = 0;
  let done = 0;
  for (const [start, end] of slices) {
    const part = sorted.slice(start, end);
    await inExcel(async (context) => {
      const sheet = context.workbook.worksheets.getItem(place.sheetName);
      for (const run of runs(part)) {
        const range = sheet.getRangeByIndexes(place.row + 1 + run.first, column, run.cells.length, 1);
        range.numberFormat = run.cells.map(() => [format]);
        range.values = run.cells.map((cell) => [cell.value]);
        for (const fill of fillRuns(run.cells)) {
          const target = sheet.getRangeByIndexes(place.row + 1 + run.first + fill.offset, column, fill.length, 1);
          if (fill.color) target.format.fill.color = fill.color;
          else target.format.fill.clear();
        }
      }
      await context.sync();
    });
    syncs++;
    done += part.length;
    onProgress?.(done);
  }
  return syncs;
}

/** Consecutive rows, so each becomes one range. */
function runs(cells: ColumnCell[]): Array<{ first: number; cells: ColumnCell[] }> {
  const out: Array<{ first: number; cells: ColumnCell[] }> = [];
  for (const cell of cells) {
    const last = out.at(-1);
    if (last && last.first + last.cells.length === cell.row) last.cells.push(cell);
    else out.push({ first: cell.row, cells: [cell] });
  }
  return out;
}

function fillRuns(cells: ColumnCell[]): Array<{ offset: number; length: number; color: string | null }> {
  const out: Array<{ offset: number; length: number; color: string | null }> = [];
  cells.forEach((cell, offset) => {
    if (cell.fill === undefined) return;
    const last = out.at(-1);
    if (last && last.color === cell.fill && last.offset + last.length === offset) last.length++;
    else out.push({ offset, length: 1, color: cell.fill });
  });
  return out;
}

/** A few cells anywhere on a sheet (rows taken back from Rapport), with their formats, in one sync. */
export async function writeScatteredCells(
  sheetName: string,
  cells: Array<{ row: number; column: number; value: CellValue; format: string }>,
): Promise<void> {
  if (cells.length === 0) return;
  await inExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    for (const cell of cells) {
      const range = sheet.getRangeByIndexes(cell.row, cell.column, 1, 1);
      range.numberFormat = [[cell.format]];
      range.values = [[cell.value]];
    }
    await context.sync();
  });
}
