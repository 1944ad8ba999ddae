import type { Product, ProductListQuery } from "@rapport/shared/schemas";
import type { z } from "zod";
import { readBool, writeBool } from "../../records/json-column.ts";
import { containsTextIgnoringCase } from "../../records/like.ts";
import type { RecordDefinition, RecordMeta } from "../../records/record-store.ts";
import { withMeta } from "../../records/with-meta.ts";

export type ProductFields = Omit<Product, keyof RecordMeta>;

export const productRecords: RecordDefinition<Product, ProductFields, z.output<typeof ProductListQuery>> = {
  table: "products",
  prefix: "prd",
  label: "product",
  // The catalogue is the whole company's: every user sees every product.
  sharedWithEveryone: true,
  toColumns: (p) => ({
    code: p.code,
    name: p.name,
    list_price: p.listPrice,
    currency: p.currency,
    category: p.category,
    warranty_months: p.warrantyMonths,
    active: writeBool(p.active),
  }),
  fromRow: (row) =>
    withMeta(row, {
      code: row.code as string,
      name: row.name as string,
      listPrice: row.list_price as number,
      currency: row.currency as string,
      category: row.category as string | null,
      warrantyMonths: row.warranty_months as number,
      active: readBool(row.active as number),
    }),
  filter: (qb, query) => {
    let q = qb;
    if (query.code) q = q.where("code", "=", query.code);
    if (query.q)
      q = q.where((eb) =>
        eb.or([
          containsTextIgnoringCase("name", query.q as string),
          containsTextIgnoringCase("code", query.q as string),
        ]),
      );
    return q;
  },
};
