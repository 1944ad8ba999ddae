import { foldText } from "./fold-text.ts";

export type ParseDateOptions = {
  /** Read an ambiguous "03/04/1980" as 3 April (France, default) or, when false, as 4 March (US). */
  dayFirst?: boolean;
  /** Read a bare number as an Excel serial day (1 = 1900-01-01), as spreadsheets export dates. */
  excelSerial?: boolean;
};

/** A time after the date, as exports add it: "T12:00:00Z", " 00:00", " 9:30 PM". Ignored. */
const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[AP]\.?M\.?)?)?`;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, "i");
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, "i");
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;

/**
 * A calendar date as "YYYY-MM-DD", from the ways people and files write one; null when the text is
 * not a real date (2023-02-30, month 13) or not a whole date ("March 1980"). A date with a time
 * keeps its own calendar day, whatever its offset.
 *
 * @example parseDate("1er février 2001") // "2001-02-01"
 * @example parseDate("03/04/1980", { dayFirst: false }) // "1980-03-04"
 */
export function parseDate(text: string, options: ParseDateOptions = {}): string | null {
  const value = text.normalize("NFKC").trim();
  const compact = COMPACT.exec(value);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (SERIAL.test(value)) return options.excelSerial ? fromExcelSerial(Number(value)) : null;
  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst) return isoDate(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));
  const yearLast = YEAR_LAST.exec(value);
  if (yearLast) {
    // Only day-first countries write dots (12.03.1980); slashes and hyphens follow the option.
    const dayFirst = yearLast[2] === "." || (options.dayFirst ?? true);
    const [day, month] = dayAndMonth(Number(yearLast[1]), Number(yearLast[3]), dayFirst);
    return isoDate(fullYear(yearLast[4] ?? ""), month, day);
  }
  return fromWords(value);
}

/**
 * The numbers of an ISO date, for comparisons such as a day and month typed the wrong way round;
 * null when it is not a real "YYYY-MM-DD" date.
 *
 * @example dateParts("1980-03-12") // { year: 1980, month: 3, day: 12 }
 */
export function dateParts(iso: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || !isoDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** A reading that only one order allows wins over the preferred order: 13/02 is 13 February. */
function dayAndMonth(first: number, second: number, dayFirst: boolean): [day: number, month: number] {
  if (first > 12 && second <= 12) return [first, second];
  if (second > 12 && first <= 12) return [second, first];
  return dayFirst ? [first, second] : [second, first];
}

/** Two-digit years up to this year's are this century's, later ones the last century's ("45" is 1945). */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length !== 2) return year;
  return year <= new Date().getFullYear() % 100 ? 2000 + year : 1900 + year;
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["january", "jan", "janvier", "janv"],
    ["february", "feb", "fevrier", "fevr", "fev"],
    ["march", "mar", "mars"],
    ["april", "apr", "avril", "avr"],
    ["may", "mai"],
    ["june", "jun", "juin"],
    ["july", "jul", "juillet", "juil"],
    ["august", "aug", "aout"],
    ["september", "sep", "sept", "septembre"],
    ["october", "oct", "octobre"],
    ["november", "nov", "novembre"],
    ["december", "dec", "decembre"],
  ].flatMap((names, i) => names.map((name): [string, number] => [name, i + 1])),
);

/** Words around a date that say nothing about it: "le", "the", "of" and the days of the week. */
const NOISE = new Set(
  (
    "le the of lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday " +
    "saturday sunday mon tue tues wed thu thur thurs fri sat sun"
  ).split(" "),
);

const DAY = /^(\d{1,2})(?:er|re|e|eme|st|nd|rd|th)?$/;
const YEAR = /^\d{4}$|^\d{2}$/;

/** "12 mars 1980", "1er février 2001", "March 12, 1980", "12-Mar-1980", "1980 March 12". */
function fromWords(value: string): string | null {
  const words = foldText(value)
    .split(/[\s,./-]+/)
    .filter((word) => word && !NOISE.has(word));
  if (words.length !== 3) return null;
  const at = words.findIndex((word) => MONTHS.has(word));
  if (at !== 0 && at !== 1) return null;
  // Month first ("March 12 1980"), year first ("1980 March 12") or day first ("12 mars 1980").
  const [dayAt, yearAt] = at === 0 ? [1, 2] : words[0]?.length === 4 ? [2, 0] : [0, 2];
  const day = DAY.exec(words[dayAt] ?? "");
  const yearWord = words[yearAt] ?? "";
  if (!day || !YEAR.test(yearWord)) return null;
  return isoDate(fullYear(yearWord), MONTHS.get(words[at] ?? "") ?? 0, Number(day[1]));
}

/** Excel counts days from 1900-01-01 as day 1 and, copying Lotus 1-2-3, has a 29 February 1900 (day 60). */
function fromExcelSerial(serial: number): string | null {
  const days = Math.floor(serial);
  if (days < 1 || days === 60 || days > 2_958_465) return null;
  const date = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
