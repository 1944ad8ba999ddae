import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countryCode, countryNameFr } from "./countries.ts";

describe("countryCode", () => {
  it.each([
    ["France", "FR"],
    ["FRANCE", "FR"],
    ["fr", "FR"],
    [" Fr ", "FR"],
    ["FRA", "FR"],
    ["Royaume-Uni", "GB"],
    ["royaume uni", "GB"],
    ["United Kingdom", "GB"],
    ["UK", "GB"],
    ["U.K.", "GB"],
    ["England", "GB"],
    ["USA", "US"],
    ["U.S.A.", "US"],
    ["United States of America", "US"],
    ["États-Unis", "US"],
    ["Etats Unis", "US"],
    ["Deutschland", "DE"],
    ["Allemagne", "DE"],
    ["Australia", "AU"],
    ["Belgique", "BE"],
    ["België", "BE"],
    ["Suisse", "CH"],
    ["Schweiz", "CH"],
    ["Espagne", "ES"],
    ["España", "ES"],
    ["Italie", "IT"],
    ["Pays-Bas", "NL"],
    ["Netherlands", "NL"],
    ["The Netherlands", "NL"],
    ["Holland", "NL"],
    ["Canada", "CA"],
    ["Luxembourg", "LU"],
    ["Portugal", "PT"],
    ["l'Italie", "IT"],
    ["Côte d'Ivoire", "CI"],
    ["Cote d Ivoire", "CI"],
    ["Corée du Sud", "KR"],
    ["RDC", "CD"],
    ["La Réunion", "RE"],
    ["Réunion", "RE"],
    ["Émirats arabes unis", "AE"],
    ["Türkiye", "TR"],
    ["bt", "BT"],
  ])("reads %s as %s", (text, code) => {
    expect(countryCode(text)).toBe(code);
  });

  it("is null for what is no country", () => {
    expect(countryCode("")).toBeNull();
    expect(countryCode("XX")).toBeNull();
    expect(countryCode("Atlantis")).toBeNull();
    expect(countryCode("Paris")).toBeNull();
  });

  it("knows at least 60 countries by their French name, and reads each back", () => {
    const known = [
      ..."AD AE AL AR AT AU BA BE BF BG BJ BR BY CA CD CG CH CI CL CM CN CO CU CY CZ DE DK DZ EE EG ES ET FI FR GA GB GF GN GP GR HK HR HT HU ID IE IL IN IS IT JP KE KR LB LI LT LU LV MA MC MD ME MG MK ML MQ MT MU MX MY NC NE NG NL NO NZ PE PF PH PL PM PT QA RE RO RS RU SA SE SG SI SK SM SN TD TG TH TN TR TW UA US UY VA VE VN YT ZA".split(
        " ",
      ),
    ];
    expect(known.length).toBeGreaterThanOrEqual(60);
    for (const code of known) {
      const name = countryNameFr(code);
      expect(name, code).not.toBeNull();
      expect(countryCode(name ?? ""), code).toBe(code);
      expect(countryCode(code.toLowerCase())).toBe(code);
    }
  });

  it("ignores case and accents", () => {
    const name = fc.constantFrom("Royaume-Uni", "États-Unis", "Allemagne", "Pays-Bas", "Côte d'Ivoire", "Suède");
    fc.assert(
      fc.property(name, fc.boolean(), (text, upper) => {
        const typed = upper ? text.toUpperCase() : text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
        expect(countryCode(typed)).toBe(countryCode(text));
      }),
    );
  });
});

describe("countryNameFr", () => {
  it("names a country in French from its code", () => {
    expect(countryNameFr("DE")).toBe("Allemagne");
    expect(countryNameFr("gb")).toBe("Royaume-Uni");
    expect(countryNameFr("US")).toBe("États-Unis");
    expect(countryNameFr("ZZ")).toBeNull();
  });
});
