import { ExcelError } from "../office/excel-run.ts";
import { tableShape } from "../office/pull-table.ts";
import { readRows } from "../office/read-rows.ts";
import { readSetting, writeSetting } from "../office/workbook-settings.ts";
import { shrinkTable } from "../office/write-table-rows.ts";
import type { Language, RapportClient } from "../pane-types.ts";
import type { CellValue } from "../sheet/cell.ts";
import { pulledRows } from "../sheet/pulled-cells.ts";
import { columnForHeader, segmentColumns } from "../sheet/segment-columns.ts";
import { formatOf } from "../sheet/write-cells.ts";
import { writeRecordRows } from "./pull-segment.ts";
import { PULLED_TABLES_KEY, type PulledTables } from "./pulled-tables.ts";
import { type PageOptions, sheetPages } from "./sheet-pages.ts";

export type RefreshOutcome = { rows: number; joined: number; left: number; kept: number; cancelled: boolean };

/**
 * Refreshes a pulled table in place: Rapport's columns get the members' current values (found by
 * header, wherever the user moved them), the user's own columns keep what they hold on the same
 * person's row (formulas included), rows typed by the user without an id stay at the end, and
 * members who left the segment go. Nothing is written until every page has arrived, so a cancel
 * leaves the table as it was.
 */
export async function refreshSegment(
  client: RapportClient,
  tableName: string,
  language: Language,
  onProgress: (phase: "read" | "fetch" | "write", done: number, total: number) => void,
  options: PageOptions = {},
): Promise<RefreshOutcome> {
  const { signal } = options;
  const pulled = (await readSetting<PulledTables>(PULLED_TABLES_KEY)) ?? {};
  const record = pulled[tableName];
  const shape = await tableShape(tableName);
  if (!record || !shape)
    throw new ExcelError(`The table ${tableName} is not a pulled segment any more.`, "ItemNotFound");
  const columns = segmentColumns(record.entity);
  const known = shape.headers.map((header) => columnForHeader(columns, header));
  const idAt = known.findIndex((column) => column?.field === "id");
  if (idAt < 0) throw new ExcelError("The table's Id column was removed.", "IdColumnMissing");

  const existing = await readRows(
    { sheetName: shape.sheetName, row: shape.row + 1, column: shape.column, rows: shape.rows, columns: shape.columns },
    ["formulas"],
    (done) => onProgress("read", done, shape.rows),
  );
  const oldRows = (existing.formulas ?? []) as CellValue[][];
  const byId = new Map<string, CellValue[]>();
  const typed: CellValue[][] = [];
  for (const row of oldRows) {
    const id = String(row[idAt] ?? "").trim();
    if (id) byId.set(id, row);
    else if (row.some((cell) => cell !== "")) typed.push(row);
  }

  const { count: total } = await client.segments.count({ params: { id: record.segmentId } });
  const rows: CellValue[][] = [];
  const seen = new Set<string>();
  for await (const page of sheetPages(client, record.segmentId, options)) {
    const cellsOf = pulledRows(page, known, language);
    const idIndex = page.columns.indexOf("id");
    for (const member of page.rows) {
      const id = String(member[idIndex]);
      seen.add(id);
      const old = byId.get(id);
      const cells = cellsOf(member);
      rows.push(known.map((column, c) => (column ? (cells[c] ?? "") : (old?.[c] ?? ""))));
    }
    onProgress("fetch", rows.length, Math.max(total, rows.length));
  }
  if (signal?.aborted) return { rows: oldRows.length, joined: 0, left: 0, kept: typed.length, cancelled: true };

  rows.push(...typed);
  const formats = known.map((column) => (column ? formatOf(column.kind) : null));
  const place = { sheetName: shape.sheetName, tableName, row: shape.row, column: shape.column, columns: shape.columns };
  await writeRecordRows(place, rows, 0, formats, (done) => onProgress("write", done, rows.length), {
    asFormulas: true,
  });
  if (rows.length < oldRows.length) await shrinkTable(place, rows.length, oldRows.length);

  pulled[tableName] = { ...record, pulledAt: new Date().toISOString(), complete: true };
  await writeSetting(PULLED_TABLES_KEY, pulled);
  const joined = [...seen].filter((id) => !byId.has(id)).length;
  const left = [...byId.keys()].filter((id) => !seen.has(id)).length;
  return { rows: rows.length, joined, left, kept: typed.length, cancelled: false };
}
