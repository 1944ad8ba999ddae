import { foldText } from "@rapport/shared/normalize";

/** What search compares: folded words; an address or a domain stays whole, so a prefix of it matches. */
const WHOLE = /[@.]/;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * The terms a record is found by: each word of its names, each address whole and its local part,
 * each domain. Folded (no accents, lower case) so "helene" finds "Hélène".
 *
 * @example searchTerms(["Hélène Lefèvre-Dupont"], ["H.Lefevre@Acme.fr"])
 * // ["helene", "lefevre", "dupont", "h.lefevre@acme.fr", "h.lefevre", "acme.fr"]
 */
export function searchTerms(names: Array<string | null>, addresses: string[] = []): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    for (const word of foldText(name ?? "").split(SEPARATORS)) if (word) terms.add(word);
  }
  for (const address of addresses) {
    const folded = foldText(address);
    terms.add(folded);
    const at = folded.lastIndexOf("@");
    if (at > 0) {
      terms.add(folded.slice(0, at));
      terms.add(folded.slice(at + 1));
    }
  }
  return [...terms].filter((term) => term.length <= 200);
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
