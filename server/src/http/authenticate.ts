import type { MiddlewareHandler } from "hono";
import type { EntraVerifier } from "../modules/auth/entra-verifier.ts";
import type { TokenVerifier } from "../modules/users/tokens.service.ts";
import { AppError } from "./app-error.ts";
import type { AppEnv } from "./context.ts";

/**
 * Every route behind this needs `Authorization: Bearer <token>`. Tokens are never read from the
 * query string, where they would end up in proxies' and browsers' logs. A JWT (three base64url
 * parts) is a Microsoft Entra access token from an add-in; anything else is an API token.
 */
export function authenticate(verifier: TokenVerifier, entra: EntraVerifier | null = null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new AppError("unauthorized", "Send an API token as Authorization: Bearer <token>.");
    const isJwt = /^[\w-]+\.[\w-]+\.[\w-]*$/.test(match[1]);
    if (isJwt && !entra) throw new AppError("unauthorized", "Microsoft sign-in is not configured on this server.");
    const user =
      isJwt && entra ? await entra.verify(match[1], c.get("requestId") ?? null) : await verifier.verify(match[1]);
    if (!user) throw new AppError("unauthorized", "This token is unknown, expired or revoked.");
    // Reads need the read scope; anything that may change data, the write scope.
    const needed = c.req.method === "GET" || c.req.method === "HEAD" ? "read" : "write";
    if (!user.scopes.has(needed)) {
      throw new AppError("forbidden", `This token may not ${needed}: its scopes are ${[...user.scopes].join(", ")}.`);
    }
    c.set("user", user);
    await next();
  };
}
