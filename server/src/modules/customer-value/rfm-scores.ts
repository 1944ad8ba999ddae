import { type LifetimeValueSettings, lifetimeValue, quintileScores } from "@rapport/shared/marketing";

/** What each buyer of the period bought: one entry per contact, in the same order in every list. */
export type OrderAggregates = {
  ids: string[];
  /** The last order's day, as days since 1970 (later is larger). */
  lastOrderDay: Float64Array;
  orders: Float64Array;
  amount: Float64Array;
  /** FRAT's type: the category the contact spent most on, or null. */
  category: Array<string | null>;
};

export type CustomerScores = {
  ids: string[];
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
  lifetimeValue: Float64Array;
  category: Array<string | null>;
};

/** RFM quintiles over the period's buyers, and each one's lifetime value. */
export function scoreCustomers(
  aggregates: OrderAggregates,
  periodMonths: number,
  settings: LifetimeValueSettings,
): CustomerScores {
  const values = new Float64Array(aggregates.ids.length);
  aggregates.amount.forEach((amount, i) => {
    values[i] = lifetimeValue(amount, periodMonths, settings);
  });
  return {
    ids: aggregates.ids,
    recency: quintileScores(aggregates.lastOrderDay),
    frequency: quintileScores(aggregates.orders),
    monetary: quintileScores(aggregates.amount),
    lifetimeValue: values,
    category: aggregates.category,
  };
}

/**
 * The two reads a recompute makes, as text with `?` parameters (the period's first day), so the
 * SQLite thread and the PostgreSQL path run the same statements. Only sold orders count.
 */
const SOLD = "o.status in ('confirmed', 'delivered') and o.contact_id is not null and o.ordered_at >= ?";
export const BUYERS_SQL = `select o.contact_id, max(o.ordered_at), count(*), sum(o.total) from orders o
  where ${SOLD} group by o.contact_id`;
export const CATEGORIES_SQL = `select o.contact_id, p.category, sum(l.line_total) from orders o
  join order_lines l on l.order_id = o.id join products p on p.id = l.product_id
  where ${SOLD} and p.category is not null group by o.contact_id, p.category`;

/** Builds the aggregates from the rows of the two reads, whichever database gave them. */
export function collectAggregates(
  buyers: Iterable<readonly unknown[]>,
  categories: Iterable<readonly unknown[]>,
): OrderAggregates {
  const ids: string[] = [];
  const last: number[] = [];
  const orders: number[] = [];
  const amount: number[] = [];
  const index = new Map<string, number>();
  for (const [id, lastOrderAt, count, total] of buyers) {
    index.set(id as string, ids.length);
    ids.push(id as string);
    last.push(Date.parse(`${String(lastOrderAt).slice(0, 10)}T00:00:00Z`) / 86_400_000);
    orders.push(Number(count));
    amount.push(Number(total));
  }
  const category: Array<string | null> = new Array(ids.length).fill(null);
  const best = new Float64Array(ids.length).fill(-1);
  for (const [id, name, spent] of categories) {
    const i = index.get(id as string);
    if (i === undefined) continue;
    const value = Number(spent);
    // Most spent wins; a tie goes to the first name in alphabetical order, so runs agree.
    if (value > (best[i] as number) || (value === best[i] && String(name) < String(category[i]))) {
      best[i] = value;
      category[i] = String(name);
    }
  }
  return {
    ids,
    lastOrderDay: Float64Array.from(last),
    orders: Float64Array.from(orders),
    amount: Float64Array.from(amount),
    category,
  };
}
