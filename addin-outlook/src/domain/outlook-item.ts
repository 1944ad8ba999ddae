import type { Participant } from "@rapport/shared/schemas";
import { isSmtpAddress } from "./smtp-address.ts";

export type PersonRole = NonNullable<Participant["role"]>;

/** Someone on a mail or meeting, as Outlook lists them. */
export type ItemPerson = {
  /** What to show: the display name, or the address when there is no name. */
  name: string;
  /** The Internet address as Outlook gave it; null for an X.500 path or a bare name. */
  address: string | null;
  role: PersonRole;
};

export type MailItem = {
  kind: "message";
  mode: "read" | "compose";
  itemId: string | null;
  /** Missing on a new draft and on some Sent Items that Exchange has not finished with. */
  internetMessageId: string | null;
  conversationId: string | null;
  subject: string;
  /** The sender first, then To, Cc (and Bcc while composing). */
  people: ItemPerson[];
  /** When it was received or sent; now while composing. */
  date: string;
};

/** How a recurring series repeats, for the user to pick which occurrence to log. */
export type SeriesPattern = { startTime: string; durationMinutes: number };

export type MeetingItem = {
  kind: "appointment";
  mode: "read" | "compose";
  itemId: string | null;
  subject: string;
  /** The organizer first, then required and optional attendees. */
  people: ItemPerson[];
  start: string;
  end: string;
  location: string;
  /** Set when this is one occurrence of a series. */
  seriesId: string | null;
  /** Set when the series itself is open rather than one of its occurrences. */
  series: SeriesPattern | null;
};

export type OutlookItem = MailItem | MeetingItem;

/** A mail picked in a multi-selection (Mailbox 1.13): what Outlook tells without opening it. */
export type SelectedMail = {
  itemId: string;
  internetMessageId: string | null;
  conversationId: string | null;
  subject: string;
};

/**
 * One person from Outlook's display name and address. An address that is no Internet address
 * (an Exchange X.500 path) is kept out, so it is never looked up nor stored as an email.
 */
export function itemPerson(
  displayName: string | null | undefined,
  address: string | null | undefined,
  role: PersonRole,
) {
  const smtp = isSmtpAddress(address) ? address.trim() : null;
  const name = displayName?.trim() || smtp || address?.trim() || "?";
  return { name, address: smtp, role } satisfies ItemPerson;
}
