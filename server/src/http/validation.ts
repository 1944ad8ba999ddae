import type { z } from "zod";
import { AppError, type FieldError } from "./app-error.ts";

/** Parses with a schema or throws a 422 that lists each wrong field by its path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap(fieldErrorsOf);
  const summary = errors
    .slice(0, 5)
    .map((e) => `${e.path || where}: ${e.message}`)
    .join("; ");
  throw new AppError("validation_failed", `The ${where} is not valid: ${summary}`, { errors });
}

function fieldErrorsOf(issue: z.core.$ZodIssue): FieldError[] {
  const base = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: [...base, key].join("."), message: "unknown field" }));
  }
  return [{ path: base.join("."), message: issue.message }];
}

/** `"3"`, `W/"3"` or `3` -> 3; what a client sends in If-Match for a record version. */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined) return null;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match?.[1]) throw new AppError("bad_request", 'If-Match must carry the record\'s version, such as "3".');
  return Number(match[1]);
}
