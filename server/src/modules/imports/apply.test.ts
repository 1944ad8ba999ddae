import { describe, expect, it } from "vitest";
import { testDatabaseKind, useTestApp } from "../../testing/test-app.ts";
import { analyse, jobWithRows, settle } from "./import-jobs.testing.ts";

const t = useTestApp();

/** The rows as apply left them, straight from the table. */
async function storedRows(jobId: string) {
  return t.database.db
    .selectFrom("import_rows")
    .select([
      "row_number",
      "action",
      "duplicate_of",
      "target_id",
      "status",
      "record_id",
      "after_version",
      "before",
      "errors",
    ])
    .where("job_id", "=", jobId)
    .orderBy("row_number")
    .execute();
}

async function allContacts() {
  return (await t.call("GET", "/contacts?limit=500")).json.items as Array<{
    id: string;
    firstName: string | null;
    lastName: string | null;
    emails: string[];
    jobTitle: string | null;
    version: number;
  }>;
}

describe("applying an import in batches", () => {
  it("writes the values the dry run showed, and reads a pulled row's version again", async () => {
    const id = await jobWithRows(t, ["First name", "Last name", "Email"], [["Ana", "Lima", "ana@lima.pt"]]);
    await analyse(t, id);
    // What the user reviewed is what lands, even should the cells read differently by now (as
    // after an upgrade that normalises otherwise): the preview is the contract.
    await t.database.db
      .updateTable("import_rows")
      .set({
        row_values: JSON.stringify({
          firstName: "Ana",
          lastName: "Lima",
          emails: ["ana@lima.pt"],
          company: "Lima Lda",
        }),
      })
      .where("job_id", "=", id)
      .execute();
    await t.database.db
      .updateTable("import_rows")
      .set({ cells: JSON.stringify(["X", "Y", "x@y.pt"]) })
      .where("job_id", "=", id)
      .execute();
    await t.call("POST", `/imports/${id}/apply`);
    expect((await settle(t, id)).result).toMatchObject({ created: 1 });
    expect(await allContacts()).toMatchObject([{ firstName: "Ana", lastName: "Lima", emails: ["ana@lima.pt"] }]);

    // A pulled row still meets the version check at apply time.
    const [contact] = await allContacts();
    const pulled = await jobWithRows(
      t,
      ["Id", "Version", "First name", "Last name", "Email"],
      [[contact!.id, String(contact!.version), "Ana", "Lima", "ana.lima@lima.pt"]],
    );
    expect((await analyse(t, pulled)).json.plan).toMatchObject({ update: 1 });
    await t.call("PATCH", `/contacts/${contact!.id}`, {
      body: { jobTitle: "CFO" },
      headers: { "if-match": String(contact!.version) },
    });
    await t.call("POST", `/imports/${pulled}/apply`);
    expect((await settle(t, pulled)).result).toMatchObject({ updated: 0, failed: 1 });
  });

  it("creates, merges twice into one contact, joins duplicates to their first row, and undoes it all", async () => {
    const known = await t.call("POST", "/contacts", {
      body: { firstName: "Zoé", lastName: "Roux", emails: ["zoe@roux.fr"] },
    });
    const before = await allContacts();
    const rows: string[][] = [];
    for (let i = 0; i < 150; i++) rows.push([`Prénom${i}`, `Nom${i}`, `p${i}@example.org`, ""]);
    // Row 151 merges into Zoé, rows 152-153 repeat a new person of row 2, 154 is Zoé again.
    rows.push(["Zoé", "Roux", "zoe@roux.fr", "Buyer"]);
    rows.push(["Prénom1", "Nom1", "p1@example.org", "Engineer"]);
    rows.push(["Prénom1", "Nom1", "p1@example.org", "Lead engineer"]);
    rows.push(["Zoé", "Roux", "ZOE@roux.fr", "Head buyer"]);
    const id = await jobWithRows(t, ["First name", "Last name", "Email", "Job title"], rows);
    const analysed = await analyse(t, id);
    expect(analysed.json.plan).toMatchObject({ create: 150, merge: 1, duplicate: 3 });

    await t.call("POST", `/imports/${id}/apply`);
    const job = await settle(t, id);
    expect(job.status).toBe("applied");
    expect(job.result).toEqual({ created: 150, updated: 0, merged: 4, skipped: 0, failed: 0 });

    const stored = await storedRows(id);
    expect(stored.every((row) => row.status === "applied")).toBe(true);
    const byRow = (n: number) => stored[n - 1] as (typeof stored)[number];
    // The repeats of row 2 went into the contact row 2 made, one after the other.
    expect(byRow(152).record_id).toBe(byRow(2).record_id);
    expect(byRow(153).record_id).toBe(byRow(2).record_id);
    expect([byRow(2).after_version, byRow(152).after_version, byRow(153).after_version]).toEqual([1, 2, 3]);
    expect(JSON.parse(byRow(153).before as string)).toMatchObject({ version: 2, fields: { jobTitle: "Engineer" } });
    // Zoé was merged into twice, each time from the version the row before left.
    expect(byRow(151).record_id).toBe(known.json.id);
    expect(byRow(154).record_id).toBe(known.json.id);
    expect([byRow(151).after_version, byRow(154).after_version]).toEqual([2, 3]);
    expect(JSON.parse(byRow(151).before as string)).toEqual({
      version: 1,
      fields: expect.objectContaining({ jobTitle: null, emails: ["zoe@roux.fr"] }),
    });

    const contacts = await allContacts();
    expect(contacts).toHaveLength(151);
    expect(contacts.find((c) => c.id === known.json.id)).toMatchObject({ jobTitle: "Head buyer", version: 3 });
    expect(contacts.find((c) => c.id === byRow(2).record_id)).toMatchObject({
      firstName: "Prénom1",
      jobTitle: "Lead engineer",
      version: 3,
    });
    // Every new contact is findable by its address, as one made by hand would be.
    const found = await t.call("GET", "/contacts?email=P149@example.org");
    expect(found.json.items.map((c: { id: string }) => c.id)).toEqual([byRow(150).record_id]);

    await t.call("POST", `/imports/${id}/undo`);
    const undone = await settle(t, id);
    expect(undone.undo).toEqual({ removed: 150, restored: 4, kept: [] });
    const strip = (list: Array<{ version: number }>) =>
      list.map(({ version, updatedAt, ...rest }: { version: number; updatedAt?: string }) => rest);
    expect(strip(await allContacts())).toEqual(strip(before));
  });

  it("marks failed the one row that cannot be applied and applies the others", async () => {
    const doomed = await t.call("POST", "/contacts", {
      body: { firstName: "Léa", lastName: "Petit", emails: ["lea@petit.fr"] },
    });
    const id = await jobWithRows(
      t,
      ["First name", "Last name", "Email", "Job title"],
      [
        ["Ada", "Lovelace", "ada@example.org", ""],
        ["Léa", "Petit", "lea@petit.fr", "CFO"],
        ["Alan", "Turing", "alan@example.org", ""],
        ["Alan", "Turing", "alan@example.org", "Mathematician"],
      ],
    );
    await analyse(t, id);
    // The contact row 2 merges into is deleted between the dry run and the apply.
    expect((await t.call("DELETE", `/contacts/${doomed.json.id}`)).status).toBe(204);
    await t.call("POST", `/imports/${id}/apply`);
    const job = await settle(t, id);
    expect(job.status).toBe("applied");
    expect(job.result).toEqual({ created: 2, updated: 0, merged: 1, skipped: 0, failed: 1 });
    const stored = await storedRows(id);
    expect(stored.map((row) => row.status)).toEqual(["applied", "failed", "applied", "applied"]);
    expect(JSON.parse(stored[1]?.errors ?? "[]")).toEqual(["No contact with that id."]);
    expect(stored[3]?.record_id).toBe(stored[2]?.record_id);
    expect((await allContacts()).map((c) => c.lastName).sort()).toEqual(["Lovelace", "Turing"]);
    // Nothing left half-written by the failed batch: each address once.
    const emails = await t.database.db.selectFrom("contact_emails").select("email").execute();
    expect(emails.map((e) => e.email).sort()).toEqual(["ada@example.org", "alan@example.org"]);
  });

  // SQLite has one writing connection, which an apply holds through its long transactions; on
  // PostgreSQL other writers take another connection of the pool and never wait.
  it.runIf(testDatabaseKind === "sqlite")(
    "commits early for a query that waits for the writing connection, and goes on after it",
    async () => {
      const rows = Array.from({ length: 3000 }, (_, i) => [`Prénom${i}`, `Nom${i}`, `w${i}@example.org`]);
      const id = await jobWithRows(t, ["First name", "Last name", "Email"], rows);
      await analyse(t, id);
      await t.call("POST", `/imports/${id}/apply`);
      // 3,000 rows run on a thread of their own (THREAD_FROM_ROWS). Each read on the server's
      // writing connection waits for the apply's transaction, on the threads' write lock: the
      // apply must commit at the end of its batch rather than after all 3,000 rows, which one
      // transaction would otherwise hold (well under its row and time limits).
      const seen = new Set<number>();
      for (;;) {
        const job = await t.database.db
          .selectFrom("import_jobs")
          .select(["status", "progress_done"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
        seen.add(job.progress_done);
        if (job.status !== "applying") break;
        // Kysely's lock on the connection is not first come, first served: a loop asking again
        // at once would take it back every time before the apply could.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect([...seen].some((done) => done > 0 && done < 3000)).toBe(true);
      expect((await settle(t, id)).result).toEqual({ created: 3000, updated: 0, merged: 0, skipped: 0, failed: 0 });
    },
  );
});
