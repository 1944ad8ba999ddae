import { normalizeEmail } from "@rapport/shared/normalize";
import { type ActivityCreate, LIMITS, type Participant } from "@rapport/shared/schemas";
import type { z } from "zod";
import type { CapturedText } from "./capture.ts";
import type { ItemPerson, MailItem, MeetingItem } from "./outlook-item.ts";
import type { RecordSelection } from "./record-selection.ts";
import { trimText } from "./trim-text.ts";

/** The body of POST /activities as the pane sends it (and the outbox keeps it). */
export type ActivityBody = z.input<typeof ActivityCreate>;

/** The server keeps at most this many participants on one activity. */
export const MAX_PARTICIPANTS = 500;

export type LogContext = {
  selection: RecordSelection;
  text: CapturedText;
  /** Contacts already known for addresses on the item (from the lookup), so links need no second match. */
  contactIdByAddress: ReadonlyMap<string, string>;
  userAddress: string | null;
  /** The user chose to log what the privacy policy holds back. */
  policyOverride: boolean;
};

/**
 * A mail as an activity: its people with their roles, the chosen records, the text the capture
 * level keeps, and the ids that make logging it again a no-op. `internetMessageId` may be a key
 * the pane made (see log-when-sent) when Outlook has none yet.
 */
export function mailActivity(mail: MailItem, internetMessageId: string, context: LogContext): ActivityBody {
  const sender = mail.people.find((p) => p.role === "from");
  const fromMe =
    mail.mode === "compose" ||
    (sender?.address && context.userAddress && sameAddress(sender.address, context.userAddress));
  return {
    type: "email",
    direction: fromMe ? "out" : "in",
    ...context.text,
    occurredAt: mail.date,
    participants: participantsOf(mail.people, context),
    ...recordIds(context.selection),
    externalIds: {
      internetMessageId,
      ...(mail.conversationId ? { conversationId: trimText(mail.conversationId, 500) } : {}),
    },
    ...(context.policyOverride ? { policyOverride: true } : {}),
  };
}

/**
 * A meeting as an activity, keyed by `meetingKey` so every attendee who logs it finds the first
 * log; its end and place go as the activity's own fields.
 */
export function meetingActivity(
  meeting: MeetingItem,
  occurrence: { start: string; end: string; key: string },
  context: LogContext,
) {
  const location = trimText(meeting.location.trim(), LIMITS.shortText);
  return {
    type: "meeting",
    direction: null,
    ...context.text,
    occurredAt: occurrence.start,
    endsAt: occurrence.end,
    location: location || null,
    participants: participantsOf(meeting.people, context),
    ...recordIds(context.selection),
    externalIds: { iCalUId: occurrence.key },
    ...(context.policyOverride ? { policyOverride: true } : {}),
  } satisfies ActivityBody;
}

/**
 * Outlook gives no iCalUId to add-ins, so a meeting is known by its organizer and the start of the
 * occurrence: the same for the organizer and every attendee, different for each occurrence. It is
 * stored as the activity's iCalUId, which the lookup answers by.
 */
export function meetingKey(meeting: MeetingItem, start: string): string {
  const organizer = meeting.people.find((p) => p.role === "organizer");
  const who = organizer?.address ? normalizeEmail(organizer.address) : (organizer?.name ?? "unknown");
  return trimText(`rapport-meeting:${who}/${new Date(start).toISOString()}`, 500);
}

function recordIds(selection: RecordSelection) {
  return {
    accountId: selection.account?.id ?? null,
    opportunityId: selection.opportunity?.id ?? null,
    caseId: selection.case?.id ?? null,
  };
}

/**
 * People on the item, then chosen contacts who are not on it. Chosen contacts always go in; the
 * item's people fill the rest up to the server's limit.
 */
function participantsOf(people: ItemPerson[], context: LogContext): Participant[] {
  const onItem = people.map((person) => {
    const contactId = person.address ? (context.contactIdByAddress.get(normalizeEmail(person.address)) ?? null) : null;
    return {
      address: person.address,
      name: trimText(person.name, LIMITS.shortText),
      role: person.role,
      contactId,
    };
  });
  const present = new Set(onItem.map((p) => p.contactId).filter(Boolean));
  const extra = context.selection.contacts
    .filter((c) => !present.has(c.id))
    .map((c) => ({ address: null, name: trimText(c.name, LIMITS.shortText), role: null, contactId: c.id }));
  return [...extra, ...onItem.slice(0, Math.max(0, MAX_PARTICIPANTS - extra.length))];
}

function sameAddress(a: string, b: string): boolean {
  return normalizeEmail(a) === normalizeEmail(b);
}
