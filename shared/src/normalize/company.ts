import { joinDottedInitials } from "./initials.ts";
import { nameKey } from "./names.ts";

/**
 * Legal forms abbreviated as a word of their own, which firms put before or after their name
 * ("SARL Dupont", "Dupont SARL", "AB Volvo"). As keys: folded, dots gone.
 */
const LEGAL_FORMS = [
  // France
  "sa",
  "sas",
  "sasu",
  "sarl",
  "eurl",
  "snc",
  "scs",
  "sca",
  "sci",
  "scp",
  "scop",
  "scic",
  "sem",
  "gie",
  "selarl",
  "selas",
  "selafa",
  // Germany, Austria, Switzerland
  "gmbh",
  "ag",
  "kg",
  "kgaa",
  "ohg",
  "ug",
  "ev",
  // Benelux
  "bv",
  "nv",
  "bvba",
  "sprl",
  "srl",
  "vof",
  // Southern Europe
  "spa",
  "sl",
  "slu",
  "lda",
  // Nordics
  "ab",
  "as",
  "asa",
  "aps",
  "oy",
  "oyj",
].map((form) => [form]);

/**
 * Legal forms and company words that only ever close a name: in front they are part of it
 * ("Company of Biologists", "Co-op").
 */
const TRAILING_FORMS = [
  "ltd",
  "limited",
  "llc",
  "llp",
  "lp",
  "plc",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "cie",
  "pty",
  "pty ltd",
  "pte",
  "pte ltd",
  "ltda",
  "sp z oo",
].map((form) => form.split(" "));

/** "Dupont et Cie", "Smith and Co": the connective goes with the form that follows it. */
const CONNECTIVES = new Set(["and", "et", "und"]);

/**
 * The form company names are compared on: folded, punctuation gone, legal forms dropped at
 * either end, so "ACME S.A." meets "Acme". A leading article stays ("The Coca-Cola Company" →
 * "the coca cola"): only legal forms go. A name made only of legal forms is kept whole.
 *
 * @example companyKey("Dupont & Cie S.A.R.L.") // "dupont"
 */
export function companyKey(name: string): string {
  const words = nameKey(joinDottedInitials(name)).split(" ").filter(Boolean);
  for (;;) {
    const form = [...TRAILING_FORMS, ...LEGAL_FORMS].find((f) => f.length < words.length && endsWith(words, f)) ?? null;
    if (form) {
      words.splice(words.length - form.length);
      if (words.length > 1 && CONNECTIVES.has(words.at(-1) ?? "")) words.pop();
      continue;
    }
    if (words.length > 1 && LEGAL_FORMS.some((f) => f[0] === words[0])) {
      words.shift();
      continue;
    }
    return words.join(" ");
  }
}

function endsWith(words: string[], form: string[]): boolean {
  return form.every((word, i) => words[words.length - form.length + i] === word);
}

/**
 * The domain of a website as typed in a record, lower case and without "www.", to meet the
 * domain of an email address; null when the text names no host with a domain (an IP address,
 * "localhost", an email address, free text).
 *
 * @example websiteDomain("https://www.Acme.fr/contact") // "acme.fr"
 */
export function websiteDomain(url: string): string | null {
  const text = url.trim();
  const hasScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(text);
  if (!text || (!hasScheme && text.includes("@"))) return null;
  let host: string;
  try {
    host = new URL(hasScheme ? text : `http://${text.replace(/^\/\//, "")}`).hostname;
  } catch {
    return null;
  }
  const domain = host.replace(/\.$/, "").replace(/^www\d*\./, "");
  return DOMAIN.test(domain) ? domain : null;
}

/** Labels of letters, digits and inner hyphens, and a top-level label that is a name, not a number. */
const DOMAIN = /^(?:(?!-)[a-z\d-]{1,63}(?<!-)\.)+(?:[a-z]{2,63}|xn--[a-z\d-]{1,59})$/;
