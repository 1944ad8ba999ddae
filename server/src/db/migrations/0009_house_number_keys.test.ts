import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";
import { up } from "./0009_house_number_keys.ts";

const t = useTestApp();

describe("migration 0009", () => {
  it("gives contacts stored before it the key of the number in their address line", async () => {
    const contact = await t.call("POST", "/contacts", {
      body: {
        firstName: "Émilie",
        lastName: "Chevalier",
        address: { lines: ["164 rue Émile Zola"], postcode: "57000", city: "Metz", country: "FR" },
      },
    });
    const keys = () =>
      t.database.db
        .selectFrom("contact_match_keys")
        .select("key")
        .where("contact_id", "=", contact.json.id)
        .orderBy("key")
        .execute()
        .then((rows) => rows.map((row) => row.key));
    const now = await keys();
    expect(now).toContain("a:57000:164");
    // As it was before: no such key.
    await t.database.db.deleteFrom("contact_match_keys").where("key", "like", "a:%").execute();
    await up(t.database.db as never);
    expect(await keys()).toEqual(now);
    // Run twice, it adds nothing.
    await up(t.database.db as never);
    expect(await keys()).toEqual(now);
  });
});
