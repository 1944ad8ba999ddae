import type { Problem } from "@rapport/shared/schemas";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, type ErrorCode } from "./app-error.ts";

const PROBLEMS = {
  malformed_json: { status: 400, title: "Malformed JSON" },
  bad_request: { status: 400, title: "Bad request" },
  unauthorized: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  version_conflict: { status: 412, title: "The record has changed" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  validation_failed: { status: 422, title: "Validation failed" },
  privacy_blocked: { status: 422, title: "Held back by the privacy policy" },
  precondition_required: { status: 428, title: "If-Match required" },
  too_many_requests: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
} as const satisfies Record<ErrorCode, { status: ContentfulStatusCode; title: string }>;

export function problemOf(error: AppError, requestId: string): Problem {
  const { status, title } = PROBLEMS[error.code];
  return {
    type: `https://rapport.dev/problems/${error.code.replaceAll("_", "-")}`,
    title,
    status,
    detail: error.message,
    code: error.code,
    requestId,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.current !== undefined ? { current: error.current } : {}),
  };
}

export function problemResponse(c: Context, error: AppError): Response {
  const problem = problemOf(error, c.get("requestId") ?? "");
  const headers: Record<string, string> = {
    "content-type": "application/problem+json",
    "x-request-id": problem.requestId,
  };
  if (error.code === "unauthorized") headers["www-authenticate"] = 'Bearer realm="rapport"';
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}

/** Anything thrown that is not an AppError is a bug: log it, answer 500 without details. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError("internal", "Something went wrong on the server; the request id helps find out what.");
}
