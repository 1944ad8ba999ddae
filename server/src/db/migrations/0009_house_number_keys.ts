import type { Kysely } from "kysely";
import { backfillMatchKeys } from "./backfill-match-keys.ts";

/**
 * The number at the start or end of an address line now blocks on its own when a contact has no
 * number field (key "a:postcode:number"), so someone typed again with a typo in a name still meets
 * the contact living at the same number. Contacts stored before get that key here; their other
 * keys are unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await backfillMatchKeys(db, (key) => key.startsWith("a:"));
}

/** The keys stay: they are what the current code derives, and nothing reads them wrongly. */
export async function down(): Promise<void> {}
