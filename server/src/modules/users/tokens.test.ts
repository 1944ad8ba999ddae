import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

describe("listing API tokens", () => {
  it("lists every token newest first, revoked ones with their date, never a secret or hash", async () => {
    const rep = await t.addUser("rep");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const first = await t.call("POST", "/tokens", { body: { userId: rep.id, name: "laptop", scopes: ["read"] } });
    // Creation times are in milliseconds: make sure the two differ, so the order is the test's subject.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await t.call("POST", "/tokens", { body: { userId: rep.id, name: "script" } });
    expect((await t.call("DELETE", `/tokens/${first.json.id}`)).status).toBe(204);

    const listed = await t.call("GET", `/tokens?userId=${rep.id}`);
    expect(listed.status).toBe(200);
    // addUser issued one token before these two.
    expect(listed.json.items.map((token: { name: string }) => token.name)).toEqual(["script", "laptop", "test"]);
    const [latest, revoked] = listed.json.items;
    expect(latest).toMatchObject({
      id: second.json.id,
      userId: rep.id,
      scopes: ["read", "write", "admin"],
      revokedAt: null,
    });
    expect(revoked).toMatchObject({ id: first.json.id, scopes: ["read"] });
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect(listed.text).not.toContain(second.json.token);
    expect(listed.text).not.toMatch(/rap_|token_hash|tokenHash/);
  });

  it("without a user, lists everyone's tokens", async () => {
    const rep = await t.addUser("rep");
    const all = await t.call("GET", "/tokens");
    expect(all.status).toBe(200);
    expect(new Set(all.json.items.map((token: { userId: string }) => token.userId))).toEqual(
      new Set([t.admin.id, rep.id]),
    );
  });

  it("is for admins only, and refuses a malformed filter", async () => {
    const rep = await t.addUser("rep");
    expect((await t.call("GET", "/tokens", { token: rep.token })).status).toBe(403);
    expect((await t.call("GET", "/tokens?user=x")).status).toBe(422);
  });
});

describe("a token's last use", () => {
  it("is stamped without holding up the request behind a write in progress", async () => {
    const rep = await t.addUser("rep");
    const lastUsed = () =>
      t.database.reader
        .selectFrom("api_tokens")
        .select("last_used_at")
        .where("user_id", "=", rep.id)
        .executeTakeFirst();
    await t.database.db.transaction().execute(async (tx) => {
      // Holds the writing connection (SQLite) and the token's row (PostgreSQL), as an import's
      // transaction may: the request must answer before it ends, not wait for it.
      await tx.updateTable("api_tokens").set({ name: "busy" }).where("user_id", "=", rep.id).execute();
      expect((await t.call("GET", "/lookup?email=nobody%40example.org", { token: rep.token })).status).toBe(200);
      expect((await lastUsed())?.last_used_at).toBeNull();
    });
    for (let tries = 0; (await lastUsed())?.last_used_at == null && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await lastUsed())?.last_used_at).toEqual(expect.any(String));
  });
});
