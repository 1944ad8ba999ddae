import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

describe("authentication", () => {
  it("health needs no token; everything else does", async () => {
    const health = await t.call("GET", "/health", { token: null });
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: "ok", database: t.database.kind });
    for (const path of ["/me", "/contacts", "/openapi.json", "/lookup?email=a@b.fr", "/accounts/acc_x/timeline"]) {
      const response = await t.call("GET", path, { token: null });
      expect(response.status, path).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("unknown, malformed, revoked and expired tokens are refused", async () => {
    expect((await t.call("GET", "/me", { token: "rap_not-a-real-token" })).status).toBe(401);
    expect(
      (await t.call("GET", "/me", { headers: { authorization: "Basic YWRtaW46YWRtaW4=" }, token: null })).status,
    ).toBe(401);

    const rep = await t.addUser("rep");
    const issued = await t.call("POST", "/tokens", { body: { userId: rep.id, name: "script" } });
    expect(issued.status).toBe(201);
    expect(issued.json.token).toMatch(/^rap_/);
    expect((await t.call("GET", "/me", { token: issued.json.token })).json.id).toBe(rep.id);
    expect((await t.call("DELETE", `/tokens/${issued.json.id}`)).status).toBe(204);
    expect((await t.call("GET", "/me", { token: issued.json.token })).status).toBe(401);

    const expired = await t.call("POST", "/tokens", { body: { userId: rep.id, expiresAt: "2020-01-01T00:00:00Z" } });
    expect((await t.call("GET", "/me", { token: expired.json.token })).status).toBe(401);
  });

  it("a token does only what its scopes allow: read, write, admin", async () => {
    const made = async (scopes: string[]) => {
      const response = await t.call("POST", "/tokens", {
        body: { userId: t.admin.id, name: scopes.join("+"), scopes },
      });
      expect(response.status).toBe(201);
      expect(response.json.scopes).toEqual(scopes);
      return response.json.token as string;
    };
    const reader = await made(["read"]);
    expect((await t.call("GET", "/contacts", { token: reader })).status).toBe(200);
    const write = await t.call("POST", "/contacts", { body: { lastName: "Lu" }, token: reader });
    expect(write.status).toBe(403);
    expect(write.json.detail).toBe("This token may not write: its scopes are read.");
    expect(await t.rowCount("contacts")).toBe(0);

    const writer = await made(["read", "write"]);
    expect((await t.call("POST", "/contacts", { body: { lastName: "Lu" }, token: writer })).status).toBe(201);
    const users = await t.call("GET", "/users", { token: writer });
    expect(users.status).toBe(403);
    expect(users.json.detail).toBe("This token lacks the admin scope, needed to manage users and tokens.");
    const writeOnly = await made(["write"]);
    expect((await t.call("GET", "/contacts", { token: writeOnly })).status).toBe(403);
    expect((await t.call("POST", "/tokens", { body: { userId: t.admin.id, scopes: ["root"] } })).status).toBe(422);
  });

  it("tokens are stored hashed", async () => {
    const rep = await t.addUser("rep");
    const rows = await t.database.db
      .selectFrom("api_tokens")
      .select("token_hash")
      .where("user_id", "=", rep.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toContain(rep.token);
  });

  it("only admins manage users and tokens", async () => {
    const rep = await t.addUser("rep");
    expect((await t.call("POST", "/users", { body: { email: "x@y.fr", name: "X" }, token: rep.token })).status).toBe(
      403,
    );
    expect((await t.call("POST", "/tokens", { body: { userId: rep.id }, token: rep.token })).status).toBe(403);
    const created = await t.call("POST", "/users", {
      body: { email: "Nadia@Rapport.test", name: "Nadia", role: "manager" },
    });
    expect(created.json).toMatchObject({ email: "nadia@rapport.test", role: "manager" });
    expect((await t.call("POST", "/users", { body: { email: "nadia@rapport.test", name: "Again" } })).status).toBe(409);
  });

  it("every write leaves an audit entry with who and which request", async () => {
    const created = await t.call("POST", "/accounts", {
      body: { name: "Audited" },
      headers: { "x-request-id": "req-audit-0001" },
    });
    await t.call("PATCH", `/accounts/${created.json.id}`, {
      body: { industry: "Audit" },
      headers: { "if-match": "1" },
    });
    await t.call("DELETE", `/accounts/${created.json.id}`);
    const entries = await t.database.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("entity_id", "=", created.json.id)
      .orderBy("at")
      .execute();
    expect(entries.map((e) => e.action)).toEqual(["create", "update", "delete"]);
    expect(entries.every((e) => e.user_id === t.admin.id)).toBe(true);
    expect(entries[0]?.request_id).toBe("req-audit-0001");
    expect(JSON.parse(entries[1]?.detail ?? "{}")).toEqual({ changed: { industry: { from: null, to: "Audit" } } });
  });
});
