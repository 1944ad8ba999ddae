import type { ImportRow } from "@rapport/shared/import";
import {
  type CountryCode,
  countryCode,
  extractCivility,
  isValidPostcode,
  normalizeEmail,
  normalizePhone,
  normalizePostcode,
  parseDate,
  splitFullName,
} from "@rapport/shared/normalize";
import { Civility, Email, Id, LIMITS, type PostalAddress } from "@rapport/shared/schemas";
import type { ContactFields } from "../contacts/contacts.repo.ts";
import { uniqueBy } from "../contacts/contacts.service.ts";

/** The contact fields a row brings: only those it fills, so a merge never blanks a value. */
export type RowFields = Partial<
  Pick<
    ContactFields,
    | "civility"
    | "firstName"
    | "lastName"
    | "emails"
    | "phones"
    | "jobTitle"
    | "birthDate"
    | "address"
    | "tags"
    | "source"
  >
>;

export interface PreparedRow {
  fields: RowFields;
  /** The contact the row was pulled from, and the version it was pulled at. */
  id: string | null;
  version: number | null;
  company: string | null;
  /** Why the row cannot be imported as it is, in words a marketer understands. */
  errors: string[];
}

/**
 * What the dry run shows and stores for a row: the fields it brings, and the company it names.
 * The apply writes these fields back (fieldsOfValues), so a row lands as it was reviewed.
 */
export type RowValues = RowFields & { company?: string };

export function rowValues({ fields, company }: PreparedRow): RowValues {
  return { ...fields, ...(company ? { company } : {}) };
}

/** The contact fields of a row's stored values: all but the company, which names no contact field. */
export function fieldsOfValues({ company: _company, ...fields }: RowValues): RowFields {
  return fields;
}

export interface RowOptions {
  defaultCountry: CountryCode;
  dayFirst: boolean;
}

const short = (value: string) => value.slice(0, LIMITS.shortText);

/**
 * Validates and normalises one mapped row. Nothing is thrown: every problem becomes an error
 * message on the row, so the dry run can show all of them at once.
 */
export function rowToContact(row: ImportRow, options: RowOptions): PreparedRow {
  const errors: string[] = [];
  const fields: RowFields = {};
  const country = row.country ? countryCode(row.country) : null;
  if (row.country && !country) errors.push(`country "${row.country}" not recognised`);
  const phoneCountry = (country ?? options.defaultCountry) as CountryCode;

  let { firstName, lastName } = row;
  let civility = row.civility ? extractCivility(row.civility).civility : null;
  if (!firstName && !lastName && row.fullName) {
    const split = splitFullName(row.fullName);
    firstName = split.firstName ?? undefined;
    lastName = split.lastName ?? undefined;
    civility ??= split.civility;
  } else if (firstName && !civility) {
    // "Mme Hélène" typed in the first-name column.
    const extracted = extractCivility(firstName);
    if (extracted.civility && extracted.rest) {
      civility = extracted.civility;
      firstName = extracted.rest;
    }
  }
  if (row.civility && !civility) errors.push(`civility "${row.civility}" not recognised`);
  if (civility && Civility.safeParse(civility).success) fields.civility = civility;
  if (firstName) fields.firstName = short(firstName);
  if (lastName) fields.lastName = short(lastName);

  const emails: string[] = [];
  for (const email of row.email ?? []) {
    if (Email.safeParse(email).success) emails.push(email.trim());
    else errors.push(`email "${email}" not valid`);
  }
  if (emails.length) fields.emails = uniqueBy(emails, normalizeEmail);

  const phones: string[] = [];
  for (const phone of row.phone ?? []) {
    const e164 = normalizePhone(phone, phoneCountry);
    if (e164) phones.push(e164);
    else errors.push(`phone "${phone}" not valid for ${phoneCountry}`);
  }
  if (phones.length) fields.phones = [...new Set(phones)];

  if (row.birthDate) {
    const date = parseDate(row.birthDate, { dayFirst: options.dayFirst });
    if (date) fields.birthDate = date;
    else errors.push(`date of birth "${row.birthDate}" not a date`);
  }
  if (row.jobTitle) fields.jobTitle = short(row.jobTitle);
  if (row.source) fields.source = short(row.source);
  if (row.tags?.length) fields.tags = [...new Set(row.tags.map((tag) => tag.slice(0, 60)))].slice(0, LIMITS.listItems);

  const address = addressOf(row, country, errors);
  if (address) fields.address = address;

  if (!fields.firstName && !fields.lastName && !fields.emails) {
    errors.push("a contact needs a name or an email address");
  }

  let id: string | null = null;
  let version: number | null = null;
  if (row.id) {
    if (Id.safeParse(row.id).success) id = row.id;
    else errors.push(`id "${row.id}" is not a Rapport id`);
  }
  if (row.version) {
    const parsed = Number(row.version);
    if (Number.isInteger(parsed) && parsed > 0) version = parsed;
    else errors.push(`version "${row.version}" is not a version number`);
  }
  return { fields, id, version, company: row.company ? short(row.company) : null, errors };
}

function addressOf(row: ImportRow, country: string | null, errors: string[]): PostalAddress | null {
  const lines = (row.street ?? []).map(short);
  // FEBRL and some exports keep the street number in its own column.
  if (row.streetNumber) lines[0] = lines[0] ? `${row.streetNumber} ${lines[0]}` : row.streetNumber;
  let postcode: string | null = null;
  if (row.postcode) {
    if (isValidPostcode(row.postcode, country)) postcode = normalizePostcode(row.postcode, country);
    else errors.push(`postcode "${row.postcode}" not valid${country ? ` for ${country}` : ""}`);
  }
  const address: PostalAddress = {
    lines: lines.slice(0, 6),
    postcode,
    city: row.city ? short(row.city) : null,
    region: row.region ? short(row.region) : null,
    country,
  };
  const empty = address.lines.length === 0 && !address.postcode && !address.city && !address.region && !country;
  return empty ? null : address;
}
