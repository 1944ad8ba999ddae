import type { Language } from "./pane-types.ts";

/**
 * Words in both languages with the same shape, checked by the compiler. Unlike the kit's
 * catalogue, values may be lists and records too (a sheet's headers, each stage's name).
 *
 * @example bilingual({ en: { total: "Total" }, fr: { total: "Total" } })("fr").total
 */
export function bilingual<T>(words: { en: T; fr: NoInfer<T> }): (language: Language) => T {
  return (language) => words[language];
}
