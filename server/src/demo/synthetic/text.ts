/**
 * Text helpers: accents folded to ASCII, slugs for web domains, name parts for mail addresses.
 * They run once per list entry at load, not per record.
 */

const ASCII_SPECIAL: Record<string, string> = {
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  đ: "d",
  Đ: "D",
  ı: "i",
};

/** "Łukasz Wiśniewski" -> "Lukasz Wisniewski". */
export function toAscii(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[łŁøØßæÆœŒđĐı]/g, (ch) => ASCII_SPECIAL[ch] ?? ch);
}

/** "Boulangerie Dupré & Fils" -> "boulangerie-dupre-fils". */
export function slugify(text: string): string {
  return toAscii(text)
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The part of a name that goes into an address: "N'Diaye" -> "ndiaye", "Le Goff" -> "legoff". */
export const mailPart = (name: string) =>
  toAscii(name)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "");
