import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text.ts";

const TEXT = "Prénom,Société\nHélène,Œuvre & Cie €\n";

function utf16be(text: string): Uint8Array {
  const bytes = Buffer.from(text, "utf16le");
  for (let index = 0; index < bytes.length; index += 2) bytes.writeUInt16BE(bytes.readUInt16LE(index), index);
  return bytes;
}

const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM, and removes the BOM", () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], Buffer.from(TEXT)))).toEqual({ text: TEXT, encoding: "utf-8" });
    expect(decodeText(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: "utf-8" });
  });

  it("reads UTF-16 little and big endian with a BOM", () => {
    expect(decodeText(bytes([0xff, 0xfe], Buffer.from(TEXT, "utf16le")))).toEqual({ text: TEXT, encoding: "utf-16le" });
    expect(decodeText(bytes([0xfe, 0xff], utf16be(TEXT)))).toEqual({ text: TEXT, encoding: "utf-16be" });
  });

  it("recognises UTF-16 without a BOM by its NUL bytes", () => {
    expect(decodeText(Buffer.from(TEXT, "utf16le"))).toEqual({ text: TEXT, encoding: "utf-16le" });
    expect(decodeText(utf16be(TEXT))).toEqual({ text: TEXT, encoding: "utf-16be" });
  });

  it("falls back to windows-1252 when the bytes are not UTF-8", () => {
    // "Société;Hélène;L’Oréal €" as Outlook on Windows writes it; 0x80-0x9F are not ISO-8859-1.
    const ansi = bytes(Buffer.from("Soci"), [0xe9], Buffer.from("t"), [0xe9, 0x3b, 0x48, 0xe9], Buffer.from("l"));
    expect(
      decodeText(bytes(ansi, [0xe8, 0x6e, 0x65, 0x3b, 0x4c, 0x92, 0x4f, 0x72, 0xe9, 0x61, 0x6c, 0x20, 0x80])),
    ).toEqual({
      text: "Société;Hélène;L’Oréal €",
      encoding: "windows-1252",
    });
    expect(decodeText(Uint8Array.of(0x93, 0x9c, 0x9f, 0x81, 0xff), "windows-1252").text).toBe("“œŸ\u0081ÿ");
  });

  it("honours the charset the caller names, by its canonical name", () => {
    expect(decodeText(Uint8Array.of(0x41, 0xa4), "ISO-8859-15")).toEqual({ text: "A€", encoding: "iso-8859-15" });
    expect(decodeText(Uint8Array.of(0xe9), "latin1")).toEqual({ text: "é", encoding: "windows-1252" });
    expect(decodeText(Uint8Array.of(0x83, 0x81, 0x83, 0x82), "Shift_JIS")).toEqual({
      text: "メモ",
      encoding: "shift_jis",
    });
  });

  it("lets a BOM win over the named charset, and sniffs when the charset is unknown", () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], Buffer.from("é")), "windows-1252")).toEqual({
      text: "é",
      encoding: "utf-8",
    });
    expect(decodeText(Buffer.from("é"), "x-no-such-charset")).toEqual({ text: "é", encoding: "utf-8" });
  });

  it("reads an empty file as empty UTF-8 text", () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: "", encoding: "utf-8" });
  });
});
