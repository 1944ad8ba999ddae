import { normalizeEmail } from "@rapport/shared/normalize";
import type { ContactFields } from "../contacts/contacts.repo.ts";
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
 * A row matched to an existing contact: survivorship as in a merge. Every email, phone and tag is
 * kept (the contact's first), and the row, being the most recent, wins each value it fills.
 */
export function mergeRowInto(current: ContactFields, row: RowFields): Outcome {
  return outcome(current, {
    ...current,
    ...row,
    emails: unionBy([...current.emails, ...(row.emails ?? [])], normalizeEmail),
    phones: unionBy([...current.phones, ...(row.phones ?? [])], (phone) => phone),
    tags: unionBy([...current.tags, ...(row.tags ?? [])], (tag) => tag),
  });
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

function unionBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
