import type { ImportRow } from "../import/import-row.ts";
import {
  type CountryCode,
  companyKey,
  foldText,
  nameKey,
  normalizeEmail,
  normalizePhone,
  parseDate,
  phoneticKey,
} from "../normalize/index.ts";
import type { MatchRecord } from "./match-record.ts";

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
  const birthDate = row.birthDate ? birthDateKey(row.birthDate) : null;
  const lines = (row.street ?? []).map(foldText).filter((line) => line !== "");
  return {
    firstName,
    lastName,
    emails: [...new Set(emails)],
    phones: [...new Set(phones)],
    birthDate,
    nationalId: row.nationalId ? row.nationalId.replace(/[^\p{L}\p{N}]/gu, "").toUpperCase() || null : null,
    streetNumber: text(row.streetNumber),
    street: lines[0] ?? null,
    locality: lines.length > 1 ? lines.slice(1).join(" ") : null,
    postcode: row.postcode ? row.postcode.replace(/\s+/g, "").toUpperCase() || null : null,
    city: text(row.city),
    region: text(row.region),
    company: row.company ? companyKey(row.company) || null : null,
    firstNameCode: firstName ? phoneticKey(firstName) : "",
    lastNameCode: lastName ? phoneticKey(lastName) : "",
  };
}

/**
 * A date of birth as YYYYMMDD when it reads as a date; otherwise its digits as typed, so a date
 * corrupted by a typo ("19810231") still compares one edit away from the true one.
 */
function birthDateKey(text: string): string | null {
  const iso = parseDate(text);
  if (iso) return iso.replaceAll("-", "");
  const digits = text.replace(/\D/g, "");
  return digits.length >= 6 ? digits : null;
}
