import type { OpportunityStage } from "@rapport/shared/schemas";
import type { Language } from "./i18n.ts";

/** A deal stage as both panes show it, in each language (the Excel pane also reads these back). */
export const STAGE_LABELS: Record<Language, Record<OpportunityStage, string>> = {
  en: {
    lead: "Lead",
    qualified: "Qualified",
    proposal: "Proposal",
    negotiation: "Negotiation",
    won: "Won",
    lost: "Lost",
  },
  fr: {
    lead: "Piste",
    qualified: "Qualifiée",
    proposal: "Proposition",
    negotiation: "Négociation",
    won: "Gagnée",
    lost: "Perdue",
  },
};
