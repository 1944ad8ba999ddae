import { type Area, columnLetters, parseAddress } from "./a1.ts";
import { HostContext } from "./client-object.ts";
import {
  cellAt,
  cellFor,
  type Scalar,
  type SyncRecord,
  WorkbookModel,
  writeGrid,
  writeInput,
} from "./workbook-model.ts";
import { HostWorkbook } from "./workbook-objects.ts";

export type HostOptions = {
  /** Office's display language, such as "fr-FR". */
  language?: string;
  /** Office's body background colour: a dark one makes the pane dark. */
  background?: string;
  sheets?: string[];
  /** Milliseconds every sync takes, as a round trip to Excel does. */
  syncDelayMs?: number;
};

/** One sheet as the tests read it: cells by A1 address, with their values, formulas and formats. */
export type SheetSnapshot = {
  name: string;
  values: Scalar[][];
  formulas: Array<Array<string | null>>;
  formats: string[][];
  fills: Array<Array<string | null>>;
  types: string[][];
  hiddenColumns: string[];
  merged: string[];
  frozenRows: number;
  tables: Array<{ name: string; address: string; headers: string[]; style: string }>;
  charts: Array<{ name: string; type: string; source: string; title: string }>;
  validations: Array<{ address: string; rule: unknown }>;
};

/** What the tests and the bench drive and read, beside the API the pane uses. */
export type ExcelHostControl = {
  model: WorkbookModel;
  snapshot: (sheet: string) => SheetSnapshot;
  sheetNames: () => string[];
  activeSheet: () => string;
  settings: () => Record<string, unknown>;
  syncs: () => SyncRecord[];
  /** As a user typing into one cell, or pasting rows from A1-style `address` on. */
  type: (sheet: string, address: string, value: Scalar) => void;
  paste: (sheet: string, address: string, rows: Scalar[][]) => void;
  /** Error values and the like, set as Excel would hold them after a formula failed. */
  setError: (sheet: string, address: string, error: string) => void;
  merge: (sheet: string, address: string) => void;
  addSheet: (name: string) => void;
  activate: (sheet: string) => void;
  setSyncDelay: (ms: number) => void;
};

function area(address: string): Area {
  return parseAddress(address);
}

export function createExcelHost(options: HostOptions = {}) {
  const model = new WorkbookModel(options.sheets ?? ["Sheet1"]);
  let syncDelayMs = options.syncDelayMs ?? 0;

  const Excel = {
    async run<T>(batch: (context: HostContext) => Promise<T>): Promise<T> {
      const context = new HostContext(model, (ctx) => new HostWorkbook(ctx));
      const sync = context.sync.bind(context);
      context.sync = async () => {
        if (syncDelayMs) await new Promise((resolve) => setTimeout(resolve, syncDelayMs));
        await sync();
      };
      const result = await batch(context);
      // Excel sends what is still queued when the batch returns, and makes no round trip for nothing.
      if (context.pending > 0) await context.sync();
      return result;
    },
  };

  const Office = {
    HostType: { Excel: "Excel", Outlook: "Outlook" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
    context: {
      displayLanguage: options.language ?? "en-US",
      officeTheme: { bodyBackgroundColor: options.background ?? "#ffffff" },
      requirements: {
        isSetSupported: (set: string, version?: string) =>
          set === "ExcelApi" && Number(version ?? "1.1") <= 1.13 + Number.EPSILON,
      },
    },
  };

  const control: ExcelHostControl = {
    model,
    snapshot: (name) => snapshotOf(model, name),
    sheetNames: () => model.sheets.map((s) => s.name),
    activeSheet: () => model.activeSheet,
    settings: () => Object.fromEntries(model.settings),
    syncs: () => [...model.syncs],
    type: (sheet, address, value) => {
      const { row, column } = area(address);
      writeInput(cellFor(model.sheet(sheet), row, column), value);
    },
    paste: (sheet, address, rows) => {
      const { row, column } = area(address);
      const target = model.sheet(sheet);
      writeGrid(target, row, column, rows);
    },
    setError: (sheet, address, error) => {
      const { row, column } = area(address);
      Object.assign(cellFor(model.sheet(sheet), row, column), { value: error, type: "Error" });
    },
    merge: (sheet, address) => {
      model.sheet(sheet).merged.push(area(address));
    },
    addSheet: (name) => {
      model.addSheet(name);
    },
    activate: (sheet) => {
      model.activeSheet = model.sheet(sheet).name;
    },
    setSyncDelay: (ms) => {
      syncDelayMs = ms;
    },
  };
  return { Excel, Office, control };
}

function snapshotOf(model: WorkbookModel, name: string): SheetSnapshot {
  const sheet = model.sheet(name);
  const rows = sheet.rows.length;
  const columns = Math.max(0, ...sheet.rows.map((r) => r?.length ?? 0));
  const grid = <T>(read: (r: number, c: number) => T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => read(r, c)));
  const address = (a: Area) =>
    `${columnLetters(a.column)}${a.row + 1}:${columnLetters(a.column + a.columns - 1)}${a.row + a.rows}`;
  return {
    name: sheet.name,
    values: grid((r, c) => cellAt(sheet, r, c)?.value ?? ""),
    formulas: grid((r, c) => cellAt(sheet, r, c)?.formula ?? null),
    formats: grid((r, c) => cellAt(sheet, r, c)?.format ?? "General"),
    fills: grid((r, c) => cellAt(sheet, r, c)?.fill ?? null),
    types: grid((r, c) => cellAt(sheet, r, c)?.type ?? "Empty"),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
    merged: sheet.merged.map(address),
    frozenRows: sheet.frozenRows,
    tables: sheet.tables.map((t) => ({
      name: t.name,
      address: address(t.area),
      headers: Array.from({ length: t.area.columns }, (_, c) =>
        String(cellAt(sheet, t.area.row, t.area.column + c)?.value ?? ""),
      ),
      style: t.style,
    })),
    charts: sheet.charts.map((c) => ({ name: c.name, type: c.type, source: c.source, title: c.title })),
    validations: sheet.validations.map((v) => ({ address: address(v.area), rule: v.rule })),
  };
}
