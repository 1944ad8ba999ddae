import { afterEach, describe, expect, it } from "vitest";
import { readCurrentItem } from "./read-item.ts";
import { asyncApi, graphFixture, installOutlook, mailboxUpTo } from "./testing/outlook-mock.ts";

type GraphPerson = { emailAddress: { name: string; address: string } };
type GraphMessage = {
  id: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  receivedDateTime: string;
  from: GraphPerson;
  toRecipients: GraphPerson[];
  ccRecipients: GraphPerson[];
};
const message = graphFixture<GraphMessage>("message-get.json");
const details = (p: GraphPerson) => ({ displayName: p.emailAddress.name, emailAddress: p.emailAddress.address });
const user = { displayName: "Alex Wilber", emailAddress: "AlexW@contoso.OnMicrosoft.com" };

function readMessage(overrides: Record<string, unknown> = {}) {
  return {
    itemType: "message",
    itemId: message.id,
    internetMessageId: message.internetMessageId,
    conversationId: message.conversationId,
    subject: message.subject,
    from: details(message.from),
    to: message.toRecipients.map(details),
    cc: message.ccRecipients.map(details),
    dateTimeCreated: new Date(message.receivedDateTime),
    ...overrides,
  };
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

describe("readCurrentItem", () => {
  it("reads a received mail (Graph's message-get) with its sender first and its ids", async () => {
    installOutlook({ mailbox: { item: readMessage(), userProfile: user }, requirements: mailboxUpTo("1.13") });
    const item = await readCurrentItem();
    expect(item).toEqual({
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
    });
  });

  it("keeps an Exchange X.500 sender by name and never as an address", async () => {
    const x500 = "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=ADELE";
    installOutlook({
      mailbox: { item: readMessage({ from: { displayName: "Adele Vance", emailAddress: x500 } }), userProfile: user },
      requirements: mailboxUpTo("1.13"),
    });
    const item = await readCurrentItem();
    expect(item?.people[0]).toEqual({ name: "Adele Vance", address: null, role: "from" });
  });

  it("says a Sent Item without an internetMessageId has none", async () => {
    installOutlook({
      mailbox: { item: readMessage({ internetMessageId: "" }), userProfile: user },
      requirements: mailboxUpTo("1.13"),
    });
    expect(await readCurrentItem()).toMatchObject({ kind: "message", internetMessageId: null });
  });

  it("reads a draft through each field's getAsync, the sender from Mailbox 1.7", async () => {
    const to = [{ displayName: "Adele Vance", emailAddress: "adelev@contoso.onmicrosoft.com" }];
    const bcc = [{ displayName: "Archive", emailAddress: "archive@contoso.onmicrosoft.com" }];
    installOutlook({
      mailbox: {
        item: {
          itemType: "message",
          conversationId: "AAQkADOUpag6yWs=",
          subject: { getAsync: asyncApi({ value: "RE: 9/9/2018: concert" }) },
          to: { getAsync: asyncApi({ value: to }) },
          cc: { getAsync: asyncApi({ value: [] }) },
          bcc: { getAsync: asyncApi({ value: bcc }) },
          from: { getAsync: asyncApi({ value: user }) },
        },
        userProfile: user,
      },
      requirements: mailboxUpTo("1.8"),
    });
    const item = await readCurrentItem();
    expect(item).toMatchObject({
      kind: "message",
      mode: "compose",
      internetMessageId: null,
      conversationId: "AAQkADOUpag6yWs=",
      subject: "RE: 9/9/2018: concert",
      people: [
        { name: "Alex Wilber", address: "AlexW@contoso.OnMicrosoft.com", role: "from" },
        { name: "Adele Vance", address: "adelev@contoso.onmicrosoft.com", role: "to" },
        { name: "Archive", address: "archive@contoso.onmicrosoft.com", role: "bcc" },
      ],
    });
  });

  it("on Mailbox 1.5 (mobile) takes the draft's sender from the user profile", async () => {
    installOutlook({
      mailbox: {
        item: {
          itemType: "message",
          subject: { getAsync: asyncApi({ value: "Devis" }) },
          to: { getAsync: asyncApi({ value: [] }) },
          cc: { getAsync: asyncApi({ value: [] }) },
          bcc: { getAsync: asyncApi({ value: [] }) },
        },
        userProfile: user,
      },
      requirements: mailboxUpTo("1.5"),
    });
    expect((await readCurrentItem())?.people).toEqual([
      { name: "Alex Wilber", address: "AlexW@contoso.OnMicrosoft.com", role: "from" },
    ]);
  });

  it("rejects with an Error carrying Office's code when a field cannot be read", async () => {
    installOutlook({
      mailbox: {
        item: {
          itemType: "message",
          subject: { getAsync: asyncApi({ value: "Devis" }) },
          to: { getAsync: asyncApi({ error: { code: 9041, message: "The network is unavailable." } }) },
          cc: { getAsync: asyncApi({ value: [] }) },
          bcc: { getAsync: asyncApi({ value: [] }) },
          from: { getAsync: asyncApi({ value: user }) },
        },
        userProfile: user,
      },
      requirements: mailboxUpTo("1.8"),
    });
    const failure = await readCurrentItem().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ name: "OfficeCallError", code: 9041, message: "The network is unavailable." });
  });

  it("reads a meeting as an attendee (Graph's events list), organizer first and once", async () => {
    type GraphEvent = {
      subject: string;
      organizer: GraphPerson;
      attendees: GraphPerson[];
      location: { displayName: string };
    };
    const [event] = graphFixture<{ value: GraphEvent[] }>("events-list_select_prefer-PST.json").value as [GraphEvent];
    installOutlook({
      mailbox: {
        item: {
          itemType: "appointment",
          itemId: "AAMkAGIAAAoZDOFAAA=",
          subject: event.subject,
          organizer: details(event.organizer),
          requiredAttendees: event.attendees.map(details),
          optionalAttendees: [],
          start: new Date("2017-04-21T17:00:00Z"),
          end: new Date("2017-04-21T19:00:00Z"),
          location: event.location.displayName,
        },
        userProfile: user,
      },
      requirements: mailboxUpTo("1.13"),
    });
    expect(await readCurrentItem()).toEqual({
      kind: "appointment",
      mode: "read",
      itemId: "AAMkAGIAAAoZDOFAAA=",
      subject: "Orientation ",
      people: [
        { name: "Samantha Booth", address: "samanthab@a830edad905084922E17020313.onmicrosoft.com", role: "organizer" },
        { name: "Dana Swope", address: "danas@a830edad905084922E17020313.onmicrosoft.com", role: "attendee" },
      ],
      start: "2017-04-21T17:00:00.000Z",
      end: "2017-04-21T19:00:00.000Z",
      location: "Assembly Hall",
      seriesId: null,
      series: null,
    });
  });

  it("tells a whole recurring series (to pick an occurrence) from one occurrence of it", async () => {
    const series = {
      itemType: "appointment",
      itemId: "AAMkAGUzYRgWAAA=",
      subject: "Review strategy for Q3",
      organizer: user,
      requiredAttendees: [],
      optionalAttendees: [],
      start: new Date("2019-04-08T20:30:00Z"),
      end: new Date("2019-04-08T21:00:00Z"),
      location: "",
      recurrence: { recurrenceType: "weekly", seriesTime: { getStartTime: () => "13:30", getDuration: () => 30 } },
    };
    installOutlook({ mailbox: { item: series, userProfile: user }, requirements: mailboxUpTo("1.8") });
    expect(await readCurrentItem()).toMatchObject({
      seriesId: null,
      series: { startTime: "13:30", durationMinutes: 30 },
    });

    installOutlook({
      mailbox: {
        item: { ...series, itemId: "AAMkAGUzYAgI1ru1JMcAAEYAAAAAlNFb2CNPe0ucP9you", seriesId: "AAMkAGUzYRgWAAA=" },
        userProfile: user,
      },
      requirements: mailboxUpTo("1.8"),
    });
    expect(await readCurrentItem()).toMatchObject({ seriesId: "AAMkAGUzYRgWAAA=", series: null });
  });

  it("reads a meeting being organised through getAsync", async () => {
    installOutlook({
      mailbox: {
        item: {
          itemType: "appointment",
          subject: { getAsync: asyncApi({ value: "Kick off planning" }) },
          organizer: { getAsync: asyncApi({ value: user }) },
          requiredAttendees: {
            getAsync: asyncApi({
              value: [{ displayName: "Adele Vance", emailAddress: "adelev@contoso.onmicrosoft.com" }],
            }),
          },
          optionalAttendees: { getAsync: asyncApi({ value: [] }) },
          start: { getAsync: asyncApi({ value: new Date("2026-03-02T09:00:00Z") }) },
          end: { getAsync: asyncApi({ value: new Date("2026-03-02T10:00:00Z") }) },
          location: { getAsync: asyncApi({ value: "Salle Eiffel" }) },
          recurrence: { getAsync: asyncApi({ value: null }) },
        },
        userProfile: user,
      },
      requirements: mailboxUpTo("1.8"),
    });
    expect(await readCurrentItem()).toMatchObject({
      kind: "appointment",
      mode: "compose",
      subject: "Kick off planning",
      people: [
        { role: "organizer", address: "AlexW@contoso.OnMicrosoft.com" },
        { role: "attendee", address: "adelev@contoso.onmicrosoft.com" },
      ],
      start: "2026-03-02T09:00:00.000Z",
      location: "Salle Eiffel",
      series: null,
    });
  });

  it("gives null when nothing is selected", async () => {
    installOutlook({ mailbox: { userProfile: user }, requirements: mailboxUpTo("1.13") });
    expect(await readCurrentItem()).toBeNull();
  });
});
