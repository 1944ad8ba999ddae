import { asSheetText } from "@rapport/shared/sheets";
import type { CellValue, ColumnKind } from "./cell.ts";
import { FORMATS } from "./excel-dates.ts";

/** The number format of each kind of column. */
export function formatOf(kind: ColumnKind): string {
  switch (kind) {
    case "text":
    case "id":
      return FORMATS.text;
    case "date":
      return FORMATS.date;
    case "dateTime":
      return FORMATS.dateTime;
    case "amount":
      return FORMATS.amount;
    case "percent":
      return FORMATS.percent;
    case "version":
      return FORMATS.integer;
    case "number":
      return FORMATS.general;
  }
}

/**
 * A value as it must be written: text through asSheetText, so "=HYPERLINK(…)", "+33…" or "@x"
 * typed by a customer never becomes a formula (the column is also formatted as text, which keeps
 * "01000" a postcode rather than the number 1000); numbers and dates as numbers.
 */
export function cellToWrite(kind: ColumnKind, value: CellValue | null | undefined): CellValue {
  if (value === null || value === undefined || value === "") return "";
  if (kind === "text" || kind === "id") return asSheetText(String(value));
  return value;
}
