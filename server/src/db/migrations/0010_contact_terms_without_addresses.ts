import { foldText } from "@rapport/shared/normalize";
import { type Kysely, sql } from "kysely";
import { contactSearchTerms } from "../../records/search-terms.ts";
import { isPostgres } from "../dialect.ts";
import { forEachContactPage } from "./contact-pages.ts";

const PAIRS_PER_DELETE = 500;

/**
 * A contact's email addresses and their local parts are no longer search terms: search finds them
 * by prefix in contact_emails (contactSearchTerms). Contacts stored before lose those terms here,
 * a page of contacts at a time; a term that is also a name word ("jean" of jean@acme.fr) stays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Prefix ranges need byte-wise order, as contact_terms has: a linguistic collation (en_US)
  // orders "j.dupont" apart from "j.dup" by ignoring the dot. Addresses are ASCII, so equality and
  // their order as text are unchanged.
  if (isPostgres(db)) await sql`alter table contact_emails alter column email type text collate "C"`.execute(db);
  type Row = { id: string; first_name: string | null; last_name: string | null; emails: string };
  await forEachContactPage<Row>(db, ["id", "first_name", "last_name", "emails"], async (contacts) => {
    const stale = contacts.flatMap((contact) => {
      const emails = JSON.parse(contact.emails) as string[];
      const kept = new Set(contactSearchTerms([contact.first_name, contact.last_name], emails));
      // The terms an address gave before, folded as search folds: itself and its local part.
      const before = emails.flatMap((email) => {
        const address = foldText(email);
        return [address, address.slice(0, address.lastIndexOf("@"))];
      });
      return [...new Set(before)].filter((term) => term && !kept.has(term)).map((term) => [term, contact.id] as const);
    });
    for (let start = 0; start < stale.length; start += PAIRS_PER_DELETE) {
      const pairs = stale.slice(start, start + PAIRS_PER_DELETE).map(([term, id]) => sql`(${term}, ${id})`);
      await sql`delete from contact_terms where (term, contact_id) in (values ${sql.join(pairs)})`.execute(db);
    }
  });
}

/** The terms stay gone: search no longer reads them. */
export async function down(): Promise<void> {}
