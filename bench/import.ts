/**
 * Pushing 100k rows with fuzzy de-duplication against the 1M-contact database (DESIGN section
 * 11): the rows go up in chunks through POST /imports/{id}/rows, then the dry run (POST analyse)
 * and the apply (POST apply), each in the background until the job says "analysed", "applied".
 *
 *   - dry run and apply: from the job's claim to its "analysed" or "applied" (both instants are
 *     the server's own updatedAt stamps); budget on their sum;
 *   - lookups by email at a steady rate while the apply runs: p99 server time, budget 50 ms;
 *   - one lookup at a time while the dry run runs: the longest wait (the dry run's matching is
 *     synchronous work on the server's one thread between its yields, so this is how long the
 *     pane would hang);
 *   - and whether the decisions are right: the rows are planted (bench/lib/import-rows.ts), so the
 *     share of each kind decided as it should be is reported, without budgets.
 */

import { request as httpRequest } from "node:http";
import type { ImportJob } from "@rapport/shared/schemas";
import Sqlite from "better-sqlite3";
import { createSynthetic } from "../server/src/demo/synthetic/index.ts";
import { FIXTURE_SEED, type Fixture } from "./lib/fixture.ts";
import { IMPORT_HEADERS, importRows, type Planted } from "./lib/import-rows.ts";
import { driveWhile } from "./lib/load.ts";
import type { Figure } from "./lib/results.ts";
import type { ServerProcess } from "./lib/server-process.ts";

export type ImportOptions = {
  rows: number;
  chunk: number;
  /** Lookups per second while the apply runs. */
  lookupRate: number;
  /** An apply still running after this long is reported unfinished. */
  timeoutSeconds: number;
};

type Answer<T> = { body: T; serverMs: number; wallMs: number };

export async function importFigures(
  server: ServerProcess,
  fixture: Fixture,
  file: string,
  options: ImportOptions,
  log: (line: string) => void,
): Promise<Figure[]> {
  const auth = { authorization: `Bearer ${fixture.token}` };
  const call = <T>(method: "GET" | "POST", path: string, body?: unknown) =>
    request<T>(`${server.apiUrl}/api/v1${path}`, method, auth, body);
  const label = `${(options.rows / 1000).toFixed(0)}k`;

  let started = performance.now();
  const { rows, planted } = importRows(file, fixture.contacts, options.rows);
  log(`import: ${rows.length.toLocaleString("en")} rows built in ${seconds(started)} s`);

  const job = (
    await call<ImportJob>("POST", "/imports", {
      name: "bench",
      headers: IMPORT_HEADERS,
      options: { defaultCountry: "FR" },
    })
  ).body;
  let uploadMs = 0;
  started = performance.now();
  for (let from = 0; from < rows.length; from += options.chunk) {
    uploadMs += (await call("POST", `/imports/${job.id}/rows`, { rows: rows.slice(from, from + options.chunk) }))
      .serverMs;
  }
  log(`import: sent in chunks of ${options.chunk} (${seconds(started)} s); dry run...`);

  // The dry run (in the background), with one lookup at a time beside it to see how long the pane would wait.
  const lookup = lookupPaths(fixture);
  const analyseClaim = (await call<ImportJob>("POST", `/imports/${job.id}/analyse`)).body;
  const analysing = pollUntil(call, job.id, "analysing", "analysed", options.timeoutSeconds);
  const waits = await probeWhile(() => call("GET", lookup()).then((answer) => answer.wallMs), analysing);
  const analysed = await analysing;
  if (!analysed.finished) throw new Error(`the dry run did not finish in ${options.timeoutSeconds} s`);
  const dryRunMs = Date.parse(analysed.job.updatedAt) - Date.parse(analyseClaim.updatedAt);
  log(`import: dry run ${(dryRunMs / 1000).toFixed(1)} s; plan ${JSON.stringify(analysed.job.plan)}`);

  // The apply, with lookups at a steady rate until the job is applied.
  await server.reset();
  const claim = (await call<ImportJob>("POST", `/imports/${job.id}/apply`)).body;
  const applied = pollUntil(call, job.id, "applying", "applied", options.timeoutSeconds);
  const lookups = await driveWhile(
    {
      url: server.apiUrl,
      connections: 10,
      method: "GET",
      headers: auth,
      rate: options.lookupRate,
      next: () => ({ path: `/api/v1${lookup()}` }),
    },
    applied,
  );
  const done = await applied;
  const lookupTime = await server.stats("/api/v1/lookup");
  const loop = await server.loopDelay();
  log(
    `import: server thread during the apply: event loop delay p99 ${loop.p99.toFixed(1)} ms, ` +
      `max ${loop.max.toFixed(0)} ms; lookup server time p99 ${lookupTime.p99.toFixed(1)} ms`,
  );
  // The server's own stamps: the claim, and the last write (the "applied" one when it finished).
  const applyMs = done.finished
    ? Date.parse(done.job.updatedAt) - Date.parse(claim.updatedAt)
    : options.timeoutSeconds * 1000;
  log(
    done.finished
      ? `import: applied in ${(applyMs / 1000).toFixed(1)} s, result ${JSON.stringify(done.job.result)}; ` +
          `${lookups.total} lookups meanwhile (${lookups.requestsPerSecond.toFixed(0)}/s)`
      : `import: apply NOT FINISHED after ${options.timeoutSeconds} s (${done.job.progress.done} of ` +
          `${done.job.progress.total} rows): its figures are lower bounds; ${lookups.total} lookups meanwhile`,
  );

  const checks = checkDecisions(file, job.id, planted);
  log(`import decisions: ${checks.summary}`);

  const s = (name: string, ms: number, budget: number | null = null): Figure => ({
    name,
    value: ms / 1000,
    unit: "s",
    budget,
    better: "lower",
  });
  const ratio = (name: string, value: number): Figure => ({ name, value, unit: "", budget: null, better: "higher" });
  return [
    s(`import ${label} rows upload server time`, uploadMs),
    s(`import ${label} dry run server time`, dryRunMs),
    s(`import ${label} apply server time`, applyMs),
    s(`import ${label} dry run + apply server time`, dryRunMs + applyMs, 15),
    {
      name: "lookup p99 server time during import apply",
      value: lookupTime.p99,
      unit: "ms",
      budget: 50,
      better: "lower",
    },
    {
      name: "lookup p99 client latency during import apply",
      value: lookups.p99,
      unit: "ms",
      budget: null,
      better: "lower",
    },
    {
      name: "server event loop delay p99 during import apply",
      value: loop.p99,
      unit: "ms",
      budget: null,
      better: "lower",
    },
    {
      name: "lookup longest wait during import dry run",
      value: Math.max(0, ...waits),
      unit: "ms",
      budget: null,
      better: "lower",
    },
    ratio("import exact-email rows matched", checks.exact),
    ratio("import fuzzy rows matched", checks.fuzzy),
    ratio("import repeated rows found", checks.repeat),
    ratio("import new rows left new", checks.fresh),
  ];
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Rotating lookup paths over the fixture's looked-up addresses. */
function lookupPaths(fixture: Fixture): () => string {
  let k = 0;
  return () => `/lookup?email=${encodeURIComponent(fixture.lookupEmails[k++ % fixture.lookupEmails.length] as string)}`;
}

/** Runs `probe` again and again, one at a time, until `until` settles; answers each probe's result. */
async function probeWhile(probe: () => Promise<number>, until: Promise<unknown>): Promise<number[]> {
  let settled = false;
  void until.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  const results: number[] = [];
  while (!settled) {
    results.push(await probe());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return results;
}

/** Polls the job while it is `running` until it is `done`, or gives up after `timeoutSeconds` (finished: false). */
async function pollUntil(
  call: <T>(method: "GET", path: string) => Promise<Answer<T>>,
  id: string,
  running: ImportJob["status"],
  done: ImportJob["status"],
  timeoutSeconds: number,
): Promise<{ job: ImportJob; finished: boolean }> {
  const deadline = performance.now() + timeoutSeconds * 1000;
  for (;;) {
    const job = (await call<ImportJob>("GET", `/imports/${id}`)).body;
    if (job.status === done) return { job, finished: true };
    if (job.status !== running) throw new Error(`the job went ${job.status} instead of ${done}: ${job.error ?? ""}`);
    if (performance.now() > deadline) return { job, finished: false };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * One API call over node:http, which unlike fetch sets no time limit on the answer (a dry run of
 * 100k rows may take minutes). Server time comes from the Server-Timing header.
 */
function request<T>(
  url: string,
  method: "GET" | "POST",
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer<T>> {
  const started = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        headers: payload === undefined ? headers : { ...headers, "content-type": "application/json" },
        // A connection per call: reusing a kept-alive one races the server closing it when idle
        // (ECONNRESET), and a poll every 50 ms gains nothing from reuse.
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const wallMs = performance.now() - started;
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(new Error(`${method} ${url} answered ${status}: ${text.slice(0, 500)}`));
            return;
          }
          const timing = /dur=([\d.]+)/.exec(String(response.headers["server-timing"] ?? ""));
          resolve({ body: JSON.parse(text) as T, serverMs: timing ? Number(timing[1]) : wallMs, wallMs });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/**
 * The dry run's decisions against what was planted, read from the database. A row matched to a
 * planted duplicate of its contact (the fixture has 5%) found the right person too.
 */
function checkDecisions(file: string, jobId: string, planted: Planted[]) {
  const db = new Sqlite(file, { readonly: true });
  const decided = db
    .prepare(
      `select r.row_number, r.action, r.duplicate_of, r.review, c.rowid as target
       from import_rows r left join contacts c on c.id = r.target_id where r.job_id = ? order by r.row_number`,
    )
    .all(jobId) as Array<{
    row_number: number;
    action: string;
    duplicate_of: number | null;
    review: number;
    target: number | null;
  }>;
  db.close();
  if (decided.length !== planted.length) throw new Error(`${decided.length} rows decided for ${planted.length} sent`);
  const gen = createSynthetic({ seed: FIXTURE_SEED, duplicateRate: 0.05 });
  const person = (index: number) => gen.duplicateOf(index) ?? index;
  const leader = (row: number) => decided[row - 1]?.duplicate_of ?? row;
  const matched = (d: (typeof decided)[number]) => d.action === "merge" || d.action === "unchanged";

  // A new person's row number -> the row number of its repeat.
  const repeatOf = new Map(planted.flatMap((p, k) => (p.kind === "repeat" ? [[p.of, k + 1] as const] : [])));
  const tally = {
    exact: { ok: 0, all: 0 },
    fuzzy: { ok: 0, all: 0 },
    repeat: { ok: 0, all: 0 },
    fresh: { ok: 0, all: 0 },
  };
  const fuzzyOutcomes = new Map<string, number>();
  planted.forEach((p, k) => {
    const d = decided[k] as (typeof decided)[number];
    const count = (key: keyof typeof tally, ok: boolean) => {
      tally[key].ok += ok ? 1 : 0;
      tally[key].all++;
    };
    if (p.kind === "exact" || p.kind === "fuzzy") {
      const right = matched(d) && d.target !== null && person(d.target - 1) === person(p.index);
      count(p.kind, right);
      if (p.kind === "fuzzy") {
        const outcome = `${d.action}${d.review ? "+review" : ""}${d.target !== null && !right ? " (other contact)" : ""}`;
        fuzzyOutcomes.set(outcome, (fuzzyOutcomes.get(outcome) ?? 0) + 1);
      }
    } else if (p.kind === "repeat") count("repeat", leader(k + 1) === leader(p.of));
    else {
      // A new person is created, or folded into its own repeat; anything else is a false match.
      const partner = repeatOf.get(k + 1);
      count("fresh", d.action === "create" || (partner !== undefined && leader(k + 1) === leader(partner)));
    }
  });
  const share = ({ ok, all }: { ok: number; all: number }) => (all ? ok / all : 0);
  const summary = Object.entries(tally)
    .map(([kind, { ok, all }]) => `${kind} ${ok}/${all}`)
    .concat(`fuzzy outcomes ${JSON.stringify(Object.fromEntries(fuzzyOutcomes))}`)
    .join(", ");
  return {
    exact: share(tally.exact),
    fuzzy: share(tally.fuzzy),
    repeat: share(tally.repeat),
    fresh: share(tally.fresh),
    summary,
  };
}
