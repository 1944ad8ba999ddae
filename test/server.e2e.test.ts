import { ApiError, createClient } from "@rapport/shared/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, runCli, startServer } from "./support/server-process.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const client = (token: string) => createClient({ baseUrl: server.url, getToken: () => token });

describe("Rapport over real HTTP, started as npm start starts it", () => {
  it("prints an admin token once, on the first start, and health needs none", async () => {
    expect(server.adminToken).toMatch(/^rap_/);
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(await health.json()).toMatchObject({ status: "ok", database: "sqlite" });
  });

  it("the typed client creates, looks up, logs once and reports conflicts as typed errors", async () => {
    const rapport = client(server.adminToken as string);
    const account = await rapport.accounts.create({
      body: { name: "Société Générale d'Équipement", domains: ["sge.fr"] },
    });
    const contact = await rapport.contacts.create({
      body: { firstName: "Françoise", lastName: "Noël", emails: ["f.noel@sge.fr"], accountId: account.id },
    });
    const { results } = await rapport.lookup({ query: { email: ["F.Noel@SGE.fr", "inconnu@sge.fr"] } });
    expect(results[0]?.contact?.id).toBe(contact.id);
    expect(results[1]?.account?.id).toBe(account.id);

    const mail = {
      type: "email" as const,
      occurredAt: new Date().toISOString(),
      subject: "Relance",
      participants: [{ address: "f.noel@sge.fr" }],
      externalIds: { internetMessageId: "<relance-1@sge.fr>" },
    };
    const first = await rapport.activities.create({ body: mail });
    const second = await rapport.activities.create({ body: mail });
    expect(second.id).toBe(first.id);

    await rapport.contacts.update({ params: { id: contact.id }, ifMatch: 1, body: { jobTitle: "DAF" } });
    const stale = await rapport.contacts
      .update({ params: { id: contact.id }, ifMatch: 1, body: { jobTitle: "PDG" } })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ApiError);
    expect((stale as ApiError).status).toBe(412);
    expect((stale as ApiError).problem.current).toMatchObject({ jobTitle: "DAF", version: 2 });

    const missing = await rapport.contacts.get({ params: { id: "con_nope" } }).catch((e: unknown) => e);
    expect((missing as ApiError).code).toBe("not_found");
  });

  it("the log names requests but never tokens or email addresses", async () => {
    await fetch(`${server.url}/api/v1/lookup?email=secret.person%40hidden.fr`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    await new Promise((r) => setTimeout(r, 100));
    const log = server.output();
    expect(log).toContain('"path":"/api/v1/lookup"');
    expect(log).not.toContain("secret.person");
    expect(log).not.toContain("f.noel");
    expect(log.split("Admin token:").length).toBe(2);
    expect(log.replace(`Admin token: ${server.adminToken}`, "")).not.toContain(server.adminToken as string);
  });

  it("the admin CLI creates a user and a token that works, then revokes it", async () => {
    const env = { RAPPORT_DATA_DIR: server.dataDir };
    const user = await runCli(
      ["user", "create", "--email", "rep@example.fr", "--name", "Rep Un", "--role", "rep"],
      env,
    );
    expect(user.code, user.stderr).toBe(0);
    const userId = /: (usr_\w+)/.exec(user.stdout)?.[1] as string;
    const token = await runCli(["token", "create", "--user", "rep@example.fr"], env);
    expect(token.code, token.stderr).toBe(0);
    const secret = token.stdout.trim().split("\n").at(-1) as string;
    const tokenId = /Token (tok_\w+)/.exec(token.stdout)?.[1] as string;
    expect((await client(secret).me({})).id).toBe(userId);
    expect((await runCli(["token", "revoke", tokenId], env)).code).toBe(0);
    // Another process revoked it: this server forgets its cached verdict within seconds.
    await new Promise((r) => setTimeout(r, 5_500));
    expect(
      await client(secret)
        .me({})
        .catch((e: ApiError) => e.status),
    ).toBe(401);
    const bad = await runCli(["user", "create", "--email", "not-an-email", "--name", "X"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("email");
  });

  it("a second start on the same data prints no new token", async () => {
    const again = await startServer({ dataDir: server.dataDir });
    try {
      expect(again.adminToken).toBeNull();
      expect(again.output()).not.toContain("Admin token");
    } finally {
      await again.stop();
    }
  });
});
