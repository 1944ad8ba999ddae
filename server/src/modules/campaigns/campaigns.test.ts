import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";
import { campaignFixtures } from "./campaigns.testing.ts";

const t = useTestApp();
const f = campaignFixtures(t);

const optedOut = (channel: string) => ({ consent: { [channel]: { status: "opted_out" } } });

describe("campaigns: records", () => {
  it("a new campaign is a coded draft with no targets yet", async () => {
    const segment = await f.staticSegment([await f.contact({ lastName: "Abel" })]);
    const created = await t.call("POST", "/campaigns", {
      body: { code: " spring26-email ", name: "Spring", channel: "email", segmentId: segment, cost: 250 },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      code: "SPRING26-EMAIL",
      status: "draft",
      launchedAt: null,
      targetCount: 0,
      controlCount: 0,
      controlSize: 0,
      targetQuantity: null,
      responseWindowDays: 30,
      responseChannels: [],
      cost: 250,
      version: 1,
    });
    expect((await t.call("GET", `/campaigns/${created.json.id}`)).json).toEqual(created.json);
    const listed = await t.call("GET", "/campaigns?status=draft&q=spring26");
    expect(listed.json.items.map((c: { id: string }) => c.id)).toEqual([created.json.id]);
    expect((await t.call("GET", "/campaigns?status=launched")).json.items).toEqual([]);
  });

  it("a code is unique: the second campaign with it gets 409", async () => {
    await f.campaign({ code: "SALON-26" });
    const again = await t.call("POST", "/campaigns", { body: { code: "salon-26", name: "Other", channel: "sms" } });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("conflict");
    expect(await t.rowCount("campaigns")).toBe(1);
  });

  it("the segment must be one the author may see", async () => {
    const north = await t.addTeam("Nord");
    const south = await t.addTeam("Sud");
    const repNorth = await t.addUser("rep", north.id);
    const repSouth = await t.addUser("rep", south.id);
    const segment = await f.staticSegment([], repNorth.token);
    const foreign = await t.call("POST", "/campaigns", {
      body: { code: "S-1", name: "S", channel: "email", segmentId: segment },
      token: repSouth.token,
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.errors[0].path).toBe("segmentId");
    const unknown = await t.call("POST", "/campaigns", {
      body: { code: "S-2", name: "S", channel: "email", segmentId: "seg_nothere" },
    });
    expect(unknown.status).toBe(422);
    expect(await t.rowCount("campaigns")).toBe(0);
    await f.campaign({ code: "S-3", segmentId: segment }, repNorth.token);
  });

  it("bad input: malformed JSON is a 400, wrong types a 422 naming each path, and nothing is written", async () => {
    const malformed = await t.call("POST", "/campaigns", { raw: '{"code": "X1",' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.code).toBe("malformed_json");
    const wrong = await t.call("POST", "/campaigns", {
      body: { code: "!", name: 3, channel: "fax", cost: -5, controlSize: 1.5, status: "launched" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "channel",
      "code",
      "controlSize",
      "cost",
      "name",
      "status",
    ]);
    expect(await t.rowCount("campaigns")).toBe(0);
    const created = await f.campaign({ code: "OK-1" });
    const patch = await t.call("PATCH", `/campaigns/${created.id}`, {
      body: { targetQuantity: 0, launchedAt: "2026-01-01T00:00:00Z" },
      headers: { "if-match": "1" },
    });
    expect(patch.status).toBe(422);
    expect(patch.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(["launchedAt", "targetQuantity"]);
    const responses = await t.call("POST", `/campaigns/${created.id}/responses`, {
      body: {
        items: [
          { contactId: "con_a", email: "a@b.fr", kind: "response", channel: "email", at: "2026-05-01T10:00:00Z" },
          { contactId: "con_a", kind: "maybe", channel: "email", at: 20260501, value: -1 },
        ],
      },
    });
    expect(responses.status).toBe(422);
    expect(responses.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "items.0.contactId",
      "items.1.at",
      "items.1.kind",
      "items.1.value",
    ]);
    expect((await t.call("GET", `/campaigns/${created.id}/targets?limit=zero`)).status).toBe(422);
    expect((await t.call("GET", "/portfolio?by=shoe-size")).status).toBe(422);
    expect((await t.call("GET", "/campaign-comparison?from=last-week")).status).toBe(422);
    expect((await t.call("GET", `/campaigns/${created.id}/targets?cursor=garbage`)).status).toBe(400);
  });
});

describe("campaigns: launch", () => {
  it("freezes the eligible members: do-not-contact and opted-out left out, a control group held out, the quantity kept", async () => {
    const ok = [
      await f.contact({ lastName: "A", emails: ["a@ex.fr"] }),
      await f.contact({ lastName: "B" }),
      await f.contact({ lastName: "C", ...optedOut("sms") }),
      await f.contact({ lastName: "D", consent: { email: { status: "opted_in" } } }),
    ];
    const dnc = await f.contact({ lastName: "E", doNotContact: true });
    const both = await f.contact({ lastName: "F", doNotContact: true, ...optedOut("email") });
    const out = await f.contact({ lastName: "G", ...optedOut("email") });
    const segment = await f.staticSegment([...ok, dnc, both, out]);
    const created = await f.campaign({ code: "SPRING", segmentId: segment, controlSize: 1, targetQuantity: 2 });

    const launch = await t.call("POST", `/campaigns/${created.id}/launch`);
    expect(launch.status).toBe(200);
    expect(launch.json).toMatchObject({
      segmentMembers: 7,
      excluded: { doNotContact: 2, optedOut: 1, unreachable: 0, pressureCap: 0, overQuantity: 1 },
      campaign: { status: "launched", targetCount: 2, controlCount: 1, version: 2 },
    });
    expect(Date.parse(launch.json.campaign.launchedAt)).not.toBeNaN();

    const rows = await f.listRows(created.id);
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.control === 1)).toHaveLength(1);
    for (const row of rows) expect(ok).toContain(row.contact_id);

    const targets = await t.call("GET", `/campaigns/${created.id}/targets`);
    expect(targets.json.items).toHaveLength(3);
    expect(targets.json.items.map((i: { contactId: string }) => i.contactId)).toEqual(rows.map((r) => r.contact_id));
    const control = await t.call("GET", `/campaigns/${created.id}/targets?group=control`);
    expect(control.json.items).toEqual([
      {
        contactId: rows.find((r) => r.control === 1)?.contact_id,
        group: "control",
        respondedAt: null,
        responseChannel: null,
        convertedAt: null,
        conversionValue: null,
      },
    ]);

    const audit = await t.database.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("entity", "=", "campaign")
      .where("entity_id", "=", created.id)
      .where("action", "=", "update")
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail as string).launch).toMatchObject({ segmentMembers: 7, targets: 2, control: 1 });
  });

  it("opt-outs are read on the campaign's own channel; press and web have none", async () => {
    await f.setPressure(100, 30);
    const emailOut = await f.contact({ lastName: "Mail-out", ...optedOut("email") });
    const smsOut = await f.contact({ lastName: "Sms-out", ...optedOut("sms") });
    const postOut = await f.contact({ lastName: "Post-out", ...optedOut("post") });
    const phoneOut = await f.contact({ lastName: "Phone-out", ...optedOut("phone") });
    const segment = await f.staticSegment([emailOut, smsOut, postOut, phoneOut]);
    const expectations: Array<[string, string | null]> = [
      ["email", emailOut],
      ["sms", smsOut],
      ["mail", postOut],
      ["phone", phoneOut],
      ["press", null],
      ["web", null],
    ];
    for (const [channel, left] of expectations) {
      const result = await f.launched({ code: `CH-${channel}`, channel, segmentId: segment });
      expect(result.excluded.optedOut, channel).toBe(left ? 1 : 0);
      const listed = (await f.listRows(result.campaign.id)).map((r) => r.contact_id);
      expect(listed, channel).toHaveLength(left ? 3 : 4);
      if (left) expect(listed, channel).not.toContain(left);
    }
  });

  it("leaves out those the channel cannot reach: no email, no phone, no postal address", async () => {
    await f.setPressure(100, 30);
    const noEmail = await f.contact({ lastName: "No-email", emails: [] });
    const noPhone = await f.contact({ lastName: "No-phone", phones: [] });
    const noAddress = await f.contact({ lastName: "No-address", address: null });
    const segment = await f.staticSegment([noEmail, noPhone, noAddress]);
    const expectations: Array<[string, string | null]> = [
      ["email", noEmail],
      ["sms", noPhone],
      ["phone", noPhone],
      ["mail", noAddress],
      ["web", null],
    ];
    for (const [channel, left] of expectations) {
      const result = await f.launched({ code: `REACH-${channel}`, channel, segmentId: segment });
      expect(result.excluded.unreachable, channel).toBe(left ? 1 : 0);
      const listed = (await f.listRows(result.campaign.id)).map((r) => r.contact_id);
      if (left) expect(listed, channel).not.toContain(left);
    }
    const nobody = await f.campaign({
      code: "REACH-NONE",
      channel: "email",
      segmentId: await f.staticSegment([noEmail]),
    });
    const refused = await t.call("POST", `/campaigns/${nobody.id}/launch`);
    expect(refused.status).toBe(422);
    expect(refused.json.detail).toBe("No one to target: the segment's only member is without an email address (1).");
  });

  it("the pressure cap counts solicitations across launches, not control groups", async () => {
    await f.setPressure(1, 30);
    const people = [
      await f.contact({ lastName: "P1" }),
      await f.contact({ lastName: "P2" }),
      await f.contact({ lastName: "P3" }),
    ];
    const segment = await f.staticSegment(people);
    const first = await f.launched({ code: "FIRST", segmentId: segment, controlSize: 1 });
    expect(first.excluded).toEqual({ doNotContact: 0, optedOut: 0, unreachable: 0, pressureCap: 0, overQuantity: 0 });
    const firstRows = await f.listRows(first.campaign.id);
    const heldOut = firstRows.find((r) => r.control === 1)?.contact_id;

    const second = await f.launched({ code: "SECOND", segmentId: segment });
    expect(second.excluded).toEqual({ doNotContact: 0, optedOut: 0, unreachable: 0, pressureCap: 2, overQuantity: 0 });
    expect((await f.listRows(second.campaign.id)).map((r) => [r.contact_id, r.control])).toEqual([[heldOut, 0]]);

    // Everyone has now had their one solicitation: a third launch finds no one, and says why.
    const third = await f.campaign({ code: "THIRD", segmentId: segment, channel: "sms" });
    const refused = await t.call("POST", `/campaigns/${third.id}/launch`);
    expect(refused.status).toBe(422);
    expect(refused.json.detail).toBe(
      "No one to target: the segment's 3 members are all at the pressure cap of 1 solicitations in 30 days (3).",
    );
  });

  it("nobody eligible: 422 with each reason and its number, and nothing written", async () => {
    await f.setPressure(1, 30);
    const capped = await f.contact({ lastName: "Capped" });
    await f.launched({ code: "EARLIER", segmentId: await f.staticSegment([capped]) });
    const segment = await f.staticSegment([
      await f.contact({ lastName: "O1", ...optedOut("email") }),
      await f.contact({ lastName: "O2", ...optedOut("email") }),
      await f.contact({ lastName: "N1", doNotContact: true }),
      capped,
    ]);
    const created = await f.campaign({ code: "NOBODY", segmentId: segment, controlSize: 2 });
    const rowsBefore = await t.rowCount("campaign_targets");
    const auditBefore = await t.rowCount("audit_entries");

    const refused = await t.call("POST", `/campaigns/${created.id}/launch`);
    expect(refused.status).toBe(422);
    expect(refused.json.detail).toBe(
      "No one to target: the segment's 4 members are all opted out of email (2), do not contact (1) or at the pressure cap of 1 solicitations in 30 days (1).",
    );
    expect(refused.json.errors[0].path).toBe("segmentId");
    expect(await t.rowCount("campaign_targets")).toBe(rowsBefore);
    expect(await t.rowCount("audit_entries")).toBe(auditBefore);
    expect((await t.call("GET", `/campaigns/${created.id}`)).json).toMatchObject({
      status: "draft",
      launchedAt: null,
      version: 1,
      targetCount: 0,
    });
  });

  it("a control group that would take everyone leaves no one to solicit: 422, nothing written", async () => {
    const segment = await f.staticSegment([await f.contact({ lastName: "Solo" })]);
    const created = await f.campaign({ code: "ALLCONTROL", segmentId: segment, controlSize: 1 });
    const refused = await t.call("POST", `/campaigns/${created.id}/launch`);
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0].path).toBe("controlSize");
    expect(await t.rowCount("campaign_targets")).toBe(0);
  });

  it("a campaign needs a segment of contacts to launch, and launches once", async () => {
    const none = await f.campaign({ code: "NOSEG" });
    const noSegment = await t.call("POST", `/campaigns/${none.id}/launch`);
    expect(noSegment.status).toBe(422);
    expect(noSegment.json.errors[0].path).toBe("segmentId");

    const accounts = await t.call("POST", "/segments", {
      body: {
        name: "Companies",
        entity: "accounts",
        kind: "filter",
        filter: { field: "status", op: "eq", value: "customer" },
      },
    });
    const onAccounts = await f.campaign({ code: "ACCSEG", segmentId: accounts.json.id });
    const refused = await t.call("POST", `/campaigns/${onAccounts.id}/launch`);
    expect(refused.status).toBe(422);
    expect(refused.json.detail).toContain("selects accounts");

    const empty = await f.campaign({ code: "EMPTY", segmentId: await f.staticSegment([]) });
    const nobody = await t.call("POST", `/campaigns/${empty.id}/launch`);
    expect(nobody.status).toBe(422);
    expect(nobody.json.detail).toContain("no members");

    const result = await f.launched({
      code: "ONCE",
      segmentId: await f.staticSegment([await f.contact({ lastName: "X" })]),
    });
    const again = await t.call("POST", `/campaigns/${result.campaign.id}/launch`);
    expect(again.status).toBe(409);
    expect(await t.rowCount("campaign_targets")).toBe(1);
  });

  it("a filter segment is evaluated at launch, over the contacts the launcher may see", async () => {
    const team = await t.addTeam("Ouest");
    const rep = await t.addUser("rep", team.id);
    await f.contact({ lastName: "Mine", tags: ["salon"] }, rep.token);
    await f.contact({ lastName: "Not tagged" }, rep.token);
    await f.contact({ lastName: "Someone else's", tags: ["salon"] });
    const segment = await t.call("POST", "/segments", {
      body: { name: "Salon", kind: "filter", filter: { field: "tags", op: "hasAny", value: ["Salon"] } },
      token: rep.token,
    });
    const result = await f.launched({ code: "SALON", segmentId: segment.json.id }, rep.token);
    expect(result.segmentMembers).toBe(1);
    expect(result.campaign.targetCount).toBe(1);
  });
});

describe("campaigns: what may change, who may see", () => {
  it("once launched only name, objective, promise summary and cost change; it cannot be deleted; closing ends it", async () => {
    const segment = await f.staticSegment([await f.contact({ lastName: "A" })]);
    const result = await f.launched({ code: "FROZEN", segmentId: segment });
    const id = result.campaign.id;
    const renamed = await t.call("PATCH", `/campaigns/${id}`, {
      body: { name: "Spring, final", cost: 1200, objective: "Sell lamps", promiseSummary: "-10%" },
      headers: { "if-match": "2" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({
      name: "Spring, final",
      cost: 1200,
      status: "launched",
      targetCount: 1,
      version: 3,
    });

    for (const body of [{ code: "OTHER" }, { segmentId: null }, { controlSize: 5 }, { channel: "sms" }]) {
      const frozen = await t.call("PATCH", `/campaigns/${id}`, { body, headers: { "if-match": "3" } });
      expect(frozen.status, JSON.stringify(body)).toBe(409);
      expect(frozen.json.detail).toContain(Object.keys(body)[0]);
    }
    // The same value again is no change.
    expect(
      (await t.call("PATCH", `/campaigns/${id}`, { body: { code: "FROZEN" }, headers: { "if-match": "3" } })).status,
    ).toBe(200);

    expect((await t.call("DELETE", `/campaigns/${id}`)).status).toBe(409);
    const closed = await t.call("POST", `/campaigns/${id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ status: "closed", version: 5 });
    expect((await t.call("POST", `/campaigns/${id}/close`)).status).toBe(409);
    expect((await t.call("POST", `/campaigns/${id}/launch`)).status).toBe(409);
    expect((await t.call("DELETE", `/campaigns/${id}`)).status).toBe(409);
    expect((await t.call("GET", `/campaigns/${id}`)).status).toBe(200);

    const draft = await f.campaign({ code: "DRAFT" });
    expect((await t.call("POST", `/campaigns/${draft.id}/close`)).status).toBe(409);
    const edited = await t.call("PATCH", `/campaigns/${draft.id}`, {
      body: { code: "draft-2", controlSize: 3 },
      headers: { "if-match": "1" },
    });
    expect(edited.json).toMatchObject({ code: "DRAFT-2", controlSize: 3, status: "draft" });
    expect((await t.call("DELETE", `/campaigns/${draft.id}`)).status).toBe(204);
    expect((await t.call("GET", `/campaigns/${draft.id}`)).status).toBe(404);
  });

  it("a rep cannot see another team's campaign: every route answers 404", async () => {
    const north = await t.addTeam("Nord");
    const south = await t.addTeam("Sud");
    const repNorth = await t.addUser("rep", north.id);
    const colleague = await t.addUser("rep", north.id);
    const repSouth = await t.addUser("rep", south.id);
    const segment = await f.staticSegment([await f.contact({ lastName: "A" }, repNorth.token)], repNorth.token);
    const result = await f.launched({ code: "NORTH", segmentId: segment }, repNorth.token);
    const id = result.campaign.id;

    const attempts: Array<[string, string, unknown?]> = [
      ["GET", `/campaigns/${id}`],
      ["GET", `/campaigns/${id}/kpis`],
      ["GET", `/campaigns/${id}/targets`],
      ["POST", `/campaigns/${id}/launch`],
      ["POST", `/campaigns/${id}/close`],
      [
        "POST",
        `/campaigns/${id}/responses`,
        { items: [{ email: "a@b.fr", kind: "response", channel: "email", at: new Date().toISOString() }] },
      ],
      ["DELETE", `/campaigns/${id}`],
    ];
    for (const [method, path, body] of attempts) {
      const response = await t.call(method, path, { token: repSouth.token, body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await t.call("GET", "/campaigns", { token: repSouth.token })).json.items).toEqual([]);
    expect((await t.call("GET", "/campaign-comparison", { token: repSouth.token })).json.items).toEqual([]);

    expect((await t.call("GET", `/campaigns/${id}/kpis`, { token: colleague.token })).status).toBe(200);
    const marketer = await t.addUser("marketer");
    expect((await t.call("GET", `/campaigns/${id}`, { token: marketer.token })).status).toBe(200);
    expect((await t.call("GET", "/campaign-comparison", { token: marketer.token })).json.items).toHaveLength(1);
  });
});
