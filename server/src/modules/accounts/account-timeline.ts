import type { TimelineEntry, TimelineQuery } from "@rapport/shared/schemas";
import type { z } from "zod";
import { visibleTo } from "../../records/access.ts";
import { decodeCursor, encodeCursor } from "../../records/cursor.ts";
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
  const wanted = (kind: TimelineEntry["kind"]) => !query.kind || query.kind === kind;
  const sources = await Promise.all([
    wanted("activity") ? activities(ctx, accountId, cursor, take) : [],
    wanted("order") ? orders(ctx, accountId, cursor, take) : [],
    wanted("stage_change") ? stageChanges(ctx, accountId, cursor, take) : [],
    wanted("case") ? cases(ctx, accountId, cursor, take) : [],
  ]);
  const merged = sources
    .flat()
    .filter((entry) => !cursor || isBefore(entry, cursor))
    .sort((a, b) => (isBefore(a, b) ? 1 : -1));
  const items = merged.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: merged.length > query.limit && last ? encodeCursor([last.at, last.recordId]) : null,
  };
}

function toPosition(key: Array<string | number>): Position {
  return { at: String(key[0]), recordId: String(key[1]) };
}

/** Newest first; ties broken by id so the order is stable across pages. */
function isBefore(a: Position, b: Position): boolean {
  return a.at < b.at || (a.at === b.at && a.recordId < b.recordId);
}

async function activities(ctx: RequestContext, accountId: string, cursor: Position | null, take: number) {
  let qb = ctx.db
    .selectFrom("activities")
    .select(["id", "type", "direction", "subject", "occurred_at", "opportunity_id", "case_id"])
    .where("account_id", "=", accountId);
  const visible = visibleTo(ctx.user);
  if (visible) qb = qb.where(visible as never);
  if (cursor) qb = qb.where("occurred_at", "<=", cursor.at);
  const rows = await qb.orderBy("occurred_at", "desc").orderBy("id", "desc").limit(take).execute();
  return rows.map(
    (r): TimelineEntry => ({
      kind: "activity",
      at: r.occurred_at,
      recordId: r.id,
      title: r.subject ?? r.type,
      detail: { type: r.type, direction: r.direction, opportunityId: r.opportunity_id, caseId: r.case_id },
    }),
  );
}

async function orders(ctx: RequestContext, accountId: string, cursor: Position | null, take: number) {
  let qb = ctx.db
    .selectFrom("orders")
    .select(["id", "ordered_at", "reference", "status", "total", "currency", "contact_id"])
    .where("account_id", "=", accountId);
  const visible = visibleTo(ctx.user);
  if (visible) qb = qb.where(visible as never);
  if (cursor) qb = qb.where("ordered_at", "<=", cursor.at.slice(0, 10));
  const rows = await qb.orderBy("ordered_at", "desc").orderBy("id", "desc").limit(take).execute();
  return rows.map(
    (r): TimelineEntry => ({
      kind: "order",
      // Orders are dated, not timed: they sort at the start of their day.
      at: `${r.ordered_at}T00:00:00.000Z`,
      recordId: r.id,
      title: `Order ${r.reference ?? r.id}: ${r.total.toFixed(2)} ${r.currency}`,
      detail: { status: r.status, total: r.total, currency: r.currency, contactId: r.contact_id },
    }),
  );
}

async function stageChanges(ctx: RequestContext, accountId: string, cursor: Position | null, take: number) {
  let qb = ctx.db
    .selectFrom("opportunity_stage_changes as s")
    .innerJoin("opportunities as o", "o.id", "s.opportunity_id")
    .select(["s.id", "s.at", "s.from_stage", "s.to_stage", "s.opportunity_id", "s.by_user_id", "o.name"])
    .where("s.account_id", "=", accountId);
  const visible = visibleTo(ctx.user, "o");
  if (visible) qb = qb.where(visible as never);
  if (cursor) qb = qb.where("s.at", "<=", cursor.at);
  const rows = await qb.orderBy("s.at", "desc").orderBy("s.id", "desc").limit(take).execute();
  return rows.map(
    (r): TimelineEntry => ({
      kind: "stage_change",
      at: r.at,
      recordId: r.id,
      title: r.from_stage ? `${r.name}: ${r.from_stage} → ${r.to_stage}` : `${r.name}: opened at ${r.to_stage}`,
      detail: { opportunityId: r.opportunity_id, from: r.from_stage, to: r.to_stage, by: r.by_user_id },
    }),
  );
}

async function cases(ctx: RequestContext, accountId: string, cursor: Position | null, take: number) {
  let qb = ctx.db
    .selectFrom("cases")
    .select(["id", "subject", "opened_at", "status", "priority", "channel", "closed_at"])
    .where("account_id", "=", accountId);
  const visible = visibleTo(ctx.user);
  if (visible) qb = qb.where(visible as never);
  if (cursor) qb = qb.where("opened_at", "<=", cursor.at);
  const rows = await qb.orderBy("opened_at", "desc").orderBy("id", "desc").limit(take).execute();
  return rows.map(
    (r): TimelineEntry => ({
      kind: "case",
      at: r.opened_at,
      recordId: r.id,
      title: r.subject,
      detail: { status: r.status, priority: r.priority, channel: r.channel, closedAt: r.closed_at },
    }),
  );
}
