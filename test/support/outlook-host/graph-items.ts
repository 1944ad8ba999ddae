import type { AppointmentSpec, MessageSpec, PersonSpec } from "./item-spec.ts";

/** The parts of a Microsoft Graph message the simulated host needs (see ../shared/data/graph). */
export type GraphMessage = {
  id: string;
  internetMessageId?: string;
  conversationId?: string;
  subject?: string;
  receivedDateTime?: string;
  sentDateTime?: string;
  createdDateTime?: string;
  body?: { contentType: string; content: string };
  from?: GraphRecipient;
  sender?: GraphRecipient;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  bccRecipients?: GraphRecipient[];
  bodyPreview?: string;
  isDraft?: boolean;
};
export type GraphRecipient = { emailAddress: { name?: string; address?: string } };
type GraphTime = { dateTime: string; timeZone: string };

export type GraphEvent = {
  id: string;
  subject?: string;
  body?: { contentType: string; content: string };
  start: GraphTime;
  end: GraphTime;
  location?: { displayName?: string };
  organizer?: GraphRecipient;
  attendees?: Array<GraphRecipient & { type?: string }>;
  seriesMasterId?: string | null;
};

const person = (r: GraphRecipient | undefined): PersonSpec | null =>
  r ? { displayName: r.emailAddress.name ?? "", emailAddress: r.emailAddress.address ?? "" } : null;
const people = (list: GraphRecipient[] | undefined): PersonSpec[] =>
  (list ?? []).flatMap((r) => (person(r) ? [person(r) as PersonSpec] : []));

/** A received mail in read mode, as Outlook would show the Graph message. */
export function messageFromGraph(message: GraphMessage, overrides: Partial<MessageSpec> = {}): MessageSpec {
  const body = message.body?.content ?? "";
  return {
    itemType: "message",
    mode: "read",
    itemId: message.id,
    internetMessageId: message.internetMessageId ?? "",
    conversationId: message.conversationId ?? "",
    subject: message.subject ?? "",
    from: person(message.from ?? message.sender),
    to: people(message.toRecipients),
    cc: people(message.ccRecipients),
    bcc: people(message.bccRecipients),
    dateTimeCreated:
      message.receivedDateTime ?? message.sentDateTime ?? message.createdDateTime ?? new Date(0).toISOString(),
    bodyHtml: message.body?.contentType === "text" ? `<pre>${escapeHtml(body)}</pre>` : body,
    customProperties: {},
    ...overrides,
  };
}

/** A meeting in read mode (the user is an attendee), from a Graph event. */
export function appointmentFromGraph(event: GraphEvent, overrides: Partial<AppointmentSpec> = {}): AppointmentSpec {
  const attendees = event.attendees ?? [];
  return {
    itemType: "appointment",
    mode: "read",
    itemId: event.id,
    subject: event.subject ?? "",
    organizer: person(event.organizer) ?? { displayName: "", emailAddress: "" },
    requiredAttendees: people(attendees.filter((a) => a.type !== "optional")),
    optionalAttendees: people(attendees.filter((a) => a.type === "optional")),
    start: graphInstant(event.start),
    end: graphInstant(event.end),
    location: event.location?.displayName ?? "",
    seriesId: event.seriesMasterId ?? null,
    recurrence: null,
    bodyHtml: event.body?.content ?? "",
    customProperties: {},
    ...overrides,
  };
}

/** Graph's Windows time zone names in the recorded files, as IANA zones. */
const WINDOWS_ZONES: Record<string, string> = {
  UTC: "UTC",
  "Pacific Standard Time": "America/Los_Angeles",
  "India Standard Time": "Asia/Kolkata",
};

/**
 * Graph gives calendar times as a wall-clock reading with 7 fractional digits and no offset, plus
 * a zone name; Outlook's add-in API gives instants. This turns one into the other.
 */
export function graphInstant(time: GraphTime): string {
  const zone = WINDOWS_ZONES[time.timeZone];
  if (!zone) throw new Error(`No IANA zone known for "${time.timeZone}"`);
  const wall = Date.parse(`${time.dateTime.slice(0, 19)}Z`);
  // The zone's offset at that moment: format the instant in the zone and compare with UTC.
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(new Date(instant));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
    return asUtc - instant;
  };
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess)).toISOString();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c] as string);
}
