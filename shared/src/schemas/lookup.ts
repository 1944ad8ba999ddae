import { z } from "zod";
import { Account } from "./account.ts";
import { ActivitySummary, ExternalIds } from "./activity.ts";
import { Case } from "./case.ts";
import { Id, repeated } from "./common.ts";
import { Contact } from "./contact.ts";
import { Opportunity } from "./opportunity.ts";

export const LookupQuery = z.strictObject({
  email: repeated(z.string().trim().min(1).max(254), 100),
  /** The open mail's ids: the answer then says whether it, and others of its conversation, are logged. */
  internetMessageId: ExternalIds.shape.internetMessageId,
  conversationId: ExternalIds.shape.conversationId,
  /** The open meeting's calendar id: the answer then says whether it is logged. */
  iCalUId: ExternalIds.shape.iCalUId,
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
    skipped: z.enum(["invalid_email", "personal_domain", "own_domain", "blocked"]).nullable(),
  })
  .meta({ id: "LookupResult" });
export type LookupResult = z.infer<typeof LookupResult>;
/** A record an activity is filed under, with the name to show for it. */
export const RecordLink = z.object({
  kind: z.enum(["account", "contact", "opportunity", "case"]),
  id: Id,
  name: z.string(),
});
export type RecordLink = z.infer<typeof RecordLink>;

/** A logged mail as the pane shows it: "Logged on <date> by <user> to <records>". */
export const LoggedMail = z
  .object({ activity: ActivitySummary, loggedByName: z.string(), links: z.array(RecordLink) })
  .meta({ id: "LoggedMail" });
export type LoggedMail = z.infer<typeof LoggedMail>;

export const MailStatus = z.object({
  /** The open mail's or meeting's activity, when someone logged it (and you may see it). */
  logged: LoggedMail.nullable(),
  /** Other mails of the same conversation already in Rapport, newest first. */
  conversation: z.array(LoggedMail),
});
export type MailStatus = z.infer<typeof MailStatus>;

export const LookupResponse = z.object({
  results: z.array(LookupResult),
  /** Present when the query named the mail or meeting (internetMessageId, conversationId or iCalUId). */
  mail: MailStatus.optional(),
});
export type LookupResponse = z.infer<typeof LookupResponse>;
