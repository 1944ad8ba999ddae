export type { ImportRow } from "../import/import-row.ts";
export { blockingKeys, type CandidatePairs, candidatePairs } from "./blocking.ts";
export { clusterPairs } from "./cluster.ts";
export { COMPARISONS, type Comparison, MISSING, namesDiffer } from "./comparisons.ts";
export {
  type DuplicateReport,
  findDuplicates,
  MATCH_THRESHOLDS,
  type ScoredPair,
  scoreCandidates,
} from "./find-duplicates.ts";
export type { MatchRecord } from "./match-record.ts";
export {
  estimateU,
  levelsOf,
  type MatchModel,
  matchProbability,
  probabilityOf,
  type Reason,
  reasonsOf,
  trainModel,
} from "./model.ts";
export { type PrepareOptions, prepareRecord } from "./prepare.ts";
export { editDistance, jaro, jaroWinkler } from "./similarity.ts";
