import { isSmtpAddress } from "../domain/smtp-address.ts";

export type OutlookUser = { name: string; address: string | null };

/** The mailbox's owner, as Outlook knows them: their address tells "sent by me" from "received". */
export function outlookUser(): OutlookUser {
  const profile = Office.context.mailbox?.userProfile;
  const address = isSmtpAddress(profile?.emailAddress) ? profile.emailAddress : null;
  return { name: profile?.displayName || address || "", address };
}
