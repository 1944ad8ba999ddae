import { ICONS_PATH, type IconSize, iconFile } from "./icons/icon-set.ts";

/**
 * The pages the built panes provide, at fixed paths under /addins/ (server/src/http/panes.ts
 * serves them from each pane's dist/ folder).
 */
export const PANE_PAGES = {
  outlookPane: "/addins/outlook/index.html",
  /** Function file, and the event-based runtime's page (Office.actions.associate("onMessageSendHandler")). */
  outlookCommands: "/addins/outlook/commands.html",
  /** The same on-send handler as a plain script, for classic Outlook on Windows's JavaScript-only runtime. */
  outlookLaunchEvent: "/addins/outlook/launchevent.js",
  excelPane: "/addins/excel/index.html",
} as const;

/** Public pages the manifests link to: the add-ins' support page, privacy notice and terms. */
export const INFO_PAGES = {
  support: "/admin/",
  privacy: "/admin/#privacy",
  terms: "/admin/#terms",
} as const;

/** Absolute URLs on the server's public URL, which may carry a path (`https://example.com/rapport`). */
export function addinUrls(publicUrl: string) {
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  const at = (path: string) => new URL(path.slice(1), base).href;
  return {
    origin: new URL(base).origin,
    host: new URL(base).host,
    at,
    icon: (size: IconSize) => at(`${ICONS_PATH}/${iconFile(size)}`),
  };
}
export type AddinUrls = ReturnType<typeof addinUrls>;
