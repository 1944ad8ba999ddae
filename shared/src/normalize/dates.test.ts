import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dateParts, parseDate } from "./dates.ts";

describe("parseDate", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-15T12:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["19081209", "1908-12-09"],
    ["1980-03-12", "1980-03-12"],
    ["1980/03/12", "1980-03-12"],
    ["1980-3-2", "1980-03-02"],
    ["2023-05-01T23:30:00-05:00", "2023-05-01"],
    ["2023-05-01T00:00:00.000Z", "2023-05-01"],
    ["1980-03-12 00:00:00", "1980-03-12"],
    ["12/03/1980", "1980-03-12"],
    ["12-03-1980", "1980-03-12"],
    ["12.03.1980", "1980-03-12"],
    ["2/3/1980", "1980-03-02"],
    ["12/03/1980 14:30", "1980-03-12"],
    ["12 mars 1980", "1980-03-12"],
    ["1er février 2001", "2001-02-01"],
    ["1er fevrier 2001", "2001-02-01"],
    ["lundi 12 mars 1980", "1980-03-12"],
    ["le 14 juillet 1789", "1789-07-14"],
    ["15 août 1969", "1969-08-15"],
    ["3 déc. 2020", "2020-12-03"],
    ["March 12, 1980", "1980-03-12"],
    ["March 12th, 1980", "1980-03-12"],
    ["Wednesday, March 12, 1980", "1980-03-12"],
    ["12 Mar 1980", "1980-03-12"],
    ["12-Mar-1980", "1980-03-12"],
    ["1st September 2001", "2001-09-01"],
    ["1980 March 12", "1980-03-12"],
    ["29/02/2024", "2024-02-29"],
    ["29 février 2000", "2000-02-29"],
    ["  ２０２３-０１-０２ ", "2023-01-02"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    "2023-02-30",
    "2023-13-01",
    "31/04/2023",
    "29/02/2023",
    "29 février 1900",
    "00/01/2020",
    "0000-01-01",
    "mars 1980",
    "12 mars",
    "32 mars 1980",
    "12 foo 1980",
    "12/03-1980",
    "1980-03-12 tea time",
    "25569",
    "",
    "not a date",
  ])("rejects %s", (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it("reads ambiguous numeric dates day first unless told otherwise", () => {
    expect(parseDate("03/04/1980")).toBe("1980-04-03");
    expect(parseDate("03/04/1980", { dayFirst: true })).toBe("1980-04-03");
    expect(parseDate("03/04/1980", { dayFirst: false })).toBe("1980-03-04");
    expect(parseDate("04-03-1980", { dayFirst: false })).toBe("1980-04-03");
  });

  it("reads unambiguous numeric dates the only way they can be read", () => {
    expect(parseDate("13/02/1980", { dayFirst: false })).toBe("1980-02-13");
    expect(parseDate("02/13/1980", { dayFirst: true })).toBe("1980-02-13");
    expect(parseDate("13/13/1980")).toBeNull();
  });

  it("keeps dotted dates day first, as only day-first countries write them", () => {
    expect(parseDate("03.04.1980", { dayFirst: false })).toBe("1980-04-03");
  });

  it("puts two-digit years in this century up to this year, in the last one after", () => {
    expect(parseDate("12/03/26")).toBe("2026-03-12");
    expect(parseDate("12/03/00")).toBe("2000-03-12");
    expect(parseDate("12/03/27")).toBe("1927-03-12");
    expect(parseDate("12/03/80")).toBe("1980-03-12");
    expect(parseDate("12 mars 45")).toBe("1945-03-12");
  });

  it("reads Excel serial days only when asked", () => {
    const serial = { excelSerial: true };
    expect(parseDate("25569", serial)).toBe("1970-01-01");
    expect(parseDate("44927", serial)).toBe("2023-01-01");
    expect(parseDate("29221.75", serial)).toBe("1980-01-01");
    expect(parseDate("1", serial)).toBe("1900-01-01");
    expect(parseDate("59", serial)).toBe("1900-02-28");
    expect(parseDate("60", serial)).toBeNull();
    expect(parseDate("61", serial)).toBe("1900-03-01");
    expect(parseDate("2958465", serial)).toBe("9999-12-31");
    expect(parseDate("0", serial)).toBeNull();
    // Eight digits are a compact date, which no serial reaches.
    expect(parseDate("19800312", serial)).toBe("1980-03-12");
  });

  it("reads every real date in every written form, and its own output back", () => {
    const day = fc.date({
      min: new Date("1000-01-01T00:00:00Z"),
      max: new Date("9999-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    const frenchMonths = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(
      " ",
    );
    const englishMonths = "January February March April May June July August September October November December".split(
      " ",
    );
    fc.assert(
      fc.property(day, (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split("-");
        const month = Number(m) - 1;
        expect(parseDate(iso)).toBe(iso);
        expect(parseDate(`${y}${m}${d}`)).toBe(iso);
        expect(parseDate(`${d}/${m}/${y}`)).toBe(iso);
        expect(parseDate(`${m}/${d}/${y}`, { dayFirst: false })).toBe(iso);
        expect(parseDate(`${Number(d)} ${frenchMonths[month]} ${y}`)).toBe(iso);
        expect(parseDate(`${englishMonths[month]} ${Number(d)}, ${y}`)).toBe(iso);
        expect(dateParts(iso)).toEqual({ year: Number(y), month: month + 1, day: Number(d) });
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const iso = parseDate(text);
        if (iso !== null) expect(parseDate(iso)).toBe(iso);
      }),
    );
  });
});

describe("dateParts", () => {
  it("splits a real ISO date, and only that", () => {
    expect(dateParts("1980-03-12")).toEqual({ year: 1980, month: 3, day: 12 });
    expect(dateParts("2023-02-30")).toBeNull();
    expect(dateParts("12/03/1980")).toBeNull();
    expect(dateParts("1980-3-12")).toBeNull();
  });
});
