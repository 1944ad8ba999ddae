import {
  findDuplicates,
  levelsOf,
  type MatchRecord,
  matchProbability,
  reasonsOf,
  type ScoredPair,
  scoreCandidates,
} from "@rapport/shared/matching";

/**
 * The dry run's CPU-heavy matching, as pure functions of plain data: they run on the engine
 * thread (engine-thread.ts) for big files, in place for small ones, with the same results.
 */

/** A row that repeats an earlier one of the same file, and why. */
export interface FileDuplicate {
  member: number;
  leader: number;
  score: number;
  reasons: string[];
}

/** The same person twice in the file: each later row of a cluster against its first row. */
export function fileDuplicates(records: readonly MatchRecord[]): FileDuplicate[] {
  if (records.length < 2) return [];
  const report = findDuplicates(records);
  const duplicates: FileDuplicate[] = [];
  for (const [leader, ...members] of report.clusters) {
    for (const member of members) {
      const levels = levelsOf(report.model.fields, records[member]!, records[leader!]!);
      duplicates.push({
        member,
        leader: leader!,
        score: matchProbability(report.model, levels),
        reasons: reasonsOf(report.model, levels).map(reasonText),
      });
    }
  }
  return duplicates;
}

export interface LinkInput {
  /** The incoming rows' records, then the stored candidates' (pairs run across the two). */
  records: readonly MatchRecord[];
  rows: number;
  left: Uint32Array;
  right: Uint32Array;
}

/** A row's most likely stored contact among its candidates (an index into the candidates). */
export interface BestLink {
  row: number;
  candidate: number;
  score: number;
  reasons: string[];
}

/** Scores every (row, candidate) pair with one model learned from them; keeps each row's best at review or above. */
export function bestLinks({ records, rows, left, right }: LinkInput): BestLink[] {
  if (left.length === 0) return [];
  const report = scoreCandidates(
    records,
    { left, right, count: left.length, windowedBlocks: 0 },
    { linkSplit: rows, thresholds: { match: 1, review: 0.5 } },
  );
  const best = new Map<number, ScoredPair>();
  for (const pair of report.pairs) if ((best.get(pair.a)?.probability ?? 0) < pair.probability) best.set(pair.a, pair);
  return [...best.values()].map((pair) => ({
    row: pair.a,
    candidate: pair.b - rows,
    score: pair.probability,
    reasons: reasonsOf(report.model, levelsOf(report.model.fields, records[pair.a]!, records[pair.b]!)).map(reasonText),
  }));
}

export function reasonText(reason: { text: string; weight: number }): string {
  return `${reason.text} (${reason.weight >= 0 ? "+" : ""}${reason.weight.toFixed(1)})`;
}

export const ENGINE_TASKS = { fileDuplicates, bestLinks };
export type EngineTasks = typeof ENGINE_TASKS;
