import {
  apiTokenSignIn,
  fetchSignInOptions,
  type PaneSignIns,
  paneSignIns,
  type RapportClient,
  type SignIn,
  SignInRequired,
  signedInAlready,
} from "@rapport/addin-kit";
import { ApiError } from "@rapport/shared/client";
import type { PrivacyPolicy, User } from "@rapport/shared/schemas";
import { useCallback, useEffect, useRef, useState } from "react";
import { rapportClient } from "../api/rapport-client.ts";
import { rememberCaptureLevel, roamingTokenStore } from "../office/roaming-settings.ts";

export type Session =
  | { status: "checking" }
  | { status: "signed_out"; entra: SignIn | null; error: unknown }
  | { status: "unreachable"; error: unknown }
  | { status: "ready"; me: User; policy: PrivacyPolicy | null; method: SignIn["method"] };

const refused = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * Who the user is and what the privacy policy says, read once when the pane starts (not per item).
 * The ways to sign in are the server's (/addins/sign-in.json): an API token, kept in Outlook's
 * roaming settings so it follows the user and reaches the on-send handler, and Microsoft Entra when
 * the admin set it up. Whichever gets a token without asking is used; otherwise the sign-in panel.
 * An unreachable server is said as such, and the outbox keeps working meanwhile.
 */
export function useSession(serverUrl: string) {
  const [store] = useState(() => roamingTokenStore(serverUrl));
  const signIns = useRef<PaneSignIns>({ token: apiTokenSignIn(store), entra: null });
  const active = useRef<SignIn | null>(null);
  // One client for the pane's life; each request asks the sign-in in use for its token.
  const [client] = useState<RapportClient>(() =>
    rapportClient(() => active.current?.getToken() ?? Promise.reject(new SignInRequired()), serverUrl),
  );
  const [session, setSession] = useState<Session>({ status: "checking" });

  const connect = useCallback(
    async (signIn: SignIn) => {
      active.current = signIn;
      const [me, policy] = await Promise.all([client.me({}), client.privacy({}).catch(() => null)]);
      setSession({ status: "ready", me, policy, method: signIn.method });
      // Best effort: the on-send handler applies the capture level offline if it knows it.
      if (policy) void rememberCaptureLevel(policy.captureLevel).catch(() => undefined);
    },
    [client],
  );

  const load = useCallback(async () => {
    setSession({ status: "checking" });
    try {
      signIns.current = await paneSignIns(store, await fetchSignInOptions(serverUrl));
    } catch {
      // The options are unreachable too (offline): a stored API token still lets the outbox work.
    }
    const { entra } = signIns.current;
    let found: SignIn | null = null;
    try {
      found = await signedInAlready(signIns.current);
      if (!found) return setSession({ status: "signed_out", entra, error: null });
      await connect(found);
    } catch (error) {
      if (!refused(error)) return setSession({ status: "unreachable", error });
      // A stored token the server no longer accepts is forgotten: the user signs in again.
      if (found?.method === "api-token") await store.clear().catch(() => undefined);
      active.current = null;
      setSession({ status: "signed_out", entra, error: null });
    }
  }, [store, serverUrl, connect]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Checks a pasted token against the server before keeping it; rejects when refused. */
  const signInWithToken = useCallback(
    async (token: string) => {
      await rapportClient(async () => token, serverUrl).me({});
      await store.write(token);
      await connect(signIns.current.token);
    },
    [serverUrl, store, connect],
  );

  /** From a click only: Office or a popup asks the user to sign in with Microsoft. */
  const signInWithMicrosoft = useCallback(async () => {
    const { entra } = signIns.current;
    if (!entra) return;
    try {
      await entra.interactive?.();
      await connect(entra);
    } catch (error) {
      active.current = null;
      await entra.signOut().catch(() => undefined);
      throw error;
    }
  }, [connect]);

  const signOut = useCallback(async () => {
    const leaving = active.current;
    active.current = null;
    setSession({ status: "signed_out", entra: signIns.current.entra, error: null });
    await leaving?.signOut();
  }, []);

  /** A token for another API (Microsoft Graph) from the Microsoft sign-in in use; rejects with SignInRequired otherwise. */
  const tokenFor = useCallback(async (scopes: string[], interactive: boolean) => {
    const signIn = active.current;
    if (!signIn?.tokenFor) throw new SignInRequired("Sign in with Microsoft");
    return signIn.tokenFor(scopes, { interactive });
  }, []);

  const setPolicy = useCallback(
    (policy: PrivacyPolicy) => setSession((s) => (s.status === "ready" ? { ...s, policy } : s)),
    [],
  );
  return { session, client, retry: load, signInWithToken, signInWithMicrosoft, signOut, setPolicy, tokenFor };
}
