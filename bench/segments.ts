/**
 * Segments and customer value on N contacts with 5N orders (bench/lib/marketing-fixture.ts), against
 * the real server in a child process (the issue's budgets, on this 2-core machine):
 *
 *   - segment preview (POST /segments/preview) of 3-condition filters, one request at a time after a
 *     warm-up: p50, p95 and p99 of server time per filter (p50 budget 200 ms at 1M contacts / 5M
 *     orders), with the count each answers;
 *   - RFM recompute (POST /rfm/recompute, then GET /rfm until done): wall time from the POST to
 *     "done" (budget 30 s at 1M), and the server's own start and finish stamps;
 *   - the RFM-based preview again once scores exist (before the recompute they are all null, so it
 *     selects nobody);
 *   - a pull of 100k members of a saved segment (GET /segments/{id}/sheet, page after page, as the
 *     Excel pane reads it): server time summed over the pages (budget 1 s) and the largest page
 *     (budget 4 MB, what one context.sync may carry).
 */
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { RfmRun, SegmentFilter, SegmentPreview } from "@rapport/shared/schemas";
import { CACHE_DIR, OWN_DOMAIN } from "./lib/fixture.ts";
import { type MarketingFixture, marketingFixture } from "./lib/marketing-fixture.ts";
import type { Figure } from "./lib/results.ts";
import { type ServerProcess, startServer } from "./lib/server-process.ts";

export type SegmentOptions = {
  contacts: number;
  orders: number;
  /** Measured previews per filter, after WARM_UP ones. */
  runs: number;
  /** A recompute still running after this long is reported unfinished. */
  rfmTimeoutSeconds: number;
};

const WARM_UP = 3;
const BUDGET_PREVIEW_P50_MS = 200;
const BUDGET_RFM_S = 30;
const PULL_ROWS = 100_000;
// What the Excel pane asks for: the largest page the endpoint gives, one sync each.
const PULL_PAGE = 5000;
const BUDGET_PULL_MS = 1000;
const BUDGET_PULL_CHUNK_MB = 4;

type Named = { name: string; filter: SegmentFilter };

const FILTERS: Named[] = [
  {
    name: "FR, email opt-in, ordered within 365 d",
    filter: {
      and: [
        { field: "country", op: "eq", value: "FR" },
        { field: "consent.email", op: "eq", value: "opted_in" },
        { field: "lastOrderAt", op: "withinDays", value: 365 },
      ],
    },
  },
  {
    name: "Paris postcode, salon or web, no activity in 90 d",
    filter: {
      and: [
        { field: "postcode", op: "startsWith", value: "75" },
        { field: "source", op: "in", value: ["salon", "web"] },
        { field: "lastActivityAt", op: "notWithinDays", value: 90 },
      ],
    },
  },
];
/** Scores are filled by a recompute only: measured before it (nobody selected) and after. */
const RFM_FILTER: Named = {
  name: "recency score >= 4, 2+ orders, newsletter or vip",
  filter: {
    and: [
      { field: "recencyScore", op: "gte", value: 4 },
      { field: "orderCount", op: "gte", value: 2 },
      { field: "tags", op: "hasAny", value: ["newsletter", "vip"] },
    ],
  },
};

export async function segmentFigures(options: SegmentOptions, log: (line: string) => void): Promise<Figure[]> {
  const fixture = await marketingFixture(options.contacts, options.orders, log);
  log(
    `segments: ${fixture.contacts.toLocaleString("en")} contacts, ${fixture.orders.toLocaleString("en")} orders ` +
      `(${fixture.orderLines.toLocaleString("en")} lines), ${fixture.activities.toLocaleString("en")} activities; ` +
      `fixture built in ${fixture.buildSeconds.toFixed(0)} s`,
  );
  // A copy: the recompute writes scores, and the next run must start from none.
  const file = join(CACHE_DIR, "segments-run.sqlite");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(fixture.file, file);
  const server = await startServer({ file, ownDomain: OWN_DOMAIN, userEmail: fixture.userEmail });
  try {
    return await measure(server, fixture, options, log);
  } finally {
    await server.stop().catch(() => {});
  }
}

async function measure(
  server: ServerProcess,
  fixture: MarketingFixture,
  options: SegmentOptions,
  log: (line: string) => void,
): Promise<Figure[]> {
  const call = caller(server, fixture.token);
  const size = fixture.contacts >= 1_000_000 ? `${fixture.contacts / 1_000_000}M` : `${fixture.contacts / 1000}k`;
  const ms = (name: string, value: number, budget: number | null = null): Figure => ({
    name,
    value,
    unit: "ms",
    budget,
    better: "lower",
  });

  const preview = async ({ name, filter }: Named, when = ""): Promise<Figure[]> => {
    const body = { entity: "contacts", filter };
    const counts = new Set<number>();
    const times: number[] = [];
    for (let k = 0; k < WARM_UP + options.runs; k++) {
      const answer = await call<SegmentPreview>("POST", "/segments/preview", body);
      counts.add(answer.body.count);
      if (k >= WARM_UP) times.push(answer.serverMs);
    }
    // The same filter on the same data answers one count, unless the day turned during the runs
    // ("within 365 days" of a date column moves at midnight UTC): worth a word, not a failed bench.
    if (counts.size !== 1) log(`segment preview "${name}": the count moved during the runs: ${[...counts].join(", ")}`);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p)) as [number, number, number];
    log(
      `segment preview "${name}"${when}: count ${[...counts].at(-1)?.toLocaleString("en")}, server time ` +
        `p50 ${p50.toFixed(1)} / p95 ${p95.toFixed(1)} / p99 ${p99.toFixed(1)} ms over ${times.length} runs`,
    );
    const label = `segment preview, ${size} contacts, ${name}${when}`;
    return [
      ms(`${label}: p50 server time`, p50, BUDGET_PREVIEW_P50_MS),
      ms(`${label}: p95 server time`, p95),
      ms(`${label}: p99 server time`, p99),
    ];
  };

  const figures: Figure[] = [];
  for (const named of FILTERS) figures.push(...(await preview(named)));
  figures.push(...(await pull(call, size, log)));
  figures.push(...(await preview(RFM_FILTER, " (before RFM)")));

  const rfm = await recompute(call, options.rfmTimeoutSeconds, log);
  if (rfm === null) return figures;
  figures.push(
    {
      name: `rfm recompute, ${size} contacts: wall time`,
      value: rfm.wallS,
      unit: "s",
      budget: BUDGET_RFM_S,
      better: "lower",
    },
    {
      name: `rfm recompute, ${size} contacts: server time`,
      value: rfm.serverS,
      unit: "s",
      budget: null,
      better: "lower",
    },
  );
  if (rfm.finished) figures.push(...(await preview(RFM_FILTER, " (after RFM)")));
  return figures;
}

type Call = <T>(
  method: "GET" | "POST",
  path: string,
  body?: unknown,
) => Promise<{ body: T; serverMs: number; bytes: number }>;

/** Reads the first PULL_ROWS members of a saved segment of French contacts, page by page. */
async function pull(call: Call, size: string, log: (line: string) => void): Promise<Figure[]> {
  const filter = { field: "country", op: "eq", value: "FR" };
  const segment = (await call<{ id: string }>("POST", "/segments", { name: "Bench pull", filter })).body;
  let rows = 0;
  let serverMs = 0;
  let largest = 0;
  let pages = 0;
  let cursor: string | null = null;
  while (rows < PULL_ROWS) {
    const query: string = `limit=${Math.min(PULL_PAGE, PULL_ROWS - rows)}${cursor ? `&cursor=${cursor}` : ""}`;
    const page = await call<{ rows: unknown[]; nextCursor: string | null }>(
      "GET",
      `/segments/${segment.id}/sheet?${query}`,
    );
    rows += page.body.rows.length;
    serverMs += page.serverMs;
    largest = Math.max(largest, page.bytes);
    pages++;
    cursor = page.body.nextCursor;
    if (!cursor) break;
  }
  log(
    `segment pull: ${rows.toLocaleString("en")} rows in ${pages} pages of ${PULL_PAGE}, server time ` +
      `${serverMs.toFixed(0)} ms in all, largest page ${(largest / 1e6).toFixed(2)} MB`,
  );
  const label = `segment pull, ${size} contacts, ${rows.toLocaleString("en")} rows`;
  return [
    { name: `${label}: server time`, value: serverMs, unit: "ms", budget: BUDGET_PULL_MS, better: "lower" },
    {
      name: `${label}: largest page`,
      value: largest / 1e6,
      unit: "MB",
      budget: BUDGET_PULL_CHUNK_MB,
      better: "lower",
    },
  ];
}

/**
 * Starts a recompute and polls until it is done. Null when the server has no such endpoint yet
 * (it was being written alongside this bench). An unfinished run is reported at the time limit.
 */
async function recompute(
  call: Call,
  timeoutSeconds: number,
  log: (line: string) => void,
): Promise<{ wallS: number; serverS: number; finished: boolean } | null> {
  const started = performance.now();
  let run: RfmRun;
  try {
    run = (await call<RfmRun>("POST", "/rfm/recompute", {})).body;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      log("rfm recompute: POST /rfm/recompute answered 404 (not there yet): not measured");
      return null;
    }
    throw error;
  }
  const deadline = started + timeoutSeconds * 1000;
  while (run.status === "running" && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = (await call<RfmRun>("GET", "/rfm")).body;
  }
  const wallS = (performance.now() - started) / 1000;
  if (run.status === "failed") throw new Error(`the RFM recompute failed: ${run.error}`);
  const finished = run.status === "done";
  const serverS =
    finished && run.startedAt && run.finishedAt
      ? (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000
      : wallS;
  log(
    finished
      ? `rfm recompute: done in ${wallS.toFixed(1)} s from the POST (${serverS.toFixed(1)} s by the server's ` +
          `stamps), ${run.scored.toLocaleString("en")} contacts scored over ${run.periodMonths} months`
      : `rfm recompute: NOT FINISHED after ${timeoutSeconds} s (status ${run.status}): its time is a lower bound`,
  );
  return { wallS, serverS, finished };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** API calls as the fixture's admin; server time from the Server-Timing header the server sets. */
function caller(server: ServerProcess, token: string): Call {
  return async <T>(method: "GET" | "POST", path: string, body?: unknown) => {
    const response = await fetch(`${server.apiUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new HttpError(response.status, `${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    const timing = /dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
    if (!timing) throw new Error(`${method} ${path} answered without a Server-Timing header`);
    return { body: JSON.parse(text) as T, serverMs: Number(timing[1]), bytes: Buffer.byteLength(text) };
  };
}

/** Nearest rank, as the server child computes its percentiles. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
