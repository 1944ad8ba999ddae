import { z } from "zod";
import { Currency, Id, IsoDate, LIMITS, Money, Percent, ShortText, Timestamp } from "./common.ts";
import { OpportunityStage } from "./opportunity.ts";

/** Whose deals: the user's own, their team's (a manager's sub-teams too), or all they may see. */
export const PipelineScope = z.enum(["mine", "team", "all"]);
export type PipelineScope = z.infer<typeof PipelineScope>;

export const PipelineQuery = z.strictObject({
  scope: PipelineScope.default("all"),
  /** Expected close dates from/to (inclusive); deals without a date are kept only with no bounds. */
  closeFrom: IsoDate.optional(),
  closeTo: IsoDate.optional(),
  /** Only deals in this currency: amounts in different currencies are never added up. */
  currency: Currency.removeDefault().optional(),
  /** Won and lost deals too (for a sheet of the quarter's results); open deals only by default. */
  includeClosed: z.enum(["true", "false"]).default("false"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(LIMITS.pageSize.max),
});
export type PipelineQuery = z.infer<typeof PipelineQuery>;

/** One row of a pipeline sheet: the deal with the names a reader needs beside it. */
export const PipelineDeal = z
  .object({
    id: Id,
    version: z.number().int(),
    name: ShortText,
    accountId: Id,
    accountName: ShortText,
    stage: OpportunityStage,
    amount: Money.nullable(),
    currency: Currency,
    probability: Percent,
    /** amount × probability / 100, or null without an amount. */
    weightedAmount: Money.nullable(),
    expectedCloseDate: IsoDate.nullable(),
    ownerId: Id,
    ownerName: ShortText,
    lastActivityAt: Timestamp.nullable(),
  })
  .meta({ id: "PipelineDeal" });
export type PipelineDeal = z.infer<typeof PipelineDeal>;

/** Totals per stage, currency and owner over the same deals the list returns, computed by the server. */
export const PipelineSummaryRow = z.object({
  stage: OpportunityStage,
  currency: Currency,
  ownerId: Id,
  ownerName: ShortText,
  deals: z.number().int(),
  amount: Money,
  weightedAmount: Money,
});
export const PipelineSummary = z.object({ rows: z.array(PipelineSummaryRow) }).meta({ id: "PipelineSummary" });
export type PipelineSummary = z.infer<typeof PipelineSummary>;
export const PipelineSummaryQuery = PipelineQuery.omit({ cursor: true, limit: true });
