// `pnpm bench reconcile-memory`: the peak memory of `wismo reconcile` on a 1,000,000-row file, with the
// sandbox carriers answering instantly (no latency, no rate limits). Goal: peak RSS under 300 MB.
//
// The command runs as it does for users — `node --import tsx packages/cli/src/bin.ts reconcile …`, real
// adapters over loopback HTTP, credentials from a config file — in a child process whose peak RSS is
// `process.resourceUsage().maxRSS`, written by an exit hook preloaded with `--import`. The sandbox runs in
// this process, so its memory is not counted.
//
// The large file holds FedEx numbers: FedEx takes 30 numbers a request, and the client's time per row is
// mostly parsing the carriers' JSON, which for the single-number carriers makes a 1M-row four-carrier run
// take about 14 minutes here instead of about 3. Memory does not depend on the carrier (the window bounds
// the rows in flight whatever the carrier); a shorter four-carrier run shows the same plateau.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SANDBOX_CARRIER_IDS,
  startSandboxCarriers,
  type RunningSandboxCarriers,
  type SandboxCarrierId,
} from '../../packages/testkit/src/index';

const BIG_FILE_ROWS = Number(process.env.WISMO_BENCH_MEMORY_ROWS ?? 1_000_000);
const MIXED_FILE_ROWS = Number(process.env.WISMO_BENCH_MEMORY_MIXED_ROWS ?? 100_000);
const GOAL_MB = 300;
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

interface ChildRun {
  code: number | null;
  peakRssMb: number;
  wallMs: number;
  /** RSS sampled once a second from /proc (Linux), MB. */
  rssSamplesMb: number[];
  summary: { status: string; summary: { rows: number; errors: number; notFound: number; badInput: number } } | null;
  stderr: string;
}

async function writeRows(
  path: string,
  carriers: readonly SandboxCarrierId[],
  rows: number,
  sandbox: RunningSandboxCarriers,
): Promise<void> {
  const perCarrier = Math.ceil(rows / carriers.length);
  const numbers = Object.fromEntries(carriers.map((carrier) => [carrier, sandbox.generateNumbers(carrier, perCarrier, 'mixed')])) as Record<
    SandboxCarrierId,
    string[]
  >;
  const out = createWriteStream(path);
  out.write('order_id,tracking_number,carrier\n');
  for (let row = 0; row < rows; row += 1) {
    const carrier = carriers[row % carriers.length]!;
    const line = `ORD-${row},${numbers[carrier][Math.floor(row / carriers.length)]},${carrier}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function rssOf(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function runWismoReconcile(directory: string, input: string, config: string): Promise<ChildRun> {
  const rssFile = join(directory, `peak-rss-${Date.now()}.txt`);
  const hook = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
  const output = join(directory, `results-${Date.now()}.csv`);
  const args = [
    '--import',
    hook,
    '--import',
    'tsx',
    'packages/cli/src/bin.ts',
    'reconcile',
    input,
    '--output',
    output,
    '--config',
    config,
    '--progress',
    'lines',
    '--progress-interval',
    '30',
    '--json-summary',
  ];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    // The child's progress lines, as they come (its summary table goes to stderr too with --json-summary).
    for (const line of chunk.toString().split('\n')) if (line.startsWith('reconcile:')) console.log(`    ${line}`);
  });
  const rssSamplesMb: number[] = [];
  const sampler = setInterval(() => {
    const rss = child.pid ? rssOf(child.pid) : null;
    if (rss !== null) rssSamplesMb.push(rss);
  }, 1_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const wallMs = performance.now() - started;
  rmSync(output, { force: true });
  const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
  let summary: ChildRun['summary'] = null;
  try {
    summary = JSON.parse(stdout) as ChildRun['summary'];
  } catch {
    summary = null;
  }
  return { code, peakRssMb, wallMs, rssSamplesMb, summary, stderr };
}

function describe(label: string, rows: number, run: ChildRun): void {
  const samples = run.rssSamplesMb;
  const points = Math.min(10, samples.length);
  const curve = Array.from({ length: points }, (_, index) =>
    Math.round(samples[Math.round((index * (samples.length - 1)) / Math.max(1, points - 1))]!),
  );
  const ok = run.code === 0 && run.summary?.summary.rows === rows;
  console.log(
    `  ${label}: ${rows.toLocaleString('en-US')} rows in ${(run.wallMs / 1000).toFixed(1)} s (${Math.round((rows / run.wallMs) * 1000).toLocaleString('en-US')} rows/s), exit ${run.code}, ` +
      `rows in summary ${run.summary?.summary.rows.toLocaleString('en-US') ?? '?'} (not found ${run.summary?.summary.notFound ?? '?'}, errors ${run.summary?.summary.errors ?? '?'})${ok ? '' : '  ← RUN FAILED'}\n` +
      `    peak RSS ${run.peakRssMb.toFixed(0)} MB (goal < ${GOAL_MB} MB: ${run.peakRssMb < GOAL_MB ? 'met' : 'NOT met'}); RSS sampled across the run: ${curve.join(' → ')} MB`,
  );
}

export default async function runReconcileMemoryBenchmark(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'wismo-bench-memory-'));
  const sandbox = await startSandboxCarriers({ rateLimits: 'off', latencyMs: 0, seed: 5 });
  try {
    const config = join(directory, 'wismo.config.json');
    writeFileSync(
      config,
      JSON.stringify({ carriers: Object.fromEntries(SANDBOX_CARRIER_IDS.map((carrier) => [carrier, sandbox.adapterSettings(carrier)])) }),
    );
    console.log(
      `wismo reconcile in a child process (node ${process.version} + tsx), sandbox carriers answering instantly over loopback, peak RSS of the child:`,
    );

    const tiny = join(directory, 'tiny.csv');
    await writeRows(tiny, ['fedex'], 10, sandbox);
    const baseline = await runWismoReconcile(directory, tiny, config);
    console.log(`  start-up baseline (10 rows): peak RSS ${baseline.peakRssMb.toFixed(0)} MB (node + tsx + the wismo modules)`);

    const big = join(directory, 'big.csv');
    await writeRows(big, ['fedex'], BIG_FILE_ROWS, sandbox);
    describe('FedEx numbers', BIG_FILE_ROWS, await runWismoReconcile(directory, big, config));
    rmSync(big, { force: true });

    if (MIXED_FILE_ROWS > 0) {
      const mixed = join(directory, 'mixed.csv');
      await writeRows(mixed, SANDBOX_CARRIER_IDS, MIXED_FILE_ROWS, sandbox);
      describe('four carriers interleaved', MIXED_FILE_ROWS, await runWismoReconcile(directory, mixed, config));
    }
  } finally {
    await sandbox.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
