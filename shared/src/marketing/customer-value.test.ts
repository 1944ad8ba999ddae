import { describe, expect, it } from "vitest";
import { lifetimeFactor, lifetimeValue, quintileScores } from "./customer-value.ts";

describe("RFM quintile scores", () => {
  it("give the top fifth 5 and the bottom fifth 1 when all values differ", () => {
    const values = Array.from({ length: 10 }, (_, i) => i * 10);
    expect([...quintileScores(values)]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("never split tied values: equal frequencies share the lowest rank's score", () => {
    // Six one-time buyers out of ten: all score 1, whatever their position in the sort.
    expect([...quintileScores([1, 3, 1, 1, 2, 1, 1, 5, 1, 2])]).toEqual([1, 5, 1, 1, 4, 1, 1, 5, 1, 4]);
    expect([...quintileScores([7, 7, 7])]).toEqual([1, 1, 1]);
  });

  it("score one buyer 1 and keep scores within 1 to 5 for any input", () => {
    expect([...quintileScores([42])]).toEqual([1]);
    expect(quintileScores([])).toHaveLength(0);
    const random = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 313);
    for (const score of quintileScores(random)) expect(score >= 1 && score <= 5).toBe(true);
  });
});

describe("lifetime value", () => {
  const settings = { marginRate: 0.3, retentionRate: 0.7, discountRate: 0.1, horizonYears: 5 };

  it("sums each year's retained margin, discounted: 1/1.1 + 0.7/1.1^2 + ... for five years", () => {
    const expected = [0, 1, 2, 3, 4].reduce((sum, t) => sum + 0.7 ** t / 1.1 ** (t + 1), 0);
    expect(lifetimeFactor(settings)).toBeCloseTo(expected, 12);
    expect(lifetimeFactor({ ...settings, retentionRate: 0, horizonYears: 30 })).toBeCloseTo(1 / 1.1, 12);
  });

  it("brings the period's revenue to a year before taking the margin", () => {
    // 2,400 over 24 months is 1,200 a year, 360 of margin.
    expect(lifetimeValue(2400, 24, settings)).toBe(Math.round(360 * lifetimeFactor(settings) * 100) / 100);
    expect(lifetimeValue(0, 12, settings)).toBe(0);
  });
});
