import type { SegmentEntity, SegmentSheet } from "@rapport/shared/schemas";
import type { Language } from "../pane-types.ts";
import type { ColumnKind } from "./cell.ts";

/** A column name of GET /segments/{id}/sheet: an import field, or one shown for reading only. */
export type SheetField = SegmentSheet["columns"][number];

export type SegmentColumn = {
  /** The server's column this one shows. */
  field: SheetField;
  /** Which occurrence of a repeated field: 1 is the second email (all the others) or address line. */
  nth: number;
  header: Record<Language, string>;
  kind: ColumnKind;
  hidden?: boolean;
  /** Codes shown in words (consent, do-not-contact); a code without words shows as it is. */
  words?: Record<Language, Record<string, string>>;
};

const column = (
  field: SheetField,
  en: string,
  fr: string,
  more: Partial<Omit<SegmentColumn, "field" | "header">> = {},
): SegmentColumn => ({ field, nth: 0, header: { en, fr }, kind: "text", ...more });

const identity = [
  column("id", "Id", "ID Rapport", { kind: "id", hidden: true }),
  column("version", "Version", "Version", { kind: "version", hidden: true }),
];

// Three street columns, as the server sends: the third holds any further lines, one per line.
const address = [
  column("street", "Street", "Adresse 1"),
  column("street", "Street 2", "Adresse 2", { nth: 1 }),
  column("street", "Street 3", "Adresse 3", { nth: 2 }),
  column("postcode", "Postcode", "Code postal"),
  column("city", "City", "Ville"),
  column("region", "Region", "Région"),
  column("country", "Country", "Pays"),
];

const tagsAndSource = [column("tags", "Tags", "Étiquettes"), column("source", "Source", "Source")];

/**
 * The columns of a pulled contact sheet. Headers are ones the import's column mapping reads back
 * (in both languages) as the field the cells came from, so a pulled sheet pushes back unchanged;
 * the hidden id and version travel with the rows, so the dry run can tell an update from a
 * conflict. Consent and do-not-contact are shown for reading: no header maps them, so a push
 * leaves them alone (they change in Rapport, with their proof).
 */
const CONTACT_COLUMNS: readonly SegmentColumn[] = [
  ...identity,
  column("civility", "Civility", "Civilité"),
  column("firstName", "First name", "Prénom"),
  column("lastName", "Last name", "Nom"),
  column("email", "Email", "E-mail"),
  column("email", "Email 2", "E-mail 2", { nth: 1 }),
  column("phone", "Phone", "Téléphone"),
  column("phone", "Phone 2", "Téléphone 2", { nth: 1 }),
  column("jobTitle", "Job title", "Fonction"),
  column("company", "Company", "Société"),
  ...address,
  column("birthDate", "Birth date", "Date de naissance", { kind: "date" }),
  ...tagsAndSource,
  column("emailConsent", "Email consent", "Consentement e-mail", {
    words: {
      en: { opted_in: "opted in", opted_out: "opted out", unknown: "unknown" },
      fr: { opted_in: "accepté", opted_out: "refusé", unknown: "inconnu" },
    },
  }),
  column("doNotContact", "Do not contact", "Ne pas contacter", {
    words: { en: { true: "yes", false: "" }, fr: { true: "oui", false: "" } },
  }),
];

/** The columns of a pulled account sheet, under the same field names. */
const ACCOUNT_COLUMNS: readonly SegmentColumn[] = [
  ...identity,
  column("company", "Company", "Société"),
  column("website", "Website", "Site web"),
  column("phone", "Phone", "Téléphone"),
  ...address,
  ...tagsAndSource,
];

/** The columns of a sheet pulled from a segment of `entity`. */
export function segmentColumns(entity: SegmentEntity): readonly SegmentColumn[] {
  return entity === "contacts" ? CONTACT_COLUMNS : ACCOUNT_COLUMNS;
}

/** Which known column a header names, in either language: a sheet pulled in French refreshes in English. */
export function columnForHeader(columns: readonly SegmentColumn[], header: string): SegmentColumn | undefined {
  const wanted = header.trim().toLowerCase();
  return columns.find((c) => c.header.en.toLowerCase() === wanted || c.header.fr.toLowerCase() === wanted);
}
