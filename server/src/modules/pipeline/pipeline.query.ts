import type { PipelineQuery } from "@rapport/shared/schemas";
import { type ExpressionBuilder, sql } from "kysely";
import type { Database, OpportunitiesTable } from "../../db/schema.ts";
import { teamsSeenBy, visibleTo } from "../../records/access.ts";
import type { RequestContext } from "../../records/request-context.ts";

type Filters = Omit<PipelineQuery, "cursor" | "limit">;

/**
 * The deals a pipeline covers: visible to the user first, then narrowed to the scope, the close
 * period, the currency and open (or all) stages. Lists and totals both start here, so a sheet's
 * rows and its server-side totals always describe the same deals.
 */
export function pipelineDeals(ctx: RequestContext, filters: Filters) {
  let qb = ctx.reader
    .selectFrom("opportunities as o")
    .innerJoin("accounts as a", "a.id", "o.account_id")
    .innerJoin("users as u", "u.id", "o.owner_id");
  const visible = visibleTo(ctx.user, "o");
  if (visible) qb = qb.where(visible as never);
  if (filters.scope === "mine") qb = qb.where("o.owner_id", "=", ctx.user.id);
  if (filters.scope === "team") {
    const teams = teamsSeenBy(ctx.user);
    // Someone in no team has no team pipeline: an empty sheet, not everyone's deals.
    qb = teams.length === 0 ? qb.where(sql<boolean>`1 = 0`) : qb.where("o.team_id", "in", [...teams]);
  }
  if (filters.closeFrom) qb = qb.where("o.expected_close_date", ">=", filters.closeFrom);
  if (filters.closeTo) qb = qb.where("o.expected_close_date", "<=", filters.closeTo);
  if (filters.currency) qb = qb.where("o.currency", "=", filters.currency);
  if (filters.includeClosed !== "true") qb = qb.where("o.stage", "not in", ["won", "lost"]);
  return qb;
}

/** The latest activity on the deal among those the user may see, or null. */
export function lastActivityOf(ctx: RequestContext) {
  return (eb: ExpressionBuilder<Database & { o: OpportunitiesTable }, "o">) => {
    let sub = eb
      .selectFrom("activities as act")
      .select((e) => e.fn.max("act.occurred_at").as("at"))
      .whereRef("act.opportunity_id", "=", "o.id");
    const visible = visibleTo(ctx.user, "act");
    if (visible) sub = sub.where(visible as never);
    return sub.as("last_activity_at");
  };
}
