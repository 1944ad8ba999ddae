/**
 * Groups matched pairs into clusters without chaining: strongest links are joined first, and two
 * groups merge only when their records match on average, not through one bad link. A true
 * duplicate group passes; "A=B, B=C" where A and C are strangers does not.
 */
export interface ClusterInput {
  size: number;
  /** Matched pairs, any order. */
  pairs: { a: number; b: number; probability: number }[];
  /** The match probability of any two records, for pairs outside the candidate set. */
  probability(a: number, b: number): number;
  /** Mean pair probability two groups need to merge. */
  threshold: number;
  /** Groups above this many cross pairs are judged on a sample of them. */
  maxCrossPairs?: number;
}

export function clusterPairs(input: ClusterInput): number[][] {
  const parent = new Int32Array(input.size).map((_, i) => i);
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const groupOf = (root: number) => members.get(root) ?? [root];
  const maxCrossPairs = input.maxCrossPairs ?? 400;

  const sorted = [...input.pairs].sort((x, y) => y.probability - x.probability);
  for (const { a, b } of sorted) {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA === rootB) continue;
    const groupA = groupOf(rootA);
    const groupB = groupOf(rootB);
    if (
      groupA.length + groupB.length > 2 &&
      meanCrossProbability(groupA, groupB, input, maxCrossPairs) < input.threshold
    )
      continue;
    const [root, child] = groupA.length >= groupB.length ? [rootA, rootB] : [rootB, rootA];
    parent[child] = root;
    members.set(root, [...groupA, ...groupB]);
    members.delete(child);
  }
  return [...members.values()].map((group) => group.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

function meanCrossProbability(groupA: number[], groupB: number[], input: ClusterInput, maxCrossPairs: number): number {
  const total = groupA.length * groupB.length;
  // Large groups are judged on an even stride of their cross pairs, not all of them.
  const stride = Math.max(1, Math.floor(total / maxCrossPairs));
  let sum = 0;
  let counted = 0;
  for (let k = 0; k < total; k += stride) {
    sum += input.probability(groupA[Math.floor(k / groupB.length)]!, groupB[k % groupB.length]!);
    counted++;
  }
  return sum / counted;
}
