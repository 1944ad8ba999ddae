import { createStandardPublicClientApplication } from "@azure/msal-browser";
import type { DialogMessage } from "../office/sign-in-dialog.ts";

/**
 * Runs inside Office's dialog: MSAL's redirect flow to Microsoft Entra and back to this page, then
 * the access token goes to the pane through messageParent. Nothing is stored: MSAL's cache is in
 * memory and the page closes.
 */
async function signIn(): Promise<DialogMessage> {
  const params = new URLSearchParams(location.search);
  const clientId = params.get("clientId") ?? sessionStorage.getItem("rapport.clientId");
  const authority = params.get("authority") ?? sessionStorage.getItem("rapport.authority");
  const scopes = (params.get("scopes") ?? sessionStorage.getItem("rapport.scopes") ?? "").split(" ").filter(Boolean);
  if (!clientId || !authority || scopes.length === 0)
    return { ok: false, error: "The sign-in page was opened without its settings." };
  // The redirect comes back without the query string: the settings (not secrets) wait in the session.
  sessionStorage.setItem("rapport.clientId", clientId);
  sessionStorage.setItem("rapport.authority", authority);
  sessionStorage.setItem("rapport.scopes", scopes.join(" "));

  const redirectUri = `${location.origin}${location.pathname}`;
  const app = await createStandardPublicClientApplication({
    auth: { clientId, authority, redirectUri },
    cache: { cacheLocation: "memoryStorage" },
  });
  const result = await app.handleRedirectPromise();
  if (!result) {
    await app.acquireTokenRedirect({ scopes });
    return new Promise(() => {}); // the page is leaving for Entra
  }
  return {
    ok: true,
    accessToken: result.accessToken,
    expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_600_000,
  };
}

Office.onReady(async () => {
  const message = await signIn().catch(
    (error: unknown): DialogMessage => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  Office.context.ui.messageParent(JSON.stringify(message));
});
