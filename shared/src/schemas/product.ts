import { z } from "zod";
import { Currency, ListQuery, Money, RecordMeta, ShortText, updateOf } from "./common.ts";

const productFields = {
  code: z.string().trim().min(1).max(64),
  name: ShortText.min(1),
  listPrice: Money.min(0),
  currency: Currency,
  /** The product type FRAT scores by ("software", "training"...). */
  category: ShortText.min(1).nullable().default(null),
  warrantyMonths: z.number().int().min(0).max(600).default(0),
  active: z.boolean().default(true),
};

export const Product = RecordMeta.extend(productFields).meta({ id: "Product" });
export type Product = z.infer<typeof Product>;
export const ProductCreate = z.strictObject(productFields);
export type ProductCreate = z.infer<typeof ProductCreate>;
export const ProductUpdate = updateOf(ProductCreate);
export type ProductUpdate = z.infer<typeof ProductUpdate>;
export const ProductListQuery = ListQuery.extend({ code: z.string().max(64).optional() });
