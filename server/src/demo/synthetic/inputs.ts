/**
 * The shapes the generator deals in: the create-schema bodies it returns, the languages its text
 * is written in, and the activity types and deal stages it cycles through.
 */
import type {
  AccountCreate,
  ActivityCreate,
  CaseCreate,
  ContactCreate,
  OpportunityCreate,
  OpportunityStage,
  OrderCreate,
  ProductCreate,
} from "@rapport/shared/schemas";
import type { z } from "zod";

export type AccountInput = z.input<typeof AccountCreate>;
export type ContactInput = z.input<typeof ContactCreate>;
export type ActivityInput = z.input<typeof ActivityCreate>;
export type OpportunityInput = z.input<typeof OpportunityCreate>;
export type ProductInput = z.input<typeof ProductCreate>;
export type OrderInput = z.input<typeof OrderCreate>;
export type CaseInput = z.input<typeof CaseCreate>;
export type ActivityType = ActivityInput["type"];
/** The languages generated text is written in. */
export type Lang = "fr" | "en";

export const ACTIVITY_TYPES: readonly ActivityType[] = ["email", "meeting", "call", "note", "task", "letter", "sms"];
export const OPPORTUNITY_STAGES: readonly OpportunityStage[] = [
  "lead",
  "qualified",
  "proposal",
  "negotiation",
  "won",
  "lost",
];
