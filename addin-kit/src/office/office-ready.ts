/** What a pane needs to know about the Office host it runs in. */
export type OfficeHostInfo = {
  /** "Outlook", "Excel"... or null when the page is opened outside Office (a plain browser tab). */
  host: string | null;
  /** Office's display language, such as "fr-FR"; the browser's when Office gives none. */
  language: string;
  /** Whether Office shows a dark theme, so the pane matches it. */
  dark: boolean;
};

/**
 * Waits for Office.js to initialise. Office.onReady never settles when the page is not inside an
 * Office host (or the CDN script failed to load), so after `timeoutMs` the pane starts anyway and
 * says it is outside Office instead of hanging on a blank screen.
 */
export async function officeReady(timeoutMs = 5000): Promise<OfficeHostInfo> {
  const fallback: OfficeHostInfo = { host: null, language: navigator.language, dark: prefersDark() };
  if (typeof Office === "undefined") return fallback;
  const info = await Promise.race([
    Office.onReady().then((ready) => ready),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  if (!info?.host) return fallback;
  return {
    host: String(info.host),
    language: Office.context.displayLanguage || navigator.language,
    dark: isDarkTheme(Office.context.officeTheme?.bodyBackgroundColor),
  };
}

/** Office themes are colours, not a light/dark flag: a dark body background means a dark theme. */
export function isDarkTheme(background: string | undefined): boolean {
  const hex = background?.replace("#", "");
  if (hex?.length !== 6) return prefersDark();
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Whether the host implements a requirement set, such as ("Mailbox", "1.13"). */
export function supports(set: string, version: string): boolean {
  return typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported(set, version));
}
