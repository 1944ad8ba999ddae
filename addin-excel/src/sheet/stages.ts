import { STAGE_LABELS } from "@rapport/addin-kit";
import type { OpportunityStage } from "@rapport/shared/schemas";
import type { Language } from "../pane-types.ts";

export const STAGES: OpportunityStage[] = ["lead", "qualified", "proposal", "negotiation", "won", "lost"];
export const OPEN_STAGES: OpportunityStage[] = ["lead", "qualified", "proposal", "negotiation"];

/** Labels in both languages: what the sheet shows, and what it reads back. */
const LABELS = STAGE_LABELS;

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
