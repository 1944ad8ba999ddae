import { afterEach, describe, expect, it } from "vitest";
import { getSelectedMails, loadSelectedMail } from "./selected-items.ts";
import { asyncApi, graphFixture, installOutlook } from "./testing/outlook-mock.ts";

type GraphMessage = {
  id: string;
  subject: string;
  internetMessageId?: string;
  conversationId?: string;
  sender: { emailAddress: { name: string; address: string } };
};
const page = graphFixture<{ value: GraphMessage[] }>("messages-delta_ex2_changeType-created_round1_page1.json").value;

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

describe("selected mails (Mailbox 1.13)", () => {
  it("lists the selected mails and leaves appointments out", async () => {
    const selected = [
      ...page.map((m) => ({
        itemId: m.id,
        itemType: "message",
        itemMode: "read",
        subject: m.subject,
        internetMessageId: m.internetMessageId ?? "",
        conversationId: m.conversationId ?? "",
        hasAttachment: false,
      })),
      {
        itemId: "AAMkMeeting=",
        itemType: "appointment",
        itemMode: "read",
        subject: "Standup",
        internetMessageId: "",
        conversationId: "",
        hasAttachment: false,
      },
    ];
    installOutlook({ mailbox: { getSelectedItemsAsync: asyncApi({ value: selected }) } });
    const mails = await getSelectedMails();
    expect(mails.map((m) => m.subject)).toEqual(page.map((m) => m.subject));
    expect(mails.every((m) => m.itemId && m.subject)).toBe(true);
  });

  it("loads one selected mail in full and unloads it afterwards (Mailbox 1.15)", async () => {
    const [first] = page as [GraphMessage];
    const unloads: unknown[][] = [];
    const loadCalls: unknown[][] = [];
    const loaded = {
      itemType: "message",
      itemId: first.id,
      internetMessageId: "<loaded@contoso.com>",
      conversationId: "conv",
      subject: first.subject,
      // The delta query selected subject and sender only: the rest is what Outlook would add.
      from: { displayName: first.sender.emailAddress.name, emailAddress: first.sender.emailAddress.address },
      to: [],
      cc: [],
      dateTimeCreated: new Date("2016-11-16T23:05:01Z"),
      unloadAsync: asyncApi({ value: undefined }, unloads),
    };
    installOutlook({ mailbox: { loadItemByIdAsync: asyncApi({ value: loaded }, loadCalls) } });
    const mail = await loadSelectedMail(first.id);
    expect(loadCalls).toEqual([[first.id]]);
    expect(unloads).toHaveLength(1);
    expect(mail).toMatchObject({
      subject: first.subject,
      internetMessageId: "<loaded@contoso.com>",
      people: [{ role: "from", name: "Megan Brown" }],
      date: "2016-11-16T23:05:01.000Z",
    });
  });

  it("rejects with an Error when Outlook cannot load the mail", async () => {
    installOutlook({ mailbox: { loadItemByIdAsync: asyncApi({ error: { code: 9030, message: "Item not found" } }) } });
    await expect(loadSelectedMail("gone")).rejects.toMatchObject({ name: "OfficeCallError", code: 9030 });
  });
});
