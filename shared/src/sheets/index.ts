export { asSheetText, fromSheetText, startsLikeFormula } from "./formula-safe.ts";
