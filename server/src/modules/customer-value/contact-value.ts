import type { ContactValue } from "@rapport/shared/schemas";
import type { RequestContext } from "../../records/request-context.ts";
import { contactStore } from "../contacts/contacts.service.ts";

/** What Rapport knows of a contact's value, for its card: 404 like the contact itself if unseen. */
export async function contactValue(ctx: RequestContext, id: string): Promise<ContactValue> {
  await contactStore.get(ctx.reader, ctx.user, id);
  const f = await ctx.reader.selectFrom("contact_facts").selectAll().where("contact_id", "=", id).executeTakeFirst();
  const scored = f?.recency_score != null && f.frequency_score != null && f.monetary_score != null;
  return {
    contactId: id,
    orderCount: Number(f?.order_count ?? 0),
    orderTotal: Number(f?.order_total ?? 0),
    firstOrderAt: f?.first_order_at ?? null,
    lastOrderAt: f?.last_order_at ?? null,
    lastActivityAt: f?.last_activity_at ?? null,
    recencyScore: f?.recency_score ?? null,
    frequencyScore: f?.frequency_score ?? null,
    monetaryScore: f?.monetary_score ?? null,
    rfm: scored ? `${f.recency_score}${f.frequency_score}${f.monetary_score}` : null,
    productCategory: f?.product_category ?? null,
    lifetimeValue: f?.lifetime_value ?? null,
    scoredAt: f?.scored_at ?? null,
  };
}
