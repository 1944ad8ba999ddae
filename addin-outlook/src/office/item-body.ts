import { officeAsync } from "./office-async.ts";

/**
 * The open item's body as plain text. Outlook converts HTML itself, so a 5 MB newsletter arrives
 * without its markup; the capture level then decides how much of it is kept.
 */
export function readBodyText(): Promise<string> {
  const item = Office.context.mailbox?.item;
  if (!item) return Promise.reject(new Error("No item is open in Outlook."));
  return officeAsync<string>((done) => item.body.getAsync(Office.CoercionType.Text, done));
}
