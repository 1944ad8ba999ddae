import {
  DEFAULT_PROBABILITY,
  type OpportunityStage,
  type Page,
  type PipelineDeal,
  type PipelineQuery,
  type PipelineSummary,
} from "@rapport/shared/schemas";
import { sql } from "kysely";
import { decodeCursor, pageOf } from "../../records/cursor.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { lastActivityOf, pipelineDeals } from "./pipeline.query.ts";

/** Undated deals sort after every date: a sentinel beyond any ISO date keeps one keyset order. */
const UNDATED = "9999-12-31";

/**
 * A page of the pipeline, soonest expected close first (undated last), each deal with the names and
 * figures a sheet shows beside it.
 */
export async function listPipeline(ctx: RequestContext, query: PipelineQuery): Promise<Page<PipelineDeal>> {
  const closeKey = sql<string>`coalesce(o.expected_close_date, ${UNDATED})`;
  let qb = pipelineDeals(ctx, query)
    .select([
      "o.id",
      "o.version",
      "o.name",
      "o.account_id",
      "a.name as account_name",
      "o.stage",
      "o.amount",
      "o.currency",
      "o.probability",
      "o.expected_close_date",
      "o.owner_id",
      "u.name as owner_name",
    ])
    .select(closeKey.as("close_key"))
    .select(lastActivityOf(ctx))
    .orderBy(closeKey)
    .orderBy("o.id")
    .limit(query.limit + 1);
  if (query.cursor) {
    const [close, id] = decodeCursor(query.cursor, 2) as [string, string];
    qb = qb.where((eb) => eb.or([eb(closeKey, ">", close), eb.and([eb(closeKey, "=", close), eb("o.id", ">", id)])]));
  }
  const rows = await qb.execute();
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => [last.close_key, last.id]);
  return {
    items: page.map((row) => {
      // The stage column holds only OpportunityStage values: the schema checked them on the way in.
      const stage = row.stage as OpportunityStage;
      const amount = row.amount === null ? null : Number(row.amount);
      const probability = row.probability === null ? DEFAULT_PROBABILITY[stage] : Number(row.probability);
      return {
        id: row.id,
        version: Number(row.version),
        name: row.name,
        accountId: row.account_id,
        accountName: row.account_name,
        stage,
        amount,
        currency: row.currency,
        probability,
        weightedAmount: amount === null ? null : roundCents((amount * probability) / 100),
        expectedCloseDate: row.expected_close_date,
        ownerId: row.owner_id,
        ownerName: row.owner_name,
        lastActivityAt: row.last_activity_at ?? null,
      };
    }),
    nextCursor,
  };
}

/** Count, amount and weighted amount per stage, currency and owner, added up by the database. */
export async function summarisePipeline(
  ctx: RequestContext,
  query: Omit<PipelineQuery, "cursor" | "limit">,
): Promise<PipelineSummary> {
  const probability = sql<number>`coalesce(o.probability, case o.stage ${sql.join(
    Object.entries(DEFAULT_PROBABILITY).map(([stage, p]) => sql`when ${stage} then ${sql.lit(p)}`),
    sql` `,
  )} end)`;
  const rows = await pipelineDeals(ctx, query)
    .select(["o.stage", "o.currency", "o.owner_id", "u.name as owner_name"])
    .select((eb) => [
      eb.fn.countAll<number>().as("deals"),
      eb.fn.coalesce(eb.fn.sum<number>("o.amount"), sql.lit(0)).as("amount"),
      sql<number>`coalesce(sum(o.amount * ${probability} / 100.0), 0)`.as("weighted"),
    ])
    .groupBy(["o.stage", "o.currency", "o.owner_id", "u.name"])
    .orderBy("o.stage")
    .orderBy("o.currency")
    .orderBy("u.name")
    .execute();
  return {
    rows: rows.map((row) => ({
      stage: row.stage as OpportunityStage,
      currency: row.currency,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      deals: Number(row.deals),
      amount: roundCents(Number(row.amount)),
      weightedAmount: roundCents(Number(row.weighted)),
    })),
  };
}

const roundCents = (value: number) => Math.round(value * 100) / 100;
