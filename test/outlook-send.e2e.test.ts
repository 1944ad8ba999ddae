import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createContext, runInContext } from "node:vm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { messageGet } from "./support/outlook-host/graph-files.ts";
import { messageFromGraph } from "./support/outlook-host/graph-items.ts";
import { hostSetupScript, outlookHostScript } from "./support/outlook-host/host-script.ts";
import type { MessageSpec } from "./support/outlook-host/item-spec.ts";
import { hostSetup, JULIEN, openOutlook, reopenOutlook, screenshot } from "./support/outlook-host/open-outlook.ts";
import { activitiesOfMail, repToken, seedContoso } from "./support/outlook-host/rapport-api.ts";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server-process.ts";

/** The machine runs other suites too: answers are awaited, not timed. */
const PATIENTLY = { timeout: 30_000 };

/**
 * "Log when sent": chosen in the compose pane, kept on the draft as a custom property, logged by
 * the on-send handler (commands.html, and launchevent.js as classic Outlook loads it), or by the
 * pane when the sent mail is opened where Outlook has no on-send runtime; never twice.
 */
let server: RunningServer;
let browser: Browser;
let token: string;
let contoso: string;
let adele: string;
const received = messageFromGraph(messageGet());

/** Julien's reply to Adele's mail, being written. */
const draft = (itemId: string): MessageSpec => ({
  ...received,
  mode: "compose",
  itemId,
  internetMessageId: "",
  subject: "RE: 9/9/2018: concert",
  from: JULIEN,
  to: [{ displayName: "Adele Vance", emailAddress: "adelev@contoso.onmicrosoft.com" }],
  cc: [],
  bodyHtml: "<p>Merci Adele, à samedi pour le concert.</p>",
});
/** The same mail in Sent Items: Exchange gave it its internetMessageId and kept the custom properties. */
const sentItem = (from: MessageSpec, customProperties: Record<string, string>): MessageSpec => ({
  ...from,
  mode: "read",
  itemId: `${from.itemId}-sent`,
  internetMessageId: `<${from.itemId}.sent@rapport.local>`,
  dateTimeCreated: new Date().toISOString(),
  customProperties,
});
const signedIn = () => ({ roamingSettings: { "rapport.apiToken": token, "rapport.serverUrl": server.url } });
const markOf = (properties: Record<string, string>) =>
  JSON.parse(properties.rapport ?? "null") as { key: string; state: string; attached?: boolean } | null;
const countOf = (internetMessageId: string) => () =>
  activitiesOfMail(server, token, internetMessageId).then((found) => found.length);
const savedProperties = (page: Page, itemId: string) =>
  page.evaluate((id) => window.__outlook?.customProperties(id) ?? {}, itemId);

async function chooseLogWhenSent(context: BrowserContext | null, spec: MessageSpec, mailboxVersion = "1.13") {
  const setup = hostSetup(spec, { ...signedIn(), mailboxVersion });
  const page = context
    ? await reopenOutlook(context, server.url, setup)
    : await openOutlook(browser, server.url, setup);
  await page.getByTestId("log-when-sent").click();
  await page.getByTestId("records-editor").getByText("Contoso").waitFor();
  await expect.poll(async () => markOf(await savedProperties(page, spec.itemId))?.state, PATIENTLY).toBe("chosen");
  return { page, properties: await savedProperties(page, spec.itemId) };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ args: ["--demo"], env: { RAPPORT_OWN_DOMAINS: "rapport.local" } }),
    launchChromium(),
  ]);
  token = await repToken(server);
  ({ contoso, adele } = await seedContoso(server, token));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("log when sent", () => {
  it("is logged by the on-send handler as the mail leaves, and shown logged in Sent Items, once", async () => {
    const spec = draft("AAMkDraftOne=");
    const { page, properties } = await chooseLogWhenSent(null, spec);
    await screenshot(page, "outlook-compose");
    const key = markOf(properties)?.key as string;
    expect(key).toMatch(/^<rapport-send\.[0-9a-f-]+@rapport\.invalid>$/);

    // Send: Outlook opens the function file with the draft and raises OnMessageSend.
    const commands = await reopenOutlook(
      page.context(),
      server.url,
      hostSetup({ ...spec, customProperties: properties }, signedIn()),
      "commands.html",
    );
    expect(await commands.evaluate(() => window.__outlook?.send())).toEqual({ allowEvent: true });
    const [logged, ...more] = await activitiesOfMail(server, token, key);
    expect(more).toEqual([]);
    expect(logged).toMatchObject({
      type: "email",
      direction: "out",
      subject: "RE: 9/9/2018: concert",
      accountId: contoso,
      bodyText: "Merci Adele, à samedi pour le concert.",
      externalIds: { internetMessageId: key, conversationId: received.conversationId },
    });
    const participants = (logged?.participants ?? []) as Array<{ contactId: string | null }>;
    expect(participants.map((p) => p.contactId)).toContain(adele);
    const afterSend = await savedProperties(commands, spec.itemId);
    expect(markOf(afterSend)?.state).toBe("logged");

    // In Sent Items the mail has its real internetMessageId: the pane gives it to the activity, once.
    const inSentItems = sentItem(spec, afterSend);
    const sent = await openOutlook(browser, server.url, hostSetup(inSentItems, signedIn()));
    await sent.getByTestId("logged-banner").waitFor();
    await expect.poll(countOf(inSentItems.internetMessageId), PATIENTLY).toBe(1);
    expect(await activitiesOfMail(server, token, key)).toEqual([]);
    expect((await activitiesOfMail(server, token, inSentItems.internetMessageId))[0]).toMatchObject({
      id: logged?.id,
      externalIds: { internetMessageId: inSentItems.internetMessageId, conversationId: received.conversationId },
    });
    await expect
      .poll(async () => markOf(await savedProperties(sent, inSentItems.itemId))?.attached, PATIENTLY)
      .toBe(true);
    await sent.getByTestId("logged-banner").waitFor();

    // Adele's copy of the same mail, in another mailbox (no mark of Rapport's on it): logged already.
    const adelesCopy = { ...inSentItems, itemId: "AAMkAdelesCopy=", customProperties: {} };
    const colleague = await openOutlook(browser, server.url, hostSetup(adelesCopy, signedIn()));
    await colleague.getByTestId("logged-banner").waitFor();
    expect(await colleague.getByRole("button", { name: "Log email" }).count()).toBe(0);
    expect(await countOf(inSentItems.internetMessageId)()).toBe(1);

    // A copy whose mark predates that (the write did not reach it): the log is found by the real id.
    const stale = await openOutlook(browser, server.url, hostSetup(inSentItems, signedIn()));
    await expect
      .poll(async () => markOf(await savedProperties(stale, inSentItems.itemId))?.attached, PATIENTLY)
      .toBe(true);
    await stale.getByTestId("logged-banner").waitFor();
    expect(await stale.getByRole("button", { name: "Log email" }).count()).toBe(0);
    expect(await countOf(inSentItems.internetMessageId)()).toBe(1);
    expect(await activitiesOfMail(server, token, key)).toEqual([]);
    await Promise.all([
      page.context().close(),
      sent.context().close(),
      colleague.context().close(),
      stale.context().close(),
    ]);
  });

  it("where Outlook has no on-send runtime, is logged when the sent mail is next opened, once", async () => {
    const spec = draft("AAMkDraftTwo=");
    const { page, properties } = await chooseLogWhenSent(null, spec, "1.8");
    expect(await page.textContent("body")).toContain("It is logged the next time you open it in Sent Items.");
    const key = markOf(properties)?.key as string;
    await page.context().close();

    const inSentItems = sentItem(spec, properties);
    const sent = await openOutlook(
      browser,
      server.url,
      hostSetup(inSentItems, { ...signedIn(), mailboxVersion: "1.8" }),
    );
    await sent.getByTestId("logged-banner").waitFor();
    // Logged under the key chosen in compose, then given the real internetMessageId.
    await expect.poll(countOf(inSentItems.internetMessageId), PATIENTLY).toBe(1);
    expect(await activitiesOfMail(server, token, key)).toEqual([]);
    // The pane wrote the outcome on the item: opened again elsewhere, it is shown logged and not sent again.
    await expect
      .poll(async () => markOf(await savedProperties(sent, inSentItems.itemId))?.attached, PATIENTLY)
      .toBe(true);
    const marked = await savedProperties(sent, inSentItems.itemId);
    expect(markOf(marked)?.state).toBe("logged");
    await sent.context().close();
    const again = await openOutlook(browser, server.url, hostSetup(sentItem(spec, marked), signedIn()));
    await again.getByTestId("logged-banner").waitFor();
    expect(await countOf(inSentItems.internetMessageId)()).toBe(1);
    expect(await activitiesOfMail(server, token, key)).toEqual([]);
    await again.context().close();
  });

  it("never keeps a mail from leaving when Rapport is unreachable: the log waits and goes later", async () => {
    const spec = draft("AAMkDraftThree=");
    const { page, properties } = await chooseLogWhenSent(null, spec);
    const key = markOf(properties)?.key as string;
    const context = page.context();
    await page.close();

    const commands = await reopenOutlook(
      context,
      server.url,
      hostSetup({ ...spec, customProperties: properties }, signedIn()),
      "commands.html",
    );
    await commands.route("**/api/v1/activities", (route) => route.abort("connectionrefused"));
    expect(await commands.evaluate(() => window.__outlook?.send())).toEqual({ allowEvent: true });
    expect(markOf(await savedProperties(commands, spec.itemId))?.state).toBe("queued");
    expect(await activitiesOfMail(server, token, key)).toHaveLength(0);
    await commands.close();

    // The pane shares the handler's storage: its outbox sends the waiting log as soon as it starts.
    const pane = await reopenOutlook(context, server.url, hostSetup(received, signedIn()));
    await pane.getByTestId("person-card").first().waitFor();
    await expect.poll(() => activitiesOfMail(server, token, key).then((a) => a.length), PATIENTLY).toBe(1);
    await expect.poll(() => pane.getByTestId("outbox").count(), PATIENTLY).toBe(0);
    await context.close();
  });
});

describe("launchevent.js, as classic Outlook on Windows runs it", () => {
  it("is one script that logs the mail without a module loader, a page address or browser storage", async () => {
    const script = await (await fetch(`${server.url}/addins/outlook/launchevent.js`)).text();
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
    const spec = draft("AAMkDraftFour=");
    const key = "<rapport-send.launchevent-e2e@rapport.invalid>";
    const mark = {
      v: 1,
      kind: "send",
      key,
      links: [{ kind: "account", id: contoso, name: "Contoso" }],
      state: "chosen",
      override: false,
    };
    const setup = hostSetup({ ...spec, customProperties: { rapport: JSON.stringify(mark) } }, signedIn());

    // Only what the JavaScript runtime offers: timers, fetch, URL, crypto. The simulated host needs
    // a `window` to hang Office on and a DOMParser for bodies; launchevent.js finds no location or storage.
    const runtime = createContext({
      setTimeout,
      clearTimeout,
      fetch,
      Headers,
      Request,
      Response,
      AbortSignal,
      AbortController,
      URL,
      URLSearchParams,
      TextEncoder,
      TextDecoder,
      crypto,
      console,
      DOMParser: class {
        parseFromString(html: string) {
          return { body: { textContent: html.replace(/<[^>]*>/g, "") } };
        }
      },
    });
    runInContext("var window = globalThis;", runtime);
    runInContext(hostSetupScript(setup).script, runtime);
    runInContext(await outlookHostScript(), runtime);
    runInContext(script, runtime, { filename: "launchevent.js" });
    expect(runInContext("typeof location + typeof localStorage", runtime)).toBe("undefinedundefined");

    const answer = await runInContext("window.__outlook.send()", runtime);
    expect(answer).toEqual({ allowEvent: true });
    expect(await activitiesOfMail(server, token, key)).toMatchObject([{ accountId: contoso, direction: "out" }]);
    const saved = runInContext(`window.__outlook.customProperties(${JSON.stringify(spec.itemId)})`, runtime);
    expect(markOf(saved)?.state).toBe("logged");
  });

  it("is built where the manifest points: /addins/outlook/commands.html loads Office.js and this handler", async () => {
    const commands = await fetch(`${server.url}/addins/outlook/commands.html`);
    expect(commands.status).toBe(200);
    const html = await commands.text();
    expect(html).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
    expect(html).toMatch(/<script src="\.\/launchevent\.js\?v=[0-9a-f]{12}"><\/script>/);
    const built = readFileSync(resolve(REPO_ROOT, "addin-outlook/dist/launchevent.js"), "utf8");
    expect(built).toContain("onMessageSendHandler");
  });
});
