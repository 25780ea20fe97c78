// autocannon for test/bench/server.bench.ts (a dev dependency of @wismo/server).
import autocannon, { type AutocannonOptions, type AutocannonResult } from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  bytesPerSecond: number;
  non2xx: number;
  errors: number;
  total: number;
}

/**
 * Loads a URL for `duration` seconds. The load generator runs in a worker thread, so the server under test
 * keeps the main thread's event loop to itself.
 */
export async function loadTest(options: AutocannonOptions): Promise<LoadResult> {
  const result: AutocannonResult = await autocannon({ connections: 50, duration: 5, workers: 1, ...options });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    bytesPerSecond: result.throughput.average,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}
