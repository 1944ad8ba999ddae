/**
 * Excel stores dates as serial numbers: days since 1899-12-30 (the 1900 leap-year bug folded in),
 * the fraction being the time of day. A date written as a serial with a date format stays a date
 * the user can sort, filter and compute with; written as text it would not.
 */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** "2026-03-31" -> 46112 */
export function serialFromIsoDate(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / DAY_MS);
}

/** An instant as a serial with its time of day, in UTC (what the server stores). */
export function serialFromTimestamp(timestamp: string): number {
  return (Date.parse(timestamp) - EPOCH_MS) / DAY_MS;
}

/** 46112.75 -> "2026-03-31": the day of a serial, whatever its time. */
export function isoDateFromSerial(serial: number): string {
  return new Date(EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** Serials Excel can show as dates: 1900-01-01 to 9999-12-31. */
export function isDateSerial(value: number): boolean {
  return Number.isFinite(value) && value >= 1 && value < 2_958_466;
}

/** Whether a number format shows a date (d, m and y codes outside quotes and brackets). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare) || /m{3,}/i.test(bare);
}

/** The number formats the pane writes. */
export const FORMATS = {
  text: "@",
  date: "yyyy-mm-dd",
  dateTime: "yyyy-mm-dd hh:mm",
  month: "mmm yyyy",
  amount: "#,##0.00",
  integer: "0",
  percent: "0.0%",
  general: "General",
} as const;
