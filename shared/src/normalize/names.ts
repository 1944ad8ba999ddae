import type { z } from "zod";
import type { Civility as CivilitySchema } from "../schemas/contact.ts";
import { foldText } from "./fold-text.ts";
import { nysiis } from "./nysiis.ts";

export type Civility = z.infer<typeof CivilitySchema>;

/** Every way a civility is typed, folded and without its dot, to the value a contact stores. */
const CIVILITIES: ReadonlyMap<string, Civility> = new Map([
  ["m", "M."],
  ["monsieur", "M."],
  ["mme", "Mme"],
  ["madame", "Mme"],
  ["mlle", "Mlle"],
  // "Melle" is the usual misspelling of "Mlle" in French files.
  ["melle", "Mlle"],
  ["mademoiselle", "Mlle"],
  ["mr", "Mr"],
  ["mister", "Mr"],
  ["mrs", "Mrs"],
  ["ms", "Ms"],
  ["miss", "Miss"],
  ["dr", "Dr"],
  ["docteur", "Dr"],
  ["doctor", "Dr"],
  ["pr", "Pr"],
  ["prof", "Pr"],
  ["professeur", "Pr"],
  ["professor", "Pr"],
]);

/**
 * Splits a leading civility off a name. The civility must be a whole word, with or without its
 * dot, followed by a space or the end: "Mmeline" and initials such as "M.-J." stay names.
 *
 * @example extractCivility("MME Hélène Lefèvre") // { civility: "Mme", rest: "Hélène Lefèvre" }
 */
export function extractCivility(text: string): { civility: Civility | null; rest: string } {
  const match = /^\s*(\p{L}+)\.?(?=\s|$)/u.exec(text);
  const civility = match?.[1] ? CIVILITIES.get(foldText(match[1])) : undefined;
  if (!match || !civility) return { civility: null, rest: text.trim() };
  return { civility, rest: text.slice(match[0].length).trim() };
}

export type FullName = { civility: Civility | null; firstName: string | null; lastName: string | null };

/**
 * Splits a name typed in one field into civility, first and last name, keeping the spelling as
 * typed. Reads "Last, First"; otherwise an all-capitals run of words is the last name (the French
 * habit "DUPONT Jean"); otherwise the last name is the last word, with the particles before it
 * ("van der Berg", "de La Fontaine"). One word is a last name.
 *
 * @example splitFullName("Mme Hélène Lefèvre") // { civility: "Mme", firstName: "Hélène", lastName: "Lefèvre" }
 */
export function splitFullName(text: string): FullName {
  const { civility, rest } = extractCivility(text);
  const comma = rest.indexOf(",");
  if (comma >= 0) {
    const first = extractCivility(rest.slice(comma + 1));
    return {
      civility: civility ?? first.civility,
      firstName: joinWords(words(first.rest)),
      lastName: joinWords(words(rest.slice(0, comma))),
    };
  }
  const all = words(rest);
  const { first, last } = all.length < 2 ? { first: [], last: all } : (splitByCapitals(all) ?? splitByOrder(all));
  return { civility, firstName: joinWords(first), lastName: joinWords(last) };
}

/**
 * The form names are compared on: folded (accents, case, spaces), apostrophes dropped so
 * "O'Brien" meets "OBrien", ligatures spelled out ("Lætitia" meets "Laetitia"), other
 * punctuation such as hyphens turned to spaces.
 *
 * @example nameKey("Jean-François O'Brien") // "jean francois obrien"
 */
export function nameKey(text: string): string {
  return foldText(text.replace(APOSTROPHES, ""))
    .replace(/[æœßøłđðþı]/gu, (letter) => LETTERS_SPELLED_OUT[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A phonetic code (NYSIIS, see nysiis.ts) of one name part, for blocking candidate pairs: "Dupont"
 * and "Dupond" share a key. Spaces and hyphens are ignored so "Le Goff" meets "Legoff"; letters
 * outside A–Z after folding are ignored. "" when nothing is left.
 *
 * @example phoneticKey("Dupond") // "DAPAD"
 */
export function phoneticKey(name: string): string {
  return nysiis(
    nameKey(name)
      .toUpperCase()
      .replace(/[^A-Z]/g, ""),
  );
}

const APOSTROPHES = /['‘’ʼ`´′]/gu;

/** Letters that Unicode does not decompose but that people also type spelled out. */
const LETTERS_SPELLED_OUT: Readonly<Record<string, string>> = {
  æ: "ae",
  œ: "oe",
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** Words that start a last name when they come before its last word (lower case, no dot). */
const PARTICLES = new Set([
  "van",
  "von",
  "vom",
  "zu",
  "de",
  "du",
  "des",
  "le",
  "la",
  "di",
  "da",
  "del",
  "della",
  "der",
  "den",
  "ten",
  "ter",
  "dos",
  "das",
  "st",
  "saint",
]);
/** Particles that are also first names ("Van Morrison"): first only when another particle follows. */
const PARTICLES_ALSO_FIRST_NAMES = new Set(["van", "del"]);

function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

function joinWords(parts: string[]): string | null {
  return parts.length > 0 ? parts.join(" ") : null;
}

function isParticle(word: string | undefined): boolean {
  return word !== undefined && PARTICLES.has(foldText(word).replace(/\.$/, ""));
}

/** "d'Arc", "l'Isle": an elided particle is glued to the name it starts. */
function isElided(word: string): boolean {
  return /^[dl]['’]\p{L}/iu.test(word);
}

/** Two capitals in a row and no small letter: "DUPONT", "O'BRIEN", not "J.-P." nor "Jean". */
function isCapitalised(word: string): boolean {
  return /\p{Lu}{2}/u.test(word) && !/\p{Ll}/u.test(word);
}

/** When only some words are in capitals and they are together at one end, they are the last name. */
function splitByCapitals(all: string[]): { first: string[]; last: string[] } | null {
  const capitals = all.map(isCapitalised);
  const start = capitals.indexOf(true);
  const end = capitals.lastIndexOf(true) + 1;
  if (start < 0 || capitals.every(Boolean) || capitals.slice(start, end).includes(false)) return null;
  if (start === 0) return { first: all.slice(end), last: all.slice(0, end) };
  if (end !== all.length) return null;
  let from = start;
  while (from > 0 && isParticle(all[from - 1])) from--;
  return { first: all.slice(0, from), last: all.slice(from) };
}

/** "First [Middle] [particles] Last", or "particles Last First" when the text opens with particles. */
function splitByOrder(all: string[]): { first: string[]; last: string[] } {
  const opening = all[0] ?? "";
  if (isParticle(opening) && (!PARTICLES_ALSO_FIRST_NAMES.has(foldText(opening)) || isParticle(all[1]))) {
    let end = 1;
    while (end < all.length - 1 && isParticle(all[end])) end++;
    return { first: all.slice(end + 1), last: all.slice(0, end + 1) };
  }
  const start = all.findIndex((word, i) => i > 0 && ((i < all.length - 1 && isParticle(word)) || isElided(word)));
  const from = start > 0 ? start : all.length - 1;
  return { first: all.slice(0, from), last: all.slice(from) };
}
