import { SLICE_MS, yieldToOtherRequests } from "./apply.ts";

/**
 * `items.map(fn)`, letting other requests run every SLICE_MS: preparing 100,000 rows (parsing
 * their phones, folding their names) takes seconds of the server's one thread.
 */
export async function mapInSlices<T, U>(items: readonly T[], fn: (item: T, index: number) => U): Promise<U[]> {
  const result: U[] = [];
  let sliceEnds = performance.now() + SLICE_MS;
  for (let index = 0; index < items.length; index++) {
    result.push(fn(items[index]!, index));
    if (performance.now() > sliceEnds) {
      await yieldToOtherRequests();
      sliceEnds = performance.now() + SLICE_MS;
    }
  }
  return result;
}
