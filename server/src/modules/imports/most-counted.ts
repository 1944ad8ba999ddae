/**
 * The `k` items with the highest counts, highest first and the earlier of equal ones first: what
 * a stable sort by count then `slice(0, k)` gives, without sorting the thousands of contacts that
 * share a common name with a row to keep its ten best candidates.
 */
export function mostCounted(items: readonly number[], counts: ArrayLike<number>, k: number): number[] {
  const top: number[] = [];
  for (const item of items) {
    const count = counts[item]!;
    if (top.length === k && counts[top[k - 1]!]! >= count) continue;
    let at = top.length;
    while (at > 0 && counts[top[at - 1]!]! < count) at--;
    top.splice(at, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}
