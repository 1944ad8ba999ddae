import type { Kysely } from "kysely";
import type { LooseTables } from "./access.ts";
import type { Tx } from "./request-context.ts";

/**
 * Replaces the rows a record owns in a side table (its addresses, phones, search terms, order
 * lines) with `rows`, inside the caller's transaction.
 */
export async function replaceSideRows(
  tx: Tx,
  table: string,
  ownerColumn: string,
  ownerId: string,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  const db = tx as unknown as Kysely<LooseTables>;
  await db.deleteFrom(table).where(ownerColumn, "=", ownerId).execute();
  if (rows.length > 0) await db.insertInto(table).values(rows).execute();
}
