import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import type { AddinName } from "./addin-releases.ts";
import { appPackage } from "./app-package.ts";
import { ICONS_PATH, iconFiles } from "./icons/icon-set.ts";
import { addinManifests } from "./manifests.service.ts";

const FORMATS = {
  xml: "application/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
  zip: "application/zip",
} as const;
type Format = keyof typeof FORMATS;

/**
 * Manifests made for this server's public URL, without a token: they hold ids and URLs, nothing
 * secret, and admins fetch them from scripts and the Microsoft 365 admin center alike.
 * - `/manifests/outlook.xml`, `/manifests/excel.xml`: add-in only manifests (every Office client)
 * - `/manifests/outlook.json`, `/manifests/excel.json`: unified manifests, to read
 * - `/manifests/outlook.zip`, `/manifests/excel.zip`: their app packages, to upload
 * Icons are served at `/addins/icons/`.
 */
export function manifestRoutes(app: Hono<AppEnv>, deps: AppDeps, panesRoot?: string): void {
  const source = {
    db: deps.database.db,
    publicUrl: deps.config.publicUrl,
    serverVersion: deps.config.version,
    ...(panesRoot ? { panesRoot } : {}),
  };

  app.get("/manifests/:file", async (c) => {
    const match = /^(outlook|excel)\.(xml|json|zip)$/.exec(c.req.param("file"));
    if (!match) return c.notFound();
    const addin = match[1] as AddinName;
    const format = match[2] as Format;
    const manifests = await addinManifests(source, addin);
    const body =
      format === "xml"
        ? manifests.xml
        : format === "json"
          ? `${JSON.stringify(manifests.unified.manifest, null, 2)}\n`
          : new Uint8Array(appPackage(manifests));
    return c.body(body, 200, {
      "content-type": FORMATS[format],
      "content-disposition": `attachment; filename="rapport-${addin}-${manifests.version.json}.${format}"`,
      // Rebuilt on every request: a new build or public URL must never hide behind a cache.
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  });

  app.get(`${ICONS_PATH}/:file`, (c) => {
    const icon = iconFiles().get(c.req.param("file"));
    if (!icon) return c.notFound();
    // No Cache-Control: Office caches add-in images itself and replaces images sent with one.
    return c.body(new Uint8Array(icon), 200, { "content-type": "image/png", "x-content-type-options": "nosniff" });
  });
}
