import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

describe("accounts", () => {
  it("the timeline merges activities, orders, stage changes and cases, newest first, across pages", async () => {
    const account = (await t.call("POST", "/accounts", { body: { name: "Initech SARL", domains: ["initech.fr"] } }))
      .json;
    const product = (
      await t.call("POST", "/products", { body: { code: "SUP-12", name: "Support 12 mois", listPrice: 1200 } })
    ).json;
    for (const day of ["01", "03", "05"]) {
      await t.call("POST", "/activities", {
        body: { type: "call", subject: `Call ${day}`, occurredAt: `2026-09-${day}T10:00:00Z`, accountId: account.id },
      });
    }
    await t.call("POST", "/orders", {
      body: {
        accountId: account.id,
        orderedAt: "2026-09-04",
        reference: "BC-1",
        lines: [{ productId: product.id, quantity: 2, discountRate: 10 }],
      },
    });
    const deal = (
      await t.call("POST", "/opportunities", { body: { accountId: account.id, name: "Extension", amount: 5000 } })
    ).json;
    await t.call("PATCH", `/opportunities/${deal.id}`, { body: { stage: "qualified" }, headers: { "if-match": "1" } });
    await t.call("POST", "/cases", {
      body: { subject: "Panne", accountId: account.id, openedAt: "2026-09-02T08:00:00Z" },
    });

    const seen: Array<{ kind: string; at: string; recordId: string; title: string }> = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : "?limit=3";
      const page = await t.call("GET", `/accounts/${account.id}/timeline${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);

    expect(seen).toHaveLength(3 + 1 + 2 + 1);
    expect(new Set(seen.map((e) => e.recordId)).size).toBe(seen.length);
    const times = seen.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(seen.map((e) => e.kind))).toEqual(new Set(["activity", "order", "stage_change", "case"]));
    expect(seen.find((e) => e.kind === "order")?.title).toBe("Order BC-1: 2160.00 EUR");
    expect(seen.filter((e) => e.kind === "stage_change").map((e) => e.title)).toContain("Extension: lead → qualified");

    const onlyCases = await t.call("GET", `/accounts/${account.id}/timeline?kind=case`);
    expect(onlyCases.json.items.map((e: { kind: string }) => e.kind)).toEqual(["case"]);
  });

  it("the timeline of an unknown account is a 404", async () => {
    expect((await t.call("GET", "/accounts/acc_unknown/timeline")).status).toBe(404);
  });

  it("an account still holding deals cannot be deleted; its contacts are kept, unlinked, when it can", async () => {
    const account = (await t.call("POST", "/accounts", { body: { name: "Hooli" } })).json;
    const contact = (await t.call("POST", "/contacts", { body: { lastName: "Belson", accountId: account.id } })).json;
    const deal = (await t.call("POST", "/opportunities", { body: { accountId: account.id, name: "Box" } })).json;
    const refused = await t.call("DELETE", `/accounts/${account.id}`);
    expect(refused.status).toBe(409);
    await t.call("DELETE", `/opportunities/${deal.id}`);
    expect((await t.call("DELETE", `/accounts/${account.id}`)).status).toBe(204);
    expect((await t.call("GET", `/contacts/${contact.id}`)).json.accountId).toBeNull();
  });

  it("lists with filters and cursor pagination, in a stable order", async () => {
    for (let i = 0; i < 23; i++) {
      await t.call("POST", "/accounts", {
        body: { name: `Société ${i}`, status: i % 2 ? "customer" : "prospect", tags: i % 5 ? [] : ["vip"] },
      });
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.call("GET", `/accounts?limit=10${cursor ? `&cursor=${cursor}` : ""}`);
      ids.push(...page.json.items.map((a: { id: string }) => a.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(23);
    expect([...ids].sort()).toEqual(ids);
    expect((await t.call("GET", "/accounts?status=customer&limit=100")).json.items).toHaveLength(11);
    expect((await t.call("GET", "/accounts?tag=vip")).json.items).toHaveLength(5);
    expect((await t.call("GET", "/accounts?q=SOCIETE%2022")).json.items).toHaveLength(1);
  });
});
