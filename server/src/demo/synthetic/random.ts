/**
 * Randomness without Math.random: a hash of (seed, kind, index) re-seeds one mulberry32 stream for
 * each record, so any record can be regenerated alone; plus the index arithmetic that keeps
 * generated values distinct.
 */

export function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private state = 0;
  reset(seed: number): this {
    this.state = seed >>> 0;
    return this;
  }
  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  digits(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += this.int(10);
    return out;
  }
}

export const at = <T>(items: readonly T[], i: number): T => items[i] as T;

/**
 * Eight digits, distinct for every i below 10^8 (mul is coprime with 10, and i * mul stays below
 * 2^53 so the arithmetic is exact): unique phone number tails.
 */
export const scramble8 = (i: number, mul: number, add: number) =>
  String((i * mul + add) % 100_000_000).padStart(8, "0");

/** A multiplier coprime with n, so (i * m) mod n is a permutation of [0, n). */
export function coprimeNear(n: number, target: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let m = Math.max(1, Math.floor(target));
  while (gcd(m, n) !== 1) m++;
  return m;
}
