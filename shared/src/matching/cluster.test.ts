import { describe, expect, it } from "vitest";
import { clusterPairs } from "./cluster.ts";

describe("clusterPairs", () => {
  it("groups a true duplicate group", () => {
    const clusters = clusterPairs({
      size: 4,
      pairs: [
        { a: 0, b: 1, probability: 0.999 },
        { a: 1, b: 2, probability: 0.995 },
      ],
      probability: () => 0.99,
      threshold: 0.9,
    });
    expect(clusters).toEqual([[0, 1, 2]]);
  });

  it("does not chain two strangers through one record that resembles both", () => {
    // 1 matches 0 and 2, but 0 and 2 are unrelated: only the stronger link holds.
    const probabilities: Record<string, number> = { "0-1": 0.999, "1-2": 0.95, "0-2": 0.01 };
    const clusters = clusterPairs({
      size: 3,
      pairs: [
        { a: 0, b: 1, probability: 0.999 },
        { a: 1, b: 2, probability: 0.95 },
      ],
      probability: (a, b) => probabilities[`${Math.min(a, b)}-${Math.max(a, b)}`] ?? 0,
      threshold: 0.9,
    });
    expect(clusters).toEqual([[0, 1]]);
  });
});
