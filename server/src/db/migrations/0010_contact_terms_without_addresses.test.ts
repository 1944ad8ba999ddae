import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { testDatabaseKind, useTestApp } from "../../testing/test-app.ts";
import { up } from "./0010_contact_terms_without_addresses.ts";

const t = useTestApp();

describe("migration 0010", () => {
  it("takes addresses and their local parts out of the search terms, and keeps name words", async () => {
    const contact = await t.call("POST", "/contacts", {
      body: { firstName: "Jean", lastName: "Dupont", emails: ["jean@acme.fr", "J.Dupont@Example.org"] },
    });
    const id: string = contact.json.id;
    const terms = () =>
      t.database.db
        .selectFrom("contact_terms")
        .select("term")
        .where("contact_id", "=", id)
        .orderBy("term")
        .execute()
        .then((rows) => rows.map((row) => row.term));
    const now = await terms();
    expect(now).toEqual(["acme.fr", "dupont", "example.org", "jean"]);
    // As they were before: each address and its local part too.
    await t.database.db
      .insertInto("contact_terms")
      .values(["jean@acme.fr", "j.dupont@example.org", "j.dupont"].map((term) => ({ term, contact_id: id })))
      .execute();
    await up(t.database.db as never);
    expect(await terms()).toEqual(now);
    // Run twice, it changes nothing.
    await up(t.database.db as never);
    expect(await terms()).toEqual(now);
    expect((await t.call("GET", "/search?q=j.dup")).json.hits).toMatchObject([{ id }]);
    if (testDatabaseKind === "postgres") {
      const { rows } = await sql<{ collation: string }>`select collation_name as collation
        from information_schema.columns where table_schema = current_schema()
        and table_name = 'contact_emails' and column_name = 'email'`.execute(t.database.db);
      expect(rows).toEqual([{ collation: "C" }]);
    }
  });
});
