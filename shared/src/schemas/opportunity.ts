import { z } from "zod";
import {
  Currency,
  Id,
  IsoDate,
  ListQuery,
  Money,
  Percent,
  RecordMeta,
  ShortText,
  Timestamp,
  updateOf,
} from "./common.ts";

export const OpportunityStage = z.enum(["lead", "qualified", "proposal", "negotiation", "won", "lost"]);
export type OpportunityStage = z.infer<typeof OpportunityStage>;
export const CLOSED_STAGES: ReadonlySet<OpportunityStage> = new Set(["won", "lost"]);
/** The probability a deal gets when the client gives none, by stage. */
export const DEFAULT_PROBABILITY: Record<OpportunityStage, number> = {
  lead: 10,
  qualified: 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

export const StageChange = z.object({
  from: OpportunityStage.nullable(),
  to: OpportunityStage,
  at: Timestamp,
  by: Id,
});

export type StageChange = z.infer<typeof StageChange>;

const opportunityFields = {
  accountId: Id,
  name: ShortText.min(1),
  stage: OpportunityStage.default("lead"),
  amount: Money.nullable().default(null),
  currency: Currency,
  probability: Percent.nullable().default(null),
  expectedCloseDate: IsoDate.nullable().default(null),
  contactId: Id.nullable().default(null),
};

export const Opportunity = RecordMeta.extend({
  ...opportunityFields,
  probability: Percent,
  stageHistory: z.array(StageChange),
}).meta({ id: "Opportunity" });
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityCreate = z.strictObject({ ...opportunityFields, ownerId: Id.optional() });
export type OpportunityCreate = z.infer<typeof OpportunityCreate>;
export const OpportunityUpdate = updateOf(OpportunityCreate);
export type OpportunityUpdate = z.infer<typeof OpportunityUpdate>;

export const OpportunityListQuery = ListQuery.extend({
  accountId: Id.optional(),
  stage: OpportunityStage.optional(),
  open: z.enum(["true", "false"]).optional(),
});
