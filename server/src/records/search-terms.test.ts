import { describe, expect, it } from "vitest";
import { afterPrefix, queryTerms, searchTerms } from "./search-terms.ts";

describe("search terms", () => {
  it("indexes name words, whole addresses, local parts and domains, folded", () => {
    expect(searchTerms(["Hélène", "Lefèvre-Dupont"], ["H.Lefevre@Acme.fr"])).toEqual([
      "helene",
      "lefevre",
      "dupont",
      "h.lefevre@acme.fr",
      "h.lefevre",
      "acme.fr",
    ]);
    expect(searchTerms(["Crème & Café SARL"], ["creme-cafe.fr"])).toEqual(["creme", "cafe", "sarl", "creme-cafe.fr"]);
    expect(searchTerms([null, "  "])).toEqual([]);
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
