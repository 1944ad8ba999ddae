import { describe, expect, it } from "vitest";
import { type TestUser, useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

/**
 * A company of teams: North, with East under it, and South. The records below belong to a rep of
 * East. Who may see them: that rep, the manager of North (East is under North), marketers and
 * admins. Not a rep of North (a sibling's team is not theirs), not South.
 */
async function company() {
  const north = await t.addTeam("North");
  const east = (await t.database.db
    .insertInto("teams")
    .values({ id: "team_east", name: "East", parent_id: north.id, created_at: new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow()) as { id: string };
  const south = await t.addTeam("South");
  const people = {
    owner: await t.addUser("rep", east.id),
    northManager: await t.addUser("manager", north.id),
    northRep: await t.addUser("rep", north.id),
    southManager: await t.addUser("manager", south.id),
    southRep: await t.addUser("rep", south.id),
    marketer: await t.addUser("marketer"),
    admin: t.admin as TestUser,
  };
  return people;
}

async function created(path: string, body: unknown, token: string): Promise<{ id: string; version: number }> {
  const response = await t.call("POST", path, { body, token });
  expect(response.status, `${path} ${JSON.stringify(response.json)}`).toBe(201);
  return response.json;
}

/** One record of each kind, all the East rep's. */
async function records(token: string) {
  const product = await created("/products", { code: "P1", name: "Chaise", listPrice: 10 }, t.admin.token);
  const account = await created("/accounts", { name: "Acme Est", domains: ["acme-est.fr"] }, token);
  const contact = await created(
    "/contacts",
    {
      firstName: "Eva",
      lastName: "Est",
      emails: ["eva@acme-est.fr"],
      phones: ["06 11 22 33 44"],
      accountId: account.id,
    },
    token,
  );
  const twin = await created(
    "/contacts",
    { firstName: "Eva", lastName: "Est", emails: ["eva.est@gmail.com"], phones: ["06 11 22 33 44"] },
    token,
  );
  const opportunity = await created("/opportunities", { accountId: account.id, name: "Chaises" }, token);
  const order = await created(
    "/orders",
    {
      accountId: account.id,
      contactId: contact.id,
      orderedAt: "2026-05-02",
      lines: [{ productId: product.id, quantity: 1 }],
    },
    token,
  );
  const afterSales = await created("/cases", { subject: "Pied cassé", accountId: account.id, channel: "phone" }, token);
  const activity = await created(
    "/activities",
    { type: "call", subject: "Relance", occurredAt: "2026-05-03T09:00:00Z", participants: [{ contactId: contact.id }] },
    token,
  );
  const segment = await created("/segments", { name: "Est", filter: { field: "country", op: "empty" } }, token);
  return { account, contact, twin, opportunity, order, case: afterSales, activity, segment };
}

const PATHS = {
  account: "/accounts",
  contact: "/contacts",
  opportunity: "/opportunities",
  order: "/orders",
  case: "/cases",
  activity: "/activities",
  segment: "/segments",
} as const;

describe("who may see and change what", () => {
  it("answers every read, change and delete by role and team; a record one may not see is a 404", async () => {
    const people = await company();
    const r = await records(people.owner.token);
    const sees: Record<keyof typeof people, boolean> = {
      owner: true,
      northManager: true,
      northRep: false,
      southManager: false,
      southRep: false,
      marketer: true,
      admin: true,
    };
    for (const [who, user] of Object.entries(people) as Array<[keyof typeof people, TestUser]>) {
      const expected = sees[who] ? 200 : 404;
      for (const [kind, path] of Object.entries(PATHS) as Array<[keyof typeof PATHS, string]>) {
        const record = r[kind];
        const read = await t.call("GET", `${path}/${record.id}`, { token: user.token });
        expect(read.status, `${who} reads the ${kind}`).toBe(expected);
        if (!sees[who]) {
          // The same answer as for an id that does not exist, word for word but the request id.
          const missing = await t.call("GET", `${path}/${record.id.slice(0, 4)}zzzzzzzzzzzzzzzzzzzzzzz`, {
            token: user.token,
          });
          expect({ ...read.json, requestId: null }).toEqual({ ...missing.json, requestId: null });
          const change = await t.call("PATCH", `${path}/${record.id}`, {
            body: {},
            headers: { "if-match": String(record.version) },
            token: user.token,
          });
          expect(change.status, `${who} changes the ${kind}`).toBe(404);
          expect((await t.call("DELETE", `${path}/${record.id}`, { token: user.token })).status).toBe(404);
        }
      }
      const timeline = await t.call("GET", `/accounts/${r.account.id}/timeline`, { token: user.token });
      expect(timeline.status, `${who} reads the timeline`).toBe(expected);
      const lookup = await t.call("GET", "/lookup?email=eva@acme-est.fr", { token: user.token });
      expect(lookup.json.results[0]?.contact?.id ?? null, `${who} looks up`).toBe(sees[who] ? r.contact.id : null);
      const search = await t.call("GET", "/search?q=eva", { token: user.token });
      const found = (search.json.hits as Array<{ id: string }>).some((hit) => hit.id === r.contact.id);
      expect(found, `${who} searches`).toBe(sees[who]);
      const preview = await t.call("POST", "/segments/preview", {
        body: { filter: { field: "lastName", op: "eq", value: "Est" } },
        token: user.token,
      });
      expect(preview.json.count, `${who} previews a segment`).toBe(sees[who] ? 2 : 0);
      const value = await t.call("GET", `/contacts/${r.contact.id}/value`, { token: user.token });
      expect(value.status, `${who} reads the contact's value`).toBe(expected);
      const pipeline = await t.call("GET", "/pipeline?scope=all", { token: user.token });
      const listed = (pipeline.json.items as Array<{ id: string }>).some((deal) => deal.id === r.opportunity.id);
      expect(listed, `${who} lists the pipeline`).toBe(sees[who]);
      const totals = await t.call("GET", "/pipeline/summary", { token: user.token });
      expect(totals.json.rows.length > 0, `${who} totals the pipeline`).toBe(sees[who]);
      const scan = await t.call("POST", "/dedup/scan", { body: { entity: "contacts" }, token: user.token });
      expect(scan.status).toBe(200);
      expect(JSON.stringify(scan.json).includes(r.contact.id), `${who} scans for duplicates`).toBe(sees[who]);
    }

    // Merging a record one may not see: as if it did not exist, and nothing moves.
    const merge = await t.call("POST", "/contacts/merge", {
      body: { survivorId: r.twin.id, mergedIds: [r.contact.id] },
      token: people.southRep.token,
    });
    expect(merge.status).toBe(404);
    expect((await t.call("GET", `/contacts/${r.contact.id}`)).status).toBe(200);
    // The manager of North may merge in East.
    const allowed = await t.call("POST", "/contacts/merge", {
      body: { survivorId: r.twin.id, mergedIds: [r.contact.id] },
      token: people.northManager.token,
    });
    expect(allowed.status).toBe(201);
  });

  it("lets a marketer change the customer base but not deals, orders or cases, and keeps records within one's teams", async () => {
    const people = await company();
    const r = await records(people.owner.token);
    const marketer = people.marketer.token;
    const deal = await t.call("PATCH", `/opportunities/${r.opportunity.id}`, {
      body: { name: "Autre" },
      headers: { "if-match": String(r.opportunity.version) },
      token: marketer,
    });
    expect(deal.status).toBe(403);
    expect(deal.json.detail).toBe("A marketer may read but not change opportunity records.");
    expect((await t.call("DELETE", `/cases/${r.case.id}`, { token: marketer })).status).toBe(403);
    expect(
      (await t.call("POST", "/products", { body: { code: "P2", name: "Table", listPrice: 5 }, token: marketer }))
        .status,
    ).toBe(403);
    const consent = await t.call("PATCH", `/contacts/${r.contact.id}`, {
      body: { consent: { email: { status: "opted_out", at: null, source: "unsubscribe" } } },
      headers: { "if-match": String(r.contact.version) },
      token: marketer,
    });
    expect(consent.status).toBe(200);

    // Records go only to someone whose records the giver sees.
    const outside = await t.call("POST", "/contacts", {
      body: { lastName: "Given", ownerId: people.southRep.id },
      token: people.owner.token,
    });
    expect(outside.status).toBe(422);
    expect(outside.json.errors[0].path).toBe("ownerId");
    const down = await t.call("POST", "/contacts", {
      body: { lastName: "Given", ownerId: people.owner.id },
      token: people.northManager.token,
    });
    expect(down.status).toBe(201);
    expect((await t.call("GET", `/contacts/${down.json.id}`, { token: people.owner.token })).status).toBe(200);
  });

  it("keeps admin work to admins, and writes every refusal and every write to the audit trail", async () => {
    const people = await company();
    const r = await records(people.owner.token);
    for (const who of ["owner", "northManager", "marketer"] as const) {
      const token = people[who].token;
      for (const [method, path, body] of [
        ["GET", "/users", undefined],
        ["POST", "/users", { email: "x@rapport.test", name: "X" }],
        ["POST", "/tokens", { userId: people.owner.id }],
        ["GET", "/audit", undefined],
        ["PATCH", "/settings/marketing", { rfm: { periodMonths: 12 } }],
        ["PATCH", "/settings/privacy", { captureLevel: "metadata" }],
      ] as const) {
        expect((await t.call(method, path, { body, token })).status, `${who} ${method} ${path}`).toBe(403);
      }
    }
    // No route changes or deletes the trail.
    for (const method of ["POST", "PATCH", "DELETE"]) {
      expect([404, 405]).toContain((await t.call(method, "/audit", { body: {} })).status);
    }
    await t.call("GET", `/contacts/${r.contact.id}`, { token: people.southRep.token });
    await t.call("GET", "/contacts", { token: "rpt_not-a-token" });

    const trail = async (query: string) =>
      (await t.call("GET", `/audit?${query}`)).json.items as Array<Record<string, unknown>>;
    const refusals = await trail("action=refused&limit=500");
    expect(
      refusals.filter((e) => e.userId === people.owner.id && (e.detail as { path: string }).path === "/api/v1/users"),
    ).toHaveLength(2);
    const hidden = refusals.find((e) => e.entityId === r.contact.id);
    expect(hidden).toMatchObject({ userId: people.southRep.id, entity: "contact", detail: { reason: "not visible" } });
    expect(String(hidden?.client)).toMatch(/^token tok_/);
    const anonymous = refusals.find((e) => e.userId === null);
    expect(anonymous).toMatchObject({ entity: "request", detail: { code: "unauthorized", path: "/api/v1/contacts" } });

    // Every write of the East rep is there, with who and which client.
    const writes = await trail(`userId=${people.owner.id}&action=create&limit=500`);
    const kinds = new Set(writes.map((e) => e.entity));
    for (const kind of ["account", "contact", "opportunity", "order", "case", "activity", "segment"]) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    expect(writes.every((e) => String(e.client).startsWith("token tok_"))).toBe(true);
    // Pages, newest first, without repeats.
    const first = await t.call("GET", "/audit?limit=3");
    const second = await t.call("GET", `/audit?limit=3&cursor=${first.json.nextCursor}`);
    const ids = [...first.json.items, ...second.json.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(6);
    const times = [...first.json.items, ...second.json.items].map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
