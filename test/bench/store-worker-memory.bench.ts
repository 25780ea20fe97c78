// `pnpm bench store-worker`: peak RSS of the refresh worker with 1,000,000 watched shipments in a SQLite file.
// Goal: under 300 MB — only due rows are in memory.
//
// The worker is what a user runs: `wismo worker --once` with its default settings (batch size, notifications as
// configured: none here), as its own process (`node --import tsx packages/cli/src/bin.ts`, as the reconcile
// memory bench runs the CLI), its carriers in a config file that points FedEx at the sandbox. Its peak RSS is
// `process.resourceUsage().maxRSS`, written by an exit hook; the sandbox carriers run in this process, so their
// memory is not counted. 1,000,000 FedEx sandbox numbers are watched ('mixed' scenarios); 2 % of them (20,000)
// are due now and the rest in 30 days, as in a steady state where a round checks a small share. One round
// checks every due shipment. Then `wismo status` (counts by status and delay over the whole table, the next due
// checks) is measured the same way. A worker on a store of 1,000 shipments gives the fixed cost (node, tsx,
// modules) in the same run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const cliPath = fileURLToPath(new URL('../../packages/cli/src/bin.ts', import.meta.url));

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

interface CliRun {
  peakRssMb: number;
  exitCode: number | null;
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** One `wismo` command in its own process, as a user runs it; its peak RSS from an exit hook. */
async function runCli(directory: string, args: readonly string[]): Promise<CliRun> {
  const rssFile = join(directory, `peak-rss-${Date.now()}.txt`);
  const hook = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', hook, '--import', 'tsx', cliPath, ...args], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
  return { peakRssMb, exitCode, wallMs, stdout, stderr };
}

/** `wismo worker --once` with nothing but the store and the carriers' config: the defaults a user gets. */
const runWorker = (directory: string, url: string, configFile: string) =>
  runCli(directory, ['worker', '--once', '--store', url, '--config', configFile]);

function failure(run: CliRun): string {
  return run.exitCode === 0 ? '' : ` — RUN FAILED (exit ${String(run.exitCode)}): ${run.stderr.slice(0, 500)}`;
}

export default async function runWorkerMemoryBenchmark(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'wismo-bench-worker-'));
  const sandbox = await startSandboxCarriers({ carriers: ['fedex'], rateLimits: 'off', latencyMs: 0, seed: 11 });
  try {
    const configFile = join(directory, 'wismo.config.json');
    writeFileSync(configFile, JSON.stringify({ carriers: { fedex: sandbox.adapterSettings('fedex') } }));
    const smallUrl = `sqlite:${join(directory, 'small.db')}`;
    await seed(smallUrl, sandbox, 1_000);
    const small = await runWorker(directory, smallUrl, configFile);
    console.log(`  fixed cost: a worker on 1,000 watched shipments (20 due): peak RSS ${small.peakRssMb.toFixed(0)} MB${failure(small)}`);

    const bigUrl = `sqlite:${join(directory, 'big.db')}`;
    const seedMs = await seed(bigUrl, sandbox, WATCHED);
    const big = await runWorker(directory, bigUrl, configFile);
    const status = await runCli(directory, ['status', '--store', bigUrl]);
    console.log(
      `Worker memory with ${WATCHED.toLocaleString('en-US')} watched shipments in SQLite (seeded in ${(seedMs / 1000).toFixed(0)} s; ${(WATCHED / DUE_SHARE).toLocaleString('en-US')} due)\n` +
        `  wismo worker --once (defaults): ${(big.wallMs / 1000).toFixed(1)} s; ${big.stdout.trim().split('\n').pop() ?? ''}\n` +
        `  then wismo status over the whole table: peak RSS ${status.peakRssMb.toFixed(0)} MB${failure(status)}\n` +
        `  worker peak RSS ${big.peakRssMb.toFixed(0)} MB (goal < ${GOAL_MB} MB: ${big.peakRssMb < GOAL_MB ? 'met' : 'NOT met'})${failure(big)}`,
    );
  } finally {
    await sandbox.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
