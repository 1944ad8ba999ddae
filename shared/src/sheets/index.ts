export { type CsvCell, type CsvSeparator, toCsv } from "./csv.ts";
export { asSheetText, fromSheetText, startsLikeFormula } from "./formula-safe.ts";
