import type { MiddlewareHandler } from "hono";
import { AppError } from "./app-error.ts";
import type { AppEnv } from "./context.ts";
import { problemResponse } from "./problem.ts";

const ALLOW_METHODS = "GET, POST, PATCH, DELETE";
const ALLOW_HEADERS = "authorization, content-type, if-match, idempotency-key";
const EXPOSE_HEADERS = "etag, location, retry-after, ratelimit-limit, ratelimit-remaining, x-request-id";
/** Chromium's ceiling: a preflight per URL every two hours at most. */
const MAX_AGE_SECONDS = "7200";

/**
 * Lets the add-ins' pages (origins listed in RAPPORT_CORS_ORIGINS, plus the server's own) call
 * the API from a browser. An origin must match exactly; anything else gets no CORS headers, so
 * the browser keeps the answer from the page. Never `*` and never credentials: the add-ins send
 * a bearer token, not cookies.
 *
 * Mounted before authentication: a preflight carries no token. A preflight from an origin not
 * listed is refused with 403, which tells an admin reading the network log what to configure.
 */
export function cors(origins: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header("origin");
    const allowed = origin !== undefined && origins.has(origin);
    if (c.req.method === "OPTIONS" && origin !== undefined && c.req.header("access-control-request-method")) {
      if (!allowed) {
        const detail = `Pages from ${origin} may not call this API; an admin can add the origin to RAPPORT_CORS_ORIGINS.`;
        const response = problemResponse(c, new AppError("forbidden", detail));
        response.headers.set("vary", "origin");
        return response;
      }
      return c.body(null, 204, {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": ALLOW_METHODS,
        "access-control-allow-headers": ALLOW_HEADERS,
        "access-control-max-age": MAX_AGE_SECONDS,
        vary: "origin",
      });
    }
    await next();
    // Every answer depends on Origin, including one without CORS headers: caches must keep them apart.
    c.res.headers.append("vary", "origin");
    if (allowed) {
      c.res.headers.set("access-control-allow-origin", origin);
      c.res.headers.set("access-control-expose-headers", EXPOSE_HEADERS);
    }
  };
}
