import { emailDomain, isPersonalEmailDomain, normalizeEmail } from "@rapport/shared/normalize";
import type {
  Account,
  Contact,
  LookupQuery,
  LookupResponse,
  LookupResult,
  PrivacySettings,
} from "@rapport/shared/schemas";
import type { z } from "zod";
import type { RequestContext } from "../../records/request-context.ts";
import { accountRecords } from "../accounts/accounts.repo.ts";
import { activityRecords } from "../activities/activities.repo.ts";
import { caseRecords } from "../cases/cases.repo.ts";
import { contactRecords } from "../contacts/contacts.repo.ts";
import { opportunityRecords, stageChangeFromRow } from "../opportunities/opportunities.repo.ts";
import { isBlockedAddress } from "../privacy/privacy-policy.ts";
import { readPrivacySettings } from "../settings/privacy-settings.ts";
import { lookupReads } from "./lookup.query.ts";
import { mailStatus } from "./mail-status.ts";

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Reason = LookupResult["reasons"][number];
type Reads = ReturnType<typeof lookupReads>;

/**
 * Who is behind each address, by the first rungs of the matching ladder: the exact address
 * (primary or secondary) finds a contact; a company domain finds an account. Free-mail domains
 * and the organisation's own domains never match an account.
 */
export async function lookupEmails(ctx: RequestContext, query: z.output<typeof LookupQuery>): Promise<LookupResponse> {
  const reads = lookupReads(ctx);
  const privacy = await readPrivacySettings(ctx.reader);
  const results: LookupResult[] = [];
  for (const email of query.email) results.push(await lookupEmail(ctx, reads, privacy, email));
  if (!query.internetMessageId && !query.conversationId && !query.iCalUId) return { results };
  return { results, mail: await mailStatus(ctx, reads, query) };
}

async function lookupEmail(
  ctx: RequestContext,
  reads: Reads,
  privacy: PrivacySettings,
  raw: string,
): Promise<LookupResult> {
  const email = normalizeEmail(raw);
  const domain = emailDomain(email);
  const empty = {
    email,
    contact: null,
    account: null,
    openOpportunities: [],
    openCases: [],
    recentActivities: [],
    reasons: [],
  };
  if (!LOOKS_LIKE_EMAIL.test(email) || !domain) return { ...empty, skipped: "invalid_email" };
  if (ctx.config.ownDomains.has(domain)) return { ...empty, skipped: "own_domain" };
  // Blocked people are not even looked up: the pane shows nothing Rapport holds about them.
  if (isBlockedAddress(privacy, email)) return { ...empty, skipped: "blocked" };
  const personal = isPersonalEmailDomain(domain) || privacy.personalDomains.includes(domain);

  const reasons: Reason[] = [];
  const contactRow = await reads.contactByEmail(email);
  const contact = contactRow ? contactRecords.fromRow(contactRow) : null;
  if (contact) reasons.push({ code: "same_email", text: `same email ${email}` });
  const account = await accountOf(reads, contact, personal ? null : domain, reasons);
  if (!contact && !account) return { ...empty, skipped: personal ? "personal_domain" : null };

  const deals = account ? await reads.openDeals(account.id) : [];
  const stages = await reads.stageChanges(deals.map((d) => d.id));
  const cases = await reads.openCases(contact?.id ?? null, account?.id ?? null);
  const history = contact
    ? await reads.contactHistory(contact.id)
    : await reads.accountHistory((account as Account).id);
  return {
    email,
    contact,
    account,
    openOpportunities: deals.map((row) => ({
      ...opportunityRecords.fromRow(row),
      stageHistory: stages.filter((s) => s.opportunity_id === row.id).map(stageChangeFromRow),
    })),
    openCases: cases.map((row) => caseRecords.fromRow(row)),
    recentActivities: history.map((row) => {
      const { bodyText: _, ...summary } = activityRecords.fromRow(row);
      return summary;
    }),
    reasons,
    skipped: null,
  };
}

/** The contact's own account if visible, else (for a company address) the account on that domain. */
async function accountOf(reads: Reads, contact: Contact | null, domain: string | null, reasons: Reason[]) {
  const own = contact?.accountId ? await reads.accountById(contact.accountId) : null;
  if (own) {
    const account = accountRecords.fromRow(own);
    reasons.push({ code: "contact_account", text: `works at ${account.name}` });
    return account;
  }
  const byDomain = domain ? await reads.accountByDomain(domain) : null;
  if (!byDomain) return null;
  reasons.push({ code: "same_domain", text: `same domain ${domain}` });
  return accountRecords.fromRow(byDomain);
}
