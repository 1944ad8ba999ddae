import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoExcelSuite, startDemoExcelSuite } from "./support/excel-host/demo-suite.ts";
import { openExcelPane, screenshot, signIn } from "./support/excel-host/pane-session.ts";
import { REPO_ROOT } from "./support/server-process.ts";

/**
 * The marketer's round trip in the real built pane, in Chromium, inside the simulated Excel host,
 * against a real server with the demo workspace: pull a segment, edit it, push it with a conflict,
 * push a FEBRL list whose duplicates the dry run finds, apply, undo, and the database is as before.
 */

const MARKETER = "sophie.lambert@rapport.local";
const SEGMENT = "Contacts en France (Île-de-Fr.)";

type Contact = {
  id: string;
  version: number;
  updatedAt: string;
  jobTitle: string | null;
  accountId: string | null;
  [key: string]: unknown;
};

let server: DemoExcelSuite["server"];
let browser: Browser;
let officeScript: string;
let marketer: DemoExcelSuite["user"];
let admin: DemoExcelSuite["admin"];
let marketerToken: string;

beforeAll(async () => {
  ({
    server,
    browser,
    officeScript,
    admin,
    user: marketer,
    token: marketerToken,
  } = await startDemoExcelSuite(MARKETER));
  const segment = await marketer.call("POST", "/segments", {
    name: SEGMENT,
    filter: { field: "country", op: "eq", value: "FR" },
  });
  expect(segment.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const button = (page: Page, name: string | RegExp) => page.getByRole("button", { name });

async function openSignedIn(language = "en-US") {
  const pane = await openExcelPane(browser, server.url, { officeScript, language });
  await signIn(pane.page, marketerToken);
  return pane;
}

/** Column letter of a header in a snapshot's first row. */
function columnOf(values: unknown[][], header: string, row = 0): number {
  const index = (values[row] ?? []).indexOf(header);
  if (index < 0) throw new Error(`no column "${header}" in ${JSON.stringify(values[row])}`);
  return index;
}

/** The paths the page has fetched so far (Resource Timing keeps every request a page made). */
const fetchedPaths = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname));

const storedToken = (page: Page) => page.evaluate(() => localStorage.getItem("rapport.apiToken"));

describe("signing in to the Excel pane", () => {
  it("reads the server's sign-in options, then signs in with an API token, stays signed in and signs out", async () => {
    const { page, errors } = await openExcelPane(browser, server.url, { officeScript, language: "en-US" });
    await page.getByLabel("API token").waitFor();
    expect(await fetchedPaths(page)).toContain("/addins/sign-in.json");
    // This server has no Microsoft Entra sign-in: the token is the only way in, as before.
    expect(await button(page, "Sign in with Microsoft").count()).toBe(0);

    await page.getByLabel("API token").fill("not-a-token");
    await button(page, /^Sign in$/).click();
    await page.getByText("This token was not accepted").waitFor();
    expect(await storedToken(page)).toBeNull();

    await signIn(page, marketerToken);
    await page.getByText(/\(marketer\)$/).waitFor();
    expect(await storedToken(page)).toBe(marketerToken);
    // Opened again, the pane signs in with the stored token without asking.
    await page.reload();
    await page.getByRole("tab", { name: "Segments" }).waitFor();
    expect(await fetchedPaths(page)).toContain("/addins/sign-in.json");

    await button(page, "Sign out").click();
    await page.getByLabel("API token").waitFor();
    expect(await storedToken(page)).toBeNull();
    await page.reload();
    await page.getByLabel("API token").waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("offers Microsoft beside the token when the server has Entra, and the token still signs in", async () => {
    const { page, errors } = await openExcelPane(browser, server.url, { officeScript, language: "en-US" });
    await page.route(`${server.url}/addins/sign-in.json`, (route) =>
      route.fulfill({
        json: {
          entra: {
            clientId: "00000000-0000-0000-0000-000000000001",
            authority: "https://login.microsoftonline.com/organizations",
            scopes: ["api://00000000-0000-0000-0000-000000000001/access_as_user"],
          },
        },
      }),
    );
    await page.reload();
    // Nobody is signed in to Microsoft in this browser: the pane asks, offering both ways.
    await button(page, "Sign in with Microsoft").waitFor();
    await signIn(page, marketerToken);
    await button(page, "Sign out").click();
    await button(page, "Sign in with Microsoft").waitFor();
    expect(await storedToken(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("the Excel pane, as a marketer", () => {
  it("pulls a segment into a table, pushes edits with a conflict, applies and undoes", async () => {
    const { page, errors, workbook } = await openSignedIn();
    const members = await marketer.all<Contact>(`/segments/${await segmentId()}/members`);
    expect(members.length).toBeGreaterThan(2);

    await page.getByLabel("Segment", { exact: true }).selectOption({ label: SEGMENT });
    await button(page, "Pull").click();
    await page.getByText(/rows pulled into the sheet/).waitFor();
    await screenshot(page, "excel-1-pulled");

    expect(await workbook.sheetNames()).toContain(SEGMENT);
    const pulled = await workbook.snapshot(SEGMENT);
    const [table] = pulled.tables;
    expect(table?.headers.slice(0, 6)).toEqual(["Id", "Version", "Civility", "First name", "Last name", "Email"]);
    expect(pulled.hiddenColumns).toEqual(["A", "B"]);
    expect(pulled.frozenRows).toBe(1);
    const ids = pulled.values.slice(1).map((row) => row[0]);
    expect(ids).toEqual(members.map((m) => m.id));
    // Text stays text: phones in E.164 start with "+" and must not become formulas or numbers.
    const phone = columnOf(pulled.values, "Phone");
    for (let r = 1; r < pulled.values.length; r++) {
      expect(pulled.formulas[r]?.[phone]).toBeNull();
      if (pulled.values[r]?.[phone]) expect(pulled.types[r]?.[phone]).toBe("String");
    }
    // Every contact whose account the marketer may see shows the account's name.
    const company = columnOf(pulled.values, "Company");
    const accountNames = new Map<string, string>();
    for (const accountId of new Set(members.flatMap((m) => (m.accountId ? [m.accountId] : [])))) {
      const account = await marketer.call<{ name: string }>("GET", `/accounts/${accountId}`);
      if (account.status === 200) accountNames.set(accountId, account.json.name);
    }
    expect(accountNames.size).toBeGreaterThan(0);
    const companies = members.map((m) => (m.accountId ? (accountNames.get(m.accountId) ?? "") : ""));
    expect(pulled.values.slice(1).map((row) => row[company])).toEqual(companies);

    // The marketer edits one job title; someone else changes another contact in Rapport meanwhile,
    // and the marketer edits that one too.
    const jobTitle = columnOf(pulled.values, "Job title");
    const letter = String.fromCharCode(65 + jobTitle);
    const [first, second] = members as [Contact, Contact];
    await workbook.type(SEGMENT, `${letter}2`, "Head of purchasing");
    const changed = await admin.call<Contact>(
      "PATCH",
      `/contacts/${second.id}`,
      { jobTitle: "Changed in Rapport" },
      {
        "if-match": `"${second.version}"`,
      },
    );
    expect(changed.status).toBe(200);
    await workbook.type(SEGMENT, `${letter}3`, "Mine");

    await page.getByRole("tab", { name: "Push" }).click();
    await button(page, "Read the active sheet").click();
    await button(page, "Check (dry run)").click();
    await page.getByText("What would happen").waitFor();
    await page.getByText(/1 conflict: changed in Rapport/).waitFor();
    await screenshot(page, "excel-2-dry-run-conflict");

    const checked = await workbook.snapshot(SEGMENT);
    const status = columnOf(checked.values, "Rapport status");
    expect(checked.values[1]?.[status]).toBe("Update: job title");
    expect(String(checked.values[2]?.[status])).toMatch(/^Conflict: changed in Rapport since the pull \(job title\)/);
    expect(checked.fills[1]?.[status]).toBe("#BDD7EE");
    expect(checked.fills[2]?.[status]).toBe("#F8CBAD");
    // The rows nobody edited come back as they went: every pulled column maps to what it came from.
    expect(checked.values.slice(3).map((row) => row[status])).toEqual(members.slice(2).map(() => "Unchanged"));
    // Both values are shown, and nothing has been written to Rapport yet.
    const card = page.locator("[data-conflict-row='3']");
    await expect(card.getByText("Changed in Rapport")).toBeTruthy();
    expect(await card.textContent()).toContain("Mine");
    expect((await admin.call<Contact>("GET", `/contacts/${first.id}`)).json.jobTitle).toBe(first.jobTitle);
    expect(await button(page, "Apply").isDisabled()).toBe(true);

    await card.getByRole("button", { name: "Take Rapport's" }).click();
    await page.getByText(/Take Rapport's \(chosen\)/).waitFor();
    await button(page, "Apply").click();
    await page.getByText(/^Done: /).waitFor();
    await screenshot(page, "excel-3-applied");

    const afterFirst = (await admin.call<Contact>("GET", `/contacts/${first.id}`)).json;
    const afterSecond = (await admin.call<Contact>("GET", `/contacts/${second.id}`)).json;
    expect(afterFirst.jobTitle).toBe("Head of purchasing");
    expect(afterSecond.jobTitle).toBe("Changed in Rapport");
    const applied = await workbook.snapshot(SEGMENT);
    expect(applied.values[1]?.[1]).toBe(afterFirst.version);
    // "Take Rapport's": the row now holds Rapport's value and version.
    expect(applied.values[2]?.[jobTitle]).toBe("Changed in Rapport");
    expect(applied.values[2]?.[1]).toBe(afterSecond.version);
    expect(applied.values[1]?.[status]).toBe("Updated");

    await button(page, "Undo last push").click();
    await page.getByText(/^Undone: /).waitFor();
    expect((await admin.call<Contact>("GET", `/contacts/${first.id}`)).json.jobTitle).toBe(first.jobTitle);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** FEBRL's first records with their duplicates, as a trade-show list pasted into a sheet. */
function febrlList(records: number): string[][] {
  const lines = readFileSync(`${REPO_ROOT}/../shared/data/febrl/dataset1.csv`, "utf8").trim().split("\n");
  const [header, ...rows] = lines.map((line) => line.split(",").map((cell) => cell.trim()));
  const key = (row: string[]) => Number(/^rec-(\d+)/.exec(row[0] ?? "")?.[1] ?? -1);
  const chosen = rows
    .filter((row) => key(row) < records)
    .sort((a, b) => key(a) - key(b) || (a[0] ?? "").localeCompare(b[0] ?? ""));
  return [header ?? [], ...chosen];
}

describe("a FEBRL list pushed from a sheet", () => {
  it("finds its duplicates in the dry run, applies, and undo leaves the database as it was", async () => {
    const { page, errors, workbook } = await openSignedIn();
    const before = await admin.all<Contact>("/contacts");
    const jobsBefore = await marketer.all("/imports", 100);
    const list = febrlList(40);
    const pairs = list.length - 1 - 40;
    expect(pairs).toBeGreaterThan(5);
    await workbook.addSheet("Salon");
    await workbook.paste("Salon", "A1", list);
    await workbook.activate("Salon");

    await page.getByRole("tab", { name: "Push" }).click();
    await button(page, "Read the active sheet").click();
    await expect(page.getByLabel("given_name").inputValue()).resolves.toBe("firstName");
    await expect(page.getByLabel("rec_id").inputValue()).resolves.toBe("");
    await page.getByLabel("Country of phone numbers without a prefix").selectOption("AU");
    // Reading and mapping sent nothing.
    expect(await marketer.all("/imports", 100)).toHaveLength(jobsBefore.length);
    await button(page, "Check (dry run)").click();
    await page.getByText("What would happen").waitFor();
    await screenshot(page, "excel-4-febrl-dry-run");

    const checked = await workbook.snapshot("Salon");
    const status = columnOf(checked.values, "Rapport status");
    const statuses = checked.values.slice(1).map((row) => String(row[status]));
    const duplicates = statuses.filter((s) => /^Duplicate of row \d+$/.test(s));
    expect(duplicates.length).toBeGreaterThanOrEqual(pairs * 0.9);
    // Each duplicate points at the row of its original: same FEBRL record number.
    for (let r = 1; r < checked.values.length; r++) {
      const match = /^Duplicate of row (\d+)$/.exec(String(checked.values[r]?.[status]));
      if (!match) continue;
      const original = checked.values[Number(match[1]) - 1];
      expect(String(original?.[0]).split("-")[1]).toBe(String(checked.values[r]?.[0]).split("-")[1]);
    }
    expect(checked.tables[0]?.name).toBe("Rapport_List");
    // The dry run changed nothing in the CRM.
    expect(await admin.all<Contact>("/contacts")).toHaveLength(before.length);

    await button(page, "Apply").click();
    await page.getByText(/^Done: /).waitFor();
    await screenshot(page, "excel-5-febrl-applied");
    const after = await admin.all<Contact>("/contacts");
    expect(after.length).toBeGreaterThan(before.length);
    const applied = await workbook.snapshot("Salon");
    const idColumn = columnOf(applied.values, "Id");
    const versionColumn = columnOf(applied.values, "Version");
    expect(applied.hiddenColumns).toContain(String.fromCharCode(65 + idColumn));
    const created = new Set(after.map((c) => c.id));
    const idsInSheet = applied.values
      .slice(1)
      .map((row) => row[idColumn])
      .filter(Boolean);
    expect(idsInSheet.length).toBe(after.length - before.length);
    for (const id of idsInSheet) expect(created.has(String(id))).toBe(true);
    const versions = new Map(after.map((c) => [c.id, c.version]));
    for (const row of applied.values.slice(1))
      if (row[idColumn]) expect(row[versionColumn]).toBe(versions.get(String(row[idColumn])));

    await button(page, "Undo last push").click();
    await page.getByText(/^Undone: /).waitFor();
    await screenshot(page, "excel-6-febrl-undone");
    const undone = await admin.all<Contact>("/contacts");
    const strip = (list: Contact[]) => list.map(({ version, updatedAt, ...rest }) => rest);
    expect(strip(undone)).toEqual(strip(before));
    const cleared = await workbook.snapshot("Salon");
    expect(cleared.values.slice(1).every((row) => !row[idColumn])).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("refuses sheets it cannot push with a clear message, before anything reaches the server", async () => {
    const { page, workbook } = await openSignedIn();
    const jobsBefore = await marketer.all("/imports", 100);
    await page.getByRole("tab", { name: "Push" }).click();
    /** Reads the sheet and waits for the message that says what is wrong with it. */
    const refused = async (message: string) => {
      await button(page, "Read the active sheet").click();
      await page.getByRole("alert").filter({ hasText: message }).waitFor();
    };

    await refused("This sheet is empty");

    await workbook.paste("Sheet1", "A1", [["First name", "Last name", "Email"]]);
    await refused("headers but no rows");

    await workbook.paste("Sheet1", "A2", [
      ["Ada", "Lovelace", "ada@example.org"],
      ["Alan", "Turing", "alan@example.org"],
    ]);
    await workbook.merge("Sheet1", "A3:B3");
    await refused("Merged cells (Sheet1!A3:B3)");

    await workbook.addSheet("Errors");
    await workbook.paste("Errors", "A1", [
      ["First name", "Email", "Birth date"],
      ["Ada", "ada@example.org", 4000],
      ["Alan", "", ""],
    ]);
    await workbook.setError("Errors", "B3", "#N/A");
    await workbook.activate("Errors");
    await refused("1 cells hold an error such as #N/A (B3)");
    expect(await button(page, "Check (dry run)").count()).toBe(0);
    await button(page, "Send those cells empty").click();
    await button(page, "Check (dry run)").waitFor();

    await workbook.addSheet("Wide");
    await workbook.paste("Wide", "A1", [["First name"], ["Ada"]]);
    await workbook.type("Wide", "XFD1", "far away");
    await workbook.activate("Wide");
    await refused("16,384 columns");
    await screenshot(page, "excel-7-bad-input");

    expect(await marketer.all("/imports", 100)).toHaveLength(jobsBefore.length);
    await page.context().close();
  });
});

async function segmentId(): Promise<string> {
  const segments = await marketer.all<{ id: string; name: string }>("/segments");
  const found = segments.find((s) => s.name === SEGMENT);
  if (!found) throw new Error("segment missing");
  return found.id;
}
