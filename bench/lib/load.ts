import autocannon from "autocannon";

export type LoadResult = {
  requestsPerSecond: number;
  /** Client-side latency percentiles, ms. */
  p50: number;
  p99: number;
  max: number;
  total: number;
};

type LoadOptions = {
  url: string;
  connections: number;
  method: "GET" | "POST";
  headers: Record<string, string>;
  next: () => { path: string; body?: string };
  /** Requests per second across all connections; unlimited when absent. */
  rate?: number;
};

function start(options: LoadOptions, seconds: number) {
  return autocannon({
    url: options.url,
    connections: options.connections,
    duration: seconds,
    headers: options.headers,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [{ method: options.method, setupRequest: (request) => ({ ...request, ...options.next() }) }],
  });
}

/** Anything but a 2xx answer is a failed benchmark, not a figure. */
function checked(url: string, result: Awaited<ReturnType<typeof autocannon>>): LoadResult {
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    throw new Error(
      `${failed} of ${result.requests.total} requests to ${url} failed ` +
        `(${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`,
    );
  }
  return {
    requestsPerSecond: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result["2xx"],
  };
}

/**
 * Drives `url` over keep-alive connections for `seconds`, each request shaped by `next` (path,
 * and body for writes).
 */
export async function drive(options: LoadOptions & { seconds: number }): Promise<LoadResult> {
  return checked(options.url, await start(options, options.seconds));
}

/** Drives `url` like `drive` from now until `until` settles (at most an hour), then stops. */
export async function driveWhile(options: LoadOptions, until: Promise<unknown>): Promise<LoadResult> {
  const run = start(options, 3600);
  try {
    await until;
  } finally {
    run.stop();
  }
  return checked(options.url, await run);
}
