import { afterEach, describe, expect, it } from "vitest";
import { hostCapabilities } from "./host-capabilities.ts";
import { installOutlook, mailboxUpTo } from "./testing/outlook-mock.ts";

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

describe("hostCapabilities", () => {
  it("on Mailbox 1.5 (mobile) is lookup and log only", () => {
    installOutlook({ requirements: mailboxUpTo("1.5") });
    expect(hostCapabilities()).toEqual({
      followsSelection: true,
      composeDetails: false,
      logWhenSent: false,
      onSend: false,
      multiSelect: false,
      loadSelected: false,
    });
  });

  it("on Mailbox 1.13 adds multi-select, not yet loading selected mails", () => {
    installOutlook({ requirements: mailboxUpTo("1.13") });
    expect(hostCapabilities()).toMatchObject({
      logWhenSent: true,
      onSend: true,
      multiSelect: true,
      loadSelected: false,
    });
  });
});
