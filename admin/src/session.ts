import { apiTokenSignIn, paneClient, type RapportClient, type TokenStore } from "@rapport/addin-kit";
import type { User } from "@rapport/shared/schemas";

/**
 * The admin token lives in this tab's sessionStorage: closing the tab signs the admin out, and no
 * other tab or later visitor of this browser finds it.
 */
export function sessionTokenStore(key = "rapport.adminToken"): TokenStore {
  return {
    read: () => sessionStorage.getItem(key),
    write: async (token) => sessionStorage.setItem(key, token),
    clear: async () => sessionStorage.removeItem(key),
  };
}

export type AdminSession = { client: RapportClient; me: User; signOut: () => Promise<void> };

export class NotAnAdmin extends Error {
  constructor() {
    super("not an admin");
    this.name = "NotAnAdmin";
  }
}

/**
 * Opens a session with the stored token: the server says whose it is, and only an admin's token
 * that may list users (the admin scope) is kept. Anything else is cleared.
 */
export async function openSession(store: TokenStore): Promise<AdminSession> {
  const signIn = apiTokenSignIn(store);
  const client = paneClient(signIn);
  try {
    const me = await client.me({});
    if (me.role !== "admin") throw new NotAnAdmin();
    await client.users.list({}).catch(() => {
      throw new NotAnAdmin();
    });
    return { client, me, signOut: () => signIn.signOut() };
  } catch (error) {
    await store.clear();
    throw error;
  }
}
