import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openPane } from "../browser.ts";
import { REPO_ROOT } from "../server-process.ts";
import { hostSetupScript, outlookHostScript } from "./host-script.ts";
import type { HostSetup, ItemSpec } from "./item-spec.ts";

/** Screenshots go here (ignored by git), for a person to look at what the tests saw. */
export const ARTIFACTS = resolve(REPO_ROOT, "test/artifacts");

export const JULIEN = { displayName: "Julien Mercier", emailAddress: "julien.mercier@rapport.local" };

export function hostSetup(item: ItemSpec | null, overrides: Partial<HostSetup> = {}): HostSetup {
  return {
    mailboxVersion: "1.13",
    displayLanguage: "en-US",
    bodyBackgroundColor: "#ffffff",
    user: JULIEN,
    item,
    roamingSettings: {},
    ...overrides,
  };
}

/** The built Outlook pane on the server, in a fresh browser context (another device), inside the simulated Outlook. */
export async function openOutlook(
  browser: Browser,
  serverUrl: string,
  setup: HostSetup,
  options: { page?: string; width?: number } = {},
) {
  return openPane(browser, `${serverUrl}/addins/outlook/${options.page ?? "index.html"}`, {
    officeScript: await outlookHostScript(),
    init: hostSetupScript(setup),
    ...(options.width ? { width: options.width } : {}),
  });
}

/** Another page in the same context (same browser storage), as when Outlook reopens the pane or runs the on-send handler. */
export async function reopenOutlook(context: BrowserContext, serverUrl: string, setup: HostSetup, page = "index.html") {
  const next = await context.newPage();
  await next.addInitScript({ content: hostSetupScript(setup).script });
  await next.goto(`${serverUrl}/addins/outlook/${page}`);
  return next;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
}
