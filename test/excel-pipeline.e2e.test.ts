import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoExcelSuite, startDemoExcelSuite } from "./support/excel-host/demo-suite.ts";
import { openExcelPane, screenshot, signIn } from "./support/excel-host/pane-session.ts";

/**
 * A manager builds a pipeline sheet in the real pane against the demo workspace: a deals table,
 * summaries made of live formulas over it and a chart; edits to the table go back to Rapport,
 * and a deal changed in Rapport meanwhile is a conflict the manager settles.
 */

const MANAGER = "claire.rousseau@rapport.local";
type Deal = { id: string; version: number; name: string; stage: string; amount: number | null; probability: number };

let server: DemoExcelSuite["server"];
let browser: Browser;
let officeScript: string;
let manager: DemoExcelSuite["user"];
let admin: DemoExcelSuite["admin"];
let managerToken: string;

beforeAll(async () => {
  ({ server, browser, officeScript, admin, user: manager, token: managerToken } = await startDemoExcelSuite(MANAGER));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const button = (page: Page, name: string | RegExp) => page.getByRole("button", { name });
const TABLE = "Rapport_Pipeline";

describe("the pipeline sheet, as a manager", () => {
  it("is built with live formulas and a chart, and sends edits back with the conflict rules", async () => {
    const { page, errors, workbook } = await openExcelPane(browser, server.url, { officeScript, language: "en-US" });
    await signIn(page, managerToken);
    const deals = await manager.all<Deal>("/pipeline?scope=team&currency=EUR");
    expect(deals.length).toBeGreaterThan(3);

    await page.getByRole("tab", { name: "Pipeline" }).click();
    await page.getByLabel("Deals", { exact: true }).selectOption({ label: "My team's" });
    await button(page, "Build the pipeline sheet").click();
    await page.getByText(/deals in the sheet "Pipeline"/).waitFor();
    await screenshot(page, "excel-8-pipeline-built");

    const sheet = await workbook.snapshot("Pipeline");
    const [table] = sheet.tables;
    expect(table?.name).toBe(TABLE);
    expect(table?.headers).toEqual([
      "Account",
      "Deal",
      "Stage",
      "Amount",
      "Probability",
      "Weighted amount",
      "Expected close",
      "Owner",
      "Last activity",
      "Id",
      "Version",
    ]);
    expect(sheet.hiddenColumns).toEqual(["J", "K"]);
    const rows = sheet.values.slice(4, 4 + deals.length);
    expect(rows.map((row) => row[9]).sort()).toEqual(deals.map((d) => d.id).sort());
    // The weighted amount is a formula of the row, so an edit recomputes it.
    for (let r = 4; r < 4 + deals.length; r++) {
      expect(sheet.formulas[r]?.[5]).toBe("=[@[Amount]]*[@[Probability]]/100");
      expect(sheet.formats[r]?.[6]).toBe("yyyy-mm-dd");
    }
    // Summaries are formulas over the table's columns, by stage, by owner and by close month.
    const formulas = sheet.formulas.flat().filter((f): f is string => Boolean(f));
    expect(formulas).toContain(`=SUMIFS(${TABLE}[Amount],${TABLE}[Stage],M5)`);
    expect(formulas).toContain(`=SUMIFS(${TABLE}[Weighted amount],${TABLE}[Stage],M5)`);
    expect(formulas).toContain(`=COUNTIFS(${TABLE}[Stage],M5)`);
    expect(formulas.some((f) => f.startsWith(`=SUMIFS(${TABLE}[Weighted amount],${TABLE}[Owner],M`))).toBe(true);
    expect(formulas.some((f) => f.includes(`${TABLE}[Expected close],"<"&EDATE(M`))).toBe(true);
    expect(sheet.values[4]?.[12]).toBe("Lead");
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]?.type).toBe("ColumnClustered");
    expect(sheet.validations[0]?.address.startsWith("C5:")).toBe(true);

    // The manager edits: an amount typed as text with a space, a stage by its name.
    const rowOf = (index: number) => rows[index] as unknown[];
    const dealAt = (i: number): Deal => {
      const found = deals.find((deal) => deal.id === rowOf(i)[9]);
      if (!found) throw new Error(`no deal on row ${i + 5}`);
      return found;
    };
    const [a, b, c, d] = [dealAt(0), dealAt(1), dealAt(2), dealAt(3)];
    await workbook.type("Pipeline", "D5", "12 500");
    const newStage = b.stage === "negotiation" ? "proposal" : "negotiation";
    await workbook.type("Pipeline", "C6", newStage === "proposal" ? "Proposal" : "Negotiation");
    // Meanwhile two deals change in Rapport, and the manager edits them too.
    for (const deal of [c, d]) {
      const changed = await admin.call(
        "PATCH",
        `/opportunities/${deal.id}`,
        { amount: 999 },
        { "if-match": `"${deal.version}"` },
      );
      expect(changed.status).toBe(200);
    }
    await workbook.type("Pipeline", "E7", 90);
    await workbook.type("Pipeline", "E8", 80);

    await button(page, "Send my edits").click();
    await page.getByText("4 deals changed").waitFor();
    await button(page, "Send 4 changes").click();
    await page.getByText("2 deals updated in Rapport.").waitFor();
    await page.getByText(/2 deals were changed in Rapport since/).waitFor();
    await screenshot(page, "excel-9-pipeline-conflicts");

    const get = async (id: string) => (await admin.call<Deal>("GET", `/opportunities/${id}`)).json;
    expect((await get(a.id)).amount).toBe(12500);
    expect((await get(b.id)).stage).toBe(newStage);
    // Nothing was overwritten: the conflicting deals still hold Rapport's values.
    expect((await get(c.id)).probability).toBe(c.probability);

    await page.locator(`[data-deal='${c.id}']`).getByRole("button", { name: "Keep mine" }).click();
    await page.locator(`[data-deal='${d.id}']`).getByRole("button", { name: "Take Rapport's" }).click();
    await page.locator(`[data-deal='${d.id}']`).waitFor({ state: "detached" });

    const keptMine = await get(c.id);
    expect(keptMine).toMatchObject({ probability: 90, amount: 999 });
    const tookServer = await get(d.id);
    expect(tookServer.probability).toBe(d.probability);
    const after = await workbook.snapshot("Pipeline");
    expect(after.values[7]?.[4]).toBe(d.probability);
    expect(after.values[7]?.[3]).toBe(999);
    expect(after.values[7]?.[10]).toBe(tookServer.version);
    expect(after.values[6]?.[10]).toBe(keptMine.version);

    // Nothing left to send.
    await button(page, "Send my edits").click();
    await page.getByText(/No stage, amount, probability or close date changed/).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("builds the campaign sheet, one row per coded action", async () => {
    const { page, workbook } = await openExcelPane(browser, server.url, { officeScript, language: "fr-FR" });
    await signIn(page, managerToken);
    const comparison = await manager.call<{ items: Array<{ code: string }> }>("GET", "/campaign-comparison");
    expect(comparison.status).toBe(200);
    await page.getByRole("tab", { name: "Campagnes" }).click();
    await button(page, "Construire la feuille des campagnes").click();
    await page.getByText(/actions dans la feuille « Campagnes »/).waitFor();
    const sheet = await workbook.snapshot("Campagnes");
    expect(sheet.tables[0]?.headers.slice(0, 3)).toEqual(["Code", "Action", "Canal"]);
    const codes = sheet.values.slice(4, 4 + comparison.json.items.length).map((row) => row[0]);
    expect(codes).toEqual(comparison.json.items.map((item) => item.code));
    await page.context().close();
  });
});
