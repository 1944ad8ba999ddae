import type { SignInOptions } from "@rapport/shared/schemas";
import type { Hono } from "hono";
import type { Config } from "../config.ts";
import type { AppEnv } from "./context.ts";

/** The panes' sign-in settings, derived from the admin's Entra configuration. */
export function signInOptions(config: Config): SignInOptions {
  const entra = config.entra;
  if (!entra) return { entra: null };
  const tenant = entra.tenantIds.length === 1 ? entra.tenantIds[0] : "organizations";
  return {
    entra: {
      clientId: entra.clientId,
      authority: `${entra.authority}/${tenant}`,
      scopes: [`${entra.audience}/${entra.scope}`],
    },
  };
}

/** Served beside the panes, without a token: a pane reads it before anyone has signed in. */
export function signInOptionsRoute(app: Hono<AppEnv>, config: Config): void {
  const options = signInOptions(config);
  app.get("/addins/sign-in.json", (c) => c.json(options, 200, { "cache-control": "no-cache" }));
}
