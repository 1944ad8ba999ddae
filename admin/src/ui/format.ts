import type { Language } from "@rapport/addin-kit";

/** A timestamp as the admin's language writes it, or `fallback` when there is none. */
export function formatDate(iso: string | null, language: Language, fallback: string): string {
  if (!iso) return fallback;
  return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

/**
 * An instant to the second, as the viewer's own locale writes it (`navigator.languages`), since an
 * audit trail is read for exact times, in the viewer's time zone.
 */
export function formatInstant(iso: string, locales: readonly string[]): string {
  return new Intl.DateTimeFormat([...locales], { dateStyle: "medium", timeStyle: "medium" }).format(new Date(iso));
}

/** One item a line, blank lines and spaces dropped: how the policy's lists are typed. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
