// `pnpm bench reconcile-rate-limits`: reconcile 10,000 shipments across the four sandbox carriers with
// their documented rate limits and batch sizes (time compressed), against the theoretical minimum.
//
// Theoretical minimum, per carrier c (the client and the sandbox both use a token bucket that starts full):
//   requests R_c = ceil(n_c / batchSize_c)
//   burst    B_c = the limit's `requests` (the bucket's capacity: that many requests may go at once)
//   rate     r_c = requests / (intervalMs / timeScale)          (requests per ms, compressed)
//   T_c      = max(0, R_c − B_c) / r_c
// and the run's minimum is max_c T_c: carriers run in parallel, so the slowest one decides.
//
// One-at-a-time baseline: `await tracker.track(number)` for every number, one after the other. Requests go
// every ℓ_c (the request time) until the bucket is empty, then every 1 / r_c:
//   if r_c·ℓ_c ≥ 1 (the limit never binds):  S_c = n_c × ℓ_c
//   else: the bucket empties after k_c = min(n_c, B_c / (1 − r_c·ℓ_c)) requests, and S_c = k_c·ℓ_c + (n_c − k_c) / r_c
// with ℓ_c the median one-at-a-time request time (token fetch excluded), MEASURED on a sample of SAMPLE_SIZE
// numbers per carrier (the whole baseline would take over a minute); the model is checked against the
// sample's own measured time.
//
// Warm-up: before the measured run, both processes (client and sandbox) reconcile WARMUP_PER_CARRIER numbers
// per carrier with a second sandbox credential, which has its own rate-limit buckets: the measured run then
// starts with full buckets but compiled modules and a warm JIT. In compressed time this one-time start-up
// (~1–2 s) would otherwise count as if it were a tenth of the run; against real carriers (USPS's 2,440
// paced requests take 40.7 hours) it is nothing. The cold figure is printed too.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { reconcile } from '../../packages/cli/src/index';
import { SANDBOX_CARRIERS } from '../../packages/testkit/src/start-sandbox-carriers';
import { createTracker, type CarrierAdapter, type TrackOutcome } from '../../packages/core/src/index';
import {
  SANDBOX_CARRIER_IDS,
  SANDBOX_CREDENTIALS,
  SANDBOX_DOCUMENTED_RATE_LIMITS,
  startSandboxCarriers,
  type RunningSandboxCarriers,
  WISMO_CARRIERS,
  type SandboxCarrierId,
  type SandboxCredentials,
  type SandboxOptions,
  type SandboxStats,
} from '../../packages/testkit/src/index';

const SHIPMENTS_PER_CARRIER = 2_500;
/** Documented limits run this many times faster: USPS's 60 an hour becomes 100 a second. */
const TIME_SCALE = 6_000;
const SAMPLE_SIZE = 200;
const WARMUP_PER_CARRIER = 250;
/** A second credential per carrier, with its own buckets: for the warm-up. */
const WARMUP_CREDENTIALS: Record<SandboxCarrierId, SandboxCredentials> = {
  ups: { clientId: 'bench-warmup-ups', clientSecret: 'bench-warmup-ups-secret' },
  fedex: { clientId: 'bench-warmup-fedex', clientSecret: 'bench-warmup-fedex-secret' },
  usps: { clientId: 'bench-warmup-usps', clientSecret: 'bench-warmup-usps-secret' },
  dhl: { apiKey: 'bench-warmup-dhl-key' },
  dhlparcelde: { apiKey: 'bench-warmup-dhl-parcel-de-key:bench-warmup-dhl-parcel-de-secret' },
  gls: { clientId: 'bench-warmup-gls', clientSecret: 'bench-warmup-gls-secret' },
  postnl: { apiKey: 'bench-warmup-postnl-key' },
  laposte: { apiKey: 'bench-warmup-laposte-key' },
  // The sandbox knows one Hermes user; a second client pair gives the warm-up its own buckets.
  hermes: {
    clientId: 'bench-warmup-hermes',
    clientSecret: 'bench-warmup-hermes-secret',
    username: 'wismo-sandbox-hermes-user',
    password: 'wismo-sandbox-hermes-password',
  },
  dpd: { clientId: 'bench-warmup-dpd', clientSecret: 'bench-warmup-dpd-password' },
  bpost: { apiKey: 'bench-warmup-bpost:bench-warmup-bpost-passphrase' },
  auspost: { apiKey: 'bench-warmup-auspost-key:bench-warmup-auspost-password:0009999999' },
  royalmail: { apiKey: 'bench-warmup-royalmail-client:bench-warmup-royalmail-secret' },
  canadapost: { apiKey: 'bench-warmup-canadapost-user:bench-warmup-canadapost-password' },
};
const BATCH_SIZE: Record<SandboxCarrierId, number> = {
  ups: 1,
  fedex: 30,
  usps: 1,
  dhl: 1,
  dhlparcelde: 20,
  gls: 10,
  laposte: 10,
  hermes: 100,
  dpd: 1,
  postnl: 1,
  bpost: 1,
  auspost: 10,
  royalmail: 1,
  canadapost: 1,
};
const GOAL = 1.1;

/** A sandbox credential under the adapter's setting names (DPD calls them delisId and password). */
function adapterCredentials(carrier: SandboxCarrierId, credential: SandboxCredentials | undefined): Record<string, string> {
  if (!credential) return {};
  return SANDBOX_CARRIERS[carrier].adapterCredentials?.(credential) ?? { ...credential };
}

const FACTORIES = Object.fromEntries(SANDBOX_CARRIER_IDS.map((carrier) => [carrier, WISMO_CARRIERS[carrier].create])) as Record<
  SandboxCarrierId,
  (settings: Record<string, unknown>) => CarrierAdapter
>;

// ---------------------------------------------------------------------------------------------------------
// The sandbox runs in a child process, so that its CPU time does not slow the client being measured (on a
// machine with two cores or more). The child speaks one JSON line per request on stdin/stdout.

const CHILD_FLAG = '--wismo-sandbox-child';

export interface SandboxProcess {
  baseUrls: Record<SandboxCarrierId, string>;
  settings: Record<SandboxCarrierId, Record<string, unknown>>;
  stats(): Promise<Record<SandboxCarrierId, SandboxStats>>;
  generateNumbers(carrier: SandboxCarrierId, count: number): Promise<string[]>;
  /** The real adapters pointed at the sandbox; `credentials` replaces the sandbox's first credential. */
  adapters(transport?: Record<string, unknown>, credentials?: Record<SandboxCarrierId, SandboxCredentials>): CarrierAdapter[];
  close(): Promise<void>;
}

/** Starts sandbox carriers in a child process (node + tsx) and talks to it over stdio. */
export async function startSandboxProcess(options: SandboxOptions): Promise<SandboxProcess> {
  const file = fileURLToPath(import.meta.url);
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', file, CHILD_FLAG, JSON.stringify(options)], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[sandbox] ${chunk.toString()}`));
  const lines = createInterface({ input: child.stdout });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const ask = (request: unknown) =>
    new Promise<unknown>((resolve) => {
      waiting.push((line) => resolve(JSON.parse(line)));
      if (request !== null) child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  const hello = (await ask(null)) as { baseUrls: SandboxProcess['baseUrls']; settings: SandboxProcess['settings'] };
  return {
    ...hello,
    stats: () => ask({ op: 'stats' }) as Promise<Record<SandboxCarrierId, SandboxStats>>,
    generateNumbers: (carrier, count) => ask({ op: 'numbers', carrier, count }) as Promise<string[]>,
    adapters: (transport = {}, credentials) =>
      SANDBOX_CARRIER_IDS.map((carrier) =>
        FACTORIES[carrier]({ ...hello.settings[carrier], ...transport, ...adapterCredentials(carrier, credentials?.[carrier]) }),
      ),
    async close() {
      child.stdin.end(`${JSON.stringify({ op: 'close' })}\n`);
      await new Promise((resolve) => child.once('close', resolve));
    },
  };
}

async function runSandboxChild(options: SandboxOptions): Promise<void> {
  const sandbox: RunningSandboxCarriers = await startSandboxCarriers(options);
  const settings = Object.fromEntries(SANDBOX_CARRIER_IDS.map((carrier) => [carrier, sandbox.adapterSettings(carrier)]));
  process.stdout.write(`${JSON.stringify({ baseUrls: sandbox.baseUrls, settings })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    const request = JSON.parse(line) as { op: string; carrier?: SandboxCarrierId; count?: number };
    if (request.op === 'stats') process.stdout.write(`${JSON.stringify(sandbox.stats())}\n`);
    else if (request.op === 'numbers')
      process.stdout.write(`${JSON.stringify(sandbox.generateNumbers(request.carrier!, request.count!, 'mixed'))}\n`);
    else if (request.op === 'close') break;
  }
  await sandbox.close();
  process.exit(0);
}

if (process.argv[2] === CHILD_FLAG) await runSandboxChild(JSON.parse(process.argv[3]!) as SandboxOptions);

// ---------------------------------------------------------------------------------------------------------

interface CarrierFigures {
  numbers: number;
  requests: number;
  burst: number;
  ratePerSecond: number;
  theoreticalMs: number;
}

function theoretical(carrier: SandboxCarrierId, numbers: number, batchSize = BATCH_SIZE[carrier]): CarrierFigures {
  const limit = SANDBOX_DOCUMENTED_RATE_LIMITS[carrier];
  const requests = Math.ceil(numbers / batchSize);
  const perMs = limit.requests / (limit.intervalMs / TIME_SCALE);
  return {
    numbers,
    requests,
    burst: limit.requests,
    ratePerSecond: perMs * 1000,
    theoreticalMs: Math.max(0, requests - limit.requests) / perMs,
  };
}

/** Wraps an adapter to record when its last answer came (per-carrier finishing time). */
function timed(
  adapter: CarrierAdapter,
  finished: Map<string, number>,
  started: () => number,
  perSecond?: Map<string, number[]>,
): CarrierAdapter {
  return {
    ...adapter,
    trackingUrl: (number) => adapter.trackingUrl(number),
    async track(numbers, context): Promise<TrackOutcome[]> {
      const outcomes = await adapter.track(numbers, context);
      const at = performance.now() - started();
      finished.set(adapter.id, at);
      if (perSecond) {
        const counts = perSecond.get(adapter.id) ?? [];
        counts[Math.floor(at / 1000)] = (counts[Math.floor(at / 1000)] ?? 0) + 1;
        perSecond.set(adapter.id, counts);
      }
      return outcomes;
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map(
      (row) => `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`,
    )
    .join('\n');
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export default async function runReconcileRateLimitBenchmark(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'wismo-bench-rate-'));
  const options: SandboxOptions = { rateLimits: 'documented', timeScale: TIME_SCALE, latencyMs: { min: 1, max: 3 }, seed: 11 };
  console.log(
    `Reconcile ${(SHIPMENTS_PER_CARRIER * 4).toLocaleString('en-US')} shipments (${SHIPMENTS_PER_CARRIER.toLocaleString('en-US')} per carrier, interleaved, 'mixed' scenarios) ` +
      `against the sandbox carriers: documented limits and batch sizes, time compressed ${TIME_SCALE.toLocaleString('en-US')}×, sandbox latency 1–3 ms, sandbox in a child process`,
  );

  // 1. The reconciliation: all carriers in parallel, each adapter pacing itself to its (compressed) limit.
  const withWarmupCredentials: SandboxOptions = {
    ...options,
    credentials: Object.fromEntries(
      SANDBOX_CARRIER_IDS.map((carrier) => [carrier, [SANDBOX_CREDENTIALS[carrier], WARMUP_CREDENTIALS[carrier]]]),
    ),
  };
  let sandbox = await startSandboxProcess(withWarmupCredentials);
  const numbers = Object.fromEntries(
    await Promise.all(
      SANDBOX_CARRIER_IDS.map(
        async (carrier) => [carrier, await sandbox.generateNumbers(carrier, SHIPMENTS_PER_CARRIER + WARMUP_PER_CARRIER)] as const,
      ),
    ),
  ) as Record<SandboxCarrierId, string[]>;
  const writeInput = (name: string, from: number, to: number) => {
    const path = join(directory, name);
    const lines = ['order_id,tracking_number,carrier'];
    for (let index = from; index < to; index += 1)
      for (const carrier of SANDBOX_CARRIER_IDS) lines.push(`O${lines.length},${numbers[carrier][index]},${carrier}`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  const input = writeInput('shipments.csv', 0, SHIPMENTS_PER_CARRIER);
  const warmupInput = writeInput('warmup.csv', SHIPMENTS_PER_CARRIER, SHIPMENTS_PER_CARRIER + WARMUP_PER_CARRIER);
  const warmupStarted = performance.now();
  await reconcile({
    input: warmupInput,
    output: join(directory, 'warmup-results.csv'),
    tracker: createTracker({ carriers: sandbox.adapters({}, WARMUP_CREDENTIALS), cache: false }),
    checkpoint: false,
  });
  const warmupMs = performance.now() - warmupStarted;
  const warmupFigures = SANDBOX_CARRIER_IDS.map((carrier) => theoretical(carrier, WARMUP_PER_CARRIER));
  const warmupMinimumMs = Math.max(...warmupFigures.map((figure) => figure.theoreticalMs));
  const statsBefore = await sandbox.stats();

  const finished = new Map<string, number>();
  let startedAt = 0;
  const perSecond = new Map<string, number[]>();
  const adapters = sandbox.adapters().map((adapter) => timed(adapter, finished, () => startedAt, perSecond));
  const tracker = createTracker({ carriers: adapters, cache: false });
  startedAt = performance.now();
  const result = await reconcile({ input, output: join(directory, 'results.csv'), tracker, checkpoint: false });
  const wallMs = performance.now() - startedAt;
  const statsAfter = await sandbox.stats();
  await sandbox.close();
  const stats = Object.fromEntries(
    SANDBOX_CARRIER_IDS.map((carrier) => [
      carrier,
      {
        requests: statsAfter[carrier].requests - statsBefore[carrier].requests,
        tokensIssued: statsAfter[carrier].tokensIssued - statsBefore[carrier].tokensIssued,
        rateLimited: statsAfter[carrier].rateLimited - statsBefore[carrier].rateLimited,
      },
    ]),
  ) as Record<SandboxCarrierId, Pick<SandboxStats, 'requests' | 'tokensIssued' | 'rateLimited'>>;

  const figures = Object.fromEntries(
    SANDBOX_CARRIER_IDS.map((carrier) => [carrier, theoretical(carrier, SHIPMENTS_PER_CARRIER)]),
  ) as Record<SandboxCarrierId, CarrierFigures>;
  const minimumMs = Math.max(...SANDBOX_CARRIER_IDS.map((carrier) => figures[carrier].theoreticalMs));
  const bottleneck = SANDBOX_CARRIER_IDS.find((carrier) => figures[carrier].theoreticalMs === minimumMs)!;
  console.log(
    table([
      ['carrier', 'numbers', 'batch', 'requests R', 'burst B', 'allowed/s', 'minimum T', 'sent', '429s', 'last answer'],
      ...SANDBOX_CARRIER_IDS.map((carrier) => [
        carrier,
        figures[carrier].numbers.toLocaleString('en-US'),
        String(BATCH_SIZE[carrier]),
        figures[carrier].requests.toLocaleString('en-US'),
        figures[carrier].burst.toLocaleString('en-US'),
        Math.round(figures[carrier].ratePerSecond).toLocaleString('en-US'),
        seconds(figures[carrier].theoreticalMs),
        // Requests the sandbox saw for tracking (tokens excluded).
        (stats[carrier].requests - stats[carrier].tokensIssued).toLocaleString('en-US'),
        String(stats[carrier].rateLimited),
        seconds(finished.get(carrier) ?? 0),
      ]),
    ]),
  );
  const ratio = wallMs / minimumMs;
  if (process.env.WISMO_BENCH_VERBOSE)
    for (const [carrier, counts] of perSecond)
      console.log(`  ${carrier.padEnd(6)} requests per second: ${Array.from(counts, (count) => count ?? 0).join(' ')}`);
  console.log(
    `  rows: ${result.summary.rows.toLocaleString('en-US')} (errors ${result.summary.errors}, not found ${result.summary.notFound}); 429 answers: ${sum(SANDBOX_CARRIER_IDS.map((carrier) => stats[carrier].rateLimited))}\n` +
      `  theoretical minimum: ${seconds(minimumMs)} (${bottleneck}); wall time: ${seconds(wallMs)}; ratio ${ratio.toFixed(3)} (goal ≤ ${GOAL}: ${ratio <= GOAL ? 'met' : 'NOT met'})\n` +
      `  cold start, for comparison: the warm-up run (${WARMUP_PER_CARRIER} per carrier, fresh processes) took ${seconds(warmupMs)} against a minimum of ${seconds(warmupMinimumMs)}`,
  );

  // 2. The one-at-a-time baseline, from a sample per carrier on a fresh sandbox (full buckets again; its
  //    first requests are cold, which the median ignores).
  sandbox = await startSandboxProcess(options);
  const sequentialAdapters = sandbox.adapters();
  const sequentialTracker = createTracker({ carriers: sequentialAdapters, cache: false });
  const estimates: string[][] = [['carrier', 'sample', 'measured', 'model(sample)', 'ℓ per request', 'estimate for all']];
  let sequentialMs = 0;
  for (const carrier of SANDBOX_CARRIER_IDS) {
    const sample = numbers[carrier].slice(0, SAMPLE_SIZE);
    const durations: number[] = [];
    const sampleStarted = performance.now();
    for (const trackingNumber of sample) {
      const started = performance.now();
      await sequentialTracker.track(trackingNumber, { carrier }).catch(() => undefined);
      durations.push(performance.now() - started);
    }
    const measuredMs = performance.now() - sampleStarted;
    const limit = SANDBOX_DOCUMENTED_RATE_LIMITS[carrier];
    const gapMs = limit.intervalMs / TIME_SCALE / limit.requests;
    // Latency ℓ: the median request time, without the first request (it fetches the OAuth token). Where the
    // pacing gap is longer than that, only the requests served from the burst show the latency.
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const afterFirst = durations.slice(1);
    const latencyMs = median(afterFirst) > 2 * gapMs ? median(afterFirst) : median(afterFirst.slice(0, Math.max(1, limit.requests - 1)));
    const ratePerMs = 1 / gapMs;
    const model = (count: number) => {
      if (ratePerMs * latencyMs >= 1) return count * latencyMs;
      const unpacedRequests = Math.min(count, limit.requests / (1 - ratePerMs * latencyMs));
      return unpacedRequests * latencyMs + (count - unpacedRequests) * gapMs;
    };
    const estimateMs = model(SHIPMENTS_PER_CARRIER);
    sequentialMs += estimateMs;
    estimates.push([
      carrier,
      String(sample.length),
      seconds(measuredMs),
      seconds(model(sample.length)),
      `${latencyMs.toFixed(2)} ms`,
      seconds(estimateMs),
    ]);
  }
  await sandbox.close();
  rmSync(directory, { recursive: true, force: true });
  console.log(
    `One at a time (sequential track(), one number per request), ESTIMATED from a sample of ${SAMPLE_SIZE} per carrier with the model in this file's header:`,
  );
  console.log(table(estimates));
  console.log(
    `  sequential estimate: ${seconds(sequentialMs)}; reconcile: ${seconds(wallMs)}; reconcile is ${(sequentialMs / wallMs).toFixed(1)}× faster`,
  );
}
