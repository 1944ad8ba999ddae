import { foldText, normalizeEmail } from "@rapport/shared/normalize";
import type { Contact, ContactListQuery } from "@rapport/shared/schemas";
import type { z } from "zod";
import type { LooseEb } from "../../records/access.ts";
import { readBool, readJson, writeBool, writeJson } from "../../records/json-column.ts";
import { containsText } from "../../records/like.ts";
import type { RecordDefinition, RecordMeta } from "../../records/record-store.ts";
import { contactSearchTerms } from "../../records/search-terms.ts";
import { withMeta } from "../../records/with-meta.ts";
import { contactFactColumns } from "./contact-facts.ts";
import { contactMatchKeys } from "./contact-match.ts";

export type ContactFields = Omit<Contact, keyof RecordMeta>;

export const contactRecords: RecordDefinition<Contact, ContactFields, z.output<typeof ContactListQuery>> = {
  table: "contacts",
  prefix: "con",
  label: "contact",
  toColumns: (c) => ({
    civility: c.civility,
    first_name: c.firstName,
    last_name: c.lastName,
    emails: writeJson(c.emails),
    phones: writeJson(c.phones),
    job_title: c.jobTitle,
    birth_date: c.birthDate,
    account_id: c.accountId,
    address: c.address ? writeJson(c.address) : null,
    source: c.source,
    first_contact_at: c.firstContactAt,
    first_sale_at: c.firstSaleAt,
    discount_rate: c.discountRate,
    tags: writeJson(c.tags),
    consent: writeJson(c.consent),
    do_not_contact: writeBool(c.doNotContact),
    search_text: foldText([c.firstName, c.lastName, ...c.emails].filter(Boolean).join(" ")),
  }),
  fromRow: (row) =>
    withMeta(row, {
      civility: row.civility as Contact["civility"],
      firstName: row.first_name as string | null,
      lastName: row.last_name as string | null,
      emails: readJson(row.emails as string, []),
      phones: readJson(row.phones as string, []),
      jobTitle: row.job_title as string | null,
      birthDate: row.birth_date as string | null,
      accountId: row.account_id as string | null,
      address: readJson(row.address as string | null, null),
      source: row.source as string | null,
      firstContactAt: row.first_contact_at as string | null,
      firstSaleAt: row.first_sale_at as string | null,
      discountRate: row.discount_rate as number | null,
      tags: readJson(row.tags as string, []),
      consent: readJson(row.consent as string, {} as Contact["consent"]),
      doNotContact: readBool(row.do_not_contact as number),
    }),
  // What lookup, search and de-duplication probe: one row per address, phone and search term.
  mirrors: [
    {
      table: "contact_emails",
      owner: "contact_id",
      rows: (c) => c.emails.map((email, position) => ({ email: normalizeEmail(email), contact_id: c.id, position })),
    },
    {
      table: "contact_phones",
      owner: "contact_id",
      rows: (c) => c.phones.map((phone, position) => ({ phone, contact_id: c.id, position })),
    },
    {
      table: "contact_terms",
      owner: "contact_id",
      rows: (c) => contactSearchTerms([c.firstName, c.lastName], c.emails).map((term) => ({ term, contact_id: c.id })),
    },
    {
      table: "contact_match_keys",
      owner: "contact_id",
      rows: (c) => contactMatchKeys(c).map((key) => ({ key, contact_id: c.id })),
    },
    // What segments count over; its order, activity and score columns are written elsewhere.
    { table: "contact_facts", owner: "contact_id", rows: (c) => [contactFactColumns(c)], inPlace: true },
  ],
  filter: (qb, query) => {
    let q = qb;
    if (query.accountId) q = q.where("account_id", "=", query.accountId);
    if (query.q) q = q.where(containsText("search_text", foldText(query.q)));
    if (query.tag) q = q.where(containsText("tags", JSON.stringify(query.tag)));
    if (query.email) {
      const email = normalizeEmail(query.email);
      q = q.where("id", "in", (eb: LooseEb) =>
        eb.selectFrom("contact_emails").select("contact_id").where("email", "=", email),
      );
    }
    return q;
  },
  references: [{ field: "accountId", table: "accounts", label: "account" }],
};
