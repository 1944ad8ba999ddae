import { describe, expect, it } from "vitest";
import { contentLines, parseProperty, splitEscaped, unescapeValue } from "./vcard-properties.ts";

describe("contentLines", () => {
  it("unfolds lines continued by a space or a tab", () => {
    expect(contentLines("NOTE:one\r\n  two\r\n\t three\r\nFN:x")).toEqual(["NOTE:one two three", "FN:x"]);
  });

  it("joins quoted-printable soft breaks, even over a '#' line, and ends at a blank line", () => {
    const text = "NOTE;ENCODING=QUOTED-PRINTABLE:sharp ->=\r\n#<- sharp=\r\n\r\nPHOTO;ENCODING=BASE64:\r\n";
    expect(contentLines(text)).toEqual(["NOTE;ENCODING=QUOTED-PRINTABLE:sharp ->#<- sharp", "PHOTO;ENCODING=BASE64:"]);
  });

  it("does not treat a trailing '=' as a soft break outside quoted-printable", () => {
    expect(contentLines("PHOTO;ENCODING=b:AAA=\r\nFN:x")).toEqual(["PHOTO;ENCODING=b:AAA=", "FN:x"]);
  });

  it("continues a 2.1 line ending with a backslash when the next line is not a property", () => {
    const text = "ADR;HOME:;;Hermann v. Brevern\\\r\n9999999\\\r\nPackstation 999;Hamburg\r\nEMAIL:a\\\\\r\nTEL:1";
    expect(contentLines(text)).toEqual([
      "ADR;HOME:;;Hermann v. Brevern\n9999999\nPackstation 999;Hamburg",
      "EMAIL:a\\\\",
      "TEL:1",
    ]);
  });

  it("drops blank lines, as iOS writes \\r\\r\\n", () => {
    expect(contentLines("BEGIN:VCARD\r\r\nN:Smith;Bob\r\r\n PHOTO-REST\r\r\nEND:VCARD")).toEqual([
      "BEGIN:VCARD",
      "N:Smith;BobPHOTO-REST",
      "END:VCARD",
    ]);
  });
});

describe("parseProperty", () => {
  it("reads the group, the name and TYPE values, bare (2.1) or listed", () => {
    expect(parseProperty("item1.EMAIL;type=INTERNET;type=pref:bob@smithauto.com", "text")).toMatchObject({
      group: "item1",
      name: "EMAIL",
      types: new Set(["internet", "pref"]),
      value: "bob@smithauto.com",
    });
    expect(parseProperty("TEL;HOME;FAX:12", "text")?.types).toEqual(new Set(["home", "fax"]));
    expect(parseProperty("tel;TYPE=work,voice;PREF=1:1", "text")?.params.get("PREF")).toEqual(["1"]);
  });

  it("finds the value after quoted parameters holding ':' and ','", () => {
    const property = parseProperty('TEL;TYPE="COMMA,SEPARATED:INSIDE.DQUOTE",PREF:1', "text");
    expect(property?.types).toEqual(new Set(["comma,separated:inside.dquote", "pref"]));
    expect(property?.value).toBe("1");
  });

  it("decodes quoted-printable in the named charset, or UTF-8 then windows-1252", () => {
    expect(parseProperty("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=20=C3=91;;;;", "text")?.value).toBe(
      "Ñ Ñ;;;;",
    );
    expect(parseProperty("NOTE;CHARSET=SHIFT_JIS;QUOTED-PRINTABLE:=83=81=83=82", "text")?.value).toBe("メモ");
    expect(parseProperty("N;ENCODING=QUOTED-PRINTABLE:Iksi=F1ski;Jan", "text")?.value).toBe("Iksiñski;Jan");
  });

  it("decodes raw bytes by their own CHARSET when the file was kept as bytes", () => {
    const shiftJis = Buffer.from([0x83, 0x81, 0x83, 0x82]).toString("latin1");
    expect(parseProperty(`NOTE;CHARSET=SHIFT_JIS:${shiftJis}`, "binary")?.value).toBe("メモ");
    expect(parseProperty("N;CHARSET=windows-1252:Sm\u00ebt;John", "binary")?.value).toBe("Smët;John");
  });

  it("skips base64 data and lines that are not properties", () => {
    expect(parseProperty("PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQ", "text")).toBeUndefined();
    expect(parseProperty("PHOTO;TYPE=JPEG;ENCODING=b:/9j/4AAQ", "text")).toBeUndefined();
    expect(parseProperty("# comment", "text")).toBeUndefined();
    expect(parseProperty("iVBORw0KGgoAAAANSUhEUgAAADIAAAA6CAYAAAGFazpK", "text")).toBeUndefined();
    expect(parseProperty("AGENT", "text")).toBeUndefined();
  });
});

describe("escapes", () => {
  it("splits on unescaped separators only", () => {
    expect(splitEscaped("Doe;John;Richter\\, James;Mr.", ";")).toEqual(["Doe", "John", "Richter\\, James", "Mr."]);
    expect(splitEscaped("a\\\\;b", ";")).toEqual(["a\\\\", "b"]);
  });

  it("resolves vCard escapes and keeps unknown backslashes", () => {
    expect(unescapeValue('a\\nb\\Nc\\,d\\;e\\:f\\\\g \\"q\\" C:\\Temp')).toBe('a\nb\nc,d;e:f\\g "q" C:\\Temp');
    expect(unescapeValue("line 1\r\nline 2")).toBe("line 1\nline 2");
  });
});
