import type { Endpoint, EndpointOutput } from "@rapport/shared/api";
import type { Context, Hono } from "hono";
import type { z } from "zod";
import type { Config } from "../config.ts";
import { AppError } from "./app-error.ts";
import type { AppEnv, AuthUser } from "./context.ts";
import { decodeBody } from "./decode-body.ts";
import { parseIfMatch, parseOrThrow } from "./validation.ts";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** An uploaded file as the route received it. */
export type Upload = { bytes: Uint8Array; contentType: string };

export type RouteInput<E extends Endpoint> = {
  params: Out<E["params"]>;
  query: Out<E["query"]>;
  body: E["upload"] extends true ? Upload : Out<E["body"]>;
  /** The version from If-Match, or null when the client sent none (and may send none). */
  ifMatch: E["ifMatch"] extends "required" ? number : number | null;
  user: AuthUser;
  requestId: string;
};

/** An answer with a status other than the endpoint's usual one (an idempotent replay: 200). */
export class Reply<T> {
  constructor(
    readonly body: T,
    readonly status: 200 | 201 | 204,
  ) {}
}

export type RouteHandler<E extends Endpoint> = (
  input: RouteInput<E>,
  c: Context<AppEnv>,
) => Promise<EndpointOutput<E> | Reply<EndpointOutput<E>>>;

/**
 * Mounts one contract endpoint: reads and validates path, query, body and If-Match with the
 * contract's schemas, calls the handler and answers with the endpoint's status.
 */
export function route<E extends Endpoint>(
  app: Hono<AppEnv>,
  config: Config,
  endpoint: E,
  handler: RouteHandler<E>,
): void {
  const path = endpoint.path.replace(/\{(\w+)\}/g, ":$1");
  app.on(endpoint.method.toUpperCase(), path, async (c) => {
    const input = {
      params: endpoint.params ? parseOrThrow(endpoint.params, c.req.param(), "path") : undefined,
      query: endpoint.query ? parseOrThrow(endpoint.query, queryOf(c), "query") : undefined,
      body: endpoint.upload
        ? await uploadOf(c)
        : endpoint.body
          ? parseOrThrow(endpoint.body, await jsonBodyOf(c), "body")
          : undefined,
      ifMatch: ifMatchOf(c, endpoint),
      user: c.get("user"),
      requestId: c.get("requestId"),
    } as RouteInput<E>;
    const result = await handler(input, c);
    const { body, status } = result instanceof Reply ? result : { body: result, status: endpoint.status };
    if (status === 204 || endpoint.response === null) return c.body(null, 204);
    if (endpoint.download)
      return c.body(body as string, status, { "content-type": `${endpoint.download}; charset=utf-8` });
    if (config.validateResponses) checkAnswer(endpoint, body);
    const version = (body as { version?: unknown } | null)?.version;
    if (typeof version === "number") c.header("ETag", `"${version}"`);
    return c.json(body as object, status);
  });
}

/** Query parameters as an object; a parameter given several times becomes an array. */
function queryOf(c: Context): Record<string, string | string[]> {
  const all = c.req.queries();
  refuseNul(
    Object.values(all).some((values) => values.some((v) => v.includes("\0"))),
    "query",
  );
  return Object.fromEntries(
    Object.entries(all).map(([key, values]) => [key, values.length === 1 ? (values[0] as string) : values]),
  );
}

async function jsonBodyOf(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const text = decodeBody(new Uint8Array(await c.req.arrayBuffer()), type);
  refuseNul(text.includes("\\u0000") || text.includes("\0"), "body");
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "not JSON";
    throw new AppError("malformed_json", `The body is not valid JSON (${reason}).`);
  }
}

async function uploadOf(c: Context): Promise<Upload> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw new AppError("bad_request", "The file is empty.");
  return { bytes, contentType: c.req.header("content-type") ?? "application/octet-stream" };
}

function ifMatchOf(c: Context, endpoint: Endpoint): number | null {
  const version = parseIfMatch(c.req.header("if-match"));
  if (version === null && endpoint.ifMatch === "required") {
    throw new AppError(
      "precondition_required",
      "Send If-Match with the version you read, so a change made meanwhile by someone else is not overwritten.",
    );
  }
  return version;
}

/** NUL cannot be stored in PostgreSQL text and is never meant in CRM data: refuse it everywhere alike. */
function refuseNul(found: boolean, where: string): void {
  if (found) {
    throw new AppError(
      "validation_failed",
      `The ${where} contains a NUL character (\\u0000), which text fields cannot hold.`,
      {
        errors: [{ path: where, message: "contains a NUL character" }],
      },
    );
  }
}

/** An answer that breaks its own schema is a server bug: a 500 and a log line, never a 4xx. */
function checkAnswer(endpoint: Endpoint, body: unknown): void {
  const result = endpoint.response?.safeParse(body);
  if (result && !result.success) {
    throw new Error(`answer of ${endpoint.method} ${endpoint.path} breaks its schema: ${result.error.message}`);
  }
}
