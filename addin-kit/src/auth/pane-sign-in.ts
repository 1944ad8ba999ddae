import { SignInOptions } from "@rapport/shared/schemas";
import { entraSignIn } from "./entra-sign-in.ts";
import { apiTokenSignIn, type SignIn, SignInRequired } from "./sign-in.ts";
import type { TokenStore } from "./token-store.ts";

/** The ways a pane can sign in on this server: always an API token, and Entra when the admin set it up. */
export type PaneSignIns = { token: SignIn; entra: SignIn | null };

/** Reads the server's public sign-in options (served beside the panes, no token needed). */
export async function fetchSignInOptions(origin = location.origin): Promise<SignInOptions> {
  const response = await fetch(new URL("/addins/sign-in.json", origin));
  if (!response.ok) throw new Error(`Rapport's sign-in options are unavailable (${response.status}).`);
  return SignInOptions.parse(await response.json());
}

export async function paneSignIns(store: TokenStore, options?: SignInOptions): Promise<PaneSignIns> {
  const { entra } = options ?? (await fetchSignInOptions());
  return { token: apiTokenSignIn(store), entra: entra ? await entraSignIn(entra) : null };
}

/**
 * The sign-in to use on start, without asking the user anything: Entra if it gets a token
 * silently, else a stored API token; null when the user must sign in.
 */
export async function signedInAlready(signIns: PaneSignIns): Promise<SignIn | null> {
  for (const signIn of [signIns.entra, signIns.token]) {
    if (!signIn) continue;
    try {
      await signIn.getToken();
      return signIn;
    } catch (error) {
      if (!(error instanceof SignInRequired)) throw error;
    }
  }
  return null;
}
