import type { TimelineEntry, TimelineQuery } from "@rapport/shared/schemas";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { type LooseTables, visibleTo } from "../../records/access.ts";
import { decodeCursor, pageOf } from "../../records/cursor.ts";
import type { LooseSelect } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { accountStore } from "./accounts.service.ts";

type Query = z.output<typeof TimelineQuery>;
type Position = { at: string; recordId: string };

/**
 * The 360-degree view of an account: its activities, orders, deal stage changes and cases, newest
 * first. Each source is read already sorted and cut at the cursor; merging them keeps each page
 * exact without a cross-table UNION that would differ between SQLite and PostgreSQL.
 */
export async function accountTimeline(ctx: RequestContext, accountId: string, query: Query) {
  await accountStore.get(ctx.db, ctx.user, accountId);
  const cursor = query.cursor ? toPosition(decodeCursor(query.cursor, 2)) : null;
  const take = query.limit + 1;
  const wanted = SOURCES.filter((source) => !query.kind || query.kind === source.kind);
  const sources = await Promise.all(wanted.map((source) => readSource(ctx, source, accountId, cursor, take)));
  const merged = sources
    .flat()
    .filter((entry) => !cursor || isBefore(entry, cursor))
    .sort((a, b) => (isBefore(a, b) ? 1 : -1));
  const { page, nextCursor } = pageOf(merged, query.limit, (last) => [last.at, last.recordId]);
  return { items: page, nextCursor };
}

function toPosition(key: Array<string | number>): Position {
  return { at: String(key[0]), recordId: String(key[1]) };
}

/** Newest first; ties broken by id so the order is stable across pages. */
function isBefore(a: Position, b: Position): boolean {
  return a.at < b.at || (a.at === b.at && a.recordId < b.recordId);
}

type Row = Record<string, unknown>;

/** One kind of timeline entry: which rows of the account, which columns date and name them. */
type Source = {
  kind: TimelineEntry["kind"];
  rows: (db: Kysely<LooseTables>, accountId: string) => LooseSelect;
  /** The table alias that owner and team visibility applies to. */
  alias: string;
  at: string;
  id: string;
  /** Orders are dated, not timed: their cut compares the date part only. */
  dateOnly?: boolean;
  toEntry: (row: Row) => Omit<TimelineEntry, "kind">;
};

const SOURCES: Source[] = [
  {
    kind: "activity",
    rows: (db, accountId) =>
      db
        .selectFrom("activities as a")
        .select(["a.id", "a.type", "a.direction", "a.subject", "a.occurred_at", "a.opportunity_id", "a.case_id"])
        .where("a.account_id", "=", accountId),
    alias: "a",
    at: "a.occurred_at",
    id: "a.id",
    toEntry: (r) => ({
      at: r.occurred_at as string,
      recordId: r.id as string,
      title: (r.subject ?? r.type) as string,
      detail: { type: r.type, direction: r.direction, opportunityId: r.opportunity_id, caseId: r.case_id },
    }),
  },
  {
    kind: "order",
    rows: (db, accountId) =>
      db
        .selectFrom("orders as o")
        .select(["o.id", "o.ordered_at", "o.reference", "o.status", "o.total", "o.currency", "o.contact_id"])
        .where("o.account_id", "=", accountId),
    alias: "o",
    at: "o.ordered_at",
    id: "o.id",
    dateOnly: true,
    toEntry: (r) => ({
      // Orders sort at the start of their day.
      at: `${r.ordered_at}T00:00:00.000Z`,
      recordId: r.id as string,
      title: `Order ${r.reference ?? r.id}: ${(r.total as number).toFixed(2)} ${r.currency}`,
      detail: { status: r.status, total: r.total, currency: r.currency, contactId: r.contact_id },
    }),
  },
  {
    kind: "stage_change",
    rows: (db, accountId) =>
      db
        .selectFrom("opportunity_stage_changes as s")
        .innerJoin("opportunities as o", "o.id", "s.opportunity_id")
        .select(["s.id", "s.at", "s.from_stage", "s.to_stage", "s.opportunity_id", "s.by_user_id", "o.name"])
        .where("s.account_id", "=", accountId),
    alias: "o",
    at: "s.at",
    id: "s.id",
    toEntry: (r) => ({
      at: r.at as string,
      recordId: r.id as string,
      title: r.from_stage ? `${r.name}: ${r.from_stage} → ${r.to_stage}` : `${r.name}: opened at ${r.to_stage}`,
      detail: { opportunityId: r.opportunity_id, from: r.from_stage, to: r.to_stage, by: r.by_user_id },
    }),
  },
  {
    kind: "case",
    rows: (db, accountId) =>
      db
        .selectFrom("cases as k")
        .select(["k.id", "k.subject", "k.opened_at", "k.status", "k.priority", "k.channel", "k.closed_at"])
        .where("k.account_id", "=", accountId),
    alias: "k",
    at: "k.opened_at",
    id: "k.id",
    toEntry: (r) => ({
      at: r.opened_at as string,
      recordId: r.id as string,
      title: r.subject as string,
      detail: { status: r.status, priority: r.priority, channel: r.channel, closedAt: r.closed_at },
    }),
  },
];

/** A source's entries the user may see, newest first, from the cursor on. */
async function readSource(
  ctx: RequestContext,
  source: Source,
  accountId: string,
  cursor: Position | null,
  take: number,
) {
  let qb = source.rows(ctx.db as unknown as Kysely<LooseTables>, accountId);
  const visible = visibleTo(ctx.user, source.alias);
  if (visible) qb = qb.where(visible);
  if (cursor) qb = qb.where(source.at, "<=", source.dateOnly ? cursor.at.slice(0, 10) : cursor.at);
  const rows = (await qb.orderBy(source.at, "desc").orderBy(source.id, "desc").limit(take).execute()) as Row[];
  return rows.map((row): TimelineEntry => ({ kind: source.kind, ...source.toEntry(row) }));
}
