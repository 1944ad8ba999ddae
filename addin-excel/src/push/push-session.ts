import { type ColumnMapping, proposeMapping } from "@rapport/shared/import";
import type { ImportJob, ImportRowResult } from "@rapport/shared/schemas";
import { type ColumnCell, writeColumnCells, writeScatteredCells } from "../office/column-cells.ts";
import { freeTableName } from "../office/pull-table.ts";
import {
  ensureTableColumns,
  firstRowFormats,
  locatePushSource,
  type PushSource,
  tableFromSource,
} from "../office/push-source.ts";
import { readRows } from "../office/read-rows.ts";
import { deleteSetting, readSetting, writeSetting } from "../office/workbook-settings.ts";
import type { Language, RapportClient } from "../pane-types.ts";
import type { PulledTables } from "../pull/pulled-tables.ts";
import { PULLED_TABLES_KEY } from "../pull/pulled-tables.ts";
import type { CellValue } from "../sheet/cell.ts";
import { checkCells, checkShape, type SheetCells, type SheetProblem } from "../sheet/check-sheet.ts";
import { contactCells } from "../sheet/contact-cells.ts";
import { FORMATS } from "../sheet/excel-dates.ts";
import { cellToWrite, formatOf } from "../sheet/write-cells.ts";
import { allRowResults, analyse, type Progress, secondBefore, sendRows, settle, versionsSince } from "./import-job.ts";
import { type PreparedPush, preparePush, pushHeaders, STATUS_HEADERS, statusHeader } from "./prepare-push.ts";
import { rowStatus, statusWords } from "./row-status.ts";

export const LAST_PUSH_KEY = "rapport.lastPush";

export type SheetRead = {
  source: PushSource;
  cells: SheetCells;
  formats: string[];
  headers: string[];
  proposed: ColumnMapping;
  blocking: SheetProblem[];
  warnings: SheetProblem[];
};

export type DryRun = {
  job: ImportJob;
  source: PushSource & { tableName: string };
  prepared: PreparedPush;
  mapping: ColumnMapping;
  formats: string[];
  results: ImportRowResult[];
  statusColumn: number;
};

/** What undo needs, kept in the workbook so it works after the pane was closed. */
export type LastPush = {
  jobId: string;
  sheetName: string;
  tableName: string;
  headerRow: number;
  statusColumn: number;
  idColumn: number;
  versionColumn: number;
  sheetRows: number[];
  pushedAt: string;
};

/** The sheet row a user sees (1-based) for a data row of the block. */
export const excelRow = (headerRow: number, dataRow: number) => headerRow + dataRow + 2;

/**
 * Reads the active sheet for a push: its table or used range, checked before anything else (an
 * empty sheet, a header alone, merged cells, too many columns, error values), with a mapping
 * proposed from its headers. Nothing leaves the workbook here.
 */
export async function readForPush(onProgress?: Progress): Promise<SheetRead | { blocking: SheetProblem[] }> {
  const pulled = (await readSetting<PulledTables>(PULLED_TABLES_KEY)) ?? {};
  const source = await locatePushSource(Object.keys(pulled));
  if (!source) return { blocking: [{ kind: "empty" }] };
  const shape = checkShape({
    rowCount: source.rowCount,
    columnCount: source.columnCount,
    mergedAreas: source.mergedAreas,
  });
  if (shape.length) return { blocking: shape };
  if (source.tableName && pulled[source.tableName]?.entity === "accounts") return { blocking: [{ kind: "accounts" }] };
  const read = await readRows(
    {
      sheetName: source.sheetName,
      row: source.row,
      column: source.column,
      rows: source.rowCount,
      columns: source.columnCount,
    },
    ["values", "valueTypes"],
    (done) => onProgress?.(done, source.rowCount),
  );
  const values = (read.values ?? []) as CellValue[][];
  const types = (read.valueTypes ?? []) as string[][];
  const cells: SheetCells = {
    origin: { row: source.row, column: source.column },
    headers: values[0] ?? [],
    rows: values.slice(1),
    types: types.slice(1),
  };
  const { blocking, warnings } = checkCells(cells);
  const formats = await firstRowFormats(source);
  const { headers } = pushHeaders(cells);
  return { source, cells, formats, headers, proposed: proposeMapping(headers), blocking, warnings };
}

export type DryRunOptions = { defaultCountry?: string; dayFirst: boolean; errorsAsEmpty: boolean };

/**
 * The dry run: the rows go to a new import job, the server decides each one (changing nothing
 * in the CRM), and every row's decision lands in a colour-coded status column of the sheet.
 */
export async function runDryRun(
  client: RapportClient,
  read: SheetRead,
  mapping: ColumnMapping,
  options: DryRunOptions,
  language: Language,
  onProgress: (phase: "send" | "analyse" | "status", done: number, total: number) => void,
): Promise<DryRun> {
  const prepared = preparePush(read.cells, mapping, read.formats, { errorsAsEmpty: options.errorsAsEmpty });
  const withTable = read.source.tableName
    ? read.source
    : await tableFromSource(read.source, await freeTableName("List"));
  const source = withTable as PushSource & { tableName: string };
  const job = await sendRows(
    client,
    {
      name: source.sheetName,
      headers: prepared.headers,
      mapping,
      dayFirst: options.dayFirst,
      ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
    },
    prepared.rows,
    (done, total) => onProgress("send", done, total),
  );
  const analysed = await analyse(client, job.id, (done, total) => onProgress("analyse", done, total));
  const results = await allRowResults(client, job.id);
  const [statusColumn] = (
    await ensureTableColumns(source.tableName, [
      { names: STATUS_HEADERS, header: statusHeader(language), hidden: false },
    ])
  ).indexes as [number];
  const run: DryRun = { job: analysed, source, prepared, mapping, formats: read.formats, results, statusColumn };
  await writeStatuses(run, results, language, new Map(), (done) => onProgress("status", done, results.length));
  return run;
}

/** The status column for these rows, in words and colours. */
async function writeStatuses(
  run: Pick<DryRun, "source" | "prepared" | "statusColumn">,
  results: ImportRowResult[],
  language: Language,
  replaced: Map<number, string>,
  onProgress?: (done: number) => void,
): Promise<void> {
  const rowOf = (importRow: number) => excelRow(run.source.row, run.prepared.sheetRows[importRow - 1] ?? 0);
  const cells: ColumnCell[] = results.map((result) => {
    const status = rowStatus(result, rowOf, language);
    return {
      row: run.prepared.sheetRows[result.row - 1] ?? 0,
      value: cellToWrite("text", replaced.get(result.row) ?? status.text),
      fill: status.fill,
    };
  });
  await writeColumnCells(
    { sheetName: run.source.sheetName, row: run.source.row },
    run.statusColumn,
    cells,
    FORMATS.text,
    onProgress,
  );
}

export type Decision = "create" | "merge" | "update" | "skip";

/** The user's decision for one row, sent to the job, and its status cell rewritten. */
export async function decideRow(
  client: RapportClient,
  run: DryRun,
  row: number,
  decision: Decision,
  language: Language,
): Promise<DryRun> {
  const updated = await client.imports.overrideRow({
    params: { id: run.job.id, row: String(row) },
    body: { action: decision },
  });
  const results = run.results.map((r) => (r.row === row ? updated : r));
  await writeStatuses(run, [updated], language, new Map());
  const job = await client.imports.get({ params: { id: run.job.id } });
  return { ...run, job, results };
}

/**
 * The sheet must still be the one the dry run saw: a cell edited or rows sorted since would put
 * the ids Rapport returns on the wrong rows.
 */
async function sheetUnchanged(run: DryRun): Promise<boolean> {
  const read = await readForPush();
  if (!("cells" in read) || read.source.tableName !== run.source.tableName) return false;
  const again = preparePush(read.cells, run.mapping, run.formats, { errorsAsEmpty: true });
  return (
    JSON.stringify(again.rows) === JSON.stringify(run.prepared.rows) &&
    JSON.stringify(again.sheetRows) === JSON.stringify(run.prepared.sheetRows)
  );
}

export class SheetChangedError extends Error {
  constructor() {
    super("The sheet changed since the dry run.");
    this.name = "SheetChangedError";
  }
}

/**
 * Applies the job, then gives the table what Rapport now holds: the id and version of every row
 * created, updated or merged (hidden columns, added when the list had none), Rapport's values for
 * the conflicts the user settled with "take Rapport's version", and the final status of each row.
 */
export async function applyPush(
  client: RapportClient,
  run: DryRun,
  takeServer: ReadonlySet<number>,
  language: Language,
  onProgress: (phase: "apply" | "write", done: number, total: number) => void,
): Promise<{ job: ImportJob; results: ImportRowResult[]; lastPush: LastPush }> {
  if (!(await sheetUnchanged(run))) throw new SheetChangedError();
  const started = await client.imports.apply({ params: { id: run.job.id } });
  const job = await settle(client, run.job.id, (done, total) => onProgress("apply", done, total));
  const results = await allRowResults(client, run.job.id);
  const versions = await versionsSince(client, secondBefore(started.updatedAt));

  const place = await idColumns(run, language);
  const ids: ColumnCell[] = [];
  const vers: ColumnCell[] = [];
  for (const result of results) {
    const row = run.prepared.sheetRows[result.row - 1];
    if (row === undefined || result.status !== "applied" || !result.recordId || result.action === "duplicate") continue;
    const version = versions.get(result.recordId);
    // A contact changed again after the apply keeps the version the row had: its next push shows a conflict.
    if (!version || version.updatedAt > job.updatedAt) continue;
    ids.push({ row, value: result.recordId });
    vers.push({ row, value: version.version });
  }
  onProgress("write", 0, ids.length);
  await writeColumnCells(place, place.idColumn, ids, formatOf("id"));
  await writeColumnCells(place, place.versionColumn, vers, formatOf("version"), (done) =>
    onProgress("write", done, ids.length),
  );

  const replaced = new Map<number, string>();
  const taken: Array<{ row: number; column: number; value: CellValue; format: string }> = [];
  for (const result of results) {
    if (!takeServer.has(result.row) || !result.targetId) continue;
    const contact = await client.contacts.get({ params: { id: result.targetId } });
    const row = run.prepared.sheetRows[result.row - 1] ?? 0;
    contactCells(contact, run.mapping).forEach((cell) => {
      if (!cell) return;
      const column = run.source.column + (run.prepared.columns[cell.column] ?? 0);
      taken.push({
        row: run.source.row + 1 + row,
        column,
        value: cellToWrite(cell.kind, cell.value),
        format: formatOf(cell.kind),
      });
    });
    replaced.set(result.row, statusWords(language).takeServer);
  }
  await writeScatteredCells(run.source.sheetName, taken);
  await writeStatuses(run, results, language, replaced);

  const lastPush: LastPush = {
    jobId: job.id,
    sheetName: run.source.sheetName,
    tableName: run.source.tableName,
    headerRow: run.source.row,
    statusColumn: run.statusColumn,
    idColumn: place.idColumn,
    versionColumn: place.versionColumn,
    sheetRows: run.prepared.sheetRows,
    pushedAt: job.updatedAt,
  };
  await writeSetting(LAST_PUSH_KEY, lastPush);
  return { job, results, lastPush };
}

/** The id and version columns of the table: the mapped ones, or hidden ones added at its right. */
async function idColumns(run: DryRun, language: Language) {
  const headerOf = (field: "id" | "version") => {
    const k = run.mapping.indexOf(field);
    return k >= 0 ? run.prepared.headers[k] : undefined;
  };
  const id = headerOf("id");
  const version = headerOf("version");
  const place = await ensureTableColumns(run.source.tableName, [
    { names: id ? [id] : ["Id", "ID Rapport"], header: language === "fr" ? "ID Rapport" : "Id", hidden: !id },
    { names: version ? [version] : ["Version"], header: "Version", hidden: !version },
  ]);
  const [idColumn, versionColumn] = place.indexes as [number, number];
  return { sheetName: place.sheetName, row: place.row, idColumn, versionColumn };
}

/**
 * Undoes the last push: Rapport removes the contacts it created and restores those it changed
 * (except those edited since, which it keeps and names); the table loses the ids of the removed
 * and merged rows and gets the restored versions.
 */
export async function undoLastPush(
  client: RapportClient,
  language: Language,
  onProgress: Progress,
): Promise<ImportJob | null> {
  const last = await readSetting<LastPush>(LAST_PUSH_KEY);
  if (!last) return null;
  const started = await client.imports.undo({ params: { id: last.jobId } });
  const job = await settle(client, last.jobId, onProgress);
  const results = await allRowResults(client, last.jobId);
  const versions = await versionsSince(client, secondBefore(started.updatedAt));
  const place = { sheetName: last.sheetName, row: last.headerRow };
  const ids: ColumnCell[] = [];
  const vers: ColumnCell[] = [];
  const statuses: ColumnCell[] = [];
  const words = statusWords(language);
  for (const result of results) {
    const row = last.sheetRows[result.row - 1];
    if (row === undefined) continue;
    if (result.status === "undone" && (result.action === "create" || result.action === "merge")) {
      ids.push({ row, value: "" });
      vers.push({ row, value: "" });
    } else if (result.status === "undone" && result.recordId) {
      const version = versions.get(result.recordId);
      if (version) vers.push({ row, value: version.version });
    }
    if (result.status === "undone" || result.status === "kept") {
      statuses.push({
        row,
        value: result.status === "kept" ? words.kept : words.undone,
        fill: rowStatus(result, () => 0, language).fill,
      });
    }
  }
  await writeColumnCells(place, last.idColumn, ids, formatOf("id"));
  await writeColumnCells(place, last.versionColumn, vers, formatOf("version"));
  await writeColumnCells(place, last.statusColumn, statuses, FORMATS.text);
  await deleteSetting(LAST_PUSH_KEY);
  return job;
}

export async function lastPush(): Promise<LastPush | null> {
  return readSetting<LastPush>(LAST_PUSH_KEY);
}
