// The part of autocannon 8's API the benchmarks use (it ships no types).
declare module "autocannon" {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Histogram = { average: number; p50: number; p90: number; p99: number; max: number; total: number };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    /** Requests per second across all connections (unlimited when absent). */
    overallRate?: number;
    headers?: Record<string, string>;
    requests?: Array<Request & { setupRequest?: (request: Request) => Request }>;
  };
  type Result = {
    duration: number;
    requests: Histogram;
    latency: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
    "2xx": number;
  };
  /** Runs until `duration` or `stop()`; the tracker it returns is also a promise of the result. */
  function autocannon(options: Options): Promise<Result> & { stop: () => void };
  export default autocannon;
}
