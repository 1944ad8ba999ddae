import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

async function create(path: string, body: object, token?: string) {
  const response = await t.call("POST", path, { body, token });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json;
}

const read = async (path: string, token?: string) => (await t.call("GET", path, { token })).json;

/** Two records of Hélène, the newer one with a deal, a case, an order and a logged mail of its own. */
async function planted(token?: string) {
  const account = await create("/accounts", { name: "Acme", domains: ["acme.fr"] }, token);
  const survivor = await create(
    "/contacts",
    {
      firstName: "Hélène",
      lastName: "Lefèvre",
      emails: ["hlefevre@acme.fr"],
      phones: ["06 12 34 56 78"],
      jobTitle: "Acheteuse",
      tags: ["vip"],
      accountId: account.id,
    },
    token,
  );
  const merged = await create(
    "/contacts",
    {
      firstName: "Helene",
      lastName: "Lefevre",
      emails: ["helene.lefevre@gmail.com", "HLefevre@acme.fr"],
      phones: ["01 40 00 00 00"],
      jobTitle: "Directrice des achats",
      tags: ["salon", "vip"],
      address: { lines: ["3 rue de la Paix"], postcode: "75002", city: "Paris" },
    },
    token,
  );
  const product = await create("/products", { code: "LAMP-1", name: "Lampe", listPrice: 40 });
  const links = {
    activity: await create(
      "/activities",
      {
        type: "email",
        subject: "Devis",
        occurredAt: "2026-03-01T10:00:00Z",
        participants: [
          { address: "helene.lefevre@gmail.com", role: "from" },
          { address: "hlefevre@acme.fr", role: "cc" },
        ],
      },
      token,
    ),
    opportunity: await create("/opportunities", { accountId: account.id, name: "Lampes", contactId: merged.id }, token),
    case: await create("/cases", { subject: "Lampe cassée", contactId: merged.id }, token),
    order: await create(
      "/orders",
      {
        accountId: account.id,
        contactId: merged.id,
        orderedAt: "2026-03-02",
        lines: [{ productId: product.id, quantity: 1 }],
      },
      token,
    ),
  };
  return { account, survivor, merged, links };
}

type Planted = Awaited<ReturnType<typeof planted>>;

/** Everything a merge touches, as the API shows it. */
async function snapshot({ survivor, merged, links }: Planted) {
  return {
    survivor: await read(`/contacts/${survivor.id}`),
    merged: await t.call("GET", `/contacts/${merged.id}`),
    activity: await read(`/activities/${links.activity.id}`),
    opportunity: await read(`/opportunities/${links.opportunity.id}`),
    case: await read(`/cases/${links.case.id}`),
    order: await read(`/orders/${links.order.id}`),
  };
}

const mergeBody = (p: Planted) => ({ survivorId: p.survivor.id, mergedIds: [p.merged.id] });

describe("merging contacts", () => {
  it("keeps every email and phone, lets newer values win and moves every link to the survivor", async () => {
    const p = await planted();
    expect(p.merged.updatedAt > p.survivor.updatedAt).toBe(true);
    const merge = await t.call("POST", "/contacts/merge", { body: mergeBody(p) });
    expect(merge.status).toBe(201);
    expect(merge.json).toMatchObject({
      entity: "contacts",
      survivorId: p.survivor.id,
      mergedIds: [p.merged.id],
      repointed: 4,
      createdBy: t.admin.id,
      undoneAt: null,
      survivorRestored: null,
    });

    const after = await snapshot(p);
    expect(after.survivor).toMatchObject({
      version: 2,
      // The survivor's address first; the same address in another case is not a second one.
      emails: ["hlefevre@acme.fr", "helene.lefevre@gmail.com"],
      phones: ["+33612345678", "+33140000000"],
      tags: ["vip", "salon"],
      firstName: "Helene",
      jobTitle: "Directrice des achats",
      address: { lines: ["3 rue de la Paix"], postcode: "75002", city: "Paris" },
      // Empty on the newer record: the survivor's value stays.
      accountId: p.account.id,
    });
    expect(after.merged.status).toBe(404);
    expect(after.activity.participants.map((x: { contactId: string }) => x.contactId)).toEqual([
      p.survivor.id,
      p.survivor.id,
    ]);
    expect(after.activity.version).toBe(2);
    expect(after.opportunity.contactId).toBe(p.survivor.id);
    expect(after.case.contactId).toBe(p.survivor.id);
    expect(after.order.contactId).toBe(p.survivor.id);

    // The side tables follow: lookup by the merged record's address and its history find the survivor.
    const lookup = await read("/lookup?email=helene.lefevre@gmail.com");
    expect(lookup.results[0].contact.id).toBe(p.survivor.id);
    const history = await read(`/activities?contactId=${p.survivor.id}`);
    expect(history.items.map((a: { id: string }) => a.id)).toEqual([p.links.activity.id]);

    const merges = await read(`/merges?recordId=${p.merged.id}`);
    expect(merges.items).toEqual([merge.json]);
    const audits = await t.database.db
      .selectFrom("audit_entries")
      .select(["entity_id"])
      .where("action", "=", "merge")
      .execute();
    expect(audits.map((a) => a.entity_id).sort()).toEqual([p.survivor.id, p.merged.id].sort());
  });

  it("refuses a survivor among the merged records, a record named twice and unknown ids, changing nothing", async () => {
    const p = await planted();
    const itself = await t.call("POST", "/contacts/merge", {
      body: { survivorId: p.survivor.id, mergedIds: [p.survivor.id] },
    });
    expect(itself.status).toBe(422);
    expect(itself.json.errors[0].path).toBe("mergedIds.0");
    const twice = await t.call("POST", "/contacts/merge", {
      body: { survivorId: p.survivor.id, mergedIds: [p.merged.id, p.merged.id] },
    });
    expect(twice.status).toBe(422);
    expect(twice.json.errors[0].path).toBe("mergedIds.1");
    const unknown = await t.call("POST", "/contacts/merge", {
      body: { survivorId: p.survivor.id, mergedIds: [p.merged.id, "con_missing"] },
    });
    expect(unknown.status).toBe(404);
    // An account is no contact: records of two types cannot be merged.
    const account = await t.call("POST", "/contacts/merge", {
      body: { survivorId: p.survivor.id, mergedIds: [p.account.id] },
    });
    expect(account.status).toBe(404);
    expect((await read(`/contacts/${p.survivor.id}`)).version).toBe(1);
    expect((await read(`/contacts/${p.merged.id}`)).version).toBe(1);
    expect((await read(`/opportunities/${p.links.opportunity.id}`)).contactId).toBe(p.merged.id);
    expect((await read("/merges")).items).toEqual([]);
  });

  it("answers 404 to a rep of another team, as for any record they may not see", async () => {
    const north = await t.addTeam("Nord");
    const south = await t.addTeam("Sud");
    const repNorth = await t.addUser("rep", north.id);
    const repSouth = await t.addUser("rep", south.id);
    const p = await planted(repNorth.token);
    const foreign = await t.call("POST", "/contacts/merge", { body: mergeBody(p), token: repSouth.token });
    expect(foreign.status).toBe(404);
    expect((await read(`/contacts/${p.merged.id}`)).version).toBe(1);

    const merge = await t.call("POST", "/contacts/merge", { body: mergeBody(p), token: repNorth.token });
    expect(merge.status).toBe(201);
    expect((await read("/merges", repSouth.token)).items).toEqual([]);
    expect((await read("/merges", repNorth.token)).items).toHaveLength(1);
    const undo = await t.call("POST", `/merges/${merge.json.id}/undo`, { token: repSouth.token });
    expect(undo.status).toBe(404);
  });

  it("lets one of two merges of the same record win and refuses the other whole", async () => {
    const p = await planted();
    const other = await create("/contacts", { firstName: "H.", lastName: "Lefèvre", emails: ["hl@acme.fr"] });
    const attempts = await Promise.all([
      t.call("POST", "/contacts/merge", { body: mergeBody(p) }),
      t.call("POST", "/contacts/merge", { body: { survivorId: other.id, mergedIds: [p.merged.id] } }),
    ]);
    expect(attempts.map((a) => a.status).sort()).toEqual([201, 404]);
    const winner = attempts.find((a) => a.status === 201)?.json;
    const loser = winner.survivorId === p.survivor.id ? other : p.survivor;
    expect((await read(`/contacts/${loser.id}`)).version).toBe(1);
    expect((await read(`/opportunities/${p.links.opportunity.id}`)).contactId).toBe(winner.survivorId);
    expect((await read("/merges")).items).toHaveLength(1);
  });
});

describe("undoing a contact merge", () => {
  it("brings back the removed record as it was, its links, and the survivor's fields", async () => {
    const p = await planted();
    const before = await snapshot(p);
    const merge = (await t.call("POST", "/contacts/merge", { body: mergeBody(p) })).json;
    const undo = await t.call("POST", `/merges/${merge.id}/undo`);
    expect(undo.status).toBe(200);
    expect(undo.json).toMatchObject({ id: merge.id, survivorRestored: true });
    expect(undo.json.undoneAt).not.toBeNull();

    const after = await snapshot(p);
    expect(after.merged.status).toBe(200);
    expect(after.merged.json).toEqual(before.merged.json);
    const { version, updatedAt, ...survivorFields } = after.survivor;
    expect(version).toBe(3);
    expect({ ...before.survivor, version, updatedAt }).toEqual(after.survivor);
    expect(survivorFields.emails).toEqual(["hlefevre@acme.fr"]);
    expect(after.activity.participants).toEqual(before.activity.participants);
    expect(after.opportunity.contactId).toBe(p.merged.id);
    expect(after.case.contactId).toBe(p.merged.id);
    expect(after.order.contactId).toBe(p.merged.id);
    expect((await read("/lookup?email=helene.lefevre@gmail.com")).results[0].contact.id).toBe(p.merged.id);
    const history = await read(`/activities?contactId=${p.merged.id}`);
    expect(history.items.map((a: { id: string }) => a.id)).toEqual([p.links.activity.id]);

    const again = await t.call("POST", `/merges/${merge.id}/undo`);
    expect(again.status).toBe(409);
    expect(again.json.detail).toMatch(/already undone/);
    expect((await read(`/merges?recordId=${p.survivor.id}`)).items).toEqual([undo.json]);
    expect((await t.call("POST", "/merges/mrg_missing/undo")).status).toBe(404);
  });

  it("moves static-list places, campaign targets and order facts to the survivor, and back on undo", async () => {
    const p = await planted();
    const list = await create("/segments", { name: "Salon", kind: "static" });
    const both = await create("/segments", { name: "Both", kind: "static" });
    await t.call("POST", `/segments/${list.id}/members`, { body: { add: [p.merged.id] } });
    await t.call("POST", `/segments/${both.id}/members`, { body: { add: [p.merged.id, p.survivor.id] } });
    // A campaign that targeted the removed record: its response must not vanish with it.
    const now = new Date().toISOString();
    await t.database.db
      .insertInto("campaigns")
      .values({
        id: "cmp_spring",
        created_at: now,
        updated_at: now,
        version: 1,
        owner_id: t.admin.id,
        team_id: null,
        code: "SPRING",
        name: "Spring",
        objective: null,
        segment_id: null,
        channel: "email",
        planned_at: null,
        cost: 0,
        promise_type: null,
        promise_summary: null,
        response_channels: "[]",
        target_quantity: null,
        control_size: 0,
        response_window_days: 30,
        status: "launched",
        launched_at: now,
        target_count: 1,
        control_count: 0,
      })
      .execute();
    await t.database.db
      .insertInto("campaign_targets")
      .values({
        campaign_id: "cmp_spring",
        contact_id: p.merged.id,
        control: 0,
        solicited_at: now,
        responded_at: now,
        response_channel: "email",
        response_source: "manual",
        converted_at: null,
        conversion_value: null,
      })
      .execute();
    const ordersBefore = (await read(`/contacts/${p.survivor.id}/value`)).orderCount;

    const merge = (await t.call("POST", "/contacts/merge", { body: mergeBody(p) })).json;
    expect((await read(`/segments/${list.id}/members`)).items.map((c: { id: string }) => c.id)).toEqual([
      p.survivor.id,
    ]);
    expect((await read(`/segments/${both.id}/count`)).count).toBe(1);
    const target = await t.database.db.selectFrom("campaign_targets").selectAll().executeTakeFirstOrThrow();
    expect(target).toMatchObject({ contact_id: p.survivor.id, response_channel: "email" });
    expect((await read(`/contacts/${p.survivor.id}/value`)).orderCount).toBe(ordersBefore + 1);

    expect((await t.call("POST", `/merges/${merge.id}/undo`)).status).toBe(200);
    expect((await read(`/segments/${list.id}/members`)).items.map((c: { id: string }) => c.id)).toEqual([p.merged.id]);
    expect((await read(`/segments/${both.id}/count`)).count).toBe(2);
    const back = await t.database.db.selectFrom("campaign_targets").selectAll().executeTakeFirstOrThrow();
    expect(back.contact_id).toBe(p.merged.id);
    expect((await read(`/contacts/${p.survivor.id}/value`)).orderCount).toBe(ordersBefore);
    expect((await read(`/contacts/${p.merged.id}/value`)).orderCount).toBe(1);
  });

  it("undoes a merge once when two undos race", async () => {
    const p = await planted();
    const merge = (await t.call("POST", "/contacts/merge", { body: mergeBody(p) })).json;
    const attempts = await Promise.all([1, 2].map(() => t.call("POST", `/merges/${merge.id}/undo`)));
    expect(attempts.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await read(`/contacts/${p.merged.id}`)).version).toBe(1);
    expect((await read(`/contacts/${p.survivor.id}`)).version).toBe(3);
  });

  it("restores the removed record and its links but keeps a survivor edited since, and says so", async () => {
    const p = await planted();
    const before = await snapshot(p);
    const merge = (await t.call("POST", "/contacts/merge", { body: mergeBody(p) })).json;
    const edited = await t.call("PATCH", `/contacts/${p.survivor.id}`, {
      body: { jobTitle: "Présidente" },
      headers: { "if-match": "2" },
    });
    expect(edited.status).toBe(200);
    const undo = await t.call("POST", `/merges/${merge.id}/undo`);
    expect(undo.status).toBe(200);
    expect(undo.json.survivorRestored).toBe(false);
    const after = await snapshot(p);
    expect(after.merged.json).toEqual(before.merged.json);
    expect(after.survivor).toEqual(edited.json);
    expect(after.opportunity.contactId).toBe(p.merged.id);
    expect(after.activity.participants).toEqual(before.activity.participants);
  });

  it("leaves alone a link moved elsewhere after the merge", async () => {
    const p = await planted();
    const merge = (await t.call("POST", "/contacts/merge", { body: mergeBody(p) })).json;
    const third = await create("/contacts", { lastName: "Moreau" });
    const opportunity = await read(`/opportunities/${p.links.opportunity.id}`);
    await t.call("PATCH", `/opportunities/${opportunity.id}`, {
      body: { contactId: third.id },
      headers: { "if-match": String(opportunity.version) },
    });
    expect((await t.call("POST", `/merges/${merge.id}/undo`)).status).toBe(200);
    expect((await read(`/opportunities/${opportunity.id}`)).contactId).toBe(third.id);
    expect((await read(`/cases/${p.links.case.id}`)).contactId).toBe(p.merged.id);
  });
});

describe("merging accounts", () => {
  it("unions domains, moves contacts, deals, orders, cases and activities, and undoes it all", async () => {
    const survivor = await create("/accounts", { name: "Dupré", domains: ["dupre.fr"] });
    const merged = await create("/accounts", {
      name: "Boulangerie Dupré",
      domains: ["dupre.com"],
      phone: "01 40 00 00 00",
    });
    const contact = await create("/contacts", { lastName: "Roux", accountId: merged.id });
    const deal = await create("/opportunities", { accountId: merged.id, name: "Fours" });
    const product = await create("/products", { code: "OVEN", name: "Four", listPrice: 900 });
    const order = await create("/orders", {
      accountId: merged.id,
      orderedAt: "2026-01-05",
      lines: [{ productId: product.id, quantity: 1 }],
    });
    const kase = await create("/cases", { subject: "Four en panne", accountId: merged.id });
    const activity = await create("/activities", {
      type: "call",
      occurredAt: "2026-01-06T09:00:00Z",
      accountId: merged.id,
    });
    const beforeMerged = await read(`/accounts/${merged.id}`);
    const beforeSurvivor = await read(`/accounts/${survivor.id}`);

    const merge = await t.call("POST", "/accounts/merge", {
      body: { survivorId: survivor.id, mergedIds: [merged.id] },
    });
    expect(merge.status).toBe(201);
    expect(merge.json).toMatchObject({ entity: "accounts", repointed: 5 });
    expect(await read(`/accounts/${survivor.id}`)).toMatchObject({
      name: "Boulangerie Dupré",
      domains: ["dupre.fr", "dupre.com"],
      phone: "+33140000000",
    });
    expect((await read("/accounts?domain=dupre.com")).items.map((a: { id: string }) => a.id)).toEqual([survivor.id]);
    for (const path of [
      `/contacts/${contact.id}`,
      `/opportunities/${deal.id}`,
      `/orders/${order.id}`,
      `/cases/${kase.id}`,
      `/activities/${activity.id}`,
    ])
      expect((await read(path)).accountId, path).toBe(survivor.id);
    const timeline = await read(`/accounts/${survivor.id}/timeline`);
    expect(timeline.items.map((entry: { kind: string }) => entry.kind).sort()).toEqual([
      "activity",
      "case",
      "order",
      "stage_change",
    ]);

    const undo = await t.call("POST", `/merges/${merge.json.id}/undo`);
    expect(undo.status).toBe(200);
    expect(await read(`/accounts/${merged.id}`)).toEqual(beforeMerged);
    const survivorAfter = await read(`/accounts/${survivor.id}`);
    expect(survivorAfter).toEqual({ ...beforeSurvivor, version: 3, updatedAt: survivorAfter.updatedAt });
    expect((await read("/accounts?domain=dupre.com")).items.map((a: { id: string }) => a.id)).toEqual([merged.id]);
    expect((await read(`/accounts/${merged.id}/timeline`)).items).toHaveLength(4);
    expect((await read(`/accounts/${survivor.id}/timeline`)).items).toEqual([]);
  });
});
