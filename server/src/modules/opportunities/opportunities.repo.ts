import type { Opportunity, OpportunityListQuery, OpportunityStage, StageChange } from "@rapport/shared/schemas";
import { CLOSED_STAGES } from "@rapport/shared/schemas";
import type { z } from "zod";
import type { StageChangesTable } from "../../db/schema.ts";
import { newId, nowIso } from "../../records/ids.ts";
import { containsTextIgnoringCase } from "../../records/like.ts";
import type { RecordDefinition, RecordMeta } from "../../records/record-store.ts";
import { withMeta } from "../../records/with-meta.ts";

export function stageChangeFromRow(row: StageChangesTable): StageChange {
  return {
    from: row.from_stage as OpportunityStage | null,
    to: row.to_stage as OpportunityStage,
    at: row.at,
    by: row.by_user_id,
  };
}

export type OpportunityFields = Omit<Opportunity, keyof RecordMeta | "stageHistory">;

const CLOSED = [...CLOSED_STAGES];

export const opportunityRecords: RecordDefinition<
  Opportunity,
  OpportunityFields,
  z.output<typeof OpportunityListQuery>
> = {
  table: "opportunities",
  prefix: "opp",
  label: "opportunity",
  toColumns: (o) => ({
    account_id: o.accountId,
    contact_id: o.contactId,
    name: o.name,
    stage: o.stage,
    amount: o.amount,
    currency: o.currency,
    probability: o.probability,
    expected_close_date: o.expectedCloseDate,
  }),
  fromRow: (row) =>
    withMeta(row, {
      accountId: row.account_id as string,
      contactId: row.contact_id as string | null,
      name: row.name as string,
      stage: row.stage as Opportunity["stage"],
      amount: row.amount as number | null,
      currency: row.currency as string,
      probability: row.probability as number,
      expectedCloseDate: row.expected_close_date as string | null,
      stageHistory: [],
    }),
  loadChildren: async (db, opportunities) => {
    const rows = await db
      .selectFrom("opportunity_stage_changes")
      .selectAll()
      .where(
        "opportunity_id",
        "in",
        opportunities.map((o) => o.id),
      )
      .orderBy("at")
      .orderBy("id")
      .execute();
    const byId = new Map(opportunities.map((o) => [o.id, o]));
    for (const r of rows) byId.get(r.opportunity_id)?.stageHistory.push(stageChangeFromRow(r));
  },
  // Every stage a deal enters is kept: pipeline movement and forecasts are read from it.
  writeChildren: async (tx, opportunity, before, ctx) => {
    if (before && before.stage === opportunity.stage) {
      if (before.accountId !== opportunity.accountId) {
        await tx
          .updateTable("opportunity_stage_changes")
          .set({ account_id: opportunity.accountId })
          .where("opportunity_id", "=", opportunity.id)
          .execute();
      }
      return;
    }
    await tx
      .insertInto("opportunity_stage_changes")
      .values({
        id: newId("stg"),
        opportunity_id: opportunity.id,
        account_id: opportunity.accountId,
        from_stage: before?.stage ?? null,
        to_stage: opportunity.stage,
        at: nowIso(),
        by_user_id: ctx.user.id,
      })
      .execute();
  },
  filter: (qb, query) => {
    let q = qb;
    if (query.accountId) q = q.where("account_id", "=", query.accountId);
    if (query.stage) q = q.where("stage", "=", query.stage);
    if (query.q) q = q.where(containsTextIgnoringCase("name", query.q));
    if (query.open === "true") q = q.where("stage", "not in", CLOSED);
    if (query.open === "false") q = q.where("stage", "in", CLOSED);
    return q;
  },
  references: [
    { field: "accountId", table: "accounts", label: "account" },
    { field: "contactId", table: "contacts", label: "contact" },
  ],
};
