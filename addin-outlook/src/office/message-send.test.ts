import { afterEach, describe, expect, it } from "vitest";
import { ON_SEND_FUNCTION, registerMessageSend } from "./message-send.ts";
import { installOutlook } from "./testing/outlook-mock.ts";

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

/** Office.actions as the event runtime has it: the manifest's function name to the handler. */
function actions() {
  const associated = new Map<string, (event: unknown) => void>();
  return {
    associated,
    api: { associate: (name: string, handler: (event: unknown) => void) => associated.set(name, handler) },
  };
}

/** Raises OnMessageSend and resolves with what the handler passed to event.completed. */
function send(handler: ((event: unknown) => void) | undefined) {
  return new Promise<unknown>((resolve) => handler?.({ completed: (options: unknown) => resolve(options) }));
}

describe("the OnMessageSend handler", () => {
  it("is registered under the manifest's function name and lets the mail go once the work is done", async () => {
    const { associated, api } = actions();
    installOutlook({}, { actions: api });
    const done: string[] = [];
    registerMessageSend(async () => {
      done.push("logged");
    });
    expect([...associated.keys()]).toEqual([ON_SEND_FUNCTION]);
    expect(await send(associated.get(ON_SEND_FUNCTION))).toEqual({ allowEvent: true });
    expect(done).toEqual(["logged"]);
  });

  it("never blocks sending when the work fails", async () => {
    const { associated, api } = actions();
    installOutlook({}, { actions: api });
    registerMessageSend(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(await send(associated.get(ON_SEND_FUNCTION))).toEqual({ allowEvent: true });
  });
});
