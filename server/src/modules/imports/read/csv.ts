import { MAX_CELLS, padRows } from "./limits.ts";

/** A file that cannot be read as CSV; `line` is 1-based, counted in the text given to parseCsv. */
export class CsvError extends Error {
  override name = "CsvError";

  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export type CsvTable = { headers: string[]; rows: string[][]; delimiter: string };

const DELIMITERS = [",", ";", "\t", "|"];
const QUOTE = 0x22;
const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;

/** The candidate seen most often on the header line outside quotes; French Excel writes ";". */
function sniffDelimiter(text: string, start: number): string {
  const counts = new Map(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) breaks++;
  }
  return breaks;
}

function trimSpaces(text: string, from: number, to: number): string {
  let end = to;
  while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
  return text.slice(from, end);
}

/**
 * Parses CSV as real exports write it: RFC 4180 quoting (delimiters, doubled quotes and line
 * breaks inside quotes), CRLF, LF or lone CR, no final newline, blank lines skipped, spaces around
 * unquoted values dropped (FEBRL writes "rec-1, jane, doe"). The delimiter is sniffed from the
 * header line among , ; tab and |, or taken from Excel's "sep=;" first line. Rows shorter than the
 * header are padded with "", longer ones kept whole. Cells are never interpreted: "=1+1" stays text.
 *
 * @example parseCsv('Nom;Ville\r\n"Doe; Jane";Paris') // { headers: ["Nom", "Ville"], rows: [["Doe; Jane", "Paris"]], delimiter: ";" }
 */
export function parseCsv(text: string, options: { delimiter?: string } = {}): CsvTable {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let delimiter = options.delimiter;
  const hint = /^sep=(.)(\r\n|\r|\n)/.exec(text.slice(start, start + 8));
  if (hint?.[1] && hint[2]) {
    delimiter ??= hint[1];
    start += hint[0].length;
  }
  delimiter ??= sniffDelimiter(text, start);
  if (delimiter.length !== 1 || '" \r\n'.includes(delimiter)) {
    throw new CsvError(`Unusable CSV delimiter ${JSON.stringify(delimiter)}`, 1);
  }

  const records = readRecords(text, start, delimiter.charCodeAt(0));
  const headers = records.shift() ?? [];
  padRows(
    headers,
    records,
    (cells) => new CsvError(`Too large: ${cells} cells (rows × columns), the limit is ${MAX_CELLS}`, 1),
  );
  return { headers, rows: records, delimiter };
}

function readRecords(text: string, start: number, delimiter: number): string[][] {
  const records: string[][] = [];
  const length = text.length;
  let line = 1;
  let index = start;
  let record: string[] = [];
  let firstQuoted = false;
  while (index <= length) {
    let fieldStart = index;
    while (text.charCodeAt(fieldStart) === SPACE) fieldStart++;
    let value: string;
    if (text.charCodeAt(fieldStart) === QUOTE) {
      if (record.length === 0) firstQuoted = true;
      const openedOn = line;
      value = "";
      let from = fieldStart + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) throw new CsvError(`Unterminated quoted field starting on line ${openedOn}`, openedOn);
        line += countLineBreaks(text, from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += text.slice(from, close);
        index = close + 1;
        break;
      }
      // Text after the closing quote ("Smith" Jr) is kept rather than rejected: Excel does the same.
      let end = index;
      for (let code = text.charCodeAt(end); end < length; code = text.charCodeAt(++end)) {
        if (code === delimiter || code === LF || code === CR) break;
      }
      value += trimSpaces(text, index, end);
      index = end;
    } else {
      let end = fieldStart;
      for (let code = text.charCodeAt(end); end < length; code = text.charCodeAt(++end)) {
        if (code === delimiter || code === LF || code === CR) break;
      }
      value = trimSpaces(text, fieldStart, end);
      index = end;
    }
    record.push(value);

    const code = text.charCodeAt(index);
    if (code === delimiter) {
      index++;
      continue;
    }
    // End of line or of text: keep the record unless the line was blank.
    if (record.length > 1 || record[0] !== "" || firstQuoted) records.push(record);
    record = [];
    firstQuoted = false;
    if (index >= length) break;
    index += code === CR && text.charCodeAt(index + 1) === LF ? 2 : 1;
    line++;
    if (index >= length) break;
  }
  return records;
}
