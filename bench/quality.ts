/**
 * De-duplication quality on FEBRL (shared/data/febrl): synthetic Australian person records whose
 * rec_id says who is who (rec-<N>-org and rec-<N>-dup-<k> are the same person N). Datasets 1 and 2
 * are de-duplicated as one list each; 4a and 4b are linked (only pairs across the two files count).
 * The files go through the import path, the file reader, the proposed column mapping (rec_id left
 * out) and mapRow, then prepareRecord and findDuplicates with the engine's defaults, the one
 * configuration for every dataset.
 *
 * Per dataset: pairwise precision, recall and F1 of the clusters (every pair within a cluster),
 * the precision of the pairs at or above the auto-merge threshold, and for blocking the pairs
 * completeness (share of the true pairs that are candidate pairs) and the reduction ratio
 * (1 - candidate pairs / all possible pairs).
 */
import { readFileSync } from "node:fs";
import { mapRow, proposeMapping } from "@rapport/shared/import";
import {
  candidatePairs,
  findDuplicates,
  MATCH_THRESHOLDS,
  type MatchRecord,
  prepareRecord,
} from "@rapport/shared/matching";
import { readContactFile } from "../server/src/modules/imports/read/read-file.ts";
import type { Figure } from "./lib/results.ts";

const FEBRL = new URL("../../shared/data/febrl/", import.meta.url);

const DATASETS: { name: string; files: string[] }[] = [
  { name: "FEBRL1", files: ["dataset1.csv"] },
  { name: "FEBRL2", files: ["dataset2.csv"] },
  // Linkage: 4a is the first source, 4b the second.
  { name: "FEBRL4", files: ["dataset4a.csv", "dataset4b.csv"] },
];

type Labelled = { person: string; record: MatchRecord };

/** One FEBRL file as the import reads it, each record with its true person. */
function readFebrl(file: string): Labelled[] {
  const read = readContactFile(readFileSync(new URL(file, FEBRL)), { filename: file });
  if (read.kind !== "table") throw new Error(`${file} was not read as a table`);
  const recId = read.headers.indexOf("rec_id");
  if (recId < 0) throw new Error(`${file} has no rec_id column`);
  // The ground truth must not reach the engine.
  const mapping = proposeMapping(read.headers).map((field, column) => (column === recId ? null : field));
  return read.rows.map((cells) => {
    const person = (cells[recId] ?? "").split("-")[1];
    if (!person) throw new Error(`${file}: rec_id "${cells[recId]}" is not rec-<N>-...`);
    return { person, record: prepareRecord(mapRow(cells, mapping), { defaultCountry: "AU" }) };
  });
}

export type Quality = {
  truePairs: number;
  predictedPairs: number;
  precision: number;
  recall: number;
  f1: number;
  autoMergePairs: number;
  autoMergePrecision: number;
  candidatePairs: number;
  pairsCompleteness: number;
  reductionRatio: number;
};

/**
 * Scores a report against the truth. `person[i]` is record i's true identity; with `linkSplit`,
 * only pairs across the split count (as findDuplicates counts them).
 */
export function pairwiseQuality(
  person: readonly (string | number)[],
  clusters: readonly number[][],
  autoMerged: readonly { a: number; b: number }[],
  candidates: { left: Uint32Array; right: Uint32Array; count: number },
  linkSplit?: number,
): Quality {
  const n = person.length;
  const counts = (low: number, high: number) => linkSplit === undefined || low < linkSplit !== high < linkSplit;
  const same = (a: number, b: number) => person[a] === person[b];

  const groups = new Map<string | number, number[]>();
  person.forEach((p, i) => {
    const group = groups.get(p);
    if (group) group.push(i);
    else groups.set(p, [i]);
  });
  let truePairs = 0;
  for (const group of groups.values()) {
    if (linkSplit === undefined) truePairs += (group.length * (group.length - 1)) / 2;
    else {
      const left = group.filter((i) => i < linkSplit).length;
      truePairs += left * (group.length - left);
    }
  }

  let predictedPairs = 0;
  let truePositives = 0;
  for (const cluster of clusters) {
    for (let x = 0; x < cluster.length; x++) {
      for (let y = x + 1; y < cluster.length; y++) {
        const a = cluster[x] as number;
        const b = cluster[y] as number;
        if (!counts(Math.min(a, b), Math.max(a, b))) continue;
        predictedPairs++;
        if (same(a, b)) truePositives++;
      }
    }
  }
  const autoTrue = autoMerged.filter(({ a, b }) => same(a, b)).length;
  let candidateTrue = 0;
  for (let p = 0; p < candidates.count; p++) {
    if (same(candidates.left[p] as number, candidates.right[p] as number)) candidateTrue++;
  }
  const allPairs = linkSplit === undefined ? (n * (n - 1)) / 2 : linkSplit * (n - linkSplit);

  const precision = predictedPairs ? truePositives / predictedPairs : 0;
  const recall = truePairs ? truePositives / truePairs : 0;
  return {
    truePairs,
    predictedPairs,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    autoMergePairs: autoMerged.length,
    autoMergePrecision: autoMerged.length ? autoTrue / autoMerged.length : 0,
    candidatePairs: candidates.count,
    pairsCompleteness: truePairs ? candidateTrue / truePairs : 0,
    reductionRatio: 1 - candidates.count / allPairs,
  };
}

export function qualityFigures(log: (line: string) => void): Figure[] {
  const figures: Figure[] = [];
  for (const { name, files } of DATASETS) {
    const sources = files.map(readFebrl);
    const data = sources.flat();
    const linkSplit = sources.length === 2 ? sources[0]?.length : undefined;
    const records = data.map((d) => d.record);
    const started = performance.now();
    const report = findDuplicates(records, { linkSplit });
    const ms = performance.now() - started;
    // The same blocking findDuplicates ran, to count what it lets through.
    const candidates = candidatePairs(records, { linkSplit });
    const autoMerged = report.pairs.filter((pair) => pair.probability >= MATCH_THRESHOLDS.autoMerge);
    const q = pairwiseQuality(
      data.map((d) => d.person),
      report.clusters,
      autoMerged,
      candidates,
      linkSplit,
    );
    log(
      `quality ${name} (${files.join(" + ")}, ${records.length} records, ${ms.toFixed(0)} ms): ` +
        `${q.truePairs} true pairs, ${q.predictedPairs} predicted, ${q.autoMergePairs} auto-merged, ` +
        `${q.candidatePairs} candidate pairs`,
    );
    const ratio = (figure: string, value: number, budget: number | null = null): Figure => ({
      name: `${name} ${figure}`,
      value,
      unit: "",
      budget,
      better: "higher",
    });
    figures.push(
      ratio("F1", q.f1, 0.995),
      ratio("precision", q.precision),
      ratio("recall", q.recall),
      ratio("auto-merge precision", q.autoMergePrecision, 0.999),
      ratio("blocking pairs completeness", q.pairsCompleteness),
      ratio("blocking reduction ratio", q.reductionRatio),
    );
  }
  return figures;
}
