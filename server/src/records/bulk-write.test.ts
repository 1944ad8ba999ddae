import type { Role } from "@rapport/shared/schemas";
import { ContactCreate } from "@rapport/shared/schemas";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { actingAs } from "../http/context.ts";
import { contactRecords } from "../modules/contacts/contacts.repo.ts";
import { contactService, contactStore } from "../modules/contacts/contacts.service.ts";
import { markApplied, recordIdsOf } from "../modules/imports/imports.repo.ts";
import { useTestApp } from "../testing/test-app.ts";
import { fieldsOf } from "./record-service.ts";
import type { RequestContext } from "./request-context.ts";
import { insertRows } from "./side-rows.ts";

const t = useTestApp();

/** The value, known to be there (noUncheckedIndexedAccess). */
function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("missing");
  return value;
}

function contextOf(user: { id: string; role: Role; teamId: string | null }): RequestContext {
  return {
    db: t.database.db,
    reader: t.database.reader,
    config: t.config,
    user: actingAs(
      { id: user.id, role: user.role, teamId: user.teamId, email: "someone@rapport.test", name: "Someone" },
      "test",
    ),
    requestId: "req_bulk",
  };
}

/** Everything a contact left in the database, without what differs between two writes of it (ids, instants). */
async function stored(id: string) {
  const db = t.database.db;
  const {
    id: _id,
    created_at,
    updated_at,
    ...row
  } = await db.selectFrom("contacts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const side: Record<string, unknown[]> = {};
  for (const mirror of contactRecords.mirrors ?? []) {
    const rows = (
      await sql<Record<string, unknown>>`select * from ${sql.table(mirror.table)} where ${sql.ref(
        mirror.owner,
      )} = ${id}`.execute(db)
    ).rows;
    side[mirror.table] = rows.map(({ [mirror.owner]: _owner, ...rest }) => JSON.stringify(rest)).sort();
  }
  const audit = await db
    .selectFrom("audit_entries")
    .select(["action", "entity", "user_id", "detail", "request_id"])
    .where("entity_id", "=", id)
    .orderBy("at")
    .execute();
  return { row, side, audit };
}

function inputs(accountId: string) {
  return [
    ContactCreate.parse({
      civility: "Mme",
      firstName: "Hélène",
      lastName: "Lefèvre-Dupont",
      emails: ["Helene.Lefevre@Dupre.fr", "helene.lefevre@dupre.fr", "helene@gmail.com"],
      phones: ["06 12 34 56 78", "+33 6 12 34 56 78", "+44 20 7946 0958"],
      jobTitle: "Gérante",
      accountId,
      address: { lines: ["12 rue de la Paix"], postcode: "75002", city: "Paris", country: "FR" },
      tags: ["vip", "vip", "salon"],
    }),
    ContactCreate.parse({ lastName: "Martin" }),
    ContactCreate.parse({ emails: ["only@example.org"], birthDate: "1980-02-29" }),
  ];
}

describe("bulk writes", () => {
  it("createMany stores the same rows, side rows and audit entries as create, one by one", async () => {
    const account = await t.call("POST", "/accounts", { body: { name: "Dupré SARL", domains: ["dupre.fr"] } });
    const ctx = contextOf(t.admin);
    const one = [];
    for (const input of inputs(account.json.id)) one.push(await contactService.create(ctx, input));
    const many = await contactService.createMany(ctx, inputs(account.json.id));

    expect(many).toHaveLength(3);
    for (const [i, created] of many.entries()) {
      const single = must(one[i]);
      expect(created.id).toMatch(/^con_/);
      expect(created.id).not.toBe(single.id);
      // What createMany answers is what create answers, and what a read gives back.
      expect(fieldsOf(created)).toEqual(fieldsOf(single));
      expect({ ...created, createdAt: "", updatedAt: "" }).toEqual({
        ...(await contactStore.get(t.database.db, ctx.user, created.id)),
        createdAt: "",
        updatedAt: "",
      });
      expect(await stored(created.id)).toEqual(await stored(single.id));
    }
    const first = await stored(must(many[0]).id);
    expect(first.side.contact_emails).toHaveLength(2);
    expect(first.side.contact_phones).toHaveLength(2);
    expect(first.audit).toEqual([
      { action: "create", entity: "contact", user_id: t.admin.id, detail: "{}", request_id: "req_bulk" },
    ]);
  });

  it("createMany resolves other owners once and puts each record in its owner's team", async () => {
    const team = await t.addTeam("Nord");
    const rep = await t.addUser("rep", team.id);
    const ctx = contextOf(t.admin);
    const created = await contactService.createMany(ctx, [
      { ...ContactCreate.parse({ lastName: "A" }), ownerId: rep.id },
      ContactCreate.parse({ lastName: "B" }),
      { ...ContactCreate.parse({ lastName: "C" }), ownerId: rep.id },
    ]);
    expect(created.map((c) => [c.ownerId, c.teamId])).toEqual([
      [rep.id, team.id],
      [t.admin.id, null],
      [rep.id, team.id],
    ]);
  });

  it("createMany writes nothing when one record is bad, and fails with the error create gives for it", async () => {
    const ctx = contextOf(t.admin);
    const before = await Promise.all([
      t.rowCount("contacts"),
      t.rowCount("contact_emails"),
      t.rowCount("audit_entries"),
    ]);
    const good = ContactCreate.parse({ firstName: "Ada", emails: ["ada@example.org"] });
    const cases = [
      { ...good, accountId: "acc_missing" },
      { ...good, phones: ["12"] },
      { ...good, ownerId: "usr_missing" },
    ];
    for (const bad of cases) {
      const single = await contactService.create(ctx, bad).catch((error: unknown) => error);
      const batch = await contactService.createMany(ctx, [good, bad, good]).catch((error: unknown) => error);
      expect(batch).toBeInstanceOf(Error);
      expect(batch).toEqual(single);
      expect((batch as Error).message).toBe((single as Error).message);
    }
    // A rep cannot point a contact at an account out of sight, in a batch or alone.
    const stranger = await t.addUser("rep");
    const hidden = await contactService.create(contextOf(t.admin), ContactCreate.parse({ lastName: "Owner" }));
    const account = await t.call("POST", "/accounts", { body: { name: "Hidden SA" } });
    expect(hidden.id).toMatch(/^con_/);
    const repCtx = contextOf(stranger);
    const refused = await contactService
      .createMany(repCtx, [{ ...good, accountId: account.json.id }])
      .catch((error: unknown) => error);
    expect((refused as Error).message).toBe(`accountId: no account with id ${account.json.id}`);
    expect(
      await Promise.all([t.rowCount("contacts"), t.rowCount("contact_emails"), t.rowCount("audit_entries")]),
    ).toEqual([
      must(before[0]) + 1,
      before[1],
      // The contact and the account made above.
      must(before[2]) + 2,
    ]);
  });

  it("createMany splits large batches within the parameter limits", async () => {
    const ctx = contextOf(t.admin);
    const many = Array.from({ length: 1500 }, (_, i) =>
      ContactCreate.parse({
        firstName: `Prénom${i}`,
        lastName: "Bulk",
        emails: [`bulk${i}@example.org`, `other${i}@example.org`],
        phones: [`+336${String(10_000_000 + i)}`],
      }),
    );
    const created = await contactService.createMany(ctx, many);
    expect(created).toHaveLength(1500);
    expect(new Set(created.map((c) => c.id)).size).toBe(1500);
    expect(await t.rowCount("contacts")).toBe(1500);
    expect(await t.rowCount("contact_emails")).toBe(3000);
    expect(await t.rowCount("audit_entries")).toBe(1500);
    expect(created[1499]).toMatchObject({
      firstName: "Prénom1499",
      emails: ["bulk1499@example.org", "other1499@example.org"],
    });
    // 3 000 rows of 12 columns: 36 000 parameters in all, more than one statement may hold.
    const wide = Array.from({ length: 3000 }, (_, i) => ({
      id: `aud_wide${i}`,
      at: "2025-01-01T00:00:00.000Z",
      user_id: t.admin.id,
      action: "export",
      entity: "contact",
      entity_id: null,
      detail: "{}",
      request_id: null,
    }));
    await insertRows(t.database.db, "audit_entries", wide);
    expect(await t.rowCount("audit_entries")).toBe(4500);
  });

  it("updateMany stores what update stores, and refuses a stale version", async () => {
    const ctx = contextOf(t.admin);
    const [a, b, c, d] = await contactService.createMany(ctx, [
      ...inputs((await t.call("POST", "/accounts", { body: { name: "Acme" } })).json.id),
      ContactCreate.parse({ lastName: "Same" }),
    ]);
    const [a2, b2] = await contactService.createMany(ctx, inputs(must(must(a).accountId)).slice(0, 2));
    const change = (contact: typeof a) => ({
      ...fieldsOf(must(contact)),
      jobTitle: "Directrice",
      emails: [...must(contact).emails, "new@example.org"],
    });
    // One by one on a and b, at once on their twins.
    await contactStore.update(ctx, must(a).id, must(a).version, () => change(a));
    await contactStore.update(ctx, must(b).id, must(b).version, () => change(b));
    const updated = await contactStore.updateMany(ctx, [
      { current: must(a2), fields: change(a2) },
      { current: must(b2), fields: change(b2) },
    ]);
    expect(updated.map((u) => u.version)).toEqual([2, 2]);
    expect(fieldsOf(must(updated[0]))).toEqual(fieldsOf(await contactStore.get(t.database.db, ctx.user, must(a).id)));
    expect(await stored(must(a2).id)).toEqual(await stored(must(a).id));
    expect(await stored(must(b2).id)).toEqual(await stored(must(b).id));

    // Nothing changed in the side tables of an unchanged record; a stale version fails it all.
    const stale = await contactStore
      .updateMany(ctx, [
        { current: must(c), fields: { ...fieldsOf(must(c)), jobTitle: "X" } },
        { current: must(a2), fields: change(a2) },
      ])
      .catch((error: unknown) => error);
    expect(stale).toMatchObject({ code: "version_conflict" });
    expect((await contactStore.get(t.database.db, ctx.user, must(c).id)).jobTitle).toBeNull();
    expect(must(d).version).toBe(1);
    await expect(
      contactStore.updateMany(ctx, [
        { current: must(d), fields: fieldsOf(must(d)) },
        { current: must(d), fields: fieldsOf(must(d)) },
      ]),
    ).rejects.toThrow("each record at most once");
  });

  it("marks many import rows applied at once, with their record, version and state before", async () => {
    const job = await t.call("POST", "/imports", { body: { name: "marks", headers: ["Last name"] } });
    const rows = Array.from({ length: 700 }, (_, i) => [`Name${i}`]);
    expect((await t.call("POST", `/imports/${job.json.id}/rows`, { body: { rows } })).status).toBe(200);
    const db = t.database.db;
    const outcomes = Array.from({ length: 600 }, (_, i) => ({
      rowNumber: i + 1,
      recordId: `con_${i}`,
      afterVersion: (i % 3) + 1,
      before: i % 2 ? null : { version: i % 3, fields: { lastName: `Old "${i}"`, emails: ["a@b.c"] } },
    }));
    await db.transaction().execute((tx) => markApplied(tx, job.json.id, outcomes));
    const marked = await db
      .selectFrom("import_rows")
      .select(["row_number", "status", "record_id", "after_version", "before"])
      .where("job_id", "=", job.json.id)
      .orderBy("row_number")
      .execute();
    expect(marked).toHaveLength(700);
    for (const row of marked) {
      const outcome = outcomes[row.row_number - 1];
      if (!outcome) {
        expect(row).toMatchObject({ status: "pending", record_id: null, after_version: null, before: null });
        continue;
      }
      expect(row).toEqual({
        row_number: outcome.rowNumber,
        status: "applied",
        record_id: outcome.recordId,
        after_version: outcome.afterVersion,
        before: outcome.before === null ? null : JSON.stringify(outcome.before),
      });
    }
    const ids = await db.transaction().execute((tx) => recordIdsOf(tx, job.json.id, [1, 2, 650, 599, 9999]));
    expect([...ids].sort((x, y) => x[0] - y[0])).toEqual([
      [1, "con_0"],
      [2, "con_1"],
      [599, "con_598"],
    ]);
  });
});
