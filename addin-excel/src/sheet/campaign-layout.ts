import type { CampaignComparison } from "@rapport/shared/schemas";
import type { z } from "zod";
import { bilingual } from "../bilingual.ts";
import type { SheetPlan } from "../office/sheet-plan.ts";
import type { Language } from "../pane-types.ts";
import type { CellValue } from "./cell.ts";
import { FORMATS } from "./excel-dates.ts";
import { cellToWrite } from "./write-cells.ts";

export const CAMPAIGN_TABLE = "Rapport_Campaigns";

type Comparison = z.infer<typeof CampaignComparison>;

const words = bilingual({
  en: {
    sheet: "Campaigns",
    title: "Marketing actions and their results",
    refreshed: (at: string) =>
      `Refreshed ${at}. Rates are shares of the targets; uplift is the target rate minus the control group's.`,
    headers: [
      "Code",
      "Action",
      "Channel",
      "Cost",
      "Targets",
      "Responses",
      "Response rate",
      "Conversions",
      "Conversion rate",
      "Revenue",
      "Cost per response",
      "Cost per conversion",
      "Mean delay (days)",
      "Response uplift",
      "Conversion uplift",
      "Share of responses",
      "Share of conversions",
    ],
    average: "Average",
    total: "Total",
  },
  fr: {
    sheet: "Campagnes",
    title: "Actions marketing et résultats",
    refreshed: (at: string) =>
      `Actualisé le ${at}. Les taux portent sur les cibles ; l’uplift est le taux des cibles moins celui du groupe témoin.`,
    headers: [
      "Code",
      "Action",
      "Canal",
      "Coût",
      "Cibles",
      "Réponses",
      "Taux de réponse",
      "Conversions",
      "Taux de conversion",
      "Chiffre d'affaires",
      "Coût par réponse",
      "Coût par conversion",
      "Délai moyen (jours)",
      "Uplift réponse",
      "Uplift conversion",
      "Part des réponses",
      "Part des conversions",
    ],
    average: "Moyenne",
    total: "Total",
  },
});

const blank = (value: number | null): CellValue => value ?? "";

/** One row per coded marketing action with its KPIs, then the averages and totals across them. */
export function campaignPlan(comparison: Comparison, language: Language, refreshedAt: Date): SheetPlan {
  const w = words(language);
  const P = FORMATS.percent;
  const A = FORMATS.amount;
  const formats = ["@", "@", "@", A, "0", "0", P, "0", P, A, A, A, "0.0", P, P, P, P];
  const rows = comparison.items.map((k): CellValue[] => [
    cellToWrite("text", k.code),
    cellToWrite("text", k.name),
    k.channel,
    k.cost,
    k.targets,
    k.responses,
    blank(k.responseRate),
    k.conversions,
    blank(k.conversionRate),
    k.revenue,
    blank(k.costPerResponse),
    blank(k.costPerConversion),
    blank(k.meanResponseDelayDays),
    blank(k.uplift.responseRate),
    blank(k.uplift.conversionRate),
    blank(k.shareOfResponses),
    blank(k.shareOfConversions),
  ]);
  const below = 4 + Math.max(1, rows.length) + 1;
  const { average, totals } = comparison;
  return {
    sheetName: w.sheet,
    tables: [
      {
        name: CAMPAIGN_TABLE,
        row: 3,
        column: 0,
        headers: w.headers,
        rows,
        formats,
        hidden: [],
        style: "TableStyleMedium4",
      },
    ],
    blocks: [
      { row: 0, column: 0, cells: [[w.title]], bold: true },
      { row: 1, column: 0, cells: [[w.refreshed(refreshedAt.toISOString().slice(0, 16).replace("T", " "))]] },
      {
        row: below,
        column: 0,
        cells: [
          [
            w.average,
            "",
            "",
            "",
            "",
            "",
            blank(average.responseRate),
            "",
            blank(average.conversionRate),
            "",
            blank(average.costPerResponse),
            blank(average.costPerConversion),
            blank(average.meanResponseDelayDays),
          ],
          [
            w.total,
            "",
            "",
            totals.cost,
            totals.targets,
            totals.responses,
            "",
            totals.conversions,
            "",
            totals.revenue,
            "",
            "",
            "",
          ],
        ],
        formats: [formats.slice(0, 13), formats.slice(0, 13)],
        bold: true,
      },
    ],
    charts: [],
    columnWidths: [{ column: 1, width: 180 }],
  };
}
