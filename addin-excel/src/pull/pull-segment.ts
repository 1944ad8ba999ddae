import type { Segment } from "@rapport/shared/schemas";
import { createPullTable, freeTableName } from "../office/pull-table.ts";
import { readSetting, writeSetting } from "../office/workbook-settings.ts";
import { type TablePlace, writeRowsChunk } from "../office/write-table-rows.ts";
import type { Language, RapportClient } from "../pane-types.ts";
import type { CellValue } from "../sheet/cell.ts";
import { chunkBySize, MAX_SYNC_BYTES, payloadBytes } from "../sheet/payload.ts";
import { pulledRows } from "../sheet/pulled-cells.ts";
import { segmentColumns } from "../sheet/segment-columns.ts";
import { formatOf } from "../sheet/write-cells.ts";
import { PULLED_TABLES_KEY, type PulledTables } from "./pulled-tables.ts";
import { type PageOptions, sheetPages } from "./sheet-pages.ts";

export type PullOutcome = {
  tableName: string;
  sheetName: string;
  rows: number;
  total: number;
  cancelled: boolean;
};

/**
 * Writes rows into a table from `firstRow` on, in chunks under the sync limit, one sync each,
 * growing the table as it goes. Answers how many rows were written (fewer when cancelled).
 */
export async function writeRecordRows(
  place: TablePlace,
  rows: CellValue[][],
  firstRow: number,
  formats: Array<string | null>,
  onChunk: (written: number) => void,
  options: { signal?: AbortSignal | undefined; asFormulas?: boolean } = {},
): Promise<number> {
  const formatBytes = payloadBytes(formats);
  let written = 0;
  for (const [start, end] of chunkBySize(rows, (row) => payloadBytes(row) + formatBytes, MAX_SYNC_BYTES)) {
    if (options.signal?.aborted) break;
    await writeRowsChunk({
      place,
      firstRow: firstRow + start,
      cells: rows.slice(start, end),
      formats,
      grow: true,
      ...(options.asFormulas ? { asFormulas: true } : {}),
    });
    written = end;
    onChunk(firstRow + end);
  }
  return written;
}

/**
 * Pulls a segment into a formatted table (on a new sheet, or the active one when it is empty):
 * page after page of sheet rows, each written as it arrives, with progress; a cancel stops
 * between chunks and leaves what arrived, which a refresh completes.
 */
export async function pullSegment(
  client: RapportClient,
  segment: Pick<Segment, "id" | "name" | "entity">,
  language: Language,
  target: { newSheet: boolean },
  onProgress: (done: number, total: number) => void,
  options: PageOptions = {},
): Promise<PullOutcome> {
  const { signal } = options;
  const { count: total } = await client.segments.count({ params: { id: segment.id } });
  const columns = segmentColumns(segment.entity);
  const tableName = await freeTableName(segment.name);
  const place = await createPullTable({
    newSheetName: target.newSheet ? segment.name : null,
    tableName,
    headers: columns.map((c) => c.header[language]),
    kinds: columns.map((c) => c.kind),
    hidden: columns.map((c) => Boolean(c.hidden)),
  });
  const formats = columns.map((c) => formatOf(c.kind));
  let done = 0;
  onProgress(0, total);
  for await (const page of sheetPages(client, segment.id, options)) {
    const rows = page.rows.map(pulledRows(page, columns, language));
    const written = await writeRecordRows(place, rows, done, formats, (at) => onProgress(at, Math.max(total, at)), {
      signal,
    });
    done += written;
    if (written < rows.length) break;
  }
  const cancelled = Boolean(signal?.aborted);
  const pulled = (await readSetting<PulledTables>(PULLED_TABLES_KEY)) ?? {};
  pulled[tableName] = {
    segmentId: segment.id,
    segmentName: segment.name,
    entity: segment.entity,
    pulledAt: new Date().toISOString(),
    complete: !cancelled,
  };
  await writeSetting(PULLED_TABLES_KEY, pulled);
  return { tableName, sheetName: place.sheetName, rows: done, total, cancelled };
}
