import { z } from "zod";
import { Currency, Id, IsoDate, ListQuery, Money, Percent, RecordMeta, ShortText, updateOf } from "./common.ts";

export const OrderStatus = z.enum(["draft", "confirmed", "delivered", "cancelled"]);

export const OrderLineInput = z.strictObject({
  productId: Id,
  quantity: z.number().positive().max(1e6),
  /** Defaults to the product's list price. */
  unitPrice: Money.min(0).optional(),
  discountRate: Percent.default(0),
});
export const OrderLine = OrderLineInput.extend({ unitPrice: Money, lineTotal: Money });
export type OrderLine = z.infer<typeof OrderLine>;

const orderFields = {
  accountId: Id,
  contactId: Id.nullable().default(null),
  orderedAt: IsoDate,
  reference: ShortText.nullable().default(null),
  status: OrderStatus.default("confirmed"),
  currency: Currency,
  lines: z.array(OrderLineInput).min(1).max(500),
};

export const Order = RecordMeta.extend({ ...orderFields, lines: z.array(OrderLine), total: Money }).meta({
  id: "Order",
});
export type Order = z.infer<typeof Order>;
export const OrderCreate = z.strictObject({ ...orderFields, ownerId: Id.optional() });
export type OrderCreate = z.infer<typeof OrderCreate>;
export const OrderUpdate = updateOf(OrderCreate);
export type OrderUpdate = z.infer<typeof OrderUpdate>;
export const OrderListQuery = ListQuery.extend({
  accountId: Id.optional(),
  contactId: Id.optional(),
  status: OrderStatus.optional(),
});
