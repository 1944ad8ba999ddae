/** Why Microsoft Graph did not answer: the pane words each one for the user. */
export type GraphFailure = "offline" | "refused" | "throttled" | "failed";

/** A Graph request that did not give a readable answer, with Graph's status and error code when it gave them. */
export class GraphError extends Error {
  readonly reason: GraphFailure;
  readonly status: number | null;
  readonly code: string | null;
  constructor(reason: GraphFailure, message: string, status: number | null = null, code: string | null = null) {
    super(message);
    this.name = "GraphError";
    this.reason = reason;
    this.status = status;
    this.code = code;
  }
}

/** A failed response as a GraphError: 401 and 403 mean no access to the mailbox, 429 and 503 mean later. */
export async function graphErrorOf(response: Response): Promise<GraphError> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : null;
  const message =
    typeof error?.message === "string" && error.message ? error.message : `Microsoft Graph answered ${response.status}`;
  const reason: GraphFailure =
    response.status === 401 || response.status === 403
      ? "refused"
      : response.status === 429 || response.status === 503
        ? "throttled"
        : "failed";
  return new GraphError(reason, message, response.status, code);
}
