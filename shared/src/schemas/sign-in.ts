import { z } from "zod";

/**
 * What a pane needs before anyone is signed in: whether Microsoft Entra sign-in is set up, and for
 * which app and API scope. Public by nature (it is what a login page shows), so it is served beside
 * the panes rather than under the authenticated API.
 */
export const SignInOptions = z
  .object({
    entra: z
      .object({
        clientId: z.string(),
        /** The authority to sign in with: one tenant's, or "organizations" for several. */
        authority: z.string(),
        /** Rapport's own API scope, e.g. api://<client id>/access_as_user: never an ID token. */
        scopes: z.array(z.string()),
      })
      .nullable(),
  })
  .meta({ id: "SignInOptions" });
export type SignInOptions = z.infer<typeof SignInOptions>;
