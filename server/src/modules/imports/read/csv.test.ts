import { describe, expect, it } from "vitest";
import { CsvError, parseCsv } from "./csv.ts";

describe("parseCsv", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    const text = 'Name,Notes,City\r\n"Doe, Jane","She said ""hi""\r\nthen left",Paris\r\n';
    expect(parseCsv(text)).toEqual({
      headers: ["Name", "Notes", "City"],
      rows: [["Doe, Jane", 'She said "hi"\r\nthen left', "Paris"]],
      delimiter: ",",
    });
  });

  it("reads CRLF, LF and lone CR line endings, without a final newline", () => {
    for (const newline of ["\r\n", "\n", "\r"]) {
      expect(parseCsv(["a,b", "1,2", "3,4"].join(newline)).rows).toEqual([
        ["1", "2"],
        ["3", "4"],
      ]);
    }
  });

  it("skips blank lines, also at the start and the end", () => {
    expect(parseCsv("\n\na,b\n\n1,2\n   \n\r\n3,4\n\n")).toMatchObject({
      headers: ["a", "b"],
      rows: [
        ["1", "2"],
        ["3", "4"],
      ],
    });
    expect(parseCsv("")).toEqual({ headers: [], rows: [], delimiter: "," });
  });

  it("sniffs the delimiter from the header line, outside quotes", () => {
    expect(parseCsv("Nom;Prénom;Ville\nDoe;Jane;Paris").delimiter).toBe(";");
    expect(parseCsv("a\tb\tc\n1\t2\t3").rows).toEqual([["1", "2", "3"]]);
    expect(parseCsv("a|b\n1|2").delimiter).toBe("|");
    expect(parseCsv('"a;b;c",d\n1,2').headers).toEqual(["a;b;c", "d"]);
    expect(parseCsv("Name\nJane").delimiter).toBe(",");
  });

  it("follows Excel's sep= line and an explicit delimiter", () => {
    expect(parseCsv("sep=;\r\na,b;c\r\n1,5;2")).toEqual({
      headers: ["a,b", "c"],
      rows: [["1,5", "2"]],
      delimiter: ";",
    });
    expect(parseCsv("a;b,c\n1;2,3", { delimiter: "," }).rows).toEqual([["1;2", "3"]]);
    expect(() => parseCsv("a,b", { delimiter: '"' })).toThrow(CsvError);
  });

  it("drops the spaces around unquoted values but keeps quoted ones whole", () => {
    const febrl = "rec_id, given_name, surname\nrec-1-org, jane , doe\nrec-2-org, , smith";
    expect(parseCsv(febrl)).toMatchObject({
      headers: ["rec_id", "given_name", "surname"],
      rows: [
        ["rec-1-org", "jane", "doe"],
        ["rec-2-org", "", "smith"],
      ],
    });
    expect(parseCsv('a,b\n" padded ", "quoted after space"').rows).toEqual([[" padded ", "quoted after space"]]);
  });

  it("keeps text after a closing quote, as Excel does", () => {
    expect(parseCsv('a,b\n"Smith" Jr,"x" \n').rows).toEqual([["Smith Jr", "x"]]);
  });

  it("pads short rows and keeps long ones", () => {
    expect(parseCsv("a,b,c\n1\n1,2,3,4,5\n1,2,").rows).toEqual([
      ["1", "", ""],
      ["1", "2", "3", "4", "5"],
      ["1", "2", ""],
    ]);
  });

  it("keeps formula-looking cells exactly as written", () => {
    const cells = ["=1+1", "+33 6 12 34 56 78", "-5", "@SUM(A1)", '=HYPERLINK("http://evil")'];
    const text = `a,b,c,d,e\n${cells.slice(0, 4).join(",")},"=HYPERLINK(""http://evil"")"`;
    expect(parseCsv(text).rows).toEqual([cells]);
  });

  it("reads 1,000 columns", () => {
    const headers = Array.from({ length: 1000 }, (_, index) => `Column ${index}`);
    const row = headers.map((_, index) => String(index));
    const table = parseCsv(`${headers.join(",")}\n${row.join(",")}\n`);
    expect(table.headers).toEqual(headers);
    expect(table.rows).toEqual([row]);
  });

  it("reads 100,000 rows of 12 columns", () => {
    const lines = ["h0,h1,h2,h3,h4,h5,h6,h7,h8,h9,h10,h11"];
    for (let row = 0; row < 100_000; row++) lines.push(`r${row},"Doe, J",c,d,e,f,g,h,i,j,k,last${row}`);
    const table = parseCsv(lines.join("\r\n"));
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]).toEqual(["r99999", "Doe, J", "c", "d", "e", "f", "g", "h", "i", "j", "k", "last99999"]);
  });

  it("removes a BOM left in the text", () => {
    expect(parseCsv("\uFEFFEmail\nx@y.fr").headers).toEqual(["Email"]);
  });

  it("names the line where an unterminated quote starts", () => {
    const text = 'a,b\n"multi\nline",ok\n1,"never closed\n2,3\n';
    const error = (() => {
      try {
        parseCsv(text);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(CsvError);
    expect(error).toMatchObject({ line: 4, message: "Unterminated quoted field starting on line 4" });
  });

  it("refuses a table that padding would blow up", () => {
    // 100 KB of header commas over 200 one-letter lines asks for 20 million cells.
    const text = `${",".repeat(100_000)}\n${"x\n".repeat(200)}`;
    expect(() => parseCsv(text)).toThrow(/Too large/);
  });
});
