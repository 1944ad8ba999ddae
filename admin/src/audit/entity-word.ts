import type { AdminText } from "../admin-text.ts";

/** A kind of record in the admin's words; one this page does not know yet keeps the server's name. */
export function entityWord(entity: string, text: AdminText): string {
  return new Map<string, string>(Object.entries(text.entities)).get(entity) ?? entity;
}

/** Every kind of record to offer as a filter: the known ones in the admin's alphabet, then others seen. */
export function entityChoices(seen: Iterable<string>, text: AdminText): string[] {
  const known = Object.keys(text.entities);
  const others = [...new Set(seen)].filter((entity) => !known.includes(entity)).sort();
  return [...known.sort((a, b) => entityWord(a, text).localeCompare(entityWord(b, text))), ...others];
}
