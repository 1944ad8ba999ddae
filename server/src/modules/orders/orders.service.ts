import type { OrderCreate, OrderLine } from "@rapport/shared/schemas";
import { invalidField } from "../../http/app-error.ts";
import { recordService } from "../../records/record-service.ts";
import { RecordStore } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { type OrderFields, orderRecords } from "./orders.repo.ts";

export const orderStore = new RecordStore(orderRecords);

type OrderInput = Omit<OrderCreate, "ownerId" | "lines"> & {
  lines: Array<OrderCreate["lines"][number] & Partial<Pick<OrderLine, "lineTotal">>>;
};

/**
 * Amounts are computed in whole cents, so 3 × 49.90 less 5% is 142.22 as on the invoice, not the
 * 142.21 that binary floating point would round 142.2149999… to.
 */
const toCents = (amount: number) => Math.round(amount * 100);

/** Lines take the product's list price unless priced; line totals and the order total are computed here. */
async function prepareOrder(ctx: RequestContext, input: OrderInput): Promise<OrderFields> {
  const productIds = [...new Set(input.lines.map((line) => line.productId))];
  const products = await ctx.db
    .selectFrom("products")
    .select(["id", "list_price"])
    .where("id", "in", productIds)
    .execute();
  const listPrice = new Map(products.map((p) => [p.id, p.list_price]));
  const lines = input.lines.map((line, i): OrderLine => {
    const price = line.unitPrice ?? listPrice.get(line.productId);
    if (!listPrice.has(line.productId) || price === undefined) {
      throw invalidField(`lines.${i}.productId`, `no product with id ${line.productId}`);
    }
    const lineTotal = Math.round((line.quantity * toCents(price) * (100 - line.discountRate)) / 100) / 100;
    return {
      productId: line.productId,
      quantity: line.quantity,
      unitPrice: price,
      discountRate: line.discountRate,
      lineTotal,
    };
  });
  const { lines: _, ...fields } = input;
  return { ...fields, lines, total: lines.reduce((sum, line) => sum + toCents(line.lineTotal), 0) / 100 };
}

export const orderService = recordService(orderStore, prepareOrder);
