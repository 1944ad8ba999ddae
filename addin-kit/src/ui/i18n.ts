/** The languages the panes speak; anything else falls back to English. */
export type Language = "en" | "fr";

/** "fr-FR", "fr-CA" or "FR" give French; everything else English. */
export function languageOf(displayLanguage: string | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** A message is a string, or a function of its parameters for counts and names. */
// biome-ignore lint/suspicious/noExplicitAny: parameters differ per message; the catalogue type checks them
export type Messages = Record<string, string | ((...args: any[]) => string)>;

/**
 * A catalogue has English as its reference and French with exactly the same keys and parameters,
 * so a missing translation fails to compile instead of showing a key at run time.
 *
 * @example
 * const text = catalogue({ en: { hello: (n: string) => `Hello ${n}` }, fr: { hello: (n: string) => `Bonjour ${n}` } });
 * text("fr").hello("Hélène"); // "Bonjour Hélène"
 */
export function catalogue<M extends Messages>(messages: { en: M; fr: { [K in keyof M]: M[K] } }) {
  return (language: Language): M => messages[language];
}
