import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import type { SignInOptions } from "@rapport/shared/schemas";
import { supports } from "../office/office-ready.ts";
import { type DialogToken, dialogSignIn } from "../office/sign-in-dialog.ts";
import { type SignIn, SignInRequired } from "./sign-in.ts";

export type EntraOptions = NonNullable<SignInOptions["entra"]>;

export type EntraDeps = {
  /** MSAL's nestable application: the Office host signs the user in (NAA), or MSAL itself where NAA is absent. */
  createApp: (options: EntraOptions) => Promise<IPublicClientApplication>;
  /** Whether the host brokers tokens (nested app authentication). */
  hasNestedAppAuth: () => boolean;
  /** Office's dialog sign-in, for hosts without NAA where a popup would be blocked. */
  dialog: (options: EntraOptions) => Promise<DialogToken>;
};

/** MSAL is loaded only when Entra is configured: installations on API tokens never download it. */
async function createNestableApp(options: EntraOptions): Promise<IPublicClientApplication> {
  const msal = await import("@azure/msal-browser");
  return msal.createNestablePublicClientApplication({
    auth: { clientId: options.clientId, authority: options.authority },
    // Tokens stay in memory: the pane never writes them anywhere.
    cache: { cacheLocation: "memoryStorage" },
  });
}

const defaultDeps: EntraDeps = {
  createApp: createNestableApp,
  hasNestedAppAuth: () => supports("NestedAppAuth", "1.1"),
  dialog: dialogSignIn,
};

/** A minute's margin, so a token never expires between being handed out and reaching the server. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Sign-in with Microsoft Entra for Rapport's own API scope (an access token, never an ID token).
 * Silent first: inside Office the host usually has the user signed in already.
 */
export async function entraSignIn(options: EntraOptions, deps: EntraDeps = defaultDeps): Promise<SignIn> {
  const app = await deps.createApp(options);
  let account: AccountInfo | null = app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null;
  let fromDialog: DialogToken | null = null;

  return {
    method: "entra",
    async getToken() {
      if (fromDialog && fromDialog.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return fromDialog.accessToken;
      try {
        const result = await app.acquireTokenSilent({ scopes: options.scopes, ...(account ? { account } : {}) });
        return result.accessToken;
      } catch (error) {
        throw new SignInRequired(error instanceof Error ? error.message : undefined);
      }
    },
    async interactive() {
      if (deps.hasNestedAppAuth()) {
        const result = await app.acquireTokenPopup({ scopes: options.scopes });
        account = result.account;
        app.setActiveAccount(account);
        return;
      }
      fromDialog = await deps.dialog(options);
    },
    async tokenFor(scopes, { interactive = false } = {}) {
      try {
        return (await app.acquireTokenSilent({ scopes, ...(account ? { account } : {}) })).accessToken;
      } catch (error) {
        // Office's dialog signs in for Rapport's scope only: another API needs the host's broker.
        if (!interactive || !deps.hasNestedAppAuth()) {
          throw new SignInRequired(error instanceof Error ? error.message : undefined);
        }
      }
      const result = await app.acquireTokenPopup({ scopes });
      account = result.account;
      app.setActiveAccount(account);
      return result.accessToken;
    },
    async signOut() {
      fromDialog = null;
      account = null;
      await app.clearCache();
    },
  };
}
