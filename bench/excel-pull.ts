/// <reference types="office-js" />
/**
 * The Excel pane's pull of a 100k-row segment, with the pane's own code (addin-excel/src/pull)
 * writing into the simulated workbook (test/support/excel-host) in this process, against the real
 * server in a child on a database of BENCH_EXCEL_ROWS contacts (bench/lib/marketing-fixture.ts):
 *
 *   - rows per second, from the first request to the last row in the workbook;
 *   - sync calls, and the largest payload one sync carried (the pane keeps each under 4 MB; Excel
 *     on the web refuses 5 MB);
 *   - the server time of one page of sheet rows, GET /segments/{id}/sheet (p50 and max);
 *   - how many rows got their Company (every contact of the fixture has an account).
 */
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@rapport/shared/client";
import { pullSegment } from "../addin-excel/src/pull/pull-segment.ts";
import { MAX_SYNC_BYTES } from "../addin-excel/src/sheet/payload.ts";
import type { ExcelHostControl } from "../test/support/excel-host/install.ts";
import { installExcelHost, removeExcelHost } from "../test/support/excel-host/node-host.ts";
import { CACHE_DIR, OWN_DOMAIN } from "./lib/fixture.ts";
import { marketingFixture } from "./lib/marketing-fixture.ts";
import type { Figure } from "./lib/results.ts";
import { startServer } from "./lib/server-process.ts";

const SHEET_ROUTE = "/api/v1/segments/:id/sheet";

export async function excelPullFigures(rows: number, log: (line: string) => void): Promise<Figure[]> {
  const fixture = await marketingFixture(rows, rows, log);
  // A copy: creating the segment writes to the database.
  const file = join(CACHE_DIR, "excel-pull-run.sqlite");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(fixture.file, file);
  const server = await startServer({ file, ownDomain: OWN_DOMAIN, userEmail: fixture.userEmail });
  try {
    const client = createClient({ baseUrl: server.apiUrl, getToken: () => fixture.token });
    const segment = await client.segments.create({
      body: {
        name: "Everyone",
        filter: {
          or: [
            { field: "country", op: "empty" },
            { field: "country", op: "notEmpty" },
          ],
        },
      },
    });
    const host = installExcelHost({ sheets: ["Sheet1"] });
    await server.reset();
    log(`excel pull: ${rows.toLocaleString("en")} contacts into the simulated workbook`);
    const started = performance.now();
    let reported = 0;
    const outcome = await pullSegment(client, segment, "en", { newSheet: true }, (done, total) => {
      if (done - reported >= 20_000 || done === total) {
        reported = done;
        log(
          `  ${done.toLocaleString("en")} of ${total.toLocaleString("en")} rows (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const syncs = host.syncs();
    const companies = filledCells(host, outcome.sheetName, "Company");
    removeExcelHost();
    if (outcome.rows !== outcome.total) throw new Error(`pulled ${outcome.rows} of ${outcome.total} rows`);
    const largest = Math.max(...syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
    const refused = syncs.filter((s) => s.refused).length;
    if (refused) throw new Error(`${refused} syncs were refused for their size`);
    // The pull is meant to be complete: a Company column left empty is a broken pull, not a figure.
    if (companies < outcome.rows) throw new Error(`Company filled on ${companies} of ${outcome.rows} rows`);
    const pages = await server.stats(SHEET_ROUTE).catch(() => null);
    log(
      `excel pull: ${outcome.rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s, ${syncs.length} syncs, ` +
        `largest ${(largest / 1_048_576).toFixed(2)} MB` +
        (pages
          ? `, sheet page server time p50 ${pages.p50.toFixed(0)} ms / max ${pages.max.toFixed(0)} ms over ${pages.count} pages`
          : ""),
    );
    const size = rows >= 1000 ? `${rows / 1000}k` : String(rows);
    const figures: Figure[] = [
      {
        name: `excel pull, ${size} rows: rows per second`,
        value: outcome.rows / seconds,
        unit: "rows/s",
        budget: null,
        better: "higher",
      },
      { name: `excel pull, ${size} rows: wall time`, value: seconds, unit: "s", budget: null, better: "lower" },
      {
        name: `excel pull, ${size} rows: sync calls`,
        value: syncs.length,
        unit: "syncs",
        budget: null,
        better: "lower",
      },
      {
        name: `excel pull, ${size} rows: largest sync payload`,
        value: largest / 1_048_576,
        unit: "MB",
        budget: MAX_SYNC_BYTES / 1_048_576,
        better: "lower",
      },
    ];
    if (pages) {
      figures.push(
        {
          name: `excel pull, ${size} rows: sheet page server time p50`,
          value: pages.p50,
          unit: "ms",
          budget: null,
          better: "lower",
        },
        {
          name: `excel pull, ${size} rows: sheet page server time max`,
          value: pages.max,
          unit: "ms",
          budget: null,
          better: "lower",
        },
      );
    }
    return figures;
  } finally {
    await server.stop().catch(() => {});
  }
}

/** How many data rows of the sheet's table hold something under `header`. */
function filledCells(host: ExcelHostControl, sheetName: string, header: string): number {
  const rows = host.model.sheet(sheetName).rows;
  const column = (rows[0] ?? []).findIndex((cell) => cell?.value === header);
  if (column < 0) throw new Error(`no column "${header}" in the pulled sheet`);
  return rows.slice(1).filter((row) => row?.[column]?.value !== undefined && row[column]?.value !== "").length;
}
