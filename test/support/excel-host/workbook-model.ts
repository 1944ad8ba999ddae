import { type Area, formatArea, intersects, MAX_COLUMNS, MAX_ROWS, parseAddress } from "./a1.ts";

/** Excel.RangeValueType, as far as the simulated host produces them. */
export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";
export type Scalar = string | number | boolean;

export type Cell = {
  value: Scalar;
  type: ValueType;
  /** The formula as written ("=SUM(A1:A3)"); the host records formulas, it does not compute them. */
  formula?: string;
  format?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
};

export type TableModel = {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Header row included. */
  area: Area;
  style: string;
};

export type ChartModel = {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: { start: string; end: string } | null;
};

export type SheetModel = {
  id: string;
  name: string;
  rows: Array<Array<Cell | undefined> | undefined>;
  hiddenColumns: Set<number>;
  merged: Area[];
  tables: TableModel[];
  charts: ChartModel[];
  validations: Array<{ area: Area; rule: unknown }>;
  frozenRows: number;
};

export type SyncRecord = { requestBytes: number; responseBytes: number; operations: number; refused?: string };

/** Excel's own error values: typed or written into a cell that is not text, they become errors. */
const ERRORS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The in-memory workbook behind the simulated Excel: sheets of cells with values, formulas and
 * formats, tables, charts, settings, and a log of every sync with its payload size.
 */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  settings = new Map<string, unknown>();
  activeSheet = "";
  syncs: SyncRecord[] = [];
  private nextId = 1;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheet = sheetNames[0] ?? "";
  }

  newId(prefix: string): string {
    return `${prefix}{${String(this.nextId++).padStart(8, "0")}}`;
  }

  addSheet(name: string): SheetModel {
    if (this.findSheet(name)) throw hostError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
      throw hostError("InvalidArgument", `"${name}" is not a valid sheet name.`);
    }
    const sheet: SheetModel = {
      id: this.newId("sheet"),
      name,
      rows: [],
      hiddenColumns: new Set(),
      merged: [],
      tables: [],
      charts: [],
      validations: [],
      frozenRows: 0,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): SheetModel {
    const sheet = this.findSheet(name);
    if (!sheet) throw hostError("ItemNotFound", `No sheet named "${name}".`);
    return sheet;
  }

  tables(): TableModel[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  findTable(name: string): TableModel | undefined {
    return this.tables().find((t) => t.name.toLowerCase() === name.toLowerCase() || t.id === name);
  }
}

export function hostError(code: string, message: string): Error & { code: string } {
  const error = new Error(message) as Error & { code: string };
  error.name = "RichApi.Error";
  error.code = code;
  return error;
}

export function cellAt(sheet: SheetModel, row: number, column: number): Cell | undefined {
  return sheet.rows[row]?.[column];
}

export function cellFor(sheet: SheetModel, row: number, column: number): Cell {
  if (row >= MAX_ROWS || column >= MAX_COLUMNS) throw hostError("InvalidArgument", "The range is outside the sheet.");
  let cells = sheet.rows[row];
  if (!cells) {
    cells = [];
    sheet.rows[row] = cells;
  }
  let cell = cells[column];
  if (!cell) {
    cell = { value: "", type: "Empty" };
    cells[column] = cell;
  }
  return cell;
}

/** Every cell of an area that exists, with its coordinates (empty rows skipped cheaply). */
export function* existingCells(sheet: SheetModel, area: Area): Generator<[number, number, Cell]> {
  const lastRow = Math.min(area.row + area.rows, sheet.rows.length);
  for (let r = area.row; r < lastRow; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    const lastColumn = Math.min(area.column + area.columns, cells.length);
    for (let c = area.column; c < lastColumn; c++) {
      const cell = cells[c];
      if (cell) yield [r, c, cell];
    }
  }
}

/**
 * What Excel does with a value written through `values` or `formulas`, or typed by a user: a
 * leading apostrophe makes text (and is not kept); a text-formatted cell keeps text as it is;
 * otherwise "=…" is a formula, "+…", "-…" and "@…" that are not numbers are formulas too, numbers
 * and ISO dates typed as text become numbers and dates, and "#N/A" becomes an error.
 */
export function writeInput(cell: Cell, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell as it is, as in Excel
  delete cell.formula;
  if (typeof input === "number") {
    Object.assign(cell, { value: input, type: "Double" });
    return;
  }
  if (typeof input === "boolean") {
    Object.assign(cell, { value: input, type: "Boolean" });
    return;
  }
  const text = String(input);
  if (text === "") {
    Object.assign(cell, { value: "", type: "Empty" });
    return;
  }
  if (text.startsWith("'")) {
    Object.assign(cell, { value: text.slice(1), type: text.length > 1 ? "String" : "Empty" });
    return;
  }
  if (cell.format === "@") {
    Object.assign(cell, { value: text, type: "String" });
    return;
  }
  if (text.startsWith("=") && text.length > 1) {
    Object.assign(cell, { value: "", type: "Empty", formula: text });
    return;
  }
  if (NUMBER.test(text.trim())) {
    Object.assign(cell, { value: Number(text), type: "Double" });
    return;
  }
  if (/^[+\-@]/.test(text)) {
    // Excel reads "+33 6 12" or "@SUM(A1)" as a formula; the host cannot compute it: an error.
    Object.assign(cell, { value: "#NAME?", type: "Error", formula: `=${text.replace(/^@/, "")}` });
    return;
  }
  if (ERRORS.has(text.toUpperCase())) {
    Object.assign(cell, { value: text.toUpperCase(), type: "Error" });
    return;
  }
  const date = ISO_DATE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const serial = Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / 86_400_000);
    Object.assign(cell, { value: serial, type: "Double" });
    if (!cell.format || cell.format === "General") cell.format = "yyyy-mm-dd";
    return;
  }
  if (/^(true|false)$/i.test(text)) {
    Object.assign(cell, { value: text.toUpperCase() === "TRUE", type: "Boolean" });
    return;
  }
  Object.assign(cell, { value: text, type: "String" });
}

/** Writes a grid of inputs from (row, column) on, as `values` or a paste does. */
export function writeGrid(sheet: SheetModel, row: number, column: number, grid: unknown[][]): void {
  grid.forEach((cells, r) => {
    cells.forEach((value, c) => {
      writeInput(cellFor(sheet, row + r, column + c), value);
    });
  });
}

/** The area holding every non-empty value (or, without valuesOnly, any formatted cell too). */
export function usedArea(sheet: SheetModel, valuesOnly: boolean): Area | null {
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  sheet.rows.forEach((cells, r) => {
    cells?.forEach((cell, c) => {
      if (!cell) return;
      const used = cell.type !== "Empty" || cell.formula !== undefined || (!valuesOnly && (cell.format || cell.fill));
      if (!used) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  for (const table of sheet.tables) {
    top = Math.min(top, table.area.row);
    left = Math.min(left, table.area.column);
    bottom = Math.max(bottom, table.area.row + table.area.rows - 1);
    right = Math.max(right, table.area.column + table.area.columns - 1);
  }
  if (bottom < 0) return null;
  return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

export function mergedIn(sheet: SheetModel, area: Area): Area[] {
  return sheet.merged.filter((m) => intersects(m, area));
}

export function describeArea(area: Area): string {
  return formatArea(area);
}

export { parseAddress };
