import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { LoggedMail, PrivacyPolicy } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import type { GraphMessage } from "../graph/graph-message.ts";
import { conversationRest, mailFromGraph } from "./conversation-rest.ts";

/** Graph's recorded message-get.json: Adele's mail to Alex, the conversation's first. */
const first = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../../../shared/data/graph/docs-examples/message-get.json"), "utf8"),
) as GraphMessage;
const me = "AlexW@contoso.OnMicrosoft.com";
const policy: PrivacyPolicy = {
  blockedDomains: [],
  blockedAddresses: ["ceo@contoso.onmicrosoft.com"],
  personalDomains: [],
  captureLevel: "body",
  ownDomains: [],
  neverLog: [],
};
const mailOf = (n: number, changes: Partial<GraphMessage> = {}): GraphMessage => ({
  ...first,
  id: `AAMk${n}=`,
  internetMessageId: `<mail.${n}@contoso.onmicrosoft.com>`,
  receivedDateTime: `2018-09-1${n}T08:00:00Z`,
  sentDateTime: `2018-09-1${n}T07:59:58Z`,
  ...changes,
});
const loggedAs = (internetMessageId: string, occurredAt = "2018-09-09T03:15:08Z", subject: string | null = null) =>
  ({
    activity: {
      id: `act_${internetMessageId}`,
      subject,
      occurredAt,
      direction: "out",
      externalIds: { internetMessageId },
    },
    loggedByName: "Alex Wilber",
    links: [],
  }) as unknown as LoggedMail;
const context = { openIds: [first.internetMessageId ?? null], logged: [], userAddress: me, policy };

describe("mailFromGraph", () => {
  it("reads Graph's message as the pane's mail: sender, recipients, received time, preview", () => {
    expect(mailFromGraph(first)).toEqual({
      kind: "message",
      mode: "read",
      itemId: "AAMkADhMGAAA=",
      internetMessageId: "<MWHPR6E1BE060@MWHPR1120.namprd22.prod.outlook.com>",
      conversationId: "AAQkADOUpag6yWs=",
      subject: "9/9/2018: concert",
      people: [
        { name: "Adele Vance", address: "adelev@contoso.OnMicrosoft.com", role: "from" },
        { name: "Alex Wilber", address: "AlexW@contoso.OnMicrosoft.com", role: "to" },
      ],
      date: "2018-09-09T03:15:08.000Z",
      sentAt: "2018-09-09T03:15:06.000Z",
      preview: "The group represents Nevada.",
    });
  });

  it("leaves out drafts and mails without an internetMessageId", () => {
    expect(mailFromGraph({ ...first, isDraft: true })).toBeNull();
    expect(mailFromGraph({ ...first, internetMessageId: "  " })).toBeNull();
    expect(mailFromGraph({ ...first, internetMessageId: null })).toBeNull();
  });
});

describe("conversationRest", () => {
  it("is what is not in Rapport yet, oldest first, without the open mail or the same mail twice", () => {
    const later = mailOf(3);
    const earlier = mailOf(1);
    const rest = conversationRest([first, later, earlier, { ...earlier, id: "copy-in-another-folder" }], context);
    expect(rest.loggable.map((m) => m.internetMessageId)).toEqual([earlier.internetMessageId, later.internetMessageId]);
    expect(rest.held).toEqual([]);
  });

  it("leaves out mails already logged, whoever logged them", () => {
    const logged = mailOf(1);
    const rest = conversationRest([first, logged, mailOf(2)], {
      ...context,
      logged: [loggedAs(logged.internetMessageId as string)],
    });
    expect(rest.loggable.map((m) => m.internetMessageId)).toEqual(["<mail.2@contoso.onmicrosoft.com>"]);
  });

  it("holds back what the privacy policy would hold back if each mail were opened", () => {
    const fromCeo = mailOf(1, { from: { emailAddress: { name: "CEO", address: "CEO@contoso.onmicrosoft.com" } } });
    const rest = conversationRest([fromCeo, mailOf(2)], context);
    expect(rest.loggable).toHaveLength(1);
    expect(rest.held).toMatchObject([{ hold: { reason: "blocked_address" }, mail: { subject: "9/9/2018: concert" } }]);
  });

  it("knows a mail logged as it was sent, still under the pane's key, by sender, subject and send time", () => {
    const mine = { emailAddress: { name: "Alex Wilber", address: "alexw@contoso.onmicrosoft.com" } };
    const sent = mailOf(2, { from: mine, subject: "RE: 9/9/2018: concert", sentDateTime: "2018-09-12T07:59:58Z" });
    const sameTimeOtherSubject = mailOf(3, { from: mine, subject: "Other", sentDateTime: "2018-09-12T08:00:30Z" });
    const logged = loggedAs("<rapport-send.5d0c@rapport.invalid>", "2018-09-12T07:59:00Z", "RE: 9/9/2018: concert");
    const rest = conversationRest([first, sent, sameTimeOtherSubject], { ...context, logged: [logged] });
    expect(rest.loggable.map((m) => m.subject)).toEqual(["Other"]);

    // The same log does not stand for a mail someone else sent, nor for a mail sent an hour later.
    const received = mailOf(4, { subject: "RE: 9/9/2018: concert", sentDateTime: "2018-09-12T07:59:58Z" });
    const hourLater = mailOf(5, { from: mine, subject: "RE: 9/9/2018: concert", sentDateTime: "2018-09-12T09:00:00Z" });
    const again = conversationRest([received, hourLater], { ...context, logged: [logged] });
    expect(again.loggable).toHaveLength(2);
  });

  it("leaves out the open mail under either of its ids", () => {
    const key = "<rapport-send.77@rapport.invalid>";
    const rest = conversationRest([first, mailOf(1, { internetMessageId: key })], {
      ...context,
      openIds: [null, first.internetMessageId ?? null, key],
    });
    expect(rest.loggable).toEqual([]);
  });
});
