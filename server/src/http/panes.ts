import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Hono } from "hono";
import type { Config } from "../config.ts";
import type { AppEnv } from "./context.ts";

/**
 * The built task panes the server hands to Office, by the URL segment they live under; "kit" is
 * the Microsoft sign-in dialog both panes open where the host cannot sign users in itself.
 */
export const PANES = { outlook: "addin-outlook/dist", excel: "addin-excel/dist", kit: "addin-kit/dist" } as const;
export type PaneName = keyof typeof PANES;

/** The repository root, where `npm run build` leaves each pane's dist/ folder. */
export const DEFAULT_PANES_ROOT = resolve(import.meta.dirname, "../../..");

/**
 * The file behind a pane URL path (`/addins/outlook/commands.html`), or null when the path is not
 * a pane's or climbs out of its folder.
 */
export function paneFile(path: string, root = DEFAULT_PANES_ROOT): string | null {
  const match = /^\/addins\/([^/]+)\/(.*)$/.exec(path);
  const pane = match?.[1];
  if (!match || !pane || !Object.hasOwn(PANES, pane)) return null;
  const base = resolve(root, PANES[pane as PaneName]);
  const file = normalize(join(base, decodeURIComponent(match[2] ?? "") || "index.html"));
  return file.startsWith(base + sep) ? file : null;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * The Office on the web and Microsoft 365 sites that frame task panes (Outlook and Excel on the
 * web, new Outlook, Teams, SharePoint and OneDrive). A pane refuses to be framed anywhere else.
 */
export const OFFICE_FRAME_ANCESTORS = [
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.cloud.microsoft",
  "https://*.outlook.com",
  "https://*.live.com",
  "https://*.officeapps.live.com",
  "https://*.sharepoint.com",
  "https://teams.microsoft.com",
] as const;

/**
 * Office loads its library from Microsoft's CDN and shows panes inside its own pages; nothing else
 * may run scripts, embed the pane or be fetched. Fluent injects its styles at run time, hence
 * 'unsafe-inline' for styles only. Sign-in with Microsoft talks to the Entra authority, and the
 * Outlook pane signed in with Microsoft reads a conversation's other mails from Microsoft Graph.
 */
export function paneSecurityPolicy(config: Config): string {
  const self = new URL(config.publicUrl).origin;
  const authority = config.entra ? ` ${new URL(config.entra.authority).origin} https://graph.microsoft.com` : "";
  return [
    "default-src 'self'",
    `script-src 'self' https://appsforoffice.microsoft.com`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${self}${authority}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors 'self' ${OFFICE_FRAME_ANCESTORS.join(" ")}`,
  ].join("; ");
}

/**
 * The admin page runs outside Office and holds an admin token: its own scripts only, its own API
 * only, and no one may frame it (clickjacking).
 */
export const ADMIN_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Where `npm run build` leaves the admin page, served at /admin/. */
export const ADMIN_DIST = "admin/dist";

/**
 * Serves each pane's built files under /addins/<pane>/, and the admin page under /admin/. Hashed
 * assets are cached for good; everything else is revalidated so a new build reaches users on their
 * next open.
 */
export function paneRoutes(app: Hono<AppEnv>, config: Config, root = DEFAULT_PANES_ROOT): void {
  const policy = paneSecurityPolicy(config);
  for (const [name, dir] of Object.entries(PANES)) {
    serveBuilt(app, `/addins/${name}`, resolve(root, dir), { policy, what: `The ${name} pane` });
  }
  serveBuilt(app, "/admin", resolve(root, ADMIN_DIST), {
    policy: ADMIN_SECURITY_POLICY,
    what: "The admin page",
    // The admin token is in this page: no Referer leaves it.
    headers: { "referrer-policy": "no-referrer", "x-frame-options": "DENY" },
  });
  // Whoever opens the server's address in a browser is most likely its admin.
  app.get("/", (c) => c.redirect("/admin/", 302));
}

function serveBuilt(
  app: Hono<AppEnv>,
  mount: string,
  base: string,
  page: { policy: string; what: string; headers?: Record<string, string> },
): void {
  app.get(mount, (c) => c.redirect(`${mount}/`, 301));
  app.get(`${mount}/*`, async (c) => {
    const relative = decodeURIComponent(c.req.path.slice(`${mount}/`.length)) || "index.html";
    const file = normalize(join(base, relative));
    if (!file.startsWith(base + sep)) return c.notFound();
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      if (relative === "index.html") {
        return c.text(`${page.what} is not built on this server: run \`npm run build\`.`, 503);
      }
      return c.notFound();
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const isPage = type.startsWith("text/html");
    // Only Vite's assets/ carry a content hash in their name; a fixed name (launchevent.js, which the
    // manifest names) must be revalidated, or a new build would never reach Outlook.
    const hashed = relative.startsWith("assets/");
    return c.body(await readFile(file), 200, {
      "content-type": type,
      "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
      ...(isPage ? { "content-security-policy": page.policy, ...page.headers } : {}),
    });
  });
}
