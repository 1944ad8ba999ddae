import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { routePath } from "hono/route";
import { AppError } from "./app-error.ts";
import type { AppEnv } from "./context.ts";
import type { Logger } from "./logger.ts";
import { problemResponse } from "./problem.ts";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Names each request (reusing a caller's id when it is safe to echo), times it and logs it. */
export function requestLog(logger: Logger, observe?: (route: string, ms: number) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set("requestId", requestId);
    // Set before the answer exists: c.header() afterwards makes Hono rebuild the whole response.
    c.header("x-request-id", requestId);
    await next();
    const ms = performance.now() - started;
    c.res.headers.set("server-timing", `app;dur=${ms.toFixed(2)}`);
    observe?.(routePath(c, -1), ms);
    // The path only: query strings carry email addresses (lookup) and must not reach the log.
    logger.info("request", () => ({
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(ms * 100) / 100,
      userId: c.get("user")?.id,
    }));
  };
}

/**
 * Refuses bodies over the cap before reading them whole. Import chunks (a few MB of rows or a
 * whole file) get their own, larger cap; every other body keeps the small one.
 */
export function maxBody(maxBytes: number, maxImportBytes = maxBytes): MiddlewareHandler<AppEnv> {
  const limiter = (bytes: number) =>
    bodyLimit({
      maxSize: bytes,
      onError: (c) =>
        problemResponse(
          c,
          new AppError("payload_too_large", `The body is over the ${bytes}-byte limit; send it in smaller chunks.`),
        ),
    });
  const limit = limiter(maxBytes);
  const importLimit = limiter(maxImportBytes);
  // GET and HEAD carry no body; asking would make the Node adapter build a full Request for nothing.
  return (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    return (IMPORT_PATH.test(c.req.path) ? importLimit : limit)(c, next);
  };
}

const IMPORT_PATH = /\/imports\/[^/]+\/(rows|file)$/;
