import { writeSheetPlan } from "../office/sheet-plan.ts";
import type { Language, RapportClient } from "../pane-types.ts";
import { campaignPlan } from "../sheet/campaign-layout.ts";

/** The campaign sheet: every launched action's KPIs, one row each, with averages and totals. */
export async function buildCampaignSheet(
  client: RapportClient,
  filter: { from?: string; to?: string },
  language: Language,
): Promise<{ actions: number; sheetName: string }> {
  const comparison = await client.campaigns.compare({
    query: { ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) },
  });
  const plan = campaignPlan(comparison, language, new Date());
  await writeSheetPlan(plan);
  return { actions: comparison.items.length, sheetName: plan.sheetName };
}
