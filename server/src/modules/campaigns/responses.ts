import { normalizeEmail } from "@rapport/shared/normalize";
import type { Activity, Campaign, Order, ResponseChannel } from "@rapport/shared/schemas";
import { sql } from "kysely";
import { AppError, type FieldError } from "../../http/app-error.ts";
import type { AuthUser } from "../../http/context.ts";
import { visibleSql } from "../../records/access.ts";
import type { RecordTransition } from "../../records/record-store.ts";
import type { Tx } from "../../records/request-context.ts";
import { updateFromValues } from "../../records/update-from-values.ts";
import { SOLD_STATUSES } from "../contacts/contact-facts.ts";

const DAY_MS = 86_400_000;
/** Ids per `in (...)` list. */
const BATCH = 500;

/** Where a response came from: typed in (or a file), a logged activity, an order. */
type ResponseSource = "manual" | "activity" | "order";

/** What came back from one contact on an action's list, as its campaign_targets row holds it. */
type Outcome = {
  respondedAt: string | null;
  responseChannel: string | null;
  responseSource: string | null;
  convertedAt: string | null;
  conversionValue: number | null;
};

type TargetRow = Outcome & { campaignId: string; contactId: string };

/** The earliest response is the one kept: a later one says nothing new about the delay. */
function respond(outcome: Outcome, at: string, channel: string, source: ResponseSource): boolean {
  if (outcome.respondedAt !== null && outcome.respondedAt <= at) return false;
  outcome.respondedAt = at;
  outcome.responseChannel = channel;
  outcome.responseSource = source;
  return true;
}

/** A conversion adds its value and keeps the earliest date; it is a response too, when it came first. */
function convert(outcome: Outcome, at: string, value: number, channel: string, source: ResponseSource): void {
  if (outcome.convertedAt === null || at < outcome.convertedAt) outcome.convertedAt = at;
  outcome.conversionValue = money((outcome.conversionValue ?? 0) + value);
  respond(outcome, at, channel, source);
}

/** Sums of amounts without binary noise (0.1 + 0.2). */
const money = (value: number) => Math.round(value * 10_000) / 10_000;

const OUTCOME_COLUMNS = {
  responded_at: "text",
  response_channel: "text",
  response_source: "text",
  converted_at: "text",
  conversion_value: "double precision",
} as const;

/** Writes changed outcomes back, one UPDATE ... FROM VALUES per campaign and batch. */
async function writeOutcomes(tx: Tx, rows: Iterable<TargetRow>): Promise<void> {
  const byCampaign = new Map<string, TargetRow[]>();
  for (const row of rows) {
    const list = byCampaign.get(row.campaignId) ?? [];
    list.push(row);
    byCampaign.set(row.campaignId, list);
  }
  for (const [campaignId, list] of byCampaign) {
    await updateFromValues(tx, {
      table: "campaign_targets",
      scope: { column: "campaign_id", value: campaignId },
      key: { column: "contact_id", type: "text" },
      columns: OUTCOME_COLUMNS,
      rows: list.map((r) => [
        r.contactId,
        r.respondedAt,
        r.responseChannel,
        r.responseSource,
        r.convertedAt,
        r.conversionValue,
      ]),
    });
  }
}

const outcomeColumns = [
  "t.campaign_id",
  "t.contact_id",
  "t.responded_at",
  "t.response_channel",
  "t.response_source",
  "t.converted_at",
  "t.conversion_value",
] as const;

type OutcomeRecord = {
  campaign_id: string;
  contact_id: string;
  responded_at: string | null;
  response_channel: string | null;
  response_source: string | null;
  converted_at: string | null;
  conversion_value: number | string | null;
};

const targetRow = (r: OutcomeRecord): TargetRow => ({
  campaignId: r.campaign_id,
  contactId: r.contact_id,
  respondedAt: r.responded_at,
  responseChannel: r.response_channel,
  responseSource: r.response_source,
  convertedAt: r.converted_at,
  conversionValue: r.conversion_value === null ? null : Number(r.conversion_value),
});

// ---------------------------------------------------------------------------------------------
// Responses recorded by hand or from a file

export type ResponseItem = {
  contactId?: string | undefined;
  email?: string | undefined;
  kind: "response" | "conversion";
  channel: ResponseChannel;
  at: string;
  value?: number | undefined;
};

/**
 * Records responses and conversions of a launched (or closed) action, in the caller's transaction.
 * A contact named by email is found through its normalised addresses. Items whose contact is not
 * on the target or control list, or is unknown or out of the user's sight, are answered by index
 * in `notTargeted`, never as an error.
 */
export async function recordResponses(
  tx: Tx,
  user: AuthUser,
  campaign: Campaign,
  items: readonly ResponseItem[],
): Promise<{ recorded: number; notTargeted: number[] }> {
  if (campaign.status === "draft" || campaign.launchedAt === null) {
    throw new AppError("conflict", "This campaign is a draft: launch it before recording responses.");
  }
  const launchedAt = campaign.launchedAt;
  // A response dated by day alone (midnight) on the launch day came after the launch, not before.
  const launchDay = launchedAt.slice(0, 10);
  const early: FieldError[] = items.flatMap((item, i) =>
    item.at.slice(0, 10) < launchDay
      ? [{ path: `items.${i}.at`, message: `before the campaign's launch (${launchedAt})` }]
      : [],
  );
  if (early.length > 0) {
    throw new AppError("validation_failed", early.map((e) => `${e.path}: ${e.message}`).join("; "), {
      errors: early,
    });
  }

  const byId = await listedByContactId(
    tx,
    user,
    campaign.id,
    items.flatMap((item) => (item.contactId ? [item.contactId] : [])),
  );
  const byEmail = await listedByEmail(
    tx,
    user,
    campaign.id,
    items.flatMap((item) => (item.email ? [normalizeEmail(item.email)] : [])),
  );

  // One row per contact, whether items name it by id, by one address or by another.
  const rows = new Map<string, TargetRow>(byId);
  for (const [email, row] of byEmail) {
    const same = rows.get(row.contactId) ?? row;
    rows.set(row.contactId, same);
    byEmail.set(email, same);
  }

  const changed = new Set<TargetRow>();
  const notTargeted: number[] = [];
  let recorded = 0;
  items.forEach((item, i) => {
    const row = item.contactId ? rows.get(item.contactId) : item.email ? byEmail.get(normalizeEmail(item.email)) : null;
    if (!row) {
      notTargeted.push(i);
      return;
    }
    recorded++;
    const at = item.at < launchedAt ? launchedAt : item.at;
    if (item.kind === "conversion") {
      convert(row, at, item.value ?? 0, item.channel, "manual");
      changed.add(row);
    } else if (respond(row, at, item.channel, "manual")) {
      changed.add(row);
    }
  });
  await writeOutcomes(tx, changed);
  return { recorded, notTargeted };
}

/** The list rows of these contacts (those the user may see), by contact id. */
async function listedByContactId(
  tx: Tx,
  user: AuthUser,
  campaignId: string,
  contactIds: string[],
): Promise<Map<string, TargetRow>> {
  const found = new Map<string, TargetRow>();
  const ids = [...new Set(contactIds)];
  const visible = visibleSql(user, "f");
  for (let start = 0; start < ids.length; start += BATCH) {
    const rows = await tx
      .selectFrom("campaign_targets as t")
      .innerJoin("contact_facts as f", "f.contact_id", "t.contact_id")
      .select(outcomeColumns)
      .where("t.campaign_id", "=", campaignId)
      .where("t.contact_id", "in", ids.slice(start, start + BATCH))
      .$if(visible !== null, (qb) => qb.where(visible as NonNullable<typeof visible>))
      .execute();
    for (const row of rows) found.set(row.contact_id, targetRow(row));
  }
  return found;
}

/**
 * The list rows of the contacts holding these (normalised) addresses: where several contacts on
 * the list share one, the one for whom it is the primary address, then the oldest.
 */
async function listedByEmail(
  tx: Tx,
  user: AuthUser,
  campaignId: string,
  emails: string[],
): Promise<Map<string, TargetRow>> {
  const found = new Map<string, TargetRow>();
  const unique = [...new Set(emails)];
  const visible = visibleSql(user, "f");
  for (let start = 0; start < unique.length; start += BATCH) {
    const rows = await tx
      .selectFrom("contact_emails as e")
      .innerJoin("campaign_targets as t", (join) =>
        join.onRef("t.contact_id", "=", "e.contact_id").on("t.campaign_id", "=", campaignId),
      )
      .innerJoin("contact_facts as f", "f.contact_id", "t.contact_id")
      .select([...outcomeColumns, "e.email"])
      .where("e.email", "in", unique.slice(start, start + BATCH))
      .$if(visible !== null, (qb) => qb.where(visible as NonNullable<typeof visible>))
      .orderBy("e.email")
      .orderBy("e.position")
      .orderBy("t.contact_id")
      .execute();
    for (const row of rows) if (!found.has(row.email)) found.set(row.email, targetRow(row));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Automatic attribution from activities and orders

/** The rows of launched (not closed) campaigns listing these contacts, with each campaign's window. */
async function openListRows(
  tx: Tx,
  contactIds: Iterable<string>,
): Promise<Array<TargetRow & { launchedAt: string; windowEnd: string }>> {
  const ids = [...new Set(contactIds)];
  const found: Array<TargetRow & { launchedAt: string; windowEnd: string }> = [];
  for (let start = 0; start < ids.length; start += BATCH) {
    const rows = await tx
      .selectFrom("campaign_targets as t")
      .innerJoin("campaigns as c", "c.id", "t.campaign_id")
      .select([...outcomeColumns, "c.launched_at", "c.response_window_days"])
      .where("c.status", "=", "launched")
      .where("t.contact_id", "in", ids.slice(start, start + BATCH))
      .execute();
    for (const row of rows) {
      const launchedAt = row.launched_at as string;
      const windowEnd = new Date(Date.parse(launchedAt) + Number(row.response_window_days) * DAY_MS).toISOString();
      found.push({ ...targetRow(row), launchedAt, windowEnd });
    }
  }
  return found;
}

/** The activity types that are an exchange with the contact, and the response channel each is. */
const ACTIVITY_CHANNEL: Partial<Record<Activity["type"], ResponseChannel>> = {
  email: "email",
  call: "phone",
  sms: "sms",
  letter: "mail",
  meeting: "other",
};

/**
 * The contacts who answered through this activity: the sender (or organiser) when the activity
 * names one among its contacts, otherwise every contact taking part (a call, a meeting).
 */
function responders(activity: Activity): string[] {
  const contacts = activity.participants.filter((p) => p.contactId);
  const senders = contacts.filter((p) => p.role === "from" || p.role === "organizer");
  return [...new Set((senders.length > 0 ? senders : contacts).map((p) => p.contactId as string))];
}

/**
 * The afterChange hook of activities: an incoming (or undirected) email, call, sms, letter or
 * meeting of a contact on a launched campaign's list, within [launch, launch + window], is a
 * response from that contact. Idempotent: the earliest response is kept, a repeat changes nothing.
 * Outgoing activities (what we sent), notes and tasks are no answer.
 */
export async function attributeActivities(
  tx: Tx,
  transitions: ReadonlyArray<RecordTransition<Activity>>,
): Promise<void> {
  const events: Array<{ contactId: string; at: string; channel: ResponseChannel }> = [];
  for (const { after } of transitions) {
    const channel = after ? ACTIVITY_CHANNEL[after.type] : undefined;
    if (!after || !channel || after.direction === "out") continue;
    for (const contactId of responders(after)) events.push({ contactId, at: after.occurredAt, channel });
  }
  if (events.length === 0) return;
  const changed = new Set<TargetRow>();
  for (const row of await openListRows(
    tx,
    events.map((e) => e.contactId),
  )) {
    for (const event of events) {
      if (event.contactId !== row.contactId || event.at < row.launchedAt || event.at > row.windowEnd) continue;
      if (respond(row, event.at, event.channel, "activity")) changed.add(row);
    }
  }
  await writeOutcomes(tx, changed);
}

type OrderPart = { contactId: string; day: string; total: number; sign: 1 | -1 };

/**
 * The afterChange hook of orders: a sold order (confirmed or delivered) of a contact on a launched
 * campaign's list, dated within the window (by day: an order on the launch day counts), is a
 * conversion worth its total, and a response if none came before. Each write adjusts by what the
 * order adds or takes away (the order as it was is taken out, as it is now put in), so editing an
 * order never counts it twice, and a cancelled or deleted order no longer counts; conversions
 * recorded by hand beside it are kept.
 */
export async function attributeOrders(tx: Tx, transitions: ReadonlyArray<RecordTransition<Order>>): Promise<void> {
  const parts: OrderPart[] = [];
  const sold = (order: Order | null): order is Order & { contactId: string } =>
    order !== null && order.contactId !== null && (SOLD_STATUSES as readonly string[]).includes(order.status);
  for (const { before, after } of transitions) {
    if (sold(before)) parts.push({ contactId: before.contactId, day: before.orderedAt, total: before.total, sign: -1 });
    if (sold(after)) parts.push({ contactId: after.contactId, day: after.orderedAt, total: after.total, sign: 1 });
  }
  if (parts.length === 0) return;
  const changed = new Set<TargetRow>();
  const lapsed: Array<TargetRow & { launchedAt: string; windowEnd: string }> = [];
  for (const row of await openListRows(
    tx,
    parts.map((p) => p.contactId),
  )) {
    const inWindow = parts.filter(
      (p) =>
        p.contactId === row.contactId && p.day >= row.launchedAt.slice(0, 10) && p.day <= row.windowEnd.slice(0, 10),
    );
    if (inWindow.length === 0) continue;
    const delta = inWindow.reduce((sum, p) => sum + p.sign * p.total, 0);
    const added = inWindow.filter((p) => p.sign === 1);
    const removed = inWindow.some((p) => p.sign === -1);
    if (added.length === 0 && delta === 0) continue;
    row.conversionValue = money(Math.max(0, (row.conversionValue ?? 0) + delta));
    for (const p of added) {
      // The day alone is known: on the launch day itself, the order came after the launch.
      const at = `${p.day}T00:00:00.000Z` < row.launchedAt ? row.launchedAt : `${p.day}T00:00:00.000Z`;
      convert(row, at, 0, "other", "order");
    }
    if (added.length === 0 && row.conversionValue === 0 && removed) lapsed.push(row);
    changed.add(row);
  }
  // A conversion whose only order was cancelled or deleted is no conversion any more.
  for (const row of lapsed) {
    if (!(await soldOrderWithin(tx, row.contactId, row.launchedAt.slice(0, 10), row.windowEnd.slice(0, 10)))) {
      row.convertedAt = null;
      row.conversionValue = null;
    }
  }
  await writeOutcomes(tx, changed);
}

async function soldOrderWithin(tx: Tx, contactId: string, from: string, to: string): Promise<boolean> {
  const found = await tx
    .selectFrom("orders")
    .select(sql`1`.as("one"))
    .where("contact_id", "=", contactId)
    .where("status", "in", [...SOLD_STATUSES])
    .where("ordered_at", ">=", from)
    .where("ordered_at", "<=", to)
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}
