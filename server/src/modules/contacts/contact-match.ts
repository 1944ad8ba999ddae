import { blockingKeys, type ImportRow, type MatchRecord, prepareRecord } from "@rapport/shared/matching";
import type { Contact } from "@rapport/shared/schemas";
import { readJson } from "../../records/json-column.ts";

type MatchedFields = Pick<Contact, "firstName" | "lastName" | "emails" | "phones" | "address" | "birthDate"> & {
  company?: string | null;
};

/**
 * The columns of a contacts row that matching reads, as stored (lists and the address as JSON
 * text), and the name of its account when the read joins it.
 */
export type MatchedColumns = {
  first_name: string | null;
  last_name: string | null;
  emails: string | null;
  phones: string | null;
  address: string | null;
  birth_date: string | null;
  company?: string | null;
};

/** A contacts row's matched fields, for reads of many contacts that skip the record store. */
export function matchedFieldsOfRow(row: MatchedColumns): MatchedFields {
  return {
    firstName: row.first_name,
    lastName: row.last_name,
    emails: readJson<string[]>(row.emails, []),
    phones: readJson<string[]>(row.phones, []),
    address: readJson<Contact["address"]>(row.address, null),
    birthDate: row.birth_date,
    company: row.company ?? null,
  };
}

/** A stored contact in the words of an import row, so both sides go through one preparation. */
export function contactAsRow(contact: MatchedFields): ImportRow {
  const row: ImportRow = { email: contact.emails, phone: contact.phones };
  if (contact.firstName) row.firstName = contact.firstName;
  if (contact.lastName) row.lastName = contact.lastName;
  if (contact.birthDate) row.birthDate = contact.birthDate;
  if (contact.company) row.company = contact.company;
  const address = contact.address;
  if (address) {
    if (address.lines.length) row.street = address.lines;
    if (address.postcode) row.postcode = address.postcode;
    if (address.city) row.city = address.city;
    if (address.region) row.region = address.region;
    if (address.country) row.country = address.country;
  }
  return row;
}

/** Stored phones are E.164 already, so the default country does not matter here. */
export function contactMatchRecord(contact: MatchedFields): MatchRecord {
  return prepareRecord(contactAsRow(contact), { defaultCountry: "FR" });
}

/**
 * The blocking keys stored for a contact (contact_match_keys), and the ones an import probes them
 * with. Emails and phones are left out: contact_emails and contact_phones already index them.
 */
export function storedMatchKeys(record: MatchRecord): string[] {
  return blockingKeys(record).filter((key) => !key.startsWith("e:") && !key.startsWith("p:"));
}

export function contactMatchKeys(contact: MatchedFields): string[] {
  return storedMatchKeys(contactMatchRecord(contact));
}
