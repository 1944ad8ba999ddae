import {
  type ColumnMapping,
  IMPORT_FIELDS,
  type ImportField,
  type ImportRow,
  REPEATABLE_IMPORT_FIELDS,
} from "@rapport/shared/import";

/** Columns a repeatable field gets when rows come as records (vCards) rather than as a table. */
const REPEATS = 3;

/**
 * Records already split into fields (a vCard file) as a table with a column per field, so every
 * source is stored, mapped, analysed and undone the same way.
 */
export function rowsAsTable(rows: ImportRow[]): { headers: string[]; mapping: ColumnMapping; rows: string[][] } {
  const columns: { field: ImportField; index: number }[] = [];
  for (const field of IMPORT_FIELDS) {
    const count = field === "tags" || !REPEATABLE_IMPORT_FIELDS.has(field) ? 1 : REPEATS;
    for (let index = 0; index < count; index++) columns.push({ field, index });
  }
  return {
    headers: columns.map(({ field, index }) => (index === 0 ? field : `${field} ${index + 1}`)),
    mapping: columns.map(({ field }) => field),
    rows: rows.map((row) =>
      columns.map(({ field, index }) => {
        const value = row[field];
        if (Array.isArray(value)) return field === "tags" ? value.join("; ") : (value[index] ?? "");
        return index === 0 ? (value ?? "") : "";
      }),
    ),
  };
}
