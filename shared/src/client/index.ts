import { type Api, api } from "../api/contract.ts";
import type { Endpoint, EndpointInput, EndpointOutput } from "../api/endpoint.ts";
import type { Problem } from "../schemas/common.ts";

/** An error answer from the server, with its problem details, so a UI can tell 404 from 422. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(`${problem.title}: ${problem.detail}`);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }
}

export type ClientOptions = {
  /** The server's origin, e.g. `https://crm.example.com`. */
  baseUrl: string;
  /** Called before each request, so a token can be refreshed without rebuilding the client. */
  getToken?: () => string | Promise<string>;
  fetch?: typeof fetch;
  /** Extra headers per call, such as `Idempotency-Key`. */
  headers?: Record<string, string>;
};

type Call<E extends Endpoint> = (input: EndpointInput<E>) => Promise<EndpointOutput<E>>;
export type Client<T> = { [K in keyof T]: T[K] extends Endpoint ? Call<T[K]> : Client<T[K]> };

/**
 * A typed client for the Rapport API: one function per contract endpoint.
 *
 * @example
 * const rapport = createClient({ baseUrl: "http://127.0.0.1:8787", getToken: () => token });
 * const { results } = await rapport.lookup({ query: { email: ["jane@acme.fr"] } });
 */
export function createClient(options: ClientOptions): Client<Api> {
  return bind(api, options) as Client<Api>;
}

function bind(tree: object, options: ClientOptions): unknown {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      "method" in value ? (input: CallInput) => call(value as Endpoint, input ?? {}, options) : bind(value, options),
    ]),
  );
}

type CallInput = {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  contentType?: string;
  ifMatch?: number;
};

async function call(endpoint: Endpoint, input: CallInput, options: ClientOptions): Promise<unknown> {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(input.params?.[name] ?? ""));
  const url = new URL(`/api/v1${path}`, options.baseUrl);
  for (const [key, value] of Object.entries(input.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) url.searchParams.append(key, String(item));
    }
  }
  const headers: Record<string, string> = { accept: endpoint.download ?? "application/json", ...options.headers };
  if (options.getToken) headers.authorization = `Bearer ${await options.getToken()}`;
  if (input.ifMatch !== undefined) headers["if-match"] = `"${input.ifMatch}"`;
  if (input.body !== undefined) headers["content-type"] = input.contentType ?? "application/json";
  const response = await (options.fetch ?? fetch)(url, {
    method: endpoint.method.toUpperCase(),
    headers,
    body: bodyOf(endpoint, input.body),
  });
  if (!response.ok) throw new ApiError(await problemOf(response));
  if (response.status === 204) return undefined;
  return endpoint.download ? response.text() : response.json();
}

/** JSON for ordinary endpoints; a file upload's bytes go as they are. */
function bodyOf(endpoint: Endpoint, body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  return endpoint.upload ? (body as BodyInit) : JSON.stringify(body);
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    return JSON.parse(text) as Problem;
  } catch {
    return {
      type: "about:blank",
      title: response.statusText || "Error",
      status: response.status,
      detail: text.slice(0, 500),
      code: "http_error",
      requestId: response.headers.get("x-request-id") ?? "",
    };
  }
}
