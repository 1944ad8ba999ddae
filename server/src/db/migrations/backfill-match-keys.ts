import type { Kysely } from "kysely";
import { contactMatchKeys, type MatchedColumns, matchedFieldsOfRow } from "../../modules/contacts/contact-match.ts";
import { forEachContactPage } from "./contact-pages.ts";

const VALUES_PER_INSERT = 500;

/**
 * Gives the contacts already stored the blocking keys the current code derives (those `keep`
 * lets through), a page of contacts at a time; keys a contact has already are left as they are.
 */
export async function backfillMatchKeys(db: Kysely<unknown>, keep: (key: string) => boolean = () => true) {
  const keys = db as unknown as Kysely<{ contact_match_keys: { key: string; contact_id: string } }>;
  const columns = ["id", "first_name", "last_name", "emails", "phones", "address", "birth_date"] as const;
  await forEachContactPage<MatchedColumns & { id: string }>(db, columns, async (contacts) => {
    const rows = contacts.flatMap((contact) =>
      contactMatchKeys(matchedFieldsOfRow(contact))
        .filter(keep)
        .map((key) => ({ key, contact_id: contact.id })),
    );
    for (let start = 0; start < rows.length; start += VALUES_PER_INSERT) {
      await keys
        .insertInto("contact_match_keys")
        .values(rows.slice(start, start + VALUES_PER_INSERT))
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
  });
}
