import { readFileSync } from "node:fs";
import { mapRow, proposeMapping } from "@rapport/shared/import";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { CsvError } from "./csv.ts";
import { readContactFile } from "./read-file.ts";
import { XlsxError } from "./xlsx.ts";

const FEBRL = new URL("../../../../../../shared/data/febrl/", import.meta.url);
const FEBRL_HEADERS = [
  "rec_id",
  "given_name",
  "surname",
  "street_number",
  "address_1",
  "address_2",
  "suburb",
  "postcode",
  "state",
  "date_of_birth",
  "soc_sec_id",
];

const CSV = 'Prénom,Société,Notes\r\nHélène,"Dupont, Fils & Cie","ligne 1\r\nligne 2"\r\nJean,Acme,';
const TABLE = {
  kind: "table",
  headers: ["Prénom", "Société", "Notes"],
  rows: [
    ["Hélène", "Dupont, Fils & Cie", "ligne 1\r\nligne 2"],
    ["Jean", "Acme", ""],
  ],
};

function utf16be(text: string): Uint8Array {
  const bytes = Buffer.from(text, "utf16le");
  for (let index = 0; index < bytes.length; index += 2) bytes.writeUInt16BE(bytes.readUInt16LE(index), index);
  return bytes;
}

const withBom = (bom: number[], bytes: Uint8Array) => Uint8Array.from([...bom, ...bytes]);

describe("readContactFile on CSV in every encoding seen in the wild", () => {
  it("reads UTF-8 with and without a BOM (Google's export has one)", () => {
    expect(readContactFile(withBom([0xef, 0xbb, 0xbf], Buffer.from(CSV)), {})).toEqual({ ...TABLE, encoding: "utf-8" });
    expect(readContactFile(Buffer.from(CSV), { filename: "contacts.csv" })).toEqual({ ...TABLE, encoding: "utf-8" });
  });

  it("reads UTF-16 with a BOM, both byte orders, and without a BOM", () => {
    expect(readContactFile(withBom([0xff, 0xfe], Buffer.from(CSV, "utf16le")), {})).toEqual({
      ...TABLE,
      encoding: "utf-16le",
    });
    expect(readContactFile(withBom([0xfe, 0xff], utf16be(CSV)), {})).toEqual({ ...TABLE, encoding: "utf-16be" });
    expect(readContactFile(Buffer.from(CSV, "utf16le"), {})).toEqual({ ...TABLE, encoding: "utf-16le" });
    expect(readContactFile(utf16be(CSV), {})).toEqual({ ...TABLE, encoding: "utf-16be" });
  });

  it("reads windows-1252, as Outlook on Windows writes it, or the charset the upload names", () => {
    expect(readContactFile(Buffer.from(CSV, "latin1"), {})).toEqual({ ...TABLE, encoding: "windows-1252" });
    const iso885915 = Uint8Array.from([...Buffer.from("Prix\n10 "), 0xa4]);
    expect(readContactFile(iso885915, { charset: "iso-8859-15" })).toMatchObject({ rows: [["10 €"]] });
  });

  it("reads tab-separated files by name or type", () => {
    // As many commas as tabs on the header line: sniffing alone would pick the comma.
    const tsv = Buffer.from("Name\tCompany, legal name\nJane\tAcme, Inc\n");
    const expected = { headers: ["Name", "Company, legal name"], rows: [["Jane", "Acme, Inc"]] };
    expect(readContactFile(tsv, { filename: "export.TSV" })).toMatchObject(expected);
    expect(readContactFile(tsv, { contentType: "text/tab-separated-values" })).toMatchObject(expected);
  });

  it("keeps formula-looking cells verbatim and reads 1,000 columns", () => {
    const headers = Array.from({ length: 1000 }, (_, index) => `C${index}`);
    const cells = headers.map((_, index) => ["=1+1", "+33612345678", "-2", "@cmd"][index % 4] ?? "");
    const file = readContactFile(Buffer.from(`${headers.join(";")}\n${cells.join(";")}`), {});
    expect(file).toEqual({ kind: "table", headers, rows: [cells], encoding: "utf-8" });
  });

  it("says which line holds an unterminated quote", () => {
    expect(() => readContactFile(Buffer.from('a,b\n1,2\n"open,3\n'), {})).toThrow(CsvError);
    expect(() => readContactFile(Buffer.from('a,b\n1,2\n"open,3\n'), {})).toThrow(/line 3/);
  });
});

describe("readContactFile on the FEBRL datasets", () => {
  const cases = [
    { file: "dataset1.csv", rows: 1000, emptyGivenNames: 44, last: "rec-212-org" },
    { file: "dataset2.csv", rows: 5000, emptyGivenNames: 109, last: "rec-1143-org" },
    { file: "dataset4a.csv", rows: 5000, emptyGivenNames: 112, last: "rec-66-org" }, // CRLF, no final newline
    { file: "dataset4b.csv", rows: 5000, emptyGivenNames: 234, last: "rec-493-dup-0" },
  ];
  for (const { file, rows, emptyGivenNames, last } of cases) {
    it(`reads ${file}: ${rows} rows of 11 trimmed columns`, () => {
      const table = readContactFile(readFileSync(new URL(file, FEBRL)), { filename: file });
      if (table.kind !== "table") throw new Error("expected a table");
      expect(table.headers).toEqual(FEBRL_HEADERS);
      expect(table.rows).toHaveLength(rows);
      expect(table.rows.every((row) => row.length === 11)).toBe(true);
      expect(table.rows.filter((row) => row[1] === "")).toHaveLength(emptyGivenNames);
      expect(table.rows.at(-1)?.[0]).toBe(last);
      expect(table.rows.some((row) => row.some((cell) => cell !== cell.trim()))).toBe(false);
    });
  }

  it("maps a FEBRL row end to end", () => {
    const table = readContactFile(readFileSync(new URL("dataset4a.csv", FEBRL)), {});
    if (table.kind !== "table") throw new Error("expected a table");
    expect(mapRow(table.rows.at(-1) ?? [], proposeMapping(table.headers))).toEqual({
      firstName: "koula",
      lastName: "houweling",
      streetNumber: "3",
      street: ["mileham street", "old airdmillan road"],
      city: "williamstown",
      postcode: "2350",
      region: "nsw",
      birthDate: "19440718",
      nationalId: "6375537",
    });
  });
});

describe("readContactFile picks the reader from the bytes first", () => {
  const xlsx = zipSync({
    "xl/workbook.xml": strToU8('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Email</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a@b.fr</t></is></c></row></sheetData></worksheet>',
    ),
  });
  const vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane\r\nEMAIL:jane@acme.fr\r\nEND:VCARD\r\n";

  it("reads a zip as xlsx, whatever its name", () => {
    expect(readContactFile(xlsx, { filename: "contacts.csv", contentType: "text/csv" })).toEqual({
      kind: "table",
      headers: ["Email"],
      rows: [["a@b.fr"]],
    });
  });

  it("reads vCards by their first line, their type or their name", () => {
    const rows = [{ lastName: "Doe", firstName: "Jane", email: ["jane@acme.fr"] }];
    expect(readContactFile(Buffer.from(`\r\n${vcard}`), {})).toEqual({ kind: "vcard", rows, encoding: "utf-8" });
    const commented = Buffer.from(`# exported by a phone\r\n${vcard}`);
    expect(readContactFile(commented, { contentType: "text/x-vcard; charset=utf-8" })).toMatchObject({
      kind: "vcard",
      rows,
    });
    expect(readContactFile(commented, { filename: "Jane.VCF" })).toMatchObject({ kind: "vcard", rows });
    expect(readContactFile(Buffer.from(vcard, "utf16le"), {})).toEqual({ kind: "vcard", rows, encoding: "utf-16le" });
  });

  it("explains that old .xls files cannot be read", () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => readContactFile(xls, { filename: "contacts.xls" })).toThrow(XlsxError);
    expect(() => readContactFile(xls, {})).toThrow(/save the sheet as \.xlsx or CSV/);
  });
});
