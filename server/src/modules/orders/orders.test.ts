import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

async function catalogueAndCustomer(token?: string) {
  const product = (await t.call("POST", "/products", { body: { code: "LAMP-1", name: "Lampe", listPrice: 40 } })).json;
  const account = (await t.call("POST", "/accounts", { body: { name: "Lumière SAS" }, token })).json;
  return { product, account };
}

describe("orders and the shared catalogue", () => {
  it("an order's total follows its lines when they change", async () => {
    const { product, account } = await catalogueAndCustomer();
    const order = (
      await t.call("POST", "/orders", {
        body: { accountId: account.id, orderedAt: "2026-05-02", lines: [{ productId: product.id, quantity: 1 }] },
      })
    ).json;
    expect(order.total).toBe(40);
    const changed = await t.call("PATCH", `/orders/${order.id}`, {
      body: { lines: [{ productId: product.id, quantity: 3, discountRate: 10 }] },
      headers: { "if-match": "1" },
    });
    expect(changed.json).toMatchObject({ total: 108, version: 2 });
    expect(changed.json.lines).toEqual([
      { productId: product.id, quantity: 3, unitPrice: 40, discountRate: 10, lineTotal: 108 },
    ]);
    const reread = (await t.call("GET", `/orders/${order.id}`)).json;
    expect(reread).toEqual(changed.json);
  });

  it("a product still on an order cannot be deleted", async () => {
    const { product, account } = await catalogueAndCustomer();
    await t.call("POST", "/orders", {
      body: { accountId: account.id, orderedAt: "2026-05-02", lines: [{ productId: product.id, quantity: 1 }] },
    });
    expect((await t.call("DELETE", `/products/${product.id}`)).status).toBe(409);
    expect((await t.call("GET", `/products/${product.id}`)).status).toBe(200);
  });

  it("every rep sees the catalogue and may order from it, but not another team's customers", async () => {
    const north = await t.addTeam("Nord");
    const south = await t.addTeam("Sud");
    const repNorth = await t.addUser("rep", north.id);
    const repSouth = await t.addUser("rep", south.id);
    const { product, account } = await catalogueAndCustomer(repNorth.token);
    expect((await t.call("GET", `/products/${product.id}`, { token: repSouth.token })).status).toBe(200);
    const order = await t.call("POST", "/orders", {
      body: { accountId: account.id, orderedAt: "2026-05-02", lines: [{ productId: product.id, quantity: 2 }] },
      token: repNorth.token,
    });
    expect(order.status).toBe(201);
    expect(order.json.ownerId).toBe(repNorth.id);
    const foreign = await t.call("POST", "/orders", {
      body: { accountId: account.id, orderedAt: "2026-05-02", lines: [{ productId: product.id, quantity: 2 }] },
      token: repSouth.token,
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.errors[0].path).toBe("accountId");
    for (const path of [`/orders/${order.json.id}`, `/accounts/${account.id}`, `/accounts/${account.id}/timeline`]) {
      expect((await t.call("GET", path, { token: repSouth.token })).status, path).toBe(404);
    }
    expect((await t.call("GET", "/orders", { token: repSouth.token })).json.items).toEqual([]);
    expect((await t.call("GET", "/orders", { token: repNorth.token })).json.items).toHaveLength(1);
  });

  it("a record can be given to another user, who then owns it with their team", async () => {
    const team = await t.addTeam("Grands comptes");
    const rep = await t.addUser("rep", team.id);
    const { account } = await catalogueAndCustomer();
    const moved = await t.call("PATCH", `/accounts/${account.id}`, {
      body: { ownerId: rep.id },
      headers: { "if-match": "1" },
    });
    expect(moved.json).toMatchObject({ ownerId: rep.id, teamId: team.id });
    expect((await t.call("GET", `/accounts/${account.id}`, { token: rep.token })).status).toBe(200);
    const nobody = await t.call("PATCH", `/accounts/${account.id}`, {
      body: { ownerId: "usr_nobody" },
      headers: { "if-match": "2" },
    });
    expect(nobody.status).toBe(422);
    expect(nobody.json.errors[0].path).toBe("ownerId");
  });
});
