import type { Kysely } from "kysely";
import { contactMatchKeys } from "../../modules/contacts/contact-match.ts";

const PAGE = 5000;

/**
 * The number at the start or end of an address line now blocks on its own when a contact has no
 * number field (key "a:postcode:number"), so someone typed again with a typo in a name still meets
 * the contact living at the same number. Contacts stored before get that key here; their other
 * keys are unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const any = db as Kysely<Record<string, Record<string, string | null>>>;
  let after = "";
  for (;;) {
    const contacts = await any
      .selectFrom("contacts")
      .select(["id", "first_name", "last_name", "address"])
      .where("address", "is not", null)
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE)
      .execute();
    const last = contacts.at(-1);
    if (!last) return;
    after = last.id as string;
    const rows = contacts.flatMap((c) =>
      contactMatchKeys({
        firstName: c.first_name ?? null,
        lastName: c.last_name ?? null,
        emails: [],
        phones: [],
        address: JSON.parse(c.address as string),
        birthDate: null,
      })
        .filter((key) => key.startsWith("a:"))
        .map((key) => ({ key, contact_id: c.id as string })),
    );
    for (let start = 0; start < rows.length; start += 500) {
      await any
        .insertInto("contact_match_keys")
        .values(rows.slice(start, start + 500))
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
  }
}

/** The keys stay: they are what the current code derives, and nothing reads them wrongly. */
export async function down(): Promise<void> {}
