import { emailDomain, foldText } from "@rapport/shared/normalize";

/** What search compares: folded words; an address or a domain stays whole, so a prefix of it matches. */
const WHOLE = /[@.]/;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * The terms a record is found by: each word of its names, and each of `wholes` (a domain) as it
 * is. Folded (no accents, lower case) so "helene" finds "Hélène".
 *
 * @example searchTerms(["Crème & Café SARL"], ["Creme-Cafe.fr"]) // ["creme", "cafe", "sarl", "creme-cafe.fr"]
 */
export function searchTerms(names: Array<string | null>, wholes: string[] = []): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    for (const word of foldText(name ?? "").split(SEPARATORS)) if (word) terms.add(word);
  }
  for (const whole of wholes) {
    const folded = foldText(whole);
    if (folded) terms.add(folded);
  }
  return [...terms].filter((term) => term.length <= 200);
}

/**
 * A contact's terms: its name words and its addresses' domains. The addresses themselves (and so
 * their local parts, which start them) are found by prefix in contact_emails, where each is stored
 * once anyway: as terms they were two unique keys per address, the costliest rows of a big import.
 * Stored addresses are ASCII and lower case (the Email schema, normalizeEmail), so a folded query
 * starts them as it would have started their terms.
 *
 * @example contactSearchTerms(["Hélène", "Lefèvre"], ["H.Lefevre@Acme.fr"]) // ["helene", "lefevre", "acme.fr"]
 */
export function contactSearchTerms(names: Array<string | null>, emails: string[]): string[] {
  return searchTerms(
    names,
    emails.flatMap((email) => emailDomain(email) ?? []),
  );
}

/** A query as search terms to find by prefix: words, or whole addresses and domains. */
export function queryTerms(query: string): string[] {
  const tokens = foldText(query).split(" ");
  return [...new Set(tokens.flatMap((token) => (WHOLE.test(token) ? [token] : token.split(SEPARATORS))))].filter(
    Boolean,
  );
}

/** The upper bound of a prefix range: every term that starts with `prefix` sorts below it. */
export const afterPrefix = (prefix: string) => `${prefix}\uffff`;
