import { inExcel } from "./excel-run.ts";

/** The block of the active sheet a push reads: a table on it, or its used range. */
export type PushSource = {
  sheetName: string;
  tableName: string | null;
  /** Header row and first column, 0-based. */
  row: number;
  column: number;
  /** Rows including the header. */
  rowCount: number;
  columnCount: number;
  /** Merged areas inside it ("Sheet1!A3:C3"): a merged cell has no value per column. */
  mergedAreas: string[];
};

/**
 * Finds what the user means to push on the active sheet: the table there (a pulled one first),
 * or the cells in use. Only the shape is read here, never the values: a sheet of 16,384 columns
 * is refused before a single cell crosses.
 */
export async function locatePushSource(preferredTables: string[]): Promise<PushSource | null> {
  return inExcel(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    sheet.tables.load("items/name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    const tables = sheet.tables.items.map((t) => t.name);
    const tableName = tables.find((name) => preferredTables.includes(name)) ?? tables[0] ?? null;
    let range: Excel.Range;
    if (tableName) {
      range = context.workbook.tables.getItem(tableName).getRange();
    } else {
      if (used.isNullObject) return null;
      range = used;
    }
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = range.getMergedAreasOrNullObject();
    merged.load("address");
    await context.sync();
    return {
      sheetName: sheet.name,
      tableName,
      row: range.rowIndex,
      column: range.columnIndex,
      rowCount: range.rowCount,
      columnCount: range.columnCount,
      mergedAreas: merged.isNullObject ? [] : merged.address.split(",").filter(Boolean),
    };
  });
}

/** First row's number formats: tells a date column typed as dates from one of numbers. */
export async function firstRowFormats(source: PushSource): Promise<string[]> {
  if (source.rowCount < 2) return [];
  return inExcel(async (context) => {
    const range = context.workbook.worksheets
      .getItem(source.sheetName)
      .getRangeByIndexes(source.row + 1, source.column, 1, source.columnCount);
    range.load("numberFormat");
    await context.sync();
    return (range.numberFormat[0] ?? []).map((f) => String(f));
  });
}

/**
 * Turns a pasted list into a table (so the status, id and version columns travel with its rows
 * when the user sorts or filters), named Rapport_List, Rapport_List_2…
 */
export async function tableFromSource(source: PushSource, name: string): Promise<PushSource> {
  if (source.tableName) return source;
  await inExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(source.sheetName);
    const table = sheet.tables.add(
      sheet.getRangeByIndexes(source.row, source.column, source.rowCount, source.columnCount),
      true,
    );
    table.name = name;
    table.style = "TableStyleLight9";
    await context.sync();
  });
  return { ...source, tableName: name };
}

/**
 * The sheet column of each named column of a table, adding at its right those it lacks (hidden
 * when asked: the id and version a pushed row receives). Answers the table's place and width.
 */
export async function ensureTableColumns(
  tableName: string,
  wanted: Array<{ names: string[]; header: string; hidden: boolean }>,
): Promise<{ sheetName: string; row: number; column: number; rows: number; indexes: number[] }> {
  return inExcel(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const header = table.getHeaderRowRange();
    header.load("values,rowIndex,columnIndex");
    await context.sync();
    const headers = (header.values[0] ?? []).map((h) => String(h).trim().toLowerCase());
    const found = wanted.map((w) => {
      const names = w.names.map((n) => n.toLowerCase());
      return headers.findIndex((h) => names.includes(h));
    });
    let added = 0;
    wanted.forEach((w, i) => {
      if (found[i] !== -1) return;
      table.columns.add(undefined, undefined, w.header);
      found[i] = headers.length + added++;
    });
    const sheet = table.worksheet;
    sheet.load("name");
    const body = table.getRange();
    body.load("rowCount");
    await context.sync();
    wanted.forEach((w, i) => {
      if (w.hidden)
        sheet.getRangeByIndexes(0, header.columnIndex + (found[i] ?? 0), 1, 1).getEntireColumn().columnHidden = true;
    });
    await context.sync();
    return {
      sheetName: sheet.name,
      row: header.rowIndex,
      column: header.columnIndex,
      rows: body.rowCount - 1,
      indexes: found.map((i) => header.columnIndex + (i ?? 0)),
    };
  });
}
