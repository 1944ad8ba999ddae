export { FIELD_LABELS, mapRow, proposeMapping } from "./column-mapping.ts";
export {
  type ColumnMapping,
  IMPORT_FIELDS,
  type ImportField,
  type ImportRow,
  REPEATABLE_IMPORT_FIELDS,
} from "./import-row.ts";
