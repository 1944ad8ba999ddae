import { afterEach, describe, expect, it } from "vitest";
import { readItemProperty, writeItemProperty } from "./item-property.ts";
import { asyncApi, installOutlook, type Outcome } from "./testing/outlook-mock.ts";

/** Custom properties as Exchange keeps them: changes count only once saveAsync succeeds. */
function itemWithProperties(initial: Record<string, string>, save: Outcome<void> = { value: undefined }) {
  const saved = { ...initial };
  const item = {
    loadCustomPropertiesAsync: asyncApi(() => {
      const loaded = { ...saved };
      return {
        value: {
          get: (name: string) => loaded[name],
          set: (name: string, value: string) => {
            loaded[name] = value;
          },
          remove: (name: string) => {
            delete loaded[name];
          },
          saveAsync: asyncApi(() => {
            if ("value" in save) {
              for (const key of Object.keys(saved)) delete saved[key];
              Object.assign(saved, loaded);
            }
            return save;
          }),
        },
      };
    }),
  };
  return { item, saved };
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

describe("the item's custom property", () => {
  it("is stored as JSON and read back as the value", async () => {
    const { item, saved } = itemWithProperties({});
    installOutlook({ mailbox: { item } });
    await writeItemProperty({ v: 1, kind: "send", key: "<k@rapport.invalid>" });
    expect(saved.rapport).toBe('{"v":1,"kind":"send","key":"<k@rapport.invalid>"}');
    expect(await readItemProperty()).toEqual({ v: 1, kind: "send", key: "<k@rapport.invalid>" });
  });

  it("reads as null when the item carries none or something unreadable", async () => {
    installOutlook({ mailbox: { item: itemWithProperties({}).item } });
    expect(await readItemProperty()).toBeNull();
    installOutlook({ mailbox: { item: itemWithProperties({ rapport: "{not json" }).item } });
    expect(await readItemProperty()).toBeNull();
  });

  it("is removed with null", async () => {
    const { item, saved } = itemWithProperties({ rapport: '{"v":1}' });
    installOutlook({ mailbox: { item } });
    await writeItemProperty(null);
    expect(saved.rapport).toBeUndefined();
  });

  it("rejects with an Error when Outlook cannot save it", async () => {
    const { item } = itemWithProperties({}, { error: { code: 9002, message: "Internal error" } });
    installOutlook({ mailbox: { item } });
    await expect(writeItemProperty({ v: 1 })).rejects.toMatchObject({ name: "OfficeCallError", code: 9002 });
  });

  it("rejects with an Error when no item is open", async () => {
    installOutlook({ mailbox: { userProfile: { displayName: "", emailAddress: "" } } });
    await expect(readItemProperty()).rejects.toBeInstanceOf(Error);
  });
});
