import type { Campaign, CampaignComparison, CampaignComparisonQuery, CampaignKpis } from "@rapport/shared/schemas";
import { type RawBuilder, sql } from "kysely";
import type { z } from "zod";
import { visibleSql } from "../../records/access.ts";
import type { RequestContext, Tx } from "../../records/request-context.ts";
import { campaignStore } from "./campaigns.service.ts";

const DAY_MS = 86_400_000;
/** Campaigns per aggregate statement. */
const BATCH = 500;

type Figures = {
  targets: number;
  responses: number;
  conversions: number;
  revenue: number;
  /** Mean response instant, in days since 1970 (null without a response). */
  meanRespondedDay: number | null;
  controlSize: number;
  controlResponses: number;
  controlConversions: number;
};

/**
 * An ISO-8601 UTC instant stored as text (`2026-05-02T10:00:00.000Z`, as every timestamp is
 * written) as fractional days since 1970, in arithmetic both databases read alike: the civil date
 * to a day number (H. Hinnant's days_from_civil), plus the time of day.
 */
export function epochDays(column: RawBuilder<unknown>): RawBuilder<number> {
  const part = (from: number, length: number) =>
    sql`cast(substr(${column}, ${sql.lit(from)}, ${sql.lit(length)}) as integer)`;
  const month = part(6, 2);
  const year = sql`(${part(1, 4)} - case when ${month} <= 2 then 1 else 0 end)`;
  const era = sql`(${year} / 400)`;
  const yearOfEra = sql`(${year} - ${era} * 400)`;
  const dayOfYear = sql`((153 * ((${month} + 9) % 12) + 2) / 5 + ${part(9, 2)} - 1)`;
  const dayOfEra = sql`(${yearOfEra} * 365 + ${yearOfEra} / 4 - ${yearOfEra} / 100 + ${dayOfYear})`;
  const seconds = sql`(${part(12, 2)} * 3600 + ${part(15, 2)} * 60 + cast(substr(${column}, 18, 6) as double precision))`;
  return sql<number>`(${era} * 146097 + ${dayOfEra} - 719468 + ${seconds} / 86400)`;
}

/**
 * The figures of each campaign's list, from SQL aggregates over campaign_targets (never the rows):
 * one grouped statement for the counts, one for the response channels.
 */
async function figuresOf(
  db: Tx,
  campaignIds: readonly string[],
): Promise<{ figures: Map<string, Figures>; channels: Map<string, Record<string, number>> }> {
  const figures = new Map<string, Figures>();
  const channels = new Map<string, Record<string, number>>();
  const target = sql`t.control = 0`;
  const held = sql`t.control = 1`;
  const count = (condition: RawBuilder<unknown>) => sql<string | number>`sum(case when ${condition} then 1 else 0 end)`;
  for (let start = 0; start < campaignIds.length; start += BATCH) {
    const ids = campaignIds.slice(start, start + BATCH);
    const rows = await db
      .selectFrom("campaign_targets as t")
      .select([
        "t.campaign_id",
        count(target).as("targets"),
        count(sql`${target} and t.responded_at is not null`).as("responses"),
        count(sql`${target} and t.converted_at is not null`).as("conversions"),
        sql<string | number | null>`sum(case when ${target} then t.conversion_value end)`.as("revenue"),
        sql<
          string | number | null
        >`avg(case when ${target} and t.responded_at is not null then ${epochDays(sql.ref("t.responded_at"))} end)`.as(
          "mean_responded_day",
        ),
        count(held).as("control_size"),
        count(sql`${held} and t.responded_at is not null`).as("control_responses"),
        count(sql`${held} and t.converted_at is not null`).as("control_conversions"),
      ])
      .where("t.campaign_id", "in", ids)
      .groupBy("t.campaign_id")
      .execute();
    for (const row of rows) {
      figures.set(row.campaign_id, {
        targets: Number(row.targets),
        responses: Number(row.responses),
        conversions: Number(row.conversions),
        revenue: Number(row.revenue ?? 0),
        meanRespondedDay: row.mean_responded_day === null ? null : Number(row.mean_responded_day),
        controlSize: Number(row.control_size),
        controlResponses: Number(row.control_responses),
        controlConversions: Number(row.control_conversions),
      });
    }
    const used = await db
      .selectFrom("campaign_targets as t")
      .select(["t.campaign_id", "t.response_channel", (eb) => eb.fn.countAll<string | number>().as("n")])
      .where("t.campaign_id", "in", ids)
      .where("t.control", "=", 0)
      .where("t.responded_at", "is not", null)
      .groupBy(["t.campaign_id", "t.response_channel"])
      .execute();
    for (const row of used) {
      const counts = channels.get(row.campaign_id) ?? {};
      counts[row.response_channel ?? "other"] = (counts[row.response_channel ?? "other"] ?? 0) + Number(row.n);
      channels.set(row.campaign_id, counts);
    }
  }
  return { figures, channels };
}

/** a / b, or null when there is nothing to divide by. */
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function kpisFrom(campaign: Campaign, f: Figures | undefined, channels: Record<string, number>): CampaignKpis {
  const figures: Figures = f ?? {
    targets: 0,
    responses: 0,
    conversions: 0,
    revenue: 0,
    meanRespondedDay: null,
    controlSize: 0,
    controlResponses: 0,
    controlConversions: 0,
  };
  const responseRate = ratio(figures.responses, figures.targets);
  const conversionRate = ratio(figures.conversions, figures.targets);
  const controlResponseRate = ratio(figures.controlResponses, figures.controlSize);
  const controlConversionRate = ratio(figures.controlConversions, figures.controlSize);
  const launchedDay = campaign.launchedAt === null ? null : Date.parse(campaign.launchedAt) / DAY_MS;
  const delay =
    figures.meanRespondedDay === null || launchedDay === null
      ? null
      : Math.round((figures.meanRespondedDay - launchedDay) * 10) / 10;
  const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    campaignId: campaign.id,
    code: campaign.code,
    name: campaign.name,
    channel: campaign.channel,
    cost: campaign.cost,
    targets: figures.targets,
    responses: figures.responses,
    responseRate,
    conversions: figures.conversions,
    conversionRate,
    revenue: Math.round(figures.revenue * 10_000) / 10_000,
    costPerResponse: ratio(campaign.cost, figures.responses),
    costPerConversion: ratio(campaign.cost, figures.conversions),
    // -0 reads oddly in an answer: a mean delay of zero is zero.
    meanResponseDelayDays: delay === null ? null : delay + 0,
    responseChannels: channels,
    control: {
      size: figures.controlSize,
      responses: figures.controlResponses,
      responseRate: controlResponseRate,
      conversions: figures.controlConversions,
      conversionRate: controlConversionRate,
    },
    uplift: {
      responseRate: minus(responseRate, controlResponseRate),
      conversionRate: minus(conversionRate, controlConversionRate),
    },
  };
}

/** The KPIs of each campaign, in the order given, from two aggregate statements per 500 campaigns. */
export async function campaignKpis(db: Tx, campaigns: readonly Campaign[]): Promise<CampaignKpis[]> {
  const { figures, channels } = await figuresOf(
    db,
    campaigns.map((c) => c.id),
  );
  return campaigns.map((c) => kpisFrom(c, figures.get(c.id), channels.get(c.id) ?? {}));
}

type Comparison = z.output<typeof CampaignComparison>;
type ComparisonQuery = z.output<typeof CampaignComparisonQuery>;

/**
 * Every launched or closed action the user may see (launched between `from` and `to`, both days
 * included; on one channel if asked), each with its KPIs and its share of all responses and
 * conversions, the mean of each rate and cost across the actions that have one, and the totals.
 */
export async function compareCampaigns(ctx: RequestContext, query: ComparisonQuery): Promise<Comparison> {
  const db = ctx.reader;
  const visible = visibleSql(ctx.user);
  const rows = await db
    .selectFrom("campaigns")
    .selectAll()
    .where("status", "in", ["launched", "closed"])
    .$if(visible !== null, (qb) => qb.where(visible as NonNullable<typeof visible>))
    .$if(query.from !== undefined, (qb) => qb.where("launched_at", ">=", query.from as string))
    .$if(query.to !== undefined, (qb) => qb.where("launched_at", "<", dayAfter(query.to as string)))
    .$if(query.channel !== undefined, (qb) => qb.where("channel", "=", query.channel as string))
    .orderBy("launched_at")
    .orderBy("id")
    .execute();
  const campaigns = await campaignStore.hydrate(db, rows as Array<Record<string, unknown>>);
  const kpis = await campaignKpis(db, campaigns);
  const sum = (pick: (k: CampaignKpis) => number) => kpis.reduce((total, k) => total + pick(k), 0);
  const totals = {
    cost: sum((k) => k.cost),
    targets: sum((k) => k.targets),
    responses: sum((k) => k.responses),
    conversions: sum((k) => k.conversions),
    revenue: Math.round(sum((k) => k.revenue) * 10_000) / 10_000,
  };
  const mean = (pick: (k: CampaignKpis) => number | null) => {
    const known = kpis.map(pick).filter((v): v is number => v !== null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
  };
  return {
    items: kpis.map((k) => ({
      ...k,
      shareOfResponses: ratio(k.responses, totals.responses),
      shareOfConversions: ratio(k.conversions, totals.conversions),
    })),
    average: {
      responseRate: mean((k) => k.responseRate),
      conversionRate: mean((k) => k.conversionRate),
      costPerResponse: mean((k) => k.costPerResponse),
      costPerConversion: mean((k) => k.costPerConversion),
      meanResponseDelayDays: roundedDays(mean((k) => k.meanResponseDelayDays)),
    },
    totals,
  };
}

const roundedDays = (days: number | null) => (days === null ? null : Math.round(days * 10) / 10 + 0);

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
