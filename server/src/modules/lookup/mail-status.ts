import type { ActivitySummary, LoggedMail, MailStatus, RecordLink } from "@rapport/shared/schemas";
import { visibleTo } from "../../records/access.ts";
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

type NameQueries = Record<"users" | "accounts" | "opportunities" | "cases" | "contacts", string[]>;

/** One read per record type; records the user may not see are left out, so they are never named. */
async function namesOf(ctx: RequestContext, wanted: NameQueries): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const db = ctx.reader;
  const add = (rows: Array<{ id: string; name: string | null }>) => {
    for (const row of rows) names.set(row.id, row.name ?? "");
  };
  if (wanted.users.length > 0) {
    add(await db.selectFrom("users").select(["id", "name"]).where("id", "in", wanted.users).execute());
  }
  const onlyVisible = <Q extends { where: (condition: never) => Q }>(qb: Q, alias: string) => {
    const visible = visibleTo(ctx.user, alias);
    return visible ? qb.where(visible as never) : qb;
  };
  if (wanted.accounts.length > 0) {
    const qb = db.selectFrom("accounts as r").select(["r.id", "r.name"]).where("r.id", "in", wanted.accounts);
    add(await onlyVisible(qb, "r").execute());
  }
  if (wanted.opportunities.length > 0) {
    const qb = db.selectFrom("opportunities as r").select(["r.id", "r.name"]).where("r.id", "in", wanted.opportunities);
    add(await onlyVisible(qb, "r").execute());
  }
  if (wanted.cases.length > 0) {
    const qb = db.selectFrom("cases as r").select(["r.id", "r.subject as name"]).where("r.id", "in", wanted.cases);
    add(await onlyVisible(qb, "r").execute());
  }
  if (wanted.contacts.length > 0) {
    const qb = db
      .selectFrom("contacts as r")
      .select(["r.id", "r.first_name", "r.last_name"])
      .where("r.id", "in", wanted.contacts);
    const rows = await onlyVisible(qb, "r").execute();
    add(rows.map((row) => ({ id: row.id, name: [row.first_name, row.last_name].filter(Boolean).join(" ") })));
  }
  return names;
}
