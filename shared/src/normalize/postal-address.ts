import { countryCode, countryNameFr } from "./countries.ts";
import { joinDottedInitials } from "./initials.ts";
import { normalizePostcode } from "./postcodes.ts";

export { countryCode, countryNameFr } from "./countries.ts";
export { isValidPostcode, normalizePostcode } from "./postcodes.ts";

/** AFNOR NF Z10-011: at most 38 characters a line and 6 lines for the address block. */
const LINE_LENGTH = 38;
const MAX_LINES = 6;

export type PostalLinesInput = {
  lines: string[];
  postcode: string | null;
  city: string | null;
  country: string | null;
};

/**
 * The lines to print on an envelope or label, by the French postal norm (AFNOR NF Z10-011): upper
 * case without accents, no commas or dots, at most 38 characters a line (long lines wrap between
 * words), then "POSTCODE CITY", then the country in French when it is not the sender's (France
 * unless told). Six lines at most: when the address lines do not fit, the first ones (the
 * complements such as "Chez..." or the floor) give way to the street lines that carry the mail.
 * The recipient's name is not among them: a caller printing it above has 5 lines left for this.
 *
 * @example formatPostalLines({ lines: ["10, rue de la Paix"], postcode: "75 002", city: "Paris", country: "FR" })
 * // ["10 RUE DE LA PAIX", "75002 PARIS"]
 */
export function formatPostalLines(address: PostalLinesInput, options: { senderCountry?: string } = {}): string[] {
  const destination = address.country ? (countryCode(address.country) ?? address.country.trim()) : null;
  const sender = countryCode(options.senderCountry ?? "FR") ?? options.senderCountry;
  const foreign = destination !== null && destination !== sender;

  const postcode = address.postcode ? normalizePostcode(address.postcode, destination) : "";
  const locality = localityLine(postalText(`${postcode} ${address.city ?? ""}`));
  const country = foreign ? wrap(postalText(countryNameFr(destination) ?? destination)) : [];
  const room = Math.max(0, MAX_LINES - locality.length - country.length);
  const lines = address.lines.flatMap((line) => wrap(postalText(line)));
  return [...lines.slice(Math.max(0, lines.length - room)), ...locality, ...country];
}

/**
 * Upper case, accents and ligatures gone, dotted initials joined ("B.P." → "BP"), commas, dots and
 * other signs turned to spaces; hyphens, apostrophes and slashes stay inside words and numbers
 * ("SAINT-DENIS", "L'HAY", "12/14").
 */
function postalText(text: string): string {
  return joinDottedInitials(text.replace(/[‘’ʼ`´′]/gu, "'"))
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toUpperCase()
    .replace(/[ÆŒØŁĐÐÞ]/gu, (letter) => SPELLED_OUT[letter] ?? letter)
    .replace(/[^A-Z\d'/ -]+/g, " ")
    .replace(/(?<![A-Z\d])['/-]+|['/-]+(?![A-Z\d])/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const SPELLED_OUT: Readonly<Record<string, string>> = { Æ: "AE", Œ: "OE", Ø: "O", Ł: "L", Đ: "D", Ð: "D", Þ: "TH" };

/** Words joined into lines of at most 38 characters; a word longer than a line is cut. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter(Boolean)) {
    if (line && line.length + 1 + word.length <= LINE_LENGTH) {
      line += ` ${word}`;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (rest.length > LINE_LENGTH) {
      lines.push(rest.slice(0, LINE_LENGTH));
      rest = rest.slice(LINE_LENGTH);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * "POSTCODE CITY" must stay one line: a long one is first shortened as La Poste does ("SAINT-REMY"
 * → "ST REMY"), then loses its last words, as La Poste's own locality names are cut.
 */
function localityLine(text: string): string[] {
  if (!text) return [];
  let line = text.length <= LINE_LENGTH ? text : text.replaceAll("-", " ").replace(/\bSAINT(E?)\b/g, "ST$1");
  while (line.length > LINE_LENGTH && line.includes(" ")) line = line.slice(0, line.lastIndexOf(" "));
  return [line.slice(0, LINE_LENGTH)];
}
