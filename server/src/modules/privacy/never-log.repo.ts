import { normalizeEmail } from "@rapport/shared/normalize";
import { nowIso } from "../../records/ids.ts";
import type { Tx } from "../../records/request-context.ts";

/** The addresses a user asked never to log, sorted. */
export async function neverLogOf(db: Tx, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("never_log")
    .select("address")
    .where("user_id", "=", userId)
    .orderBy("address")
    .execute();
  return rows.map((row) => row.address);
}

/** Adding an address twice is harmless: the second time changes nothing. */
export async function addNeverLog(db: Tx, userId: string, address: string): Promise<string[]> {
  await db
    .insertInto("never_log")
    .values({ user_id: userId, address: normalizeEmail(address), created_at: nowIso() })
    .onConflict((oc) => oc.columns(["user_id", "address"]).doNothing())
    .execute();
  return neverLogOf(db, userId);
}

export async function removeNeverLog(db: Tx, userId: string, address: string): Promise<string[]> {
  await db
    .deleteFrom("never_log")
    .where("user_id", "=", userId)
    .where("address", "=", normalizeEmail(address))
    .execute();
  return neverLogOf(db, userId);
}
