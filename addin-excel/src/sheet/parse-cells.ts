import type { CellValue } from "./cell.ts";
import { isDateSerial, isoDateFromSerial } from "./excel-dates.ts";

/**
 * A number typed as a number, or stored as text ("12 000,50", "€1,200.00", "35 %"): null when
 * the cell holds no number at all, so the pane can say which cell is wrong.
 */
export function parseNumberCell(value: CellValue | null | undefined): number | null | "empty" {
  if (value === null || value === undefined || value === "") return "empty";
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return null;
  let text = value.replace(/[\s\u00a0\u202f]/g, "").replace(/[€$£%]|EUR|USD|GBP|CHF/gi, "");
  if (text === "") return "empty";
  const comma = text.lastIndexOf(",");
  const dot = text.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) {
    // The later separator is the decimal one: "1.200,50" or "1,200.50".
    text = comma > dot ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
  } else if (comma >= 0) {
    // "12,5" is a decimal; "12,000" groups thousands.
    text = /,\d{3}$/.test(text) && text.indexOf(",") === comma ? text.replace(",", "") : text.replace(",", ".");
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  return Number(text);
}

/**
 * A date typed as a date (a serial), or as text: ISO "2026-03-31", or "31/03/2026" (day first in
 * French, month first in English). Null when the cell is no date.
 */
export function parseDateCell(value: CellValue | null | undefined, dayFirst: boolean): string | null | "empty" {
  if (value === null || value === undefined || value === "") return "empty";
  if (typeof value === "number") return isDateSerial(value) ? isoDateFromSerial(value) : null;
  if (typeof value === "boolean") return null;
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) {
    const [a, b] = [Number(local[1]), Number(local[2])];
    [y, m, d] = [Number(local[3]), dayFirst ? b : a, dayFirst ? a : b];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
