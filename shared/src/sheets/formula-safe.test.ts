import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asSheetText, fromSheetText, startsLikeFormula } from "./formula-safe.ts";

describe("formula-safe sheet text", () => {
  it.each(["=1+1", "+33 6 12", "-2", "@SUM(A1)", "\tx", "\r=cmd"])("escapes %j", (text) => {
    expect(startsLikeFormula(text)).toBe(true);
    expect(asSheetText(text)).toBe(`'${text}`);
  });

  it.each(["Hélène", "", "a=b", " =1", "it's"])("leaves %j alone", (text) => {
    expect(asSheetText(text)).toBe(text);
  });

  it("keeps a typed apostrophe", () => {
    expect(asSheetText("'=x")).toBe("''=x");
    expect(fromSheetText("''=x")).toBe("'=x");
  });

  it("round-trips any text", () => {
    const text = fc.oneof(
      fc.string(),
      fc.string().map((s) => `'${s}`),
      fc.string().map((s) => `=${s}`),
    );
    fc.assert(fc.property(text, (t) => fromSheetText(asSheetText(t)) === t));
  });
});
