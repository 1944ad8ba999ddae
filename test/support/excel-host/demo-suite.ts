import type { Browser } from "playwright-core";
import { launchChromium } from "../browser.ts";
import { type RunningServer, startServer } from "../server-process.ts";
import { excelHostScript } from "./pane-session.ts";
import { rapportApi, tokenFor } from "./rapport-api.ts";

export type DemoExcelSuite = {
  server: RunningServer;
  browser: Browser;
  /** The simulated host's office.js, served in place of the CDN's. */
  officeScript: string;
  admin: ReturnType<typeof rapportApi>;
  /** The API as the demo user the suite acts for, and that user's token for the pane. */
  user: ReturnType<typeof rapportApi>;
  token: string;
};

/** What the Excel pane's browser suites start with: the demo server, Chromium, the host, and a demo user's token. */
export async function startDemoExcelSuite(email: string): Promise<DemoExcelSuite> {
  const [server, browser, officeScript] = await Promise.all([
    startServer({ args: ["--demo"] }),
    launchChromium(),
    excelHostScript(),
  ]);
  try {
    if (!server.adminToken) throw new Error("the server printed no admin token");
    const { token } = await tokenFor(server.url, server.adminToken, email);
    return {
      server,
      browser,
      officeScript,
      admin: rapportApi(server.url, server.adminToken),
      user: rapportApi(server.url, token),
      token,
    };
  } catch (error) {
    // The suite never gets them to close in its afterAll.
    await browser.close();
    await server.stop();
    throw error;
  }
}
