import type { CaptureLevel } from "@rapport/shared/schemas";
import type { OutboxInput } from "../outbox/outbox-store.ts";
import { captured } from "./capture.ts";
import type { ConversationMail } from "./conversation-rest.ts";
import { mailActivity } from "./item-activity.ts";
import type { RecordSelection } from "./record-selection.ts";

export type RestLogContext = {
  selection: RecordSelection;
  captureLevel: CaptureLevel | null;
  contactIdByAddress: ReadonlyMap<string, string>;
  userAddress: string | null;
  /** What to list a mail without a subject as. */
  untitled: string;
};

/**
 * The logs for the rest of a conversation, each keyed by its own internetMessageId (so a mail a
 * colleague logged meanwhile is answered, not duplicated). Graph's bodyPreview is the most of a
 * body that goes, and only where the capture level keeps bodies: reading whole bodies would mean
 * asking Graph for each mail, and a preview is what the list showed.
 */
export function restLogs(mails: ConversationMail[], context: RestLogContext): OutboxInput[] {
  return mails.map((mail) => ({
    key: mail.internetMessageId,
    label: mail.subject || context.untitled,
    body: mailActivity(mail, mail.internetMessageId, {
      selection: context.selection,
      text: captured(context.captureLevel, mail.subject, mail.preview),
      contactIdByAddress: context.contactIdByAddress,
      userAddress: context.userAddress,
      // What the policy holds back was left out before: nothing here insists.
      policyOverride: false,
    }),
  }));
}
