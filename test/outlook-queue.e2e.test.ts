import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { messageGet, recordedMessages } from "./support/outlook-host/graph-files.ts";
import { messageFromGraph } from "./support/outlook-host/graph-items.ts";
import { type LoopbackProxy, startLoopbackProxy } from "./support/outlook-host/loopback-proxy.ts";
import { hostSetup, openOutlook, reopenOutlook, screenshot } from "./support/outlook-host/open-outlook.ts";
import { activitiesOfMail, repToken, seedContoso } from "./support/outlook-host/rapport-api.ts";
import { type RunningServer, startServer } from "./support/server-process.ts";

/** The machine runs other suites too: answers are awaited, not timed. */
const PATIENTLY = { timeout: 30_000 };

/**
 * "Never lose a log": the real server is stopped (its process ends) while the pane is open, and a
 * new one is started on the same data directory. The pane reaches both through a loopback proxy
 * on a fixed port, as it would through the admin's reverse proxy, so its origin (and the outbox in
 * that origin's storage) stays the same: the queue is the real one, across a real outage.
 */
let proxy: LoopbackProxy;
let browser: Browser;
let server: RunningServer;
let token: string;
const dataDir = mkdtempSync(join(tmpdir(), "rapport-outlook-queue-"));
const mail = messageFromGraph(messageGet());

async function startRapport(): Promise<RunningServer> {
  const started = await startServer({
    args: ["--demo"],
    dataDir,
    env: { RAPPORT_OWN_DOMAINS: "rapport.local", RAPPORT_PUBLIC_URL: proxy.url },
  });
  proxy.forwardTo(started.url);
  return started;
}

beforeAll(async () => {
  [proxy, browser] = await Promise.all([startLoopbackProxy(), launchChromium()]);
  server = await startRapport();
  token = await repToken(server);
  await seedContoso(server, token);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await proxy?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The token in the mailbox's roaming settings, as after signing in once. */
const signedIn = () => ({ roamingSettings: { "rapport.apiToken": token } });
const outbox = (page: Page) => page.getByTestId("outbox");

describe("the outbox", () => {
  it("keeps a log made while Rapport is down and sends it, once, when Rapport is back", async () => {
    const page = await openOutlook(browser, proxy.url, hostSetup(mail, signedIn()));
    await expect.poll(() => page.getByTestId("person-card").count(), PATIENTLY).toBe(2);

    await server.stop(); // the process ends: every request now fails to connect
    await page.getByRole("button", { name: "Log email" }).click();
    await page.getByTestId("log-queued").waitFor();
    await outbox(page).waitFor();
    expect(await outbox(page).textContent()).toContain("Rapport cannot be reached.");
    expect(await outbox(page).textContent()).toContain("9/9/2018: concert");
    await screenshot(page, "outlook-queued");

    server = await startRapport(); // same data directory, another port, behind the same origin
    await outbox(page).waitFor({ state: "detached", timeout: 60_000 });
    await page.getByTestId("logged-banner").waitFor();
    expect(await activitiesOfMail(server, token, mail.internetMessageId)).toHaveLength(1);
    await screenshot(page, "outlook-queued-then-logged");
    await page.close();
  });

  it("keeps a log whose pane was closed meanwhile, and sends it when the pane opens again", async () => {
    const [reminder] = recordedMessages().filter((m) => m.subject === "Reminder - please bring laptop");
    const second = messageFromGraph(reminder as never);
    const page = await openOutlook(browser, proxy.url, hostSetup(second, signedIn()));
    await page.getByRole("button", { name: "Log email" }).waitFor();
    await server.stop();
    await page.getByRole("button", { name: "Log email" }).click();
    await page.getByTestId("log-queued").waitFor();
    const context = page.context();
    await page.close(); // the user moved on; the log waits in this origin's storage

    server = await startRapport();
    const reopened = await reopenOutlook(context, proxy.url, hostSetup(mail, signedIn()));
    await reopened.getByTestId("logged-banner").waitFor();
    await expect
      .poll(() => activitiesOfMail(server, token, second.internetMessageId).then((a) => a.length), PATIENTLY)
      .toBe(1);
    expect(await outbox(reopened).count()).toBe(0);
    await context.close();
  });

  it("retries a server answering 500 and says why meanwhile; never logs twice", async () => {
    const [debrief] = recordedMessages().filter((m) => m.subject === "Debrief from meetup");
    const third = messageFromGraph(debrief as never);
    const page = await openOutlook(browser, proxy.url, hostSetup(third, signedIn()));
    await page.getByRole("button", { name: "Log email" }).waitFor();
    const failing = (route: import("playwright-core").Route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 500,
            contentType: "application/problem+json",
            body: JSON.stringify({
              type: "about:blank",
              title: "Internal error",
              status: 500,
              detail: "Something broke.",
              code: "internal",
              requestId: "req_x",
            }),
          })
        : route.continue();
    await page.route("**/api/v1/activities", failing);
    await page.getByRole("button", { name: "Log email" }).click();
    await outbox(page).waitFor();
    expect(await outbox(page).textContent()).toContain("Rapport had a problem with this request.");
    await page.unroute("**/api/v1/activities", failing);
    await outbox(page).getByRole("button", { name: "Retry" }).click();
    await page.getByTestId("logged-banner").waitFor();
    expect(await activitiesOfMail(server, token, third.internetMessageId)).toHaveLength(1);
    await page.context().close();
  });

  it("gives up waiting on a server that never answers, and sends the log again later", async () => {
    const [kickoff] = recordedMessages().filter((m) => m.subject === "Kick off planning");
    const fourth = messageFromGraph(kickoff as never);
    const page = await openOutlook(browser, proxy.url, hostSetup(fourth, signedIn()));
    await page.getByRole("button", { name: "Log email" }).waitFor();
    const held: Array<() => Promise<void>> = [];
    const silent = (route: import("playwright-core").Route) => {
      if (route.request().method() !== "POST") return route.continue();
      held.push(() => route.abort());
      return undefined;
    };
    await page.route("**/api/v1/activities", silent);
    await page.getByRole("button", { name: "Log email" }).click();
    await outbox(page).getByText("Rapport did not answer in time.").waitFor({ timeout: 40_000 });
    await page.unroute("**/api/v1/activities", silent);
    await Promise.all(held.map((abort) => abort().catch(() => undefined)));
    await outbox(page).getByRole("button", { name: "Retry" }).click();
    await page.getByTestId("logged-banner").waitFor();
    expect(await activitiesOfMail(server, token, fourth.internetMessageId)).toHaveLength(1);
    await page.context().close();
  });
});
