import type { RapportClient } from "@rapport/addin-kit";
import { trimText } from "../domain/trim-text.ts";

export type SentIds = {
  /** The key the pane made when the mail was logged as it was sent. */
  key: string;
  /** The id its mail server gave it, as Outlook shows it in Sent Items. */
  internetMessageId: string;
  conversationId: string | null;
};

/**
 * Gives a mail logged as it was sent its real ids, so a colleague who logs their received copy (by
 * its real internetMessageId) finds this activity instead of making a second one. The activity is
 * read first and changed under If-Match only while it still carries the pane's key; true once it
 * carries the real id (now, or already: another device did it).
 */
export async function attachSentId(client: RapportClient, activityId: string, ids: SentIds): Promise<boolean> {
  const activity = await client.activities.get({ params: { id: activityId } });
  const current = activity.externalIds.internetMessageId;
  if (current === ids.internetMessageId) return true;
  if (current !== ids.key) return false;
  await client.activities.update({
    params: { id: activityId },
    ifMatch: activity.version,
    body: {
      // The given ids replace the stored ones: keep what is there (an iCalUId), change the rest.
      externalIds: {
        ...activity.externalIds,
        internetMessageId: ids.internetMessageId,
        ...(ids.conversationId ? { conversationId: trimText(ids.conversationId, 500) } : {}),
      },
    },
  });
  return true;
}

/** Whether the mail's real id already names an activity (the pane's key was replaced from another device). */
export async function loggedUnderRealId(client: RapportClient, internetMessageId: string): Promise<boolean> {
  const page = await client.activities.list({ query: { internetMessageId, limit: 1 } });
  return page.items.length > 0;
}
