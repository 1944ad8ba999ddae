import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";
import { campaignFixtures, dayPlus, plusDays } from "./campaigns.testing.ts";
import { epochDays } from "./kpis.ts";

const t = useTestApp();
const f = campaignFixtures(t);

/** A launched campaign over these contacts, everyone a target (no control group unless asked). */
async function launchedOver(contacts: string[], body: Record<string, unknown> = {}) {
  const result = await f.launched({
    code: `C-${contacts.length}-${Math.random().toString(36).slice(2, 8)}`,
    segmentId: await f.staticSegment(contacts),
    ...body,
  });
  return result.campaign as { id: string; launchedAt: string; version: number };
}

async function targetOf(campaignId: string, contactId: string) {
  const rows = await f.listRows(campaignId);
  return rows.find((r) => r.contact_id === contactId);
}

async function shop() {
  const product = (await t.call("POST", "/products", { body: { code: "LAMP", name: "Lampe", listPrice: 40 } })).json;
  const account = (await t.call("POST", "/accounts", { body: { name: "Lumière SAS" } })).json;
  const order = async (contactId: string, orderedAt: string, quantity = 1, status = "confirmed") => {
    const response = await t.call("POST", "/orders", {
      body: { accountId: account.id, contactId, orderedAt, status, lines: [{ productId: product.id, quantity }] },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    return response.json as { id: string; version: number; total: number };
  };
  return { product, account, order };
}

const inbound = (contactId: string, occurredAt: string, type = "email", direction: string | null = "in") => ({
  type,
  direction,
  subject: "Re: your offer",
  occurredAt,
  participants: [
    { address: "someone@ex.fr", role: "from", contactId },
    { address: "sales@rapport.test", role: "to" },
  ],
});

describe("responses recorded by hand", () => {
  it("by contact id or by email; contacts not on the list come back by index; the earliest response wins", async () => {
    const anne = await f.contact({ lastName: "Anne", emails: ["anne@example.fr", "anne.perso@example.fr"] });
    const bob = await f.contact({ lastName: "Bob", emails: ["bob@example.fr"] });
    const dnc = await f.contact({ lastName: "Dnc", emails: ["dnc@example.fr"], doNotContact: true });
    const outsider = await f.contact({ lastName: "Out", emails: ["out@example.fr"] });
    const campaign = await launchedOver([anne, bob, dnc]);
    const at = (days: number) => plusDays(campaign.launchedAt, days);

    const first = await t.call("POST", `/campaigns/${campaign.id}/responses`, {
      body: {
        items: [
          { contactId: bob, kind: "response", channel: "phone", at: at(3) },
          { email: "  ANNE@Example.fr ", kind: "response", channel: "email", at: at(2) },
          { contactId: dnc, kind: "response", channel: "email", at: at(1) },
          { contactId: outsider, kind: "response", channel: "email", at: at(1) },
          { email: "nobody@example.fr", kind: "response", channel: "email", at: at(1) },
          { contactId: "con_unknown", kind: "conversion", channel: "store", at: at(1), value: 10 },
          { contactId: bob, kind: "response", channel: "web", at: at(5) },
        ],
      },
    });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ recorded: 3, notTargeted: [2, 3, 4, 5] });

    expect(await targetOf(campaign.id, bob)).toMatchObject({
      responded_at: at(3),
      response_channel: "phone",
      response_source: "manual",
      converted_at: null,
    });
    // An earlier response, given later, replaces the later one; a conversion adds up and keeps its first date.
    const second = await t.call("POST", `/campaigns/${campaign.id}/responses`, {
      body: {
        items: [
          { contactId: bob, kind: "response", channel: "email", at: at(1) },
          { email: "anne.perso@example.fr", kind: "conversion", channel: "coupon", at: at(4), value: 30.1 },
          { contactId: anne, kind: "conversion", channel: "store", at: at(3), value: 12.2 },
        ],
      },
    });
    expect(second.json).toEqual({ recorded: 3, notTargeted: [] });
    expect(await targetOf(campaign.id, bob)).toMatchObject({ responded_at: at(1), response_channel: "email" });
    expect(await targetOf(campaign.id, anne)).toMatchObject({
      responded_at: at(2),
      response_channel: "email",
      converted_at: at(3),
      conversion_value: 42.3,
    });
    const page = await t.call("GET", `/campaigns/${campaign.id}/targets?group=target&limit=1`);
    expect(page.json.items).toHaveLength(1);
    expect(page.json.nextCursor).not.toBeNull();
    const rest = await t.call(
      "GET",
      `/campaigns/${campaign.id}/targets?group=target&limit=5&cursor=${page.json.nextCursor}`,
    );
    expect([...page.json.items, ...rest.json.items].map((i: { contactId: string }) => i.contactId)).toEqual(
      [anne, bob].sort(),
    );
    expect(rest.json.nextCursor).toBeNull();
  });

  it("a draft takes no responses (409), and a response before the launch is refused with its path", async () => {
    const anne = await f.contact({ lastName: "Anne" });
    const draft = await f.campaign({ code: "DRAFTY", segmentId: await f.staticSegment([anne]) });
    const item = { contactId: anne, kind: "response", channel: "email", at: new Date().toISOString() };
    expect((await t.call("POST", `/campaigns/${draft.id}/responses`, { body: { items: [item] } })).status).toBe(409);

    const campaign = await launchedOver([anne]);
    const early = await t.call("POST", `/campaigns/${campaign.id}/responses`, {
      body: {
        items: [
          { ...item, at: plusDays(campaign.launchedAt, 1) },
          { ...item, at: plusDays(campaign.launchedAt, -2) },
        ],
      },
    });
    expect(early.status).toBe(422);
    expect(early.json.errors.map((e: { path: string }) => e.path)).toEqual(["items.1.at"]);
    expect((await targetOf(campaign.id, anne))?.responded_at).toBeNull();
    // Dated by day alone, on the launch day: after the launch, at the launch.
    const sameDay = await t.call("POST", `/campaigns/${campaign.id}/responses`, {
      body: { items: [{ ...item, at: `${campaign.launchedAt.slice(0, 10)}T00:00:00Z` }] },
    });
    expect(sameDay.json).toEqual({ recorded: 1, notTargeted: [] });
    expect((await targetOf(campaign.id, anne))?.responded_at).toBe(campaign.launchedAt);
  });
});

describe("responses attributed automatically", () => {
  it("an inbound email in the window is a response from its sender; outgoing mail and notes are not", async () => {
    const anne = await f.contact({ lastName: "Anne" });
    const bob = await f.contact({ lastName: "Bob" });
    const campaign = await launchedOver([anne, bob]);

    const sent = await t.call("POST", "/activities", {
      body: inbound(bob, plusDays(campaign.launchedAt, 1), "email", "out"),
    });
    expect(sent.status).toBe(201);
    const note = await t.call("POST", "/activities", {
      body: inbound(bob, plusDays(campaign.launchedAt, 1), "note", null),
    });
    expect(note.status).toBe(201);
    expect((await targetOf(campaign.id, bob))?.responded_at).toBeNull();

    const reply = await t.call("POST", "/activities", { body: inbound(anne, plusDays(campaign.launchedAt, 2)) });
    expect(reply.status).toBe(201);
    expect(await targetOf(campaign.id, anne)).toMatchObject({
      responded_at: plusDays(campaign.launchedAt, 2),
      response_channel: "email",
      response_source: "activity",
    });
    // A call later in the window changes nothing: the first answer stands; logging it again neither.
    await t.call("POST", "/activities", { body: inbound(anne, plusDays(campaign.launchedAt, 5), "call", null) });
    expect(await targetOf(campaign.id, anne)).toMatchObject({
      responded_at: plusDays(campaign.launchedAt, 2),
      response_channel: "email",
    });

    // After the window (30 days), an answer is no response to this campaign.
    await t.call("POST", "/activities", { body: inbound(bob, plusDays(campaign.launchedAt, 31), "call", null) });
    expect((await targetOf(campaign.id, bob))?.responded_at).toBeNull();
    const kpis = (await t.call("GET", `/campaigns/${campaign.id}/kpis`)).json;
    expect(kpis).toMatchObject({ responses: 1, responseChannels: { email: 1 } });
  });

  it("a sold order in the window is a conversion worth its total; outside it, or cancelled, it is not", async () => {
    const anne = await f.contact({ lastName: "Anne" });
    const bob = await f.contact({ lastName: "Bob" });
    const carl = await f.contact({ lastName: "Carl" });
    const campaign = await launchedOver([anne, bob, carl], { responseWindowDays: 10 });
    const { order } = await shop();

    const today = campaign.launchedAt.slice(0, 10);
    const bought = await order(anne, today, 2);
    expect(await targetOf(campaign.id, anne)).toMatchObject({
      conversion_value: 80,
      converted_at: campaign.launchedAt,
      responded_at: campaign.launchedAt,
      response_source: "order",
    });
    // Editing the order (not its amount) counts it once still; a second order in the window adds up.
    const edited = await t.call("PATCH", `/orders/${bought.id}`, {
      body: { reference: "PO-1" },
      headers: { "if-match": "1" },
    });
    expect(edited.status).toBe(200);
    await order(anne, dayPlus(campaign.launchedAt, 3), 1);
    expect(await targetOf(campaign.id, anne)).toMatchObject({
      conversion_value: 120,
      converted_at: campaign.launchedAt,
    });

    await order(bob, dayPlus(campaign.launchedAt, 11), 5);
    await order(bob, dayPlus(campaign.launchedAt, -1), 5);
    await order(bob, dayPlus(campaign.launchedAt, 2), 5, "draft");
    expect(await targetOf(campaign.id, bob)).toMatchObject({
      converted_at: null,
      conversion_value: null,
      responded_at: null,
    });

    const carls = await order(carl, dayPlus(campaign.launchedAt, 1), 1);
    expect((await targetOf(campaign.id, carl))?.conversion_value).toBe(40);
    const cancelled = await t.call("PATCH", `/orders/${carls.id}`, {
      body: { status: "cancelled" },
      headers: { "if-match": "1" },
    });
    expect(cancelled.status).toBe(200);
    expect(await targetOf(campaign.id, carl)).toMatchObject({ converted_at: null, conversion_value: null });

    const kpis = (await t.call("GET", `/campaigns/${campaign.id}/kpis`)).json;
    expect(kpis).toMatchObject({ targets: 3, conversions: 1, revenue: 120, conversionRate: 1 / 3 });
  });

  it("the control group's answers are recorded too; a closed campaign records nothing more", async () => {
    const people = [await f.contact({ lastName: "A" }), await f.contact({ lastName: "B" })];
    const campaign = await launchedOver(people, { controlSize: 1 });
    const rows = await f.listRows(campaign.id);
    const held = rows.find((r) => r.control === 1)?.contact_id as string;
    const solicited = rows.find((r) => r.control === 0)?.contact_id as string;
    await t.call("POST", "/activities", { body: inbound(held, plusDays(campaign.launchedAt, 1), "sms", null) });
    expect(await targetOf(campaign.id, held)).toMatchObject({ response_channel: "sms", response_source: "activity" });

    expect((await t.call("POST", `/campaigns/${campaign.id}/close`)).status).toBe(200);
    await t.call("POST", "/activities", { body: inbound(solicited, plusDays(campaign.launchedAt, 1)) });
    const { order } = await shop();
    await order(solicited, campaign.launchedAt.slice(0, 10));
    expect(await targetOf(campaign.id, solicited)).toMatchObject({ responded_at: null, converted_at: null });
    // Responses may still be recorded by hand after the close.
    const manual = await t.call("POST", `/campaigns/${campaign.id}/responses`, {
      body: {
        items: [{ contactId: solicited, kind: "response", channel: "mail", at: plusDays(campaign.launchedAt, 1) }],
      },
    });
    expect(manual.json).toEqual({ recorded: 1, notTargeted: [] });
  });
});

describe("KPIs, comparison and portfolio", () => {
  /**
   * 4 targets, 2 held out. Targets: responses at +1 day (email), +2 days (phone) and a conversion of
   * 120 at +3 days (coupon, a response too); control: one response. Cost 300.
   */
  async function handExample() {
    const people = [];
    for (const name of ["A", "B", "C", "D", "E", "F"]) people.push(await f.contact({ lastName: name }));
    const campaign = await launchedOver(people, { controlSize: 2, cost: 300, channel: "mail" });
    const rows = await f.listRows(campaign.id);
    const targets = rows.filter((r) => r.control === 0).map((r) => r.contact_id);
    const control = rows.filter((r) => r.control === 1).map((r) => r.contact_id);
    expect(targets).toHaveLength(4);
    const at = (days: number) => plusDays(campaign.launchedAt, days);
    const recorded = await t.call("POST", `/campaigns/${campaign.id}/responses`, {
      body: {
        items: [
          { contactId: targets[0], kind: "response", channel: "email", at: at(1) },
          { contactId: targets[1], kind: "response", channel: "phone", at: at(2) },
          { contactId: targets[2], kind: "conversion", channel: "coupon", at: at(3), value: 120 },
          { contactId: control[0], kind: "response", channel: "email", at: at(1) },
        ],
      },
    });
    expect(recorded.json.recorded).toBe(4);
    return campaign;
  }

  it("one campaign's KPIs, as computed by hand", async () => {
    const campaign = await handExample();
    const kpis = await t.call("GET", `/campaigns/${campaign.id}/kpis`);
    expect(kpis.status).toBe(200);
    expect(kpis.json).toEqual({
      campaignId: campaign.id,
      code: expect.any(String),
      name: "Spring",
      channel: "mail",
      cost: 300,
      targets: 4,
      responses: 3,
      responseRate: 0.75,
      conversions: 1,
      conversionRate: 0.25,
      revenue: 120,
      costPerResponse: 100,
      costPerConversion: 300,
      meanResponseDelayDays: 2,
      responseChannels: { email: 1, phone: 1, coupon: 1 },
      control: { size: 2, responses: 1, responseRate: 0.5, conversions: 0, conversionRate: 0 },
      uplift: { responseRate: 0.25, conversionRate: 0.25 },
    });
  });

  it("a campaign without control group or responses answers nulls where nothing divides", async () => {
    const campaign = await launchedOver([await f.contact({ lastName: "A" })], { cost: 50 });
    const kpis = (await t.call("GET", `/campaigns/${campaign.id}/kpis`)).json;
    expect(kpis).toMatchObject({
      targets: 1,
      responses: 0,
      responseRate: 0,
      costPerResponse: null,
      costPerConversion: null,
      meanResponseDelayDays: null,
      responseChannels: {},
      control: { size: 0, responseRate: null, conversionRate: null },
      uplift: { responseRate: null, conversionRate: null },
    });
    const draft = await f.campaign({ code: "D-KPI" });
    expect((await t.call("GET", `/campaigns/${draft.id}/kpis`)).json).toMatchObject({ targets: 0, responseRate: null });
  });

  it("the comparison sets each launched campaign beside the others, with shares, averages and totals", async () => {
    const first = await handExample();
    const second = await launchedOver([await f.contact({ lastName: "Y" }), await f.contact({ lastName: "Z" })], {
      cost: 100,
      channel: "email",
    });
    const [y] = await f.listRows(second.id);
    await t.call("POST", `/campaigns/${second.id}/responses`, {
      body: {
        items: [
          {
            contactId: y?.contact_id,
            kind: "conversion",
            channel: "web",
            at: plusDays(second.launchedAt, 4),
            value: 80,
          },
        ],
      },
    });
    await f.campaign({ code: "NOT-LAUNCHED" });

    const comparison = await t.call("GET", "/campaign-comparison");
    expect(comparison.status).toBe(200);
    const { items, average, totals } = comparison.json;
    expect(items.map((i: { campaignId: string }) => i.campaignId)).toEqual([first.id, second.id]);
    expect(items[0]).toMatchObject({ responses: 3, shareOfResponses: 0.75, conversions: 1, shareOfConversions: 0.5 });
    expect(items[1]).toMatchObject({
      targets: 2,
      responses: 1,
      responseRate: 0.5,
      shareOfResponses: 0.25,
      shareOfConversions: 0.5,
      costPerResponse: 100,
      costPerConversion: 100,
      meanResponseDelayDays: 4,
      uplift: { responseRate: null },
    });
    expect(average).toEqual({
      responseRate: 0.625,
      conversionRate: 0.375,
      costPerResponse: 100,
      costPerConversion: 200,
      meanResponseDelayDays: 3,
    });
    expect(totals).toEqual({ cost: 400, targets: 6, responses: 4, conversions: 2, revenue: 200 });

    const byChannel = await t.call("GET", "/campaign-comparison?channel=email");
    expect(byChannel.json.items.map((i: { campaignId: string }) => i.campaignId)).toEqual([second.id]);
    expect(byChannel.json.items[0].shareOfResponses).toBe(1);
    const today = first.launchedAt.slice(0, 10);
    expect((await t.call("GET", `/campaign-comparison?from=${today}&to=${today}`)).json.items).toHaveLength(2);
    const later = await t.call("GET", `/campaign-comparison?from=${dayPlus(first.launchedAt, 1)}`);
    expect(later.json).toEqual({
      items: [],
      average: {
        responseRate: null,
        conversionRate: null,
        costPerResponse: null,
        costPerConversion: null,
        meanResponseDelayDays: null,
      },
      totals: { cost: 0, targets: 0, responses: 0, conversions: 0, revenue: 0 },
    });
  });

  it("the portfolio groups the contacts one may see by source, country, département and segment", async () => {
    const team = await t.addTeam("Est");
    const rep = await t.addUser("rep", team.id);
    const fr = (postcode: string) => ({ country: "FR", postcode, city: "Ville" });
    const salon = await f.contact({ lastName: "S1", source: "Salon", address: fr("75 011") });
    const salon2 = await f.contact({ lastName: "S2", source: "salon", address: fr("75002") });
    const web = await f.contact({ lastName: "W1", source: "Web", address: fr("69003") });
    const unknown = await f.contact({ lastName: "U1", address: { country: "BE", postcode: "1000" } });
    const none = await f.contact({ lastName: "N1" });
    await f.contact({ lastName: "Rep's", source: "Salon" }, rep.token);
    const { order } = await shop();
    await order(salon, "2026-01-10", 2);
    await order(salon, "2026-02-10", 1);
    await order(web, "2026-01-10", 1);
    await order(none, "2026-01-10", 1, "cancelled");

    const bySource = await t.call("GET", "/portfolio?by=source");
    expect(bySource.status).toBe(200);
    expect(bySource.json).toEqual({
      by: "source",
      rows: [
        { key: "salon", label: "salon", contacts: 3, customers: 1, orderTotal: 120 },
        { key: null, label: "(none)", contacts: 2, customers: 0, orderTotal: 0 },
        { key: "web", label: "web", contacts: 1, customers: 1, orderTotal: 40 },
      ],
    });
    const byCountry = (await t.call("GET", "/portfolio?by=country")).json.rows;
    expect(byCountry).toEqual([
      { key: "FR", label: "FR", contacts: 3, customers: 2, orderTotal: 160 },
      { key: null, label: "(none)", contacts: 2, customers: 0, orderTotal: 0 },
      { key: "BE", label: "BE", contacts: 1, customers: 0, orderTotal: 0 },
    ]);
    const byPostcode = (await t.call("GET", "/portfolio?by=postcode")).json.rows;
    expect(byPostcode.map((r: { key: string | null; contacts: number }) => [r.key, r.contacts])).toEqual([
      ["75", 2],
      [null, 2],
      ["10", 1],
      ["69", 1],
    ]);
    // The rep sees only their own contact.
    expect((await t.call("GET", "/portfolio?by=source", { token: rep.token })).json.rows).toEqual([
      { key: "salon", label: "salon", contacts: 1, customers: 0, orderTotal: 0 },
    ]);

    const buyers = await t.call("POST", "/segments", {
      body: { name: "Buyers", kind: "filter", filter: { field: "orderCount", op: "gt", value: 0 } },
    });
    expect(buyers.status).toBe(201);
    await f.staticSegment([salon2, unknown], undefined, "Hand-picked");
    await t.call("POST", "/segments", {
      body: {
        name: "Companies",
        entity: "accounts",
        kind: "filter",
        filter: { field: "status", op: "eq", value: "customer" },
      },
    });
    // A segment whose filter no longer runs (a field since removed) is left out.
    await t.database.db
      .updateTable("segments")
      .set({ filter: JSON.stringify({ field: "shoeSize", op: "eq", value: 42 }) })
      .where("name", "=", "Buyers")
      .execute();
    const fine = await t.call("POST", "/segments", {
      body: { name: "Salon", kind: "filter", filter: { field: "source", op: "eq", value: "SALON" } },
    });
    const bySegment = (await t.call("GET", "/portfolio?by=segment")).json;
    expect(bySegment.rows).toEqual([
      { key: fine.json.id, label: "Salon", contacts: 3, customers: 1, orderTotal: 120 },
      { key: expect.any(String), label: "Hand-picked", contacts: 2, customers: 0, orderTotal: 0 },
    ]);
  });
});

describe("response delays", () => {
  it("timestamps become days since 1970 alike on both databases, across month ends, leap days and centuries", async () => {
    const instants = [
      "1970-01-01T00:00:00.000Z",
      "2000-02-29T23:59:59.999Z",
      "2024-01-31T12:00:00.000Z",
      "2024-02-29T06:00:00.000Z",
      "2024-03-01T00:00:00.000Z",
      "2025-12-31T23:30:00.500Z",
      "2026-06-15T08:45:10.250Z",
      "2100-03-01T00:00:00.000Z",
    ];
    for (const instant of instants) {
      const { rows } = await sql<{ days: number | string }>`select ${epochDays(sql`${instant}`)} as days`.execute(
        t.database.db,
      );
      expect(Number(rows[0]?.days), instant).toBeCloseTo(Date.parse(instant) / 86_400_000, 8);
    }
  });
});
