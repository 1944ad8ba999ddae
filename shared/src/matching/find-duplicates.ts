import { type BlockingOptions, type CandidatePairs, candidatePairs } from "./blocking.ts";
import { clusterPairs } from "./cluster.ts";
import { COMPARISONS } from "./comparisons.ts";
import type { MatchRecord } from "./match-record.ts";
import { estimateU, levelsOf, type MatchModel, matchProbability, type Reason, reasonsOf, trainModel } from "./model.ts";

/** Pairs at or above this probability are the same person; between review and this, a person decides. */
export const MATCH_THRESHOLDS = { autoMerge: 0.999, match: 0.99, review: 0.5 } as const;

/** Levels run from MISSING (-1) to at most 3: each field is one digit of a pattern's key. */
const PATTERN_RADIX = 5;

export interface ScoredPair {
  a: number;
  b: number;
  probability: number;
  weight: number;
  /** Shared by every pair with the same agreement pattern: read, never change. */
  reasons: Reason[];
}

export interface DuplicateReport {
  model: MatchModel;
  /** Candidate pairs at or above the review threshold, most probable first. */
  pairs: ScoredPair[];
  /** Groups of two or more records at or above the match threshold (record indexes). */
  clusters: number[][];
  stats: {
    records: number;
    candidatePairs: number;
    comparedFields: string[];
    windowedBlocks: number;
    /** Whether m came from EM on this data, or from the starting values (EM's answer was implausible). */
    modelLearned: boolean;
  };
}

export interface FindOptions extends BlockingOptions {
  thresholds?: { match: number; review: number };
}

/**
 * Finds the duplicates within one list of records (or, with linkSplit, between two lists):
 * block, learn the model from the data itself, score, cluster.
 */
export function findDuplicates(records: readonly MatchRecord[], options: FindOptions = {}): DuplicateReport {
  return scoreCandidates(records, candidatePairs(records, options), options);
}

/**
 * Learns the model and scores the given candidate pairs: findDuplicates' second half, for callers
 * that find their candidates another way (the import looks them up in the database's key index).
 */
export function scoreCandidates(
  records: readonly MatchRecord[],
  candidates: CandidatePairs,
  options: Pick<FindOptions, "linkSplit" | "thresholds"> = {},
): DuplicateReport {
  const thresholds = options.thresholds ?? MATCH_THRESHOLDS;
  const uFields = estimateU(records, COMPARISONS, { linkSplit: options.linkSplit });

  // Pairs are kept as the index of their level pattern: a million pairs share a few thousand
  // patterns, so the model scores and explains each pattern once, and no pair owns an array.
  const patterns = new Map<number, { levels: Int8Array; count: number; index: number }>();
  const byIndex: { levels: Int8Array; count: number }[] = [];
  const patternOfPair = new Uint32Array(candidates.count);
  const current = new Int8Array(uFields.length);
  for (let p = 0; p < candidates.count; p++) {
    const a = records[candidates.left[p]!]!;
    const b = records[candidates.right[p]!]!;
    let key = 0;
    for (let f = 0; f < uFields.length; f++) {
      const level = uFields[f]!.comparison.compare(a, b);
      current[f] = level;
      key = key * PATTERN_RADIX + level + 1;
    }
    let pattern = patterns.get(key);
    if (pattern) pattern.count++;
    else {
      pattern = { levels: current.slice(), count: 1, index: byIndex.length };
      patterns.set(key, pattern);
      byIndex.push(pattern);
    }
    patternOfPair[p] = pattern.index;
  }
  const model = trainModel(uFields, byIndex);

  const scored = byIndex.map(({ levels }) => {
    const probability = matchProbability(model, levels);
    return { probability, reasons: probability >= thresholds.review ? reasonsOf(model, levels) : [] };
  });
  const pairs: ScoredPair[] = [];
  for (let p = 0; p < candidates.count; p++) {
    const { probability, reasons } = scored[patternOfPair[p]!]!;
    if (probability < thresholds.review) continue;
    pairs.push({
      a: candidates.left[p]!,
      b: candidates.right[p]!,
      probability,
      weight: Math.log2(probability / (1 - probability)),
      reasons,
    });
  }
  pairs.sort((x, y) => y.probability - x.probability);

  const clusters = clusterPairs({
    size: records.length,
    pairs: pairs.filter((pair) => pair.probability >= thresholds.match),
    probability: (a, b) => matchProbability(model, levelsOf(model.fields, records[a]!, records[b]!)),
    threshold: thresholds.match,
  });
  return {
    model,
    pairs,
    clusters,
    stats: {
      records: records.length,
      candidatePairs: candidates.count,
      comparedFields: model.fields.map((field) => field.comparison.field),
      windowedBlocks: candidates.windowedBlocks,
      modelLearned: model.learned,
    },
  };
}
