import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPane } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server-process.ts";

/** The least an Office host does: say it is ready, in French and a dark theme. */
const minimalHost = (host: string) => `
  window.Office = {
    HostType: { Outlook: "Outlook", Excel: "Excel" },
    onReady: () => Promise.resolve({ host: "${host}", platform: "OfficeOnline" }),
    context: {
      displayLanguage: "fr-FR",
      officeTheme: { bodyBackgroundColor: "#1f1f1f" },
      requirements: { isSetSupported: () => false },
    },
  };`;

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each([
  ["outlook", "Outlook"],
  ["excel", "Excel"],
])("the %s pane", (name, host) => {
  it("is served with a policy that lets only Office frame it and only Microsoft's CDN script it", async () => {
    const response = await fetch(`${server.url}/addins/${name}/`);
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toMatch(/frame-ancestors [^;]*https:\/\/\*\.office\.com/);
    expect(policy).not.toMatch(/frame-ancestors[^;]*\s\*(\s|;|$)/);
  });

  it("starts in Chromium inside a simulated host, in Office's language and theme, without errors", async () => {
    const page = await openPane(browser, `${server.url}/addins/${name}/`, { officeScript: minimalHost(host) });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.waitForFunction(() => (document.getElementById("root")?.textContent ?? "").length > 0);
    expect(await page.getAttribute(".fui-FluentProvider", "lang")).toBe("fr");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("refuses paths outside the pane", async () => {
    const response = await fetch(`${server.url}/addins/${name}/..%2F..%2Fpackage.json`);
    expect(response.status).toBe(404);
  });
});
