import type { ImportRow } from "../import/import-row.ts";
import { type CountryCode, foldText, normalizeEmail, normalizePhone } from "../normalize/index.ts";
import type { MatchRecord } from "./match-record.ts";

// TEMPORARY stand-ins until shared/src/normalize grows names/dates/company helpers.
function nameKey(text: string): string {
  return foldText(text.replace(/['’]/g, "").replace(/[^\p{L}\p{N}]+/gu, " "));
}
function phoneticKey(text: string): string {
  const s = nameKey(text).replace(/[^a-z]/g, "");
  if (!s) return "";
  const codes: Record<string, string> = {
    b: "1",
    f: "1",
    p: "1",
    v: "1",
    c: "2",
    g: "2",
    j: "2",
    k: "2",
    q: "2",
    s: "2",
    x: "2",
    z: "2",
    d: "3",
    t: "3",
    l: "4",
    m: "5",
    n: "5",
    r: "6",
  };
  let out = s[0]!;
  let last = codes[s[0]!] ?? "";
  for (const ch of s.slice(1)) {
    const code = codes[ch] ?? "";
    if (code && code !== last) out += code;
    if (ch !== "h" && ch !== "w") last = code;
  }
  return (out + "000").slice(0, 4);
}

export interface PrepareOptions {
  defaultCountry: CountryCode;
}

function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  const folded = foldText(value);
  return folded === "" ? null : folded;
}

/** Turns an import row into the engine's comparison form. */
export function prepareRecord(row: ImportRow, options: PrepareOptions): MatchRecord {
  const firstName = row.firstName ? nameKey(row.firstName) || null : null;
  const lastName = row.lastName ? nameKey(row.lastName) || null : null;
  const emails = (row.email ?? []).map(normalizeEmail).filter((email) => email.includes("@"));
  const phones = (row.phone ?? [])
    .map((phone) => normalizePhone(phone, options.defaultCountry))
    .filter((phone): phone is string => phone !== null);
  const birthDigits = row.birthDate?.replace(/\D/g, "") ?? "";
  const lines = (row.street ?? []).map(foldText).filter((line) => line !== "");
  return {
    firstName,
    lastName,
    emails: [...new Set(emails)],
    phones: [...new Set(phones)],
    birthDate: birthDigits.length >= 6 ? birthDigits : null,
    nationalId: row.nationalId ? row.nationalId.replace(/[^\p{L}\p{N}]/gu, "").toUpperCase() || null : null,
    streetNumber: text(row.streetNumber),
    street: lines[0] ?? null,
    locality: lines.length > 1 ? lines.slice(1).join(" ") : null,
    postcode: row.postcode ? row.postcode.replace(/\s+/g, "").toUpperCase() || null : null,
    city: text(row.city),
    region: text(row.region),
    company: text(row.company),
    firstNameCode: firstName ? phoneticKey(firstName) : "",
    lastNameCode: lastName ? phoneticKey(lastName) : "",
  };
}
