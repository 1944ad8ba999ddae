import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rememberCaptureLevel, roamingCaptureLevel, roamingServerUrl, roamingTokenStore } from "./roaming-settings.ts";
import { asyncApi, installOutlook, type Outcome } from "./testing/outlook-mock.ts";

/** Roaming settings as Outlook keeps them for the user: saved to the mailbox by saveAsync. */
function roamingSettings(save: Outcome<void> = { value: undefined }) {
  const values: Record<string, unknown> = {};
  const saves: unknown[][] = [];
  const settings = {
    get: (name: string) => values[name],
    set: (name: string, value: unknown) => {
      values[name] = value;
    },
    remove: (name: string) => {
      delete values[name];
    },
    saveAsync: asyncApi(save, saves),
  };
  return { settings, values, saves };
}

class MemoryStorage {
  private map = new Map<string, string>();
  getItem = (key: string) => this.map.get(key) ?? null;
  setItem = (key: string, value: string) => void this.map.set(key, value);
  removeItem = (key: string) => void this.map.delete(key);
}

beforeEach(() => {
  Object.assign(globalThis, { localStorage: new MemoryStorage() });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
  Reflect.deleteProperty(globalThis, "localStorage");
});

describe("the token in roaming settings", () => {
  it("is written with the server's address and saved to the mailbox once", async () => {
    const { settings, values, saves } = roamingSettings();
    installOutlook({ roamingSettings: settings });
    const store = roamingTokenStore("https://crm.example.com");
    await store.write("rap_secret");
    expect(values).toEqual({ "rapport.apiToken": "rap_secret", "rapport.serverUrl": "https://crm.example.com" });
    expect(saves).toHaveLength(1);
    expect(store.read()).toBe("rap_secret");
    expect(roamingServerUrl()).toBe("https://crm.example.com");
  });

  it("is removed on sign-out", async () => {
    const { settings, values } = roamingSettings();
    installOutlook({ roamingSettings: settings });
    const store = roamingTokenStore("https://crm.example.com");
    await store.write("rap_secret");
    await store.clear();
    expect(values["rapport.apiToken"]).toBeUndefined();
    expect(store.read()).toBeNull();
  });

  it("falls back to the browser's storage on a host without roaming settings", async () => {
    installOutlook({});
    const store = roamingTokenStore("https://crm.example.com");
    await store.write("rap_local");
    expect(localStorage.getItem("rapport.apiToken")).toBe("rap_local");
    expect(store.read()).toBe("rap_local");
  });

  it("rejects with an Error when the mailbox refuses to save", async () => {
    const { settings } = roamingSettings({ error: { code: 9057, message: "Roaming settings too large" } });
    installOutlook({ roamingSettings: settings });
    await expect(roamingTokenStore("https://crm.example.com").write("rap_x")).rejects.toMatchObject({
      name: "OfficeCallError",
      code: 9057,
    });
  });
});

describe("the capture level in roaming settings", () => {
  it("is saved only when it changes, and read back validated", async () => {
    const { settings, values, saves } = roamingSettings();
    installOutlook({ roamingSettings: settings });
    expect(roamingCaptureLevel()).toBeNull();
    await rememberCaptureLevel("subject");
    await rememberCaptureLevel("subject");
    expect(saves).toHaveLength(1);
    expect(roamingCaptureLevel()).toBe("subject");
    values["rapport.captureLevel"] = "everything";
    expect(roamingCaptureLevel()).toBeNull();
  });
});
