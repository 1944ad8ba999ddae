import { RecordLink } from "@rapport/shared/schemas";
import { z } from "zod";
import { trimText } from "./trim-text.ts";

/** Outlook keeps at most 2,500 characters of custom properties per add-in and item. */
const MAX_MARK_LINKS = 8;

/**
 * What the pane writes on an Outlook item (a custom property, kept by Exchange with the item and
 * copied to Sent Items, never sent to recipients):
 *
 * - `send`: "log when sent" was chosen while composing, with the records. `key` is the made-up
 *   internetMessageId the log is filed under, chosen once in compose so the on-send handler, its
 *   retries and the pane opening the sent item later all name the same log.
 * - `meeting`: a meeting was logged under `key`, which stays valid if the meeting moves.
 *
 * `state` says how far it went: chosen (nothing sent yet), queued (waiting in an outbox), logged.
 */
export const ItemMark = z.object({
  v: z.literal(1),
  kind: z.enum(["send", "meeting"]),
  key: z.string().min(3).max(500),
  links: z.array(RecordLink).max(MAX_MARK_LINKS),
  state: z.enum(["chosen", "queued", "logged"]),
  /** The user chose to log it although the privacy policy holds it back. */
  override: z.boolean().default(false),
  activityId: z.string().max(64).nullable().default(null),
  at: z.string().max(40).nullable().default(null),
  /** Who logged it, when the pane knows the name (the user themself). */
  by: z.string().max(80).nullable().default(null),
  /**
   * `send` only: the activity now carries the mail's real internetMessageId (given once the mail
   * was sent), so the mail is looked up by it and a colleague's copy finds the same activity.
   */
  attached: z.boolean().default(false),
});
export type ItemMark = z.infer<typeof ItemMark>;

/** A stored value read back: anything unreadable (another version, hand edits) counts as no mark. */
export function parseItemMark(value: unknown): ItemMark | null {
  const parsed = ItemMark.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Links short enough for the property's size limit; names are only for display. */
export function markLinks(links: RecordLink[]): RecordLink[] {
  return links.slice(0, MAX_MARK_LINKS).map((link) => ({ ...link, name: trimText(link.name, 80) }));
}

/**
 * A key in Message-ID form that no mail server ever issues (.invalid is reserved), for a mail
 * logged before Outlook has given it an internetMessageId.
 */
export function newSendKey(random: () => string = () => crypto.randomUUID()): string {
  return `<rapport-send.${random()}@rapport.invalid>`;
}

/** Whether a logged mail's id is one the pane made (see newSendKey), not the one its mail server gave. */
export function isSendKey(internetMessageId: string | null | undefined): boolean {
  return /^<rapport-send\.[^@>]+@rapport\.invalid>$/.test(internetMessageId ?? "");
}
