/// <reference types="office-js" />
import { createClient } from "@rapport/shared/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inExcel } from "../addin-excel/src/office/excel-run.ts";
import { pullSegment } from "../addin-excel/src/pull/pull-segment.ts";
import { refreshSegment } from "../addin-excel/src/pull/refresh-segment.ts";
import { MAX_SYNC_BYTES } from "../addin-excel/src/sheet/payload.ts";
import { installExcelHost, removeExcelHost } from "./support/excel-host/node-host.ts";
import { rapportApi } from "./support/excel-host/rapport-api.ts";
import { type RunningServer, startServer } from "./support/server-process.ts";

/**
 * The pane's own pull and refresh code, in Node, against the simulated workbook and a real server
 * holding more members than one page: chunked writes under the sync limit, a cancel mid-pull that
 * leaves what arrived, and a refresh that completes the table and keeps the user's own column.
 */

const CONTACTS = 2300;
const PAGE = 2000;
let server: RunningServer;
let api: ReturnType<typeof rapportApi>;
let client: ReturnType<typeof createClient>;
let segment: { id: string; name: string; entity: "contacts" };

beforeAll(async () => {
  server = await startServer();
  const token = server.adminToken;
  if (!token) throw new Error("no admin token");
  api = rapportApi(server.url, token);
  client = createClient({ baseUrl: server.url, getToken: () => token });
  // The contacts arrive the way a marketer's list does: an import job, applied.
  const rows = Array.from({ length: CONTACTS }, (_, i) => [
    `Prénom${i}`,
    `Nom${i}`,
    `p${i}@exemple.fr`,
    "FR",
    i % 7 === 0 ? "=1+1" : "Acheteur",
  ]);
  const job = await client.imports.create({
    body: { name: "seed", headers: ["First name", "Last name", "Email", "Country", "Job title"] },
  });
  await client.imports.addRows({ params: { id: job.id }, body: { rows } });
  await client.imports.analyse({ params: { id: job.id } });
  for (let status = ""; status !== "analysed"; status = (await client.imports.get({ params: { id: job.id } })).status) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await client.imports.apply({ params: { id: job.id } });
  for (let status = ""; status !== "applied"; status = (await client.imports.get({ params: { id: job.id } })).status) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const created = await client.segments.create({
    body: { name: "Tous les contacts FR", filter: { field: "country", op: "eq", value: "FR" } },
  });
  segment = { id: created.id, name: created.name, entity: "contacts" };
}, 120_000);

afterAll(async () => {
  removeExcelHost();
  await server?.stop();
});

describe("a pull bigger than a page, in the simulated workbook", () => {
  it("is cancelled mid-way, then a refresh completes it and keeps the user's column", async () => {
    const host = installExcelHost({ sheets: ["Sheet1"] });
    const abort = new AbortController();
    const outcome = await pullSegment(
      client,
      segment,
      "fr",
      { newSheet: true },
      (done) => done >= PAGE && abort.abort(),
      // Pages smaller than the pane's, so that this segment takes two.
      { signal: abort.signal, pageSize: PAGE },
    );
    expect(outcome).toMatchObject({ rows: PAGE, total: CONTACTS, cancelled: true });
    const partial = host.snapshot(outcome.sheetName);
    expect(partial.tables[0]?.address).toBe(`A1:W${PAGE + 1}`);
    expect(partial.tables[0]?.headers.slice(-3)).toEqual(["Source", "Consentement e-mail", "Ne pas contacter"]);
    expect(host.settings()["rapport.tables"]).toMatchObject({ [outcome.tableName]: { complete: false } });
    // A job title typed as "=1+1" by someone is text in the sheet, not a formula.
    const title = partial.values[0]?.indexOf("Fonction") ?? -1;
    const escaped = partial.values.findIndex((row) => row[title] === "=1+1");
    expect(escaped).toBeGreaterThan(0);
    expect(partial.formulas[escaped]?.[title]).toBeNull();
    expect(partial.types[escaped]?.[title]).toBe("String");
    // Consent is shown in the pane's language; nobody opted in or out through an import.
    const consent = partial.values[0]?.indexOf("Consentement e-mail") ?? -1;
    expect(new Set(partial.values.slice(1).map((row) => row[consent]))).toEqual(new Set(["inconnu"]));

    // The user adds a column of their own, with a value and a formula on two people's rows.
    const firstId = String(partial.values[1]?.[0]);
    await inExcel(async (context) => {
      const table = context.workbook.tables.getItem(outcome.tableName);
      table.columns.add(undefined, undefined, "Mes notes");
      const sheet = context.workbook.worksheets.getItem(outcome.sheetName);
      sheet.getRange("X2").values = [["à rappeler"]];
      sheet.getRange("X3").formulas = [['=[@Prénom]&"!"']];
      await context.sync();
    });
    const secondId = String(partial.values[2]?.[0]);
    const target = (await api.call<{ version: number }>("GET", `/contacts/${secondId}`)).json;
    await api.call(
      "PATCH",
      `/contacts/${secondId}`,
      { jobTitle: "Directrice achats" },
      { "if-match": `"${target.version}"` },
    );

    const refreshed = await refreshSegment(client, outcome.tableName, "fr", () => {}, { pageSize: PAGE });
    expect(refreshed).toMatchObject({ rows: CONTACTS, joined: CONTACTS - PAGE, left: 0, cancelled: false });
    const full = host.snapshot(outcome.sheetName);
    expect(full.tables[0]?.address).toBe(`A1:X${CONTACTS + 1}`);
    const rowOf = (id: string) => full.values.findIndex((row) => row[0] === id);
    expect(full.values[rowOf(firstId)]?.[23]).toBe("à rappeler");
    expect(full.formulas[rowOf(secondId)]?.[23]).toBe('=[@Prénom]&"!"');
    expect(full.values[rowOf(secondId)]?.[title]).toBe("Directrice achats");
    expect(full.hiddenColumns).toEqual(["A", "B"]);

    const syncs = host.syncs();
    expect(syncs.every((s) => !s.refused)).toBe(true);
    expect(Math.max(...syncs.map((s) => s.requestBytes))).toBeLessThan(MAX_SYNC_BYTES);
  });
});
