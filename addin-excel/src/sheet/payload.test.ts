import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkBySize, MAX_SYNC_BYTES, payloadBytes, RowTooLargeError } from "./payload.ts";

describe("chunkBySize", () => {
  it("cuts consecutive slices that each stay under the limit, in order, covering every item", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 200 }),
        fc.integer({ min: 100, max: 1000 }),
        (sizes, limit) => {
          const slices = chunkBySize(sizes, (s) => s, limit);
          expect(slices.flatMap(([a, b]) => sizes.slice(a, b))).toEqual(sizes);
          for (const [a, b] of slices) {
            expect(b).toBeGreaterThan(a);
            expect(sizes.slice(a, b).reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(limit);
          }
        },
      ),
    );
  });

  it("keeps a 100k-row pull of long rows under 4 MB a sync", () => {
    const row = [
      "con_0123456789abcdefghij",
      3,
      "Hélène",
      "Lefèvre",
      "helene.lefevre@example.fr",
      "'+33612345678",
      "x".repeat(60),
    ];
    const rows = Array.from({ length: 100_000 }, () => row);
    const slices = chunkBySize(rows, (r) => payloadBytes(r), MAX_SYNC_BYTES);
    expect(slices.length).toBeGreaterThan(2);
    for (const [a, b] of slices) expect(payloadBytes(rows.slice(a, b))).toBeLessThan(MAX_SYNC_BYTES + (b - a));
  });

  it("refuses a single row larger than the limit, naming it", () => {
    expect(() => chunkBySize(["a", "b".repeat(50)], (s) => s.length, 10)).toThrow(RowTooLargeError);
  });

  it("caps the rows per slice when asked", () => {
    expect(chunkBySize([1, 1, 1, 1, 1], () => 1, 100, { maxItems: 2 })).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
  });
});
