/**
 * String similarity, pinned to the textbook definitions so every surface scores alike.
 * Popular npm packages differ in the match window, in when the Winkler prefix bonus applies and in
 * how they count transpositions; the golden tests in similarity.test.ts hold these to the
 * published values (Winkler 1990; Jaro 1989).
 */

/**
 * Jaro similarity: characters match when equal and at most floor(max(|a|, |b|) / 2) - 1 apart;
 * t is half the matched characters that are out of order.
 * jaro = (m/|a| + m/|b| + (m - t)/m) / 3, and 0 when nothing matches.
 */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 1 : 1;
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);
  const matchedB = new Uint8Array(lengthB);
  const matchedA = new Uint8Array(lengthA);
  let matches = 0;
  for (let i = 0; i < lengthA; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lengthB - 1, i + window);
    const code = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === code) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let outOfOrder = 0;
  let j = 0;
  for (let i = 0; i < lengthA; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) outOfOrder++;
    j++;
  }
  const transpositions = outOfOrder / 2;
  return (matches / lengthA + matches / lengthB + (matches - transpositions) / matches) / 3;
}

/** Winkler's bonus applies only above this Jaro score, as in his 1990 paper. */
const BOOST_THRESHOLD = 0.7;
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;

/**
 * Jaro-Winkler similarity: Jaro plus l * 0.1 * (1 - jaro) for a common prefix of l <= 4
 * characters, when Jaro exceeds 0.7.
 *
 * @example jaroWinkler("martha", "marhta") // 0.9611...
 */
export function jaroWinkler(a: string, b: string): number {
  const score = jaro(a, b);
  if (score <= BOOST_THRESHOLD) return score;
  const limit = Math.min(MAX_PREFIX, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return score + prefix * PREFIX_SCALE * (1 - score);
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions, each
 * substring edited once): insertions, deletions, substitutions and swaps of neighbours cost 1.
 * Stops early and returns limit + 1 once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const lengthA = a.length;
  const lengthB = b.length;
  if (Math.abs(lengthA - lengthB) > limit) return limit + 1;
  if (lengthA === 0) return lengthB;
  if (lengthB === 0) return lengthA;
  let previousPrevious = new Array<number>(lengthB + 1).fill(0);
  let previous = Array.from({ length: lengthB + 1 }, (_, j) => j);
  let current = new Array<number>(lengthB + 1).fill(0);
  for (let i = 1; i <= lengthA; i++) {
    current[0] = i;
    let rowMinimum = i;
    const codeA = a.charCodeAt(i - 1);
    for (let j = 1; j <= lengthB; j++) {
      const codeB = b.charCodeAt(j - 1);
      const cost = codeA === codeB ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && codeA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === codeB) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  return previous[lengthB]!;
}
