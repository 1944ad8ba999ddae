import { emailDomain, isPersonalEmailDomain, normalizeEmail } from "@rapport/shared/normalize";
import { CLOSED_STAGES, type LookupResult, OPEN_CASE_STATUSES } from "@rapport/shared/schemas";
import { sql } from "kysely";
import { visibleTo } from "../../records/access.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { accountStore } from "../accounts/accounts.service.ts";
import { activityStore } from "../activities/activities.service.ts";
import { caseStore } from "../cases/cases.service.ts";
import { contactStore } from "../contacts/contacts.service.ts";
import { opportunityStore } from "../opportunities/opportunities.service.ts";

// Limits go into the SQL text as literals: with a bound LIMIT, SQLite cannot plan the sort ahead,
// which made these reads 1.8 to 3.6 times slower (bench/, 1M contacts). They are constants, so no
// request value reaches SQL text.
const ONE = sql.lit(1);
const RECENT_ACTIVITIES = sql.lit(5);
const OPEN_RECORDS = sql.lit(20);
const CLOSED = [...CLOSED_STAGES];
const OPEN_CASES = [...OPEN_CASE_STATUSES];
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Reason = LookupResult["reasons"][number];

/**
 * Who is behind each address, by the first rungs of the matching ladder: the exact address
 * (primary or secondary) finds a contact; a company domain finds an account. Free-mail domains
 * and the organisation's own domains never match an account.
 */
export async function lookupEmails(ctx: RequestContext, emails: string[]): Promise<LookupResult[]> {
  const results: LookupResult[] = [];
  for (const email of emails) results.push(await lookupEmail(ctx, email));
  return results;
}

async function lookupEmail(ctx: RequestContext, raw: string): Promise<LookupResult> {
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

  const reasons: Reason[] = [];
  const contact = await contactByEmail(ctx, email);
  if (contact) reasons.push({ code: "same_email", text: `same email ${email}` });

  let account = contact?.accountId ? await accountStore.find(ctx.db, ctx.user, contact.accountId) : null;
  if (account) reasons.push({ code: "contact_account", text: `works at ${account.name}` });
  const personal = isPersonalEmailDomain(domain);
  if (!account && !personal) {
    account = await accountByDomain(ctx, domain);
    if (account) reasons.push({ code: "same_domain", text: `same domain ${domain}` });
  }
  if (!contact && !account) return { ...empty, skipped: personal ? "personal_domain" : null };

  const [openOpportunities, openCases, recentActivities] = await Promise.all([
    account ? openOpportunitiesOf(ctx, account.id) : [],
    openCasesOf(ctx, contact?.id ?? null, account?.id ?? null),
    recentActivitiesOf(ctx, contact?.id ?? null, account?.id ?? null),
  ]);
  return { email, contact, account, openOpportunities, openCases, recentActivities, reasons, skipped: null };
}

/** The contact with this address; if several share it, the one for whom it is primary, then the latest edited. */
async function contactByEmail(ctx: RequestContext, email: string) {
  let qb = ctx.db
    .selectFrom("contact_emails as e")
    .innerJoin("contacts as c", "c.id", "e.contact_id")
    .selectAll("c")
    .where("e.email", "=", email);
  const visible = visibleTo(ctx.user, "c");
  if (visible) qb = qb.where(visible as never);
  const row = await qb.orderBy("e.position").orderBy("c.updated_at", "desc").limit(ONE).executeTakeFirst();
  return row ? ((await contactStore.hydrate(ctx.db, [row]))[0] ?? null) : null;
}

async function accountByDomain(ctx: RequestContext, domain: string) {
  let qb = ctx.db
    .selectFrom("account_domains as d")
    .innerJoin("accounts as a", "a.id", "d.account_id")
    .selectAll("a")
    .where("d.domain", "=", domain);
  const visible = visibleTo(ctx.user, "a");
  if (visible) qb = qb.where(visible as never);
  const row = await qb.orderBy("a.updated_at", "desc").limit(ONE).executeTakeFirst();
  return row ? ((await accountStore.hydrate(ctx.db, [row]))[0] ?? null) : null;
}

async function openOpportunitiesOf(ctx: RequestContext, accountId: string) {
  let qb = ctx.db
    .selectFrom("opportunities")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("stage", "not in", CLOSED);
  const visible = visibleTo(ctx.user);
  if (visible) qb = qb.where(visible as never);
  const rows = await qb.orderBy("expected_close_date").orderBy("id").limit(OPEN_RECORDS).execute();
  return opportunityStore.hydrate(ctx.db, rows);
}

async function openCasesOf(ctx: RequestContext, contactId: string | null, accountId: string | null) {
  let qb = ctx.db
    .selectFrom("cases")
    .selectAll()
    .where("status", "in", OPEN_CASES)
    .where((eb) =>
      eb.or([
        ...(contactId ? [eb("contact_id", "=", contactId)] : []),
        ...(accountId ? [eb("account_id", "=", accountId)] : []),
      ]),
    );
  const visible = visibleTo(ctx.user);
  if (visible) qb = qb.where(visible as never);
  const rows = await qb.orderBy("opened_at", "desc").limit(OPEN_RECORDS).execute();
  return caseStore.hydrate(ctx.db, rows);
}

/** The contact's own history when known, else the account's. */
async function recentActivitiesOf(ctx: RequestContext, contactId: string | null, accountId: string | null) {
  const visible = visibleTo(ctx.user, "a");
  let qb = ctx.db.selectFrom("activities as a").selectAll("a");
  if (contactId) {
    qb = qb
      .innerJoin("activity_contacts as ac", "ac.activity_id", "a.id")
      .where("ac.contact_id", "=", contactId)
      .orderBy("ac.occurred_at", "desc");
  } else {
    qb = qb.where("a.account_id", "=", accountId as string).orderBy("a.occurred_at", "desc");
  }
  if (visible) qb = qb.where(visible as never);
  const rows = await qb.limit(RECENT_ACTIVITIES).execute();
  return activityStore.hydrate(ctx.db, rows);
}
