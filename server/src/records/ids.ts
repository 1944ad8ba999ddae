import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A new record id such as `con_0m3x9k2lq4f8e2h1t7a9b0c`: a type prefix (an id of one kind is never
 * mistaken for another), then the time in base 36 so ids sort by creation, then 80 random bits.
 */
export function newId(prefix: string): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const bytes = randomBytes(14);
  let random = "";
  for (const byte of bytes) random += ALPHABET[byte % 36];
  return `${prefix}_${time}${random}`;
}

export const nowIso = (): string => new Date().toISOString();
