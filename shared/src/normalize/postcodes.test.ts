import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidPostcode, normalizePostcode } from "./postcodes.ts";

describe("isValidPostcode", () => {
  it.each([
    ["75001", "FR"],
    ["75 001", "FR"],
    ["01000", "FR"],
    ["20000", "FR"],
    ["97400", "FR"],
    ["98000", "FR"],
    ["F-75001", "FR"],
    ["1000", "BE"],
    ["8001", "CH"],
    ["1010", "AT"],
    ["0800", "DK"],
    ["0150", "NO"],
    ["0800", "AU"],
    ["10115", "DE"],
    ["01067", "DE"],
    ["28013", "ES"],
    ["00184", "IT"],
    ["1012 AB", "NL"],
    ["1012ab", "NL"],
    ["SW1A 1AA", "GB"],
    ["sw1a1aa", "GB"],
    ["EC1A 1BB", "GB"],
    ["M1 1AE", "GB"],
    ["B33 8TH", "GB"],
    ["CR2 6XH", "GB"],
    ["DN55 1PT", "GB"],
    ["GIR 0AA", "GB"],
    ["90210", "US"],
    ["90210-1234", "US"],
    ["K1A 0B1", "CA"],
    ["h2x1y4", "CA"],
    ["1234", "LU"],
    ["L-1234", "LU"],
    ["1000-001", "PT"],
    ["100-0001", "JP"],
    ["12-345", null],
  ])("accepts %s in %s", (postcode, country) => {
    expect(isValidPostcode(postcode, country)).toBe(true);
  });

  it.each([
    ["7500", "FR"],
    ["750011", "FR"],
    ["00100", "FR"],
    ["99000", "FR"],
    ["2A000", "FR"],
    ["0999", "BE"],
    ["12345", "BE"],
    ["00123", "DE"],
    ["53000", "ES"],
    ["0123 AB", "NL"],
    ["1234 SA", "NL"],
    ["1234", "NL"],
    ["SW1A", "GB"],
    ["SW1A 1CA", "GB"],
    ["Q1 1AA", "GB"],
    ["9021", "US"],
    ["90210-12", "US"],
    ["D1A 1A1", "CA"],
    ["12345", "LU"],
    ["1000", "PT"],
    ["x", null],
    ["", null],
    ["12345678901", "JP"],
    ["12_34", null],
  ])("rejects %s in %s", (postcode, country) => {
    expect(isValidPostcode(postcode, country)).toBe(false);
  });
});

describe("normalizePostcode", () => {
  it("writes each country's canonical form", () => {
    expect(normalizePostcode("sw1a1aa", "GB")).toBe("SW1A 1AA");
    expect(normalizePostcode(" ec1a  1bb ", "gb")).toBe("EC1A 1BB");
    expect(normalizePostcode("1234ab", "NL")).toBe("1234 AB");
    expect(normalizePostcode("75 001", "FR")).toBe("75001");
    expect(normalizePostcode("F-75001", "FR")).toBe("75001");
    expect(normalizePostcode("L-1234", "LU")).toBe("1234");
    expect(normalizePostcode("123456789", "US")).toBe("12345-6789");
    expect(normalizePostcode("12345", "US")).toBe("12345");
    expect(normalizePostcode("k1a0b1", "CA")).toBe("K1A 0B1");
    expect(normalizePostcode("1000 001", "PT")).toBe("1000-001");
  });

  it("gives back other codes trimmed, upper case, with single spaces", () => {
    expect(normalizePostcode(" 75o01 ", "FR")).toBe("75O01");
    expect(normalizePostcode("ab  12", null)).toBe("AB 12");
    expect(normalizePostcode("100-0001", "JP")).toBe("100-0001");
  });

  it("is idempotent and keeps a valid code valid", () => {
    const country = fc.constantFrom("FR", "GB", "NL", "US", "CA", "PT", "LU", "DE", "JP", null);
    const postcode = fc.stringMatching(/^[A-Za-z0-9 -]{0,10}$/);
    fc.assert(
      fc.property(postcode, country, (code, where) => {
        const canonical = normalizePostcode(code, where);
        expect(normalizePostcode(canonical, where)).toBe(canonical);
        expect(isValidPostcode(canonical, where)).toBe(isValidPostcode(code, where));
      }),
    );
  });
});
