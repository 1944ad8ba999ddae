/**
 * The fields an incoming contact row may carry, whatever its source: a CSV or xlsx column, a
 * vCard property or a cell of the Excel pane. Column mapping turns a file's headers into these;
 * the matching engine and the import job read only these.
 */
export const IMPORT_FIELDS = [
  "id", // a Rapport contact id, when the row was pulled from Rapport
  "version", // the record version the row was pulled at, for conflict detection
  "civility",
  "firstName",
  "middleName",
  "lastName",
  "fullName", // "Jane Doe" or "Doe, Jane" when the file has no separate name columns
  "email", // repeatable: every mapped email column adds an address, the first is primary
  "phone", // repeatable
  "jobTitle",
  "company",
  "website",
  "streetNumber",
  "street", // repeatable: address lines in order
  "postcode",
  "city",
  "region",
  "country",
  "birthDate",
  "nationalId", // a government or organisation identifier, strong evidence when present
  "tags", // repeatable; each cell may hold several tags separated by ; or ,
  "source",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields that may be mapped from several columns; the others take the first non-empty one. */
export const REPEATABLE_IMPORT_FIELDS: ReadonlySet<ImportField> = new Set(["email", "phone", "street", "tags"]);

/** A column mapping: for each column of the source, in order, the field it fills or null to ignore it. */
export type ColumnMapping = (ImportField | null)[];

/**
 * One row after mapping, before normalisation: the values as the user typed them, trimmed, with
 * empty cells left out. Repeatable fields are lists in column order.
 */
export interface ImportRow {
  id?: string;
  version?: string;
  civility?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  fullName?: string;
  email?: string[];
  phone?: string[];
  jobTitle?: string;
  company?: string;
  website?: string;
  streetNumber?: string;
  street?: string[];
  postcode?: string;
  city?: string;
  region?: string;
  country?: string;
  birthDate?: string;
  nationalId?: string;
  tags?: string[];
  source?: string;
  notes?: string;
}
