import { proposeMapping } from "@rapport/shared/import";
import { describe, expect, it } from "vitest";
import { checkCells, checkShape } from "./check-sheet.ts";
import { isDateFormat, isoDateFromSerial, serialFromIsoDate } from "./excel-dates.ts";
import { parseDateCell, parseNumberCell } from "./parse-cells.ts";
import { cellIndexes, pulledCell, pulledRows } from "./pulled-cells.ts";
import { cellAsText } from "./read-cells.ts";
import { columnForHeader, segmentColumns } from "./segment-columns.ts";
import { cellToWrite } from "./write-cells.ts";

describe("a pulled sheet's headers", () => {
  const readOnly = new Set(["emailConsent", "doNotContact"]);

  it.each([
    ["contacts", "en"],
    ["contacts", "fr"],
    ["accounts", "en"],
    ["accounts", "fr"],
  ] as const)(
    "are read back by the import's column mapping as the fields they came from (%s, %s)",
    (entity, language) => {
      const columns = segmentColumns(entity);
      const mapping = proposeMapping(columns.map((c) => c.header[language]));
      // Each header maps to the server's field it shows; the read-only ones to nothing.
      expect(mapping).toEqual(columns.map((c) => (readOnly.has(c.field) ? null : c.field)));
    },
  );

  it("show every column the server sends, in its order, each occurrence once", () => {
    const contacts = segmentColumns("contacts");
    expect(contacts.map((c) => c.field)).toEqual([
      "id",
      "version",
      "civility",
      "firstName",
      "lastName",
      "email",
      "email",
      "phone",
      "phone",
      "jobTitle",
      "company",
      "street",
      "street",
      "street",
      "postcode",
      "city",
      "region",
      "country",
      "birthDate",
      "tags",
      "source",
      "emailConsent",
      "doNotContact",
    ]);
    expect(segmentColumns("accounts").map((c) => c.field)).toEqual([
      "id",
      "version",
      "company",
      "website",
      "phone",
      "street",
      "street",
      "street",
      "postcode",
      "city",
      "region",
      "country",
      "tags",
      "source",
    ]);
    for (const entity of ["contacts", "accounts"] as const) {
      const columns = segmentColumns(entity);
      const at = cellIndexes(
        columns,
        columns.map((c) => c.field),
      );
      expect(at).toEqual(columns.map((_, i) => i));
      expect(new Set(columns.map((c) => c.header.en)).size).toBe(columns.length);
      expect(new Set(columns.map((c) => c.header.fr)).size).toBe(columns.length);
    }
  });

  it("hide the id and version only", () => {
    for (const entity of ["contacts", "accounts"] as const) {
      expect(
        segmentColumns(entity)
          .filter((c) => c.hidden)
          .map((c) => c.field),
      ).toEqual(["id", "version"]);
    }
  });

  it("are recognised in either language, whatever the case", () => {
    const columns = segmentColumns("contacts");
    expect(columnForHeader(columns, " e-mail 2 ")).toMatchObject({ field: "email", nth: 1 });
    expect(columnForHeader(columns, "Street 3")).toMatchObject({ field: "street", nth: 2 });
    expect(columnForHeader(columns, "Mes notes")).toBeUndefined();
  });
});

describe("a page of sheet rows, as cells", () => {
  const contacts = segmentColumns("contacts");
  const named = (header: string) => {
    const column = columnForHeader(contacts, header);
    if (!column) throw new Error(`no column ${header}`);
    return column;
  };

  it("finds each column by field and occurrence, whatever order the server sends them in", () => {
    const read = pulledRows(
      { columns: ["email", "id", "street", "email", "street"] },
      [named("Email 2"), named("Id"), named("Street 2"), undefined, named("Street 3"), named("Email")],
      "en",
    );
    expect(read(["a@x.fr", "c1", "Bât. B", "b@x.fr ::: c@x.fr", "12 rue de la Paix"])).toEqual([
      "b@x.fr ::: c@x.fr",
      "c1",
      "12 rue de la Paix",
      "",
      // Not sent by the server: empty, never another column's value.
      "",
      "a@x.fr",
    ]);
  });

  it("writes consent in the pane's language, dates as Excel dates, and text that cannot become a formula", () => {
    expect(pulledCell(named("Email consent"), "opted_out", "fr")).toBe("refusé");
    expect(pulledCell(named("Email consent"), "opted_in", "en")).toBe("opted in");
    expect(pulledCell(named("Do not contact"), true, "fr")).toBe("oui");
    expect(pulledCell(named("Do not contact"), false, "en")).toBe("");
    expect(pulledCell(named("Birth date"), "1980-05-12", "en")).toBe(29353);
    expect(pulledCell(named("Birth date"), "1980-05-12T00:00:00.000Z", "en")).toBe(29353);
    expect(pulledCell(named("Phone"), "+33612345678", "en")).toBe("'+33612345678");
    expect(pulledCell(named("Job title"), "=1+1", "en")).toBe("'=1+1");
    expect(pulledCell(named("Version"), 3, "en")).toBe(3);
    expect(pulledCell(named("Company"), null, "en")).toBe("");
  });
});

describe("cells written and read", () => {
  it("writes what a customer typed as text, never as a formula", () => {
    expect(cellToWrite("text", '=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(cellToWrite("text", "+33612345678")).toBe("'+33612345678");
    expect(cellToWrite("text", "@SUM(A1)")).toBe("'@SUM(A1)");
    expect(cellToWrite("text", "-5")).toBe("'-5");
    expect(cellToWrite("amount", 12.5)).toBe(12.5);
  });

  it("reads dates typed as dates, and numbers without exponent or grouping", () => {
    expect(serialFromIsoDate("1980-05-12")).toBe(29353);
    expect(isoDateFromSerial(29353.75)).toBe("1980-05-12");
    expect(cellAsText(29353, { date: true })).toBe("1980-05-12");
    expect(cellAsText(29353, { format: "dd/mm/yyyy" })).toBe("1980-05-12");
    expect(cellAsText(33612345678)).toBe("33612345678");
    expect(cellAsText(19081209, { date: true })).toBe("19081209");
    expect(isDateFormat('0.00 "days"')).toBe(false);
    expect(isDateFormat("mmm yyyy")).toBe(true);
  });

  it("reads numbers and dates stored as text", () => {
    expect(parseNumberCell("12 500")).toBe(12500);
    expect(parseNumberCell("1.200,50 €")).toBe(1200.5);
    expect(parseNumberCell("1,200.50")).toBe(1200.5);
    expect(parseNumberCell("12,5")).toBe(12.5);
    expect(parseNumberCell("35 %")).toBe(35);
    expect(parseNumberCell("12k")).toBeNull();
    expect(parseNumberCell("")).toBe("empty");
    expect(parseDateCell("31/03/2026", true)).toBe("2026-03-31");
    expect(parseDateCell("03/31/2026", false)).toBe("2026-03-31");
    expect(parseDateCell("31/02/2026", true)).toBeNull();
    expect(parseDateCell(46112, true)).toBe("2026-03-31");
  });
});

describe("a sheet checked before a push", () => {
  const origin = { row: 0, column: 0 };

  it("refuses an empty sheet, a header alone, merged cells and 16,384 columns", () => {
    expect(checkShape({ rowCount: 0, columnCount: 0, mergedAreas: [] })).toEqual([{ kind: "empty" }]);
    expect(checkShape({ rowCount: 3, columnCount: 16_384, mergedAreas: ["Sheet1!A2:B2"] })).toEqual([
      { kind: "tooManyColumns", count: 16_384 },
      { kind: "merged", areas: ["Sheet1!A2:B2"] },
    ]);
    expect(checkCells({ origin, headers: ["Email"], rows: [], types: [] }).blocking).toEqual([{ kind: "headerOnly" }]);
    expect(
      checkCells({ origin, headers: ["", ""], rows: [["a", "b"]], types: [["String", "String"]] }).blocking,
    ).toEqual([{ kind: "noHeaders", columns: [] }]);
  });

  it("names the cells holding errors and warns of very long ones", () => {
    const result = checkCells({
      origin: { row: 2, column: 1 },
      headers: ["Name", "Email"],
      rows: [
        ["Ada", "#N/A"],
        ["x".repeat(32_767), "alan@example.org"],
      ],
      types: [
        ["String", "Error"],
        ["String", "String"],
      ],
    });
    expect(result.blocking).toEqual([{ kind: "errors", cells: ["C4"], count: 1 }]);
    expect(result.warnings).toEqual([{ kind: "longCells", cells: ["B5"], count: 1 }]);
  });
});
