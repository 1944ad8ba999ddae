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
