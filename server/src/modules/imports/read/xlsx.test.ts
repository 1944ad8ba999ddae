import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MAX_UNCOMPRESSED_BYTES, readXlsx, XlsxError } from "./xlsx.ts";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A hand-written workbook; its first tab is "Contacts", stored second and addressed from the package root. */
function workbook(options: { date1904?: boolean; prefix?: string } = {}): Uint8Array {
  const p = options.prefix ?? "";
  const contacts = `<${p}worksheet ${p ? `xmlns:${p.slice(0, -1)}` : "xmlns"}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>
<${p}row r="1"><${p}c r="A1" t="s"><${p}v>0</${p}v></${p}c><${p}c r="B1" t="s"><${p}v>1</${p}v></${p}c><${p}c r="C1" t="inlineStr"><${p}is><${p}t>Phone</${p}t></${p}is></${p}c><${p}c r="D1" t="inlineStr"><${p}is><${p}t>Score</${p}t></${p}is></${p}c><${p}c r="E1" t="inlineStr"><${p}is><${p}t>Notes</${p}t></${p}is></${p}c></${p}row>
<${p}row r="3"><${p}c r="A3" t="s"><${p}v>2</${p}v></${p}c><${p}c r="B3" s="1"><${p}v>${options.date1904 ? 29690 : 31152}</${p}v></${p}c><${p}c r="C3"><${p}v>33612345678</${p}v></${p}c><${p}c r="D3" s="3"><${p}v>0.30000000000000004</${p}v></${p}c><${p}c r="E3" t="s"><${p}v>3</${p}v></${p}c></${p}row>
<${p}row r="4"><${p}c r="B4" s="2"><${p}v>${options.date1904 ? 29690 : 31152}</${p}v></${p}c><${p}c r="E4" t="b"><${p}v>1</${p}v></${p}c></${p}row>
<${p}row r="5"><${p}c r="A5" t="str"><${p}f>A3&amp;"!"</${p}f><${p}v>Hélène!</${p}v></${p}c><${p}c r="B5" s="5"><${p}v>45000.5</${p}v></${p}c><${p}c r="D5" s="4"><${p}v>12</${p}v></${p}c><${p}c r="E5" t="e"><${p}v>#N/A</${p}v></${p}c><${p}c r="G5" t="s"><${p}v>4</${p}v></${p}c></${p}row>
<${p}row><${p}c t="inlineStr"><${p}is><${p}t>=1+1</${p}t></${p}is></${p}c><${p}c s="0"><${p}v>2</${p}v></${p}c><${p}c s="5"><${p}v>0.75</${p}v></${p}c><${p}c s="1"><${p}v>1</${p}v></${p}c><${p}c r="E6" t="s"><${p}v>5</${p}v></${p}c><${p}c r="F6" s="1"><${p}v>-5</${p}v></${p}c></${p}row>
<${p}row r="7"/>
</${p}sheetData></${p}worksheet>`;
  return zipSync({
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${MAIN} xmlns:r="${REL}"><workbookPr date1904="${options.date1904 ? 1 : 0}"/><sheets><sheet name="Contacts" sheetId="2" r:id="rId2"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/contacts.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `<sst ${MAIN} count="6" uniqueCount="6"><si><t>First name</t></si><si><t>Birthday</t></si><si><r><rPr><b/></rPr><t>Hé</t></r><r><t xml:space="preserve">lène</t></r></si><si><t>Tom &amp; Jerry_x000D_</t></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si/></sst>`,
    ),
    // cellStyleXfs 0 is a date format on purpose: only cellXfs indexes are what a cell's s attribute names.
    "xl/styles.xml": strToU8(
      `<styleSheet ${MAIN}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="&quot;Days: &quot;0_)"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0"/><xf numFmtId="4" xfId="0"/><xf numFmtId="165" xfId="0"/><xf numFmtId="22" xfId="0"/></cellXfs></styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Not this sheet</t></is></c></row></sheetData></worksheet>`,
    ),
    "xl/worksheets/contacts.xml": strToU8(contacts),
  });
}

const EXPECTED = {
  headers: ["First name", "Birthday", "Phone", "Score", "Notes"],
  rows: [
    ["Hélène", "1985-04-15", "33612345678", "0.3", "Tom & Jerry\r"],
    ["", "1985-04-15", "", "", "TRUE"],
    ["Hélène!", "2023-03-15T12:00:00", "", "12", "#N/A", "", "東京"],
    ["=1+1", "2", "18:00:00", "1900-01-01", "", "-5"],
  ],
};

describe("readXlsx", () => {
  it("reads the first tab: shared, rich and inline strings, numbers, booleans, dates, sparse cells", () => {
    // Row 2 is blank and row 6 has no r attributes; D5's format quotes "Days" and is no date; F6 is no day Excel shows.
    expect(readXlsx(workbook())).toEqual(EXPECTED);
  });

  it("reads prefixed elements and the 1904 date system", () => {
    expect(readXlsx(workbook({ prefix: "x:", date1904: true })).rows[0]?.[1]).toBe("1985-04-15");
    expect(readXlsx(workbook({ prefix: "x:" })).headers).toEqual(EXPECTED.headers);
  });

  it("refuses files that are not xlsx workbooks", () => {
    expect(() => readXlsx(strToU8("First name,Email\n"))).toThrow(XlsxError);
    expect(() => readXlsx(zipSync({ "word/document.xml": strToU8("<document/>") }))).toThrow(
      /workbook\.xml is missing/,
    );
  });

  it("refuses a zip whose entries claim more than the size cap, before inflating them", () => {
    const bomb = workbook();
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    // Every central-directory entry claims 150 MB: the two parts read first already pass the cap.
    for (let offset = 0; offset + 46 <= bomb.length; offset++) {
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, 150 * 1024 * 1024, true);
    }
    expect(() => readXlsx(bomb)).toThrow(
      new XlsxError(`The workbook unpacks to more than ${MAX_UNCOMPRESSED_BYTES} bytes`),
    );
  });

  it("refuses a sheet that asks for more cells than the limit", () => {
    const rows = Array.from(
      { length: 1300 },
      (_, row) => `<row r="${row + 1}"><c r="XFD${row + 1}" t="inlineStr"><is><t>x</t></is></c></row>`,
    );
    const bytes = zipSync({
      "xl/workbook.xml": strToU8(
        `<workbook ${MAIN} xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${MAIN}><sheetData>${rows.join("")}</sheetData></worksheet>`),
    });
    expect(() => readXlsx(bytes)).toThrow(/Too large/);
  });
});
