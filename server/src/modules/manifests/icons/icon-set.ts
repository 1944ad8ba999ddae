import { createHash } from "node:crypto";
import { drawMark } from "./draw-mark.ts";
import { encodePng } from "./png.ts";

/**
 * Every pixel size a manifest asks for: ribbon buttons 16, 32 and 80 (plus 20, 24, 40, 48 and 64
 * for high-DPI screens), the add-in icons (32 and 64 for Excel, 64 and 128 for Outlook), Outlook
 * mobile's 25, 32 and 48 at scales 1 to 3, and the unified manifest's 192 px colour icon.
 */
export const ICON_SIZES = [16, 20, 24, 25, 32, 40, 48, 50, 64, 75, 80, 96, 128, 144, 192] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/** The unified manifest's monochrome icon is 32 px, white on transparent. */
export const OUTLINE_ICON = "outline-32.png";

/** Where the server serves the icons; manifests point here. */
export const ICONS_PATH = "/addins/icons";

export const iconFile = (size: IconSize) => `icon-${size}.png`;

let cache: ReadonlyMap<string, Buffer> | null = null;

/** Every icon by file name, drawn once per process (a few milliseconds). */
export function iconFiles(): ReadonlyMap<string, Buffer> {
  if (!cache) {
    const files = new Map<string, Buffer>(ICON_SIZES.map((size) => [iconFile(size), encodePng(drawMark(size))]));
    files.set(OUTLINE_ICON, encodePng(drawMark(32, "outline")));
    cache = files;
  }
  return cache;
}

/** Changes when the artwork does, so the add-ins' version rises with it (Office caches icons). */
export function iconsFingerprint(): string {
  const hash = createHash("sha256");
  for (const [name, bytes] of iconFiles()) hash.update(name).update(bytes);
  return hash.digest("hex");
}
