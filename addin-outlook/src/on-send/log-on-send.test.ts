import type { Activity } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import type { ActivityBody } from "../domain/item-activity.ts";
import type { ItemMark } from "../domain/item-mark.ts";
import { itemPerson, type MailItem } from "../domain/outlook-item.ts";
import { outboxStore } from "../outbox/outbox-store.ts";
import { logOnSend, type OnSendDeps } from "./log-on-send.ts";

const draft: MailItem = {
  kind: "message",
  mode: "compose",
  itemId: null,
  internetMessageId: null,
  conversationId: "AAQkADOUpag6yWs=",
  subject: "RE: 9/9/2018: concert",
  people: [
    itemPerson("Alex Wilber", "alexw@contoso.onmicrosoft.com", "from"),
    itemPerson("Adele Vance", "adelev@contoso.onmicrosoft.com", "to"),
  ],
  date: "2026-03-02T09:00:00.000Z",
};
const chosen: ItemMark = {
  v: 1,
  kind: "send",
  key: "<rapport-send.5d0c@rapport.invalid>",
  links: [{ kind: "account", id: "acc_contoso", name: "Contoso" }],
  state: "chosen",
  override: false,
  activityId: null,
  at: null,
  by: null,
  attached: false,
};

/** The Office side of the handler, as plain values: the draft, its body and its mark. */
function deps(send: OnSendDeps["send"], mark: ItemMark | null = chosen) {
  const written: ItemMark[] = [];
  const sent: ActivityBody[] = [];
  const store = outboxStore(null);
  const all: OnSendDeps = {
    store,
    send: (body) => {
      sent.push(body);
      return send(body);
    },
    captureLevel: "subject",
    userAddress: "alexw@contoso.onmicrosoft.com",
    readMark: async () => mark,
    writeMark: async (next) => void written.push(next),
    readItem: async () => draft,
    readBody: async () => "a body the capture level keeps out",
  };
  return { all, written, sent, store };
}

describe("logOnSend", () => {
  it("does nothing for a mail not chosen for logging", async () => {
    const { all, sent, written } = deps(async () => ({}) as Activity, null);
    expect(await logOnSend(all)).toBe("not_chosen");
    expect(sent).toEqual([]);
    expect(written).toEqual([]);
  });

  it("logs the draft as it leaves, under the compose key, and marks it logged on the item", async () => {
    const activity = { id: "act_9", createdAt: "2026-03-02T09:00:01.000Z" } as Activity;
    const { all, sent, written, store } = deps(async () => activity);
    expect(await logOnSend(all)).toBe("logged");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      type: "email",
      direction: "out",
      subject: "RE: 9/9/2018: concert",
      bodyText: null,
      accountId: "acc_contoso",
      externalIds: { internetMessageId: chosen.key, conversationId: "AAQkADOUpag6yWs=" },
    });
    expect(written).toEqual([{ ...chosen, state: "logged", activityId: "act_9", at: activity.createdAt }]);
    expect(store.list()).toEqual([]);
  });

  it("keeps the log queued and says so on the item when Rapport cannot be reached", async () => {
    const { all, written, store } = deps(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(await logOnSend(all)).toBe("queued");
    expect(written).toEqual([{ ...chosen, state: "queued" }]);
    expect(store.get(chosen.key)).toMatchObject({ state: "pending", failure: { reason: "offline" } });
  });

  it("sends nothing for a mail already logged", async () => {
    const { all, sent } = deps(async () => ({}) as Activity, { ...chosen, state: "logged" });
    expect(await logOnSend(all)).toBe("not_chosen");
    expect(sent).toEqual([]);
  });
});
