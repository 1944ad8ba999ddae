import autocannon from "autocannon";

export type LoadResult = {
  requestsPerSecond: number;
  /** Client-side latency percentiles, ms. */
  p50: number;
  p99: number;
  total: number;
};

/**
 * Drives `url` over keep-alive connections for `seconds`, each request shaped by `next` (path,
 * and body for writes). Anything but a 2xx answer is a failed benchmark, not a figure.
 */
export async function drive(options: {
  url: string;
  connections: number;
  seconds: number;
  method: "GET" | "POST";
  headers: Record<string, string>;
  next: () => { path: string; body?: string };
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    requests: [{ method: options.method, setupRequest: (request) => ({ ...request, ...options.next() }) }],
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    throw new Error(
      `${failed} of ${result.requests.total} requests to ${options.url} failed ` +
        `(${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`,
    );
  }
  return {
    requestsPerSecond: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result["2xx"],
  };
}
