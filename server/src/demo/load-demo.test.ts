import { describe, expect, it } from "vitest";
import { useTestApp } from "../testing/test-app.ts";
import { DEMO_SIZE, loadDemo } from "./load-demo.ts";
import { ACTIVITY_TYPES, OPPORTUNITY_STAGES } from "./synthetic/index.ts";

const t = useTestApp();

type Row = Record<string, unknown>;

/** Every item of a list endpoint, page by page. */
async function all(path: string): Promise<Row[]> {
  const items: Row[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const page = await t.call("GET", `${path}${sep}limit=500${cursor ? `&cursor=${cursor}` : ""}`);
    expect(page.status).toBe(200);
    items.push(...page.json.items);
    cursor = page.json.nextCursor;
  } while (cursor);
  return items;
}

describe("demo workspace", () => {
  it("loads through the services, with every activity type and deal stage, once", async () => {
    const summary = await loadDemo(t.database, t.config);
    expect(summary).toMatch(/^25 accounts, 80 contacts, 140 activities, 30 opportunities/);

    const [accounts, contacts, activities, opportunities, products, orders, cases] = await Promise.all([
      all("/accounts"),
      all("/contacts"),
      all("/activities"),
      all("/opportunities"),
      all("/products"),
      all("/orders"),
      all("/cases"),
    ]);
    expect(accounts).toHaveLength(DEMO_SIZE.accounts);
    expect(contacts).toHaveLength(DEMO_SIZE.contacts);
    expect(activities).toHaveLength(140);
    expect(opportunities).toHaveLength(DEMO_SIZE.opportunities);
    expect(products).toHaveLength(DEMO_SIZE.products);
    expect(orders).toHaveLength(DEMO_SIZE.orders);
    expect(cases).toHaveLength(DEMO_SIZE.cases);

    expect(new Set(activities.map((a) => a.type))).toEqual(new Set(ACTIVITY_TYPES));
    expect(new Set(opportunities.map((o) => o.stage))).toEqual(new Set(OPPORTUNITY_STAGES));
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(["open", "pending", "resolved", "closed"]));
    // Deals were moved stage by stage, so some carry a history longer than their creation.
    expect(opportunities.some((o) => (o.stageHistory as unknown[]).length >= 3)).toBe(true);
    // Accounts have web domains; people have accents, several addresses, phones stored in E.164.
    expect(accounts.every((a) => (a.domains as string[]).length > 0)).toBe(true);
    expect(contacts.some((c) => /[À-ÿŁł]/.test(`${c.firstName}${c.lastName}`))).toBe(true);
    expect(contacts.some((c) => (c.emails as string[]).length >= 2)).toBe(true);
    const phones = contacts.flatMap((c) => c.phones as string[]);
    expect(phones.length).toBeGreaterThan(40);
    expect(phones.every((p) => /^\+[1-9]\d{6,14}$/.test(p))).toBe(true);
    // Mail was logged with addresses only, and linked to the contacts and accounts behind them.
    const mails = activities.filter((a) => a.type === "email");
    expect(mails.every((a) => (a.participants as Row[]).some((p) => typeof p.contactId === "string"))).toBe(true);
    expect(mails.filter((a) => a.accountId !== null).length).toBeGreaterThan(mails.length / 2);
    // Several users own the records, and each write left an audit entry.
    expect(new Set(accounts.map((a) => a.ownerId)).size).toBeGreaterThanOrEqual(3);
    const audit = await t.database.db
      .selectFrom("audit_entries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(audit.n)).toBeGreaterThanOrEqual(
      accounts.length + contacts.length + activities.length + opportunities.length,
    );

    // The marketer starts with segments that run, and buyers have their scores.
    const segments = await all("/segments");
    expect(segments).toHaveLength(3);
    for (const segment of segments) {
      const count = await t.call("GET", `/segments/${segment.id}/count`);
      expect(count.status, String(segment.name)).toBe(200);
    }
    expect((await t.call("GET", "/rfm")).json).toMatchObject({ status: "done", periodMonths: 24 });
    const values = await Promise.all(contacts.map(async (c) => (await t.call("GET", `/contacts/${c.id}/value`)).json));
    expect(values.filter((v) => v.rfm !== null).length).toBeGreaterThan(5);
    expect(values.some((v) => v.productCategory !== null)).toBe(true);

    expect(await loadDemo(t.database, t.config)).toBeNull();
    expect(await all("/accounts")).toHaveLength(DEMO_SIZE.accounts);
  });

  it("gives accounts a timeline of several kinds and answers lookups by any address", async () => {
    await loadDemo(t.database, t.config);
    const accounts = await all("/accounts");
    const kindsPerAccount = await Promise.all(
      accounts.map(async (a) => {
        const timeline = await t.call("GET", `/accounts/${a.id}/timeline`);
        expect(timeline.status).toBe(200);
        return new Set((timeline.json.items as Row[]).map((e) => e.kind));
      }),
    );
    expect(kindsPerAccount.some((kinds) => kinds.size === 4)).toBe(true);
    expect(kindsPerAccount.filter((kinds) => kinds.size >= 3).length).toBeGreaterThan(5);

    const contacts = await all("/contacts");
    const person = contacts.find((c) => (c.emails as string[]).length >= 2 && c.accountId);
    expect(person).toBeDefined();
    const secondary = ((person as Row).emails as string[])[1] as string;
    const lookup = await t.call("GET", `/lookup?email=${encodeURIComponent(secondary.toUpperCase())}`);
    expect(lookup.status).toBe(200);
    const [result] = lookup.json.results;
    expect(result.contact.id).toBe(person?.id);
    expect(result.account.id).toBe(person?.accountId);
    expect(result.reasons.map((r: Row) => r.code)).toEqual(["same_email", "contact_account"]);
  });
});
