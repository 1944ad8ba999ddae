import { type Comparison, MISSING } from "./comparisons.ts";
import type { MatchRecord } from "./match-record.ts";

/**
 * A Fellegi-Sunter model: for each compared field, m[level] is how often true matches agree at
 * that level and u[level] how often unrelated records do. A pair's weight is the log2 of its
 * prior odds plus, per field, log2(m / u); missing values add nothing.
 */
export interface FieldModel {
  comparison: Comparison;
  m: number[];
  u: number[];
}

export interface MatchModel {
  fields: FieldModel[];
  /** Share of candidate pairs that are matches, learned by EM. */
  prior: number;
}

export interface Reason {
  field: string;
  text: string;
  /** This field's log2 Bayes factor: positive for evidence of a match. */
  weight: number;
}

const FLOOR = 1e-6;
const TYPICAL_PAIRS = 5000;

/** The agreement level of each field for one pair of records. */
export function levelsOf(fields: readonly { comparison: Comparison }[], a: MatchRecord, b: MatchRecord): Int8Array {
  const levels = new Int8Array(fields.length);
  for (let f = 0; f < fields.length; f++) levels[f] = fields[f]!.comparison.compare(a, b);
  return levels;
}

/** Deterministic pseudo-random numbers (mulberry32): the same data gives the same model. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface UOptions {
  samplePairs?: number;
  linkSplit?: number;
  seed?: number;
}

/**
 * u probabilities from random pairs, which are almost all non-matches (as Splink estimates them).
 * Fields that no sampled pair could compare are left out of the model.
 */
export function estimateU(
  records: readonly MatchRecord[],
  comparisons: readonly Comparison[],
  options: UOptions = {},
): { comparison: Comparison; u: number[] }[] {
  const random = seededRandom(options.seed ?? 42);
  const samples = options.samplePairs ?? 200_000;
  const counts = comparisons.map((comparison) => new Array<number>(comparison.levels.length).fill(0));
  const n = records.length;
  const split = options.linkSplit;
  if (n < 2) return [];
  const count = (a: MatchRecord, b: MatchRecord) =>
    comparisons.forEach((comparison, f) => {
      const level = comparison.compare(a, b);
      if (level !== MISSING) counts[f]![level]!++;
    });
  const allPairs = split !== undefined ? split * (n - split) : (n * (n - 1)) / 2;
  if (allPairs <= samples) {
    // A small file: every pair once, rather than the same few pairs drawn thousands of times.
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (split === undefined || i < split !== j < split) count(records[i]!, records[j]!);
  } else {
    for (let s = 0; s < samples; s++) {
      let i: number;
      let j: number;
      if (split !== undefined) {
        i = Math.floor(random() * split);
        j = split + Math.floor(random() * (n - split));
      } else {
        i = Math.floor(random() * n);
        j = Math.floor(random() * (n - 1));
        if (j >= i) j++;
      }
      count(records[i]!, records[j]!);
    }
  }
  const result: { comparison: Comparison; u: number[] }[] = [];
  comparisons.forEach((comparison, f) => {
    const fieldCounts = counts[f]!;
    const total = fieldCounts.reduce((sum, count) => sum + count, 0);
    if (total === 0) return;
    // The typical rates count as TYPICAL_PAIRS sampled pairs: 200k pairs of a big file outweigh
    // them, while the few pairs of a ten-row file cannot make a shared email look common. Half a
    // count for unseen levels: never seeing strangers share a national id makes it rare, not impossible.
    const typical = comparison.typicalU;
    const smoothed = fieldCounts.map((count, l) => Math.max(count + (typical ? TYPICAL_PAIRS * typical[l]! : 0), 0.5));
    const smoothedTotal = smoothed.reduce((sum, count) => sum + count, 0);
    result.push({ comparison, u: smoothed.map((count) => count / smoothedTotal) });
  });
  return result;
}

/**
 * Starting m, and the prior belief EM is pulled towards: true matches mostly agree exactly, and
 * disagree least often.
 */
function initialM(levels: number): number[] {
  if (levels === 2) return [0.9, 0.1];
  const m = [0.8];
  const rest = 0.2;
  for (let l = 1; l < levels - 1; l++) m.push((rest * 0.6) / (levels - 2));
  m.push(rest * 0.4);
  return m;
}

export interface TrainOptions {
  iterations?: number;
}

/**
 * The share of candidate pairs assumed to be matches. It is not learned: on a list of distinct
 * people (no true pairs at all) EM would call every candidate a match. Fixed, it keeps one
 * meaning for a probability whatever the data; FEBRL's true pairs carry 30+ bits of evidence and
 * do not need a generous prior.
 */
const PRIOR_MATCH_SHARE = 0.1;
/** A few pairs' worth of belief in the starting m, so a level no pair reaches keeps a sane value. */
const PRIOR_PAIRS = 20;

/**
 * Learns m by expectation-maximisation over the candidate pairs' level patterns, with u held at
 * its random-sample estimate and a light Dirichlet prior towards the starting m. No labels are
 * needed. EM fits two classes to whatever it is given, so its answer is checked: if the learned
 * "matches" disagree on a field more often than they agree, it has learned strangers who happen to
 * share a postcode, not duplicates, and the starting m is kept (`learned: false`).
 */
export function trainModel(
  uFields: { comparison: Comparison; u: number[] }[],
  patterns: Iterable<{ levels: Int8Array; count: number }>,
  options: TrainOptions = {},
): MatchModel & { learned: boolean } {
  const starting = () => uFields.map(({ comparison, u }) => ({ comparison, u, m: initialM(comparison.levels.length) }));
  const fields: FieldModel[] = starting();
  const prior = PRIOR_MATCH_SHARE;
  const initial = fields.map((field) => field.m);
  const entries = [...patterns];
  if (entries.length === 0) return { fields, prior, learned: false };
  for (let iteration = 0; iteration < (options.iterations ?? 40); iteration++) {
    const mSums = fields.map((field) => new Array<number>(field.m.length).fill(0));
    for (const { levels, count } of entries) {
      const weight = probabilityOf({ fields, prior }, levels) * count;
      for (let f = 0; f < fields.length; f++) {
        const level = levels[f]!;
        if (level !== MISSING) mSums[f]![level]! += weight;
      }
    }
    let change = 0;
    fields.forEach((field, f) => {
      const sums = mSums[f]!.map((value, l) => value + PRIOR_PAIRS * initial[f]![l]!);
      const fieldTotal = sums.reduce((sum, value) => sum + value, 0);
      const next = sums.map((value) => Math.max(value / fieldTotal, FLOOR));
      next.forEach((value, l) => {
        change = Math.max(change, Math.abs(value - field.m[l]!));
      });
      field.m = next;
    });
    if (change < 1e-6) break;
  }
  const plausible = fields.every((field) => field.m[0]! > field.m[field.m.length - 1]!);
  return plausible ? { fields, prior, learned: true } : { fields: starting(), prior, learned: false };
}

export function weightOf(model: MatchModel, levels: Int8Array): number {
  let weight = Math.log2(model.prior / (1 - model.prior));
  for (let f = 0; f < model.fields.length; f++) {
    const level = levels[f]!;
    if (level === MISSING) continue;
    const field = model.fields[f]!;
    weight += Math.log2(field.m[level]! / field.u[level]!);
  }
  return weight;
}

export function probabilityOf(model: MatchModel, levels: Int8Array): number {
  const odds = 2 ** weightOf(model, levels);
  return Number.isFinite(odds) ? odds / (1 + odds) : 1;
}

/** The evidence behind a pair's score, strongest first, in words. */
export function reasonsOf(model: MatchModel, levels: Int8Array): Reason[] {
  const reasons: Reason[] = [];
  model.fields.forEach((field, f) => {
    const level = levels[f]!;
    if (level === MISSING) return;
    reasons.push({
      field: field.comparison.field,
      text: field.comparison.levels[level]!,
      weight: Math.round(Math.log2(field.m[level]! / field.u[level]!) * 100) / 100,
    });
  });
  return reasons.sort((a, b) => b.weight - a.weight);
}

/** Fields that name a person but do not identify one: "Jean Martin" is thousands of people. */
const NAME_FIELDS = new Set(["firstName", "lastName"]);
/** Fields that belong to one person, not to everyone at an address. */
const PERSONAL_FIELDS = new Set(["emails", "phones", "birthDate", "nationalId"]);
/**
 * Fields whose plain disagreement says "maybe someone else" until something personal agrees: a
 * street, postcode or company that differs outright leaves names corroborated only by what a
 * namesake shares (a town, a building, a look-alike employer).
 */
const CONTRADICTING_FIELDS = new Set(["firstName", "lastName", "emails", "street", "postcode", "company"]);
/** A pair that agrees on names and nothing else: not even worth a review ("Jean Martin" again). */
const NAMES_ONLY_CAP = 0.3;
/** A pair whose only corroboration a differing name or email puts in doubt: a review, never a match. */
const DOUBTFUL_CAP = 0.9;
/**
 * The agreement levels of an impersonal field that corroborate names: the same or a similar value.
 * A "close" company ("Rodriguez Consulting" against "Rodriguez Engineering") or street is a hint.
 */
const CORROBORATING_LEVELS = 1;

/**
 * The match probability, with one rule on top of the model: names alone are never enough. A pair
 * that agrees on nothing but names stays below review: in a big base a namesake is the rule, not
 * news. It must agree on something else (an email, a phone, a date of birth, an id, an address...)
 * to go further; and when a name, the email address or the address differs (a marriage, a new
 * job, a move, or simply someone else), only something personal (an email, a phone, a date of
 * birth, an id) lifts it past review: a shared company, town or building is a colleague, a
 * neighbour, a household. EM fits two classes to whatever data it is given, so a file of distinct
 * people who share a surname could otherwise "learn" that surnames match.
 */
export function matchProbability(model: MatchModel, levels: Int8Array): number {
  const probability = probabilityOf(model, levels);
  const evidence = corroboration(model, levels);
  if (evidence === "none") return Math.min(probability, NAMES_ONLY_CAP);
  if (evidence === "other" && contradicted(model, levels)) return Math.min(probability, DOUBTFUL_CAP);
  return probability;
}

/** The strongest agreement beyond names: something personal, something else, or nothing. */
function corroboration(model: MatchModel, levels: Int8Array): "personal" | "other" | "none" {
  let found: "other" | "none" = "none";
  for (let f = 0; f < model.fields.length; f++) {
    const level = levels[f]!;
    const field = model.fields[f]!;
    if (level === MISSING || NAME_FIELDS.has(field.comparison.field)) continue;
    if (field.m[level]! <= 2 * field.u[level]!) continue;
    if (PERSONAL_FIELDS.has(field.comparison.field)) return "personal";
    if (level <= CORROBORATING_LEVELS) found = "other";
  }
  return found;
}

function contradicted(model: MatchModel, levels: Int8Array): boolean {
  return model.fields.some(
    (field, f) => CONTRADICTING_FIELDS.has(field.comparison.field) && levels[f] === field.m.length - 1,
  );
}
