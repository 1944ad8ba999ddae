import type { CellValue } from "./cell.ts";
import { cellAddress } from "./read-cells.ts";

/** The most columns an import row may have (the API's limit). */
export const MAX_PUSH_COLUMNS = 1000;
/** The most rows one push may send (one import job). */
export const MAX_PUSH_ROWS = 1_000_000;
/** Names, titles, cities… keep this many characters; a longer cell is cut by the server. */
const SHORT_TEXT = 200;
/** Enough cells named in a message for the user to find them; the count says how many in all. */
const NAMED_CELLS = 5;

/** What is wrong with a sheet before anything is sent, in terms the pane turns into words. */
export type SheetProblem =
  | { kind: "empty" }
  | { kind: "headerOnly" }
  | { kind: "noHeaders"; columns: string[] }
  | { kind: "tooManyColumns"; count: number }
  | { kind: "tooManyRows"; count: number }
  | { kind: "merged"; areas: string[] }
  | { kind: "errors"; cells: string[]; count: number }
  | { kind: "longCells"; cells: string[]; count: number }
  | { kind: "accounts" };

/** Only the shape of the used range, read before any value: a 16,384-column sheet is refused unread. */
export type SheetShape = { rowCount: number; columnCount: number; mergedAreas: string[] };

export function checkShape(shape: SheetShape): SheetProblem[] {
  if (shape.rowCount === 0 || shape.columnCount === 0) return [{ kind: "empty" }];
  const problems: SheetProblem[] = [];
  if (shape.columnCount > MAX_PUSH_COLUMNS) problems.push({ kind: "tooManyColumns", count: shape.columnCount });
  if (shape.rowCount - 1 > MAX_PUSH_ROWS) problems.push({ kind: "tooManyRows", count: shape.rowCount - 1 });
  if (shape.mergedAreas.length > 0) problems.push({ kind: "merged", areas: shape.mergedAreas.slice(0, NAMED_CELLS) });
  return problems;
}

export type SheetCells = {
  /** Row and column of the header cell on the sheet (0-based), to name cells as Excel does. */
  origin: { row: number; column: number };
  headers: CellValue[];
  rows: CellValue[][];
  /** Excel's value type per cell ("Error" for #N/A and the like), rows as in `rows`. */
  types: string[][];
};

/**
 * What stops a push (blocking) and what the user should know (warnings). Error values block:
 * sending "#N/A" as someone's email would be worse than useless; the pane offers to send those
 * cells empty instead.
 */
export function checkCells(sheet: SheetCells): { blocking: SheetProblem[]; warnings: SheetProblem[] } {
  const blocking: SheetProblem[] = [];
  const warnings: SheetProblem[] = [];
  const headers = sheet.headers.map((h) => String(h ?? "").trim());
  if (headers.every((h) => h === "") && sheet.rows.length === 0) return { blocking: [{ kind: "empty" }], warnings };
  if (headers.every((h) => h === "")) {
    blocking.push({ kind: "noHeaders", columns: [] });
    return { blocking, warnings };
  }
  const filled = sheet.rows.filter((row) => row.some((cell) => cell !== "" && cell !== null));
  if (filled.length === 0) blocking.push({ kind: "headerOnly" });

  const errors: string[] = [];
  const long: string[] = [];
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const at = () => cellAddress(sheet.origin.row + 1 + r, sheet.origin.column + c);
      if (sheet.types[r]?.[c] === "Error") errors.push(at());
      else if (typeof cell === "string" && cell.length > SHORT_TEXT) long.push(at());
    });
  });
  if (errors.length) blocking.push({ kind: "errors", cells: errors.slice(0, NAMED_CELLS), count: errors.length });
  if (long.length) warnings.push({ kind: "longCells", cells: long.slice(0, NAMED_CELLS), count: long.length });
  return { blocking, warnings };
}
