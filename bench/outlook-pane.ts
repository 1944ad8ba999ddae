/**
 * The Outlook task pane (DESIGN.md section 11 and issue 4), built as `npm run build` builds it:
 *
 *   - bundle size: every script and style index.html loads, gzipped (budget under 300 KB); and
 *     launchevent.js, the on-send handler classic Outlook loads on each send (no budget);
 *   - time to first people card: the built pane opened in headless Chromium inside the simulated
 *     Outlook (test/support/outlook-host), signed in, on Graph's recorded message-get.json, against
 *     a real server with the demo workspace: from navigation start to the first card on screen,
 *     each run in a fresh browser context (nothing cached, as a pane's first open of the day);
 *   - the same when a pinned pane moves to another mail (ItemChanged): from the event to the card.
 *
 * BENCH_PANE_RUNS (20) sets the runs of each timing.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { build } from "vite";
import { launchChromium } from "../test/support/browser.ts";
import { messageGet, recordedMessages } from "../test/support/outlook-host/graph-files.ts";
import { messageFromGraph } from "../test/support/outlook-host/graph-items.ts";
import { hostSetup, openOutlook } from "../test/support/outlook-host/open-outlook.ts";
import { create, repToken } from "../test/support/outlook-host/rapport-api.ts";
import { REPO_ROOT, startServer } from "../test/support/server-process.ts";
import type { Figure } from "./lib/results.ts";

const PANE = resolve(REPO_ROOT, "addin-outlook");
const RUNS = Number(process.env.BENCH_PANE_RUNS ?? 20);
const BUDGET_GZIP_KB = 300;

export async function outlookPaneFigures(log: (line: string) => void): Promise<Figure[]> {
  log("outlook pane: building addin-outlook");
  await build({ root: PANE, configFile: resolve(PANE, "vite.config.ts"), logLevel: "warn" });
  const paneKb = gzippedKb(assetsOf(resolve(PANE, "dist/index.html")));
  const handlerKb = gzippedKb([resolve(PANE, "dist/launchevent.js")]);
  const timings = await timeToFirstCard(log);
  return [
    { name: "outlook pane bundle gzipped", value: paneKb, unit: "KB", budget: BUDGET_GZIP_KB, better: "lower" },
    { name: "outlook launchevent.js gzipped", value: handlerKb, unit: "KB", budget: null, better: "lower" },
    {
      name: "outlook first card p50 (cold open)",
      value: percentile(timings.open, 50),
      unit: "ms",
      budget: null,
      better: "lower",
    },
    {
      name: "outlook first card p95 (cold open)",
      value: percentile(timings.open, 95),
      unit: "ms",
      budget: null,
      better: "lower",
    },
    {
      name: "outlook first card p50 (item changed)",
      value: percentile(timings.change, 50),
      unit: "ms",
      budget: null,
      better: "lower",
    },
    {
      name: "outlook first card p95 (item changed)",
      value: percentile(timings.change, 95),
      unit: "ms",
      budget: null,
      better: "lower",
    },
  ];
}

/** The built files a page loads: its module scripts, preloads and styles, resolved next to it. */
function assetsOf(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, "utf8");
  const local = [...html.matchAll(/(?:src|href)="(\.\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
  return local.map((path) => resolve(htmlFile, "..", path));
}

function gzippedKb(files: string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0) / 1024;
}

async function timeToFirstCard(log: (line: string) => void): Promise<{ open: number[]; change: number[] }> {
  const [server, browser] = await Promise.all([startServer({ args: ["--demo"] }), launchChromium()]);
  try {
    const token = await repToken(server);
    const contoso = await create(server, token, "/accounts", { name: "Contoso", domains: ["contoso.onmicrosoft.com"] });
    await create(server, token, "/contacts", {
      firstName: "Adele",
      lastName: "Vance",
      emails: ["adelev@contoso.onmicrosoft.com"],
      accountId: contoso,
    });
    const mail = messageFromGraph(messageGet());
    const [other] = recordedMessages();
    if (!other) throw new Error("No recorded Graph message to switch to");
    const next = messageFromGraph(other);
    const setup = hostSetup(mail, { roamingSettings: { "rapport.apiToken": token } });
    log(`outlook pane: ${RUNS} cold opens and ${RUNS} item changes in Chromium`);
    const open: number[] = [];
    const change: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await openOutlook(browser, server.url, setup);
      // Checked on every frame in the page, so the time is when the card appeared, not when a poll saw it.
      open.push(await cardShownAt(page, '[data-testid="person-card"]'));
      const started = await page.evaluate((spec) => {
        document.querySelectorAll('[data-testid="person-card"]').forEach((card) => {
          card.setAttribute("data-before", "");
        });
        window.__outlook?.open(spec);
        return performance.now();
      }, next);
      // The view is rebuilt for the new item: a card without the mark is the new item's.
      change.push((await cardShownAt(page, '[data-testid="person-card"]:not([data-before])')) - started);
      await page.context().close();
    }
    return { open, change };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** performance.now() in the page (ms since navigation start) on the first frame that shows a matching card. */
async function cardShownAt(page: Page, selector: string): Promise<number> {
  // A function, not a string: the pane's CSP rightly forbids eval.
  const shown = await page.waitForFunction((css) => (document.querySelector(css) ? performance.now() : 0), selector, {
    polling: "raf",
    timeout: 30_000,
  });
  return (await shown.jsonValue()) as number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
