import { decodeText } from "./decode-text.ts";

/** One content line of a vCard, its value decoded to text but still escaped (\, \; \n). */
export type VcardProperty = {
  group: string; // Apple's "item1" in "item1.EMAIL"
  name: string; // upper case
  params: Map<string, string[]>; // upper-case names; 2.1 bare values ("TEL;CELL") are TYPE values
  types: Set<string>; // TYPE values, lower case
  value: string;
};

/**
 * How raw values become text. A file that is not UTF-8 is read one char per byte ("binary"), so
 * each property can be decoded with its own CHARSET (Shift_JIS phones); otherwise the text is
 * already decoded and only quoted-printable bytes need a charset.
 */
export type ValueSource = "text" | "binary";

const PROPERTY_START = /^(?:[A-Za-z0-9-]+\.)?[A-Za-z0-9-]+[;:]/;
const BARE_ENCODINGS = new Set(["QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"]);

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(":");
  return /QUOTED-PRINTABLE/i.test(colon < 0 ? line : line.slice(0, colon));
}

/** An odd run of backslashes at the end: the last one escapes the line break. */
function endsWithEscape(line: string): boolean {
  let count = 0;
  while (line[line.length - 1 - count] === "\\") count++;
  return count % 2 === 1;
}

/**
 * Joins physical lines into content lines: folding (a line starting with a space or tab continues
 * the previous one), vCard 2.1 quoted-printable soft breaks ("=" at the end of the line, even
 * before a blank or "#" line), and a backslash at the end of a 2.1 line followed by a line that is
 * not a property (an address written over several lines). Blank lines are dropped.
 */
export function contentLines(text: string): string[] {
  const lines: string[] = [];
  let softBreak = false; // the last content line is quoted-printable and ends with "="
  for (const physical of text.split(/\r\n|\r|\n/)) {
    const last = lines.length - 1;
    const previous = lines[last];
    if (previous !== undefined && softBreak) {
      lines[last] = previous.slice(0, -1) + physical;
    } else if (physical === "") {
      continue;
    } else if (previous !== undefined && (physical[0] === " " || physical[0] === "\t")) {
      lines[last] = previous + physical.slice(1);
    } else if (previous !== undefined && endsWithEscape(previous) && !PROPERTY_START.test(physical)) {
      lines[last] = `${previous.slice(0, -1)}\n${physical}`;
    } else {
      lines.push(physical);
    }
    const current = lines[lines.length - 1] ?? "";
    softBreak = current.endsWith("=") && isQuotedPrintable(current);
  }
  return lines;
}

/** Splits on `separator` outside double quotes (parameter values may quote ";" and ":"). */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '"') quoted = !quoted;
    else if (!quoted && text[index] === separator) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function valueColon(line: string): number {
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '"') quoted = !quoted;
    else if (!quoted && line[index] === ":") return index;
  }
  return -1;
}

function parseParams(segments: string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const segment of segments) {
    if (segment === "") continue;
    const equals = segment.indexOf("=");
    const bare = equals < 0 ? segment.toUpperCase() : "";
    const name = equals < 0 ? (BARE_ENCODINGS.has(bare) ? "ENCODING" : "TYPE") : segment.slice(0, equals).toUpperCase();
    const raw = equals < 0 ? segment : segment.slice(equals + 1);
    const values = splitOutsideQuotes(raw, ",").map((value) => value.replace(/^"|"$/g, ""));
    params.set(name, [...(params.get(name) ?? []), ...values]);
  }
  return params;
}

function binaryBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
}

function quotedPrintableBytes(value: string, source: ValueSource): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  const chars = Array.from(value);
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    const hex = char === "=" ? `${chars[index + 1]}${chars[index + 2]}` : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...(source === "binary" ? binaryBytes(char) : encoder.encode(char)));
    }
  }
  return Uint8Array.from(bytes);
}

/** The value as text, or undefined for base64 data (photos, keys, sounds), which no field uses. */
function decodeValue(raw: string, params: Map<string, string[]>, source: ValueSource): string | undefined {
  const encoding = params.get("ENCODING")?.[0]?.toUpperCase();
  if (encoding === "B" || encoding === "BASE64") return undefined;
  const charset = params.get("CHARSET")?.[0];
  if (encoding === "QUOTED-PRINTABLE") return decodeText(quotedPrintableBytes(raw, source), charset).text;
  return source === "binary" ? decodeText(binaryBytes(raw), charset).text : raw;
}

/** Parses one content line; undefined when it is not a property (comment, stray data, broken line). */
export function parseProperty(line: string, source: ValueSource): VcardProperty | undefined {
  if (!PROPERTY_START.test(line)) return undefined;
  const colon = valueColon(line);
  if (colon < 0) return undefined;
  const [head = "", ...paramTexts] = splitOutsideQuotes(line.slice(0, colon), ";");
  const dot = head.indexOf(".");
  const params = parseParams(paramTexts);
  const value = decodeValue(line.slice(colon + 1), params, source);
  if (value === undefined) return undefined;
  return {
    group: dot < 0 ? "" : head.slice(0, dot),
    name: head.slice(dot + 1).toUpperCase(),
    params,
    types: new Set((params.get("TYPE") ?? []).map((type) => type.toLowerCase())),
    value,
  };
}

/** Splits a value on an unescaped separator, keeping the escapes for unescapeValue. */
export function splitEscaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    if (char === "\\" && index + 1 < value.length) {
      current += char + value[++index];
    } else if (char === separator) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * Resolves \n \, \; \: \\ and Gmail's \"; other backslashes are kept, as in a Windows path
 * written by a 2.1 client. Quoted-printable CRLFs (Outlook's =0D=0A) become plain line breaks.
 */
export function unescapeValue(value: string): string {
  return value
    .replace(/\\([nN,;:\\"])/g, (_, char: string) => (char === "n" || char === "N" ? "\n" : char))
    .replace(/\r\n?/g, "\n");
}
