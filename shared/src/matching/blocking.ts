import type { MatchRecord } from "./match-record.ts";

/**
 * Blocking: only records that share at least one key are compared. One exact key loses about a
 * third of true pairs on FEBRL, so each record gets several keys of different kinds and a pair
 * needs only one of them to survive its typos.
 */
export function blockingKeys(record: MatchRecord): string[] {
  const keys: string[] = [];
  for (const email of record.emails) keys.push(`e:${email}`);
  for (const phone of record.phones) keys.push(`p:${phone}`);
  if (record.nationalId) keys.push(`i:${record.nationalId}`);
  if (record.birthDate) keys.push(`b:${record.birthDate}`);
  const first = record.firstNameCode;
  const last = record.lastNameCode;
  // Sorted so that first and last names typed in each other's column still meet.
  if (first && last) keys.push(first < last ? `n:${first}:${last}` : `n:${last}:${first}`);
  const postcode = record.postcode;
  if (postcode) {
    if (last) keys.push(`lp:${last}:${postcode}`);
    if (first) keys.push(`fp:${first}:${postcode}`);
    if (record.streetNumber) keys.push(`a:${postcode}:${record.streetNumber}`);
  }
  if (last && record.city) keys.push(`lc:${last}:${record.city}`);
  if (last && record.company) keys.push(`lo:${last}:${record.company}`);
  return keys;
}

export interface BlockingOptions {
  /** Blocks up to this size are compared in full. */
  maxBlockSize?: number;
  /** Larger blocks (a common name, a big city) are sorted by name and compared within this window. */
  window?: number;
  /** Linkage: records before this index are one source, from it the other; only cross pairs count. */
  linkSplit?: number;
}

export interface CandidatePairs {
  /** Pair p is (left[p], right[p]) with left < right. */
  left: Uint32Array;
  right: Uint32Array;
  count: number;
  /** Blocks too large to compare in full, handled by the sorted window. */
  windowedBlocks: number;
}

const DEFAULTS = { maxBlockSize: 400, window: 30 };
const SEEN_SHARDS = 64;

/** Every candidate pair of the records, each once, from the union of all blocking keys. */
export function candidatePairs(records: readonly MatchRecord[], options: BlockingOptions = {}): CandidatePairs {
  const maxBlockSize = options.maxBlockSize ?? DEFAULTS.maxBlockSize;
  const window = options.window ?? DEFAULTS.window;
  const split = options.linkSplit;
  const blocks = new Map<string, number[]>();
  records.forEach((record, index) => {
    for (const key of blockingKeys(record)) {
      const block = blocks.get(key);
      if (block) block.push(index);
      else blocks.set(key, [index]);
    }
  });

  // A Set holds at most 2^24 entries; a million records make more candidate pairs than that.
  const seen = Array.from({ length: SEEN_SHARDS }, () => new Set<number>());
  const size = records.length;
  let left = new Uint32Array(1024);
  let right = new Uint32Array(1024);
  let count = 0;
  const add = (i: number, j: number) => {
    const low = i < j ? i : j;
    const high = i < j ? j : i;
    if (low === high) return;
    if (split !== undefined && low < split === high < split) return;
    const id = low * size + high;
    const shard = seen[low % SEEN_SHARDS]!;
    if (shard.has(id)) return;
    shard.add(id);
    if (count === left.length) {
      left = grow(left);
      right = grow(right);
    }
    left[count] = low;
    right[count] = high;
    count++;
  };

  let windowedBlocks = 0;
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    if (block.length <= maxBlockSize) {
      for (let x = 0; x < block.length; x++) for (let y = x + 1; y < block.length; y++) add(block[x]!, block[y]!);
      continue;
    }
    windowedBlocks++;
    const sorted = [...block].sort((x, y) => sortName(records[x]!).localeCompare(sortName(records[y]!)));
    for (let x = 0; x < sorted.length; x++) {
      const end = Math.min(sorted.length, x + window);
      for (let y = x + 1; y < end; y++) add(sorted[x]!, sorted[y]!);
    }
  }
  return { left: left.subarray(0, count), right: right.subarray(0, count), count, windowedBlocks };
}

function sortName(record: MatchRecord): string {
  return `${record.lastName ?? ""} ${record.firstName ?? ""}`;
}

function grow(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const larger = new Uint32Array(array.length * 2);
  larger.set(array);
  return larger;
}
