import { MAX_SYNC_BYTES } from "../sheet/payload.ts";
import { inExcel, isPayloadTooLarge } from "./excel-run.ts";

export type RowProperty = "values" | "formulas" | "valueTypes" | "numberFormat";
export type ReadRows = Partial<Record<RowProperty, unknown[][]>>;

/** A first guess of a cell's size in an answer; a chunk refused for its size is read again in halves. */
const GUESSED_CELL_BYTES = 48;

/**
 * Reads a block of rows in chunks whose answers stay under the sync limit, one sync each. A sheet
 * of long cells (32,767 characters) is refused by Excel for its size: the chunk is halved and
 * read again, down to one row.
 */
export async function readRows(
  block: { sheetName: string; row: number; column: number; rows: number; columns: number },
  properties: RowProperty[],
  onProgress?: (done: number) => void,
): Promise<ReadRows> {
  const out: Record<string, unknown[][]> = Object.fromEntries(properties.map((p) => [p, []]));
  let perChunk = Math.max(
    1,
    Math.floor(MAX_SYNC_BYTES / (Math.max(1, block.columns) * GUESSED_CELL_BYTES * properties.length)),
  );
  let done = 0;
  while (done < block.rows) {
    const rows = Math.min(perChunk, block.rows - done);
    try {
      const chunk = await inExcel(async (context) => {
        const range = context.workbook.worksheets
          .getItem(block.sheetName)
          .getRangeByIndexes(block.row + done, block.column, rows, block.columns);
        range.load(properties);
        await context.sync();
        return Object.fromEntries(properties.map((p) => [p, range[p] as unknown[][]]));
      });
      for (const p of properties) out[p]?.push(...(chunk[p] ?? []));
      done += rows;
      onProgress?.(done);
    } catch (error) {
      if (!isPayloadTooLarge(error) || rows === 1) throw error;
      perChunk = Math.max(1, Math.floor(rows / 2));
    }
  }
  return out;
}
