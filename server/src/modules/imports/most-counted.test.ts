import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mostCounted } from "./most-counted.ts";

describe("mostCounted", () => {
  it("keeps the k most counted, ties in their first order, as a stable sort and a slice would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        (countList, k) => {
          const items = countList.map((_, i) => i);
          const expected = [...items].sort((a, b) => countList[b]! - countList[a]!).slice(0, k);
          expect(mostCounted(items, countList, k)).toEqual(expected);
        },
      ),
    );
  });

  it("answers nothing for no items", () => {
    expect(mostCounted([], [], 10)).toEqual([]);
  });
});
