import { ActivityCreate, LIMITS } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { captured } from "./capture.ts";
import { type LogContext, MAX_PARTICIPANTS, mailActivity, meetingActivity, meetingKey } from "./item-activity.ts";
import { itemPerson, type MailItem, type MeetingItem } from "./outlook-item.ts";
import { EMPTY_SELECTION } from "./record-selection.ts";

// Graph's message-get.json as the pane reads it.
const mail: MailItem = {
  kind: "message",
  mode: "read",
  itemId: "AAMkADhMGAAA=",
  internetMessageId: "<MWHPR6E1BE060@MWHPR1120.namprd22.prod.outlook.com>",
  conversationId: "AAQkADOUpag6yWs=",
  subject: "9/9/2018: concert",
  people: [
    itemPerson("Adele Vance", "adelev@contoso.OnMicrosoft.com", "from"),
    itemPerson("Alex Wilber", "AlexW@contoso.OnMicrosoft.com", "to"),
  ],
  date: "2018-09-09T03:15:08.000Z",
};
const context = (overrides: Partial<LogContext> = {}): LogContext => ({
  selection: EMPTY_SELECTION,
  text: captured("body", mail.subject, "The group represents Nevada."),
  contactIdByAddress: new Map([["adelev@contoso.onmicrosoft.com", "con_adele"]]),
  userAddress: "AlexW@contoso.OnMicrosoft.com",
  policyOverride: false,
  ...overrides,
});

describe("mailActivity", () => {
  it("makes a received mail an incoming email keyed by its ids, sender linked to her contact", () => {
    const body = mailActivity(mail, mail.internetMessageId as string, context());
    expect(ActivityCreate.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      type: "email",
      direction: "in",
      subject: "9/9/2018: concert",
      bodyText: "The group represents Nevada.",
      occurredAt: "2018-09-09T03:15:08.000Z",
      externalIds: { internetMessageId: mail.internetMessageId, conversationId: "AAQkADOUpag6yWs=" },
      participants: [
        { address: "adelev@contoso.OnMicrosoft.com", name: "Adele Vance", role: "from", contactId: "con_adele" },
        { address: "AlexW@contoso.OnMicrosoft.com", name: "Alex Wilber", role: "to", contactId: null },
      ],
    });
    expect(body).not.toHaveProperty("policyOverride");
  });

  it("files it under the chosen account, deal and case, and adds chosen contacts not on the mail", () => {
    const selection = {
      account: { kind: "account" as const, id: "acc_contoso", name: "Contoso" },
      opportunity: { kind: "opportunity" as const, id: "opp_concert", name: "Concert" },
      case: null,
      contacts: [
        { kind: "contact" as const, id: "con_adele", name: "Adele Vance" },
        { kind: "contact" as const, id: "con_megan", name: "Megan Bowen" },
      ],
    };
    const body = mailActivity(mail, "<id@x>", context({ selection, policyOverride: true }));
    expect(body).toMatchObject({
      accountId: "acc_contoso",
      opportunityId: "opp_concert",
      caseId: null,
      policyOverride: true,
    });
    expect(body.participants?.filter((p) => p.contactId === "con_megan")).toEqual([
      { address: null, name: "Megan Bowen", role: null, contactId: "con_megan" },
    ]);
    expect(body.participants?.filter((p) => p.contactId === "con_adele")).toHaveLength(1);
  });

  it("keeps at most 500 participants of a 500-recipient mail, chosen contacts first", () => {
    const crowd: MailItem = {
      ...mail,
      people: [
        mail.people[0] as MailItem["people"][number],
        ...Array.from({ length: 500 }, (_, i) => itemPerson(`Guest ${i}`, `guest${i}@fabrikam.example`, "to")),
      ],
    };
    const selection = { ...EMPTY_SELECTION, contacts: [{ kind: "contact" as const, id: "con_megan", name: "Megan" }] };
    const body = mailActivity(crowd, "<id@x>", context({ selection }));
    expect(body.participants).toHaveLength(MAX_PARTICIPANTS);
    expect(body.participants?.[0]?.contactId).toBe("con_megan");
    expect(ActivityCreate.safeParse(body).success).toBe(true);
  });

  it("sends an X.500 sender by name only and counts mail from the user as outgoing", () => {
    const x500: MailItem = {
      ...mail,
      people: [
        itemPerson("Ops Robot", "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=OPS", "from"),
      ],
    };
    expect(mailActivity(x500, "<id@x>", context()).participants).toEqual([
      { address: null, name: "Ops Robot", role: "from", contactId: null },
    ]);
    const sent = { ...mail, people: [itemPerson("Alex Wilber", "alexw@contoso.onmicrosoft.com", "from")] };
    expect(mailActivity(sent, "<id@x>", context()).direction).toBe("out");
  });
});

describe("captured text", () => {
  const subject = "RE: 😊 عرض السعر – devis n°42".repeat(10);
  const fiveMegabytes = `<p>${"x".repeat(5 * 1024 * 1024)}</p>`;

  it("keeps nothing but metadata, the subject, or both, as the capture level says", () => {
    expect(captured("metadata", subject, "body")).toEqual({ subject: null, bodyText: null });
    expect(captured("subject", "Devis", "body")).toEqual({ subject: "Devis", bodyText: null });
    expect(captured("body", "Devis", "Bonjour\r\n\r\n\r\n\r\nMerci")).toEqual({
      subject: "Devis",
      bodyText: "Bonjour\n\nMerci",
    });
  });

  it("cuts a 5 MB body and a long emoji and right-to-left subject to the server's limits, never inside a character", () => {
    const text = captured("body", subject, fiveMegabytes);
    expect(text.bodyText?.length).toBeLessThanOrEqual(LIMITS.longText);
    expect(text.subject?.length).toBeLessThanOrEqual(LIMITS.shortText);
    expect(text.subject && /[\ud800-\udbff]$/.test(text.subject)).toBe(false);
    expect(subject.startsWith(text.subject ?? "")).toBe(true);
  });
});

describe("meetings", () => {
  const meeting: MeetingItem = {
    kind: "appointment",
    mode: "read",
    itemId: "AAMkAGIAAAoZDOFAAA=",
    subject: "Orientation ",
    people: [
      itemPerson("Samantha Booth", "samanthab@a830edad905084922E17020313.onmicrosoft.com", "organizer"),
      itemPerson("Dana Swope", "danas@a830edad905084922E17020313.onmicrosoft.com", "attendee"),
    ],
    start: "2017-04-21T17:00:00.000Z",
    end: "2017-04-21T19:00:00.000Z",
    location: "Assembly Hall",
    seriesId: null,
    series: null,
  };

  it("are keyed by organizer and start: the same for every attendee's copy, another for another occurrence", () => {
    const attendeeCopy = { ...meeting, itemId: "another-mailbox-id", mode: "compose" as const };
    expect(meetingKey(attendeeCopy, meeting.start)).toBe(meetingKey(meeting, meeting.start));
    expect(meetingKey(meeting, "2017-04-28T17:00:00.000Z")).not.toBe(meetingKey(meeting, meeting.start));
  });

  it("become a meeting activity at the occurrence's start with organizer and attendees", () => {
    const key = meetingKey(meeting, meeting.start);
    const body = meetingActivity(meeting, { start: meeting.start, end: meeting.end, key }, context());
    expect(ActivityCreate.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      type: "meeting",
      occurredAt: meeting.start,
      externalIds: { iCalUId: key },
      participants: [{ role: "organizer" }, { role: "attendee" }],
    });
  });

  it("keep their end and place as fields, not written into the body", () => {
    const key = meetingKey(meeting, meeting.start);
    const text = captured("body", meeting.subject, "Bring your badge.");
    const body = meetingActivity(meeting, { start: meeting.start, end: meeting.end, key }, context({ text }));
    expect(body).toMatchObject({ endsAt: meeting.end, location: "Assembly Hall", bodyText: "Bring your badge." });
    const nowhere = meetingActivity(
      { ...meeting, location: "  " },
      { start: meeting.start, end: meeting.end, key },
      context({ text }),
    );
    expect(nowhere.location).toBeNull();
    const long = meetingActivity(
      { ...meeting, location: "Salle ".repeat(200) },
      { start: meeting.start, end: meeting.end, key },
      context({ text }),
    );
    expect(ActivityCreate.safeParse(long).success).toBe(true);
  });
});
