import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { companyKey, websiteDomain } from "./company.ts";

describe("companyKey", () => {
  it("gives a firm one key with or without its legal form", () => {
    expect(companyKey("ACME S.A.")).toBe(companyKey("Acme"));
    expect(companyKey("Acme SAS")).toBe("acme");
    expect(companyKey("SARL Dupont")).toBe("dupont");
    expect(companyKey("Dupont S.A.R.L.")).toBe("dupont");
    expect(companyKey("Dupont & Cie")).toBe("dupont");
    expect(companyKey("Dupont et Cie")).toBe("dupont");
    expect(companyKey("Boulangerie Martin EURL")).toBe("boulangerie martin");
    expect(companyKey("SCI Les Tilleuls")).toBe("les tilleuls");
    expect(companyKey("Siemens AG")).toBe("siemens");
    expect(companyKey("Acme GmbH & Co. KG")).toBe("acme");
    expect(companyKey("Acme Ltd.")).toBe("acme");
    expect(companyKey("Acme Limited")).toBe("acme");
    expect(companyKey("Acme, Inc.")).toBe("acme");
    expect(companyKey("Acme Corp")).toBe("acme");
    expect(companyKey("Acme LLC")).toBe("acme");
    expect(companyKey("Tesco PLC")).toBe("tesco");
    expect(companyKey("Acme Co., Ltd.")).toBe("acme");
    expect(companyKey("Acme Pty Ltd")).toBe("acme");
    expect(companyKey("Philips N.V.")).toBe("philips");
    expect(companyKey("Fiat S.p.A.")).toBe("fiat");
    expect(companyKey("Volvo AB")).toBe("volvo");
    expect(companyKey("AB Volvo")).toBe("volvo");
    expect(companyKey("Nokia Oyj")).toBe("nokia");
    expect(companyKey("Acme sp. z o.o.")).toBe("acme");
  });

  it("folds accents, case and punctuation", () => {
    expect(companyKey("L'Oréal S.A.")).toBe("loreal");
    expect(companyKey("Société Générale")).toBe("societe generale");
    expect(companyKey("  Crédit   Agricole ")).toBe("credit agricole");
    expect(companyKey("Marks & Spencer plc")).toBe("marks spencer");
  });

  it("keeps articles and words that only look like legal forms inside a name", () => {
    expect(companyKey("The Coca-Cola Company")).toBe("the coca cola");
    expect(companyKey("Les Échos SA")).toBe("les echos");
    expect(companyKey("La Poste")).toBe("la poste");
    expect(companyKey("Le Bon Marché")).toBe("le bon marche");
    expect(companyKey("Co-op")).toBe("co op");
    expect(companyKey("Company of Biologists Ltd")).toBe("company of biologists");
    expect(companyKey("Banque SA Conseil")).toBe("banque sa conseil");
  });

  it("keeps a name made only of legal forms", () => {
    expect(companyKey("SA")).toBe("sa");
    expect(companyKey("Co. Ltd")).toBe("co");
    expect(companyKey("")).toBe("");
  });

  it("is idempotent", () => {
    const word = fc.constantFrom(
      "Acme",
      "Dupont",
      "The",
      "Les",
      "SA",
      "S.A.R.L.",
      "GmbH",
      "Co.",
      "&",
      "et",
      "Cie",
      "Ltd",
      "Pty",
      "AB",
    );
    const name = fc.oneof(
      fc.array(word, { maxLength: 6 }).map((words) => words.join(" ")),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(name, (text) => {
        const key = companyKey(text);
        expect(companyKey(key)).toBe(key);
      }),
    );
  });
});

describe("websiteDomain", () => {
  it("reads the host of a website however it was typed", () => {
    expect(websiteDomain("https://www.acme.fr/contact")).toBe("acme.fr");
    expect(websiteDomain("http://WWW.ACME.FR")).toBe("acme.fr");
    expect(websiteDomain("www.acme.fr")).toBe("acme.fr");
    expect(websiteDomain("acme.co.uk/about?x=1")).toBe("acme.co.uk");
    expect(websiteDomain("//shop.acme.com:8080/")).toBe("shop.acme.com");
    expect(websiteDomain(" https://www2.acme.de ")).toBe("acme.de");
    expect(websiteDomain("https://café.fr")).toBe("xn--caf-dma.fr");
  });

  it("is null when the text names no domain", () => {
    expect(websiteDomain("")).toBeNull();
    expect(websiteDomain("jane@acme.fr")).toBeNull();
    expect(websiteDomain("mailto:jane@acme.fr")).toBeNull();
    expect(websiteDomain("http://192.168.1.10/admin")).toBeNull();
    expect(websiteDomain("localhost:3000")).toBeNull();
    expect(websiteDomain("http://[::1]/")).toBeNull();
    expect(websiteDomain("see our website")).toBeNull();
    expect(websiteDomain("n/a")).toBeNull();
  });
});
