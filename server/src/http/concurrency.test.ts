import { describe, expect, it } from "vitest";
import { useTestApp } from "../testing/test-app.ts";

const t = useTestApp();

describe("optimistic concurrency with If-Match", () => {
  it("an update without If-Match is refused with 428", async () => {
    const account = await t.call("POST", "/accounts", { body: { name: "Acme" } });
    const response = await t.call("PATCH", `/accounts/${account.json.id}`, { body: { industry: "Retail" } });
    expect(response.status).toBe(428);
  });

  it("a stale version gets 412 with the current record, and the newer change stands", async () => {
    const account = await t.call("POST", "/accounts", { body: { name: "Acme" } });
    const first = await t.call("PATCH", `/accounts/${account.json.id}`, {
      body: { industry: "Retail" },
      headers: { "if-match": '"1"' },
    });
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(2);
    const stale = await t.call("PATCH", `/accounts/${account.json.id}`, {
      body: { industry: "Banking" },
      headers: { "if-match": 'W/"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.json.code).toBe("version_conflict");
    expect(stale.json.current).toMatchObject({ version: 2, industry: "Retail" });
    expect((await t.call("GET", `/accounts/${account.json.id}`)).json.industry).toBe("Retail");
  });

  it("of two clients updating the same version at once, exactly one wins", async () => {
    const contact = await t.call("POST", "/contacts", { body: { lastName: "Durand" } });
    const attempts = await Promise.all(
      ["Alice", "Bruno", "Chloé", "Denis"].map((firstName) =>
        t.call("PATCH", `/contacts/${contact.json.id}`, { body: { firstName }, headers: { "if-match": "1" } }),
      ),
    );
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412]);
    const winner = attempts.find((a) => a.status === 200);
    const stored = await t.call("GET", `/contacts/${contact.json.id}`);
    expect(stored.json).toMatchObject({ version: 2, firstName: winner?.json.firstName });
    const audits = await t.database.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("entity_id", "=", contact.json.id)
      .where("action", "=", "update")
      .execute();
    expect(audits).toHaveLength(1);
  });

  it("a delete with a stale If-Match is refused and the record stays", async () => {
    const contact = await t.call("POST", "/contacts", { body: { lastName: "Durand" } });
    await t.call("PATCH", `/contacts/${contact.json.id}`, { body: { firstName: "Ana" }, headers: { "if-match": "1" } });
    const stale = await t.call("DELETE", `/contacts/${contact.json.id}`, { headers: { "if-match": "1" } });
    expect(stale.status).toBe(412);
    const fresh = await t.call("DELETE", `/contacts/${contact.json.id}`, { headers: { "if-match": "2" } });
    expect(fresh.status).toBe(204);
    expect((await t.call("GET", `/contacts/${contact.json.id}`)).status).toBe(404);
  });

  it("a failing step rolls the whole write back: no half-written order", async () => {
    const account = await t.call("POST", "/accounts", { body: { name: "Acme" } });
    const product = await t.call("POST", "/products", { body: { code: "P-1", name: "Widget", listPrice: 10 } });
    const response = await t.call("POST", "/orders", {
      body: {
        accountId: account.json.id,
        orderedAt: "2026-03-01",
        lines: [
          { productId: product.json.id, quantity: 2 },
          { productId: "prd_missing", quantity: 1 },
        ],
      },
    });
    expect(response.status).toBe(422);
    expect(response.json.errors[0].path).toBe("lines.1.productId");
    const orders = await t.database.db.selectFrom("orders").select("id").execute();
    const lines = await t.database.db.selectFrom("order_lines").select("order_id").execute();
    expect(orders).toHaveLength(0);
    expect(lines).toHaveLength(0);
  });

  it("a create retried with the same Idempotency-Key makes one record and replays the answer", async () => {
    const headers = { "idempotency-key": "push-chunk-0001" };
    const body = { name: "Retry SARL" };
    const attempts = await Promise.all([1, 2, 3].map(() => t.call("POST", "/accounts", { body, headers })));
    const created = attempts.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(attempts.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    const replay = await t.call("POST", "/accounts", { body, headers });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.id).toBe(created[0]?.json.id);
    expect((await t.call("GET", "/accounts")).json.items).toHaveLength(1);
    const otherBody = await t.call("POST", "/accounts", { body: { name: "Autre" }, headers });
    expect(otherBody.status).toBe(422);
  });
});
