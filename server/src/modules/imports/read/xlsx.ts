import { unzipSync } from "fflate";
import { MAX_CELLS, padRows } from "./limits.ts";

/** A file that cannot be read as an xlsx workbook. */
export class XlsxError extends Error {
  override name = "XlsxError";
}

/** Uncompressed bytes read from one upload: a few KB of zip can claim gigabytes (a zip bomb). */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

// OOXML writers may prefix every element ("<x:c>"), hence (?:\w+:)? in the patterns below.
const SHEET = /<(?:\w+:)?sheet\b([^>]*)>/;
const RELATIONSHIP = /<(?:\w+:)?Relationship\b([^>]*)>/g;
const SHARED_STRING = /<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g;
const TEXT_RUN = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
const PHONETIC_RUN = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const ROW_OR_CELL = /<(?:\w+:)?row\b([^>]*)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE_STRING = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/;
const CELL_XFS = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/;
const XF = /<(?:\w+:)?xf\b([^>]*)>/g;
const NUM_FMT = /<(?:\w+:)?numFmt\b([^>]*)>/g;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? decodeXml(match[1] ?? match[2] ?? "") : undefined;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi,
    (entity: string, hex?: string, decimal?: string, name?: string) => {
      if (name) return ENTITIES[name.toLowerCase()] ?? entity;
      const code = hex ? Number.parseInt(hex, 16) : Number(decimal);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    },
  );
}

/** Concatenated text runs (rich text), without Japanese phonetic guides; Excel's _x000D_ escapes resolved. */
function runsText(xml: string): string {
  const runs = [...xml.replace(PHONETIC_RUN, "").matchAll(TEXT_RUN)].map((run) => run[1] ?? "");
  return decodeXml(runs.join("")).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/**
 * Unzips the named parts within the budget of declared sizes. The declared size is enough: fflate
 * inflates each entry into a buffer of that size, so an entry that lies is cut short, never larger.
 */
function unzipParts(bytes: Uint8Array, names: string[], budget: { left: number }): Map<string, string> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!names.includes(file.name)) return false;
        budget.left -= file.originalSize;
        if (budget.left < 0) throw new XlsxError(`The workbook unpacks to more than ${MAX_UNCOMPRESSED_BYTES} bytes`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(`Not a readable xlsx file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const decoder = new TextDecoder();
  return new Map(Object.entries(files).map(([name, content]) => [name, decoder.decode(content)]));
}

/** "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml" from the package root. */
function partPath(target: string): string {
  const segments: string[] = [];
  for (const segment of (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

type WorkbookParts = { sheet: string; sharedStrings: string; styles: string; date1904: boolean };

/** The first sheet in tab order, and where its strings and styles live. */
function locateParts(files: Map<string, string>): WorkbookParts {
  const workbook = files.get("xl/workbook.xml");
  if (workbook === undefined) throw new XlsxError("Not an xlsx workbook: xl/workbook.xml is missing");
  const relationships = [...(files.get("xl/_rels/workbook.xml.rels") ?? "").matchAll(RELATIONSHIP)].map((match) => ({
    id: attribute(match[1] ?? "", "Id"),
    type: attribute(match[1] ?? "", "Type") ?? "",
    target: partPath(attribute(match[1] ?? "", "Target") ?? ""),
  }));
  const sheetId = attribute(SHEET.exec(workbook)?.[1] ?? "", "\\w+:id"); // r:id, whatever the prefix
  const byType = (type: string) => relationships.find((relationship) => relationship.type.endsWith(`/${type}`));
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(workbook);
  return {
    sheet: relationships.find((relationship) => relationship.id === sheetId)?.target ?? "xl/worksheets/sheet1.xml",
    sharedStrings: byType("sharedStrings")?.target ?? "xl/sharedStrings.xml",
    styles: byType("styles")?.target ?? "xl/styles.xml",
    date1904,
  };
}

// Built-in formats 14-22 are dates and times (d/m/yyyy, d-mmm-yy, h:mm, m/d/yy h:mm...).
function isDateFormat(id: number, code: string | undefined): boolean {
  if (id >= 14 && id <= 22) return true;
  if (code === undefined) return false;
  // Quoted text, [Red]/[$-409] sections, escaped (\x), padding (_x) and fill (*x) characters say nothing about dates.
  return /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|[\\_*]./g, ""));
}

/** The cellXfs indexes (a cell's s attribute) whose number format shows a date. */
function dateStyles(styles: string): Set<number> {
  const codes = new Map(
    [...styles.matchAll(NUM_FMT)].map((match) => [
      Number(attribute(match[1] ?? "", "numFmtId")),
      attribute(match[1] ?? "", "formatCode"),
    ]),
  );
  const formats = [...(CELL_XFS.exec(styles)?.[1] ?? "").matchAll(XF)].map((match) =>
    Number(attribute(match[1] ?? "", "numFmtId") ?? 0),
  );
  return new Set(formats.flatMap((id, index) => (isDateFormat(id, codes.get(id)) ? [index] : [])));
}

/** ISO date (and time when there is one) of an Excel serial date; Excel shows no date outside 0-9999-12-31. */
function serialToIso(serial: number, date1904: boolean): string | undefined {
  if (!(serial >= 0 && serial < 2_958_466)) return undefined;
  // Excel's 1900 system counts a 29 February 1900 that never was: serials before it are one day off.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial < 60 ? 31 : 30);
  const seconds = Math.round(serial * 86_400);
  const iso = new Date(epoch + seconds * 1000).toISOString();
  if (serial < 1) return iso.slice(11, 19);
  return seconds % 86_400 === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}

// Excel shows 15 significant digits: 0.1+0.2 is stored as 0.30000000000000004 and shown as 0.3.
function numberText(value: string): string {
  const number = Number(value);
  return Number.isFinite(number) ? String(Number(number.toPrecision(15))) : value;
}

function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

function tooLarge(cells: number): XlsxError {
  return new XlsxError(`Too large: ${cells} cells (rows × columns), the limit is ${MAX_CELLS}`);
}

type CellContext = { strings: string[]; dates: Set<number>; date1904: boolean };

function cellText(attributes: string, content: string, context: CellContext): string {
  const type = /(?:^|\s)t="(\w+)"/.exec(attributes)?.[1] ?? "n";
  if (type === "inlineStr") return runsText(INLINE_STRING.exec(content)?.[1] ?? "");
  const value = decodeXml(VALUE.exec(content)?.[1] ?? "");
  if (value === "") return "";
  if (type === "s") return context.strings[Number(value)] ?? "";
  if (type === "b") return value === "1" ? "TRUE" : "FALSE";
  if (type !== "n") return value; // "str" (a formula's text), "e" (#N/A), "d" (already ISO)
  const style = Number(/(?:^|\s)s="(\d+)"/.exec(attributes)?.[1] ?? 0);
  return (context.dates.has(style) && serialToIso(Number(value), context.date1904)) || numberText(value);
}

/** The sheet's cells by row and column; absent rows and cells stay holes. */
function readCells(sheet: string, context: CellContext): string[][] {
  const grid: string[][] = [];
  let rowIndex = -1;
  let columnIndexInRow = -1;
  let extent = 0; // the cells the rows will hold once their holes are filled
  for (const match of sheet.matchAll(ROW_OR_CELL)) {
    if (match[1] !== undefined) {
      const r = Number(/(?:^|\s)r="(\d+)"/.exec(match[1])?.[1]);
      rowIndex = r >= 1 ? r - 1 : rowIndex + 1;
      columnIndexInRow = -1;
      continue;
    }
    const attributes = match[2] ?? "";
    const reference = /(?:^|\s)r="([A-Z]+)\d*"/.exec(attributes)?.[1];
    columnIndexInRow = reference ? columnIndex(reference) : columnIndexInRow + 1;
    const text = cellText(attributes, match[3] ?? "", context);
    if (text === "") continue;
    const at = Math.max(rowIndex, 0); // a cell before any <row> is malformed; keep it on the first row
    const row = grid[at] ?? [];
    grid[at] = row;
    extent += Math.max(0, columnIndexInRow + 1 - row.length);
    if (extent > MAX_CELLS) throw tooLarge(extent);
    row[columnIndexInRow] = text;
  }
  return grid;
}

/**
 * Reads the first worksheet of an xlsx file: its first non-empty row as headers, the next
 * non-empty rows as text cells. Shared and inline strings, numbers as Excel shows them, TRUE and
 * FALSE, and date-formatted numbers as ISO dates ("1985-04-15"). Refuses files that unpack to more
 * than MAX_UNCOMPRESSED_BYTES.
 *
 * @example readXlsx(bytes) // { headers: ["First name", "Birthday"], rows: [["Jane", "1985-04-15"]] }
 */
export function readXlsx(bytes: Uint8Array): { headers: string[]; rows: string[][] } {
  const budget = { left: MAX_UNCOMPRESSED_BYTES };
  const parts = locateParts(unzipParts(bytes, ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"], budget));
  const files = unzipParts(bytes, [parts.sheet, parts.sharedStrings, parts.styles], budget);
  const sheet = files.get(parts.sheet);
  if (sheet === undefined) throw new XlsxError(`Not an xlsx workbook: ${parts.sheet} is missing`);
  const strings = [...(files.get(parts.sharedStrings) ?? "").matchAll(SHARED_STRING)].map((match) =>
    runsText(match[1] ?? ""),
  );
  const context = { strings, dates: dateStyles(files.get(parts.styles) ?? ""), date1904: parts.date1904 };

  const rows = readCells(sheet, context)
    .filter((row) => row !== undefined) // drops the holes blank rows left
    .map((row) => Array.from(row, (cell) => cell ?? ""));
  const headers = rows.shift() ?? [];
  padRows(headers, rows, tooLarge);
  return { headers, rows };
}
