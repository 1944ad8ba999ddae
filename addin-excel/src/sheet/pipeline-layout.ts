import type { OpportunityStage, PipelineDeal, PipelineScope } from "@rapport/shared/schemas";
import { bilingual } from "../bilingual.ts";
import type { PlanBlock, PlanTable, SheetPlan } from "../office/sheet-plan.ts";
import type { Language } from "../pane-types.ts";
import type { CellValue, ColumnKind } from "./cell.ts";
import { FORMATS, serialFromIsoDate, serialFromTimestamp } from "./excel-dates.ts";
import { columnLetters } from "./read-cells.ts";
import { OPEN_STAGES, STAGES, stageLabel } from "./stages.ts";
import { cellToWrite, formatOf } from "./write-cells.ts";

export const PIPELINE_TABLE = "Rapport_Pipeline";

const words = bilingual({
  en: {
    sheet: "Pipeline",
    title: (scope: string, currency: string) => `Pipeline: ${scope}, ${currency}`,
    scope: { mine: "my deals", team: "my team's deals", all: "every deal I may see" } as Record<string, string>,
    period: (from: string, to: string) => `Expected close from ${from || "any date"} to ${to || "any date"}`,
    refreshed: (at: string) =>
      `Refreshed ${at}; edit stage, amount, probability or close date, then send them from the pane.`,
    headers: [
      "Account",
      "Deal",
      "Stage",
      "Amount",
      "Probability",
      "Weighted amount",
      "Expected close",
      "Owner",
      "Last activity",
      "Id",
      "Version",
    ],
    byStage: ["By stage", "Amount", "Weighted", "Deals"],
    byOwner: ["By owner", "Amount", "Weighted", "Deals"],
    byMonth: ["Close month", "Amount", "Weighted", "Deals"],
    noDate: "No close date",
    total: "Total",
    chart: "Weighted forecast by close month",
  },
  fr: {
    sheet: "Pipeline",
    title: (scope: string, currency: string) => `Pipeline : ${scope}, ${currency}`,
    scope: { mine: "mes affaires", team: "les affaires de mon équipe", all: "toutes les affaires visibles" } as Record<
      string,
      string
    >,
    period: (from: string, to: string) => `Clôture prévue du ${from || "début"} au ${to || "dernier jour"}`,
    refreshed: (at: string) =>
      `Actualisé le ${at} ; modifiez étape, montant, probabilité ou date de clôture, puis envoyez depuis le volet.`,
    headers: [
      "Compte",
      "Affaire",
      "Étape",
      "Montant",
      "Probabilité",
      "Montant pondéré",
      "Clôture prévue",
      "Responsable",
      "Dernière activité",
      "ID Rapport",
      "Version",
    ],
    byStage: ["Par étape", "Montant", "Pondéré", "Affaires"],
    byOwner: ["Par responsable", "Montant", "Pondéré", "Affaires"],
    byMonth: ["Mois de clôture", "Montant", "Pondéré", "Affaires"],
    noDate: "Sans date de clôture",
    total: "Total",
    chart: "Prévision pondérée par mois de clôture",
  },
});

/** The deal columns, in order; the push-back reads them by these indexes. */
export const PIPELINE_COLUMNS = {
  account: 0,
  deal: 1,
  stage: 2,
  amount: 3,
  probability: 4,
  weighted: 5,
  close: 6,
  owner: 7,
  lastActivity: 8,
  id: 9,
  version: 10,
} as const;
const KINDS: ColumnKind[] = [
  "text",
  "text",
  "text",
  "amount",
  "number",
  "amount",
  "date",
  "text",
  "dateTime",
  "id",
  "version",
];

export type PipelineSheetQuery = {
  scope: PipelineScope;
  closeFrom: string;
  closeTo: string;
  currency: string;
  includeClosed: boolean;
};

/** The table starts on row 4, under a title; summaries start at column M. */
const TABLE_ROW = 3;
const SUMMARY_COLUMN = 12;
/** A forecast longer than two years says little, and would push the chart far down. */
const MAX_MONTHS = 24;

export function pipelineSheetName(language: Language): string {
  return words(language).sheet;
}

/**
 * The whole pipeline sheet: the deals table, then summaries by stage and by owner and a forecast
 * by close month, all live formulas over the table's columns (an edit recomputes them), and a
 * chart of the forecast. Amounts are in the one currency the sheet was asked for.
 */
export function pipelinePlan(
  deals: PipelineDeal[],
  query: PipelineSheetQuery,
  language: Language,
  refreshedAt: Date,
): SheetPlan {
  const w = words(language);
  const amountFormat = `${FORMATS.amount} "${query.currency}"`;
  const formats = KINDS.map((kind) => (kind === "amount" ? amountFormat : formatOf(kind)));
  const headers = w.headers;
  const ref = (column: number) => `${PIPELINE_TABLE}[${headers[column]}]`;
  const C = PIPELINE_COLUMNS;
  const rows: CellValue[][] = deals.map((deal) => {
    const row: CellValue[] = [];
    row[C.account] = cellToWrite("text", deal.accountName);
    row[C.deal] = cellToWrite("text", deal.name);
    row[C.stage] = stageLabel(deal.stage, language);
    row[C.amount] = deal.amount ?? "";
    row[C.probability] = deal.probability;
    row[C.weighted] = `=[@[${headers[C.amount]}]]*[@[${headers[C.probability]}]]/100`;
    row[C.close] = deal.expectedCloseDate ? serialFromIsoDate(deal.expectedCloseDate) : "";
    row[C.owner] = cellToWrite("text", deal.ownerName);
    row[C.lastActivity] = deal.lastActivityAt ? serialFromTimestamp(deal.lastActivityAt) : "";
    row[C.id] = deal.id;
    row[C.version] = deal.version;
    return row;
  });

  const table: PlanTable = {
    name: PIPELINE_TABLE,
    row: TABLE_ROW,
    column: 0,
    headers,
    rows,
    formats,
    hidden: [C.id, C.version],
    lists: [{ column: C.stage, values: STAGES.map((s) => stageLabel(s, language)) }],
    style: "TableStyleMedium2",
  };

  const blocks: PlanBlock[] = [
    { row: 0, column: 0, cells: [[w.title(w.scope[query.scope] ?? query.scope, query.currency)]], bold: true },
    { row: 1, column: 0, cells: [[w.period(query.closeFrom, query.closeTo)]] },
    { row: 2, column: 0, cells: [[w.refreshed(refreshedAt.toISOString().slice(0, 16).replace("T", " "))]] },
  ];

  let row = TABLE_ROW;
  const summary = (title: string[], keys: CellValue[], criteria: (keyCell: string) => string[], keyFormat?: string) => {
    const first = row + 1;
    const letter = columnLetters(SUMMARY_COLUMN);
    const body = keys.map((key, k) => {
      const keyCell = `${letter}${first + k + 1}`;
      const [amount, weighted, count] = criteria(keyCell) as [string, string, string];
      return [key, amount, weighted, count];
    });
    const sum = (offset: number) => {
      const col = columnLetters(SUMMARY_COLUMN + offset);
      return keys.length ? `=SUM(${col}${first + 1}:${col}${first + keys.length})` : 0;
    };
    const cells: CellValue[][] = [title, ...body, [w.total, sum(1), sum(2), sum(3)]];
    const format = [keyFormat ?? "@", amountFormat, amountFormat, "0"];
    blocks.push({ row, column: SUMMARY_COLUMN, cells: [title], bold: true, fill: "#DDEBF7" });
    blocks.push({
      row: first,
      column: SUMMARY_COLUMN,
      cells: cells.slice(1),
      formats: cells.slice(1).map(() => format),
    });
    blocks.push({ row: first + keys.length, column: SUMMARY_COLUMN, cells: [cells.at(-1) as CellValue[]], bold: true });
    const block = { row, rows: keys.length };
    row = first + keys.length + 2;
    return block;
  };

  const stages: OpportunityStage[] = query.includeClosed ? STAGES : OPEN_STAGES;
  const byKey = (column: number) => (keyCell: string) => [
    `=SUMIFS(${ref(C.amount)},${ref(column)},${keyCell})`,
    `=SUMIFS(${ref(C.weighted)},${ref(column)},${keyCell})`,
    `=COUNTIFS(${ref(column)},${keyCell})`,
  ];
  summary(
    w.byStage,
    stages.map((s) => stageLabel(s, language)),
    byKey(C.stage),
  );
  const owners = [...new Set(deals.map((d) => d.ownerName))].sort((a, b) => a.localeCompare(b));
  summary(
    w.byOwner,
    owners.map((o) => cellToWrite("text", o)),
    byKey(C.owner),
  );

  const months = closeMonths(deals, query);
  const forecast = summary(
    w.byMonth,
    months.map((m) => serialFromIsoDate(m)),
    (keyCell) => {
      const within = `${ref(C.close)},">="&${keyCell},${ref(C.close)},"<"&EDATE(${keyCell},1)`;
      return [`=SUMIFS(${ref(C.amount)},${within})`, `=SUMIFS(${ref(C.weighted)},${within})`, `=COUNTIFS(${within})`];
    },
    FORMATS.month,
  );
  // Deals without a close date are in the totals above, and named on a line of their own here.
  blocks.push({
    row: forecast.row + 1 + months.length + 1,
    column: SUMMARY_COLUMN,
    cells: [
      [
        w.noDate,
        `=SUMIFS(${ref(C.amount)},${ref(C.close)},"")`,
        `=SUMIFS(${ref(C.weighted)},${ref(C.close)},"")`,
        `=COUNTIFS(${ref(C.close)},"")`,
      ],
    ],
    formats: [["@", amountFormat, amountFormat, "0"]],
  });

  const chartTop = TABLE_ROW + 1;
  return {
    sheetName: pipelineSheetName(language),
    tables: [table],
    blocks,
    charts: months.length
      ? [
          {
            type: "ColumnClustered",
            // Month, amount and weighted, with their header (the count, last, is left out).
            source: { row: forecast.row, column: SUMMARY_COLUMN, rows: months.length + 1, columns: 3 },
            title: w.chart,
            from: `${columnLetters(SUMMARY_COLUMN + 5)}${chartTop}`,
            to: `${columnLetters(SUMMARY_COLUMN + 12)}${chartTop + 18}`,
          },
        ]
      : [],
    columnWidths: [
      { column: C.account, width: 140 },
      { column: C.deal, width: 160 },
      { column: SUMMARY_COLUMN, width: 110 },
    ],
  };
}

/** First days of the months from the period's start to its end (or the deals' first and last). */
export function closeMonths(deals: PipelineDeal[], query: Pick<PipelineSheetQuery, "closeFrom" | "closeTo">): string[] {
  const dates = deals
    .map((d) => d.expectedCloseDate)
    .filter((d): d is string => Boolean(d))
    .sort();
  const from = query.closeFrom || dates[0];
  const to = query.closeTo || dates.at(-1);
  if (!from || !to || from > to) return [];
  const months: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const end = to.slice(0, 7);
  while (months.length < MAX_MONTHS) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > end) break;
    months.push(`${month}-01`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}
