import type { ColumnMapping, ImportField } from "@rapport/shared/import";
import type { Contact } from "@rapport/shared/schemas";
import type { CellValue, ColumnKind } from "./cell.ts";
import { serialFromIsoDate } from "./excel-dates.ts";

/** The values of a list field, spread over its columns: one each, the last column taking the rest. */
function spread(values: string[], occurrence: number, last: boolean, joiner: string): string {
  if (!last) return values[occurrence] ?? "";
  return values.slice(occurrence).join(joiner);
}

/**
 * A contact as Rapport holds it, in the columns of any sheet whose mapping is known: what "take
 * Rapport's version" writes back into a row. Columns the contact has no field for (company,
 * notes, unmapped ones) are left as the user has them (undefined).
 */
export function contactCells(
  contact: Contact,
  mapping: ColumnMapping,
): Array<{ column: number; value: CellValue; kind: ColumnKind } | undefined> {
  const seen = new Map<ImportField, number>();
  const lastOf = new Map<ImportField, number>();
  mapping.forEach((field, column) => {
    if (field) lastOf.set(field, column);
  });
  return mapping.map((field, column) => {
    if (!field) return undefined;
    const occurrence = seen.get(field) ?? 0;
    seen.set(field, occurrence + 1);
    const last = lastOf.get(field) === column;
    const text = (value: string | null | undefined) => ({ column, value: value ?? "", kind: "text" as const });
    const address = contact.address;
    switch (field) {
      case "id":
        return text(contact.id);
      case "version":
        return { column, value: contact.version, kind: "version" };
      case "civility":
        return text(contact.civility);
      case "firstName":
        return text(contact.firstName);
      case "lastName":
        return text(contact.lastName);
      case "fullName":
        return text([contact.firstName, contact.lastName].filter(Boolean).join(" "));
      case "email":
        return text(spread(contact.emails, occurrence, last, " ::: "));
      case "phone":
        return text(spread(contact.phones, occurrence, last, " ::: "));
      case "jobTitle":
        return text(contact.jobTitle);
      case "street":
        return text(spread(address?.lines ?? [], occurrence, last, "\n"));
      case "postcode":
        return text(address?.postcode);
      case "city":
        return text(address?.city);
      case "region":
        return text(address?.region);
      case "country":
        return text(address?.country);
      case "birthDate":
        return { column, value: contact.birthDate ? serialFromIsoDate(contact.birthDate) : "", kind: "date" };
      case "tags":
        return text(contact.tags.join("; "));
      case "source":
        return text(contact.source);
      default:
        return undefined;
    }
  });
}
