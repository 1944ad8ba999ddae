import { normalizeEmail } from "@rapport/shared/normalize";
import type { LoggedMail, PrivacyPolicy } from "@rapport/shared/schemas";
import type { GraphMessage, GraphRecipient } from "../graph/graph-message.ts";
import { isSendKey } from "./item-mark.ts";
import { type ItemPerson, itemPerson, type MailItem, type PersonRole } from "./outlook-item.ts";
import { type PrivacyHold, privacyHold } from "./privacy-hold.ts";

/** A mail of the conversation as Graph listed it, with the most of its body the pane may keep. */
export type ConversationMail = MailItem & {
  internetMessageId: string;
  /** When it left its sender's outbox: what a mail logged as it was sent is matched by. */
  sentAt: string;
  preview: string | null;
};

export type ConversationRest = {
  /** Not in Rapport yet, oldest first: what "Log the N other mails" logs. */
  loggable: ConversationMail[];
  /** Not in Rapport, and held back by the privacy policy: left for the user to open one by one. */
  held: Array<{ mail: ConversationMail; hold: PrivacyHold }>;
};

export type RestContext = {
  /** The ids the open mail goes by (its own and, when logged as sent, the pane's key): it has its own button. */
  openIds: ReadonlyArray<string | null>;
  /** The open mail's log and the conversation's logged mails, from the lookup. */
  logged: LoggedMail[];
  userAddress: string | null;
  policy: PrivacyPolicy | null;
};

/**
 * A mail logged as it was sent is known by a key the pane made until its real id is attached: it
 * is matched to the sent mail by the user's address, the subject and a send time this close.
 */
const SENT_MATCH_MS = 15 * 60_000;

/**
 * The mails of a conversation that are not in Rapport: drafts, the open mail, mails already
 * logged (by internetMessageId, or a sent mail still known by the pane's key) and duplicates (the
 * same mail in two folders) are left out; the privacy policy holds back what it would hold back
 * if each were opened.
 */
export function conversationRest(messages: GraphMessage[], context: RestContext): ConversationRest {
  const known = new Set<string>(context.openIds.filter((id): id is string => Boolean(id)));
  for (const { activity } of context.logged) {
    if (activity.externalIds.internetMessageId) known.add(activity.externalIds.internetMessageId);
  }
  const sentLogs = context.logged.filter((l) => isSendKey(l.activity.externalIds.internetMessageId));
  const rest: ConversationRest = { loggable: [], held: [] };
  const mails = messages
    .map(mailFromGraph)
    .filter((mail): mail is ConversationMail => mail !== null)
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const mail of mails) {
    if (known.has(mail.internetMessageId)) continue;
    known.add(mail.internetMessageId);
    const claimed = sentByMe(mail, context.userAddress) ? sentLogs.findIndex((log) => sameSending(mail, log)) : -1;
    if (claimed >= 0) {
      sentLogs.splice(claimed, 1);
      continue;
    }
    const hold = context.policy ? privacyHold(mail.people, context.policy, context.userAddress) : null;
    if (hold) rest.held.push({ mail, hold });
    else rest.loggable.push(mail);
  }
  return rest;
}

/** A Graph message as the pane's mail, or null for a draft or a mail without an internetMessageId. */
export function mailFromGraph(message: GraphMessage): ConversationMail | null {
  const internetMessageId = message.internetMessageId?.trim();
  if (!internetMessageId || message.isDraft === true) return null;
  const people: ItemPerson[] = [
    ...peopleOf(message.from ? [message.from] : [], "from"),
    ...peopleOf(message.toRecipients, "to"),
    ...peopleOf(message.ccRecipients, "cc"),
  ];
  return {
    kind: "message",
    mode: "read",
    itemId: message.id,
    internetMessageId,
    conversationId: message.conversationId || null,
    subject: message.subject ?? "",
    people,
    date: instant(message.receivedDateTime ?? message.sentDateTime),
    sentAt: instant(message.sentDateTime ?? message.receivedDateTime),
    preview: message.bodyPreview?.trim() || null,
  };
}

function peopleOf(list: GraphRecipient[] | null | undefined, role: PersonRole): ItemPerson[] {
  return (list ?? []).flatMap(({ emailAddress }) =>
    emailAddress?.address || emailAddress?.name ? [itemPerson(emailAddress.name, emailAddress.address, role)] : [],
  );
}

function sentByMe(mail: ConversationMail, me: string | null): boolean {
  const sender = mail.people.find((p) => p.role === "from")?.address;
  return Boolean(sender && me && normalizeEmail(sender) === normalizeEmail(me));
}

function sameSending(mail: ConversationMail, log: LoggedMail): boolean {
  const { subject, occurredAt } = log.activity;
  const close = Math.abs(Date.parse(occurredAt) - Date.parse(mail.sentAt)) <= SENT_MATCH_MS;
  // The capture level may have kept no subject: then the time alone tells.
  return close && (subject === null || sameSubject(subject, mail.subject));
}

/** The logged subject may have been cut to Rapport's length limit: it only has to begin the mail's. */
function sameSubject(logged: string, subject: string): boolean {
  return subject.trim().toLowerCase().startsWith(logged.trim().toLowerCase());
}

function instant(value: string | null | undefined): string {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? new Date().toISOString() : new Date(time).toISOString();
}
