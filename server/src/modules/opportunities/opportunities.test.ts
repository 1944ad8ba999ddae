import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

describe("opportunities, orders and cases", () => {
  it("a deal keeps its stage history and takes each stage's default probability", async () => {
    const account = (await t.call("POST", "/accounts", { body: { name: "Umbrella" } })).json;
    const deal = (
      await t.call("POST", "/opportunities", { body: { accountId: account.id, name: "Vaccins", amount: 90000 } })
    ).json;
    expect(deal).toMatchObject({ stage: "lead", probability: 10, currency: "EUR", version: 1 });
    const moved = await t.call("PATCH", `/opportunities/${deal.id}`, {
      body: { stage: "negotiation" },
      headers: { "if-match": "1" },
    });
    expect(moved.json).toMatchObject({ stage: "negotiation", probability: 75 });
    const custom = await t.call("PATCH", `/opportunities/${deal.id}`, {
      body: { stage: "proposal", probability: 60 },
      headers: { "if-match": "2" },
    });
    expect(custom.json.probability).toBe(60);
    const renamed = await t.call("PATCH", `/opportunities/${deal.id}`, {
      body: { name: "Vaccins 2027" },
      headers: { "if-match": "3" },
    });
    expect(renamed.json.stageHistory.map((s: { from: string | null; to: string }) => [s.from, s.to])).toEqual([
      [null, "lead"],
      ["lead", "negotiation"],
      ["negotiation", "proposal"],
    ]);
    expect((await t.call("GET", "/opportunities?open=false")).json.items).toHaveLength(0);
  });

  it("an order prices its lines from the catalogue and totals them", async () => {
    const account = (await t.call("POST", "/accounts", { body: { name: "Wayne SA" } })).json;
    const chair = (
      await t.call("POST", "/products", { body: { code: "CH-1", name: "Chaise", listPrice: 49.9, warrantyMonths: 24 } })
    ).json;
    const desk = (await t.call("POST", "/products", { body: { code: "DK-1", name: "Bureau", listPrice: 300 } })).json;
    const order = await t.call("POST", "/orders", {
      body: {
        accountId: account.id,
        orderedAt: "2026-06-30",
        lines: [
          { productId: chair.id, quantity: 3, discountRate: 5 },
          { productId: desk.id, quantity: 1, unitPrice: 280 },
        ],
      },
    });
    expect(order.status).toBe(201);
    expect(order.json.lines.map((l: { lineTotal: number }) => l.lineTotal)).toEqual([142.22, 280]);
    expect(order.json.total).toBe(422.22);
    const duplicateCode = await t.call("POST", "/products", { body: { code: "CH-1", name: "Autre", listPrice: 1 } });
    expect(duplicateCode.status).toBe(409);
  });

  it("closing a case stamps closedAt; reopening clears it", async () => {
    const account = (await t.call("POST", "/accounts", { body: { name: "Stark" } })).json;
    const kase = (
      await t.call("POST", "/cases", { body: { subject: "Armure rayée", accountId: account.id, priority: "high" } })
    ).json;
    expect(kase).toMatchObject({ status: "open", closedAt: null });
    const closed = await t.call("PATCH", `/cases/${kase.id}`, {
      body: { status: "resolved" },
      headers: { "if-match": "1" },
    });
    expect(closed.json.closedAt).not.toBeNull();
    const reopened = await t.call("PATCH", `/cases/${kase.id}`, {
      body: { status: "open" },
      headers: { "if-match": "2" },
    });
    expect(reopened.json.closedAt).toBeNull();
    expect((await t.call("POST", "/cases", { body: { subject: "Orphan" } })).status).toBe(422);
  });

  it("every list takes ?q= on the field people name the record by, ignoring case", async () => {
    const account = (await t.call("POST", "/accounts", { body: { name: "Oscorp" } })).json;
    await t.call("POST", "/opportunities", { body: { accountId: account.id, name: "Renouvellement PARC 2027" } });
    await t.call("POST", "/opportunities", { body: { accountId: account.id, name: "Formation" } });
    await t.call("POST", "/cases", { body: { subject: "Écran FISSURÉ", accountId: account.id } });
    await t.call("POST", "/products", { body: { code: "SRV-24", name: "Contrat de service", listPrice: 90 } });
    await t.call("POST", "/activities", {
      body: { type: "call", subject: "Relance devis", occurredAt: "2026-10-01T10:00:00Z" },
    });
    const names = async (path: string, field: string) =>
      (await t.call("GET", path)).json.items.map((item: Record<string, unknown>) => item[field]);
    expect(await names("/opportunities?q=parc", "name")).toEqual(["Renouvellement PARC 2027"]);
    expect(await names("/cases?q=fissur", "subject")).toEqual(["Écran FISSURÉ"]);
    expect(await names("/products?q=srv", "code")).toEqual(["SRV-24"]);
    expect(await names("/products?q=SERVICE", "code")).toEqual(["SRV-24"]);
    expect(await names("/activities?q=DEVIS", "subject")).toEqual(["Relance devis"]);
  });
});
