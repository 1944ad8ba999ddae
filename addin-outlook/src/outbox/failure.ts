import { ApiError } from "@rapport/shared/client";

/** Why a log did not reach Rapport, in words the pane can translate. */
export type FailureReason =
  | "offline"
  | "timeout"
  | "server_error"
  | "busy"
  | "signed_out"
  | "privacy"
  | "refused"
  | "invalid";

export type Failure = {
  reason: FailureReason;
  /** Worth trying again by itself: the network, a timeout, a 5xx, 408 or 429. */
  retry: boolean;
  /** The server's own explanation, written for people, when it gave one. */
  detail: string | null;
  status: number | null;
};

/**
 * Sorts an error into "try again later" and "will never work as is". A 4xx other than 408 and 429
 * means the server read the request and refused it: sending it again would be refused again.
 */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof ApiError) {
    const detail = error.problem.detail || error.problem.title || null;
    const status = error.status;
    if (status === 401) return { reason: "signed_out", retry: false, detail, status };
    if (status === 408) return { reason: "timeout", retry: true, detail, status };
    if (status === 429) return { reason: "busy", retry: true, detail, status };
    if (status >= 500) return { reason: "server_error", retry: true, detail, status };
    if (error.code === "privacy_blocked") return { reason: "privacy", retry: false, detail, status };
    return { reason: "refused", retry: false, detail, status };
  }
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { reason: "timeout", retry: true, detail: null, status: null };
  }
  if (error instanceof Error && error.name === "SignInRequired") {
    return { reason: "signed_out", retry: false, detail: null, status: null };
  }
  // fetch rejects with a TypeError when no answer came at all: offline, DNS, refused connection.
  if (error instanceof TypeError) return { reason: "offline", retry: true, detail: null, status: null };
  return {
    reason: "refused",
    retry: false,
    detail: error instanceof Error ? error.message : String(error),
    status: null,
  };
}

/**
 * How long to wait before the next try: 2 s, 4 s, 8 s... up to 5 minutes, spread by a fifth either
 * way so panes that lost the server together do not all come back in the same second.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(5 * 60_000, 2000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
