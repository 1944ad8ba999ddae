import { type BlockingOptions, candidatePairs } from "./blocking.ts";
import { clusterPairs } from "./cluster.ts";
import { COMPARISONS } from "./comparisons.ts";
import type { MatchRecord } from "./match-record.ts";
import { estimateU, levelsOf, type MatchModel, matchProbability, type Reason, reasonsOf, trainModel } from "./model.ts";

/** Pairs at or above this probability are the same person; between review and this, a person decides. */
export const MATCH_THRESHOLDS = { autoMerge: 0.999, match: 0.99, review: 0.5 } as const;

export interface ScoredPair {
  a: number;
  b: number;
  probability: number;
  weight: number;
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
  const thresholds = options.thresholds ?? MATCH_THRESHOLDS;
  const candidates = candidatePairs(records, options);
  const uFields = estimateU(records, COMPARISONS, { linkSplit: options.linkSplit });

  const patterns = new Map<string, { levels: Int8Array; count: number }>();
  const pairLevels: Int8Array[] = new Array(candidates.count);
  for (let p = 0; p < candidates.count; p++) {
    const levels = levelsOf(uFields, records[candidates.left[p]!]!, records[candidates.right[p]!]!);
    pairLevels[p] = levels;
    const key = levels.join(",");
    const pattern = patterns.get(key);
    if (pattern) pattern.count++;
    else patterns.set(key, { levels, count: 1 });
  }
  const model = trainModel(uFields, patterns);

  const pairs: ScoredPair[] = [];
  for (let p = 0; p < candidates.count; p++) {
    const levels = pairLevels[p]!;
    const probability = matchProbability(model, levels);
    if (probability < thresholds.review) continue;
    pairs.push({
      a: candidates.left[p]!,
      b: candidates.right[p]!,
      probability,
      weight: Math.log2(probability / (1 - probability)),
      reasons: reasonsOf(model, levels),
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
