import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { bundleForBrowser, openPane } from "../browser.ts";
import { REPO_ROOT } from "../server-process.ts";
import type { ExcelHostControl, HostOptions, SheetSnapshot } from "./install.ts";
import type { Scalar, SyncRecord } from "./workbook-model.ts";

export const ARTIFACTS = join(REPO_ROOT, "test/artifacts");

/** The simulated Excel host, bundled once for the browser. */
export async function excelHostScript(): Promise<string> {
  return bundleForBrowser(resolve(import.meta.dirname, "browser-entry.ts"));
}

/** The built Excel pane in Chromium inside the simulated host, and ways to read and drive its workbook. */
export async function openExcelPane(
  browser: Browser,
  serverUrl: string,
  options: HostOptions & { officeScript: string },
) {
  const { officeScript, ...host } = options;
  const page = await openPane(browser, `${serverUrl}/addins/excel/`, {
    officeScript,
    init: { fn: (arg) => Object.assign(window, { __excelHostOptions: arg }), arg: host },
    width: 380,
    height: 1100,
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors, workbook: workbookOf(page) };
}

type HostWindow = { __excelHost: ExcelHostControl };

export function workbookOf(page: Page) {
  return {
    snapshot: (sheet: string): Promise<SheetSnapshot> =>
      page.evaluate((name) => (window as unknown as HostWindow).__excelHost.snapshot(name), sheet),
    sheetNames: (): Promise<string[]> =>
      page.evaluate(() => (window as unknown as HostWindow).__excelHost.sheetNames()),
    settings: (): Promise<Record<string, unknown>> =>
      page.evaluate(() => (window as unknown as HostWindow).__excelHost.settings()),
    syncs: (): Promise<SyncRecord[]> => page.evaluate(() => (window as unknown as HostWindow).__excelHost.syncs()),
    type: (sheet: string, address: string, value: Scalar) =>
      page.evaluate(([s, a, v]) => (window as unknown as HostWindow).__excelHost.type(s, a, v), [
        sheet,
        address,
        value,
      ] as const),
    paste: (sheet: string, address: string, rows: Scalar[][]) =>
      page.evaluate(([s, a, r]) => (window as unknown as HostWindow).__excelHost.paste(s, a, r), [
        sheet,
        address,
        rows,
      ] as const),
    setError: (sheet: string, address: string, error: string) =>
      page.evaluate(([s, a, e]) => (window as unknown as HostWindow).__excelHost.setError(s, a, e), [
        sheet,
        address,
        error,
      ] as const),
    merge: (sheet: string, address: string) =>
      page.evaluate(([s, a]) => (window as unknown as HostWindow).__excelHost.merge(s, a), [sheet, address] as const),
    addSheet: (name: string) => page.evaluate((n) => (window as unknown as HostWindow).__excelHost.addSheet(n), name),
    activate: (name: string) => page.evaluate((n) => (window as unknown as HostWindow).__excelHost.activate(n), name),
    setSyncDelay: (ms: number) =>
      page.evaluate((m) => (window as unknown as HostWindow).__excelHost.setSyncDelay(m), ms),
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in as a user would: pastes the token and presses the button. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel(/API token|Jeton/).fill(token);
  await page.getByRole("button", { name: /^(Sign in|Se connecter)$/ }).click();
  await page.getByRole("tab", { name: /Segments/ }).waitFor();
}
