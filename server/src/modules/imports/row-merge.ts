import type { ContactFields } from "../contacts/contacts.repo.ts";
import { mergeContactFields } from "../dedup/survivorship.ts";
import type { RowFields } from "./row-to-contact.ts";

export type FieldChange = { field: string; from: unknown; to: unknown };

type Outcome = { fields: ContactFields; changes: FieldChange[] };

/**
 * A row pulled from Rapport and edited: every field the row fills replaces the stored value
 * (the row is the user's new version of the record); fields it leaves empty stay as they are.
 */
export function updateWithRow(current: ContactFields, row: RowFields): Outcome {
  return outcome(current, { ...current, ...row });
}

/**
 * A row matched to an existing contact: survivorship as in a merge of two contacts, the row being
 * the more recent version (every email, phone and tag kept, the row wins each value it fills).
 */
export function mergeRowInto(current: ContactFields, row: RowFields): Outcome {
  const incoming = { ...row, emails: row.emails ?? [], phones: row.phones ?? [], tags: row.tags ?? [] };
  // Only the order of the two versions matters: the stored one first, the row after it.
  const merged = mergeContactFields<ContactFields>([
    { fields: current, updatedAt: "0" },
    { fields: incoming as ContactFields, updatedAt: "1" },
  ]);
  return outcome(current, merged);
}

function outcome(current: ContactFields, next: ContactFields): Outcome {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(next) as (keyof ContactFields)[]) {
    if (JSON.stringify(current[field]) !== JSON.stringify(next[field])) {
      changes.push({ field, from: current[field] ?? null, to: next[field] ?? null });
    }
  }
  return { fields: next, changes };
}
