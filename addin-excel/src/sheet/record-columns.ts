import type { Account, Contact, SegmentEntity } from "@rapport/shared/schemas";
import type { Language } from "../pane-types.ts";
import type { CellValue, ColumnKind } from "./cell.ts";
import { serialFromIsoDate } from "./excel-dates.ts";

/** Account names by id, for the Company column of a contact sheet. */
export type AccountNames = ReadonlyMap<string, string>;

export type RecordColumn<R> = {
  /** Stable name of the column, whatever the language of its header. */
  key: string;
  header: Record<Language, string>;
  kind: ColumnKind;
  hidden?: boolean;
  cell: (record: R, names: AccountNames) => CellValue;
};

const text = (value: string | null | undefined): string => value ?? "";
const date = (value: string | null | undefined): CellValue => (value ? serialFromIsoDate(value) : "");
/** Several values in one cell, as Google's export writes them and the column mapping splits them. */
const several = (values: readonly string[]): string => values.join(" ::: ");

const consentWords: Record<Language, Record<string, string>> = {
  en: { opted_in: "opted in", opted_out: "opted out", unknown: "unknown" },
  fr: { opted_in: "accepté", opted_out: "refusé", unknown: "inconnu" },
};

/**
 * The columns of a pulled contact sheet. Headers are the ones the import's column mapping reads
 * back (in both languages), so a pulled sheet pushes without touching the mapping; the id and
 * version columns are hidden but travel with the rows, so the dry run can tell an update from a
 * conflict. Every email, phone and address line is kept: a push replaces the lists it fills.
 */
export function contactColumns(language: Language): RecordColumn<Contact>[] {
  return [
    { key: "id", header: { en: "Id", fr: "ID Rapport" }, kind: "id", hidden: true, cell: (c) => c.id },
    { key: "version", header: { en: "Version", fr: "Version" }, kind: "version", hidden: true, cell: (c) => c.version },
    { key: "civility", header: { en: "Civility", fr: "Civilité" }, kind: "text", cell: (c) => text(c.civility) },
    { key: "firstName", header: { en: "First name", fr: "Prénom" }, kind: "text", cell: (c) => text(c.firstName) },
    { key: "lastName", header: { en: "Last name", fr: "Nom" }, kind: "text", cell: (c) => text(c.lastName) },
    { key: "email", header: { en: "Email", fr: "E-mail" }, kind: "text", cell: (c) => text(c.emails[0]) },
    {
      key: "email2",
      header: { en: "Email 2", fr: "E-mail 2" },
      kind: "text",
      cell: (c) => several(c.emails.slice(1)),
    },
    { key: "phone", header: { en: "Phone", fr: "Téléphone" }, kind: "text", cell: (c) => text(c.phones[0]) },
    {
      key: "phone2",
      header: { en: "Phone 2", fr: "Téléphone 2" },
      kind: "text",
      cell: (c) => several(c.phones.slice(1)),
    },
    { key: "jobTitle", header: { en: "Job title", fr: "Fonction" }, kind: "text", cell: (c) => text(c.jobTitle) },
    {
      key: "company",
      header: { en: "Company", fr: "Société" },
      kind: "text",
      cell: (c, names) => (c.accountId ? (names.get(c.accountId) ?? "") : ""),
    },
    {
      key: "street",
      header: { en: "Street", fr: "Adresse 1" },
      kind: "text",
      cell: (c) => text(c.address?.lines[0]),
    },
    {
      key: "street2",
      header: { en: "Street 2", fr: "Adresse 2" },
      kind: "text",
      // Further lines in one cell, one per line: the mapping splits a street cell on line breaks.
      cell: (c) => (c.address?.lines ?? []).slice(1).join("\n"),
    },
    {
      key: "postcode",
      header: { en: "Postcode", fr: "Code postal" },
      kind: "text",
      cell: (c) => text(c.address?.postcode),
    },
    { key: "city", header: { en: "City", fr: "Ville" }, kind: "text", cell: (c) => text(c.address?.city) },
    { key: "region", header: { en: "Region", fr: "Région" }, kind: "text", cell: (c) => text(c.address?.region) },
    { key: "country", header: { en: "Country", fr: "Pays" }, kind: "text", cell: (c) => text(c.address?.country) },
    {
      key: "birthDate",
      header: { en: "Birth date", fr: "Date de naissance" },
      kind: "date",
      cell: (c) => date(c.birthDate),
    },
    { key: "tags", header: { en: "Tags", fr: "Étiquettes" }, kind: "text", cell: (c) => c.tags.join("; ") },
    { key: "source", header: { en: "Source", fr: "Source" }, kind: "text", cell: (c) => text(c.source) },
    {
      key: "emailConsent",
      header: { en: "Email consent", fr: "Consentement e-mail" },
      kind: "text",
      cell: (c) => consentWords[language][c.consent.email.status] ?? c.consent.email.status,
    },
    {
      key: "doNotContact",
      header: { en: "Do not contact", fr: "Ne pas contacter" },
      kind: "text",
      cell: (c) => (c.doNotContact ? (language === "fr" ? "oui" : "yes") : ""),
    },
  ];
}

/** The columns of a pulled account sheet (accounts are read here; the import takes contacts). */
export function accountColumns(): RecordColumn<Account>[] {
  return [
    { key: "id", header: { en: "Id", fr: "ID Rapport" }, kind: "id", hidden: true, cell: (a) => a.id },
    { key: "version", header: { en: "Version", fr: "Version" }, kind: "version", hidden: true, cell: (a) => a.version },
    { key: "name", header: { en: "Company", fr: "Société" }, kind: "text", cell: (a) => a.name },
    { key: "industry", header: { en: "Industry", fr: "Secteur" }, kind: "text", cell: (a) => text(a.industry) },
    { key: "size", header: { en: "Size", fr: "Effectif" }, kind: "text", cell: (a) => text(a.size) },
    { key: "status", header: { en: "Status", fr: "Statut" }, kind: "text", cell: (a) => a.status },
    { key: "phone", header: { en: "Phone", fr: "Téléphone" }, kind: "text", cell: (a) => text(a.phone) },
    {
      key: "domains",
      header: { en: "Web domains", fr: "Domaines web" },
      kind: "text",
      cell: (a) => a.domains.join(", "),
    },
    { key: "street", header: { en: "Street", fr: "Adresse 1" }, kind: "text", cell: (a) => text(a.address?.lines[0]) },
    {
      key: "postcode",
      header: { en: "Postcode", fr: "Code postal" },
      kind: "text",
      cell: (a) => text(a.address?.postcode),
    },
    { key: "city", header: { en: "City", fr: "Ville" }, kind: "text", cell: (a) => text(a.address?.city) },
    { key: "country", header: { en: "Country", fr: "Pays" }, kind: "text", cell: (a) => text(a.address?.country) },
    { key: "tags", header: { en: "Tags", fr: "Étiquettes" }, kind: "text", cell: (a) => a.tags.join("; ") },
    { key: "source", header: { en: "Source", fr: "Source" }, kind: "text", cell: (a) => text(a.source) },
  ];
}

/** The columns of a sheet pulled from a segment of `entity`. */
export function segmentColumns(entity: SegmentEntity, language: Language): RecordColumn<Contact | Account>[] {
  return (entity === "contacts" ? contactColumns(language) : accountColumns()) as RecordColumn<Contact | Account>[];
}

/** The header a column shows in `language`; a sheet pulled in the other language is still recognised. */
export function headerOf(column: RecordColumn<unknown>, language: Language): string {
  return column.header[language];
}

/** Which known column a header names, in either language. */
export function columnForHeader<R>(columns: RecordColumn<R>[], header: string): RecordColumn<R> | undefined {
  const wanted = header.trim().toLowerCase();
  return columns.find((c) => c.header.en.toLowerCase() === wanted || c.header.fr.toLowerCase() === wanted);
}
