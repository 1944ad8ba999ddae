import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server-process.ts";

/**
 * The admin page as an admin uses it, in headless Chromium against a real server: sign in with the
 * token printed at first start, see the server's status, add a user and give them a token, revoke
 * it, set the privacy policy, and find the add-ins and how to deploy them, in English and French,
 * light and dark, with the keyboard.
 */

let server: RunningServer;
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  adminToken = server.adminToken ?? "";
  expect(adminToken).toMatch(/^rap_/);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh browser profile that reaches this server only, as if offline otherwise. */
async function openAdmin(options: { locale?: string; colorScheme?: "light" | "dark" } = {}) {
  const context: BrowserContext = await browser.newContext({
    locale: options.locale ?? "en-GB",
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: 1200, height: 900 },
  });
  await context.route("**/*", (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort("internetdisconnected"),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  // A Content-Security-Policy refusal shows as a console error: it would mean the page breaks its own policy.
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(`${server.url}/admin/`);
  return { page, context, problems };
}

async function signIn(page: Page, token = adminToken) {
  await page.getByRole("textbox", { name: "Admin token" }).fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const api = async (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });

describe("the admin page", () => {
  it("is served from / and /admin with a policy that forbids framing it", async () => {
    const root = await fetch(`${server.url}/`, { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/admin/");
    const page = await fetch(`${server.url}/admin/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self';");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("refuses a wrong token and a non-admin's, and shows what anyone may read", async () => {
    const { page, context, problems } = await openAdmin();
    await page.getByRole("heading", { name: "Privacy" }).waitFor();
    expect(await page.locator("#privacy").textContent()).toContain("stored on this server");
    await signIn(page, "rap_not-a-token");
    await page.getByText("This token was not accepted.").waitFor();

    const user = await (
      await api("/users", adminToken, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "rep.only@example.fr", name: "Rep Only", role: "rep" }),
      })
    ).json();
    const token = await (
      await api("/tokens", adminToken, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userId: user.id, name: "rep" }),
      })
    ).json();
    await signIn(page, token.token);
    await page.getByText("not an administrator's").waitFor();
    expect(problems.filter((p) => !/401|403/.test(p))).toEqual([]);
    await context.close();
  });

  it("shows the server's status, adds a user, gives them a token once, and revokes it", async () => {
    const { page, context, problems } = await openAdmin();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await signIn(page);
    await page.getByText("Signed in as").waitFor();
    await page.getByText("Running normally").waitFor();
    expect(await page.getByRole("tabpanel").textContent()).toContain("SQLite");

    await page.getByRole("tab", { name: "Users and tokens" }).click();
    const addUser = page.getByRole("form", { name: "Add a user" });
    await addUser.getByLabel("Email").fill("lea.martin@example.fr");
    await addUser.getByLabel("Name").fill("Léa Martin");
    await addUser.getByRole("button", { name: "Create" }).click();
    await page.getByRole("cell", { name: "lea.martin@example.fr" }).waitFor();
    await page.getByRole("heading", { name: "API tokens of Léa Martin" }).waitFor();

    const newToken = page.getByRole("form", { name: "New token" });
    await newToken.getByLabel("Token name").fill("Léa's laptop");
    await newToken.getByRole("button", { name: "New token" }).click();
    const secret = (await page.getByTestId("new-token").textContent()) ?? "";
    expect(secret).toMatch(/^rap_/);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const me = await api("/me", secret);
    expect(me.status).toBe(200);
    expect((await me.json()).email).toBe("lea.martin@example.fr");
    await page.getByRole("button", { name: "Done" }).click();
    expect(await page.getByTestId("new-token").count()).toBe(0);

    await page
      .getByRole("row", { name: /Léa's laptop/ })
      .getByRole("button", { name: "Revoke" })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("row", { name: /Léa's laptop.*Revoked/ }).waitFor();
    expect((await api("/me", secret)).status).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("saves the privacy policy the server then enforces", async () => {
    const { page, context, problems } = await openAdmin();
    await signIn(page);
    await page.getByRole("tab", { name: "Privacy policy" }).click();
    await page.getByLabel("Blocked domains").fill("concurrent.fr\n\n  rival.com ");
    await page.getByLabel("Blocked addresses").fill("dpo@example.fr");
    await page.getByRole("radio", { name: "The subject too" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("The privacy policy is saved.").waitFor();
    const saved = await (await api("/settings/privacy", adminToken)).json();
    expect(saved).toMatchObject({
      blockedDomains: ["concurrent.fr", "rival.com"],
      blockedAddresses: ["dpo@example.fr"],
      captureLevel: "subject",
    });
    // A bad entry comes back as the server's own explanation, and nothing is saved.
    await page.getByLabel("Blocked domains").fill("not a domain");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("alert").waitFor();
    expect((await (await api("/settings/privacy", adminToken)).json()).blockedDomains).toEqual(saved.blockedDomains);
    expect(problems.filter((p) => !/422/.test(p))).toEqual([]);
    await context.close();
  });

  it("lists the add-ins' downloads and deployment steps, and says why a manifest cannot be made", async () => {
    const { page, context } = await openAdmin();
    await signIn(page);
    await page.getByRole("tab", { name: "Add-ins" }).click();
    // This test server speaks plain HTTP, so the manifests are refused with the reason.
    await page
      .getByText(/Not available: Office loads add-ins over HTTPS only/)
      .first()
      .waitFor();
    // The central deployment steps are open from the start; the others open on demand.
    await page.getByText("Go to Settings › Integrated apps and choose Upload custom apps.").waitFor();
    await page.getByRole("button", { name: /Try it yourself in Outlook/ }).click();
    expect(await page.getByText("https://aka.ms/olksideload", { exact: false }).count()).toBe(1);
    await context.close();
  });

  it("speaks French to a French browser, follows its dark theme, and works from the keyboard", async () => {
    const { page, context, problems } = await openAdmin({ locale: "fr-FR", colorScheme: "dark" });
    await page.getByRole("heading", { name: "Administration de Rapport" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    const background = await page
      .locator(".fui-FluentProvider")
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(0.2126 * r + 0.7152 * g + 0.0722 * b).toBeLessThan(128);

    // Tab into the token field, type, and submit with Enter: no mouse.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if (
        await page
          .getByRole("textbox", { name: "Jeton d’administrateur" })
          .evaluate((el) => el === document.activeElement)
      )
        break;
    }
    await page.keyboard.type(adminToken);
    await page.keyboard.press("Enter");
    await page.getByText("Connecté en tant que").waitFor();
    // Tabs move with the arrow keys, as a tab list should.
    await page.getByRole("tab", { name: "État" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Utilisateurs" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
