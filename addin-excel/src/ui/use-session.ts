import {
  apiTokenSignIn,
  localTokenStore,
  type PaneSignIns,
  paneClient,
  paneSignIns,
  type RapportClient,
  type SignIn,
  signedInAlready,
} from "@rapport/addin-kit";
import { ApiError } from "@rapport/shared/client";
import type { User } from "@rapport/shared/schemas";
import { useCallback, useEffect, useMemo, useState } from "react";

/** Who is signed in, through which sign-in, and the client that carries its tokens. */
export type Session = { me: User; signIn: SignIn; client: RapportClient };

export type SessionState =
  | { kind: "starting" }
  | { kind: "signedOut"; signIns: PaneSignIns; error: unknown }
  | { kind: "signedIn"; signIns: PaneSignIns; session: Session };

/** The user behind a sign-in, as Rapport knows them (GET /me). */
async function sessionOf(signIn: SignIn): Promise<Session> {
  const client = paneClient(signIn);
  return { me: await client.me({}), signIn, client };
}

const refused = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * The pane's sign-in. On start: the ways this server offers (/addins/sign-in.json: an API token
 * always, Microsoft Entra when the admin set it up), then whichever gets a token without asking
 * (Entra silently, or a stored API token), checked with GET /me. Otherwise the user signs in with
 * a token they paste or, when offered, with Microsoft from a click.
 */
export function useSession() {
  const store = useMemo(() => localTokenStore(), []);
  const [state, setState] = useState<SessionState>({ kind: "starting" });

  useEffect(() => {
    let current = true;
    const settle = (next: SessionState) => current && setState(next);
    void (async () => {
      let signIns: PaneSignIns = { token: apiTokenSignIn(store), entra: null };
      let tried: SignIn | null = null;
      try {
        signIns = await paneSignIns(store);
        tried = await signedInAlready(signIns);
        if (!tried) return settle({ kind: "signedOut", signIns, error: null });
        settle({ kind: "signedIn", signIns, session: await sessionOf(tried) });
      } catch (error) {
        // A stored token the server no longer accepts is forgotten quietly: the user signs in again.
        // Anything else (no sign-in options offline, a Microsoft account Rapport does not know) is shown.
        const forgotten = refused(error) && tried?.method === "api-token";
        if (forgotten) await store.clear();
        settle({ kind: "signedOut", signIns, error: forgotten ? null : error });
      }
    })();
    return () => {
      current = false;
    };
  }, [store]);

  /** Signs in with `signIn` once it holds a credential; a sign-in Rapport refuses is undone, and the error thrown. */
  const complete = useCallback(async (signIns: PaneSignIns, signIn: SignIn) => {
    try {
      setState({ kind: "signedIn", signIns, session: await sessionOf(signIn) });
    } catch (failure) {
      await signIn.signOut();
      throw failure;
    }
  }, []);

  const withToken = useCallback(
    async (signIns: PaneSignIns, token: string) => {
      await store.write(token);
      await complete(signIns, signIns.token);
    },
    [store, complete],
  );

  const withMicrosoft = useCallback(
    async (signIns: PaneSignIns, entra: SignIn) => {
      await entra.interactive?.();
      await complete(signIns, entra);
    },
    [complete],
  );

  /** Signs out of whichever sign-in is in use; the user is shown signed out even if that failed. */
  const signOut = useCallback(async (signIns: PaneSignIns, session: Session) => {
    try {
      await session.signIn.signOut();
      setState({ kind: "signedOut", signIns, error: null });
    } catch (error) {
      setState({ kind: "signedOut", signIns, error });
    }
  }, []);

  return { state, withToken, withMicrosoft, signOut };
}
