import { rapportClient } from "../api/rapport-client.ts";
import { readBodyText } from "../office/item-body.ts";
import { readItemProperty, writeItemProperty } from "../office/item-property.ts";
import { registerMessageSend } from "../office/message-send.ts";
import { outlookUser } from "../office/outlook-user.ts";
import { readCurrentItem } from "../office/read-item.ts";
import { roamingCaptureLevel, roamingServerUrl, roamingTokenStore } from "../office/roaming-settings.ts";
import { outboxStore } from "../outbox/outbox-store.ts";
import { logOnSend } from "./log-on-send.ts";

/** Outlook waits for the handler before the mail leaves: Rapport gets a few seconds, then the log waits in the outbox. */
const ON_SEND_TIMEOUT_MS = 8000;

/**
 * The on-send handler, in launchevent.js, which both runtimes load: commands.html (a browser
 * runtime served by Rapport, sharing the pane's storage) and classic Outlook on Windows (a
 * JavaScript-only runtime without `location` or browser storage, which finds Rapport's address and
 * the token in the roaming settings the pane wrote at sign-in). Nothing here may pull in React.
 */
export function startOnSendRuntime(): void {
  registerMessageSend(async () => {
    const serverUrl = roamingServerUrl() ?? (typeof location !== "undefined" ? location.origin : null);
    const token = serverUrl ? roamingTokenStore(serverUrl).read() : null;
    // Never signed in on this mailbox: the mark stays "chosen" and the pane logs the sent mail when opened.
    if (!serverUrl || !token) return;
    const client = rapportClient(async () => token, serverUrl, ON_SEND_TIMEOUT_MS);
    await logOnSend({
      store: outboxStore(typeof localStorage !== "undefined" ? localStorage : null),
      send: (body) => client.activities.create({ body }),
      captureLevel: roamingCaptureLevel(),
      userAddress: outlookUser().address,
      readMark: readItemProperty,
      writeMark: writeItemProperty,
      readItem: readCurrentItem,
      readBody: readBodyText,
    });
  });
}
