import { proposeMapping } from "@rapport/shared/import";
import { describe, expect, it } from "vitest";
import { checkCells, checkShape } from "./check-sheet.ts";
import { isDateFormat, isoDateFromSerial, serialFromIsoDate } from "./excel-dates.ts";
import { parseDateCell, parseNumberCell } from "./parse-cells.ts";
import { cellAsText } from "./read-cells.ts";
import { accountColumns, contactColumns } from "./record-columns.ts";
import { cellToWrite } from "./write-cells.ts";

describe("a pulled sheet's headers", () => {
  it.each(["en", "fr"] as const)("are read back by the import's column mapping (%s)", (language) => {
    const columns = contactColumns(language);
    const mapping = proposeMapping(columns.map((c) => c.header[language]));
    expect(mapping).toEqual([
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
      "postcode",
      "city",
      "region",
      "country",
      "birthDate",
      "tags",
      "source",
      null,
      null,
    ]);
  });

  it("hide the id and version only", () => {
    expect(
      contactColumns("en")
        .filter((c) => c.hidden)
        .map((c) => c.key),
    ).toEqual(["id", "version"]);
    expect(
      accountColumns()
        .filter((c) => c.hidden)
        .map((c) => c.key),
    ).toEqual(["id", "version"]);
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
