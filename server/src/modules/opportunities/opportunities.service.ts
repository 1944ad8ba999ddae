import { DEFAULT_PROBABILITY, type Opportunity, type OpportunityCreate } from "@rapport/shared/schemas";
import { recordService } from "../../records/record-service.ts";
import { RecordStore } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { type OpportunityFields, opportunityRecords } from "./opportunities.repo.ts";

export const opportunityStore = new RecordStore(opportunityRecords);

/**
 * A deal without a probability takes its stage's default; one that moves stage takes the new
 * stage's default unless the client sets a probability in the same change.
 */
function prepareOpportunity(
  _ctx: RequestContext,
  input: Omit<OpportunityCreate, "ownerId"> & Partial<Pick<Opportunity, "stageHistory">>,
  current: Opportunity | null,
): OpportunityFields {
  const { stageHistory, ...fields } = input;
  const stageMoved = current !== null && current.stage !== input.stage;
  const keepsOldProbability = stageMoved && input.probability === current.probability;
  const probability =
    input.probability === null || keepsOldProbability ? DEFAULT_PROBABILITY[input.stage] : input.probability;
  return { ...fields, probability };
}

export const opportunityService = recordService(opportunityStore, prepareOpportunity);
