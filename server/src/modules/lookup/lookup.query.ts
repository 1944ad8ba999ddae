import { type RawBuilder, sql } from "kysely";
import type {
  AccountsTable,
  ActivitiesTable,
  CasesTable,
  ContactsTable,
  OpportunitiesTable,
  StageChangesTable,
} from "../../db/schema.ts";
import { visibleSqlOrAll } from "../../records/access.ts";
import type { RequestContext } from "../../records/request-context.ts";

/** Every activity column but the body, which history lists do not show and which can be long. */
const ACTIVITY_SUMMARY = sql.raw(
  [
    "id",
    "created_at",
    "updated_at",
    "version",
    "owner_id",
    "team_id",
    "type",
    "direction",
    "subject",
    "occurred_at",
    "ends_at",
    "location",
    "participants",
    "account_id",
    "opportunity_id",
    "case_id",
    "internet_message_id",
    "conversation_id",
    "ical_uid",
    "logged_by",
  ]
    .map((column) => `a.${column}`)
    .join(", "),
);

type ActivityRow = Omit<ActivitiesTable, "body_text">;

// Limits are literals in the SQL text: bound as parameters, SQLite cannot plan the top-N sort
// ahead, which made these reads 2 to 4 times slower on 1M contacts (bench/).
const OPEN_RECORDS = sql.lit(20);
const RECENT_ACTIVITIES = sql.lit(5);
const CONVERSATION_MAILS = sql.lit(50);

/**
 * The lookup's reads, written as plain SQL templates rather than with the query builder: the
 * Outlook pane makes this call for every mail it opens, and building and compiling six queries
 * cost more than running them. Each read is one index probe or range; visibility is the same
 * rule as everywhere else (records/access.ts).
 */
export function lookupReads(ctx: RequestContext) {
  const visible = (alias: string) => visibleSqlOrAll(ctx.user, alias);
  const all = async <Row>(query: RawBuilder<Row>) => (await query.execute(ctx.reader)).rows;
  const first = async <Row>(query: RawBuilder<Row>) => (await all(query))[0] ?? null;

  return {
    /** Where the address is primary first, then the latest edited. */
    contactByEmail: (email: string) =>
      first(sql<ContactsTable>`select c.* from contact_emails e join contacts c on c.id = e.contact_id
        where e.email = ${email} and ${visible("c")}
        order by e.position, c.updated_at desc, c.id limit 1`),

    accountById: (id: string) =>
      first(sql<AccountsTable>`select a.* from accounts a where a.id = ${id} and ${visible("a")}`),

    accountByDomain: (domain: string) =>
      first(sql<AccountsTable>`select a.* from account_domains d join accounts a on a.id = d.account_id
        where d.domain = ${domain} and ${visible("a")}
        order by a.updated_at desc, a.id limit 1`),

    /** Soonest expected close first, undated last (the same on both databases). */
    openDeals: (accountId: string) =>
      all(sql<OpportunitiesTable>`select o.* from opportunities o
        where o.account_id = ${accountId} and o.stage not in ('won', 'lost') and ${visible("o")}
        order by o.expected_close_date is null, o.expected_close_date, o.id limit ${OPEN_RECORDS}`),

    stageChanges: (opportunityIds: string[]) =>
      opportunityIds.length === 0
        ? Promise.resolve([])
        : all(sql<StageChangesTable>`select * from opportunity_stage_changes
            where opportunity_id in (${sql.join(opportunityIds)}) order by at, id`),

    /** Open cases of the contact or of the account; one index probe per side. */
    openCases: (contactId: string | null, accountId: string | null) =>
      all(sql<CasesTable>`select k.* from cases k
        where k.status in ('open', 'pending') and ${visible("k")}
          and (k.contact_id = ${contactId ?? ""} or k.account_id = ${accountId ?? ""})
        order by k.opened_at desc, k.id desc limit ${OPEN_RECORDS}`),

    contactHistory: (contactId: string) =>
      all(sql<ActivityRow>`select ${ACTIVITY_SUMMARY} from activity_contacts ac join activities a on a.id = ac.activity_id
        where ac.contact_id = ${contactId} and ${visible("a")}
        order by ac.occurred_at desc, a.id desc limit ${RECENT_ACTIVITIES}`),

    loggedMail: (internetMessageId: string) =>
      first(sql<ActivityRow>`select ${ACTIVITY_SUMMARY} from activities a
        where a.internet_message_id = ${internetMessageId} and ${visible("a")}`),

    loggedMeeting: (iCalUId: string) =>
      first(sql<ActivityRow>`select ${ACTIVITY_SUMMARY} from activities a
        where a.ical_uid = ${iCalUId} and ${visible("a")}`),

    /** The conversation's other logged mails, newest first. */
    conversationMails: (conversationId: string, exceptMessageId: string | null) =>
      all(sql<ActivityRow>`select ${ACTIVITY_SUMMARY} from activities a
        where a.conversation_id = ${conversationId} and ${visible("a")}
          and (a.internet_message_id is null or a.internet_message_id <> ${exceptMessageId ?? ""})
        order by a.occurred_at desc, a.id desc limit ${CONVERSATION_MAILS}`),

    accountHistory: (accountId: string) =>
      all(sql<ActivityRow>`select ${ACTIVITY_SUMMARY} from activities a
        where a.account_id = ${accountId} and ${visible("a")}
        order by a.occurred_at desc, a.id desc limit ${RECENT_ACTIVITIES}`),
  };
}
