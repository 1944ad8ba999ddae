import { z } from "zod";
import { Account } from "./account.ts";
import { ActivitySummary } from "./activity.ts";
import { Case } from "./case.ts";
import { repeated } from "./common.ts";
import { Contact } from "./contact.ts";
import { Opportunity } from "./opportunity.ts";

export const LookupQuery = z.strictObject({
  email: repeated(z.string().trim().min(1).max(254), 100),
});

export const MatchReason = z.object({
  code: z.enum(["same_email", "same_domain", "contact_account"]),
  text: z.string(),
});

export const LookupResult = z
  .object({
    email: z.string(),
    contact: Contact.nullable(),
    account: Account.nullable(),
    openOpportunities: z.array(Opportunity),
    openCases: z.array(Case),
    /** Newest first, without bodies: the pane shows what happened, and opens one to read it. */
    recentActivities: z.array(ActivitySummary),
    reasons: z.array(MatchReason),
    /** Why nothing was matched on purpose: a free-mail domain, a colleague, an invalid address. */
    skipped: z.enum(["invalid_email", "personal_domain", "own_domain"]).nullable(),
  })
  .meta({ id: "LookupResult" });
export type LookupResult = z.infer<typeof LookupResult>;
export const LookupResponse = z.object({ results: z.array(LookupResult) });
export type LookupResponse = z.infer<typeof LookupResponse>;
