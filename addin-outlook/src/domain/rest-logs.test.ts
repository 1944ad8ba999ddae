import { ActivityCreate } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import type { ConversationMail } from "./conversation-rest.ts";
import { itemPerson } from "./outlook-item.ts";
import { EMPTY_SELECTION, withRecord } from "./record-selection.ts";
import { type RestLogContext, restLogs } from "./rest-logs.ts";

const me = "alexw@contoso.onmicrosoft.com";
const received: ConversationMail = {
  kind: "message",
  mode: "read",
  itemId: "AAMk1=",
  internetMessageId: "<mail.1@contoso.onmicrosoft.com>",
  conversationId: "AAQkADOUpag6yWs=",
  subject: "9/9/2018: concert",
  people: [itemPerson("Adele Vance", "adelev@contoso.OnMicrosoft.com", "from"), itemPerson("Alex Wilber", me, "to")],
  date: "2018-09-11T08:00:00.000Z",
  sentAt: "2018-09-11T07:59:58.000Z",
  preview: "The group represents\r\n\r\n\r\nNevada.",
};
const sent: ConversationMail = {
  ...received,
  internetMessageId: "<mail.2@contoso.onmicrosoft.com>",
  subject: "",
  people: [itemPerson("Alex Wilber", me, "from"), itemPerson("Adele Vance", "adelev@contoso.OnMicrosoft.com", "to")],
  preview: null,
};
const contoso = withRecord(EMPTY_SELECTION, { kind: "account", id: "acc_contoso", name: "Contoso" });
const context = (changes: Partial<RestLogContext> = {}): RestLogContext => ({
  selection: contoso,
  captureLevel: "body",
  contactIdByAddress: new Map([["adelev@contoso.onmicrosoft.com", "con_adele"]]),
  userAddress: me,
  untitled: "(no subject)",
  ...changes,
});

describe("restLogs", () => {
  it("logs each mail under its own internetMessageId, to this mail's records, in or out", () => {
    const logs = restLogs([received, sent], context());
    expect(logs.map((l) => [l.key, l.label])).toEqual([
      ["<mail.1@contoso.onmicrosoft.com>", "9/9/2018: concert"],
      ["<mail.2@contoso.onmicrosoft.com>", "(no subject)"],
    ]);
    for (const log of logs) expect(ActivityCreate.safeParse(log.body).success).toBe(true);
    expect(logs[0]?.body).toMatchObject({
      type: "email",
      direction: "in",
      accountId: "acc_contoso",
      occurredAt: received.date,
      externalIds: { internetMessageId: received.internetMessageId, conversationId: "AAQkADOUpag6yWs=" },
      participants: [{ role: "from", contactId: "con_adele" }, { role: "to" }],
    });
    expect(logs[1]?.body.direction).toBe("out");
    expect(logs.some((l) => l.body.policyOverride)).toBe(false);
  });

  it("keeps Graph's preview as the body only where the capture level keeps bodies", () => {
    const body = (level: RestLogContext["captureLevel"]) =>
      restLogs([received], context({ captureLevel: level }))[0]?.body;
    expect(body("body")).toMatchObject({ subject: "9/9/2018: concert", bodyText: "The group represents\n\nNevada." });
    expect(body("subject")).toMatchObject({ subject: "9/9/2018: concert", bodyText: null });
    expect(body("metadata")).toMatchObject({ subject: null, bodyText: null });
  });
});
