import type { ActivitySummary, LoggedMail, MailStatus, RecordLink } from "@rapport/shared/schemas";
import { type RawBuilder, sql } from "kysely";
import { visibleSqlOrAll } from "../../records/access.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { activityRecords } from "../activities/activities.repo.ts";
import type { lookupReads } from "./lookup.query.ts";

type Reads = ReturnType<typeof lookupReads>;

/**
 * Whether the open mail is logged, and which mails of its conversation are: what the Outlook pane
 * shows as "Logged on <date> by <user> to <records>", from any device.
 */
export async function mailStatus(
  ctx: RequestContext,
  reads: Reads,
  ids: { internetMessageId?: string | undefined; conversationId?: string | undefined; iCalUId?: string | undefined },
): Promise<MailStatus> {
  const loggedRow = ids.internetMessageId
    ? await reads.loggedMail(ids.internetMessageId)
    : ids.iCalUId
      ? await reads.loggedMeeting(ids.iCalUId)
      : null;
  const conversationRows = ids.conversationId
    ? await reads.conversationMails(ids.conversationId, ids.internetMessageId ?? null)
    : [];
  const activities = [...(loggedRow ? [loggedRow] : []), ...conversationRows].map(summaryOf);
  const described = await describe(ctx, activities);
  return {
    logged: loggedRow ? (described[0] ?? null) : null,
    conversation: loggedRow ? described.slice(1) : described,
  };
}

function summaryOf(row: Parameters<typeof activityRecords.fromRow>[0]): ActivitySummary {
  const { bodyText: _, ...summary } = activityRecords.fromRow({ ...row, body_text: null });
  return summary;
}

/** Each activity with who logged it and the names of the records it is filed under that the user sees. */
async function describe(ctx: RequestContext, activities: ActivitySummary[]): Promise<LoggedMail[]> {
  if (activities.length === 0) return [];
  const ids = (pick: (a: ActivitySummary) => Array<string | null>) => [
    ...new Set(activities.flatMap(pick).filter((id): id is string => id !== null)),
  ];
  const names = await namesOf(ctx, {
    users: ids((a) => [a.loggedBy]),
    accounts: ids((a) => [a.accountId]),
    opportunities: ids((a) => [a.opportunityId]),
    cases: ids((a) => [a.caseId]),
    contacts: ids((a) => a.participants.map((p) => p.contactId)),
  });
  return activities.map((activity) => {
    const links: RecordLink[] = [];
    const link = (kind: RecordLink["kind"], id: string | null) => {
      const name = id ? names.get(id) : undefined;
      if (id && name !== undefined && !links.some((l) => l.id === id)) links.push({ kind, id, name });
    };
    link("account", activity.accountId);
    link("opportunity", activity.opportunityId);
    link("case", activity.caseId);
    for (const participant of activity.participants) link("contact", participant.contactId);
    return { activity, loggedByName: names.get(activity.loggedBy) ?? "", links };
  });
}

type NamedTable = "users" | "accounts" | "opportunities" | "cases" | "contacts";
type NameQueries = Record<NamedTable, string[]>;

/** How each table names a row; users are not records, so everyone may read their names. */
const NAME_OF: Record<NamedTable, { name: RawBuilder<string>; records: boolean }> = {
  users: { name: sql`r.name`, records: false },
  accounts: { name: sql`r.name`, records: true },
  opportunities: { name: sql`r.name`, records: true },
  cases: { name: sql`r.subject`, records: true },
  contacts: { name: sql`trim(coalesce(r.first_name, '') || ' ' || coalesce(r.last_name, ''))`, records: true },
};

/** One read per table; records the user may not see are left out, so they are never named. */
async function namesOf(ctx: RequestContext, wanted: NameQueries): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const [table, ids] of Object.entries(wanted) as Array<[NamedTable, string[]]>) {
    if (ids.length === 0) continue;
    const { name, records } = NAME_OF[table];
    const visible = records ? visibleSqlOrAll(ctx.user, "r") : sql`1 = 1`;
    const { rows } = await sql<{ id: string; name: string | null }>`select r.id, ${name} as name
      from ${sql.table(table)} r where r.id in (${sql.join(ids)}) and ${visible}`.execute(ctx.reader);
    for (const row of rows) names.set(row.id, row.name ?? "");
  }
  return names;
}
