import { describe, expect, it } from "vitest";
import { emailDomain, foldText, isPersonalEmailDomain, normalizeEmail, normalizePhone } from "./index.ts";

describe("normalisation shared by the add-ins and the server", () => {
  it("folds accents, case and spaces for comparison only", () => {
    expect(foldText("  Hélène   LEFÈVRE ")).toBe("helene lefevre");
    expect(foldText("Łukasz Müller-Żółć")).toBe("łukasz muller-zołc");
    expect(foldText("Ｆｕｌｌｗｉｄｔｈ")).toBe("fullwidth");
  });

  it("matches emails trimmed and lower-cased, keeping plus-tags", () => {
    expect(normalizeEmail(" Jane.Doe+CRM@ACME.fr ")).toBe("jane.doe+crm@acme.fr");
    expect(emailDomain("jane@Sub.Acme.FR")).toBe("sub.acme.fr");
    expect(emailDomain("no-domain@")).toBeNull();
    expect(emailDomain("plain")).toBeNull();
  });

  it("reads phones in the default country unless they carry a prefix", () => {
    expect(normalizePhone("06 12 34 56 78", "FR")).toBe("+33612345678");
    expect(normalizePhone("01.42.68.53.00", "FR")).toBe("+33142685300");
    expect(normalizePhone("+44 20 7946 0958", "FR")).toBe("+442079460958");
    expect(normalizePhone("0044 20 7946 0958", "FR")).toBe("+442079460958");
    expect(normalizePhone("(415) 555-0132", "US")).toBe("+14155550132");
    // "00" then a country code, where the default country dials abroad with another prefix (011).
    expect(normalizePhone("001 646 832 3977", "US")).toBe("+16468323977");
    expect(normalizePhone("00 33 6 12 34 56 78", "US")).toBe("+33612345678");
    expect(normalizePhone("0044 20 7946 0958", "CA")).toBe("+442079460958");
    expect(normalizePhone("00 12", "US")).toBeNull();
    expect(normalizePhone("12", "FR")).toBeNull();
    expect(normalizePhone("not a phone", "FR")).toBeNull();
  });

  it("knows free-mail domains, whatever their case", () => {
    expect(isPersonalEmailDomain("Orange.FR")).toBe(true);
    expect(isPersonalEmailDomain("gmail.com")).toBe(true);
    expect(isPersonalEmailDomain("acme.fr")).toBe(false);
  });
});
