import { describe, expect, it } from "vitest";
import { type TestUser, useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

type Deal = { id: string; name: string; weightedAmount: number | null; lastActivityAt: string | null };

async function deal(owner: TestUser, accountId: string, body: Record<string, unknown>): Promise<Deal> {
  const answer = await t.call("POST", "/opportunities", { token: owner.token, body: { accountId, ...body } });
  expect(answer.status).toBe(201);
  return answer.json;
}

/** Two teams, the first with a sub-team: a manager, a rep in each, an account per rep. */
async function world() {
  const north = await t.addTeam("North");
  const south = await t.addTeam("South");
  const manager = await t.addUser("manager", north.id);
  const rep = await t.addUser("rep", north.id);
  const outsider = await t.addUser("rep", south.id);
  const account = async (user: TestUser, name: string) =>
    (await t.call("POST", "/accounts", { token: user.token, body: { name } })).json.id as string;
  return {
    manager,
    rep,
    outsider,
    repAccount: await account(rep, "Acme"),
    outAccount: await account(outsider, "Globex"),
  };
}

describe("pipeline", () => {
  it("lists deals soonest close first with account, owner, weighted amount and last activity", async () => {
    const w = await world();
    const late = await deal(w.rep, w.repAccount, { name: "Late", amount: 1000, expectedCloseDate: "2026-12-20" });
    await deal(w.rep, w.repAccount, { name: "Soon", amount: 2000, stage: "proposal", expectedCloseDate: "2026-12-01" });
    await deal(w.rep, w.repAccount, { name: "Undated", amount: null });
    await deal(w.rep, w.repAccount, { name: "Won", amount: 5000, stage: "won", expectedCloseDate: "2026-11-01" });
    await t.call("POST", "/activities", {
      token: w.rep.token,
      body: { type: "call", occurredAt: "2026-11-20T10:00:00Z", opportunityId: late.id, accountId: w.repAccount },
    });

    const page = (await t.call("GET", "/pipeline?scope=mine", { token: w.rep.token })).json;
    expect(page.items.map((d: Deal) => d.name)).toEqual(["Soon", "Late", "Undated"]);
    expect(page.items[0]).toMatchObject({ accountName: "Acme", ownerName: "Test rep", probability: 50 });
    expect(page.items[0].weightedAmount).toBe(1000);
    expect(page.items[1].lastActivityAt).toBe("2026-11-20T10:00:00.000Z");
    expect(page.items[2].weightedAmount).toBeNull();

    const withClosed = (await t.call("GET", "/pipeline?includeClosed=true&closeTo=2026-12-05", { token: w.rep.token }))
      .json;
    expect(withClosed.items.map((d: Deal) => d.name)).toEqual(["Won", "Soon"]);
  });

  it("pages with a cursor and never repeats or skips a deal", async () => {
    const w = await world();
    for (let i = 0; i < 7; i++) {
      await deal(w.rep, w.repAccount, { name: `D${i}`, expectedCloseDate: i % 2 ? "2026-12-01" : null });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page = (await t.call("GET", `/pipeline?limit=3${query}`, { token: w.rep.token })).json;
      seen.push(...page.items.map((d: Deal) => d.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 3)).toEqual(["D1", "D3", "D5"]);
  });

  it("scopes to me, my team or all I may see, and never shows another team's deals or totals", async () => {
    const w = await world();
    await deal(w.rep, w.repAccount, { name: "Rep deal", amount: 100, currency: "EUR" });
    await deal(w.manager, w.repAccount, { name: "Manager deal", amount: 300, currency: "USD" });
    await deal(w.outsider, w.outAccount, { name: "Secret", amount: 999_999 });

    const names = async (user: TestUser, query: string) =>
      (await t.call("GET", `/pipeline?${query}`, { token: user.token })).json.items.map((d: Deal) => d.name).sort();
    expect(await names(w.manager, "scope=mine")).toEqual(["Manager deal"]);
    expect(await names(w.manager, "scope=team")).toEqual(["Manager deal", "Rep deal"]);
    expect(await names(w.rep, "scope=all")).toEqual(["Manager deal", "Rep deal"]);
    expect(await names(w.manager, "scope=all&currency=USD")).toEqual(["Manager deal"]);
    expect(await names(t.admin, "scope=team")).toEqual([]);
    expect(await names(t.admin, "scope=all")).toEqual(["Manager deal", "Rep deal", "Secret"]);

    const summary = (await t.call("GET", "/pipeline/summary", { token: w.rep.token })).json;
    expect(summary.rows).toHaveLength(2);
    expect(summary.rows.map((r: { amount: number }) => r.amount).sort()).toEqual([100, 300]);
    expect(JSON.stringify(summary)).not.toContain("999999");
  });

  it("sums weighted amounts per stage with each stage's default probability", async () => {
    const w = await world();
    await deal(w.rep, w.repAccount, { name: "A", amount: 1000, stage: "negotiation" });
    await deal(w.rep, w.repAccount, { name: "B", amount: 500, stage: "negotiation", probability: 90 });
    await deal(w.rep, w.repAccount, { name: "C", amount: 200, stage: "lead" });
    const rows = (await t.call("GET", "/pipeline/summary?scope=mine", { token: w.rep.token })).json.rows;
    expect(rows).toEqual([
      expect.objectContaining({ stage: "lead", deals: 1, amount: 200, weightedAmount: 20 }),
      expect.objectContaining({ stage: "negotiation", deals: 2, amount: 1500, weightedAmount: 1200 }),
    ]);
  });

  it("answers bad filters with the field at fault", async () => {
    const w = await world();
    const bad = await t.call("GET", "/pipeline?scope=everyone&closeFrom=tomorrow", { token: w.rep.token });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(["closeFrom", "scope"]);
    const cursor = await t.call("GET", "/pipeline?cursor=garbage", { token: w.rep.token });
    expect(cursor.status).toBe(400);
    expect((await t.call("GET", "/pipeline", { token: null })).status).toBe(401);
  });
});
