import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, jaro, jaroWinkler } from "./similarity.ts";

// Golden values: Winkler (1990) and the worked examples every textbook repeats, as exact fractions.
describe("jaro", () => {
  it.each([
    ["martha", "marhta", (1 + 1 + 5 / 6) / 3],
    ["dwayne", "duane", (4 / 6 + 4 / 5 + 1) / 3],
    ["dixon", "dicksonx", (4 / 5 + 4 / 8 + 1) / 3],
    ["crate", "trace", (3 / 5 + 3 / 5 + 1) / 3],
    ["jones", "johnson", (4 / 5 + 4 / 7 + 1) / 3],
    ["abc", "xyz", 0],
    ["", "abc", 0],
  ])("%s / %s", (a, b, expected) => {
    expect(jaro(a, b)).toBeCloseTo(expected, 12);
  });
});

describe("jaroWinkler", () => {
  it.each([
    ["martha", "marhta", 0.961111111111],
    ["dwayne", "duane", 0.84],
    ["dixon", "dicksonx", 0.813333333333],
    // Jaro 0.7333 > 0.7 but no common prefix: no bonus.
    ["crate", "trace", 0.733333333333],
    // Jaro below the 0.7 boost threshold: Winkler's bonus does not apply.
    ["shackleford", "shackelford", 0.981818181818],
    ["jon", "john", 0.933333333333],
  ])("%s / %s", (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 10);
  });

  it("gives no prefix bonus at or below a Jaro of 0.7", () => {
    // "ab" vs "ac": jaro = (1/2 + 1/2 + 1) / 3 = 0.667, common prefix 1, yet no bonus.
    expect(jaroWinkler("ab", "ac")).toBeCloseTo(2 / 3, 12);
  });

  it("is symmetric, bounded and 1 only for equal strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const score = jaroWinkler(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1 + 1e-12);
        expect(jaroWinkler(b, a)).toBeCloseTo(score, 12);
        if (a !== b && a.length > 0 && b.length > 0) expect(score).toBeLessThan(1);
      }),
    );
  });
});

describe("editDistance", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["ca", "ac", 1],
    ["19081209", "19081290", 1],
    ["smith", "smyth", 1],
    ["", "abc", 3],
    ["abc", "abc", 0],
    // Optimal string alignment, not full Damerau: "ca" -> "abc" is 3, not 2.
    ["ca", "abc", 3],
  ])("%s / %s = %i", (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it("stops early past the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});
