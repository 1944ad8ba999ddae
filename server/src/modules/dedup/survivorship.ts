import { normalizeEmail } from "@rapport/shared/normalize";
import type { Consent, PostalAddress } from "@rapport/shared/schemas";

/** One version of a record's fields, dated by its last change. */
export type DatedFields<T> = { fields: T; updatedAt: string };

/** What contact survivorship needs to know of the fields; any other field is a plain value. */
export type ContactFieldsLike = {
  emails: readonly string[];
  phones: readonly string[];
  tags: readonly string[];
  address?: PostalAddress | null;
  consent?: Consent;
  doNotContact?: boolean;
};

export type AccountFieldsLike = {
  domains: readonly string[];
  tags: readonly string[];
};

/** A list field and what makes two of its items the same. */
type ListRules = Record<string, (item: string) => string>;

const asIs = (item: string) => item;

/**
 * The fields of one contact made from several versions of it (a merge, an import row folded into
 * a stored contact). Emails, phones and tags are unioned in the order the records are given, so
 * the first record's primary email stays primary; emails are the same when they differ only by
 * case. Every other field takes the most recent non-empty value (an address wins whole). Consent
 * takes, per channel, the most recent status that is not "unknown", dated by its own `at` when it
 * has one; doNotContact stays set if any record has it, since losing an opt-out in a merge is
 * worse than keeping one.
 *
 * @example mergeContactFields([{ fields: stored, updatedAt: stored.updatedAt }, { fields: incoming, updatedAt: now }])
 */
export function mergeContactFields<T extends ContactFieldsLike>(records: readonly DatedFields<T>[]): T {
  const merged = mergeFields(records, { emails: normalizeEmail, phones: asIs, tags: asIs });
  if (records.some((record) => record.fields.consent)) merged.consent = mergeConsent(records);
  if (records.some((record) => record.fields.doNotContact !== undefined)) {
    merged.doNotContact = records.some((record) => record.fields.doNotContact === true);
  }
  return merged;
}

/** The same rules for accounts: domains and tags unioned, other fields newest non-empty. */
export function mergeAccountFields<T extends AccountFieldsLike>(records: readonly DatedFields<T>[]): T {
  return mergeFields(records, { domains: (domain) => domain.toLowerCase(), tags: asIs });
}

function mergeFields<T extends object>(records: readonly DatedFields<T>[], lists: ListRules): T {
  if (records.length === 0) throw new Error("survivorship needs at least one record");
  // Stable sort: records changed at the same instant keep the order they were given in.
  const newestFirst = [...records].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  const values = (record: DatedFields<T>) => record.fields as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const key of new Set(records.flatMap((record) => Object.keys(record.fields)))) {
    const sameItem = lists[key];
    merged[key] = sameItem
      ? union(
          records.map((record) => values(record)[key]),
          sameItem,
        )
      : newestValue(newestFirst.map(values), key);
  }
  return merged as T;
}

function union(lists: unknown[], sameItem: (item: string) => string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const list of lists) {
    for (const item of Array.isArray(list) ? (list as string[]) : []) {
      const key = sameItem(item);
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}

/** The newest non-empty value; when every record leaves the field empty, the newest empty one. */
function newestValue(newestFirst: Record<string, unknown>[], key: string): unknown {
  const present = newestFirst.filter((fields) => key in fields).map((fields) => fields[key]);
  return present.find((value) => !isEmpty(value)) ?? present[0];
}

/** Empty: nothing, blank text, an empty list, or an object all of whose values are empty (a blank address). */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

function mergeConsent(records: readonly DatedFields<ContactFieldsLike>[]): Consent {
  const channels = ["email", "phone", "sms", "post"] as const;
  const unknown = { status: "unknown", at: null, source: null } as const;
  const consent = {} as Consent;
  for (const channel of channels) {
    let best: { value: Consent[typeof channel]; at: string } | null = null;
    for (const { fields, updatedAt } of records) {
      const value = fields.consent?.[channel];
      if (!value || value.status === "unknown") continue;
      const at = value.at ?? updatedAt;
      if (!best || at > best.at) best = { value, at };
    }
    consent[channel] = best?.value ?? unknown;
  }
  return consent;
}
