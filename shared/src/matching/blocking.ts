import type { MatchRecord } from "./match-record.ts";

/**
 * Calls `visit` with each blocking key of a record in parts: its kind and one or two values. The
 * key itself is `kind:first` or `kind:first:second` (see blockingKeys); candidatePairs hashes the
 * parts instead, so a million records do not build millions of strings.
 */
function visitKeys(record: MatchRecord, visit: (kind: string, first: string, second: string | null) => void): void {
  for (const email of record.emails) visit("e", email, null);
  for (const phone of record.phones) visit("p", phone, null);
  if (record.nationalId) visit("i", record.nationalId, null);
  if (record.birthDate) visit("b", record.birthDate, null);
  const first = record.firstNameCode;
  const last = record.lastNameCode;
  // Sorted so that first and last names typed in each other's column still meet.
  if (first && last) visit("n", first < last ? first : last, first < last ? last : first);
  const postcode = record.postcode;
  if (postcode) {
    if (last) visit("lp", last, postcode);
    if (first) visit("fp", first, postcode);
    if (record.streetNumber) visit("a", postcode, record.streetNumber);
  }
  if (last && record.city) visit("lc", last, record.city);
  if (last && record.company) visit("lo", last, record.company);
}

/**
 * Blocking: only records that share at least one key are compared. One exact key loses about a
 * third of true pairs on FEBRL, so each record gets several keys of different kinds and a pair
 * needs only one of them to survive its typos. These keys are stored (contact_match_keys) and the
 * import looks rows up by them.
 */
export function blockingKeys(record: MatchRecord): string[] {
  const keys: string[] = [];
  visitKeys(record, (kind, first, second) => {
    keys.push(second === null ? `${kind}:${first}` : `${kind}:${first}:${second}`);
  });
  return keys;
}

export interface BlockingOptions {
  /** Keys held by up to this many records are blocks compared in full; larger ones say too little alone. */
  maxBlockSize?: number;
  /** Combinations of large keys still too large are sorted by name and compared within this window. */
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

/**
 * 50: FEBRL's largest block holds 9 records, so the limit never bites on small files; on a million
 * French contacts a common name ("n:JAN:MARTIN") holds hundreds, and comparing such keys in full
 * made 90 million pairs.
 */
const DEFAULTS = { maxBlockSize: 50, window: 10 };

/**
 * Every candidate pair of the records, each once.
 *
 * A key held by at most maxBlockSize records is a block compared in full. A key held by more (a
 * common name; a common surname in a big town) says too little on its own: its pairs are almost
 * all strangers, and a duplicate that agrees on anything identifying (email, phone, company,
 * postcode, town, date of birth...) shares a second key with its original anyway. So records whose
 * only shared keys are large are compared when they share two of them ("same name, same
 * postcode"): each record's large keys are combined in pairs, and each combination is a block of
 * its own. A combination still larger than maxBlockSize is sorted by name and compared within a
 * sliding window.
 *
 * The stored keys tie a company or a postcode to the surname alone (lo, lp): names typed in each
 * other's column break them, and then only the pair of names (n) is left, which a common name makes
 * large. So the pair of names is also refined by company and by postcode, as keys of this
 * function's own (never stored): on the million-contact benchmark they bring back 100 of the 122
 * planted duplicate pairs that sharing only large keys lost, for 7,000 more pairs (of 6.8 million).
 *
 * A pair held by several blocks is compared once, by the first block that compares it: merging
 * the two records' short lists of blocks tells, where a set of the pairs already seen would hold
 * tens of millions of numbers.
 */
export function candidatePairs(records: readonly MatchRecord[], options: BlockingOptions = {}): CandidatePairs {
  const maxBlockSize = options.maxBlockSize ?? DEFAULTS.maxBlockSize;
  const window = options.window ?? DEFAULTS.window;
  const split = options.linkSplit;
  const size = records.length;

  // Each (record, key) as a 64-bit hash of the key's text: grouping numbers by sorting them is far
  // cheaper than a Map of millions of strings. Two different keys share 64 bits with odds of about
  // 1e-7 on a million records; they would only merge two blocks.
  const keyed = new Entries();
  const refined = new Entries();
  records.forEach((record, index) => {
    visitKeys(record, (kind, first, second) => {
      if (second === null) keyed.pushText(index, kind, first);
      else keyed.pushText(index, kind, first, second);
      // The pair of names refined by company and by postcode (see above).
      if (kind !== "n" || second === null) return;
      if (record.company) refined.pushText(index, kind, first, second, "o", record.company);
      if (record.postcode) refined.pushText(index, kind, first, second, "pc", record.postcode);
    });
  });

  // Whether a block holds a pair that counts (in linkage, a record from each side). Blocks list
  // their records ascending.
  const holdsPair = (block: Uint32Array) =>
    block.length >= 2 && (split === undefined || (block[0]! < split && block[block.length - 1]! >= split));
  const full: Uint32Array[] = [];
  const large: Uint32Array[] = [];
  for (const block of keyed.groups()) {
    if (!holdsPair(block)) continue;
    (block.length <= maxBlockSize ? full : large).push(block);
  }

  // Each record's large keys (by number), then every two of them as a combined key.
  const largeStart = new Uint32Array(size + 1);
  for (const block of large) for (const record of block) largeStart[record + 1]!++;
  for (let r = 0; r < size; r++) largeStart[r + 1]! += largeStart[r]!;
  const largeOf = new Uint32Array(largeStart[size]!);
  const largeFilled = largeStart.slice(0, size);
  for (let id = 0; id < large.length; id++) {
    for (const record of large[id]!) largeOf[largeFilled[record]!++] = id;
  }
  const combined = new Entries();
  for (let r = 0; r < size; r++) {
    for (let x = largeStart[r]!; x < largeStart[r + 1]!; x++) {
      for (let y = x + 1; y < largeStart[r + 1]!; y++) combined.push(largeOf[x]!, largeOf[y]!, r);
    }
  }
  const windowed: Uint32Array[] = [];
  for (const block of [...combined.groups(), ...refined.groups()]) {
    if (!holdsPair(block)) continue;
    (block.length <= maxBlockSize ? full : windowed).push(block);
  }

  // Sorted by name, so that the window holds the records likeliest to be the same person.
  const names: string[] = [];
  const nameOf = (index: number) => {
    const record = records[index]!;
    names[index] ??= `${record.lastName ?? ""} ${record.firstName ?? ""}`;
    return names[index];
  };
  for (const block of windowed) {
    block.sort((x, y) => {
      const a = nameOf(x);
      const b = nameOf(y);
      return a < b ? -1 : a > b ? 1 : x - y;
    });
  }
  const blocks = [...full, ...windowed];
  const firstWindowed = full.length;

  // Each record's blocks as (block number, position in the block), ascending by block.
  const start = new Uint32Array(size + 1);
  for (const block of blocks) for (const record of block) start[record + 1]!++;
  for (let r = 0; r < size; r++) start[r + 1]! += start[r]!;
  const blockOf = new Uint32Array(start[size]!);
  const positionOf = new Uint32Array(start[size]!);
  const filled = start.slice(0, size);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    for (let position = 0; position < block.length; position++) {
      const slot = filled[block[position]!]!++;
      blockOf[slot] = b;
      positionOf[slot] = position;
    }
  }
  /** The first block that compares records i and j. */
  const owner = (i: number, j: number): number => {
    let x = start[i]!;
    let y = start[j]!;
    const xEnd = start[i + 1]!;
    const yEnd = start[j + 1]!;
    while (x < xEnd && y < yEnd) {
      const bx = blockOf[x]!;
      const by = blockOf[y]!;
      if (bx < by) x++;
      else if (bx > by) y++;
      else {
        if (bx < firstWindowed || Math.abs(positionOf[x]! - positionOf[y]!) < window) return bx;
        x++;
        y++;
      }
    }
    return -1;
  };

  let left = new Uint32Array(1024);
  let right = new Uint32Array(1024);
  let count = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const reach = b < firstWindowed ? block.length : window;
    for (let x = 0; x < block.length; x++) {
      const end = Math.min(block.length, x + reach);
      for (let y = x + 1; y < end; y++) {
        const i = Math.min(block[x]!, block[y]!);
        const j = Math.max(block[x]!, block[y]!);
        if (split !== undefined && i < split === j < split) continue;
        if (owner(i, j) !== b) continue;
        if (count === left.length) {
          left = grow(left);
          right = grow(right);
        }
        left[count] = i;
        right[count] = j;
        count++;
      }
    }
  }
  return { left: left.subarray(0, count), right: right.subarray(0, count), count, windowedBlocks: windowed.length };
}

/** (key, record) entries, the key two 32-bit numbers, grouped into blocks by sorting. */
class Entries {
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  private record = new Uint32Array(1024);
  private count = 0;

  push(high: number, low: number, record: number): void {
    if (this.count === this.high.length) {
      this.high = grow(this.high);
      this.low = grow(this.low);
      this.record = grow(this.record);
    }
    this.high[this.count] = high;
    this.low[this.count] = low;
    this.record[this.count] = record;
    this.count++;
  }

  /** A key by its text, its parts joined by ":", as two 32-bit hashes (FNV-1a and a murmur-like one). */
  pushText(record: number, ...parts: string[]): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x3c6ef372;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      if (p > 0) {
        h1 = Math.imul(h1 ^ 58, 0x01000193);
        h2 = Math.imul(h2 ^ 58, 0x5bd1e995);
        h2 ^= h2 >>> 13;
      }
      for (let c = 0; c < part.length; c++) {
        const code = part.charCodeAt(c);
        h1 = Math.imul(h1 ^ code, 0x01000193);
        h2 = Math.imul(h2 ^ code, 0x5bd1e995);
        h2 ^= h2 >>> 13;
      }
    }
    this.push(h1 >>> 0, h2 >>> 0, record);
  }

  /**
   * The records of each key held by two records or more, ascending when they were pushed in that
   * order: a stable radix sort by key, 16 bits a pass, least significant first.
   */
  groups(): Uint32Array[] {
    const count = this.count;
    let high = this.high.subarray(0, count);
    let low = this.low.subarray(0, count);
    let record = this.record.subarray(0, count);
    let nextHigh = new Uint32Array(count);
    let nextLow = new Uint32Array(count);
    let nextRecord = new Uint32Array(count);
    const buckets = new Uint32Array(65537);
    for (let pass = 0; pass < 4; pass++) {
      const keys = pass < 2 ? low : high;
      const shift = pass % 2 === 0 ? 0 : 16;
      buckets.fill(0);
      for (let e = 0; e < count; e++) buckets[((keys[e]! >>> shift) & 0xffff) + 1]!++;
      for (let d = 0; d < 65536; d++) buckets[d + 1]! += buckets[d]!;
      for (let e = 0; e < count; e++) {
        const to = buckets[(keys[e]! >>> shift) & 0xffff]!++;
        nextHigh[to] = high[e]!;
        nextLow[to] = low[e]!;
        nextRecord[to] = record[e]!;
      }
      [high, nextHigh] = [nextHigh, high];
      [low, nextLow] = [nextLow, low];
      [record, nextRecord] = [nextRecord, record];
    }
    const groups: Uint32Array[] = [];
    let from = 0;
    for (let e = 1; e <= count; e++) {
      if (e < count && high[e] === high[from] && low[e] === low[from]) continue;
      if (e - from >= 2) groups.push(record.subarray(from, e));
      from = e;
    }
    return groups;
  }
}

function grow(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const larger = new Uint32Array(array.length * 2);
  larger.set(array);
  return larger;
}
