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
import { memo } from "./memo.ts";

export interface PrepareOptions {
  defaultCountry: CountryCode;
}

/** A number already in E.164 (every stored phone): parsing it again cost a third of preparing a contact. */
const E164 = /^\+[1-9]\d{6,14}$/;

const folded = memo((value: string) => foldText(value));
const name = memo((value: string) => {
  const key = nameKey(value) || null;
  return { key, code: key ? phoneticKey(key) : "" };
});
const company = memo((value: string) => companyKey(value) || null);

function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  return folded(value) || null;
}

/** Turns an import row into the engine's comparison form. */
export function prepareRecord(row: ImportRow, options: PrepareOptions): MatchRecord {
  const first = row.firstName ? name(row.firstName) : null;
  const last = row.lastName ? name(row.lastName) : null;
  const emails = (row.email ?? []).map(normalizeEmail).filter((email) => email.includes("@"));
  const phones = (row.phone ?? [])
    .map((phone) => (E164.test(phone) ? phone : normalizePhone(phone, options.defaultCountry)))
    .filter((phone): phone is string => phone !== null);
  const birthDate = row.birthDate ? birthDateKey(row.birthDate) : null;
  const lines = (row.street ?? []).map(folded).filter((line) => line !== "");
  const given = text(row.streetNumber);
  const split = given === null && lines[0] ? houseNumberOf(lines[0]) : null;
  if (split) lines[0] = split.street;
  return {
    firstName: first?.key ?? null,
    lastName: last?.key ?? null,
    emails: [...new Set(emails)],
    phones: [...new Set(phones)],
    birthDate,
    nationalId: row.nationalId ? row.nationalId.replace(/[^\p{L}\p{N}]/gu, "").toUpperCase() || null : null,
    streetNumber: given ?? split?.number ?? null,
    street: lines[0] ?? null,
    locality: lines.length > 1 ? lines.slice(1).join(" ") : null,
    postcode: row.postcode ? row.postcode.replace(/\s+/g, "").toUpperCase() || null : null,
    city: text(row.city),
    region: text(row.region),
    company: row.company ? company(row.company) : null,
    firstNameCode: first?.code ?? "",
    lastNameCode: last?.code ?? "",
  };
}

/** A house number at the start ("164 rue emile zola", "12 bis ...") or the end ("corso italia 71"). */
const NUMBER_FIRST = /^(\d{1,5}(?: ?(?:bis|ter|[a-z]))?)\b[ ,]*(.+)$/;
const NUMBER_LAST = /^(.*\D)[ ,]+(\d{1,5}[a-z]?)$/;

/**
 * The house number of an address line that carries it (most do, when a file has no number
 * column), and the street without it: "164 rue emile zola" and "rue emile zola 164" are then one
 * street, and the number compares (and blocks) on its own, as a file with a number column does.
 */
function houseNumberOf(line: string): { number: string; street: string } | null {
  const first = NUMBER_FIRST.exec(line);
  if (first) return { number: first[1]!.replace(/ /g, ""), street: first[2]! };
  const last = NUMBER_LAST.exec(line);
  return last ? { number: last[2]!, street: last[1]!.trim() } : null;
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
