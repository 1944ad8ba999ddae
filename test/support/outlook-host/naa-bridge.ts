/**
 * Outlook's broker for nested app authentication, as MSAL's nestable application finds it:
 * `window.nestedAppAuthBridge`, which takes JSON requests (GetInitContext, GetToken,
 * GetTokenPopup) and answers each later with a JSON response carrying the same requestId. The
 * simulated host grants the scopes the test set up, with the tokens the test chose, and answers
 * "interaction required" for anything else, as Outlook does before the user consented.
 */
import type { NaaSetup } from "./item-spec.ts";

type Listener = (response: string) => void;
type BridgeRequest = {
  messageType: string;
  method: "GetInitContext" | "GetToken" | "GetTokenPopup";
  requestId: string;
  tokenParams?: { scope?: string; clientId?: string };
};

/** What the pane asked the broker, in order: method and scopes. */
export type NaaRequest = { method: string; scope: string };

/** Scopes MSAL adds to every request; they say nothing about which API the token is for. */
const OIDC = new Set(["openid", "profile", "offline_access"]);

export function installNaaBridge(setup: NaaSetup, requests: NaaRequest[]): void {
  const listeners = new Set<Listener>();
  const consented = new Set<string>();
  const answer = (response: object) => {
    const text = JSON.stringify({ messageType: "NestedAppAuthResponse", ...response });
    setTimeout(() => {
      for (const listener of listeners) listener(text);
    }, 0);
  };
  const granted = (scope: string, popup: boolean): string | null => {
    const wanted = scope.split(" ").filter((s) => s && !OIDC.has(s.toLowerCase()));
    const [first] = wanted;
    if (!first || wanted.some((s) => !(s in setup.tokens))) return null;
    const needsConsent = wanted.some((s) => setup.consentFirst?.includes(s) && !consented.has(s));
    if (needsConsent && !popup) return null;
    for (const s of wanted) consented.add(s);
    return setup.tokens[first] ?? null;
  };

  const bridge = {
    addEventListener: (_event: string, listener: Listener) => listeners.add(listener),
    removeEventListener: (_event: string, listener: Listener) => listeners.delete(listener),
    postMessage(message: string) {
      const request = JSON.parse(message) as BridgeRequest;
      const { requestId } = request;
      if (request.method === "GetInitContext") {
        answer({
          requestId,
          success: true,
          initContext: { sdkName: "simulated-outlook", sdkVersion: "1.0.0", capabilities: { queryAccount: false } },
        });
        return;
      }
      const scope = request.tokenParams?.scope ?? "";
      requests.push({ method: request.method, scope });
      const token = granted(scope, request.method === "GetTokenPopup");
      if (!token) {
        answer({
          requestId,
          success: false,
          error: { status: "USER_INTERACTION_REQUIRED", code: "interaction_required", description: "consent_required" },
        });
        return;
      }
      answer({
        requestId,
        success: true,
        token: {
          access_token: token,
          expires_in: 3600,
          id_token: idToken(setup, request.tokenParams?.clientId ?? ""),
          properties: null,
          scope,
        },
        account: accountOf(setup),
      });
    },
  };
  Object.assign(window, { nestedAppAuthBridge: bridge });
}

function accountOf({ account }: NaaSetup) {
  return {
    environment: "login.microsoftonline.com",
    homeAccountId: `${account.objectId}.${account.tenantId}`,
    localAccountId: account.objectId,
    tenantId: account.tenantId,
    username: account.username,
    name: account.name,
  };
}

/** An ID token MSAL reads the account from (it reads the claims, and leaves checking the signature to the broker). */
function idToken({ account }: NaaSetup, clientId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  const claims = {
    aud: clientId,
    iss: `https://login.microsoftonline.com/${account.tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    name: account.name,
    oid: account.objectId,
    preferred_username: account.username,
    sub: account.objectId,
    tid: account.tenantId,
    ver: "2.0",
  };
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;
}
