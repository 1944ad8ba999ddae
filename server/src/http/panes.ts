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
 * Office loads its library from Microsoft's CDN and shows panes inside its own pages; nothing else
 * may run scripts, embed the pane or be fetched. Fluent injects its styles at run time, hence
 * 'unsafe-inline' for styles only. Sign-in with Microsoft talks to the Entra authority.
 */
export function paneSecurityPolicy(config: Config): string {
  const self = new URL(config.publicUrl).origin;
  const authority = config.entra ? ` ${new URL(config.entra.authority).origin}` : "";
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
    [
      "frame-ancestors 'self'",
      "https://*.office.com",
      "https://*.office365.com",
      "https://*.microsoft.com",
      "https://*.outlook.com",
      "https://*.live.com",
      "https://*.sharepoint.com",
      "https://*.officeapps.live.com",
    ].join(" "),
  ].join("; ");
}

/**
 * Serves each pane's built files under /addins/<pane>/. Hashed assets are cached for good; the
 * page itself is revalidated so a new build reaches users on their next open.
 */
export function paneRoutes(app: Hono<AppEnv>, config: Config, root = DEFAULT_PANES_ROOT): void {
  const policy = paneSecurityPolicy(config);
  for (const [name, dir] of Object.entries(PANES)) {
    const base = resolve(root, dir);
    app.get(`/addins/${name}`, (c) => c.redirect(`/addins/${name}/`, 301));
    app.get(`/addins/${name}/*`, async (c) => {
      const relative = decodeURIComponent(c.req.path.slice(`/addins/${name}/`.length)) || "index.html";
      const file = normalize(join(base, relative));
      if (!file.startsWith(base + sep)) return c.notFound();
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        if (relative === "index.html") {
          return c.text(`The ${name} pane is not built on this server: run \`npm run build\`.`, 503);
        }
        return c.notFound();
      }
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const page = type.startsWith("text/html");
      return c.body(await readFile(file), 200, {
        "content-type": type,
        "cache-control": page ? "no-cache" : "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
        ...(page ? { "content-security-policy": policy } : {}),
      });
    });
  }
}
