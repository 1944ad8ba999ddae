import type { MailItem, SelectedMail } from "../domain/outlook-item.ts";
import { officeAsync } from "./office-async.ts";
import { readMail } from "./read-item.ts";

/** The mails selected in Outlook's list (Mailbox 1.13); appointments in the selection are left out. */
export async function getSelectedMails(): Promise<SelectedMail[]> {
  const selected = await officeAsync<Office.SelectedItemDetails[]>((done) =>
    Office.context.mailbox.getSelectedItemsAsync(done),
  );
  return selected
    .filter((s) => String(s.itemType) === String(Office.MailboxEnums.ItemType.Message))
    .map((s) => ({
      itemId: s.itemId,
      internetMessageId: s.internetMessageId?.trim() || null,
      conversationId: s.conversationId || null,
      subject: s.subject ?? "",
    }));
}

/**
 * One selected mail read in full without opening it (Mailbox 1.15): its people and date, which a
 * log needs. Outlook holds one loaded item at a time, so it is unloaded before the next.
 */
export async function loadSelectedMail(itemId: string): Promise<MailItem> {
  const loaded = await officeAsync<Office.LoadedMessageCompose | Office.LoadedMessageRead>((done) =>
    Office.context.mailbox.loadItemByIdAsync(itemId, done),
  );
  try {
    return readMail(loaded as Office.LoadedMessageRead);
  } finally {
    await officeAsync<void>((done) => loaded.unloadAsync(done));
  }
}
