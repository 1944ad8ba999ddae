import { ApiError } from "@rapport/shared/client";
import type { Opportunity, OpportunityStage, OpportunityUpdate, PipelineDeal } from "@rapport/shared/schemas";
import { writeScatteredCells } from "../office/column-cells.ts";
import { ExcelError } from "../office/excel-run.ts";
import { tableShape } from "../office/pull-table.ts";
import { readRows } from "../office/read-rows.ts";
import { writeSheetPlan } from "../office/sheet-plan.ts";
import { readSetting, writeSetting } from "../office/workbook-settings.ts";
import type { Language, RapportClient } from "../pane-types.ts";
import type { CellValue } from "../sheet/cell.ts";
import { serialFromIsoDate } from "../sheet/excel-dates.ts";
import { parseDateCell, parseNumberCell } from "../sheet/parse-cells.ts";
import { PIPELINE_COLUMNS, PIPELINE_TABLE, type PipelineSheetQuery, pipelinePlan } from "../sheet/pipeline-layout.ts";
import { parseStage, stageLabel } from "../sheet/stages.ts";
import { formatOf } from "../sheet/write-cells.ts";

export const PIPELINE_KEY = "rapport.pipeline";

/** The four values a manager may change from the sheet, as Rapport had them at the last refresh. */
export type DealValues = {
  stage: OpportunityStage;
  amount: number | null;
  probability: number;
  expectedCloseDate: string | null;
};

export type PipelineState = {
  query: PipelineSheetQuery;
  language: Language;
  sheetName: string;
  builtAt: string;
  baseline: Record<string, DealValues>;
};

const valuesOf = (
  deal: Pick<Opportunity | PipelineDeal, "stage" | "amount" | "probability" | "expectedCloseDate">,
): DealValues => ({
  stage: deal.stage,
  amount: deal.amount,
  probability: deal.probability,
  expectedCloseDate: deal.expectedCloseDate,
});

/** Every deal of the query, a page at a time. */
async function allDeals(client: RapportClient, query: PipelineSheetQuery, onProgress: (done: number) => void) {
  const deals: PipelineDeal[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.pipeline.deals({
      query: {
        scope: query.scope,
        currency: query.currency,
        includeClosed: query.includeClosed ? "true" : "false",
        limit: 1000,
        ...(query.closeFrom ? { closeFrom: query.closeFrom } : {}),
        ...(query.closeTo ? { closeTo: query.closeTo } : {}),
        ...(cursor ? { cursor } : {}),
      },
    });
    deals.push(...page.items);
    onProgress(deals.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return deals;
}

/** Builds (or rebuilds) the pipeline sheet, and remembers each deal's values to see edits later. */
export async function buildPipeline(
  client: RapportClient,
  query: PipelineSheetQuery,
  language: Language,
  onProgress: (phase: "fetch" | "write", done: number, total: number) => void,
): Promise<{ deals: number; sheetName: string }> {
  const deals = await allDeals(client, query, (done) => onProgress("fetch", done, done));
  const builtAt = new Date();
  const plan = pipelinePlan(deals, query, language, builtAt);
  await writeSheetPlan(plan, (done, total) => onProgress("write", done, total));
  const state: PipelineState = {
    query,
    language,
    sheetName: plan.sheetName,
    builtAt: builtAt.toISOString(),
    baseline: Object.fromEntries(deals.map((deal) => [deal.id, valuesOf(deal)])),
  };
  await writeSetting(PIPELINE_KEY, state);
  return { deals: deals.length, sheetName: plan.sheetName };
}

export type DealEdit = {
  id: string;
  version: number;
  name: string;
  /** Data row under the table's header (0-based), and the row the user sees. */
  row: number;
  excelRow: number;
  before: DealValues;
  changes: Partial<DealValues>;
};

export type EditProblem = { excelRow: number; name: string; field: keyof DealValues; value: string };

type TableGeometry = {
  sheetName: string;
  row: number;
  column: number;
  index: Record<keyof typeof PIPELINE_COLUMNS, number>;
};

/** Finds the deals table and reads it: the column of each field by position (as it was built). */
async function readTable(): Promise<{ state: PipelineState; geometry: TableGeometry; rows: CellValue[][] } | null> {
  const state = await readSetting<PipelineState>(PIPELINE_KEY);
  const shape = await tableShape(PIPELINE_TABLE);
  if (!state || !shape) return null;
  const read = await readRows(
    { sheetName: shape.sheetName, row: shape.row + 1, column: shape.column, rows: shape.rows, columns: shape.columns },
    ["values"],
  );
  return {
    state,
    geometry: { sheetName: shape.sheetName, row: shape.row, column: shape.column, index: { ...PIPELINE_COLUMNS } },
    rows: (read.values ?? []) as CellValue[][],
  };
}

/**
 * What the manager changed in the sheet since the last refresh: stage, amount, probability and
 * close date compared with Rapport's values then; a value that cannot be read (an unknown stage,
 * "12k" for an amount) is a problem named with its row, and is not sent.
 */
export async function pendingEdits(): Promise<{ edits: DealEdit[]; problems: EditProblem[] } | null> {
  const table = await readTable();
  if (!table) return null;
  const { state, geometry, rows } = table;
  const I = geometry.index;
  const edits: DealEdit[] = [];
  const problems: EditProblem[] = [];
  rows.forEach((row, r) => {
    const id = String(row[I.id] ?? "");
    const before = state.baseline[id];
    if (!before) return;
    const name = String(row[I.deal] ?? "");
    const excelRow = geometry.row + r + 2;
    const changes: Partial<DealValues> = {};
    const problem = (field: keyof DealValues, value: CellValue | undefined) =>
      problems.push({ excelRow, name, field, value: String(value ?? "") });

    const stage = parseStage(String(row[I.stage] ?? ""));
    if (!stage) problem("stage", row[I.stage]);
    else if (stage !== before.stage) changes.stage = stage;

    const amount = parseNumberCell(row[I.amount]);
    if (amount === null) problem("amount", row[I.amount]);
    else if ((amount === "empty" ? null : amount) !== before.amount)
      changes.amount = amount === "empty" ? null : amount;

    const probability = parseNumberCell(row[I.probability]);
    if (probability === null || probability === "empty" || probability < 0 || probability > 100)
      problem("probability", row[I.probability]);
    else if (probability !== before.probability) changes.probability = probability;

    const close = parseDateCell(row[I.close], state.language === "fr");
    if (close === null) problem("expectedCloseDate", row[I.close]);
    else if ((close === "empty" ? null : close) !== before.expectedCloseDate) {
      changes.expectedCloseDate = close === "empty" ? null : close;
    }
    if (Object.keys(changes).length) {
      edits.push({ id, version: Number(row[I.version]), name, row: r, excelRow, before, changes });
    }
  });
  return { edits, problems };
}

/** A deal someone changed in Rapport since the sheet was refreshed: both versions, for the user to choose. */
export type DealConflict = { edit: DealEdit; current: Opportunity };

export type SendOutcome = {
  sent: DealEdit[];
  conflicts: DealConflict[];
  failed: Array<{ edit: DealEdit; message: string }>;
};

/**
 * Sends each edit with the version the sheet was built from (If-Match): a deal changed in Rapport
 * since answers 412 with its current state, and becomes a conflict; nothing is overwritten unseen.
 */
export async function sendEdits(client: RapportClient, edits: DealEdit[]): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: [], conflicts: [], failed: [] };
  for (const edit of edits) {
    try {
      const saved = await client.opportunities.update({
        params: { id: edit.id },
        ifMatch: edit.version,
        body: edit.changes as OpportunityUpdate,
      });
      await writeDealRow(edit.row, saved);
      outcome.sent.push(edit);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && error.problem.current) {
        outcome.conflicts.push({ edit, current: error.problem.current as Opportunity });
      } else if (error instanceof ApiError) {
        outcome.failed.push({ edit, message: error.problem.detail });
      } else throw error;
    }
  }
  return outcome;
}

/** Keep mine: send again over the current version. Take Rapport's: the row gets Rapport's values. */
export async function settleConflict(
  client: RapportClient,
  conflict: DealConflict,
  choice: "mine" | "server",
): Promise<void> {
  if (choice === "server") {
    await writeDealRow(conflict.edit.row, conflict.current);
    return;
  }
  const saved = await client.opportunities.update({
    params: { id: conflict.edit.id },
    ifMatch: conflict.current.version,
    body: conflict.edit.changes as OpportunityUpdate,
  });
  await writeDealRow(conflict.edit.row, saved);
}

/** A deal's row as Rapport now has it (its four values and version), and the baseline with it. */
async function writeDealRow(row: number, deal: Opportunity): Promise<void> {
  const state = await readSetting<PipelineState>(PIPELINE_KEY);
  const shape = await tableShape(PIPELINE_TABLE);
  if (!state || !shape) throw new ExcelError("The pipeline sheet is gone.", "ItemNotFound");
  const C = PIPELINE_COLUMNS;
  const at = shape.row + 1 + row;
  const cell = (column: number, value: CellValue, kind: Parameters<typeof formatOf>[0]) => ({
    row: at,
    column: shape.column + column,
    value,
    format: kind === "amount" ? `#,##0.00 "${state.query.currency}"` : formatOf(kind),
  });
  await writeScatteredCells(shape.sheetName, [
    cell(C.stage, stageLabel(deal.stage, state.language), "text"),
    cell(C.amount, deal.amount ?? "", "amount"),
    cell(C.probability, deal.probability, "number"),
    cell(C.close, deal.expectedCloseDate ? serialFromIsoDate(deal.expectedCloseDate) : "", "date"),
    cell(C.version, deal.version, "version"),
  ]);
  state.baseline[deal.id] = valuesOf(deal);
  await writeSetting(PIPELINE_KEY, state);
}

export async function pipelineState(): Promise<PipelineState | null> {
  return readSetting<PipelineState>(PIPELINE_KEY);
}
