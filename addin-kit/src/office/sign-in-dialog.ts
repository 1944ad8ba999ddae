import type { EntraOptions } from "../auth/entra-sign-in.ts";

/** An access token handed over by the sign-in dialog, kept in the pane's memory only. */
export type DialogToken = { accessToken: string; expiresAt: number };

/** What the dialog page sends back through Office.context.ui.messageParent. */
export type DialogMessage = { ok: true; accessToken: string; expiresAt: number } | { ok: false; error: string };

/** The dialog page the server serves beside the panes (addin-kit's own build). */
export const DIALOG_PATH = "/addins/kit/sign-in-dialog.html";

/**
 * Signs in through Office's dialog, where the host cannot broker tokens (no NAA) and a popup from
 * the pane would be blocked: the dialog page runs MSAL's redirect flow and posts the token back.
 */
export function dialogSignIn(options: EntraOptions): Promise<DialogToken> {
  const url = new URL(DIALOG_PATH, location.origin);
  url.searchParams.set("clientId", options.clientId);
  url.searchParams.set("authority", options.authority);
  url.searchParams.set("scopes", options.scopes.join(" "));
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url.href, { height: 60, width: 30 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(`The sign-in dialog could not open: ${opened.error.message}`));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (event) => {
        dialog.close();
        const message = parseMessage("message" in event ? event.message : "");
        if (message.ok) resolve({ accessToken: message.accessToken, expiresAt: message.expiresAt });
        else reject(new Error(message.error));
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (event) => {
        // 12006: the user closed the dialog.
        const code = "error" in event ? event.error : 0;
        reject(new Error(code === 12006 ? "Sign-in was cancelled." : `The sign-in dialog failed (${code}).`));
      });
    });
  });
}

function parseMessage(text: string): DialogMessage {
  try {
    const message = JSON.parse(text) as DialogMessage;
    if (message.ok && typeof message.accessToken === "string" && typeof message.expiresAt === "number") return message;
    if (!message.ok && typeof message.error === "string") return message;
  } catch {
    // fall through
  }
  return { ok: false, error: "The sign-in dialog answered something unreadable." };
}
