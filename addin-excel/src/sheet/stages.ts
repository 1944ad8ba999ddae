import type { OpportunityStage } from "@rapport/shared/schemas";
import type { Language } from "../pane-types.ts";

export const STAGES: OpportunityStage[] = ["lead", "qualified", "proposal", "negotiation", "won", "lost"];
export const OPEN_STAGES: OpportunityStage[] = ["lead", "qualified", "proposal", "negotiation"];

const LABELS: Record<Language, Record<OpportunityStage, string>> = {
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

export function stageLabel(stage: OpportunityStage, language: Language): string {
  return LABELS[language][stage];
}

const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .trim()
    .toLowerCase();

/** A stage as typed in the sheet: its label in either language, or its code; null if none. */
export function parseStage(text: string): OpportunityStage | null {
  const wanted = fold(text);
  for (const stage of STAGES) {
    if (wanted === stage || wanted === fold(LABELS.en[stage]) || wanted === fold(LABELS.fr[stage])) return stage;
  }
  return null;
}
