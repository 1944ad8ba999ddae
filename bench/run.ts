/**
 * npm run bench: the performance budgets of DESIGN.md section 11 that can be measured today.
 *
 *   lookup   lookup by email with 1M contacts: server-time percentiles, requests/s, and requests/s
 *            against a bare route doing the same SQLite read with a raw prepared statement (and, for
 *            scale, against one doing all of the lookup's reads);
 *   search   search by name (no budget yet: the pane's search box), 10 clients;
 *   log      log an email (POST /activities, unique internetMessageId) with 50 concurrent clients;
 *   import   100k rows pushed, dry-run and applied against the 1M contacts, lookups meanwhile
 *            (bench/import.ts); then the bare SQL write of as many new contacts (bench/write-floor.ts);
 *   dedup    findDuplicates over all 1M contacts, in this process (bench/dedup.ts);
 *   quality  de-duplication precision and recall on FEBRL (bench/quality.ts);
 *   segments segment previews and the RFM recompute on 1M contacts with 5M orders, a database of
 *            its own (bench/segments.ts);
 *   excel    the Excel pane's pull of BENCH_EXCEL_ROWS (100000) contacts into the simulated workbook:
 *            rows/s, sync calls, largest payload (bench/excel-pull.ts);
 *   outlook  the Outlook pane's bundle gzipped and time to first people card in Chromium (bench/outlook-pane.ts).
 *
 * Load comes from autocannon in this process; the server runs in a child (bench/lib/server-child.ts).
 * Environment: BENCH_ONLY (parts to run, comma-separated, e.g. "import,dedup"; all by default),
 * BENCH_CONTACTS (1000000), BENCH_SECONDS (10), BENCH_IMPORT_ROWS (100000, at most a tenth of the
 * contacts), BENCH_IMPORT_CHUNK (5000 rows a request), BENCH_LOOKUP_RATE (lookups/s during the
 * import's apply, 100), BENCH_IMPORT_TIMEOUT and BENCH_DEDUP_TIMEOUT (seconds before an apply or the
 * self-dedup is given up and reported unfinished, 900 each), BENCH_PROFILE=1 (CPU profiles of the
 * server child and the self-dedup child, in bench/.cache/profiles), BENCH_SERVER_HEAP_MB (the server
 * child's --max-old-space-size; Node's default when unset), BENCH_SEGMENT_RUNS (measured previews
 * per filter, 30), BENCH_RFM_TIMEOUT (seconds before the recompute is reported unfinished, 600).
 * The segments database has BENCH_CONTACTS contacts and five times as many orders: BENCH_ONLY=segments
 * BENCH_CONTACTS=50000 checks it in a minute.
 */
import type { LookupResponse } from "@rapport/shared/schemas";
import { selfDedupFigures } from "./dedup.ts";
import { excelPullFigures } from "./excel-pull.ts";
import { importFigures } from "./import.ts";
import { type Fixture, lookupFixture, OWN_DOMAIN, workingCopy } from "./lib/fixture.ts";
import { drive } from "./lib/load.ts";
import { type Figure, formatTable, writeResults } from "./lib/results.ts";
import { type ServerProcess, startServer } from "./lib/server-process.ts";
import { outlookPaneFigures } from "./outlook-pane.ts";
import { qualityFigures } from "./quality.ts";
import { segmentFigures } from "./segments.ts";
import { writeFloorFigures } from "./write-floor.ts";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? Math.min(100_000, Math.floor(CONTACTS / 10)));
const IMPORT_CHUNK = Number(process.env.BENCH_IMPORT_CHUNK ?? 5000);
const LOOKUP_RATE = Number(process.env.BENCH_LOOKUP_RATE ?? 100);
const IMPORT_TIMEOUT = Number(process.env.BENCH_IMPORT_TIMEOUT ?? 900);
const DEDUP_TIMEOUT = Number(process.env.BENCH_DEDUP_TIMEOUT ?? 900);
const SEGMENT_RUNS = Number(process.env.BENCH_SEGMENT_RUNS ?? 30);
const RFM_TIMEOUT = Number(process.env.BENCH_RFM_TIMEOUT ?? 600);
const EXCEL_ROWS = Number(process.env.BENCH_EXCEL_ROWS ?? 100_000);
const WARM_UP_SECONDS = 3;

const PARTS = ["lookup", "search", "log", "import", "dedup", "quality", "segments", "excel", "outlook"] as const;
type Part = (typeof PARTS)[number];
const only = (process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((part) => part.trim())
  .filter(Boolean);
for (const part of only) {
  if (!PARTS.includes(part as Part)) throw new Error(`BENCH_ONLY: no part "${part}" (parts: ${PARTS.join(", ")})`);
}
const runs = (part: Part) => only.length === 0 || only.includes(part);

const log = (line: string) => console.log(`[bench] ${line}`);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function main(): Promise<void> {
  const started = performance.now();
  const figures: Figure[] = [];
  const failed: string[] = [];
  /** A part that fails is reported and the others still run: one broken path hides no figures. */
  const part = async (name: string, work: () => Promise<Figure[]> | Figure[]) => {
    try {
      figures.push(...(await work()));
    } catch (error) {
      failed.push(name);
      console.error(`[bench] ${name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    }
  };
  // quality reads FEBRL, segments builds a database of its own.
  const needsFixture = PARTS.some((name) => !["quality", "segments", "excel", "outlook"].includes(name) && runs(name));
  const fixture = needsFixture ? await lookupFixture(CONTACTS, log) : null;
  if (fixture) {
    log(
      `database: ${fixture.contacts.toLocaleString("en")} contacts, ${fixture.accounts.toLocaleString("en")} accounts`,
    );
  }
  if (fixture && (runs("lookup") || runs("search") || runs("log"))) {
    const server = await startServer({
      file: workingCopy(fixture),
      ownDomain: OWN_DOMAIN,
      userEmail: fixture.userEmail,
    });
    try {
      if (runs("lookup")) await part("lookup", () => lookupByEmail(server, fixture));
      if (runs("search")) await part("search", () => searchByName(server, fixture));
      if (runs("log")) await part("log", () => logAnEmail(server, fixture));
    } finally {
      await server.stop();
    }
  }
  if (fixture && runs("import")) {
    await part("import", async () => {
      // A fresh copy: the import writes 100k contacts.
      const file = workingCopy(fixture);
      const server = await startServer({ file, ownDomain: OWN_DOMAIN, userEmail: fixture.userEmail });
      try {
        const options = {
          rows: IMPORT_ROWS,
          chunk: IMPORT_CHUNK,
          lookupRate: LOOKUP_RATE,
          timeoutSeconds: IMPORT_TIMEOUT,
        };
        return await importFigures(server, fixture, file, options, log);
      } finally {
        await server.stop().catch(() => {});
      }
    });
  }
  if (fixture && runs("import")) {
    // As many contacts as the import's new people (three rows in four), on a fresh copy.
    await part("write floor", () => writeFloorFigures(workingCopy(fixture), Math.round(IMPORT_ROWS * 0.75), log));
  }
  if (fixture && runs("dedup")) await part("dedup", () => selfDedupFigures(fixture, DEDUP_TIMEOUT, log));
  if (runs("quality")) await part("quality", () => qualityFigures(log));
  if (runs("segments")) {
    const options = { contacts: CONTACTS, orders: 5 * CONTACTS, runs: SEGMENT_RUNS, rfmTimeoutSeconds: RFM_TIMEOUT };
    await part("segments", () => segmentFigures(options, log));
  }
  if (runs("outlook")) await part("outlook", () => outlookPaneFigures(log));
  if (runs("excel")) await part("excel", () => excelPullFigures(EXCEL_ROWS, log));
  console.log(`\n${formatTable(figures)}\n`);
  log(`wrote ${writeResults(figures)} (${seconds(started)} s in all)`);
  if (failed.length) {
    log(`FAILED: ${failed.join(", ")} (their figures are missing)`);
    process.exitCode = 1;
  }
}

async function lookupByEmail(server: ServerProcess, fixture: Fixture): Promise<Figure[]> {
  const auth = { authorization: `Bearer ${fixture.token}` };
  let k = 0;
  const nextEmail = () => encodeURIComponent(fixture.lookupEmails[k++ % fixture.lookupEmails.length] as string);
  await checkLookupDoesItsFullWork(server, fixture);

  log(`lookup: ${fixture.lookupEmails.length} rotating addresses, 10 connections, ${SECONDS} s`);
  const api = { url: server.apiUrl, connections: 10, method: "GET" as const, headers: auth };
  const lookup = () => ({ path: `/api/v1/lookup?email=${nextEmail()}` });
  await drive({ ...api, seconds: WARM_UP_SECONDS, next: lookup });
  await server.reset();
  const measured = await drive({ ...api, seconds: SECONDS, next: lookup });
  const serverTime = await server.stats("/api/v1/lookup");

  const bareApi = { url: server.bareUrl, connections: 10, method: "GET" as const, headers: {} };
  const bareRoute = async (path: string) => {
    const next = () => ({ path: `${path}?email=${nextEmail()}` });
    await drive({ ...bareApi, seconds: WARM_UP_SECONDS, next });
    return drive({ ...bareApi, seconds: SECONDS, next });
  };
  log(`bare route: the same read with a raw prepared statement, 10 connections, ${SECONDS} s`);
  const bare = await bareRoute("/lookup");
  log(`bare route doing all of the lookup's reads, 10 connections, ${SECONDS} s`);
  const bareAll = await bareRoute("/lookup-all");

  return [
    { name: "lookup p50 server time", value: serverTime.p50, unit: "ms", budget: null, better: "lower" },
    { name: "lookup p99 server time", value: serverTime.p99, unit: "ms", budget: 5, better: "lower" },
    { name: "lookup p99 client latency", value: measured.p99, unit: "ms", budget: null, better: "lower" },
    { name: "lookup requests/s", value: measured.requestsPerSecond, unit: "req/s", budget: null, better: "higher" },
    { name: "bare route requests/s", value: bare.requestsPerSecond, unit: "req/s", budget: null, better: "higher" },
    {
      name: "lookup vs bare route",
      value: (100 * measured.requestsPerSecond) / bare.requestsPerSecond,
      unit: "%",
      budget: 70,
      better: "higher",
    },
    // Not a budget: how much of the gap is the six reads themselves, and how much the rest.
    {
      name: "bare all-reads route requests/s",
      value: bareAll.requestsPerSecond,
      unit: "req/s",
      budget: null,
      better: "higher",
    },
    {
      name: "lookup vs bare all-reads route",
      value: (100 * measured.requestsPerSecond) / bareAll.requestsPerSecond,
      unit: "%",
      budget: null,
      better: "higher",
    },
  ];
}

/** A lookup that finds nothing is cheap: make sure the rotating addresses find contact, account, deals and history. */
async function checkLookupDoesItsFullWork(server: ServerProcess, fixture: Fixture): Promise<void> {
  const emails = fixture.lookupEmails.slice(0, 20);
  const query = emails.map((email) => `email=${encodeURIComponent(email)}`).join("&");
  const response = await fetch(`${server.apiUrl}/api/v1/lookup?${query}`, {
    headers: { authorization: `Bearer ${fixture.token}` },
  });
  if (!response.ok) throw new Error(`lookup answered ${response.status}: ${await response.text()}`);
  const { results } = (await response.json()) as LookupResponse;
  const full = results.filter((r) => r.contact && r.account && r.openOpportunities.length && r.recentActivities.length);
  if (full.length < results.length) {
    throw new Error(
      `only ${full.length} of ${results.length} benchmark addresses find a contact with deals and history`,
    );
  }
}

/** What a rep types in the pane's search box: common surnames and first names, often unfinished. */
const SEARCHES = [
  "martin",
  "bernard",
  "dubois",
  "lef",
  "hel",
  "jean",
  "moreau",
  "petit",
  "laurent",
  "nguyen",
  "sophie d",
  "marc",
];

async function searchByName(server: ServerProcess, fixture: Fixture): Promise<Figure[]> {
  let k = 0;
  const next = () => ({ path: `/api/v1/search?q=${encodeURIComponent(SEARCHES[k++ % SEARCHES.length] as string)}` });
  const api = {
    url: server.apiUrl,
    connections: 10,
    method: "GET" as const,
    headers: { authorization: `Bearer ${fixture.token}` },
  };
  log(`search by name: ${SEARCHES.length} rotating queries, 10 connections, ${SECONDS} s`);
  await drive({ ...api, seconds: WARM_UP_SECONDS, next });
  await server.reset();
  const measured = await drive({ ...api, seconds: SECONDS, next });
  const serverTime = await server.stats("/api/v1/search");
  return [
    { name: "search p50 server time", value: serverTime.p50, unit: "ms", budget: null, better: "lower" },
    { name: "search p99 server time", value: serverTime.p99, unit: "ms", budget: null, better: "lower" },
    { name: "search requests/s", value: measured.requestsPerSecond, unit: "req/s", budget: null, better: "higher" },
  ];
}

async function logAnEmail(server: ServerProcess, fixture: Fixture): Promise<Figure[]> {
  const headers = { authorization: `Bearer ${fixture.token}`, "content-type": "application/json" };
  const run = Date.now().toString(36);
  let n = 0;
  const mail = () => {
    const i = n++;
    const from = fixture.senderEmails[i % fixture.senderEmails.length] as string;
    return {
      path: "/api/v1/activities",
      body: JSON.stringify({
        type: "email",
        direction: "in",
        subject: `RE: Devis n°${1000 + (i % 9000)} – renouvellement du parc`,
        bodyText:
          "Bonjour,\n\nMerci pour votre proposition ; pouvez-vous nous confirmer le délai de livraison ?\n\nCordialement,",
        occurredAt: new Date().toISOString(),
        participants: [
          { address: from, role: "from" },
          { address: fixture.userEmail, role: "to" },
        ],
        externalIds: {
          internetMessageId: `<${run}.${i}@mail.bench.example>`,
          conversationId: `bench-${run}-${i % 500}`,
        },
      }),
    };
  };
  const first = mail();
  const response = await fetch(`${server.apiUrl}${first.path}`, { method: "POST", headers, body: first.body });
  const created = (await response.json()) as {
    accountId?: string | null;
    participants?: Array<{ contactId: string | null }>;
  };
  if (response.status !== 201 || !created.accountId || !created.participants?.[0]?.contactId) {
    throw new Error(`logging a mail did not link it to its sender (${response.status}): ${JSON.stringify(created)}`);
  }

  log(`log an email: 50 connections, ${SECONDS} s`);
  const api = { url: server.apiUrl, connections: 50, method: "POST" as const, headers, next: mail };
  await drive({ ...api, seconds: WARM_UP_SECONDS });
  await server.reset();
  const measured = await drive({ ...api, seconds: SECONDS });
  const serverTime = await server.stats("/api/v1/activities");
  return [
    { name: "log email requests/s", value: measured.requestsPerSecond, unit: "req/s", budget: null, better: "higher" },
    { name: "log email p50 server time", value: serverTime.p50, unit: "ms", budget: null, better: "lower" },
    { name: "log email p99 server time", value: serverTime.p99, unit: "ms", budget: 20, better: "lower" },
    { name: "log email p99 client latency", value: measured.p99, unit: "ms", budget: null, better: "lower" },
  ];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
