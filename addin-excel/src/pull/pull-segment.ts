import type { Account, Contact, Segment } from "@rapport/shared/schemas";
import { createPullTable, freeTableName } from "../office/pull-table.ts";
import { readSetting, writeSetting } from "../office/workbook-settings.ts";
import { type TablePlace, writeRowsChunk } from "../office/write-table-rows.ts";
import type { Language, RapportClient } from "../pane-types.ts";
import type { CellValue } from "../sheet/cell.ts";
import { chunkBySize, MAX_SYNC_BYTES, payloadBytes } from "../sheet/payload.ts";
import { type RecordColumn, segmentColumns } from "../sheet/record-columns.ts";
import { cellToWrite, formatOf } from "../sheet/write-cells.ts";
import { accountNames } from "./account-names.ts";
import { PULLED_TABLES_KEY, type PulledTables } from "./pulled-tables.ts";

/** Members per request: about 2 MB of records, well under the 4 MB a chunk may carry. */
export const PULL_PAGE = 2000;

export type PullOutcome = {
  tableName: string;
  sheetName: string;
  rows: number;
  total: number;
  cancelled: boolean;
  /** Some Company cells were left empty (more distinct accounts than the pane reads one by one). */
  companiesIncomplete: boolean;
};

type Member = Contact | Account;

/** The pages of a segment, the next one asked for while the current one is written. */
export async function* memberPages(
  client: RapportClient,
  segmentId: string,
  signal?: AbortSignal,
): AsyncGenerator<Member[]> {
  const fetchPage = (cursor?: string) =>
    client.segments.members({ params: { id: segmentId }, query: { limit: PULL_PAGE, ...(cursor ? { cursor } : {}) } });
  let next: ReturnType<typeof fetchPage> | null = fetchPage();
  while (next && !signal?.aborted) {
    const page: Awaited<ReturnType<typeof fetchPage>> = await next;
    next = page.nextCursor ? fetchPage(page.nextCursor) : null;
    yield page.items as Member[];
  }
  // A prefetched page nobody reads must not surface as an unhandled rejection.
  next?.catch(() => {});
}

/** The cells of records, as written: text escaped, dates as serials. */
export function recordRows(
  records: Member[],
  columns: RecordColumn<Member>[],
  names: ReadonlyMap<string, string>,
): CellValue[][] {
  return records.map((record) => columns.map((column) => cellToWrite(column.kind, column.cell(record, names))));
}

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
  options: { signal?: AbortSignal; asFormulas?: boolean } = {},
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
 * page after page, each written as it arrives, with progress; a cancel stops between chunks and
 * leaves what arrived, which a refresh completes.
 */
export async function pullSegment(
  client: RapportClient,
  segment: Pick<Segment, "id" | "name" | "entity">,
  language: Language,
  target: { newSheet: boolean },
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<PullOutcome> {
  const { count: total } = await client.segments.count({ params: { id: segment.id } });
  const columns = segmentColumns(segment.entity, language);
  const tableName = await freeTableName(segment.name);
  const place = await createPullTable({
    newSheetName: target.newSheet ? segment.name : null,
    tableName,
    headers: columns.map((c) => c.header[language]),
    kinds: columns.map((c) => c.kind),
    hidden: columns.map((c) => Boolean(c.hidden)),
  });
  const formats = columns.map((c) => formatOf(c.kind));
  const names = accountNames(client);
  let done = 0;
  onProgress(0, total);
  for await (const page of memberPages(client, segment.id, signal)) {
    if (segment.entity === "contacts") await names.resolve(page as Contact[]);
    const rows = recordRows(page, columns, names.names);
    const written = await writeRecordRows(place, rows, done, formats, (at) => onProgress(at, Math.max(total, at)), {
      ...(signal ? { signal } : {}),
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
  return { tableName, sheetName: place.sheetName, rows: done, total, cancelled, companiesIncomplete: names.incomplete };
}
