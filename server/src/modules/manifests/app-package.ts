import { iconFile, iconFiles, OUTLINE_ICON } from "./icons/icon-set.ts";
import type { AddinManifests } from "./manifests.service.ts";
import { PACKAGE_FILES } from "./unified-manifest.ts";
import { zip } from "./zip.ts";

/**
 * The app package of a unified manifest, as the Microsoft 365 admin center and Outlook's "Add a
 * custom add-in" take it: manifest.json with its French strings and its two icons (192 px colour,
 * 32 px white outline), which the manifest names by path inside the package.
 */
export function appPackage(manifests: AddinManifests): Buffer {
  const icons = iconFiles();
  const color = icons.get(iconFile(192));
  const outline = icons.get(OUTLINE_ICON);
  if (!color || !outline) throw new Error("the package icons were not drawn");
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8");
  return zip([
    { name: "manifest.json", data: json(manifests.unified.manifest) },
    { name: PACKAGE_FILES.french, data: json(manifests.unified.french) },
    { name: PACKAGE_FILES.color, data: color },
    { name: PACKAGE_FILES.outline, data: outline },
  ]);
}
