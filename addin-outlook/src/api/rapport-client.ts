import type { RapportClient } from "@rapport/addin-kit";
import { createClient } from "@rapport/shared/client";

/** A request Rapport has not answered by then counts as lost: the log waits in the outbox instead of spinning. */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * The typed API client on the server that served the pane, with a time limit on every request
 * (a server that accepts the connection and never answers must not hold a log forever). It takes
 * only a token getter, so the on-send runtime uses it without the pane's sign-in (and its UI).
 */
export function rapportClient(
  getToken: () => Promise<string>,
  baseUrl: string,
  timeoutMs = REQUEST_TIMEOUT_MS,
): RapportClient {
  return createClient({
    baseUrl,
    getToken,
    fetch: (input, init) => fetch(input, { ...init, ...deadline(timeoutMs) }),
  });
}

/** Outlook's JavaScript-only runtime may lack AbortSignal.timeout; a request there waits as long as the host lets it. */
function deadline(timeoutMs: number): { signal?: AbortSignal } {
  return typeof AbortSignal !== "undefined" && typeof AbortSignal.timeout === "function"
    ? { signal: AbortSignal.timeout(timeoutMs) }
    : {};
}
