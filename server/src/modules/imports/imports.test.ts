import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";
import { analyse, jobWithRows, settle } from "./import-jobs.testing.ts";
import { THREAD_FROM_ROWS } from "./import-runner.ts";

const t = useTestApp();
const FEBRL = new URL("../../../../../shared/data/febrl/dataset1.csv", import.meta.url);

async function allRows(id: string) {
  const page = await t.call("GET", `/imports/${id}/rows?limit=1000`);
  expect(page.status).toBe(200);
  return page.json.items as {
    row: number;
    action: string;
    targetId: string | null;
    duplicateOf: number | null;
    errors: string[];
    changes: { field: string; from: unknown; to: unknown }[];
    reasons: string[];
    score: number | null;
    review: boolean;
  }[];
}

async function contactsSnapshot() {
  const page = await t.call("GET", "/contacts?limit=500");
  return page.json.items;
}

describe("imports", () => {
  it("proposes a mapping from French headers and decides every row in a dry run", async () => {
    const existing = await t.call("POST", "/contacts", {
      body: { firstName: "Hélène", lastName: "Lefèvre", emails: ["helene@acme.fr"], phones: ["06 12 34 56 78"] },
    });
    const id = await jobWithRows(
      t,
      ["Prénom", "Nom", "Adresse e-mail", "Téléphone portable", "Code postal", "Ville"],
      [
        ["Helene", "LEFEVRE", "HELENE@acme.fr", "", "75001", "Paris"],
        ["Jean", "Dupont", "jean.dupont@exemple.fr", "0612345679", "69001", "Lyon"],
        ["Jean", "Dupont", "jean.dupont@exemple.fr", "", "69001", "Lyon"],
        ["Paul", "Martin", "not-an-email", "12", "", ""],
        ["", "", "", "", "", ""],
      ],
    );
    const job = await t.call("GET", `/imports/${id}`);
    expect(job.json.mapping).toEqual(["firstName", "lastName", "email", "phone", "postcode", "city"]);

    const analysed = await analyse(t, id);
    expect(analysed.status).toBe(200);
    expect(analysed.json.status).toBe("analysed");
    const rows = await allRows(id);
    expect(rows.map((r) => r.action)).toEqual(["merge", "create", "duplicate", "invalid", "invalid"]);
    expect(rows[0]).toMatchObject({ targetId: existing.json.id, score: 1, reasons: ["same email helene@acme.fr"] });
    expect(rows[0]!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["address"]));
    expect(rows[2]!.duplicateOf).toBe(2);
    expect(rows[3]!.errors).toEqual(['email "not-an-email" not valid', 'phone "12" not valid for FR']);
    expect(rows[4]!.errors).toContain("a contact needs a name or an email address");
    expect(analysed.json.plan).toMatchObject({ merge: 1, create: 1, duplicate: 1, invalid: 2 });
  });

  it("applies, reports, and undoes back to exactly the database it started from", async () => {
    const existing = await t.call("POST", "/contacts", {
      body: { firstName: "Hélène", lastName: "Lefèvre", emails: ["helene@acme.fr"], jobTitle: "CEO" },
    });
    const before = await contactsSnapshot();
    const id = await jobWithRows(
      t,
      ["First name", "Last name", "Email", "Job title", "Phone"],
      [
        ["Hélène", "Lefèvre", "helene@acme.fr", "CTO", "+33 6 12 34 56 78"],
        ["Ada", "Lovelace", "ada@example.org", "", ""],
        ["Ada", "Lovelace", "ada@example.org", "Countess", ""],
        ['=HYPERLINK("http://evil")', "Formula", "", "", ""],
      ],
    );
    await analyse(t, id);
    const applied = await t.call("POST", `/imports/${id}/apply`);
    expect(applied.status).toBe(200);
    const job = await settle(t, id);
    expect(job.status).toBe("applied");
    expect(job.result).toEqual({ created: 2, updated: 0, merged: 2, skipped: 0, failed: 0 });

    const merged = await t.call("GET", `/contacts/${existing.json.id}`);
    expect(merged.json).toMatchObject({ jobTitle: "CTO", phones: ["+33612345678"], emails: ["helene@acme.fr"] });
    const contacts = await contactsSnapshot();
    expect(contacts).toHaveLength(3);
    const ada = contacts.find((c: { lastName: string }) => c.lastName === "Lovelace");
    expect(ada.jobTitle).toBe("Countess");
    // Formula-looking text is stored as the text it is.
    expect(contacts.map((c: { firstName: string }) => c.firstName)).toContain('=HYPERLINK("http://evil")');

    // Apply again: nothing happens twice.
    await t.call("POST", `/imports/${id}/apply`);
    expect(await contactsSnapshot()).toHaveLength(3);

    const undo = await t.call("POST", `/imports/${id}/undo`);
    expect(undo.status).toBe(200);
    const undone = await settle(t, id);
    expect(undone.error).toBeNull();
    expect(undone.status).toBe("undone");
    expect(undone.undo).toEqual({ removed: 2, restored: 2, kept: [] });
    const after = await contactsSnapshot();
    const strip = (list: { version: number; updatedAt: string }[]) =>
      list.map(({ version, updatedAt, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
  });

  it("merges on a shared phone only under the same name, and asks a person otherwise", async () => {
    const sean = await t.call("POST", "/contacts", {
      body: { firstName: "Sean", lastName: "Davies", phones: ["+44 7584 380962"] },
    });
    const id = await jobWithRows(
      t,
      ["First name", "Last name", "Phone", "Country"],
      [
        ["Seán", "Davis", "07584 380962", "GB"],
        ["Emma", "Walsh", "+44 (0)7584 380962", "GB"],
        ["Olivia", "Patel", "001 404 311 7666", "US"],
      ],
    );
    await analyse(t, id);
    const rows = await allRows(id);
    expect(rows[0]).toMatchObject({ action: "merge", targetId: sean.json.id, reasons: ["same phone +447584380962"] });
    expect(rows[1]).toMatchObject({
      action: "create",
      targetId: sean.json.id,
      reasons: ["same phone +447584380962", "another name: review before merging"],
    });
    expect(rows[1]?.review).toBe(true);
    // A number written with the "00" most of the world dials abroad with, in a row from the US.
    expect(rows[2]).toMatchObject({ action: "create", errors: [] });
  });

  it("runs a big file's dry run, apply and undo on a thread of its own, with the same outcome", async () => {
    const existing = await t.call("POST", "/contacts", {
      body: { firstName: "Hélène", lastName: "Lefèvre", emails: ["helene@acme.fr"] },
    });
    const rows = [
      ["Hélène", "Lefèvre", "helene@acme.fr", "CTO"],
      ...Array.from({ length: THREAD_FROM_ROWS }, (_, i) => [`Prénom${i}`, `Nom${i}`, `p${i}@example.org`, ""]),
      ["Prénom7", "Nom7", "p7@example.org", "Again"],
    ];
    const id = await jobWithRows(t, ["First name", "Last name", "Email", "Job title"], rows);
    expect((await analyse(t, id)).json.plan).toMatchObject({ merge: 1, create: THREAD_FROM_ROWS, duplicate: 1 });

    await t.call("POST", `/imports/${id}/apply`);
    const applied = await settle(t, id);
    expect(applied.error).toBeNull();
    expect(applied.result).toEqual({ created: THREAD_FROM_ROWS, updated: 0, merged: 2, skipped: 0, failed: 0 });
    expect((await t.call("GET", `/contacts/${existing.json.id}`)).json.jobTitle).toBe("CTO");

    await t.call("POST", `/imports/${id}/undo`);
    const undone = await settle(t, id);
    expect(undone.status).toBe("undone");
    expect(undone.undo).toMatchObject({ removed: THREAD_FROM_ROWS, restored: 2, kept: [] });
    const left = await t.call("GET", "/contacts?limit=10");
    expect(left.json.items.map((c: { id: string; jobTitle: string | null }) => [c.id, c.jobTitle])).toEqual([
      [existing.json.id, null],
    ]);
  });

  it("flags a row pulled at an older version as a conflict, and never overwrites a later edit on undo", async () => {
    const contact = await t.call("POST", "/contacts", {
      body: { firstName: "Zoé", lastName: "Roux", jobTitle: "Buyer" },
    });
    await t.call("PATCH", `/contacts/${contact.json.id}`, {
      body: { jobTitle: "Head buyer" },
      headers: { "if-match": '"1"' },
    });
    const id = await jobWithRows(
      t,
      ["Id", "Version", "First name", "Last name", "Job title"],
      [[contact.json.id, "1", "Zoé", "Roux", "Intern"]],
    );
    await analyse(t, id);
    const [row] = await allRows(id);
    expect(row).toMatchObject({ action: "conflict", targetId: contact.json.id });
    expect(row!.changes).toEqual([{ field: "jobTitle", from: "Head buyer", to: "Intern" }]);

    // "Keep mine": the user overrides, applies; then someone edits; undo leaves their edit alone.
    const override = await t.call("PATCH", `/imports/${id}/rows/1`, { body: { action: "update" } });
    expect(override.json).toMatchObject({ action: "update", proposed: "conflict", overridden: true });
    await t.call("POST", `/imports/${id}/apply`);
    expect((await settle(t, id)).result.updated).toBe(1);
    const now = await t.call("GET", `/contacts/${contact.json.id}`);
    expect(now.json.jobTitle).toBe("Intern");
    await t.call("PATCH", `/contacts/${contact.json.id}`, {
      body: { jobTitle: "Director" },
      headers: { "if-match": `"${now.json.version}"` },
    });
    await t.call("POST", `/imports/${id}/undo`);
    const undone = await settle(t, id);
    expect(undone.undo.kept).toEqual([
      { row: 1, recordId: contact.json.id, reason: "edited after the import; left as it is" },
    ]);
    expect((await t.call("GET", `/contacts/${contact.json.id}`)).json.jobTitle).toBe("Director");
  });

  it("does not merge a namesake who writes from another address: it flags the row for review", async () => {
    const existing = await t.call("POST", "/contacts", {
      body: {
        firstName: "Jean",
        lastName: "Martin",
        emails: ["jean.martin@acme.fr"],
        address: { lines: ["12 rue de la Paix"], postcode: "75002", city: "Paris", country: "FR" },
      },
    });
    const id = await jobWithRows(
      t,
      ["First name", "Last name", "Email", "Street", "Postcode", "City"],
      [["Jean", "Martin", "jm@autre.fr", "12 rue de la Paix", "75002", "Paris"]],
    );
    await analyse(t, id);
    const [row] = await allRows(id);
    expect(row).toMatchObject({ action: "create", targetId: existing.json.id });
    expect(row?.reasons.at(-1)).toBe("another email address than the contact's: review before merging");
  });

  it("finds a stored contact typed again with a typo and no email, and leaves alone who only shares a first name and a postcode", async () => {
    const address = { lines: ["8 avenue Foch"], postcode: "69006", city: "Lyon", country: "FR" };
    const stored = await t.call("POST", "/contacts", {
      body: { firstName: "Sébastien", lastName: "Kowalczyk", phones: ["04 78 12 34 56"], address },
    });
    await t.call("POST", "/contacts", {
      body: { firstName: "Claire", lastName: "Perrin", address: { ...address, lines: ["40 cours Vitton"] } },
    });
    const id = await jobWithRows(
      t,
      ["First name", "Last name", "Job title", "Street", "Postcode", "City"],
      [
        ["Sebastien", "Kowalczik", "Acheteur", "8 avenue Foch", "69006", "Lyon"],
        ["Claire", "Zimmermann", "Gérante", "3 rue Garibaldi", "69006", "Lyon"],
      ],
    );
    await analyse(t, id);
    const [typo, stranger] = await allRows(id);
    expect(typo).toMatchObject({ action: "merge", targetId: stored.json.id });
    expect(typo?.score).toBeGreaterThanOrEqual(0.99);
    // The accents and the country stay; the other spelling of the surname is shown as a change.
    expect(typo?.changes).toEqual([
      { field: "lastName", from: "Kowalczyk", to: "Kowalczik" },
      { field: "jobTitle", from: null, to: "Acheteur" },
    ]);
    // Same town and first name, another surname and street: at most a resemblance to review.
    expect(stranger).toMatchObject({ action: "create" });
    expect(stranger?.score ?? 0).toBeLessThan(0.99);
  });

  it("does not merge a namesake in the same town on another street: it flags the row for review", async () => {
    const stored = await t.call("POST", "/contacts", {
      body: {
        firstName: "Émilie",
        lastName: "Chevalier",
        address: { lines: ["18 chemin des Vignes"], postcode: "57000", city: "Metz", country: "FR" },
      },
    });
    const id = await jobWithRows(
      t,
      ["First name", "Last name", "Street", "Postcode", "City"],
      [["Émile", "Chevalier", "164 rue Émile Zola", "57000", "Metz"]],
    );
    await analyse(t, id);
    const [row] = await allRows(id);
    expect(row).toMatchObject({ action: "create", targetId: stored.json.id, review: true });
    expect(row?.reasons.some((reason) => reason.startsWith("different street"))).toBe(true);
  });

  it("does not fold namesakes of one file together on a look-alike company or the same PO box in another town", async () => {
    const id = await jobWithRows(
      t,
      ["First name", "Last name", "Email", "Company", "Street", "Postcode", "City"],
      [
        ["Connor", "Robinson", "c.robinson@rodriguez-engineering.co.uk", "Rodriguez Engineering Ltd", "", "", ""],
        ["Coonnor", "Robinson", "", "Rodriguez Consulting Ltd", "142 Baker Street", "B1 1BB", "Birmingham"],
        ["Émilie", "Perrin", "", "", "BP 42", "35000", "Rennes"],
        ["Émilie", "Perin", "", "Pharmacie Mercier", "BP 42", "86000", "Poitiers"],
      ],
    );
    await analyse(t, id);
    expect((await allRows(id)).map((row) => row.action)).toEqual(["create", "create", "create", "create"]);
  });

  it("reads an uploaded FEBRL file and finds its duplicates", async () => {
    const job = await t.call("POST", "/imports", { body: { name: "febrl", options: { defaultCountry: "AU" } } });
    const upload = await t.call("POST", `/imports/${job.json.id}/file?filename=dataset1.csv`, {
      raw: new Uint8Array(readFileSync(FEBRL)),
      headers: { "content-type": "text/csv" },
    });
    expect(upload.status).toBe(200);
    expect(upload.json.rowCount).toBe(1000);
    expect(upload.json.mapping.slice(1, 3)).toEqual(["firstName", "lastName"]);
    const analysed = await analyse(t, job.json.id);
    expect(analysed.json.plan.duplicate).toBeGreaterThanOrEqual(495);
    expect(analysed.json.plan.create + analysed.json.plan.duplicate + analysed.json.plan.invalid).toBe(1000);
  });

  it("refuses bad input clearly", async () => {
    const job = await t.call("POST", "/imports", { body: { headers: ["Email"] } });
    const id = job.json.id;
    expect((await t.call("POST", `/imports/${id}/rows`, { raw: "{not json", headers: {} })).status).toBe(400);
    expect((await t.call("POST", `/imports/${id}/rows`, { body: { rows: "nope" } })).status).toBe(422);
    expect((await t.call("POST", `/imports/${id}/apply`)).status).toBe(409);
    const huge = new Uint8Array(5 * 1024 * 1024).fill(65);
    expect(
      (await t.call("POST", `/imports/${id}/file`, { raw: huge, headers: { "content-type": "text/csv" } })).status,
    ).toBe(413);
    const stranger = await t.addUser("rep");
    expect((await t.call("GET", `/imports/${id}`, { token: stranger.token })).status).toBe(404);
    expect(
      (await t.call("POST", `/imports/${id}/file`, { raw: '"unterminated', headers: { "content-type": "text/csv" } }))
        .status,
    ).toBe(400);
  });

  it("runs the dry run in the background and lets nothing change the job meanwhile", async () => {
    const id = await jobWithRows(t, ["First name", "Last name", "Email"], [["Ana", "Lopes", "ana@lopes.pt"]]);
    const started = await t.call("POST", `/imports/${id}/analyse`);
    expect(started.status).toBe(200);
    expect(["analysing", "analysed"]).toContain(started.json.status);
    expect((await settle(t, id)).status).toBe("analysed");

    // A dry run in progress (as after a restart, until it resumes): the job holds still.
    await t.database.db.updateTable("import_jobs").set({ status: "analysing" }).where("id", "=", id).execute();
    expect((await t.call("POST", `/imports/${id}/rows`, { body: { rows: [["Bo", "Lund", ""]] } })).status).toBe(409);
    expect((await t.call("PATCH", `/imports/${id}`, { body: { name: "renamed" } })).status).toBe(409);
    expect((await t.call("POST", `/imports/${id}/apply`)).status).toBe(409);
    expect((await t.call("POST", `/imports/${id}/analyse`)).json.status).toBe("analysing");
  });
});
