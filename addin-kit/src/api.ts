import type { Api } from "@rapport/shared/api";
import { type Client, createClient } from "@rapport/shared/client";
import type { SignIn } from "./auth/sign-in.ts";

export type RapportClient = Client<Api>;

/**
 * The panes are served by the Rapport server they talk to, so the API is on the page's own origin
 * (no CORS, no URL to configure).
 */
export function paneClient(signIn: SignIn, baseUrl = location.origin, headers?: Record<string, string>): RapportClient {
  return createClient({ baseUrl, getToken: () => signIn.getToken(), ...(headers ? { headers } : {}) });
}
