import { describe, expect, it } from "vitest";
import { type TestUser, useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

const mail = (overrides: Record<string, unknown> = {}) => ({
  type: "email",
  direction: "in",
  subject: "Devis 2027",
  bodyText: "Bonjour, voici le devis.",
  occurredAt: "2026-11-20T09:00:00Z",
  participants: [
    { address: "jeanne@client.fr", role: "from" },
    { address: "me@rapport.test", role: "to" },
  ],
  ...overrides,
});

async function setPolicy(body: Record<string, unknown>) {
  const answer = await t.call("PATCH", "/settings/privacy", { body });
  expect(answer.status).toBe(200);
  return answer.json;
}

describe("privacy policy", () => {
  it("is the admin's to set, and every user reads it with the company's domains and their own never-log list", async () => {
    const rep = await t.addUser("rep");
    const refused = await t.call("PATCH", "/settings/privacy", {
      token: rep.token,
      body: { captureLevel: "metadata" },
    });
    expect(refused.status).toBe(403);
    const invalid = await t.call("PATCH", "/settings/privacy", { body: { blockedDomains: ["not a domain"] } });
    expect(invalid.status).toBe(422);
    expect(invalid.json.errors[0].path).toBe("blockedDomains.0");

    await setPolicy({ blockedDomains: ["Banque.FR"], captureLevel: "subject" });
    await t.call("POST", "/me/never-log", { token: rep.token, body: { address: "Spam@Example.com" } });
    const policy = (await t.call("GET", "/privacy", { token: rep.token })).json;
    expect(policy).toEqual({
      blockedDomains: ["banque.fr"],
      blockedAddresses: [],
      personalDomains: [],
      captureLevel: "subject",
      ownDomains: ["rapport.test"],
      neverLog: ["spam@example.com"],
    });
    // The list is each user's own.
    expect((await t.call("GET", "/privacy")).json.neverLog).toEqual([]);
    const removed = await t.call("DELETE", "/me/never-log?address=spam%40example.com", { token: rep.token });
    expect(removed.json.addresses).toEqual([]);
    const audit = (await t.call("GET", "/audit?entity=settings")).json.items;
    expect(audit[0].detail.after.captureLevel).toBe("subject");
  });

  it("holds back mail with blocked people, colleagues only or a never-log sender, unless the user insists", async () => {
    const rep = await t.addUser("rep");
    await setPolicy({ blockedDomains: ["banque.fr"], blockedAddresses: ["dpo@client.fr"] });
    const log = (body: Record<string, unknown>) => t.call("POST", "/activities", { token: rep.token, body });
    const before = await t.rowCount("activities");

    const blocked = await log(mail({ participants: [{ address: "conseiller@agence.banque.fr", role: "from" }] }));
    expect(blocked.status).toBe(422);
    expect(blocked.json).toMatchObject({ code: "privacy_blocked", current: { blocks: ["blocked_domain"] } });
    expect((await log(mail({ participants: [{ address: "DPO@client.fr" }] }))).json.current.blocks).toEqual([
      "blocked_address",
    ]);
    const internal = await log(mail({ participants: [{ address: "a@rapport.test" }, { address: "b@rapport.test" }] }));
    expect(internal.json.current.blocks).toEqual(["internal"]);
    await t.call("POST", "/me/never-log", { token: rep.token, body: { address: "jeanne@client.fr" } });
    expect((await log(mail())).json.current.blocks).toEqual(["never_log"]);
    expect(await t.rowCount("activities")).toBe(before);

    const insisted = await log(mail({ policyOverride: true }));
    expect(insisted.status).toBe(201);
    expect(insisted.json).not.toHaveProperty("policyOverride");
    // A call with no addresses is not a mail the policy can judge.
    expect((await log({ type: "call", occurredAt: "2026-11-20T10:00:00Z" })).status).toBe(201);
  });

  it("keeps only what the capture level allows", async () => {
    await setPolicy({ captureLevel: "subject" });
    const subjectOnly = (await t.call("POST", "/activities", { body: mail() })).json;
    expect(subjectOnly).toMatchObject({ subject: "Devis 2027", bodyText: null });
    await setPolicy({ captureLevel: "metadata" });
    const metadata = (await t.call("POST", "/activities", { body: mail({ subject: "Autre" }) })).json;
    expect(metadata).toMatchObject({ subject: null, bodyText: null, participants: expect.any(Array) });
    const edited = await t.call("PATCH", `/activities/${metadata.id}`, {
      body: { bodyText: "sneaked in later" },
      headers: { "if-match": "1" },
    });
    expect(edited.json.bodyText).toBeNull();
  });
});

describe("lookup with the open mail", () => {
  async function loggedWorld() {
    const team = await t.addTeam("Paris");
    const rep = await t.addUser("rep", team.id);
    const account = (await t.call("POST", "/accounts", { token: rep.token, body: { name: "Client SA" } })).json;
    const created = await t.call("POST", "/contacts", {
      token: rep.token,
      body: { firstName: "Jeanne", lastName: "Moreau", emails: ["jeanne@client.fr"], accountId: account.id },
    });
    expect(created.status).toBe(201);
    const contact = created.json;
    const deal = (
      await t.call("POST", "/opportunities", {
        token: rep.token,
        body: { accountId: account.id, name: "Renouvellement" },
      })
    ).json;
    const logged = await t.call("POST", "/activities", {
      token: rep.token,
      body: mail({
        opportunityId: deal.id,
        externalIds: { internetMessageId: "<m2@client.fr>", conversationId: "conv-1" },
        occurredAt: "2026-11-21T09:00:00Z",
      }),
    });
    expect(logged.status).toBe(201);
    await t.call("POST", "/activities", {
      token: rep.token,
      body: mail({ externalIds: { internetMessageId: "<m1@client.fr>", conversationId: "conv-1" } }),
    });
    return { rep, account, contact, deal };
  }

  const lookup = (user: TestUser, query: string) =>
    t.call("GET", `/lookup?email=jeanne%40client.fr&${query}`, { token: user.token });

  it("says who logged it, when and to which records, with the conversation's other logged mails", async () => {
    const w = await loggedWorld();
    const answer = (
      await lookup(w.rep, `internetMessageId=${encodeURIComponent("<m2@client.fr>")}&conversationId=conv-1`)
    ).json;
    expect(answer.results[0].contact.id).toBe(w.contact.id);
    expect(answer.mail.logged.loggedByName).toBe("Test rep");
    expect(answer.mail.logged.links).toEqual([
      { kind: "account", id: w.account.id, name: "Client SA" },
      { kind: "opportunity", id: w.deal.id, name: "Renouvellement" },
      { kind: "contact", id: w.contact.id, name: "Jeanne Moreau" },
    ]);
    expect(answer.mail.conversation.map((m: { activity: { externalIds: object } }) => m.activity.externalIds)).toEqual([
      { internetMessageId: "<m1@client.fr>", conversationId: "conv-1" },
    ]);
    const listed = (await t.call("GET", "/activities?conversationId=conv-1", { token: w.rep.token })).json.items;
    expect(listed).toHaveLength(2);
    // Without the mail's ids, the answer is the plain lookup.
    expect((await lookup(w.rep, "")).json).not.toHaveProperty("mail");
  });

  it("shows nothing of mail logged by a team the user cannot see, and nothing of blocked people", async () => {
    const w = await loggedWorld();
    const other = await t.addUser("rep", (await t.addTeam("Lyon")).id);
    const answer = (
      await lookup(other, `internetMessageId=${encodeURIComponent("<m2@client.fr>")}&conversationId=conv-1`)
    ).json;
    expect(answer.mail).toEqual({ logged: null, conversation: [] });
    await setPolicy({ blockedDomains: ["client.fr"] });
    const blocked = (await lookup(w.rep, "")).json.results[0];
    expect(blocked).toMatchObject({ skipped: "blocked", contact: null, account: null });
  });

  it("never matches an account by a domain the admin lists as personal mail", async () => {
    await t.call("POST", "/accounts", { body: { name: "Freemail Asso", domains: ["freemail-asso.fr"] } });
    const before = (await t.call("GET", "/lookup?email=someone%40freemail-asso.fr")).json.results[0];
    expect(before.account?.name).toBe("Freemail Asso");
    await setPolicy({ personalDomains: ["freemail-asso.fr"] });
    const after = (await t.call("GET", "/lookup?email=someone%40freemail-asso.fr")).json.results[0];
    expect(after).toMatchObject({ account: null, skipped: "personal_domain" });
  });
});
