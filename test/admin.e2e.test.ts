import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server-process.ts";

/**
 * The admin page as an admin uses it, in headless Chromium against a real server: sign in with the
 * token printed at first start, see the server's status, add a user and give them a token, revoke
 * it, organise teams and change a user's access, read the audit trail, set the privacy policy, and
 * find the add-ins and how to deploy them, in English and French, light and dark, with the keyboard.
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
async function openAdmin(options: { locale?: string; colorScheme?: "light" | "dark"; width?: number } = {}) {
  const context: BrowserContext = await browser.newContext({
    locale: options.locale ?? "en-GB",
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: options.width ?? 1200, height: 900 },
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

const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

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

  it("organises teams, changes a user's access, keeps the last admin an admin, and the trail tells it all", async () => {
    const noe = await (
      await api("/users", adminToken, post({ email: "noe.petit@example.fr", name: "Noé Petit" }))
    ).json();
    const { token } = await (
      await api("/tokens", adminToken, post({ userId: noe.id, name: "Noé's script", scopes: ["read", "write"] }))
    ).json();
    expect((await api("/me", token)).status).toBe(200);
    // Reaching for the admin's user list is refused, and the trail keeps Noé's name on it.
    expect((await api("/users", token)).status).toBe(403);

    const { page, context, problems } = await openAdmin();
    await signIn(page);
    await page.getByRole("tab", { name: "Users and tokens" }).click();

    // A team, then one under it, named by its path.
    const newTeam = page.getByRole("form", { name: "New team" });
    await newTeam.getByLabel("Team name").fill("Sales");
    await newTeam.getByRole("button", { name: "New team" }).click();
    await page.getByText("The team “Sales” is created.").waitFor();
    await newTeam.getByLabel("Team name").fill("North");
    await newTeam.getByRole("combobox", { name: "Parent team (optional)" }).click();
    await page.getByRole("option", { name: "Sales", exact: true }).click();
    await newTeam.getByRole("button", { name: "New team" }).click();
    await page.getByRole("cell", { name: "Sales › North" }).waitFor();
    const teams: Array<{ id: string; name: string; parentId: string | null }> = (
      await (await api("/teams", adminToken)).json()
    ).items;
    const sales = teams.find((team) => team.name === "Sales");
    const north = teams.find((team) => team.name === "North");
    expect(north?.parentId).toBe(sales?.id);

    // Noé moves into North as its manager: the list shows the team's name, the server has its id.
    await page.getByRole("button", { name: "Manage Noé Petit" }).click();
    const access = page.getByRole("form", { name: "Access of Noé Petit" });
    await access.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: "Manager" }).click();
    await access.getByRole("combobox", { name: "Team" }).click();
    await page.getByRole("option", { name: "Sales › North" }).click();
    await access.getByRole("button", { name: "Save" }).click();
    await page.getByText("The access of Noé Petit is saved.").waitFor();
    await page.getByRole("row", { name: /Noé Petit.*Manager.*Sales › North.*Active/ }).waitFor();
    expect(await (await api("/me", token)).json()).toMatchObject({ role: "manager", teamId: north?.id });

    // Deactivated, his token stops working at once.
    await access.getByRole("radio", { name: "Deactivated" }).check();
    await access.getByRole("button", { name: "Save" }).click();
    await page.getByRole("row", { name: /Noé Petit.*Deactivated/ }).waitFor();
    expect((await api("/me", token)).status).toBe(401);

    // The only admin cannot be demoted: the server's reason shows, and nothing changes.
    await page.getByRole("button", { name: "Manage Administrator" }).click();
    const adminAccess = page.getByRole("form", { name: "Access of Administrator" });
    await adminAccess.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: "Sales rep" }).click();
    await adminAccess.getByRole("button", { name: "Save" }).click();
    await page.getByRole("alert").filter({ hasText: "last active admin" }).waitFor();
    expect((await (await api("/me", adminToken)).json()).role).toBe("admin");
    await page.getByRole("row", { name: /Administrator.*admin@rapport\.local.*Administrator/ }).waitFor();

    // The trail's updates are the two changes to Noé, by the admin, in words; the refused demotion
    // changed nothing, so it left no update.
    await page.getByRole("tab", { name: "Audit trail" }).click();
    const filters = page.getByRole("search", { name: "Audit trail" });
    const table = page.getByRole("table", { name: "Audit trail" });
    await filters.getByRole("combobox", { name: "Action" }).click();
    await page.getByRole("option", { name: "Updated" }).click();
    await table
      .getByRole("row", {
        name: /^\S.*Administrator Updated User: Noé Petit .*Role: Sales rep → Manager · Team: No team → Sales › North$/,
      })
      .waitFor();
    await table
      .getByRole("row", { name: /Administrator Updated User: Noé Petit .*State: Active → Deactivated$/ })
      .waitFor();
    expect(new Set(await table.locator("tbody tr td:nth-child(3)").allTextContents())).toEqual(new Set(["Updated"]));
    expect(await table.getByRole("row", { name: /User: Administrator/ }).count()).toBe(0);

    // By the user: Noé changed nothing himself; what he did was be refused, and the trail says why.
    await filters.getByRole("combobox", { name: "Who" }).click();
    await page.getByRole("option", { name: /^Noé Petit/ }).click();
    await page.getByText("No entry matches these filters.").waitFor();
    await filters.getByRole("combobox", { name: "Action" }).click();
    await page.getByRole("option", { name: "Any action" }).click();
    await table.getByRole("row", { name: /Noé Petit Refused Request .*\(GET \/api\/v1\/users\)$/ }).waitFor();
    expect(new Set(await table.locator("tbody tr td:nth-child(2)").allTextContents())).toEqual(new Set(["Noé Petit"]));
    expect(problems.filter((p) => !/409/.test(p))).toEqual([]);
    await context.close();
  });

  it("shows the audit trail at 1,080 px, by keyboard, filtered by action, record and day, a page at a time", async () => {
    // An update to find, and more refusals without a user than one page holds.
    const ines = await (
      await api("/users", adminToken, post({ email: "ines.roy@example.fr", name: "Inès Roy" }))
    ).json();
    const patch = { method: "PATCH", headers: { "content-type": "application/json" } };
    const renamed = await api(`/users/${ines.id}`, adminToken, {
      ...patch,
      body: JSON.stringify({ name: "Inès Roy-Martin" }),
    });
    expect(renamed.status).toBe(200);
    for (let i = 0; i < 55; i++) expect((await api("/me", `rap_wrong-${i}`)).status).toBe(401);

    const { page, context, problems } = await openAdmin({ width: 1080 });
    await signIn(page);
    await page.getByRole("tab", { name: "Audit trail" }).click();
    const table = page.getByRole("table", { name: "Audit trail" });
    await table.getByRole("row").nth(1).waitFor();
    // Newest first, and nothing wider than the window.
    const times = await table.locator("time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime") ?? ""));
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort().reverse()).toEqual(times);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await table.evaluate((el) => el.scrollWidth <= (el.parentElement?.clientWidth ?? 0))).toBe(true);

    // The action filter, by keyboard: open the list, type to find "Updated", choose it.
    const filters = page.getByRole("search", { name: "Audit trail" });
    await filters.getByRole("combobox", { name: "Action" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("listbox").waitFor();
    await page.keyboard.type("Upd");
    await page.keyboard.press("Enter");
    await filters.getByRole("combobox", { name: "Action" }).filter({ hasText: "Updated" }).waitFor();
    const rename = table.getByRole("row", {
      name: /Administrator.*Updated.*User: Inès Roy-Martin.*Name: Inès Roy → Inès Roy-Martin/,
    });
    await rename.waitFor();
    const actions = await table.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(new Set(actions)).toEqual(new Set(["Updated"]));

    // Refusals of unknown tokens have no user; 55 of them need a second page.
    await filters.getByRole("button", { name: "Clear filters" }).click();
    await filters.getByRole("combobox", { name: "Action" }).click();
    await page.getByRole("option", { name: "Refused" }).click();
    await filters.getByRole("combobox", { name: "Record type" }).click();
    await page.getByRole("option", { name: "Request" }).click();
    const today = await page.evaluate(() => new Date().toLocaleDateString("sv"));
    await filters.getByLabel("From").fill(today);
    await filters.getByLabel("To").fill(today);
    await page.getByText("50 entries shown, more are older.").waitFor();
    const column = (n: number) => table.locator(`tbody tr td:nth-child(${n})`).allTextContents();
    expect(new Set(await column(2))).toEqual(new Set(["unknown"]));
    const loadMore = page.getByRole("button", { name: "Load more" });
    await loadMore.focus();
    await page.keyboard.press("Enter");
    await page.getByText(/^\d+ entries shown, no older ones\.$/).waitFor();
    // Earlier tests' requests were refused today too: all are there, these 55 without a user.
    const who = await column(2);
    expect(await page.getByText(`${who.length} entries shown, no older ones.`).count()).toBe(1);
    expect(who.filter((name) => name === "unknown").length).toBeGreaterThanOrEqual(55);
    expect(new Set(await column(3))).toEqual(new Set(["Refused"]));
    expect((await column(6)).filter((detail) => detail.endsWith("(GET /api/v1/me)")).length).toBeGreaterThanOrEqual(55);
    // The button is gone with the last page; the keyboard is left on the count, not lost.
    expect(await loadMore.count()).toBe(0);
    expect(await page.getByRole("status").evaluate((el) => el === document.activeElement)).toBe(true);

    // A day before any entry has none.
    await filters.getByLabel("To").fill("2000-01-01");
    await filters.getByLabel("From").fill("2000-01-01");
    await page.getByText("No entry matches these filters.").waitFor();
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
    await page.getByRole("form", { name: "Nouvelle équipe" }).waitFor();
    // The next tab is the audit trail: its times are written as a French reader writes them.
    expect((await api("/me", "rap_wrong-fr")).status).toBe(401);
    await page.getByRole("tab", { name: "Utilisateurs et jetons" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("columnheader", { name: "Quand" }).waitFor();
    const time = page.locator("time").first();
    const [shown, iso] = [await time.textContent(), (await time.getAttribute("datetime")) ?? ""];
    const month = await page.evaluate((at) => new Date(at).toLocaleString("fr-FR", { month: "short" }), iso);
    expect(shown).toContain(month);
    expect(problems).toEqual([]);
    await context.close();
  });
});
