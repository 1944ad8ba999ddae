/**
 * NYSIIS (New York State Identification and Intelligence System, Taft 1970), in its original form:
 * at most 6 letters. Chosen for blocking candidate pairs because it was designed for surnames, keeps
 * vowel positions (as one "A") where Soundex drops them, reduces typical typo and spelling variants
 * (Dupont/Dupond, Thomas/Tomas, Philippe/Filipe) to one key, and is short and fully published,
 * unlike Double Metaphone whose hundreds of English-specific rules would not help French names more.
 *
 * Takes upper-case letters A–Z only; the caller folds and filters.
 *
 * @example nysiis("MACINTOSH") // "MCANT"
 */
export function nysiis(word: string): string {
  if (!word) return "";
  const name = word
    .replace(/^MAC/, "MCC")
    .replace(/^KN/, "NN")
    .replace(/^K/, "C")
    .replace(/^P[HF]/, "FF")
    .replace(/^SCH/, "SSS")
    .replace(/(?:EE|IE)$/, "Y")
    .replace(/(?:DT|RT|RD|NT|ND)$/, "D");

  // The rules rewrite the name in place as they slide along it, so a later letter sees the
  // transcoded letter before it ("KOEHN": the H copies the A that the O became).
  const letters = [...name];
  let key = letters[0] ?? "";
  for (let i = 1; i < letters.length; i++) {
    const replacement = transcode(letters[i - 1] ?? "", letters[i] ?? "", letters[i + 1] ?? "", letters[i + 2] ?? "");
    letters.splice(i, replacement.length, ...replacement);
    if (letters[i] !== key.at(-1)) key += letters[i];
  }

  // The ending rules never remove the first letter, so a non-empty name keeps a non-empty key.
  if (key.length > 1 && key.endsWith("S")) key = key.slice(0, -1);
  if (key.length > 2 && key.endsWith("AY")) key = `${key.slice(0, -2)}Y`;
  if (key.length > 1 && key.endsWith("A")) key = key.slice(0, -1);
  return key.slice(0, 6);
}

const VOWELS = new Set(["A", "E", "I", "O", "U"]);

function transcode(previous: string, current: string, next: string, afterNext: string): string {
  if (current === "E" && next === "V") return "AF";
  if (VOWELS.has(current)) return "A";
  if (current === "Q") return "G";
  if (current === "Z") return "S";
  if (current === "M") return "N";
  if (current === "K") return next === "N" ? "N" : "C";
  if (current === "S" && next === "C" && afterNext === "H") return "SSS";
  if (current === "P" && next === "H") return "FF";
  if (current === "H" && (!VOWELS.has(previous) || !VOWELS.has(next))) return previous;
  if (current === "W" && VOWELS.has(previous)) return previous;
  return current;
}
