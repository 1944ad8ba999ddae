import { foldText } from "@rapport/shared/normalize";
import type { PostalAddress } from "@rapport/shared/schemas";
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
  const news = withoutRespellings(current, row);
  const incoming = { ...news, emails: news.emails ?? [], phones: news.phones ?? [], tags: news.tags ?? [] };
  // Only the order of the two versions matters: the stored one first, the row after it.
  const merged = mergeContactFields<ContactFields>([
    { fields: current, updatedAt: "0" },
    { fields: incoming as ContactFields, updatedAt: "1" },
  ]);
  return outcome(current, merged);
}

const RESPELLABLE = ["firstName", "lastName", "jobTitle"] as const;

/**
 * The row without what it only spells differently ("HELENE" for "Hélène") or says with less (the
 * same street and town without the country): that is no news, and the stored, fuller form stays.
 */
function withoutRespellings(current: ContactFields, row: RowFields): RowFields {
  const news: RowFields = { ...row };
  for (const field of RESPELLABLE) {
    const value = news[field];
    const stored = current[field];
    if (value && stored && foldText(value) === foldText(stored)) delete news[field];
  }
  if (news.address && current.address && saysLess(news.address, current.address)) delete news.address;
  return news;
}

/** Every part `address` fills is the same as in `than`, read without case or accents. */
function saysLess(address: PostalAddress, than: PostalAddress): boolean {
  const same = (a: string | null, b: string | null) => !a || (b !== null && foldText(a) === foldText(b));
  return (
    same(address.lines.join(" "), than.lines.join(" ")) &&
    same(address.postcode, than.postcode) &&
    same(address.city, than.city) &&
    same(address.region, than.region) &&
    same(address.country, than.country)
  );
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
