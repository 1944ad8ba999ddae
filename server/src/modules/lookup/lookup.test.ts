import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

async function seedAcme() {
  const account = (
    await t.call("POST", "/accounts", { body: { name: "Acme Industries SAS", domains: ["acme.fr", "acme.com"] } })
  ).json;
  const contact = (
    await t.call("POST", "/contacts", {
      body: {
        firstName: "Jérôme",
        lastName: "Bézier",
        emails: ["j.bezier@acme.fr", "jerome.bezier@gmail.com"],
        accountId: account.id,
      },
    })
  ).json;
  const open = (
    await t.call("POST", "/opportunities", { body: { accountId: account.id, name: "Renewal 2027", stage: "proposal" } })
  ).json;
  await t.call("POST", "/opportunities", { body: { accountId: account.id, name: "Old deal", stage: "won" } });
  const kase = (
    await t.call("POST", "/cases", { body: { subject: "Broken hinge", contactId: contact.id, accountId: account.id } })
  ).json;
  await t.call("POST", "/cases", { body: { subject: "Solved", accountId: account.id, status: "closed" } });
  const mail = (
    await t.call("POST", "/activities", {
      body: {
        type: "email",
        direction: "in",
        subject: "Devis",
        occurredAt: "2026-11-02T09:30:00+01:00",
        participants: [{ address: "J.Bezier@acme.fr", role: "from" }],
      },
    })
  ).json;
  return { account, contact, open, kase, mail };
}

describe("GET /lookup", () => {
  it("finds a contact by a secondary address in any case, with account, open deals, open cases and history", async () => {
    const { account, contact, open, kase, mail } = await seedAcme();
    const response = await t.call("GET", "/lookup?email=JEROME.Bezier@Gmail.com");
    expect(response.status).toBe(200);
    const [result] = response.json.results;
    expect(result.contact.id).toBe(contact.id);
    expect(result.account.id).toBe(account.id);
    expect(result.openOpportunities.map((o: { id: string }) => o.id)).toEqual([open.id]);
    expect(result.openCases.map((c: { id: string }) => c.id)).toEqual([kase.id]);
    expect(result.recentActivities.map((a: { id: string }) => a.id)).toEqual([mail.id]);
    expect(result.reasons.map((r: { code: string }) => r.code)).toEqual(["same_email", "contact_account"]);
    expect(mail.accountId).toBe(account.id);
  });

  it("answers each record exactly as reading it by id does", async () => {
    const { account, contact, open, kase, mail } = await seedAcme();
    await t.call("PATCH", `/opportunities/${open.id}`, {
      body: { stage: "negotiation" },
      headers: { "if-match": "1" },
    });
    const [result] = (await t.call("GET", "/lookup?email=j.bezier@acme.fr")).json.results;
    const read = async (path: string) => (await t.call("GET", path)).json;
    expect(result.contact).toEqual(await read(`/contacts/${contact.id}`));
    expect(result.account).toEqual(await read(`/accounts/${account.id}`));
    expect(result.openOpportunities).toEqual([await read(`/opportunities/${open.id}`)]);
    expect(result.openOpportunities[0].stageHistory).toHaveLength(2);
    expect(result.openCases).toEqual([await read(`/cases/${kase.id}`)]);
    const { bodyText, ...summary } = await read(`/activities/${mail.id}`);
    expect(result.recentActivities).toEqual([summary]);
  });

  it("orders open deals by close date (undated last) and keeps only the latest activities", async () => {
    const { account } = await seedAcme();
    for (const [name, expectedCloseDate] of [
      ["Later", "2027-06-01"],
      ["Undated", null],
      ["Sooner", "2027-01-15"],
    ] as const) {
      await t.call("POST", "/opportunities", { body: { accountId: account.id, name, expectedCloseDate } });
    }
    for (let day = 10; day < 17; day++) {
      await t.call("POST", "/activities", {
        body: { type: "call", subject: `Call ${day}`, occurredAt: `2026-10-${day}T09:00:00Z`, accountId: account.id },
      });
    }
    const [result] = (await t.call("GET", "/lookup?email=someone.new@acme.com")).json.results;
    expect(result.contact).toBeNull();
    expect(result.openOpportunities.map((o: { name: string }) => o.name)).toEqual([
      "Sooner",
      "Later",
      "Renewal 2027",
      "Undated",
    ]);
    // The seeded mail of 2 November is the newest.
    expect(result.recentActivities.map((a: { subject: string }) => a.subject)).toEqual([
      "Devis",
      "Call 16",
      "Call 15",
      "Call 14",
      "Call 13",
    ]);
  });

  it("answers several addresses at once, each with its reasons or why it was skipped", async () => {
    const { account } = await seedAcme();
    const response = await t.call(
      "GET",
      `/lookup?email=${encodeURIComponent("new.person@acme.com")}&email=someone@gmail.com&email=boss@rapport.test&email=not-an-email`,
    );
    const [byDomain, personal, colleague, invalid] = response.json.results;
    expect(byDomain).toMatchObject({ contact: null, account: { id: account.id }, skipped: null });
    expect(byDomain.reasons).toEqual([{ code: "same_domain", text: "same domain acme.com" }]);
    expect(personal).toMatchObject({ contact: null, account: null, skipped: "personal_domain" });
    expect(colleague).toMatchObject({ contact: null, account: null, skipped: "own_domain" });
    expect(invalid).toMatchObject({ skipped: "invalid_email" });
  });

  it("an unknown company address finds nothing and says nothing was skipped", async () => {
    await seedAcme();
    const [result] = (await t.call("GET", "/lookup?email=x@unknown-company.de")).json.results;
    expect(result).toMatchObject({ contact: null, account: null, reasons: [], skipped: null });
  });

  it("a rep of another team sees nothing of records they may not see", async () => {
    const teamA = await t.addTeam("A");
    const teamB = await t.addTeam("B");
    const repA = await t.addUser("rep", teamA.id);
    const repB = await t.addUser("rep", teamB.id);
    const account = await t.call("POST", "/accounts", {
      body: { name: "Secret SA", domains: ["secret.fr"] },
      token: repA.token,
    });
    await t.call("POST", "/contacts", {
      body: { lastName: "Hidden", emails: ["h@secret.fr"], accountId: account.json.id },
      token: repA.token,
    });
    const seen = (await t.call("GET", "/lookup?email=h@secret.fr", { token: repA.token })).json.results[0];
    expect(seen.contact.lastName).toBe("Hidden");
    const unseen = (await t.call("GET", "/lookup?email=h@secret.fr", { token: repB.token })).json.results[0];
    expect(unseen).toMatchObject({ contact: null, account: null });
    expect((await t.call("GET", `/accounts/${account.json.id}`, { token: repB.token })).status).toBe(404);
  });

  it("needs a token", async () => {
    expect((await t.call("GET", "/lookup?email=a@b.fr", { token: null })).status).toBe(401);
  });
});
