import type { Kysely } from "kysely";
import { contactMatchKeys, type MatchedColumns, matchedFieldsOfRow } from "../../modules/contacts/contact-match.ts";

const PAGE = 5000;
const VALUES_PER_INSERT = 500;

/**
 * Gives the contacts already stored the blocking keys the current code derives (those `keep`
 * lets through), a page of contacts at a time; keys a contact has already are left as they are.
 */
export async function backfillMatchKeys(db: Kysely<unknown>, keep: (key: string) => boolean = () => true) {
  const any = db as unknown as Kysely<{
    contacts: MatchedColumns & { id: string };
    contact_match_keys: { key: string; contact_id: string };
  }>;
  let after = "";
  for (;;) {
    const contacts = await any
      .selectFrom("contacts")
      .select(["id", "first_name", "last_name", "emails", "phones", "address", "birth_date"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE)
      .execute();
    const last = contacts.at(-1);
    if (!last) return;
    after = last.id;
    const rows = contacts.flatMap((contact) =>
      contactMatchKeys(matchedFieldsOfRow(contact))
        .filter(keep)
        .map((key) => ({ key, contact_id: contact.id })),
    );
    for (let start = 0; start < rows.length; start += VALUES_PER_INSERT) {
      await any
        .insertInto("contact_match_keys")
        .values(rows.slice(start, start + VALUES_PER_INSERT))
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
  }
}
