import { foldText } from "@rapport/shared/normalize";
import type { Contact } from "@rapport/shared/schemas";
import { sql, type UpdateObject } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Tx } from "../../records/request-context.ts";

/** Orders that count as bought: drafts are not sales yet, cancelled ones no longer are. */
export const SOLD_STATUSES = ["confirmed", "delivered"] as const;

type FactSource = Pick<
  Contact,
  "id" | "ownerId" | "teamId" | "emails" | "phones" | "address" | "source" | "tags" | "consent" | "doNotContact"
>;

/**
 * The contact's own columns of its facts row (the rest follow its orders, activities and the RFM
 * run). Text is folded as the segment compiler folds the values it compares with.
 */
export function contactFactColumns(c: FactSource) {
  return {
    contact_id: c.id,
    owner_id: c.ownerId,
    team_id: c.teamId,
    country: c.address?.country ?? null,
    postcode: c.address?.postcode ? foldPostcode(c.address.postcode) : null,
    city: c.address?.city ? foldText(c.address.city) : null,
    source: c.source ? foldText(c.source) : null,
    tags: tagsColumn(c.tags),
    email_consent: c.consent.email?.status ?? "unknown",
    phone_consent: c.consent.phone?.status ?? "unknown",
    sms_consent: c.consent.sms?.status ?? "unknown",
    post_consent: c.consent.post?.status ?? "unknown",
    do_not_contact: c.doNotContact ? 1 : 0,
    has_email: c.emails.length > 0 ? 1 : 0,
    has_phone: c.phones.length > 0 ? 1 : 0,
  };
}

/** "75 001" and "75001" are one postcode; "sw1a 1aa" and "SW1A 1AA" too. */
export const foldPostcode = (postcode: string) => postcode.replace(/\s+/g, "").toUpperCase();

/** `|vip|salon 2024|`: each folded tag between bars (tags hold no bar once folded this way). */
export function tagsColumn(tags: readonly string[]): string {
  return tags.length === 0 ? "" : `|${tags.map(tagKey).join("|")}|`;
}
export const tagKey = (tag: string) => foldText(tag).replaceAll("|", "/");

/** Ids per statement, far below either database's parameter limit. */
const BATCH = 500;

/**
 * Recomputes the order facts of these contacts from their orders, in the caller's transaction:
 * called wherever an order is written, deleted or moved to another contact (and after merges), so
 * a segment on "ordered in the last 90 days" is right the moment after.
 */
export async function refreshOrderFacts(tx: Tx, contactIds: Iterable<string>): Promise<void> {
  const sold = sql.join(SOLD_STATUSES.map((status) => sql.lit(status)));
  const ordersOf = sql`orders o where o.contact_id = contact_facts.contact_id and o.status in (${sold})`;
  await updateFacts(tx, contactIds, {
    order_count: sql`(select count(*) from ${ordersOf})`,
    order_total: sql`(select coalesce(sum(o.total), 0) from ${ordersOf})`,
    first_order_at: sql`(select min(o.ordered_at) from ${ordersOf})`,
    last_order_at: sql`(select max(o.ordered_at) from ${ordersOf})`,
  });
}

/** The same for activities: one index probe per contact, on the path of every logged mail. */
export async function refreshActivityFacts(tx: Tx, contactIds: Iterable<string>): Promise<void> {
  await updateFacts(tx, contactIds, {
    last_activity_at: sql`(select max(a.occurred_at) from activity_contacts a where a.contact_id = contact_facts.contact_id)`,
  });
}

/** Both, for a contact whose orders and activities moved at once (a merge, its undo). */
export async function refreshContactFacts(tx: Tx, contactIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(contactIds)];
  await refreshOrderFacts(tx, ids);
  await refreshActivityFacts(tx, ids);
}

async function updateFacts(
  tx: Tx,
  contactIds: Iterable<string>,
  columns: UpdateObject<Database, "contact_facts">,
): Promise<void> {
  const ids = [...new Set(contactIds)];
  for (let start = 0; start < ids.length; start += BATCH) {
    await tx
      .updateTable("contact_facts")
      .set(columns)
      .where("contact_id", "in", ids.slice(start, start + BATCH))
      .execute();
  }
}
