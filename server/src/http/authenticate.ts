import type { MiddlewareHandler } from "hono";
import type { TokenVerifier } from "../modules/users/tokens.service.ts";
import { AppError } from "./app-error.ts";
import type { AppEnv } from "./context.ts";

/**
 * Every route behind this needs `Authorization: Bearer <token>`. Tokens are never read from the
 * query string, where they would end up in proxies' and browsers' logs.
 */
export function authenticate(verifier: TokenVerifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new AppError("unauthorized", "Send an API token as Authorization: Bearer <token>.");
    const user = await verifier.verify(match[1]);
    if (!user) throw new AppError("unauthorized", "This token is unknown, expired or revoked.");
    c.set("user", user);
    await next();
  };
}
