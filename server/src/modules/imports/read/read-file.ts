import type { ImportRow } from "@rapport/shared/import";
import { parseCsv } from "./csv.ts";
import { decodeText } from "./decode-text.ts";
import { readVcards } from "./vcard.ts";
import { readXlsx, XlsxError } from "./xlsx.ts";

export type ContactFile =
  | { kind: "table"; headers: string[]; rows: string[][]; encoding?: string }
  | { kind: "vcard"; rows: ImportRow[]; encoding?: string };

/** What the upload says about itself; the bytes are trusted over it. */
export type FileHint = { filename?: string; contentType?: string; charset?: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // Excel 97-2003 .xls

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isVcard(bytes: Uint8Array, hint: FileHint): boolean {
  if (/^\s*BEGIN:VCARD/i.test(decodeText(bytes.subarray(0, 1024)).text)) return true;
  return (
    /^text\/(x-)?vcard|^text\/directory/i.test(hint.contentType ?? "") || /\.vcf$|\.vcard$/i.test(hint.filename ?? "")
  );
}

function isTabSeparated(hint: FileHint): boolean {
  return /^text\/tab-separated-values/i.test(hint.contentType ?? "") || /\.tsv$/i.test(hint.filename ?? "");
}

/**
 * Reads an uploaded contact file: xlsx (by its zip signature), vCard (by its first line, its type
 * or its name) or else CSV. A table keeps its headers for column mapping; vCards come out as
 * ImportRows. Throws CsvError or XlsxError, with a message for the user, on a file it cannot read.
 *
 * @example readContactFile(bytes, { filename: "contacts.csv" }) // { kind: "table", headers: [...], rows: [...], encoding: "utf-8" }
 */
export function readContactFile(bytes: Uint8Array, hint: FileHint): ContactFile {
  if (startsWith(bytes, ZIP)) return { kind: "table", ...readXlsx(bytes) };
  if (startsWith(bytes, OLE)) {
    throw new XlsxError("Excel 97-2003 (.xls) files cannot be read: save the sheet as .xlsx or CSV");
  }
  if (isVcard(bytes, hint)) return { kind: "vcard", ...readVcards(bytes, hint.charset) };
  const { text, encoding } = decodeText(bytes, hint.charset);
  const { headers, rows } = parseCsv(text, isTabSeparated(hint) ? { delimiter: "\t" } : {});
  return { kind: "table", headers, rows, encoding };
}
