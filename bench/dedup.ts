/**
 * Self-de-duplication of the whole fixture, in one process: every contact's match record read
 * with plain column reads (as the dedup scan reads them: the contact and its company's name), then
 * one findDuplicates over all of them. The time of findDuplicates has a budget; the read is
 * reported beside it. The fixture plants 5% duplicates with their ground truth, so the pairwise
 * precision and recall against it come for free (without budgets: the planted duplicates are
 * harder than FEBRL's in places, an email and a phone dropped together, and the generator may
 * also make two distinct people alike).
 *
 * It runs in a child process (bench/lib/dedup-child.ts) with a large heap and a time limit, so an
 * engine that blows up on a million records costs the run minutes, not the figures of the others.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

import { findDuplicates, MATCH_THRESHOLDS, type MatchRecord } from "@rapport/shared/matching";
import Sqlite from "better-sqlite3";
import { createSynthetic } from "../server/src/demo/synthetic/index.ts";
import {
  contactMatchRecord,
  type MatchedColumns,
  matchedFieldsOfRow,
} from "../server/src/modules/contacts/contact-match.ts";
import { FIXTURE_SEED, type Fixture } from "./lib/fixture.ts";
import type { Figure } from "./lib/results.ts";

/** The fixture's contacts in rowid order, which is the generator's index order. */
export function readMatchRecords(file: string): MatchRecord[] {
  const db = new Sqlite(file, { readonly: true });
  const rows = db
    .prepare(
      `select c.first_name, c.last_name, c.emails, c.phones, c.address, c.birth_date, a.name as company
       from contacts c left join accounts a on a.id = c.account_id order by c.rowid`,
    )
    .iterate() as IterableIterator<MatchedColumns>;
  const records: MatchRecord[] = [];
  for (const row of rows) {
    records.push(contactMatchRecord(matchedFieldsOfRow(row)));
  }
  db.close();
  return records;
}

export type FromDedupChild = { type: "log"; line: string } | { type: "figures"; figures: Figure[] };

/** Runs `measureSelfDedup` in a child; past `timeoutSeconds` it is stopped and reported unfinished. */
export async function selfDedupFigures(
  fixture: Fixture,
  timeoutSeconds: number,
  log: (line: string) => void,
): Promise<Figure[]> {
  const profile = process.env.BENCH_PROFILE === "1";
  const child = fork(fileURLToPath(new URL("./lib/dedup-child.ts", import.meta.url)), [], {
    execArgv: [
      "--import",
      "tsx",
      "--max-old-space-size=16384",
      ...(profile
        ? ["--cpu-prof", `--cpu-prof-dir=${fileURLToPath(new URL("./.cache/profiles", import.meta.url))}`]
        : []),
    ],
    env: { ...process.env, BENCH_DEDUP_FILE: fixture.file, BENCH_DEDUP_CONTACTS: String(fixture.contacts) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const started = performance.now();
  let figures: Figure[] | null = null;
  child.on("message", (message: FromDedupChild) => {
    if (message.type === "log") log(message.line);
    else figures = message.figures;
  });
  const timer = setTimeout(() => {
    // Busy in findDuplicates, the child would not even run a signal handler (so with
    // BENCH_PROFILE=1 it leaves a profile only when it finishes: profile a smaller fixture).
    log(`self-dedup: no answer after ${timeoutSeconds} s; stopping it`);
    child.kill("SIGKILL");
  }, timeoutSeconds * 1000);
  const exit = await new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ? `signal ${signal}` : `exit ${code}`)),
  );
  clearTimeout(timer);
  if (figures) return figures;
  const elapsed = (performance.now() - started) / 1000;
  log(`self-dedup: did not finish (${exit}, ${elapsed.toFixed(0)} s): the time figure is a lower bound`);
  return [
    {
      name: `self-dedup ${sizeLabel(fixture)} findDuplicates time`,
      value: elapsed,
      unit: "s",
      budget: 60,
      better: "lower",
    },
  ];
}

type Sized = Pick<Fixture, "file" | "contacts">;

const sizeLabel = (fixture: Sized) =>
  fixture.contacts >= 1_000_000 ? `${fixture.contacts / 1_000_000}M` : `${fixture.contacts / 1000}k`;

export function measureSelfDedup(fixture: Sized, log: (line: string) => void): Figure[] {
  const label = sizeLabel(fixture);
  let started = performance.now();
  const records = readMatchRecords(fixture.file);
  const readMs = performance.now() - started;
  log(`self-dedup: ${records.length.toLocaleString("en")} match records read in ${(readMs / 1000).toFixed(1)} s`);

  started = performance.now();
  const report = findDuplicates(records);
  const findMs = performance.now() - started;
  const autoMerge = report.pairs.filter((pair) => pair.probability >= MATCH_THRESHOLDS.autoMerge).length;
  const inClusters = report.clusters.reduce((sum, cluster) => sum + cluster.length, 0);
  log(
    `self-dedup: findDuplicates ${(findMs / 1000).toFixed(1)} s; ${report.stats.candidatePairs.toLocaleString("en")} ` +
      `candidate pairs (${report.stats.windowedBlocks} windowed blocks), ${report.pairs.length.toLocaleString("en")} ` +
      `pairs >= review, ${autoMerge.toLocaleString("en")} >= auto-merge, ${report.clusters.length.toLocaleString("en")} ` +
      `clusters holding ${inClusters.toLocaleString("en")} contacts`,
  );

  // Against the planted truth: contact i (rowid i + 1) is the generator's contact i.
  const gen = createSynthetic({ seed: FIXTURE_SEED, duplicateRate: 0.05 });
  const person = (i: number) => gen.duplicateOf(i) ?? i;
  let truePairs = 0;
  const planted = new Map<number, number>();
  for (let i = 0; i < records.length; i++) {
    const original = gen.duplicateOf(i);
    if (original === null) continue;
    const size = (planted.get(original) ?? 1) + 1;
    planted.set(original, size);
    truePairs += size - 1; // the new member pairs with every earlier one
  }
  let predicted = 0;
  let correct = 0;
  for (const cluster of report.clusters) {
    for (let x = 0; x < cluster.length; x++) {
      for (let y = x + 1; y < cluster.length; y++) {
        predicted++;
        if (person(cluster[x] as number) === person(cluster[y] as number)) correct++;
      }
    }
  }
  const precision = predicted ? correct / predicted : 0;
  const recall = truePairs ? correct / truePairs : 0;
  log(`self-dedup: ${truePairs.toLocaleString("en")} planted pairs, ${predicted.toLocaleString("en")} predicted`);

  const count = (name: string, value: number, unit: string): Figure => ({
    name,
    value,
    unit,
    budget: null,
    better: "higher",
  });
  return [
    { name: `self-dedup ${label} read time`, value: readMs / 1000, unit: "s", budget: null, better: "lower" },
    { name: `self-dedup ${label} findDuplicates time`, value: findMs / 1000, unit: "s", budget: 60, better: "lower" },
    count(`self-dedup ${label} candidate pairs`, report.stats.candidatePairs, "pairs"),
    count(`self-dedup ${label} pairs >= review`, report.pairs.length, "pairs"),
    count(`self-dedup ${label} pairs >= auto-merge`, autoMerge, "pairs"),
    count(`self-dedup ${label} clusters`, report.clusters.length, "clusters"),
    count(`self-dedup ${label} precision vs planted`, precision, ""),
    count(`self-dedup ${label} recall vs planted`, recall, ""),
  ];
}
