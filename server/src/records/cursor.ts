import { AppError } from "../http/app-error.ts";

/**
 * Cursors are opaque to clients: base64url of the sort key of the last item seen, so the format
 * can change without breaking anyone who treats them as tokens.
 */
export function encodeCursor(key: Array<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, arity: number): Array<string | number> {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => typeof k === "string" || typeof k === "number")
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("bad_request", "The cursor is not one this server gave out.");
}

/**
 * The page a list answers from rows read with `limit + 1`: the extra row only says another page
 * follows, whose cursor is the sort key (`key`) of this page's last row.
 */
export function pageOf<R>(
  rows: readonly R[],
  limit: number,
  key: (last: R) => Array<string | number>,
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null };
}
