/**
 * Excel on the web refuses a request over 5 MB; the pane keeps every sync under 4 MB, measured as
 * the JSON of the values, formulas and number formats it queues.
 */
export const MAX_SYNC_BYTES = 4 * 1024 * 1024;

/** The bytes a value adds to a request, as JSON (UTF-16 code units are close enough to bytes for a bound: multi-byte characters are counted as one, so a margin is kept below the limit). */
export function payloadBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

export class RowTooLargeError extends Error {
  constructor(
    readonly index: number,
    readonly bytes: number,
  ) {
    super(`Row ${index + 1} alone is ${Math.ceil(bytes / 1024)} KB, more than one write may carry.`);
    this.name = "RowTooLargeError";
  }
}

/**
 * Cuts items into consecutive slices whose sizes add up to at most `limit` bytes (plus a fixed
 * `overhead` per slice), keeping order; an item larger than the limit on its own is an error, not
 * a request Excel would refuse.
 *
 * @example chunkBySize(rows, (row) => payloadBytes(row), 4_000_000) // [[0, 812], [812, 1600]]
 */
export function chunkBySize<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  limit = MAX_SYNC_BYTES,
  options: { overhead?: number; maxItems?: number } = {},
): Array<[start: number, end: number]> {
  const overhead = options.overhead ?? 0;
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const slices: Array<[number, number]> = [];
  let start = 0;
  let bytes = overhead;
  items.forEach((item, index) => {
    const size = sizeOf(item);
    if (overhead + size > limit) throw new RowTooLargeError(index, size);
    if (index > start && (bytes + size > limit || index - start >= maxItems)) {
      slices.push([start, index]);
      start = index;
      bytes = overhead;
    }
    bytes += size;
  });
  if (items.length > start) slices.push([start, items.length]);
  return slices;
}
