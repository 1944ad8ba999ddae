/**
 * Customer value: RFM scores and lifetime value, as pure functions so the server's recompute and
 * any client explaining a score use the same formula.
 */

/**
 * Quintile scores 1 to 5 by rank, ties sharing a score: score = 1 + floor(5 (rank - 1) / n), where
 * rank is the 1-based position of the value in ascending order and tied values take the lowest
 * rank. The highest values score 5 (for recency, pass the last order date as a number: the most
 * recent buyers score 5). Ties never split: two customers with 3 orders always share a frequency
 * score, so a quintile may hold more or less than a fifth when values repeat.
 */
export function quintileScores(values: ArrayLike<number>): Uint8Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const scores = new Uint8Array(n);
  let rank = 1;
  for (let position = 0; position < n; position++) {
    const index = order[position] as number;
    if (position > 0 && values[index] !== values[order[position - 1] as number]) rank = position + 1;
    scores[index] = 1 + Math.floor((5 * (rank - 1)) / n);
  }
  return scores;
}

export type LifetimeValueSettings = {
  /** Share of revenue that is margin (0.3: 30%). */
  marginRate: number;
  /** Share of customers still buying a year later (0.7). */
  retentionRate: number;
  /** Yearly discount rate applied to future margin (0.1). */
  discountRate: number;
  /** Years counted (5). */
  horizonYears: number;
};

/**
 * What one unit of yearly margin is worth over the customer's expected lifetime, discounted:
 * the sum over years t = 1..H of r^(t-1) / (1 + d)^t. Year 1 counts in full (the customer is
 * here), discounted once; each later year is weighted by the chance the customer is still buying.
 */
export function lifetimeFactor({ retentionRate, discountRate, horizonYears }: LifetimeValueSettings): number {
  let factor = 0;
  for (let year = 1; year <= horizonYears; year++) {
    factor += retentionRate ** (year - 1) / (1 + discountRate) ** year;
  }
  return factor;
}

/**
 * Lifetime value = average yearly margin x lifetime factor. The yearly margin is the revenue over
 * the scoring period brought to a year, times the margin rate.
 */
export function lifetimeValue(periodRevenue: number, periodMonths: number, settings: LifetimeValueSettings): number {
  const yearlyMargin = ((periodRevenue * 12) / periodMonths) * settings.marginRate;
  return Math.round(yearlyMargin * lifetimeFactor(settings) * 100) / 100;
}
