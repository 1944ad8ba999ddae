import { afterEach, describe, expect, it } from "vitest";
import { readBodyText } from "./item-body.ts";
import { asyncApi, installOutlook } from "./testing/outlook-mock.ts";

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

describe("readBodyText", () => {
  it("asks Outlook for the body as text (Outlook strips the HTML itself)", async () => {
    const seen: unknown[][] = [];
    installOutlook({
      mailbox: { item: { body: { getAsync: asyncApi({ value: "The group represents Nevada.\r\n" }, seen) } } },
    });
    expect(await readBodyText()).toBe("The group represents Nevada.\r\n");
    expect(seen).toEqual([["text"]]);
  });

  it("rejects with an Error when Outlook cannot give it", async () => {
    installOutlook({
      mailbox: { item: { body: { getAsync: asyncApi({ error: { code: 9020, message: "Generic response error" } }) } } },
    });
    await expect(readBodyText()).rejects.toMatchObject({ name: "OfficeCallError", code: 9020 });
  });
});
