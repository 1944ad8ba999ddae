/** The encodings a contact file is sniffed as. */
export type SniffedEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

const BOMS: [SniffedEncoding, number[]][] = [
  ["utf-8", [0xef, 0xbb, 0xbf]],
  ["utf-16le", [0xff, 0xfe]],
  ["utf-16be", [0xfe, 0xff]],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * UTF-16 without a BOM (Roundcube's sample vCard, some Windows tools): ASCII text then has a NUL
 * in every other byte, on the high side. Looks at the first 4 KB only.
 */
function sniffUtf16(bytes: Uint8Array): SniffedEncoding | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (evenNuls > pairs * 0.3 && oddNuls < pairs * 0.05) return "utf-16be";
  if (oddNuls > pairs * 0.3 && evenNuls < pairs * 0.05) return "utf-16le";
  return undefined;
}

// Node since 20.18.3 decodes windows-1252 as ISO-8859-1 (nodejs/node#60888): bytes 0x80-0x9F come out
// as C1 controls instead of € ’ œ “ ”, which Outlook and Excel write all the time. Those 32 bytes are
// mapped here (WHATWG index); the 5 bytes windows-1252 leaves undefined stay C1 controls.
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decode(bytes: Uint8Array, encoding: string): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== "windows-1252") return text;
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

function canonicalEncoding(charset: string): string | undefined {
  try {
    return new TextDecoder(charset.trim()).encoding;
  } catch {
    return undefined; // a label TextDecoder does not know: sniff instead
  }
}

/**
 * Decodes the bytes of an uploaded text file. As in browsers, a BOM wins (and is removed), then the
 * charset the caller names (from a Content-Type header), then sniffing: UTF-16 by its NUL bytes,
 * UTF-8 when the bytes are valid UTF-8, else windows-1252, which is what Outlook and Excel on
 * Windows write ("Société" as 0xE9).
 *
 * @example decodeText(new Uint8Array([0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9])) // { text: "Société", encoding: "windows-1252" }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: SniffedEncoding };
/** With a charset, the encoding is reported by its canonical name ("latin1" -> "windows-1252"). */
export function decodeText(bytes: Uint8Array, charset: string | undefined): { text: string; encoding: string };
export function decodeText(bytes: Uint8Array, charset?: string): { text: string; encoding: string } {
  for (const [encoding, bom] of BOMS) {
    if (startsWith(bytes, bom)) {
      return { text: decode(bytes.subarray(bom.length), encoding), encoding };
    }
  }
  const named = charset ? canonicalEncoding(charset) : undefined;
  if (named) return { text: decode(bytes, named), encoding: named };

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decode(bytes, utf16), encoding: utf16 };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decode(bytes, "windows-1252"), encoding: "windows-1252" };
  }
}
