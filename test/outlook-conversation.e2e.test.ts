import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { GRAPH_ORIGIN, serveGraph } from "./support/outlook-host/fake-graph.ts";
import { graphDoc, messageGet, recordedMessages } from "./support/outlook-host/graph-files.ts";
import { type GraphMessage, messageFromGraph } from "./support/outlook-host/graph-items.ts";
import type { NaaSetup } from "./support/outlook-host/item-spec.ts";
import { hostSetup, JULIEN, openOutlook, screenshot } from "./support/outlook-host/open-outlook.ts";
import { activitiesOfMail, callApi, create, repToken } from "./support/outlook-host/rapport-api.ts";
import { type RunningServer, startServer } from "./support/server-process.ts";

/** The machine runs other suites too: answers are awaited, not timed. */
const PATIENTLY = { timeout: 30_000 };

/**
 * "Log the rest of the conversation in one go": Office.js cannot list a conversation's other mails,
 * Microsoft Graph can. The server has Microsoft Entra sign-in; the simulated Outlook brokers the
 * pane's Microsoft tokens (nested app authentication, the real MSAL talking to the host's bridge);
 * Graph is answered at the browser's edge from Graph's recorded messages, regrouped into one
 * conversation, behind the pane's real Content-Security-Policy.
 *
 * Rapport's own API stays on the rep's API token: the host's broker hands that opaque token out for
 * Rapport's API scope, so the pane really signs in "with Microsoft" while the server, which tells a
 * JWT from an API token by its shape, authenticates the rep as usual. Checking Entra's signed JWTs
 * is the server's own suite's business (server/src/modules/auth/entra.test.ts); what this file
 * checks is what the pane does with a Graph token.
 */
const TENANT = "4d9bc9a4-7a2e-4a4c-9e63-0d4f1b3c5a11";
const CLIENT = "5f3c0d1e-8b7a-4c2d-9e1f-2a3b4c5d6e7f";
const GRAPH_TOKEN = "graph-access-token-for-julien";

let server: RunningServer;
let browser: Browser;
let token: string;
let contoso: string;

const open = messageGet();
const conversationId = open.conversationId as string;
const recorded = (subject: string): GraphMessage => {
  const found = recordedMessages().find((m) => m.subject === subject);
  if (!found) throw new Error(`No recorded message "${subject}"`);
  return { ...found, conversationId };
};
/** Graph's recorded mails, as the rest of Adele's "9/9/2018: concert" conversation. */
const reminder = recorded("Reminder - please bring laptop");
const kickoff = recorded("Kick off planning");
const bounce = recorded("Undeliverable: Meet for lunch?");
const debrief = recorded("Debrief from meetup");
/** Julien's unsent reply: a draft, which is not a mail to log. */
const draft: GraphMessage = {
  ...open,
  id: "AAMkDraftReply=",
  internetMessageId: "<draft.reply@rapport.local>",
  subject: "RE: 9/9/2018: concert",
  isDraft: true,
  from: { emailAddress: { name: JULIEN.displayName, address: JULIEN.emailAddress } },
};
/** Other conversations of the mailbox, which the filter must leave out. */
const elsewhere = graphDoc<{ value: GraphMessage[] }>("messages-list_select-sender-subject.json").value;
const mailbox: GraphMessage[] = [open, reminder, kickoff, bounce, debrief, draft, ...elsewhere];

const naa = (consentFirst: string[] = []): NaaSetup => ({
  account: {
    name: JULIEN.displayName,
    username: JULIEN.emailAddress,
    tenantId: TENANT,
    objectId: "b3f1c2d4-0000-4e5f-8a9b-0c1d2e3f4a5b",
  },
  tokens: { [`api://${CLIENT}/access_as_user`]: token, "Mail.Read": GRAPH_TOKEN },
  consentFirst,
});

/** The pane, signed in with Microsoft through Outlook, with Graph answering, then the mail opened. */
async function openWithMicrosoft(consentFirst: string[] = []) {
  const page = await openOutlook(browser, server.url, hostSetup(null, { naa: naa(consentFirst) }));
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const graph = await serveGraph(page.context(), mailbox, { token: GRAPH_TOKEN, maxPageSize: 2 });
  await page.getByText(`Signed in as ${JULIEN.displayName}`).waitFor(PATIENTLY);
  await page.evaluate((spec) => window.__outlook?.open(spec), messageFromGraph(open));
  await page.getByRole("heading", { name: open.subject as string }).waitFor();
  return { page, graph, errors };
}
const naaRequests = (page: Page) => page.evaluate(() => window.__outlook?.naaRequests ?? []);

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({
      args: ["--demo"],
      env: { RAPPORT_OWN_DOMAINS: "rapport.local", RAPPORT_ENTRA_TENANT_IDS: TENANT, RAPPORT_ENTRA_CLIENT_ID: CLIENT },
    }),
    launchChromium(),
  ]);
  token = await repToken(server);
  contoso = await create(server, token, "/accounts", {
    name: "Contoso",
    domains: ["contoso.onmicrosoft.com", "contoso.com"],
  });
  await create(server, token, "/contacts", {
    firstName: "Adele",
    lastName: "Vance",
    emails: ["adelev@contoso.onmicrosoft.com"],
    accountId: contoso,
  });
  // A colleague logged one mail of the conversation already, to Contoso.
  await create(server, token, "/activities", {
    type: "email",
    direction: "in",
    subject: kickoff.subject,
    occurredAt: kickoff.receivedDateTime,
    accountId: contoso,
    participants: [{ address: "admin@contoso.com", name: "Administrator", role: "from" }],
    externalIds: { internetMessageId: kickoff.internetMessageId, conversationId },
  });
  // The admin blocks the mail system's bounces.
  const bounceSender = bounce.from?.emailAddress.address as string;
  const blocked = await callApi(server, server.adminToken as string, "PATCH", "/settings/privacy", {
    blockedAddresses: [bounceSender],
  });
  expect(blocked.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the rest of a conversation", () => {
  it("is served with a policy that lets the pane reach Microsoft Graph, as the server has Microsoft sign-in", async () => {
    const response = await fetch(`${server.url}/addins/outlook/`);
    expect(response.headers.get("content-security-policy")).toMatch(/connect-src [^;]*https:\/\/graph\.microsoft\.com/);
  });

  it("is listed from Graph once the user allows it, and logged in one go to the conversation's records", async () => {
    const { page, graph, errors } = await openWithMicrosoft(["Mail.Read"]);
    const conversation = page.getByTestId("conversation");
    await conversation.waitFor();
    expect(await conversation.textContent()).toContain("1 earlier mail of this conversation is in Rapport");
    // Outlook has not asked the user about their mail yet: the pane asks from a click, never on its own.
    await page.getByTestId("conversation-consent").waitFor();
    expect(graph.calls).toEqual([]);
    await page.getByRole("button", { name: "Allow" }).click();

    const rest = page.getByTestId("conversation-rest");
    await rest.getByText("2 other mails of this conversation are not in Rapport").waitFor(PATIENTLY);
    const listed = await rest.textContent();
    expect(listed).toContain("Reminder - please bring laptop");
    expect(listed).toContain("Debrief from meetup");
    expect(listed).toContain("They go to Contoso.");
    expect(listed).toContain("1 held back by the privacy policy");
    for (const left of ["Kick off planning", "Undeliverable", "RE: 9/9/2018: concert", "You have late tasks!"]) {
      expect(listed).not.toContain(left);
    }
    await screenshot(page, "outlook-conversation-rest");

    // Graph was asked with the Mail.Read token, for this conversation, its pages followed.
    expect(graph.calls.length).toBe(3);
    for (const call of graph.calls) {
      expect(call.authorization).toBe(`Bearer ${GRAPH_TOKEN}`);
      expect(call.url.origin).toBe(GRAPH_ORIGIN);
      expect(call.url.pathname).toBe("/v1.0/me/messages");
      expect(call.url.searchParams.get("$filter")).toBe(`conversationId eq '${conversationId}'`);
      expect(call.url.searchParams.get("$select")).toContain("bodyPreview");
    }
    expect((await naaRequests(page)).map((r) => `${r.method} ${r.scope}`)).toEqual(
      expect.arrayContaining(["GetToken Mail.Read", "GetTokenPopup Mail.Read"]),
    );

    await page.getByRole("button", { name: "Log the 2 other mails of this conversation" }).click();
    const done = page.getByTestId("conversation-rest-done");
    await done.waitFor(PATIENTLY);
    expect(await done.textContent()).toContain("2 logged.");
    await expect.poll(() => conversation.textContent(), PATIENTLY).toContain("3 earlier mails of this conversation");

    for (const mail of [reminder, debrief]) {
      const [logged, ...more] = await activitiesOfMail(server, token, mail.internetMessageId as string);
      expect(more).toEqual([]);
      expect(logged).toMatchObject({
        type: "email",
        direction: "in",
        subject: mail.subject,
        accountId: contoso,
        occurredAt: new Date(mail.receivedDateTime as string).toISOString(),
        externalIds: { internetMessageId: mail.internetMessageId, conversationId },
      });
    }
    // The capture level keeps bodies here: Graph's preview, never more.
    const [withBody] = await activitiesOfMail(server, token, reminder.internetMessageId as string);
    expect(withBody?.bodyText).toBe("PFA\n\nThanks,\nRob");
    expect(await activitiesOfMail(server, token, kickoff.internetMessageId as string)).toHaveLength(1);
    expect(await activitiesOfMail(server, token, bounce.internetMessageId as string)).toEqual([]);
    expect(await activitiesOfMail(server, token, draft.internetMessageId as string)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("asks Graph silently once allowed, and has nothing left to log the next time", async () => {
    const { page, graph } = await openWithMicrosoft();
    const rest = page.getByTestId("conversation-rest");
    await rest.getByText("1 held back by the privacy policy").waitFor(PATIENTLY);
    expect(await rest.getByRole("button", { name: /Log the/ }).count()).toBe(0);
    expect(await page.getByTestId("conversation-consent").count()).toBe(0);
    expect(graph.calls.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__outlook?.roamingSettings() ?? {})).not.toHaveProperty("rapport.apiToken");
    await page.context().close();
  });

  it("with an API token, says that listing the rest needs Microsoft sign-in, and asks Graph nothing", async () => {
    const page = await openOutlook(
      browser,
      server.url,
      hostSetup(null, { roamingSettings: { "rapport.apiToken": token } }),
    );
    const graph = await serveGraph(page.context(), mailbox, { token: GRAPH_TOKEN });
    await page.evaluate((spec) => window.__outlook?.open(spec), messageFromGraph(open));
    const needs = page.getByTestId("conversation-needs-microsoft");
    await needs.waitFor(PATIENTLY);
    expect(await needs.textContent()).toContain("Listing the conversation's other mails needs Microsoft sign-in.");
    expect(await needs.textContent()).toContain("Select the conversation's other mails in Outlook");
    expect(graph.calls).toEqual([]);
    await page.context().close();
  });
});
