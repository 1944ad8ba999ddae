import type { ColumnMapping } from "@rapport/shared/import";
import type { CellValue } from "../sheet/cell.ts";
import type { SheetCells } from "../sheet/check-sheet.ts";
import { isDateFormat } from "../sheet/excel-dates.ts";
import { cellAsText } from "../sheet/read-cells.ts";

/** The headers of the pane's own status column, in both languages: never sent. */
export const STATUS_HEADERS = ["Rapport status", "Statut Rapport"];
export const statusHeader = (language: "en" | "fr") => (language === "fr" ? "Statut Rapport" : "Rapport status");

export type PreparedPush = {
  /** The headers sent, the status column left out. */
  headers: string[];
  /** Which columns of the sheet block each header is (0-based within it). */
  columns: number[];
  /** Rows as the import takes them: text cells in the order of `headers`; empty rows left out. */
  rows: string[][];
  /** For each row sent, its data row in the block (0-based under the header). */
  sheetRows: number[];
};

export function pushHeaders(cells: SheetCells): { headers: string[]; columns: number[] } {
  const headers: string[] = [];
  const columns: number[] = [];
  cells.headers.forEach((header, c) => {
    const text = String(header ?? "").trim();
    if (STATUS_HEADERS.some((h) => h.toLowerCase() === text.toLowerCase())) return;
    headers.push(text);
    columns.push(c);
  });
  return { headers, columns };
}

/**
 * Turns the sheet's cells into the rows an import takes. Dates typed in a date column arrive as
 * Excel serials and go as ISO dates; numbers go as plain digits; error cells (when the user chose
 * to send them empty) go empty; rows with nothing in them are not sent.
 */
export function preparePush(
  cells: SheetCells,
  mapping: ColumnMapping,
  formats: string[],
  options: { errorsAsEmpty: boolean },
): PreparedPush {
  const { headers, columns } = pushHeaders(cells);
  const rows: string[][] = [];
  const sheetRows: number[] = [];
  cells.rows.forEach((row, r) => {
    const texts = columns.map((c, k) => {
      if (cells.types[r]?.[c] === "Error") return options.errorsAsEmpty ? "" : String(row[c] ?? "");
      const value: CellValue | undefined = row[c];
      return cellAsText(value, { date: mapping[k] === "birthDate", format: formats[c] }).trim() === ""
        ? ""
        : cellAsText(value, { date: mapping[k] === "birthDate" || isDateFormat(formats[c]), format: formats[c] });
    });
    if (texts.every((t) => t.trim() === "")) return;
    rows.push(texts);
    sheetRows.push(r);
  });
  return { headers, columns, rows, sheetRows };
}
