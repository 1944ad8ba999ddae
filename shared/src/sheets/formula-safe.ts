/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return, that
 * let a CSV cell start one): a customer's "=HYPERLINK(...)" typed into a web form must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Whether text would be taken for a formula if written to a sheet as it is.
 *
 * @example
 * startsLikeFormula("=1+1"); // true
 * startsLikeFormula("-42"); // true: numbers are written as numbers, never as text that looks like one
 */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * The text with a leading apostrophe when it would start a formula. Excel and LibreOffice hide the
 * apostrophe and show the text as typed; this is OWASP's advice for CSV exports and what the Excel
 * pane writes for text cells. Text that itself starts with an apostrophe gets one more, so that it
 * too reads back unchanged.
 *
 * @example
 * asSheetText("=HYPERLINK(\"http://x\")"); // "'=HYPERLINK(\"http://x\")"
 * asSheetText("Hélène"); // "Hélène"
 */
export function asSheetText(text: string): string {
  return startsLikeFormula(text) || text.startsWith("'") ? `'${text}` : text;
}

/**
 * Reads back what asSheetText wrote: a cell value that still carries the protective apostrophe
 * (CSV readers keep it) loses it, so a round trip changes nothing.
 */
export function fromSheetText(text: string): string {
  const rest = text.slice(1);
  return text.startsWith("'") && (startsLikeFormula(rest) || rest.startsWith("'")) ? rest : text;
}
