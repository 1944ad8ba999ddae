import { asSheetText } from "./formula-safe.ts";

export type CsvCell = string | number | boolean | null;
export type CsvSeparator = "," | ";";

/**
 * One CSV file (RFC 4180) that spreadsheets open safely: a UTF-8 byte-order mark so Excel reads
 * accents right, every text cell that could start a formula kept as text, quotes where needed, CRLF
 * line ends. Numbers and booleans stay as they are. French Excel expects ";" as the separator.
 *
 * @example
 * toCsv([["Nom", "Note"], ["Hélène", "=1+1"]]); // "\uFEFFNom,Note\r\nHélène,'=1+1\r\n"
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], separator: CsvSeparator = ","): string {
  const needsQuotes = new RegExp(`["\\r\\n${separator}]`);
  const cell = (value: CsvCell) => {
    if (value === null) return "";
    if (typeof value !== "string") return String(value);
    const text = asSheetText(value);
    return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(separator)).join("\r\n")}\r\n`;
}
