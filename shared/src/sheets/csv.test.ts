import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";

describe("CSV files", () => {
  it("open in Excel with accents, and nothing a customer typed becomes a formula", () => {
    const csv = toCsv([
      ["Nom", "Téléphone", "Note", "Total"],
      ["Hélène Lefèvre", "+33 6 12 34 56 78", '=HYPERLINK("http://x","clic")', 42.5],
      ["@risk", "-1", "\tcmd", null],
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Nom,Téléphone,Note,Total",
      `Hélène Lefèvre,'+33 6 12 34 56 78,"'=HYPERLINK(""http://x"",""clic"")",42.5`,
      "'@risk,'-1,'\tcmd,",
      "",
    ]);
  });

  it("quotes separators, quotes and line breaks, with the separator French Excel expects", () => {
    expect(toCsv([["a;b", "1,5", 'dit "oui"', "deux\nlignes"]], ";").slice(1)).toBe(
      '"a;b";1,5;"dit ""oui""";"deux\nlignes"\r\n',
    );
  });
});
