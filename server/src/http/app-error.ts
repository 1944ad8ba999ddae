/** Every way a request can fail on purpose. Adding one without mapping it fails to compile. */
export type ErrorCode =
  | "malformed_json"
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "version_conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "privacy_blocked"
  | "precondition_required"
  | "too_many_requests"
  | "internal";

export type FieldError = { path: string; message: string };

/** A failure the client should hear about, with a stable code; turned into problem+json once. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  /** For a version conflict: the record as it is now, so the client can redo its change. */
  readonly current: unknown;
  /** For too_many_requests: whole seconds to wait, sent as Retry-After. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    code: ErrorCode,
    detail: string,
    extra: { errors?: FieldError[]; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(detail);
    this.name = "AppError";
    this.code = code;
    this.errors = extra.errors;
    this.current = extra.current;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export const notFound = (what: string) => new AppError("not_found", `No ${what} with that id.`);

export function invalidField(path: string, message: string): AppError {
  return new AppError("validation_failed", `${path}: ${message}`, { errors: [{ path, message }] });
}
