import type { CellValue } from "./cell.ts";
import { isDateFormat, isDateSerial, isoDateFromSerial } from "./excel-dates.ts";

/** Excel's error values, as `values` reads them. */
export const ERROR_VALUES = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

/** A number as plain digits: 33612345678, never 3.3612345678e+10 or "33 612 345 678". */
export function numberAsText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/**
 * The text a cell gives the import. Dates typed in a date column arrive as serial numbers: they
 * go as ISO dates ("1980-05-12") when the column holds dates or the cell is formatted as one.
 */
export function cellAsText(
  value: CellValue | null | undefined,
  options: { date?: boolean; format?: string } = {},
): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if ((options.date || isDateFormat(options.format)) && isDateSerial(value)) return isoDateFromSerial(value);
    return numberAsText(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

/** A1 address of a cell, from 0-based indexes: (0, 0) -> "A1", (11, 27) -> "AB12". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
