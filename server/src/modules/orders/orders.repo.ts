import type { Order, OrderListQuery } from "@rapport/shared/schemas";
import type { z } from "zod";
import { containsTextIgnoringCase } from "../../records/like.ts";
import type { RecordDefinition, RecordMeta } from "../../records/record-store.ts";
import { withMeta } from "../../records/with-meta.ts";
import { attributeOrders } from "../campaigns/responses.ts";
import { refreshOrderFacts } from "../contacts/contact-facts.ts";

export type OrderFields = Omit<Order, keyof RecordMeta>;

export const orderRecords: RecordDefinition<Order, OrderFields, z.output<typeof OrderListQuery>> = {
  table: "orders",
  prefix: "ord",
  label: "order",
  toColumns: (o) => ({
    account_id: o.accountId,
    contact_id: o.contactId,
    ordered_at: o.orderedAt,
    reference: o.reference,
    status: o.status,
    currency: o.currency,
    total: o.total,
  }),
  fromRow: (row) =>
    withMeta(row, {
      accountId: row.account_id as string,
      contactId: row.contact_id as string | null,
      orderedAt: row.ordered_at as string,
      reference: row.reference as string | null,
      status: row.status as Order["status"],
      currency: row.currency as string,
      total: row.total as number,
      lines: [],
    }),
  loadChildren: async (db, orders) => {
    const rows = await db
      .selectFrom("order_lines")
      .selectAll()
      .where(
        "order_id",
        "in",
        orders.map((o) => o.id),
      )
      .orderBy("order_id")
      .orderBy("position")
      .execute();
    const byId = new Map(orders.map((o) => [o.id, o]));
    for (const r of rows) {
      byId.get(r.order_id)?.lines.push({
        productId: r.product_id,
        quantity: r.quantity,
        unitPrice: r.unit_price,
        discountRate: r.discount_rate,
        lineTotal: r.line_total,
      });
    }
  },
  mirrors: [
    {
      table: "order_lines",
      owner: "order_id",
      rows: (o) =>
        o.lines.map((line, position) => ({
          order_id: o.id,
          position,
          product_id: line.productId,
          quantity: line.quantity,
          unit_price: line.unitPrice,
          discount_rate: line.discountRate,
          line_total: line.lineTotal,
        })),
    },
  ],
  // A contact's order count, total and dates follow its orders (segments filter on them); a sold
  // order of a contact on a launched campaign's list is a conversion.
  afterChange: async (tx, transitions) => {
    await refreshOrderFacts(
      tx,
      transitions.flatMap(({ before, after }) => [before?.contactId, after?.contactId]).filter((id) => id != null),
    );
    await attributeOrders(tx, transitions);
  },
  filter: (qb, query) => {
    let q = qb;
    if (query.accountId) q = q.where("account_id", "=", query.accountId);
    if (query.contactId) q = q.where("contact_id", "=", query.contactId);
    if (query.status) q = q.where("status", "=", query.status);
    if (query.q) q = q.where(containsTextIgnoringCase("reference", query.q));
    return q;
  },
  references: [
    { field: "accountId", table: "accounts", label: "account" },
    { field: "contactId", table: "contacts", label: "contact" },
  ],
};
