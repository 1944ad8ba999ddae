import { lifetimeValue, quintileScores } from "@rapport/shared/marketing";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";
import { periodStart } from "./rfm-run.ts";

const t = useTestApp();

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function recompute(body: Record<string, unknown> = {}, token?: string) {
  const started = await t.call("POST", "/rfm/recompute", { body, token });
  expect(started.status, JSON.stringify(started.json)).toBe(200);
  expect(started.json.status).toBe("running");
  for (;;) {
    const run = (await t.call("GET", "/rfm")).json;
    if (run.status !== "running") return run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Six buyers with known orders, one contact who never bought, and two product categories. */
async function customers() {
  const chair = (
    await t.call("POST", "/products", { body: { code: "CH", name: "Chaise", listPrice: 100, category: "furniture" } })
  ).json;
  const course = (
    await t.call("POST", "/products", {
      body: { code: "TR", name: "Formation", listPrice: 1000, category: "training" },
    })
  ).json;
  const account = (await t.call("POST", "/accounts", { body: { name: "Acme" } })).json;
  const contact = async (lastName: string) =>
    (await t.call("POST", "/contacts", { body: { lastName } })).json.id as string;
  const order = async (contactId: string, orderedAt: string, lines: Array<[string, number]>, status = "delivered") => {
    const response = await t.call("POST", "/orders", {
      body: {
        accountId: account.id,
        contactId,
        orderedAt,
        status,
        lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
      },
    });
    expect(response.status).toBe(201);
    return response.json;
  };
  // name: [days ago of each order, chairs, courses]
  const plan: Record<string, Array<[number, number, number]>> = {
    ana: [[5, 1, 0]],
    ben: [
      [40, 2, 0],
      [20, 1, 0],
    ],
    cyd: [
      [100, 0, 1],
      [90, 1, 0],
      [80, 1, 0],
    ],
    dee: [[200, 3, 0]],
    eli: [
      [300, 0, 2],
      [10, 5, 0],
    ],
    fay: [[400, 1, 0]],
  };
  const ids: Record<string, string> = {};
  for (const [name, orders] of Object.entries(plan)) {
    ids[name] = await contact(name);
    for (const [days, chairs, courses] of orders) {
      const lines: Array<[string, number]> = [];
      if (chairs) lines.push([chair.id, chairs]);
      if (courses) lines.push([course.id, courses]);
      await order(ids[name] as string, daysAgo(days), lines);
    }
  }
  ids.never = await contact("never");
  // Neither a draft nor a cancelled order is a sale.
  await order(ids.never, daysAgo(3), [[course.id, 9]], "cancelled");
  await order(ids.never, daysAgo(3), [[course.id, 9]], "draft");
  return { ids, plan, order, course, chair };
}

describe("customer value", () => {
  it("scores every buyer by quintile and prices their lifetime, as the documented formulas say", async () => {
    const { ids, plan } = await customers();
    const run = await recompute({ periodMonths: 24 });
    expect(run).toMatchObject({ status: "done", periodMonths: 24, scored: 6, error: null });

    const names = Object.keys(plan);
    const spent = names.map((n) =>
      (plan[n] ?? []).reduce((sum, [, chairs, courses]) => sum + chairs * 100 + courses * 1000, 0),
    );
    const recency = quintileScores(names.map((n) => -Math.min(...(plan[n] ?? []).map(([days]) => days))));
    const frequency = quintileScores(names.map((n) => (plan[n] ?? []).length));
    const monetary = quintileScores(spent);
    const settings = (await t.call("GET", "/settings/marketing")).json;
    for (const [i, name] of names.entries()) {
      const value = (await t.call("GET", `/contacts/${ids[name]}/value`)).json;
      expect(value, name).toMatchObject({
        orderCount: (plan[name] ?? []).length,
        orderTotal: spent[i],
        recencyScore: recency[i],
        frequencyScore: frequency[i],
        monetaryScore: monetary[i],
        rfm: `${recency[i]}${frequency[i]}${monetary[i]}`,
        lifetimeValue: lifetimeValue(spent[i] as number, 24, settings.lifetimeValue),
      });
    }
    // Hand-checked: Ana bought most recently, Cyd most often; Eli spent most (2 courses + 5 chairs).
    const value = async (name: string) => (await t.call("GET", `/contacts/${ids[name]}/value`)).json;
    expect((await value("ana")).recencyScore).toBe(5);
    expect((await value("cyd")).frequencyScore).toBe(5);
    expect(await value("eli")).toMatchObject({ monetaryScore: 5, productCategory: "training" });
    expect((await value("ben")).productCategory).toBe("furniture");
    expect(await value("never")).toMatchObject({
      orderCount: 0,
      rfm: null,
      lifetimeValue: null,
      productCategory: null,
    });
  });

  it("a later run with a shorter period drops those who bought nothing in it, and segments see the scores", async () => {
    const { ids } = await customers();
    await recompute({ periodMonths: 24 });
    const run = await recompute({ periodMonths: 6 });
    // Dee (200 days ago) and Fay (400) bought nothing in the last 6 months; Eli did, 10 days ago.
    expect(run.scored).toBe(4);
    const fay = (await t.call("GET", `/contacts/${ids.fay}/value`)).json;
    expect(fay).toMatchObject({ orderCount: 1, recencyScore: null, rfm: null, lifetimeValue: null });
    expect(fay.scoredAt).not.toBeNull();

    const best = await t.call("POST", "/segments/preview", {
      body: {
        filter: {
          and: [
            { field: "monetaryScore", op: "gte", value: 4 },
            { field: "productCategory", op: "eq", value: "Training" },
          ],
        },
      },
    });
    // In the last 6 months Cyd spent most (a course 100 days ago); Eli's course is older than that.
    expect(best.json.sample.map((s: { id: string }) => s.id)).toEqual([ids.cyd]);
  });

  it("only marketers, managers and admins recompute; the value of an unseen contact is not found", async () => {
    const { ids } = await customers();
    const rep = await t.addUser("rep");
    const refused = await t.call("POST", "/rfm/recompute", { body: {}, token: rep.token });
    expect(refused.status).toBe(403);
    expect((await t.call("GET", `/contacts/${ids.ana}/value`, { token: rep.token })).status).toBe(404);
    const marketer = await t.addUser("marketer");
    expect((await recompute({}, marketer.token)).status).toBe("done");
    const bad = await t.call("POST", "/rfm/recompute", { body: { periodMonths: 0 } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].path).toBe("periodMonths");
  });
});

describe("marketing settings", () => {
  it("start from documented defaults; an admin changes a section, others may only read", async () => {
    const defaults = (await t.call("GET", "/settings/marketing")).json;
    expect(defaults).toEqual({
      pressure: { maxSolicitations: 4, periodDays: 30 },
      rfm: { periodMonths: 24 },
      lifetimeValue: { marginRate: 0.3, retentionRate: 0.7, discountRate: 0.1, horizonYears: 5 },
    });
    const marketer = await t.addUser("marketer");
    const change = { pressure: { maxSolicitations: 2, periodDays: 14 } };
    expect((await t.call("PATCH", "/settings/marketing", { body: change, token: marketer.token })).status).toBe(403);
    const changed = await t.call("PATCH", "/settings/marketing", { body: change });
    expect(changed.json).toEqual({ ...defaults, ...change });
    expect((await t.call("GET", "/settings/marketing", { token: marketer.token })).json).toEqual(changed.json);
    const bad = await t.call("PATCH", "/settings/marketing", { body: { pressure: { maxSolicitations: "two" } } });
    expect(bad.status).toBe(422);
    expect((await t.call("GET", "/settings/marketing")).json).toEqual(changed.json);
  });

  it("the scoring period starts the same day that many months back", () => {
    expect(periodStart(24, new Date("2026-11-22T10:00:00Z"))).toBe("2024-11-22");
    expect(periodStart(1, new Date("2026-03-31T10:00:00Z"))).toBe("2026-02-28");
  });
});
