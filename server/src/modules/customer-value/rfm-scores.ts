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
 * The reads a recompute makes, as text with `?` parameters (the period's first day, then a bound
 * on contact ids where given), so the SQLite threads and the PostgreSQL path run the same
 * statements. Only sold orders count.
 */
const SOLD = "o.status in ('confirmed', 'delivered') and o.contact_id is not null and o.ordered_at >= ?";
export const BUYERS_SQL = `select o.contact_id, max(o.ordered_at), count(*), sum(o.total) from orders o
  where ${SOLD} group by o.contact_id`;
/** Spending per contact and category; `below`/`from` keep the contacts on one side of an id. */
export function categoriesSql(range: "all" | "below" | "from"): string {
  const bound = range === "below" ? " and o.contact_id < ?" : range === "from" ? " and o.contact_id >= ?" : "";
  return `select o.contact_id, p.category, sum(l.line_total) from orders o
  join order_lines l on l.order_id = o.id join products p on p.id = l.product_id
  where ${SOLD}${bound} and p.category is not null group by o.contact_id, p.category`;
}

/** The aggregates of the period's buyers, from the rows of BUYERS_SQL; categories come apart. */
export function collectBuyers(buyers: Iterable<readonly unknown[]>): OrderAggregates {
  const ids: string[] = [];
  const last: number[] = [];
  const orders: number[] = [];
  const amount: number[] = [];
  for (const [id, lastOrderAt, count, total] of buyers) {
    ids.push(id as string);
    last.push(Date.parse(`${String(lastOrderAt).slice(0, 10)}T00:00:00Z`) / 86_400_000);
    orders.push(Number(count));
    amount.push(Number(total));
  }
  return {
    ids,
    lastOrderDay: Float64Array.from(last),
    orders: Float64Array.from(orders),
    amount: Float64Array.from(amount),
    category: new Array(ids.length).fill(null),
  };
}

/**
 * Each contact's FRAT type from the rows of categoriesSql: the category spent most on, a tie
 * going to the first name in alphabetical order so runs agree. Plain arrays, cheap to post back.
 */
export function bestCategories(rows: Iterable<readonly unknown[]>): { ids: string[]; names: string[] } {
  const best = new Map<string, { name: string; spent: number }>();
  for (const [id, name, spent] of rows) {
    const value = Number(spent);
    const held = best.get(id as string);
    if (!held || value > held.spent || (value === held.spent && String(name) < held.name)) {
      best.set(id as string, { name: String(name), spent: value });
    }
  }
  return { ids: [...best.keys()], names: [...best.values()].map((b) => b.name) };
}

/** Sets the scored buyers' categories from any number of bestCategories results. */
export function withCategories(
  scores: CustomerScores,
  ...parts: Array<{ ids: string[]; names: string[] }>
): CustomerScores {
  const index = new Map(scores.ids.map((id, i) => [id, i]));
  for (const { ids, names } of parts) {
    ids.forEach((id, k) => {
      const i = index.get(id);
      if (i !== undefined) scores.category[i] = names[k] as string;
    });
  }
  return scores;
}
