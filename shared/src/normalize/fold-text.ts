/**
 * Folds text for comparison and search: Unicode NFKD, combining marks removed, lower case,
 * runs of white space collapsed. Only for comparing; the record keeps what the user typed.
 *
 * @example foldText("  Hélène   LEFÈVRE ") // "helene lefevre"
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}
