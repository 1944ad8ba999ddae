import type { ColumnKind } from "../sheet/cell.ts";
import { formatOf } from "../sheet/write-cells.ts";
import { ExcelError, inExcel } from "./excel-run.ts";
import type { TablePlace } from "./write-table-rows.ts";

export type PullTableSpec = {
  /** A new sheet with this name (made unique), or the active sheet when null. */
  newSheetName: string | null;
  tableName: string;
  headers: string[];
  kinds: ColumnKind[];
  hidden: boolean[];
};

/** Sheet names Excel refuses: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetNameFrom(name: string): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return (clean || "Rapport").slice(0, 31).trim();
}

function uniqueName(wanted: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A name for a new table no other table has: Rapport_<base>, Rapport_<base>_2… */
export async function freeTableName(base: string): Promise<string> {
  return inExcel(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const stem = `Rapport_${base.replace(/[^A-Za-z0-9_]/g, "_")}`.slice(0, 200);
    const taken = new Set(tables.items.map((t) => t.name.toLowerCase()));
    if (!taken.has(stem.toLowerCase())) return stem;
    for (let n = 2; ; n++) if (!taken.has(`${stem}_${n}`.toLowerCase())) return `${stem}_${n}`;
  });
}

/**
 * The empty table a pull fills: friendly headers in bold, the id and version columns hidden, text
 * columns formatted as text, the header row frozen. On the active sheet only when it is empty: a
 * pull never writes over someone's data.
 */
export async function createPullTable(spec: PullTableSpec): Promise<TablePlace> {
  return inExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const active = sheets.getActiveWorksheet();
    active.load("name");
    const used = active.getUsedRangeOrNullObject(true);
    await context.sync();
    let sheet: Excel.Worksheet;
    if (spec.newSheetName !== null) {
      const name = uniqueName(
        sheetNameFrom(spec.newSheetName),
        sheets.items.map((s) => s.name),
      );
      sheet = sheets.add(name);
    } else {
      if (!used.isNullObject) throw new ExcelError("The active sheet already holds data.", "SheetNotEmpty");
      sheet = active;
    }
    const columns = spec.headers.length;
    const header = sheet.getRangeByIndexes(0, 0, 1, columns);
    header.numberFormat = [spec.headers.map(() => "@")];
    header.values = [spec.headers];
    const table = sheet.tables.add(header, true);
    table.name = spec.tableName;
    table.style = "TableStyleMedium2";
    // Formats for the first (empty) data row: later chunks set their own.
    sheet.getRangeByIndexes(1, 0, 1, columns).numberFormat = [spec.kinds.map(formatOf)];
    spec.hidden.forEach((hidden, c) => {
      if (hidden) sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().columnHidden = true;
    });
    sheet.freezePanes.freezeRows(1);
    sheet.activate();
    sheet.load("name");
    await context.sync();
    return { sheetName: sheet.name, tableName: spec.tableName, row: 0, column: 0, columns };
  });
}

/** Where a table is now and its headers (the user may have added columns or moved it). */
export type TableShape = TablePlace & { headers: string[]; rows: number };

export async function tableShape(tableName: string): Promise<TableShape | null> {
  return inExcel(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(tableName);
    await context.sync();
    if (table.isNullObject) return null;
    const range = table.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    const header = table.getHeaderRowRange();
    header.load("values");
    const sheet = table.worksheet;
    sheet.load("name");
    await context.sync();
    return {
      sheetName: sheet.name,
      tableName,
      row: range.rowIndex,
      column: range.columnIndex,
      columns: range.columnCount,
      rows: range.rowCount - 1,
      headers: (header.values[0] ?? []).map((h) => String(h)),
    };
  });
}
