import type { CellValue } from "../sheet/cell.ts";
import { chunkBySize, MAX_SYNC_BYTES, payloadBytes } from "../sheet/payload.ts";
import { inExcel } from "./excel-run.ts";
import { writeRowsChunk } from "./write-table-rows.ts";

/** A rectangle of cells to write at (row, column); strings starting with "=" are formulas. */
export type PlanBlock = {
  row: number;
  column: number;
  cells: CellValue[][];
  formats?: Array<Array<string | null>>;
  bold?: boolean;
  fill?: string;
};

export type PlanTable = {
  name: string;
  row: number;
  column: number;
  headers: string[];
  rows: CellValue[][];
  /** Number format per column. */
  formats: string[];
  /** Columns (0-based within the table) hidden from view: ids and versions. */
  hidden: number[];
  /** In-cell drop-down lists, per column. */
  lists?: Array<{ column: number; values: string[] }>;
  style: string;
};

export type PlanChart = {
  type: "ColumnClustered" | "BarClustered" | "Line";
  source: { row: number; column: number; rows: number; columns: number };
  title: string;
  /** Top-left and bottom-right cells it covers, "M4" and "T20". */
  from: string;
  to: string;
};

/** A whole sheet the pane builds (pipeline, campaigns): written again from scratch on refresh. */
export type SheetPlan = {
  sheetName: string;
  blocks: PlanBlock[];
  tables: PlanTable[];
  charts: PlanChart[];
  columnWidths?: Array<{ column: number; width: number }>;
};

/**
 * Builds the sheet: cleared if it exists (its tables and charts deleted), tables written in
 * chunks under the sync limit, then the summaries, formats and charts in one last sync.
 */
export async function writeSheetPlan(
  plan: SheetPlan,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  let syncs = 0;
  await inExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    let sheet = sheets.getItemOrNullObject(plan.sheetName);
    await context.sync();
    if (sheet.isNullObject) {
      sheet = sheets.add(plan.sheetName);
    } else {
      sheet.tables.load("items/name");
      sheet.charts.load("items/name");
      await context.sync();
      for (const table of sheet.tables.items) table.delete();
      for (const chart of sheet.charts.items) chart.delete();
      const all = sheet.getRange();
      all.clear("All");
      syncs++;
    }
    for (const table of plan.tables) {
      const header = sheet.getRangeByIndexes(table.row, table.column, 1, table.headers.length);
      header.numberFormat = [table.headers.map(() => "@")];
      header.values = [table.headers];
      const created = sheet.tables.add(header, true);
      created.name = table.name;
      created.style = table.style;
      for (const column of table.hidden) {
        sheet.getRangeByIndexes(0, table.column + column, 1, 1).getEntireColumn().columnHidden = true;
      }
    }
    sheet.activate();
    await context.sync();
    syncs++;
  });

  const total = plan.tables.reduce((sum, t) => sum + t.rows.length, 0);
  let done = 0;
  for (const table of plan.tables) {
    const place = {
      sheetName: plan.sheetName,
      tableName: table.name,
      row: table.row,
      column: table.column,
      columns: table.headers.length,
    };
    const rowBytes = (row: CellValue[]) => payloadBytes(row) + payloadBytes(table.formats);
    for (const [start, end] of chunkBySize(table.rows, rowBytes, MAX_SYNC_BYTES)) {
      await writeRowsChunk({
        place,
        firstRow: start,
        cells: table.rows.slice(start, end),
        formats: table.formats,
        grow: true,
        asFormulas: true,
      });
      syncs++;
      done += end - start;
      onProgress?.(done, total);
    }
  }

  await inExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(plan.sheetName);
    for (const table of plan.tables) {
      for (const list of table.lists ?? []) {
        const rows = Math.max(1, table.rows.length);
        sheet.getRangeByIndexes(table.row + 1, table.column + list.column, rows, 1).dataValidation.rule = {
          list: { inCellDropDown: true, source: list.values.join(",") },
        };
      }
    }
    for (const block of plan.blocks) {
      const columns = Math.max(...block.cells.map((row) => row.length));
      const range = sheet.getRangeByIndexes(block.row, block.column, block.cells.length, columns);
      if (block.formats) range.numberFormat = block.formats;
      range.formulas = block.cells;
      if (block.bold) range.format.font.bold = true;
      if (block.fill) range.format.fill.color = block.fill;
    }
    for (const chart of plan.charts) {
      const source = sheet.getRangeByIndexes(
        chart.source.row,
        chart.source.column,
        chart.source.rows,
        chart.source.columns,
      );
      const added = sheet.charts.add(chart.type, source, "Columns");
      added.title.text = chart.title;
      added.setPosition(chart.from, chart.to);
    }
    for (const width of plan.columnWidths ?? []) {
      sheet.getRangeByIndexes(0, width.column, 1, 1).format.columnWidth = width.width;
    }
    await context.sync();
    syncs++;
  });
  return syncs;
}
