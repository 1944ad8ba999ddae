import type { TokenStore } from "./token-store.ts";

/**
 * How a pane proves who the user is. The API client only ever asks for a token; whether it came
 * from a pasted API token or from Microsoft Entra is this seam's business.
 */
export type SignIn = {
  method: "api-token" | "entra";
  /** A bearer token for Rapport's API, without showing anything; rejects with SignInRequired when it cannot. */
  getToken(): Promise<string>;
  /** Asks the user to sign in (a popup or Office's dialog): call it from a click, never on load. */
  interactive?: () => Promise<void>;
  /**
   * Microsoft Entra only: a token for another API's scopes (Microsoft Graph's `Mail.Read`) for the
   * same account. Silent unless `interactive` (from a click), which may show Microsoft's consent;
   * rejects with SignInRequired when it cannot.
   */
  tokenFor?: (scopes: string[], options?: { interactive?: boolean }) => Promise<string>;
  signOut(): Promise<void>;
};

export class SignInRequired extends Error {
  constructor(message = "Sign in to Rapport") {
    super(message);
    this.name = "SignInRequired";
  }
}

/** Sign-in with an API token the user pasted once (from the admin or `npm run cli -- token create`). */
export function apiTokenSignIn(store: TokenStore): SignIn {
  return {
    method: "api-token",
    async getToken() {
      const token = store.read();
      if (!token) throw new SignInRequired();
      return token;
    },
    signOut: () => store.clear(),
  };
}
