import type { Kysely } from "kysely";

const PAGE = 5000;

/**
 * Hands every stored contact to `visit`, a page of `columns` at a time in id order, so a migration
 * that reworks what is derived from each contact holds one page in memory, not a million contacts.
 */
export async function forEachContactPage<Row extends { id: string }>(
  db: Kysely<unknown>,
  columns: ReadonlyArray<keyof Row & string>,
  visit: (contacts: Row[]) => Promise<void>,
): Promise<void> {
  const contacts = db as unknown as Kysely<{ contacts: Record<string, string | null> }>;
  let after = "";
  for (;;) {
    const page = (await contacts
      .selectFrom("contacts")
      .select(columns)
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE)
      .execute()) as unknown as Row[];
    const last = page.at(-1);
    if (!last) return;
    after = last.id;
    await visit(page);
  }
}
