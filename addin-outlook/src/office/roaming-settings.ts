import type { TokenStore } from "@rapport/addin-kit";
import { CaptureLevel } from "@rapport/shared/schemas";
import { officeAsync } from "./office-async.ts";

const TOKEN = "rapport.apiToken";
const SERVER = "rapport.serverUrl";
const CAPTURE = "rapport.captureLevel";

function roaming(): Office.RoamingSettings | null {
  return typeof Office !== "undefined" ? (Office.context?.roamingSettings ?? null) : null;
}

function browserStorage(): Storage | null {
  return typeof localStorage !== "undefined" ? localStorage : null;
}

async function saveRoaming(settings: Office.RoamingSettings): Promise<void> {
  await officeAsync<void>((done) => settings.saveAsync(done));
}

/**
 * The API token in Outlook's roaming settings, which follow the user to every device and reach
 * the on-send handler (which has no browser storage on Windows); the browser's storage when the
 * host has no roaming settings. The server's address goes with it, for the same handler.
 */
export function roamingTokenStore(serverUrl: string): TokenStore {
  return {
    read() {
      const settings = roaming();
      const value = settings?.get(TOKEN);
      if (typeof value === "string" && value) return value;
      return browserStorage()?.getItem(TOKEN) ?? null;
    },
    async write(token) {
      const settings = roaming();
      if (!settings) {
        browserStorage()?.setItem(TOKEN, token);
        return;
      }
      settings.set(TOKEN, token);
      settings.set(SERVER, serverUrl);
      await saveRoaming(settings);
    },
    async clear() {
      browserStorage()?.removeItem(TOKEN);
      const settings = roaming();
      if (!settings) return;
      settings.remove(TOKEN);
      await saveRoaming(settings);
    },
  };
}

/** Where Rapport is, for a runtime that was not served by it (classic Outlook's on-send runtime). */
export function roamingServerUrl(): string | null {
  const value = roaming()?.get(SERVER);
  return typeof value === "string" && value ? value : null;
}

/** The capture level the pane last read from the server, for the on-send handler to apply offline. */
export function roamingCaptureLevel(): CaptureLevel | null {
  const parsed = CaptureLevel.safeParse(roaming()?.get(CAPTURE));
  return parsed.success ? parsed.data : null;
}

/** Remembers the capture level (a write to the mailbox only when it changed). */
export async function rememberCaptureLevel(level: CaptureLevel): Promise<void> {
  const settings = roaming();
  if (!settings || settings.get(CAPTURE) === level) return;
  settings.set(CAPTURE, level);
  await saveRoaming(settings);
}
