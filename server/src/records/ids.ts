import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const RANDOM_CHARS = 14;
/** Random bytes drawn ahead, for this many ids: one call to the system's generator per 4,096 ids instead of one per id (an import makes 100,000). */
const POOL_IDS = 4096;
const pool = Buffer.alloc(POOL_IDS * RANDOM_CHARS);
let used = pool.length;

/**
 * A new record id such as `con_0m3x9k2lq4f8e2h1t7a9b0c`: a type prefix (an id of one kind is never
 * mistaken for another), then the time in base 36 so ids sort by creation, then 14 random base-36
 * characters (about 72 bits; a byte taken modulo 36 is near enough uniform for ids that are not secrets).
 */
export function newId(prefix: string): string {
  const time = Date.now().toString(36).padStart(9, "0");
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let random = "";
  for (let i = 0; i < RANDOM_CHARS; i++) random += ALPHABET[(pool[used++] as number) % 36];
  return `${prefix}_${time}${random}`;
}

export const nowIso = (): string => new Date().toISOString();
