import type { ImportRowResult } from "@rapport/shared/schemas";
import type { Language } from "../pane-types.ts";
import { fieldWord } from "./row-status.ts";

/** One line of a conflict as the pane shows it: the field, Rapport's value and the sheet's. */
export type ConflictLine = { field: string; server: string; mine: string };

/** A stored value in words: lists joined, an address on one line, nothing as a dash. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(", ") : "—";
  if (typeof value === "object") {
    const address = value as {
      lines?: string[];
      postcode?: string | null;
      city?: string | null;
      country?: string | null;
    };
    if ("lines" in address || "city" in address) {
      const parts = [
        ...(address.lines ?? []),
        [address.postcode, address.city].filter(Boolean).join(" "),
        address.country,
      ];
      return parts.filter(Boolean).join(", ") || "—";
    }
    return JSON.stringify(value);
  }
  return String(value);
}

/** Both versions of each field that differs, for a conflict row. */
export function conflictLines(result: Pick<ImportRowResult, "changes">, language: Language): ConflictLine[] {
  return result.changes.map((change) => ({
    field: fieldWord(change.field, language),
    server: valueText(change.from),
    mine: valueText(change.to),
  }));
}
