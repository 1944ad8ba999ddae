import { describe, expect, it } from "vitest";
import { afterPrefix, contactSearchTerms, queryTerms, searchTerms } from "./search-terms.ts";

describe("search terms", () => {
  it("indexes name words and whole domains, folded", () => {
    expect(searchTerms(["Crème & Café SARL"], ["Creme-Cafe.fr"])).toEqual(["creme", "cafe", "sarl", "creme-cafe.fr"]);
    expect(searchTerms([null, "  "])).toEqual([]);
  });

  it("gives a contact its name words and its addresses' domains", () => {
    expect(contactSearchTerms(["Hélène", "Lefèvre-Dupont"], ["H.Lefevre@Acme.fr"])).toEqual([
      "helene",
      "lefevre",
      "dupont",
      "acme.fr",
    ]);
    expect(contactSearchTerms([null], [])).toEqual([]);
  });

  it("reads a query as words, or whole addresses and domains", () => {
    expect(queryTerms("  HÉLÈNE   lef ")).toEqual(["helene", "lef"]);
    expect(queryTerms("jean-pierre")).toEqual(["jean", "pierre"]);
    expect(queryTerms("j.bezier@acme")).toEqual(["j.bezier@acme"]);
    expect(queryTerms("acme.fr")).toEqual(["acme.fr"]);
  });

  it("bounds a prefix range above every term that starts with the prefix", () => {
    for (const term of ["hel", "helene", "helz", "hel-x", "helřž"]) expect(term < afterPrefix("hel")).toBe(true);
    expect("hem" < afterPrefix("hel")).toBe(false);
  });
});
