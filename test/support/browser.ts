import { existsSync } from "node:fs";
import { build } from "esbuild";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`); never a browser downloaded by Playwright. */
export const CHROMIUM = process.env.RAPPORT_CHROMIUM ?? "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The URL the panes' HTML loads Office.js from; tests answer it with a simulated host. */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` (.ci/run does).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/**
 * Bundles a simulated Office host (TypeScript under test/support/) into one script for the browser,
 * so it can stand in for Office.js exactly where the page loads it.
 */
export async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: "iife", target: "es2022" });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}

export type PaneOptions = {
  /** The simulated host's script, served in place of Office.js. */
  officeScript: string;
  /** Runs before any page script: seeds the simulated host's mailbox or workbook, the token... */
  init?: { script: string } | { fn: (arg: unknown) => void; arg?: unknown };
  width?: number;
  height?: number;
};

/**
 * Opens a pane as Office would: a 320+ px wide page whose Office.js is the simulated host, with no
 * other request leaving the machine (anything not on the server's origin fails, as offline).
 */
export async function openPane(browser: Browser, url: string, options: PaneOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 360, height: options.height ?? 800 },
  });
  await context.route("**/*", (route) => {
    const target = route.request().url();
    if (target.startsWith(OFFICE_JS_URL)) {
      return route.fulfill({ status: 200, contentType: "text/javascript", body: options.officeScript });
    }
    if (target.startsWith(new URL(url).origin)) return route.continue();
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  if (options.init) {
    if ("script" in options.init) await page.addInitScript({ content: options.init.script });
    else await page.addInitScript(options.init.fn, options.init.arg);
  }
  await page.goto(url);
  return page;
}
