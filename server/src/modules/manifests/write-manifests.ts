import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ADDINS } from "./addin-releases.ts";
import { appPackage } from "./app-package.ts";
import { type AddinManifests, addinManifests, type ManifestSource } from "./manifests.service.ts";

/**
 * Writes what `GET /manifests/*` serves into `dir`: for Outlook and Excel, the XML manifest, the
 * unified manifest and its app package. Returns the files written, for the CLI to list.
 */
export async function writeManifests(source: ManifestSource, dir: string): Promise<AddinManifests[]> {
  const built: AddinManifests[] = [];
  for (const addin of ADDINS) built.push(await addinManifests(source, addin));
  await mkdir(dir, { recursive: true });
  for (const manifests of built) {
    const { addin } = manifests;
    await writeFile(join(dir, `${addin}.xml`), manifests.xml);
    await writeFile(join(dir, `${addin}.json`), `${JSON.stringify(manifests.unified.manifest, null, 2)}\n`);
    await writeFile(join(dir, `${addin}.zip`), appPackage(manifests));
  }
  return built;
}
