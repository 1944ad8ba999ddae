import { afterEach, describe, expect, it } from "vitest";
import { OfficeCallError, officeAsync } from "./office-async.ts";
import { asyncApi, installOutlook } from "./testing/outlook-mock.ts";

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

describe("officeAsync", () => {
  it("resolves with the value of a succeeded call", async () => {
    installOutlook({});
    expect(await officeAsync<number>((done) => asyncApi({ value: 42 })(done))).toBe(42);
  });

  it("rejects a failed call with an OfficeCallError, never a string", async () => {
    installOutlook({});
    const error = await officeAsync((done) => asyncApi({ error: { code: 9041, message: "Network" } })(done)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OfficeCallError);
    expect(error).toMatchObject({ code: 9041, message: "Network" });
  });

  it("rejects with an Error when the API itself is missing on this host", async () => {
    installOutlook({});
    const missing = undefined as unknown as { getAsync: (cb: unknown) => void };
    await expect(officeAsync((done) => missing.getAsync(done))).rejects.toBeInstanceOf(TypeError);
  });
});
