/**
 * Joins dotted initials into one word ("S.A.R.L." → "SARL", "U.S.A." → "USA", "B.P." → "BP"), so
 * that the dotted and plain spellings compare and print alike once punctuation is dropped. A lone
 * "M." or "Co." is not an initialism and is left to the caller.
 *
 * @example joinDottedInitials("ACME S.A.") // "ACME SA"
 */
export function joinDottedInitials(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu, (initials) =>
    initials.replaceAll(".", ""),
  );
}
