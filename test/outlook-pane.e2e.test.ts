import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { eventsList, messageGet, recordedMessages } from "./support/outlook-host/graph-files.ts";
import { appointmentFromGraph, messageFromGraph } from "./support/outlook-host/graph-items.ts";
import type { MessageSpec } from "./support/outlook-host/item-spec.ts";
import { hostSetup, JULIEN, openOutlook, screenshot } from "./support/outlook-host/open-outlook.ts";
import { activitiesOfMail, callApi, create, repToken, seedContoso } from "./support/outlook-host/rapport-api.ts";
import { type RunningServer, startServer } from "./support/server-process.ts";

/** The machine runs other suites too: answers are awaited, not timed. */
const PATIENTLY = { timeout: 30_000 };

/**
 * The built Outlook pane in Chromium, inside a simulated Outlook whose mail is Microsoft Graph's
 * recorded message-get.json, against a real Rapport server with the demo workspace. Julien Mercier
 * (a demo rep) is the mailbox's owner; Contoso, the sender's company, is added as he would add it.
 */
let server: RunningServer;
let browser: Browser;
let token: string;
let contoso: string;
let deal: string;
const message = messageGet();
const mail = messageFromGraph(message);

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ args: ["--demo"], env: { RAPPORT_OWN_DOMAINS: "rapport.local" } }),
    launchChromium(),
  ]);
  token = await repToken(server);
  ({ contoso } = await seedContoso(server, token, { jobTitle: "Event manager" }));
  deal = await create(server, token, "/opportunities", {
    accountId: contoso,
    name: "Concert sponsorship",
    stage: "proposal",
    amount: 12000,
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Adele's answer, in the same conversation. */
const reply = (): MessageSpec => ({
  ...mail,
  itemId: "AAMkReply=",
  internetMessageId: "<reply.1@contoso.onmicrosoft.com>",
  subject: "RE: 9/9/2018: concert",
  from: { displayName: "Adele Vance", emailAddress: "adelev@contoso.onmicrosoft.com" },
  to: [{ displayName: "Julien Mercier", emailAddress: "julien.mercier@rapport.local" }],
  dateTimeCreated: "2018-09-10T08:00:00Z",
});
const card = (page: Page, name: string) => page.getByTestId("person-card").filter({ hasText: name });
const countRequests = (page: Page, path: string) => {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === `/api/v1${path}`) seen.push(request.url());
  });
  return seen;
};
const signedIn = (page: Page) => page.evaluate(() => window.__outlook?.roamingSettings() ?? {});

describe("reading a mail", () => {
  let roaming: Record<string, unknown>;

  it("signs in once, shows who is on the mail, logs it in one click and shows it logged", async () => {
    const page = await openOutlook(browser, server.url, hostSetup(mail));
    const lookups = countRequests(page, "/lookup");
    await page.getByLabel("API token").fill(token);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect.poll(() => page.getByTestId("person-card").count(), PATIENTLY).toBe(2);
    const adele = card(page, "Adele Vance");
    await expect.poll(() => adele.textContent(), PATIENTLY).toContain("Contoso");
    expect(await adele.textContent()).toContain("Concert sponsorship");
    expect(await adele.textContent()).toContain("same email address");
    const alex = card(page, "Alex Wilber");
    expect(await alex.getByTestId("not-in-rapport").count()).toBe(1);
    expect(await alex.textContent()).toContain("same domain contoso.onmicrosoft.com");
    expect(lookups).toHaveLength(1);
    await screenshot(page, "outlook-read-matched");

    // One mail, several records: the account and contact proposed, and the deal chosen.
    await page.getByLabel("Deal").selectOption({ label: "Concert sponsorship · Proposal" });
    await page.getByRole("button", { name: "Log email" }).click();
    const banner = page.getByTestId("logged-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Logged on .* by Julien Mercier/);
    expect(await banner.textContent()).toContain("Contoso");
    expect(await banner.textContent()).toContain("Adele Vance");
    expect(await banner.textContent()).toContain("Concert sponsorship");
    await screenshot(page, "outlook-read-logged");

    roaming = await signedIn(page);
    expect(roaming["rapport.apiToken"]).toBe(token);
    await page.context().close();
  });

  it("shows it logged from another device, and the server holds exactly one activity", async () => {
    const page = await openOutlook(browser, server.url, hostSetup(mail, { roamingSettings: roaming }));
    await page.getByTestId("logged-banner").waitFor();
    expect(await page.getByRole("button", { name: "Log email" }).count()).toBe(0);
    const logged = await activitiesOfMail(server, token, mail.internetMessageId);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      type: "email",
      direction: "in",
      subject: "9/9/2018: concert",
      accountId: contoso,
      opportunityId: deal,
      externalIds: { internetMessageId: mail.internetMessageId, conversationId: mail.conversationId },
    });
    await page.context().close();
  });

  it("creates a contact for someone not in Rapport, under the account of their domain", async () => {
    const page = await openOutlook(browser, server.url, hostSetup(mail, { roamingSettings: roaming }));
    const alex = card(page, "Alex Wilber");
    await alex.getByRole("button", { name: "Create contact" }).click();
    expect(await alex.getByLabel("First name").inputValue()).toBe("Alex");
    expect(await alex.getByLabel("Last name").inputValue()).toBe("Wilber");
    expect(await alex.textContent()).toContain("Account: Contoso");
    await alex.locator("form").getByRole("button", { name: "Create contact" }).click();
    await expect.poll(() => alex.getByTestId("not-in-rapport").count(), PATIENTLY).toBe(0);

    const found = await callApi<{ items: Array<{ accountId: string; firstName: string }> }>(
      server,
      token,
      "GET",
      "/contacts?email=alexw@contoso.onmicrosoft.com",
    );
    expect(found.body.items).toMatchObject([{ firstName: "Alex", accountId: contoso }]);
    await page.context().close();
  });

  it("shows the conversation's logged mails and files a reply where they went, from the keyboard", async () => {
    const page = await openOutlook(browser, server.url, hostSetup(reply(), { roamingSettings: roaming }));
    const conversation = page.getByTestId("conversation");
    await conversation.waitFor();
    expect(await conversation.textContent()).toContain("1 earlier mail of this conversation is in Rapport");
    expect(await conversation.textContent()).toContain("9/9/2018: concert");
    // Signed in with an API token: the rest of the conversation is not listed, and the pane says why.
    expect(await conversation.textContent()).toContain(
      "Listing the conversation's other mails needs Microsoft sign-in. Select the conversation's other mails in Outlook",
    );
    expect(await page.getByTestId("records-editor").textContent()).toContain("Contoso");

    // Keyboard only: Tab to "Log email" and press Enter.
    for (let presses = 0; presses < 30; presses++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent)) === "Log email") break;
    }
    await page.keyboard.press("Enter");
    await page.getByTestId("logged-banner").waitFor();
    expect(await activitiesOfMail(server, token, reply().internetMessageId)).toMatchObject([
      { accountId: contoso, direction: "in", externalIds: { conversationId: mail.conversationId } },
    ]);
    await page.context().close();
  });

  it("moves a logged mail to another record, then unlogs it", async () => {
    const page = await openOutlook(browser, server.url, hostSetup(reply(), { roamingSettings: roaming }));
    const banner = page.getByTestId("logged-banner");
    await banner.waitFor();
    await page.getByRole("button", { name: "Change links" }).click();
    await page.getByLabel("Deal").selectOption({ label: "Concert sponsorship · Proposal" });
    await page.getByRole("button", { name: "Save links" }).click();
    await expect.poll(() => banner.textContent(), PATIENTLY).toContain("Concert sponsorship");
    expect(await activitiesOfMail(server, token, reply().internetMessageId)).toMatchObject([{ opportunityId: deal }]);

    await page.getByRole("button", { name: "Unlog" }).click();
    await page.getByRole("button", { name: "Log email" }).waitFor();
    expect(await activitiesOfMail(server, token, reply().internetMessageId)).toEqual([]);
    await page.context().close();
  });

  it("creates the account from the domain when Rapport has none, and none for a personal address", async () => {
    const prospect: MessageSpec = {
      ...mail,
      itemId: "AAMkProspect=",
      internetMessageId: "<prospect.1@fabrikam.example>",
      from: { displayName: "Megan Bowen", emailAddress: "megan.bowen@fabrikam.example" },
      cc: [{ displayName: "Jean Dupont", emailAddress: "jean.dupont@gmail.com" }],
    };
    const page = await openOutlook(browser, server.url, hostSetup(prospect, { roamingSettings: roaming }));
    const megan = card(page, "Megan Bowen");
    await megan.getByRole("button", { name: "Create contact" }).click();
    expect(await megan.getByRole("checkbox", { name: /Create the account \(fabrikam\.example\)/ }).isChecked()).toBe(
      true,
    );
    expect(await megan.getByLabel("Account name").inputValue()).toBe("Fabrikam");
    await megan.locator("form").getByRole("button", { name: "Create contact" }).click();
    await expect.poll(() => megan.getByTestId("not-in-rapport").count(), PATIENTLY).toBe(0);
    expect(await megan.getByTestId("person-account").textContent()).toBe("Fabrikam");

    const jean = card(page, "Jean Dupont");
    await jean.getByRole("button", { name: "Create contact" }).click();
    expect(await jean.textContent()).toContain("No account: personal mail addresses never make one.");
    await jean.locator("form").getByRole("button", { name: "Create contact" }).click();
    await expect.poll(() => jean.getByTestId("not-in-rapport").count(), PATIENTLY).toBe(0);

    const accounts = await callApi<{ items: Array<{ name: string; domains: string[] }> }>(
      server,
      token,
      "GET",
      "/accounts?domain=fabrikam.example",
    );
    expect(accounts.body.items).toMatchObject([{ name: "Fabrikam", domains: ["fabrikam.example"] }]);
    const gmail = await callApi<{ items: Array<{ accountId: string | null }> }>(
      server,
      token,
      "GET",
      "/contacts?email=jean.dupont@gmail.com",
    );
    expect(gmail.body.items).toMatchObject([{ accountId: null }]);
    await page.context().close();
  });

  it("follows the selected item when pinned: a skeleton, then the people, one lookup per item", async () => {
    const page = await openOutlook(browser, server.url, hostSetup(mail, { roamingSettings: roaming }));
    await page.getByTestId("logged-banner").waitFor();
    const lookups = countRequests(page, "/lookup");
    // Hold the next lookup so the skeleton can be seen, then let it through to the real server.
    const gate: { open?: () => void } = {};
    const held = new Promise<void>((done) => {
      gate.open = done;
    });
    await page.route("**/api/v1/lookup?**", async (route) => {
      await held;
      await route.continue();
    });
    const [reminder] = recordedMessages().filter((m) => m.subject === "Reminder - please bring laptop");
    await page.evaluate((spec) => window.__outlook?.open(spec), messageFromGraph(reminder as never));
    await page.getByTestId("pane-skeleton").waitFor();
    gate.open?.();
    await page.getByRole("heading", { name: "Reminder - please bring laptop" }).waitFor();
    await expect.poll(() => page.getByTestId("person-card").count(), PATIENTLY).toBeGreaterThan(0);
    expect(await page.getByTestId("pane-skeleton").count()).toBe(0);
    expect(lookups).toHaveLength(1);
    await page.context().close();
  });
});

describe("a meeting", () => {
  it("is logged with its attendees matched to contacts, once for every attendee", async () => {
    const [event] = eventsList();
    const tenant = "a830edad905084922e17020313.onmicrosoft.com";
    const account = await create(server, token, "/accounts", { name: "Tailspin Toys", domains: [tenant] });
    const dana = await create(server, token, "/contacts", {
      firstName: "Dana",
      lastName: "Swope",
      emails: [`danas@${tenant}`],
      accountId: account,
    });
    const meeting = appointmentFromGraph(event as never);
    const page = await openOutlook(
      browser,
      server.url,
      hostSetup(meeting, { roamingSettings: { "rapport.apiToken": token } }),
    );
    await expect.poll(() => page.getByTestId("person-card").count(), PATIENTLY).toBe(2);
    expect(await page.getByTestId("meeting-when").textContent()).toContain("2017");
    expect(await page.textContent("body")).toContain("Assembly Hall");
    await page.getByRole("button", { name: "Log meeting" }).click();
    await page.getByTestId("logged-banner").waitFor();
    await screenshot(page, "outlook-meeting-logged");

    const listed = await callApi<{ items: Array<Record<string, unknown>> }>(
      server,
      token,
      "GET",
      `/activities?type=meeting&accountId=${account}`,
    );
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({
      occurredAt: "2017-04-21T17:00:00.000Z",
      // The end and the place are the meeting's own fields, not words added to its body.
      endsAt: "2017-04-21T19:00:00.000Z",
      location: "Assembly Hall",
      participants: [
        { role: "organizer", address: `samanthab@a830edad905084922E17020313.onmicrosoft.com` },
        { role: "attendee", contactId: dana },
      ],
    });
    expect(String(listed.body.items[0]?.bodyText ?? "")).not.toContain("Assembly Hall");

    // Samantha, the organizer, opens her own copy (another mailbox, another item id, no mark of
    // Rapport's on it): she sees it logged, by Julien, before pressing anything.
    const organizerCopy = { ...meeting, itemId: "AAMkSamanthasCopy=", customProperties: {} };
    await page.evaluate((spec) => window.__outlook?.open(spec), organizerCopy);
    const banner = page.getByTestId("logged-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Logged on .* by Julien Mercier/);
    expect(await banner.textContent()).toContain("Tailspin Toys");
    expect(await page.getByRole("button", { name: "Log meeting" }).count()).toBe(0);
    const again = await callApi<{ items: unknown[] }>(
      server,
      token,
      "GET",
      `/activities?type=meeting&accountId=${account}`,
    );
    expect(again.body.items).toHaveLength(1);
    await page.context().close();
  });
});

describe("a recurring series", () => {
  it("logs the occurrence the user picks, once for everyone who logs that occurrence", async () => {
    // Graph's instances of "Review strategy for Q3": the series, organised by Julien, with Adele invited.
    const series = {
      ...appointmentFromGraph({
        id: "AAMkAGUzYRgWAAA=",
        subject: "Review strategy for Q3",
        start: { dateTime: "2019-04-08T20:30:00.0000000", timeZone: "UTC" },
        end: { dateTime: "2019-04-08T21:00:00.0000000", timeZone: "UTC" },
      }),
      organizer: JULIEN,
      requiredAttendees: [{ displayName: "Adele Vance", emailAddress: "adelev@contoso.onmicrosoft.com" }],
      recurrence: { startTime: "20:30", durationMinutes: 30 },
    };
    const page = await openOutlook(
      browser,
      server.url,
      hostSetup(series, { roamingSettings: { "rapport.apiToken": token } }),
    );
    await page.getByLabel("Which occurrence").fill("2019-04-22");
    await page.getByRole("button", { name: "Log meeting" }).click();
    await page.getByTestId("logged-banner").waitFor();
    // The series' time is the pane's local time, as Outlook shows it.
    const expected = await page.evaluate(() => new Date(2019, 3, 22, 20, 30).toISOString());
    const listed = await callApi<{ items: Array<{ occurredAt: string; subject: string }> }>(
      server,
      token,
      "GET",
      `/activities?type=meeting&accountId=${contoso}`,
    );
    expect(listed.body.items.filter((a) => a.subject === "Review strategy for Q3")).toMatchObject([
      { occurredAt: expected },
    ]);

    // Adele opens that occurrence in her calendar: it shows as logged, so she does not log it twice.
    const occurrence = {
      ...series,
      itemId: "AAMkAGUzYAgI1sa1do_AAEYAAAAAlNFb2CNPe0ucP9you",
      seriesId: series.itemId,
      recurrence: null,
      start: expected,
      end: new Date(Date.parse(expected) + 30 * 60_000).toISOString(),
    };
    await page.evaluate((spec) => window.__outlook?.open(spec), occurrence);
    await page.getByTestId("logged-banner").waitFor();
    expect(await page.getByRole("button", { name: "Log meeting" }).count()).toBe(0);
    // Another occurrence of the series is not logged.
    await page.evaluate((spec) => window.__outlook?.open(spec), {
      ...occurrence,
      itemId: "AAMkAGUzYAgI1sa1do_other",
      start: "2019-04-29T20:30:00.000Z",
      end: "2019-04-29T21:00:00.000Z",
    });
    await page.getByRole("button", { name: "Log meeting" }).waitFor();
    expect(await page.getByTestId("logged-banner").count()).toBe(0);
    const again = await callApi<{ items: Array<{ subject: string }> }>(
      server,
      token,
      "GET",
      `/activities?type=meeting&accountId=${contoso}`,
    );
    expect(again.body.items.filter((a) => a.subject === "Review strategy for Q3")).toHaveLength(1);
    await page.context().close();
  });
});

describe("several mails selected (Mailbox 1.15)", () => {
  it("logs them together to a record found by search, and never twice", async () => {
    const mails = recordedMessages()
      .slice(0, 3)
      .map((m) => messageFromGraph(m));
    expect(mails).toHaveLength(3);
    const page = await openOutlook(
      browser,
      server.url,
      hostSetup(mail, { mailboxVersion: "1.15", roamingSettings: { "rapport.apiToken": token } }),
    );
    await page.getByRole("heading", { name: mail.subject }).waitFor();
    const logSelection = async () => {
      await page.evaluate((specs) => window.__outlook?.select(specs), mails);
      await page.getByTestId("selection-view").waitFor();
      await page.getByRole("combobox").fill("Contoso");
      await page.getByRole("option", { name: /^Contoso · Account/ }).click();
      await page.getByRole("button", { name: "Log 3 mails" }).click();
      await page.getByTestId("selection-done").waitFor();
    };
    await logSelection();
    expect(await page.getByTestId("selection-done").textContent()).toContain("3 logged");
    await screenshot(page, "outlook-multi-select");
    await page.evaluate(() => window.__outlook?.select([]));
    await logSelection();
    for (const m of mails) {
      const logged = await activitiesOfMail(server, token, m.internetMessageId);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ accountId: contoso, subject: m.subject });
    }
    await page.context().close();
  });
});

describe("bad input", () => {
  it("an X.500 sender, 500 recipients, a 5 MB HTML body, an emoji and right-to-left subject: clear, and logged once", async () => {
    const crowd: MessageSpec = {
      ...mail,
      itemId: "AAMkBadInput=",
      internetMessageId: "<bad-input.1@fabrikam.example>",
      conversationId: "AAQkBadInput=",
      subject: "😊 Devis n°42 – مرحبا بكم",
      from: {
        displayName: "Ops Robot",
        emailAddress: "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=OPSROBOT",
      },
      to: Array.from({ length: 500 }, (_, i) => ({
        displayName: `Guest ${i}`,
        emailAddress: `guest${i}@fabrikam.example`,
      })),
      bodyHtml: `<html><body>${"<p>Ligne de devis très longue.</p>".repeat(160_000)}</body></html>`,
    };
    const page = await openOutlook(
      browser,
      server.url,
      hostSetup(crowd, { roamingSettings: { "rapport.apiToken": token } }),
      { width: 320 },
    );
    const lookups = countRequests(page, "/lookup");
    await page.getByTestId("person-unaddressed").filter({ hasText: "Ops Robot" }).waitFor();
    expect(await page.textContent("body")).toContain("400 more people are not looked up");
    expect(lookups).toHaveLength(1);
    expect(new URL(lookups[0] as string).searchParams.getAll("email")).toHaveLength(100);
    expect(await page.getByRole("heading", { name: crowd.subject }).getAttribute("dir")).toBe("auto");
    // 320 px, Outlook's narrowest pane: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole("button", { name: "Log email" }).click();
    await page.getByTestId("logged-banner").waitFor();
    await screenshot(page, "outlook-bad-input");

    const [logged, ...more] = await activitiesOfMail(server, token, crowd.internetMessageId);
    expect(more).toEqual([]);
    const full = await callApi<{
      subject: string;
      bodyText: string;
      participants: Array<{ address: string | null; name: string }>;
    }>(server, token, "GET", `/activities/${logged?.id}`);
    expect(full.body.subject).toBe(crowd.subject);
    expect(full.body.participants).toHaveLength(500);
    expect(full.body.participants[0]).toMatchObject({ address: null, name: "Ops Robot" });
    expect(full.body.bodyText.length).toBeLessThanOrEqual(100_000);
    expect(full.body.bodyText.startsWith("Ligne de devis très longue.")).toBe(true);
    await page.context().close();
  });

  it("a Sent Item without its internetMessageId yet: said so, and no Log button", async () => {
    const unsent: MessageSpec = { ...mail, itemId: "AAMkNoId=", internetMessageId: "" };
    const page = await openOutlook(
      browser,
      server.url,
      hostSetup(unsent, { roamingSettings: { "rapport.apiToken": token } }),
    );
    await page.getByTestId("no-message-id").waitFor();
    expect(await page.getByRole("button", { name: "Log email" }).count()).toBe(0);
    await page.context().close();
  });
});

describe("privacy", () => {
  it("does not offer mail between colleagues unless the user insists", async () => {
    const internal: MessageSpec = {
      ...mail,
      itemId: "AAMkInternal=",
      internetMessageId: "<internal.1@rapport.local>",
      from: { displayName: "Inès Haddad", emailAddress: "ines.haddad@rapport.local" },
      to: [{ displayName: "Julien Mercier", emailAddress: "julien.mercier@rapport.local" }],
    };
    const page = await openOutlook(
      browser,
      server.url,
      hostSetup(internal, { roamingSettings: { "rapport.apiToken": token } }),
    );
    const hold = page.getByTestId("privacy-hold");
    await hold.waitFor();
    expect(await hold.textContent()).toContain("Mail between colleagues is not logged.");
    expect(await page.getByRole("button", { name: "Log email" }).count()).toBe(0);
    await hold.getByRole("button", { name: "Log anyway" }).click();
    await page.getByRole("button", { name: "Log email" }).click();
    await page.getByTestId("logged-banner").waitFor();
    expect(await activitiesOfMail(server, token, internal.internetMessageId)).toHaveLength(1);
    await page.context().close();
  });

  it("holds back mail with a domain the admin blocked, and matches nobody there", async () => {
    const admin = server.adminToken as string;
    const set = await callApi(server, admin, "PATCH", "/settings/privacy", { blockedDomains: ["lawfirm.example"] });
    expect(set.status).toBe(200);
    const counsel: MessageSpec = {
      ...mail,
      itemId: "AAMkCounsel=",
      internetMessageId: "<counsel.1@contoso.onmicrosoft.com>",
      cc: [{ displayName: "Maître Martin", emailAddress: "martin@lawfirm.example" }],
    };
    const page = await openOutlook(
      browser,
      server.url,
      hostSetup(counsel, { roamingSettings: { "rapport.apiToken": token } }),
    );
    const hold = page.getByTestId("privacy-hold");
    await hold.waitFor();
    expect(await hold.textContent()).toContain("Your organisation does not log mail with lawfirm.example.");
    await card(page, "Maître Martin").getByTestId("person-blocked").waitFor();
    await callApi(server, admin, "PATCH", "/settings/privacy", { blockedDomains: [] });
    await page.context().close();
  });

  it("never logs a sender the user chose, from the pane", async () => {
    const newsletter: MessageSpec = {
      ...mail,
      itemId: "AAMkNewsletter=",
      internetMessageId: "<newsletter.1@fabrikam.example>",
      from: { displayName: "Fabrikam News", emailAddress: "news@fabrikam.example" },
    };
    const page = await openOutlook(
      browser,
      server.url,
      hostSetup(newsletter, { roamingSettings: { "rapport.apiToken": token } }),
    );
    await card(page, "Fabrikam News").getByRole("button", { name: "Never log this sender" }).click();
    await page.getByTestId("privacy-hold").waitFor();
    expect(await page.getByTestId("privacy-hold").textContent()).toContain("news@fabrikam.example");
    const policy = await callApi<{ neverLog: string[] }>(server, token, "GET", "/privacy");
    expect(policy.body.neverLog).toContain("news@fabrikam.example");
    await card(page, "Fabrikam News").getByRole("button", { name: "Log this sender again" }).click();
    await page.getByRole("button", { name: "Log email" }).waitFor();
    await page.context().close();
  });
});

describe("on a phone (Mailbox 1.5) and in French", () => {
  it("looks up and logs, and says composing is not logged there", async () => {
    const page = await openOutlook(
      browser,
      server.url,
      hostSetup(mail, {
        mailboxVersion: "1.5",
        displayLanguage: "fr-FR",
        bodyBackgroundColor: "#1f1f1f",
        roamingSettings: { "rapport.apiToken": token },
      }),
    );
    await page.getByTestId("logged-banner").waitFor();
    expect(await page.getByTestId("logged-banner").textContent()).toContain("Enregistré le");
    expect(await page.getAttribute(".fui-FluentProvider", "lang")).toBe("fr");
    const draft: MessageSpec = { ...mail, mode: "compose", itemId: "AAMkDraft=", internetMessageId: "" };
    await page.evaluate((spec) => window.__outlook?.open(spec), draft);
    await page.getByText("Sur cet appareil, Rapport recherche et enregistre").waitFor();
    expect(await page.getByTestId("log-when-sent").count()).toBe(0);
    await screenshot(page, "outlook-mobile-fr-dark");
    await page.context().close();
  });
});
