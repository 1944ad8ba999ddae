import { describe, expect, it } from "vitest";
import { joinDottedInitials } from "./initials.ts";

describe("joinDottedInitials", () => {
  it("joins dotted initials, with or without the last dot", () => {
    expect(joinDottedInitials("ACME S.A.R.L.")).toBe("ACME SARL");
    expect(joinDottedInitials("U.S.A")).toBe("USA");
    expect(joinDottedInitials("B.P. 12")).toBe("BP 12");
    expect(joinDottedInitials("Fiat S.p.A.")).toBe("Fiat SpA");
    expect(joinDottedInitials("É.-U.")).toBe("É.-U.");
  });

  it("leaves abbreviations and initials of names alone", () => {
    expect(joinDottedInitials("M. Dupont")).toBe("M. Dupont");
    expect(joinDottedInitials("Acme Co.")).toBe("Acme Co.");
    expect(joinDottedInitials("J.-P. Sartre")).toBe("J.-P. Sartre");
    expect(joinDottedInitials("St.Étienne")).toBe("St.Étienne");
    expect(joinDottedInitials("v1.2.3")).toBe("v1.2.3");
  });
});
