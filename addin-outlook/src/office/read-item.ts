import { normalizeEmail } from "@rapport/shared/normalize";
import {
  type ItemPerson,
  itemPerson,
  type MailItem,
  type MeetingItem,
  type OutlookItem,
  type PersonRole,
  type SeriesPattern,
} from "../domain/outlook-item.ts";
import { hostCapabilities } from "./host-capabilities.ts";
import {
  getFrom,
  getLocation,
  getOrganizer,
  getRecipients,
  getRecurrence,
  getSubject,
  getTime,
} from "./item-fields.ts";
import { outlookUser } from "./outlook-user.ts";

type Details = Pick<Office.EmailAddressDetails, "displayName" | "emailAddress"> | null | undefined;

/**
 * The item Outlook shows now, as plain data: a mail or a meeting, being read or composed. Null
 * when nothing is selected (a pinned pane over an empty folder).
 */
export async function readCurrentItem(): Promise<OutlookItem | null> {
  const item = Office.context.mailbox?.item;
  if (!item) return null;
  const compose = typeof (item as { subject: unknown }).subject !== "string";
  if (item.itemType === Office.MailboxEnums.ItemType.Appointment) {
    return compose
      ? readMeetingCompose(item as Office.AppointmentCompose)
      : readMeeting(item as Office.AppointmentRead);
  }
  return compose ? readMailCompose(item as Office.MessageCompose) : readMail(item as Office.MessageRead);
}

/** A received or sent mail; also what Mailbox 1.15 gives for a selected mail loaded by id. */
export function readMail(
  mail: Pick<
    Office.MessageRead,
    "itemId" | "internetMessageId" | "conversationId" | "subject" | "from" | "sender" | "to" | "cc" | "dateTimeCreated"
  >,
): MailItem {
  return {
    kind: "message",
    mode: "read",
    itemId: mail.itemId || null,
    internetMessageId: mail.internetMessageId?.trim() || null,
    conversationId: mail.conversationId || null,
    subject: mail.subject ?? "",
    people: [...peopleOf([mail.from ?? mail.sender], "from"), ...peopleOf(mail.to, "to"), ...peopleOf(mail.cc, "cc")],
    date: validDate(mail.dateTimeCreated),
  };
}

async function readMailCompose(mail: Office.MessageCompose): Promise<MailItem> {
  const [subject, to, cc, bcc, from] = await Promise.all([
    getSubject(mail.subject),
    getRecipients(mail.to),
    getRecipients(mail.cc),
    mail.bcc ? getRecipients(mail.bcc) : Promise.resolve([]),
    hostCapabilities().composeDetails ? getFrom(mail.from) : Promise.resolve(null),
  ]);
  return {
    kind: "message",
    mode: "compose",
    itemId: null,
    internetMessageId: null,
    conversationId: mail.conversationId || null,
    subject,
    people: [
      ...peopleOf([from ?? me()], "from"),
      ...peopleOf(to, "to"),
      ...peopleOf(cc, "cc"),
      ...peopleOf(bcc, "bcc"),
    ],
    date: new Date().toISOString(),
  };
}

function readMeeting(meeting: Office.AppointmentRead): MeetingItem {
  const recurrence = hostCapabilities().composeDetails ? meeting.recurrence : null;
  return {
    kind: "appointment",
    mode: "read",
    itemId: meeting.itemId || null,
    subject: meeting.subject ?? "",
    people: meetingPeople(meeting.organizer, meeting.requiredAttendees, meeting.optionalAttendees),
    start: validDate(meeting.start),
    end: validDate(meeting.end),
    location: meeting.location ?? "",
    seriesId: meeting.seriesId || null,
    series: meeting.seriesId ? null : seriesPattern(recurrence),
  };
}

async function readMeetingCompose(meeting: Office.AppointmentCompose): Promise<MeetingItem> {
  const details = hostCapabilities().composeDetails;
  const [subject, organizer, required, optional, start, end, location, recurrence] = await Promise.all([
    getSubject(meeting.subject),
    details ? getOrganizer(meeting.organizer) : Promise.resolve(me()),
    getRecipients(meeting.requiredAttendees),
    getRecipients(meeting.optionalAttendees),
    getTime(meeting.start),
    getTime(meeting.end),
    getLocation(meeting.location),
    details && meeting.recurrence ? getRecurrence(meeting.recurrence) : Promise.resolve(null),
  ]);
  return {
    kind: "appointment",
    mode: "compose",
    itemId: null,
    subject,
    people: meetingPeople(organizer, required, optional),
    start: validDate(start),
    end: validDate(end),
    location,
    seriesId: meeting.seriesId || null,
    series: meeting.seriesId ? null : seriesPattern(recurrence),
  };
}

function meetingPeople(organizer: Details, required: Details[] | undefined, optional: Details[] | undefined) {
  const people = [
    ...peopleOf([organizer], "organizer"),
    ...peopleOf([...(required ?? []), ...(optional ?? [])], "attendee"),
  ];
  // Outlook lists the organizer among the attendees too; once is enough.
  const seen = new Set<string>();
  return people.filter((person) => {
    if (!person.address) return true;
    const key = normalizeEmail(person.address);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function peopleOf(list: Details[] | undefined, role: PersonRole): ItemPerson[] {
  return (list ?? []).flatMap((d) =>
    d && (d.emailAddress || d.displayName) ? [itemPerson(d.displayName, d.emailAddress, role)] : [],
  );
}

function seriesPattern(recurrence: Office.Recurrence | null | undefined): SeriesPattern | null {
  if (!recurrence?.seriesTime) return null;
  return { startTime: recurrence.seriesTime.getStartTime(), durationMinutes: recurrence.seriesTime.getDuration() };
}

function me(): Details {
  const user = outlookUser();
  return { displayName: user.name, emailAddress: user.address ?? "" };
}

function validDate(value: Date | undefined | null): string {
  const time = value instanceof Date ? value.getTime() : Number.NaN;
  return Number.isNaN(time) ? new Date().toISOString() : new Date(time).toISOString();
}
