import type { Case, CaseListQuery } from "@rapport/shared/schemas";
import type { z } from "zod";
import { containsTextIgnoringCase } from "../../records/like.ts";
import type { RecordDefinition, RecordMeta } from "../../records/record-store.ts";
import { withMeta } from "../../records/with-meta.ts";

export type CaseFields = Omit<Case, keyof RecordMeta>;

export const caseRecords: RecordDefinition<Case, CaseFields, z.output<typeof CaseListQuery>> = {
  table: "cases",
  prefix: "cas",
  label: "case",
  toColumns: (c) => ({
    subject: c.subject,
    description: c.description,
    contact_id: c.contactId,
    account_id: c.accountId,
    product_id: c.productId,
    channel: c.channel,
    priority: c.priority,
    status: c.status,
    opened_at: c.openedAt,
    closed_at: c.closedAt,
  }),
  fromRow: (row) =>
    withMeta(row, {
      subject: row.subject as string,
      description: row.description as string | null,
      contactId: row.contact_id as string | null,
      accountId: row.account_id as string | null,
      productId: row.product_id as string | null,
      channel: row.channel as Case["channel"],
      priority: row.priority as Case["priority"],
      status: row.status as Case["status"],
      openedAt: row.opened_at as string,
      closedAt: row.closed_at as string | null,
    }),
  filter: (qb, query) => {
    let q = qb;
    if (query.accountId) q = q.where("account_id", "=", query.accountId);
    if (query.contactId) q = q.where("contact_id", "=", query.contactId);
    if (query.status) q = q.where("status", "=", query.status);
    if (query.priority) q = q.where("priority", "=", query.priority);
    if (query.q) q = q.where(containsTextIgnoringCase("subject", query.q));
    return q;
  },
  references: [
    { field: "accountId", table: "accounts", label: "account" },
    { field: "contactId", table: "contacts", label: "contact" },
    { field: "productId", table: "products", label: "product", sharedWithEveryone: true },
  ],
};
