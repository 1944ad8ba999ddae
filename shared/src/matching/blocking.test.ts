import { describe, expect, it } from "vitest";
import { blockingKeys, candidatePairs } from "./blocking.ts";
import type { MatchRecord } from "./match-record.ts";

function record(fields: Partial<MatchRecord>): MatchRecord {
  return {
    firstName: null,
    lastName: null,
    emails: [],
    phones: [],
    birthDate: null,
    nationalId: null,
    streetNumber: null,
    street: null,
    locality: null,
    postcode: null,
    city: null,
    region: null,
    company: null,
    firstNameCode: "",
    lastNameCode: "",
    ...fields,
  };
}

const pairsOf = (candidates: ReturnType<typeof candidatePairs>) =>
  Array.from({ length: candidates.count }, (_, p) => `${candidates.left[p]}-${candidates.right[p]}`).sort();

/** Every pair that shares a key, by brute force: what blocking must give while no key is large. */
function sharingPairs(records: MatchRecord[], linkSplit?: number): string[] {
  const keys = records.map((r) => new Set(blockingKeys(r)));
  const pairs: string[] = [];
  for (let i = 0; i < records.length; i++)
    for (let j = i + 1; j < records.length; j++) {
      if (linkSplit !== undefined && i < linkSplit === j < linkSplit) continue;
      if (blockingKeys(records[j]!).some((key) => keys[i]!.has(key))) pairs.push(`${i}-${j}`);
    }
  return pairs.sort();
}

/** Small pseudo-random records drawn from few values, so that they share keys in many ways. */
function randomRecords(count: number, seed: number): MatchRecord[] {
  let state = seed;
  const pick = <T>(values: readonly T[]): T => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return values[state % values.length]!;
  };
  return Array.from({ length: count }, () =>
    record({
      emails: pick([[], ["a@x.fr"], ["b@x.fr"], ["a@x.fr", "c@x.fr"]]),
      phones: pick([[], ["+33600000001"], ["+33600000002"]]),
      birthDate: pick([null, "19800101", "19800102"]),
      firstName: "x",
      lastName: "y",
      firstNameCode: pick(["", "JAN", "PAR", "MAR"]),
      lastNameCode: pick(["", "MARTAN", "DABAN", "JAN"]),
      postcode: pick([null, "75001", "69001"]),
      streetNumber: pick([null, "1", "2"]),
      city: pick([null, "paris", "lyon"]),
      company: pick([null, "acme", "globex"]),
    }),
  );
}

describe("blockingKeys", () => {
  it("gives the stored keys, names sorted so that swapped names meet", () => {
    const keys = blockingKeys(
      record({
        emails: ["jean.martin@acme.fr"],
        phones: ["+33612345678"],
        birthDate: "19800101",
        firstNameCode: "JAN",
        lastNameCode: "MARTAN",
        postcode: "75001",
        streetNumber: "12",
        city: "paris",
        company: "acme",
      }),
    );
    expect(keys).toEqual([
      "e:jean.martin@acme.fr",
      "p:+33612345678",
      "b:19800101",
      "n:JAN:MARTAN",
      "lp:MARTAN:75001",
      "fp:JAN:75001",
      "a:75001:12",
      "lc:MARTAN:paris",
      "lo:MARTAN:acme",
    ]);
  });
});

describe("candidatePairs", () => {
  it("gives every pair that shares a key, each once, while no key is large", () => {
    for (const seed of [1, 2, 3]) {
      const records = randomRecords(40, seed);
      const candidates = candidatePairs(records, { maxBlockSize: 1000 });
      expect(pairsOf(candidates)).toEqual(sharingPairs(records));
    }
  });

  it("gives only pairs across the two lists in linkage", () => {
    const records = randomRecords(40, 4);
    const candidates = candidatePairs(records, { maxBlockSize: 1000, linkSplit: 15 });
    expect(pairsOf(candidates)).toEqual(sharingPairs(records, 15));
  });

  it("compares records that share only a large key when they share a second one", () => {
    // Twelve Jean Martins: the name alone is a large key at a block size of 10.
    const records = Array.from({ length: 12 }, (_, i) =>
      record({ firstNameCode: "JAN", lastNameCode: "MARTAN", city: i < 11 ? "paris" : "lyon" }),
    );
    const candidates = candidatePairs(records, { maxBlockSize: 10, window: 3 });
    const pairs = pairsOf(candidates);
    // Name and town (n + lc, both large) meet only within a window; the one in Lyon is compared with no one.
    expect(pairs.some((pair) => pair.endsWith("-11"))).toBe(false);
    expect(candidates.windowedBlocks).toBe(1);
    expect(pairs).toContain("0-1");
    expect(pairs).not.toContain("0-10");
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it("finds swapped names at the same company though the name alone is a large key", () => {
    const records = [
      ...Array.from({ length: 12 }, (_, i) =>
        record({ firstNameCode: "JAN", lastNameCode: "MARTAN", company: `company ${i}` }),
      ),
      record({ firstNameCode: "MARTAN", lastNameCode: "JAN", company: "company 3" }),
    ];
    const pairs = pairsOf(candidatePairs(records, { maxBlockSize: 10 }));
    expect(pairs).toEqual(["3-12"]);
  });
});
