/**
 * A closed-loop load generator: `connections` clients on keep-alive sockets, each sending its next
 * request when the previous answer arrives, until `requests` have completed. Every latency is kept,
 * so percentiles are exact rather than read off a histogram.
 */
import http from "node:http";

export interface LoadResult {
  requests: number;
  connections: number;
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  errors: number;
  /** Non-200 answers by status code (0: the connection failed). */
  errorStatuses: Record<number, number>;
}

/** The i-th request of a run; a fixed GET unless the benchmark needs each request to differ. */
export type RequestSpec = { url: string; method?: string; headers?: Record<string, string>; body?: string };

export async function load(
  target: string | ((i: number) => RequestSpec),
  opts: { connections: number; requests: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let started = 0;
  let errors = 0;
  const errorStatuses: Record<number, number> = {};
  const fail = (status: number) => {
    errors++;
    errorStatuses[status] = (errorStatuses[status] ?? 0) + 1;
  };
  const specOf = typeof target === "string" ? () => ({ url: target }) : target;

  const once = (spec: RequestSpec) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request(
        spec.url,
        { agent, method: spec.method ?? "GET", headers: { ...opts.headers, ...spec.headers } },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - t0);
            if (res.statusCode !== 200) fail(res.statusCode ?? 0);
            resolve();
          });
        },
      );
      req.on("error", () => {
        fail(0);
        resolve();
      });
      req.end(spec.body);
    });

  const client = async () => {
    while (started < opts.requests) {
      await once(specOf(started++));
    }
  };

  const t0 = performance.now();
  await Promise.all(Array.from({ length: opts.connections }, client));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    requests: latencies.length,
    connections: opts.connections,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    requestsPerSecond: latencies.length / seconds,
    errors,
    errorStatuses,
  };
}

/**
 * D1 round trips one request to `url` makes, from the `Server-Timing: d1;desc="round trips";dur=N`
 * header the Worker adds in development (null for a Worker without D1, the hello-world).
 */
export async function d1RoundTrips(url: string, init: RequestInit = {}): Promise<number | null> {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  const match = res.headers.get("server-timing")?.match(/d1;desc="round trips";dur=(\d+)/);
  return match ? Number(match[1]) : null;
}
