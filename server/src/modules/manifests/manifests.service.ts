import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { AppError } from "../../http/app-error.ts";
import { DEFAULT_PANES_ROOT, paneFile } from "../../http/panes.ts";
import type { Tx } from "../../records/request-context.ts";
import { type AddinName, addinIds, addinRelease } from "./addin-releases.ts";
import { addinUrls, PANE_PAGES } from "./addin-urls.ts";
import { excelXml } from "./excel-xml.ts";
import { iconsFingerprint } from "./icons/icon-set.ts";
import { outlookXml } from "./outlook-xml.ts";
import { excelUnified, outlookUnified, type UnifiedManifest } from "./unified-manifest.ts";

export type ManifestSource = {
  db: Tx;
  /** The https:// address users reach the server at; every URL in the manifests is under it. */
  publicUrl: string;
  /** The server's version (`0.1.0`): its major and minor lead the add-ins' version. */
  serverVersion: string;
  /** Where the built panes are (the repository root unless a test says otherwise). */
  panesRoot?: string;
};

export type AddinVersion = { xml: string; json: string };

/** One add-in's manifests, ready to serve or write. */
export type AddinManifests = {
  addin: AddinName;
  version: AddinVersion;
  xmlId: string;
  jsonId: string;
  xml: string;
  unified: UnifiedManifest;
};

const LABEL: Record<AddinName, string> = { outlook: "Outlook", excel: "Excel" };

/**
 * Builds an add-in's XML and unified manifests for this server's public URL. Refuses (409) when
 * Office could not load what they describe: a plain-HTTP URL, or pane pages missing from the build.
 */
export async function addinManifests(source: ManifestSource, addin: AddinName): Promise<AddinManifests> {
  const urls = addinUrls(requireHttps(source.publicUrl));
  const files = await builtFiles(addin, source.panesRoot ?? DEFAULT_PANES_ROOT);
  const ids = (await addinIds(source.db))[addin];
  const render = (version: AddinVersion): AddinManifests => {
    const common = { urls, version, ...ids };
    if (addin === "outlook") {
      const onSend = files.has(PANE_PAGES.outlookLaunchEvent);
      return {
        addin,
        version,
        ...ids,
        xml: outlookXml({ ...common, id: ids.xmlId, version: version.xml, onSend }),
        unified: outlookUnified({ ...common, id: ids.jsonId, xmlId: ids.xmlId, version: version.json, onSend }),
      };
    }
    return {
      addin,
      version,
      ...ids,
      xml: excelXml({ ...common, id: ids.xmlId, version: version.xml }),
      unified: excelUnified({ ...common, id: ids.jsonId, xmlId: ids.xmlId, version: version.json }),
    };
  };
  // The version is what is left once everything else is known: hash the rest, then number it.
  const draft = render({ xml: "0.0.0.0", json: "0.0.0" });
  const hash = createHash("sha256").update(draft.xml).update(JSON.stringify(draft.unified)).update(iconsFingerprint());
  for (const [path, bytes] of files) hash.update(path).update(bytes);
  const { revision } = await addinRelease(source.db, addin, hash.digest("hex"));
  return render(versionOf(source.serverVersion, revision));
}

/** `0.1.0` and revision 3 give `0.1.3` (unified manifest) and `0.1.3.0` (XML manifest). */
export function versionOf(serverVersion: string, revision: number): AddinVersion {
  const [major = "0", minor = "0"] = serverVersion.split(".");
  const json = `${Number(major)}.${Number(minor)}.${revision}`;
  return { json, xml: `${json}.0` };
}

function requireHttps(publicUrl: string): string {
  if (new URL(publicUrl).protocol !== "https:") {
    throw new AppError(
      "conflict",
      `Office loads add-ins over HTTPS only, and this server's public URL is ${publicUrl}. ` +
        "Serve HTTPS (the default), or set RAPPORT_PUBLIC_URL to the https:// address of the proxy in front of Rapport.",
    );
  }
  return publicUrl;
}

/**
 * The built pages an add-in's manifests point to, by URL path. The Outlook pane's on-send script
 * is optional: without it the manifests declare no event-based runtime.
 */
async function builtFiles(addin: AddinName, root: string): Promise<Map<string, Buffer>> {
  const required = addin === "outlook" ? [PANE_PAGES.outlookPane, PANE_PAGES.outlookCommands] : [PANE_PAGES.excelPane];
  const optional = addin === "outlook" ? [PANE_PAGES.outlookLaunchEvent] : [];
  const files = new Map<string, Buffer>();
  for (const path of [...required, ...optional]) {
    const file = paneFile(path, root);
    const bytes = file ? await readFile(file).catch(() => null) : null;
    if (bytes) files.set(path, bytes);
    else if ((required as readonly string[]).includes(path)) {
      throw new AppError(
        "conflict",
        `The ${LABEL[addin]} add-in is not built on this server (${path} is missing): run \`npm run build\`.`,
      );
    }
  }
  return files;
}
