import type { LookupResult } from "@rapport/shared/schemas";

/** Contacts the lookup found for an item's addresses, by normalised address (the lookup's `email`). */
export function contactIdsOf(results: LookupResult[]): Map<string, string> {
  return new Map(results.flatMap((r) => (r.contact ? [[r.email, r.contact.id] as [string, string]] : [])));
}
