// `pnpm bench store-worker`: peak RSS of the refresh worker with 1,000,000 watched shipments in a SQLite file.
// Goal: under 300 MB — only due rows are in memory.
//
// The worker is its own process (packages/store/src/__fixtures__/worker-child.ts through tsx) whose peak RSS is
// `process.resourceUsage().maxRSS`, written by an exit hook; the sandbox carriers run in this process, so their
// memory is not counted. 1,000,000 FedEx sandbox numbers are watched ('mixed' scenarios); 2 % of them (20,000)
// are due now and the rest in 30 days, as in a steady state where a round checks a small share. The worker runs
// rounds until nothing is due, then counts by status and pages through a filter. A worker on a store of 1,000
// shipments gives the fixed cost (node, tsx, modules) in the same run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deferAllButOneIn } from '../../packages/store/src/__fixtures__/defer-checks';
import { createStore } from '../../packages/store/src/index';
import { startSandboxCarriers, type RunningSandboxCarriers } from '../../packages/testkit/src/index';

const WATCHED = Number(process.env.WISMO_BENCH_WORKER_WATCHED ?? 1_000_000);
const DUE_SHARE = 50; // one in 50 due now
const GOAL_MB = 300;
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const childPath = fileURLToPath(new URL('../../packages/store/src/__fixtures__/worker-child.ts', import.meta.url));

async function seed(url: string, sandbox: RunningSandboxCarriers, count: number): Promise<number> {
  const started = performance.now();
  const store = await createStore({ url });
  const numbers = sandbox.generateNumbers('fedex', count, 'mixed');
  for (let start = 0; start < numbers.length; start += 10_000) {
    await store.shop().watchMany(numbers.slice(start, start + 10_000).map((trackingNumber) => ({ trackingNumber, carrier: 'fedex' })));
  }
  await store.close();
  // Most parcels are not due now: a round only ever sees its due share.
  await deferAllButOneIn(url, DUE_SHARE, 30 * 24 * 3_600_000);
  return performance.now() - started;
}

async function runWorker(
  directory: string,
  url: string,
  settings: Record<string, unknown>,
): Promise<{ peakRssMb: number; summary: Record<string, unknown> | null; wallMs: number; stderr: string }> {
  const rssFile = join(directory, `peak-rss-${Date.now()}.txt`);
  const hook = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', hook, '--import', 'tsx', childPath, url, JSON.stringify(settings)], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
  let summary: Record<string, unknown> | null = null;
  try {
    summary = JSON.parse(stdout.trim().split('\n').pop() ?? '') as Record<string, unknown>;
  } catch {
    summary = null;
  }
  return { peakRssMb, summary, wallMs, stderr };
}

export default async function runWorkerMemoryBenchmark(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'wismo-bench-worker-'));
  const sandbox = await startSandboxCarriers({ carriers: ['fedex'], rateLimits: 'off', latencyMs: 0, seed: 11 });
  try {
    const settings = sandbox.adapterSettings('fedex');
    const smallUrl = `sqlite:${join(directory, 'small.db')}`;
    await seed(smallUrl, sandbox, 1_000);
    const small = await runWorker(directory, smallUrl, settings);
    console.log(
      `  fixed cost: a worker on 1,000 watched shipments (20 due): peak RSS ${small.peakRssMb.toFixed(0)} MB${small.summary ? '' : ` — FAILED: ${small.stderr.slice(0, 300)}`}`,
    );

    const bigUrl = `sqlite:${join(directory, 'big.db')}`;
    const seedMs = await seed(bigUrl, sandbox, WATCHED);
    const big = await runWorker(directory, bigUrl, settings);
    const summary = big.summary;
    console.log(
      `Worker memory with ${WATCHED.toLocaleString('en-US')} watched shipments in SQLite (seeded in ${(seedMs / 1000).toFixed(0)} s; ${(WATCHED / DUE_SHARE).toLocaleString('en-US')} due)\n` +
        `  rounds: ${String(summary?.claimed ?? '?')} claimed and checked in ${((Number(summary?.roundMs) || 0) / 1000).toFixed(1)} s, ${String(summary?.changed ?? '?')} changed, ${String(summary?.outbox ?? '?')} outbox rows; then counts (${String(summary?.active ?? '?')} active) and ${String(summary?.pages ?? '?')} pages of delivered\n` +
        `  peak RSS (MB) after each phase: ${JSON.stringify(summary?.peakMbAfter ?? null)}\n` +
        `  peak RSS ${big.peakRssMb.toFixed(0)} MB (goal < ${GOAL_MB} MB: ${big.peakRssMb < GOAL_MB ? 'met' : 'NOT met'})${summary ? '' : ` — RUN FAILED: ${big.stderr.slice(0, 500)}`}`,
    );
  } finally {
    await sandbox.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
