import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";
import { analyse } from "../imports/import-jobs.testing.ts";

const t = useTestApp();

type ContactBody = Record<string, unknown>;

async function contact(body: ContactBody, token?: string): Promise<string> {
  const response = await t.call("POST", "/contacts", { body, token });
  expect(response.status).toBe(201);
  return response.json.id;
}

const optedIn = { status: "opted_in", at: null, source: "form" };
const optedOut = { status: "opted_out", at: null, source: "unsubscribe link" };

/** Five people whose differences each condition below tells apart. */
async function people() {
  return {
    alice: await contact({
      firstName: "Alice",
      lastName: "Martin",
      emails: ["alice@acme.fr"],
      address: { postcode: "75 011", city: "Paris", country: "FR" },
      tags: ["VIP", "Salon 2026"],
      source: "Salon",
      consent: { email: optedIn },
    }),
    bruno: await contact({
      firstName: "Bruno",
      lastName: "Lefèvre",
      emails: ["bruno@beta.fr"],
      address: { postcode: "91000", city: "Évry", country: "FR" },
      tags: ["vip"],
      source: "Web",
      consent: { email: optedOut },
    }),
    chloe: await contact({
      firstName: "Chloé",
      lastName: "Dubois",
      address: { postcode: "1000", city: "Bruxelles", country: "BE" },
      source: "web",
      consent: { email: optedIn },
    }),
    dan: await contact({ firstName: "Dan", lastName: "Smith", emails: ["dan@gmail.com"], doNotContact: true }),
    eve: await contact({ lastName: "Nocountry", emails: ["eve@example.org"], tags: ["prospect"] }),
  };
}

async function preview(filter: unknown, token?: string) {
  const response = await t.call("POST", "/segments/preview", { body: { entity: "contacts", filter }, token });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json as { count: number; sample: Array<{ id: string; label: string }> };
}

async function previewIds(filter: unknown, token?: string): Promise<string[]> {
  return (await preview(filter, token)).sample.map((s) => s.id).sort();
}

describe("segment filters", () => {
  it("select by location, consent, tags and source, folding case, accents and spaces", async () => {
    const p = await people();
    const ids = (...names: Array<keyof typeof p>) => names.map((n) => p[n]).sort();
    expect(await previewIds({ field: "country", op: "eq", value: "fr" })).toEqual(ids("alice", "bruno"));
    expect(await previewIds({ field: "postcode", op: "startsWith", value: "75" })).toEqual(ids("alice"));
    expect(await previewIds({ field: "postcode", op: "eq", value: "75011" })).toEqual(ids("alice"));
    expect(await previewIds({ field: "city", op: "eq", value: "EVRY" })).toEqual(ids("bruno"));
    expect(await previewIds({ field: "consent.email", op: "eq", value: "opted_in" })).toEqual(ids("alice", "chloe"));
    expect(await previewIds({ field: "tags", op: "hasAny", value: ["vip"] })).toEqual(ids("alice", "bruno"));
    expect(await previewIds({ field: "tags", op: "hasAll", value: ["vip", "salon 2026"] })).toEqual(ids("alice"));
    expect(await previewIds({ field: "tags", op: "hasNone", value: ["VIP"] })).toEqual(ids("chloe", "dan", "eve"));
    expect(await previewIds({ field: "tags", op: "empty" })).toEqual(ids("chloe", "dan"));
    expect(await previewIds({ field: "source", op: "in", value: ["WEB"] })).toEqual(ids("bruno", "chloe"));
    expect(await previewIds({ field: "doNotContact", op: "eq", value: true })).toEqual(ids("dan"));
    expect(await previewIds({ field: "email", op: "empty" })).toEqual(ids("chloe"));
    expect(await previewIds({ field: "email", op: "eq", value: "Alice@ACME.fr" })).toEqual(ids("alice"));
    expect(await previewIds({ field: "email", op: "contains", value: "@gmail." })).toEqual(ids("dan"));
    expect(await previewIds({ field: "lastName", op: "contains", value: "MART" })).toEqual(ids("alice"));
  });

  it("combine with and, or and not; not keeps those whose field is unknown", async () => {
    const p = await people();
    const ids = (...names: Array<keyof typeof p>) => names.map((n) => p[n]).sort();
    const inFrance = { field: "country", op: "eq", value: "FR" };
    expect(await previewIds({ not: inFrance })).toEqual(ids("chloe", "dan", "eve"));
    expect(await previewIds({ field: "country", op: "neq", value: "FR" })).toEqual(ids("chloe", "dan", "eve"));
    expect(
      await previewIds({
        or: [
          { and: [inFrance, { field: "consent.email", op: "eq", value: "opted_in" }] },
          { field: "country", op: "in", value: ["BE", "CH"] },
        ],
      }),
    ).toEqual(ids("alice", "chloe"));
    const all = await preview({ not: { and: [inFrance, { not: { field: "tags", op: "hasAny", value: ["vip"] } }] } });
    expect(all.count).toBe(5);
  });

  it("follow orders and activities the moment they are written, changed or deleted", async () => {
    const p = await people();
    const product = (await t.call("POST", "/products", { body: { code: "P-1", name: "Chaise", listPrice: 100 } })).json;
    const account = (await t.call("POST", "/accounts", { body: { name: "Acme" } })).json;
    const order = async (contactId: string, orderedAt: string, quantity: number, status = "confirmed") =>
      (
        await t.call("POST", "/orders", {
          body: { accountId: account.id, contactId, orderedAt, status, lines: [{ productId: product.id, quantity }] },
        })
      ).json;
    const today = new Date().toISOString().slice(0, 10);
    await order(p.alice, today, 2);
    await order(p.alice, "2020-01-10", 1);
    const brunos = await order(p.bruno, today, 1);
    await order(p.chloe, today, 9, "cancelled");

    expect(await previewIds({ field: "orderCount", op: "gte", value: 2 })).toEqual([p.alice]);
    expect(await previewIds({ field: "orderTotal", op: "between", value: [250, 300] })).toEqual([p.alice]);
    expect(await previewIds({ field: "lastOrderAt", op: "withinDays", value: 30 })).toEqual([p.alice, p.bruno].sort());
    expect(await previewIds({ field: "firstOrderAt", op: "before", value: "2021-01-01" })).toEqual([p.alice]);
    expect((await preview({ field: "orderCount", op: "eq", value: 0 })).count).toBe(3);

    // Bruno's order moves to Dan: both contacts' facts follow.
    const moved = await t.call("PATCH", `/orders/${brunos.id}`, {
      body: { contactId: p.dan },
      headers: { "if-match": "1" },
    });
    expect(moved.status).toBe(200);
    expect(await previewIds({ field: "lastOrderAt", op: "withinDays", value: 30 })).toEqual([p.alice, p.dan].sort());
    expect((await t.call("DELETE", `/orders/${brunos.id}`)).status).toBe(204);
    expect(await previewIds({ field: "orderCount", op: "gt", value: 0 })).toEqual([p.alice]);

    const logged = await t.call("POST", "/activities", {
      body: {
        type: "email",
        direction: "in",
        subject: "Devis",
        occurredAt: new Date().toISOString(),
        participants: [{ contactId: p.eve, role: "from" }],
      },
    });
    expect(logged.status, JSON.stringify(logged.json)).toBe(201);
    expect(await previewIds({ field: "lastActivityAt", op: "withinDays", value: 7 })).toEqual([p.eve]);
    const silent = await preview({ field: "lastActivityAt", op: "notWithinDays", value: 90 });
    expect(silent.count).toBe(4);
  });

  it("refuse a filter that cannot run, with the path of each bad node", async () => {
    const bad = await t.call("POST", "/segments/preview", {
      body: {
        entity: "contacts",
        filter: {
          and: [
            { field: "colour", op: "eq", value: "blue" },
            { field: "orderCount", op: "contains", value: "3" },
            { or: [{ field: "recencyScore", op: "gte", value: 9 }] },
            { field: "consent.sms", op: "eq", value: "maybe" },
            { field: "lastOrderAt", op: "withinDays", value: "ninety" },
          ],
        },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual([
      "filter.and.0.field",
      "filter.and.1.op",
      "filter.and.2.or.0.value",
      "filter.and.3.value",
      "filter.and.4.value",
    ]);
    const empty = await t.call("POST", "/segments/preview", { body: { filter: { and: [] } } });
    expect(empty.status).toBe(422);
    expect(empty.json.errors[0].path).toBe("filter.and");
    const shape = await t.call("POST", "/segments/preview", { body: { filter: { field: 3 } } });
    expect(shape.status).toBe(422);
    const malformed = await t.call("POST", "/segments/preview", { raw: '{"filter": {"and": [' });
    expect(malformed.status).toBe(400);
    let deep: unknown = { field: "country", op: "eq", value: "FR" };
    for (let i = 0; i < 12; i++) deep = { not: deep };
    const tooDeep = await t.call("POST", "/segments/preview", { body: { filter: deep } });
    expect(tooDeep.status).toBe(422);
    expect(tooDeep.json.detail).toMatch(/deeper than 10/);
    expect(await t.rowCount("segments")).toBe(0);
  });
});

describe("saved segments", () => {
  it("pull as sheet rows under import field names, which push back unchanged", async () => {
    const team = await t.addTeam("Nord");
    const rep = await t.addUser("rep", team.id);
    const hidden = (await t.call("POST", "/accounts", { body: { name: "Secret SA" } })).json.id;
    const own = (await t.call("POST", "/accounts", { token: rep.token, body: { name: "Acme" } })).json.id;
    const address = { lines: ["Bât. B", "12 rue de la Paix", "Escalier 3", "BP 12"], postcode: "75002", city: "Paris" };
    await contact(
      {
        civility: "Mme",
        firstName: "Hélène",
        lastName: "Lefèvre",
        emails: ["helene@acme.fr", "h.lefevre@gmail.com", "helene.l@orange.fr"],
        phones: ["+33 6 12 34 56 78"],
        accountId: own,
        address: { ...address, country: "FR" },
        tags: ["vip", "salon"],
      },
      rep.token,
    );
    await contact({ firstName: "Marc", lastName: "Petit", accountId: hidden, tags: ["vip"] });
    const segment = (
      await t.call("POST", "/segments", {
        body: { name: "VIP", filter: { field: "tags", op: "hasAny", value: ["vip"] } },
        token: rep.token,
      })
    ).json;
    // The rep sees their own contact; the admin sees both, but the rep would not see Secret SA's name.
    const sheet = (await t.call("GET", `/segments/${segment.id}/sheet`, { token: rep.token })).json;
    expect(sheet.columns.slice(0, 6)).toEqual(["id", "version", "civility", "firstName", "lastName", "email"]);
    expect(sheet.rows).toHaveLength(1);
    const cell = (name: string, n = 0) => sheet.rows[0][sheet.columns.indexOf(name) + n];
    expect([cell("email"), cell("email", 1), cell("phone"), cell("company")]).toEqual([
      "helene@acme.fr",
      "h.lefevre@gmail.com ::: helene.l@orange.fr",
      "+33612345678",
      "Acme",
    ]);
    expect([cell("street"), cell("street", 1), cell("street", 2), cell("city"), cell("tags")]).toEqual([
      "Bât. B",
      "12 rue de la Paix",
      "Escalier 3\nBP 12",
      "Paris",
      "vip, salon",
    ]);
    expect([cell("emailConsent"), cell("doNotContact")]).toEqual(["unknown", false]);
    const all = (await t.call("GET", `/segments/${segment.id}/sheet?limit=1`)).json;
    expect(all.rows).toHaveLength(1);
    expect(all.nextCursor).not.toBeNull();

    // The same rows pushed back: nothing to change.
    const job = await t.call("POST", "/imports", {
      token: rep.token,
      body: {
        headers: sheet.columns,
        mapping: sheet.columns.map((c: string) => (c.startsWith("emailConsent") || c === "doNotContact" ? null : c)),
      },
    });
    const text = sheet.rows.map((row: unknown[]) => row.map((v) => (v === null ? "" : String(v))));
    const sent = await t.call("POST", `/imports/${job.json.id}/rows`, { token: rep.token, body: { rows: text } });
    expect(sent.status, sent.text).toBe(200);
    expect((await analyse(t, job.json.id, rep.token)).json.status).toBe("analysed");
    const rows = (await t.call("GET", `/imports/${job.json.id}/rows`, { token: rep.token })).json.items;
    expect(rows.map((r: { action: string; changes: unknown[] }) => [r.action, r.changes])).toEqual([["unchanged", []]]);
  });

  it("export as a CSV file that spreadsheets open safely, with only the members one may see", async () => {
    await people();
    const team = await t.addTeam("Nord");
    const rep = await t.addUser("rep", team.id);
    await contact({ firstName: '=HYPERLINK("http://x")', lastName: "Martin", tags: ["vip"] }, rep.token);
    const created = await t.call("POST", "/segments", {
      body: { name: "VIP Île-de-France", filter: { field: "tags", op: "hasAny", value: ["vip"] } },
      token: rep.token,
    });
    const answer = await t.call("GET", `/segments/${created.json.id}/export?separator=%3B`, { token: rep.token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toBe('attachment; filename="VIP-Ile-de-France.csv"');
    const lines = answer.text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Id;Civility;First name;Last name;Email;/);
    // The rep sees their own contact only, and its name stays text.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`;"'=HYPERLINK(""http://x"")";Martin;`);
    const admin = await t.call("GET", `/segments/${created.json.id}/export`);
    expect(admin.text.trimEnd().split("\r\n")).toHaveLength(4);
    const audit = (await t.call("GET", "/audit?action=export")).json.items;
    expect(audit.map((e: { detail: { format: string } }) => e.detail.format)).toEqual(["csv", "csv"]);
    expect((await t.call("GET", `/segments/${created.json.id}/export?separator=tab`)).status).toBe(422);
  });

  it("count and page their members as whole records", async () => {
    const p = await people();
    const created = await t.call("POST", "/segments", {
      body: { name: "Newsletter FR", filter: { field: "country", op: "eq", value: "FR" } },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ kind: "filter", entity: "contacts", problems: [], version: 1 });
    const id = created.json.id;
    expect((await t.call("GET", `/segments/${id}/count`)).json).toEqual({ count: 2 });

    const first = await t.call("GET", `/segments/${id}/members?limit=1`);
    expect(first.json.items).toHaveLength(1);
    expect(first.json.nextCursor).not.toBeNull();
    const second = await t.call("GET", `/segments/${id}/members?limit=1&cursor=${first.json.nextCursor}`);
    const members = [...first.json.items, ...second.json.items];
    expect(members.map((m: { id: string }) => m.id).sort()).toEqual([p.alice, p.bruno].sort());
    expect(members.find((m: { id: string }) => m.id === p.bruno)).toMatchObject({ lastName: "Lefèvre", tags: ["vip"] });
    expect(second.json.nextCursor).toBeNull();
    // The pull is an export of the customer base: audited once, when it starts.
    const exports = (await t.call("GET", "/audit?action=export")).json.items;
    expect(exports).toEqual([expect.objectContaining({ entity: "segment", entityId: id })]);

    const changed = await t.call("PATCH", `/segments/${id}`, {
      body: { filter: { field: "country", op: "eq", value: "BE" } },
      headers: { "if-match": "1" },
    });
    expect(changed.status).toBe(200);
    expect((await t.call("GET", `/segments/${id}/count`)).json).toEqual({ count: 1 });
    const refused = await t.call("PATCH", `/segments/${id}`, {
      body: { filter: { field: "country", op: "near", value: "BE" } },
      headers: { "if-match": "2" },
    });
    expect(refused.status).toBe(422);
    expect((await t.call("GET", `/segments/${id}`)).json.version).toBe(2);
  });

  it("static lists take members by hand and refuse ids the user cannot see", async () => {
    const p = await people();
    const list = (await t.call("POST", "/segments", { body: { name: "Salon guests", kind: "static" } })).json;
    const add = await t.call("POST", `/segments/${list.id}/members`, { body: { add: [p.alice, p.chloe, p.alice] } });
    expect(add.json).toEqual({ added: 2, removed: 0, count: 2 });
    const unknown = await t.call("POST", `/segments/${list.id}/members`, {
      body: { add: [p.dan, "con_doesnotexist"] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors).toEqual([{ path: "add.1", message: "no contact with id con_doesnotexist" }]);
    expect((await t.call("GET", `/segments/${list.id}/count`)).json).toEqual({ count: 2 });
    const remove = await t.call("POST", `/segments/${list.id}/members`, { body: { remove: [p.chloe] } });
    expect(remove.json).toEqual({ added: 0, removed: 1, count: 1 });
    expect((await t.call("GET", `/segments/${list.id}`)).json.version).toBe(3);

    const filter = (
      await t.call("POST", "/segments", { body: { name: "FR", filter: { field: "country", op: "eq", value: "FR" } } })
    ).json;
    expect((await t.call("POST", `/segments/${filter.id}/members`, { body: { add: [p.eve] } })).status).toBe(409);
    const mixed = await t.call("POST", "/segments", {
      body: { name: "x", kind: "static", filter: { field: "country", op: "eq", value: "FR" } },
    });
    expect(mixed.status).toBe(422);
  });

  it("a filter naming a field that no longer exists still loads, says what is broken, and will not run", async () => {
    await people();
    const saved = (
      await t.call("POST", "/segments", {
        body: { name: "Old", filter: { and: [{ field: "tags", op: "hasAny", value: ["retired-tag"] }] } },
      })
    ).json;
    const read = await t.call("GET", `/segments/${saved.id}`);
    expect(read.json.problems).toEqual([]);
    expect(read.json.warnings).toEqual([
      { path: "filter.and.0.value.0", message: 'no contact has the tag "retired-tag" any more' },
    ]);
    // A field removed from the catalogue since the segment was saved.
    await t.database.db
      .updateTable("segments")
      .set({ filter: JSON.stringify({ and: [{ field: "fax", op: "empty" }] }) })
      .where("id", "=", saved.id)
      .execute();
    const broken = await t.call("GET", `/segments/${saved.id}`);
    expect(broken.status).toBe(200);
    expect(broken.json.problems).toEqual([{ path: "filter.and.0.field", message: 'no field "fax" on contacts' }]);
    const count = await t.call("GET", `/segments/${saved.id}/count`);
    expect(count.status).toBe(422);
    expect(count.json.detail).toMatch(/no longer runs: filter.and.0.field: no field "fax"/);
    expect((await t.call("GET", "/segments")).json.items).toHaveLength(1);
  });

  it("show each user only the records they may see, and hide other teams' segments", async () => {
    const north = await t.addTeam("North");
    const south = await t.addTeam("South");
    const repNorth = await t.addUser("rep", north.id);
    const repSouth = await t.addUser("rep", south.id);
    const mine = await contact({ lastName: "Nord", address: { country: "FR" } }, repNorth.token);
    await contact({ lastName: "Sud", address: { country: "FR" } }, repSouth.token);
    await contact({ lastName: "Admin", address: { country: "FR" } });
    const inFrance = { field: "country", op: "eq", value: "FR" };
    expect((await preview(inFrance)).count).toBe(3);
    expect(await previewIds(inFrance, repNorth.token)).toEqual([mine]);

    const theirs = (
      await t.call("POST", "/segments", { body: { name: "South FR", filter: inFrance }, token: repSouth.token })
    ).json;
    expect((await t.call("GET", `/segments/${theirs.id}`, { token: repNorth.token })).status).toBe(404);
    expect((await t.call("GET", `/segments/${theirs.id}/members`, { token: repNorth.token })).status).toBe(404);
    expect((await t.call("GET", `/segments/${theirs.id}/count`, { token: repSouth.token })).json).toEqual({ count: 1 });
    const marketer = await t.addUser("marketer");
    expect((await t.call("GET", `/segments/${theirs.id}/count`, { token: marketer.token })).json).toEqual({ count: 3 });
  });

  it("select accounts by status, location and tags", async () => {
    const account = async (body: Record<string, unknown>) => (await t.call("POST", "/accounts", { body })).json.id;
    const acme = await account({ name: "Acme", status: "customer", tags: ["key"], address: { country: "FR" } });
    await account({ name: "Beta", status: "prospect", address: { country: "BE" } });
    const gamma = await account({ name: "Gamma", status: "customer", address: { country: "FR", city: "Lyon" } });
    const response = await t.call("POST", "/segments/preview", {
      body: {
        entity: "accounts",
        filter: {
          and: [
            { field: "status", op: "eq", value: "customer" },
            { field: "country", op: "eq", value: "FR" },
          ],
        },
      },
    });
    expect(response.json.count).toBe(2);
    expect(response.json.sample.map((s: { label: string }) => s.label).sort()).toEqual(["Acme", "Gamma"]);
    const tagged = await t.call("POST", "/segments/preview", {
      body: { entity: "accounts", filter: { field: "tags", op: "hasAny", value: ["key"] } },
    });
    expect(tagged.json.sample.map((s: { id: string }) => s.id)).toEqual([acme]);
    const byCity = await t.call("POST", "/segments/preview", {
      body: { entity: "accounts", filter: { field: "city", op: "eq", value: "lyon" } },
    });
    expect(byCity.json.sample.map((s: { id: string }) => s.id)).toEqual([gamma]);
    const wrongField = await t.call("POST", "/segments/preview", {
      body: { entity: "accounts", filter: { field: "consent.email", op: "eq", value: "opted_in" } },
    });
    expect(wrongField.status).toBe(422);
  });
});
