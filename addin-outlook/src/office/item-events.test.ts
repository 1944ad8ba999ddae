import { afterEach, describe, expect, it } from "vitest";
import { offItemChanged, onItemChanged, onSelectedItemsChanged } from "./item-events.ts";
import { asyncApi, installOutlook } from "./testing/outlook-mock.ts";

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

/** A mailbox that keeps the handlers it is given, so the test can raise the events. */
function mailboxWithEvents(fail = false) {
  const handlers = new Map<string, () => void>();
  const seen: unknown[][] = [];
  const mailbox = {
    addHandlerAsync: (eventType: string, handler: () => void, ...rest: unknown[]) => {
      handlers.set(eventType, handler);
      asyncApi(fail ? { error: { code: 5001, message: "Not supported" } } : { value: undefined }, seen)(
        eventType,
        ...rest,
      );
    },
    removeHandlerAsync: (eventType: string, ...rest: unknown[]) => {
      handlers.delete(eventType);
      asyncApi({ value: undefined }, seen)(eventType, ...rest);
    },
  };
  return { mailbox, handlers, seen };
}

describe("item events", () => {
  it("ItemChanged calls the handler each time the pinned pane's item changes", async () => {
    const { mailbox, handlers } = mailboxWithEvents();
    installOutlook({ mailbox });
    let changes = 0;
    await onItemChanged(() => changes++);
    handlers.get("olkItemSelectedChanged")?.();
    handlers.get("olkItemSelectedChanged")?.();
    expect(changes).toBe(2);
  });

  it("SelectedItemsChanged is registered under its own event type", async () => {
    const { mailbox, handlers } = mailboxWithEvents();
    installOutlook({ mailbox });
    let changes = 0;
    await onSelectedItemsChanged(() => changes++);
    handlers.get("olkSelectedItemsChanged")?.();
    expect(changes).toBe(1);
    expect(handlers.has("olkItemSelectedChanged")).toBe(false);
  });

  it("is removed when the pane stops following the selection", async () => {
    const { mailbox, handlers } = mailboxWithEvents();
    installOutlook({ mailbox });
    await onItemChanged(() => undefined);
    await offItemChanged();
    expect(handlers.has("olkItemSelectedChanged")).toBe(false);
  });

  it("a host that refuses the handler rejects with an Error", async () => {
    const { mailbox } = mailboxWithEvents(true);
    installOutlook({ mailbox });
    await expect(onItemChanged(() => undefined)).rejects.toMatchObject({ name: "OfficeCallError", code: 5001 });
  });
});
