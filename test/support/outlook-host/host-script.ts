import { resolve } from "node:path";
import { bundleForBrowser } from "../browser.ts";
import type { HostSetup } from "./item-spec.ts";

let bundled: Promise<string> | null = null;

/** The simulated Outlook, bundled once per test run, to serve in place of Microsoft's office.js. */
export function outlookHostScript(): Promise<string> {
  bundled ??= bundleForBrowser(resolve(import.meta.dirname, "outlook-host.ts"));
  return bundled;
}

/** The script that hands the host its setup before any of the page's scripts run. */
export function hostSetupScript(setup: HostSetup): { script: string } {
  return { script: `window.__outlookSetup = ${JSON.stringify(setup)};` };
}
