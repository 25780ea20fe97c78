// `pnpm bench server`: order-view requests per second on cached data through @wismo/server (hono on
// @hono/node-server: routing, Bearer auth, zod validation, the view cache) against a bare `node:http`
// handler that answers the same JSON bytes, in the same run. Goal: at least half the bare throughput.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTracker } from '../../packages/core/src/index';
import { createInMemoryOrderSource } from '../../packages/order-view/src/index';
import { startServer } from '../../packages/server/src/index';
import { loadTest, type LoadResult } from '../../packages/server/src/__fixtures__/load-test';
import { API_KEY, BRAND, testOrders } from '../../packages/server/src/__fixtures__/server-fixtures';
import { startSandboxCarriers } from '../../packages/testkit/src/index';

const DURATION_SECONDS = Number(process.env.WISMO_BENCH_SECONDS ?? 5);
/** Alternating runs of each: one run is at the mercy of whatever else the machine does at that moment. */
const ROUNDS = Math.max(1, Number(process.env.WISMO_BENCH_ROUNDS ?? 3));
const CONNECTIONS = 50;
const GOAL = 0.5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function line(name: string, result: LoadResult): string {
  const rate = Math.round(result.requestsPerSecond).toLocaleString('en-US');
  return `  ${name.padEnd(46)} ${rate.padStart(8)} req/s   p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms   ${(result.bytesPerSecond / 1_048_576).toFixed(1)} MiB/s   non-2xx ${result.non2xx}, errors ${result.errors}`;
}

export default async function runServerBenchmark(): Promise<void> {
  // The testkit sandbox without latency or rate limits: the first request fills the tracker's and the
  // server's caches, every measured request is then served from cached data.
  const sandbox = await startSandboxCarriers({ rateLimits: 'off', latencyMs: 0 });
  const carriers = sandbox.createAdapters();
  const wismo = await startServer({
    port: 0,
    host: '127.0.0.1',
    tracker: createTracker({ carriers }),
    orders: createInMemoryOrderSource(testOrders()),
    carriers,
    apiKeys: [API_KEY],
    brand: BRAND,
    rateLimit: false,
  });
  const path = '/v1/orders/ord_1002/view';
  const headers = { authorization: `Bearer ${API_KEY}` };
  const warm = await fetch(`${wismo.url}${path}`, { headers });
  const body = await warm.text();
  if (warm.status !== 200) throw new Error(`warm-up failed: ${warm.status} ${body.slice(0, 200)}`);

  // The baseline: node:http answering the very same bytes, the least any JSON endpoint can do.
  const bare = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  const bareUrl = await listen(bare);

  try {
    console.log(
      `Order view on cached data: ${Buffer.byteLength(body).toLocaleString('en-US')} bytes of JSON, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_SECONDS} s each, load from a worker thread, Node ${process.version}`,
    );
    // A short warm-up of both (JIT, sockets), then the measured rounds, alternating.
    await loadTest({ url: `${bareUrl}${path}`, duration: 1, connections: CONNECTIONS });
    await loadTest({ url: `${wismo.url}${path}`, headers, duration: 1, connections: CONNECTIONS });
    const baselines: LoadResult[] = [];
    const candidates: LoadResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const baseline = await loadTest({ url: `${bareUrl}${path}`, duration: DURATION_SECONDS, connections: CONNECTIONS });
      const candidate = await loadTest({ url: `${wismo.url}${path}`, headers, duration: DURATION_SECONDS, connections: CONNECTIONS });
      baselines.push(baseline);
      candidates.push(candidate);
      console.log(`  round ${round}`);
      console.log(line('bare node:http (same JSON bytes)', baseline));
      console.log(line('@wismo/server GET /v1/orders/{id}/view (auth)', candidate));
    }
    const baselineRate = median(baselines.map((result) => result.requestsPerSecond));
    const candidateRate = median(candidates.map((result) => result.requestsPerSecond));
    const ratio = candidateRate / baselineRate;
    const roundRatios = candidates.map((candidate, index) =>
      (candidate.requestsPerSecond / baselines[index]!.requestsPerSecond).toFixed(2),
    );
    const clean = candidates.every((candidate) => candidate.non2xx === 0 && candidate.errors === 0);
    console.log(
      `  median: bare ${Math.round(baselineRate).toLocaleString('en-US')} req/s, wismo ${Math.round(candidateRate).toLocaleString('en-US')} req/s`,
    );
    console.log(
      `  throughput ratio ${ratio.toFixed(2)}× (per round ${roundRatios.join(', ')}) (goal ≥ ${GOAL}×: ${ratio >= GOAL && clean ? 'met' : 'NOT met'})${clean ? '' : ' — wismo answered non-2xx or failed: the figure does not count'}`,
    );
  } finally {
    await new Promise((resolve) => bare.close(resolve));
    bare.closeAllConnections();
    await wismo.close();
    await sandbox.close();
  }
}
