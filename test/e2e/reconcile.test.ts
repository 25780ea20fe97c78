import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResultRecords, reconcile, type ResultRecord } from '@wismo/cli';
import { categorisedRows } from '../../packages/cli/src/reconcile/summary';
import { createTracker } from '@wismo/core';
import {
  SANDBOX_CARRIERS,
  SANDBOX_CARRIER_IDS,
  SANDBOX_EXPECTED_OUTCOMES,
  decodeSandboxNumber,
  startSandboxCarriers,
  type RunningSandboxCarriers,
  type SandboxCarrierId,
} from '@wismo/testkit';

// Reconcile a generated file against the sandbox carriers with faults injected (5xx, timeouts, malformed
// bodies, expired tokens), stop it half-way, continue it, and prove that every input row is in the output
// exactly once, with a result, and that the summary counts add up to the row count.

// About 2,000 rows whatever the number of sandbox carriers.
const ROWS_PER_CARRIER = Math.ceil(2_000 / SANDBOX_CARRIER_IDS.length);
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const binPath = join(repositoryRoot, 'packages/cli/src/bin.ts');
const FAULTS = { serverErrorRate: 0.05, timeoutRate: 0.02, timeoutAfterMs: 400, malformedRate: 0.03, expiredTokenRate: 0.05, seed: 42 };

interface InputLine {
  /** The carrier that issued the number (the file names it on two rows in three). */
  source: SandboxCarrierId;
  order_id: string;
  tracking_number: string;
  carrier: string;
  expected_status: string;
}

let sandbox: RunningSandboxCarriers;
let directory: string;
let inputLines: InputLine[];

/** About 2,000 rows: every sandbox carrier interleaved, the sandbox's 'mixed' scenarios, some with an expected status, a few broken rows. */
function generateInput(): InputLine[] {
  const numbers = Object.fromEntries(
    SANDBOX_CARRIER_IDS.map((carrier) => [carrier, sandbox.generateNumbers(carrier, ROWS_PER_CARRIER, 'mixed')]),
  ) as Record<SandboxCarrierId, string[]>;
  const lines: InputLine[] = [];
  for (let index = 0; index < ROWS_PER_CARRIER; index += 1) {
    SANDBOX_CARRIER_IDS.forEach((carrier, position) => {
      const row = index * SANDBOX_CARRIER_IDS.length + position;
      const trackingNumber = numbers[carrier][index]!;
      // Every 97th row has no tracking number: a bad-input row that must still appear once in the output.
      lines.push({
        source: carrier,
        order_id: `ORD-${Math.floor(row / 2)}`,
        tracking_number: row % 97 === 13 ? '' : trackingNumber,
        // A number that detection routes to another carrier (DHL Paket numbers go to DHL Unified) keeps its carrier.
        carrier: row % 3 === 0 && SANDBOX_CARRIERS[carrier].detectedAs === undefined ? '' : carrier,
        expected_status: row % 10 === 0 ? 'delivered' : '',
      });
    });
  }
  return lines;
}

function csvOf(lines: readonly InputLine[]): string {
  return `order_id,tracking_number,carrier,expected_status\n${lines.map((line) => [line.order_id, line.tracking_number, line.carrier, line.expected_status].join(',')).join('\n')}\n`;
}

async function readAll(path: string): Promise<ResultRecord[]> {
  const records: ResultRecord[] = [];
  for await (const record of readResultRecords(path)) records.push(record);
  return records;
}

/** The proof: rows 1..N exactly once, in order, each the input row it claims to be, each with a status or an error. */
function expectEveryRowExactlyOnce(records: readonly ResultRecord[]): void {
  expect(records.length).toBe(inputLines.length);
  const seen = new Set<number>();
  records.forEach((record, position) => {
    expect(record.row).toBe(position + 1);
    expect(seen.has(record.row)).toBe(false);
    seen.add(record.row);
    const input = inputLines[record.row - 1]!;
    expect(record.order_id).toBe(input.order_id);
    expect(record.tracking_number).toBe(input.tracking_number);
    expect(record.status !== null || record.error_code !== null).toBe(true);
  });
}

/** Under faults, an answer may be missing (an error row) but never wrong. */
function expectAnswersMatchTheSandbox(records: readonly ResultRecord[]): void {
  let answered = 0;
  for (const record of records) {
    if (!record.tracking_number) {
      expect(record.error_code).toBe('bad_input');
      continue;
    }
    const decoded = decodeSandboxNumber(inputLines[record.row - 1]!.source, record.tracking_number);
    expect(decoded).not.toBeNull();
    if (!decoded || decoded.scenario === 'advancing') continue;
    const expected = SANDBOX_EXPECTED_OUTCOMES[decoded.carrier][decoded.scenario];
    if (record.status !== null) {
      answered += 1;
      expect({ row: record.row, carrier: record.carrier, status: record.status }).toEqual({
        row: record.row,
        carrier: decoded.carrier,
        status: expected.status,
      });
    } else if (record.error_code === 'not_found') {
      expect(expected.error).toBe('not_found');
    }
  }
  // The faults hit a few percent of requests and are retried: nearly every row gets its answer.
  expect(answered).toBeGreaterThan(records.length * 0.8);
}

beforeAll(async () => {
  sandbox = await startSandboxCarriers({ rateLimits: 'off', latencyMs: { min: 1, max: 8 }, faults: FAULTS, seed: 7 });
  directory = mkdtempSync(join(tmpdir(), 'wismo-e2e-reconcile-'));
  inputLines = generateInput();
});

afterAll(async () => {
  await sandbox?.close();
});

describe('wismo reconcile end to end, with faults, interrupted and resumed', () => {
  it('in process: stopped by an AbortSignal half-way, continued from the checkpoint', async () => {
    const input = join(directory, 'in-process.csv');
    const output = join(directory, 'in-process.results.jsonl');
    writeFileSync(input, csvOf(inputLines));
    const tracker = createTracker({
      carriers: sandbox.createAdapters({ timeoutMs: 250, retries: 3, retryMinDelayMs: 10, retryMaxDelayMs: 50 }),
      cache: false,
    });

    const stop = new AbortController();
    const first = await reconcile({
      input,
      output,
      tracker,
      window: 200,
      checkpointIntervalMs: 50,
      rowRetryDelayMs: 20,
      signal: stop.signal,
      onProgress: (progress) => {
        if (progress.rowsDone >= inputLines.length / 2) stop.abort();
      },
    });
    expect(first.status).toBe('interrupted');
    expect(first.rowsDone).toBeGreaterThanOrEqual(inputLines.length / 2);
    expect(first.rowsDone).toBeLessThan(inputLines.length);
    expect(first.summary.rows).toBe(first.rowsDone);
    expect(existsSync(first.checkpointPath!)).toBe(true);
    expect(await readAll(output)).toHaveLength(first.rowsDone);

    const second = await reconcile({ input, output, tracker, window: 200, rowRetryDelayMs: 20 });
    expect(second.status).toBe('completed');
    expect(second.resumedFrom).toBe(first.rowsDone);
    expect(second.rowsThisRun).toBe(inputLines.length - first.rowsDone);
    expect(existsSync(first.checkpointPath!)).toBe(false);

    const records = await readAll(output);
    expectEveryRowExactlyOnce(records);
    expectAnswersMatchTheSandbox(records);
    expect(second.summary.rows).toBe(inputLines.length);
    expect(categorisedRows(second.summary)).toBe(inputLines.length);
    expect(second.summary.badInput).toBe(records.filter((record) => record.error_code === 'bad_input').length);
    expect(second.summary.mismatches).toBe(records.filter((record) => record.mismatch === true).length);
    const faults = Object.values(sandbox.stats()).reduce((sum, stats) => sum + stats.faultsInjected, 0);
    expect(faults).toBeGreaterThan(20);
  }, 120_000);

  it('as the wismo command: Ctrl-C (SIGINT) exits 130, a crash (SIGKILL) loses nothing, the next run finishes', async () => {
    const input = join(directory, 'child.csv');
    const output = join(directory, 'child.results.csv');
    const config = join(directory, 'wismo.config.json');
    writeFileSync(input, csvOf(inputLines));
    const transport = { timeoutMs: 250, retries: 3, retryMinDelayMs: 10, retryMaxDelayMs: 50 };
    writeFileSync(
      config,
      JSON.stringify({
        carriers: Object.fromEntries(
          SANDBOX_CARRIER_IDS.map((carrier) => [carrier, { ...sandbox.adapterSettings(carrier), ...transport }]),
        ),
      }),
    );
    const args = [
      'reconcile',
      input,
      '--output',
      output,
      '--config',
      config,
      '--concurrency',
      '2',
      '--window',
      '200',
      '--progress',
      'lines',
      '--progress-interval',
      '0.1',
      '--checkpoint-interval',
      '0.1',
      '--json-summary',
    ];

    // 1. Interrupt with SIGINT once a third is done: rows in flight are finished, the checkpoint saved, exit 130.
    const interrupted = await runWismo(args, { signal: 'SIGINT', whenRowsDone: inputLines.length / 3 });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/Interrupted after [\d,]+ rows/);
    const afterInterrupt = (await readAll(output)).length;
    expect(afterInterrupt).toBeGreaterThan(0);

    // 2. Continue, and kill it hard (no handler runs) two thirds in: only the checkpoint tells where we were.
    const crashed = await runWismo(args, { signal: 'SIGKILL', whenRowsDone: (inputLines.length * 2) / 3 });
    expect(crashed.code).toBeNull();
    expect(crashed.stderr).toMatch(/Resuming: [\d,]+ rows already done/);

    // 3. Finish: whatever the crash left after the checkpointed offset is cut off, rows are redone once.
    const finished = await runWismo(args, {});
    expect(finished.code).toBe(0);
    const resumed = /Resuming: ([\d,]+) rows already done/.exec(finished.stderr);
    expect(resumed).not.toBeNull();
    expect(Number(resumed![1]!.replace(/,/g, ''))).toBeGreaterThanOrEqual(afterInterrupt);
    const summary = JSON.parse(finished.stdout) as { status: string; summary: Parameters<typeof categorisedRows>[0] };
    expect(summary.status).toBe('completed');
    expect(summary.summary.rows).toBe(inputLines.length);
    expect(categorisedRows(summary.summary)).toBe(inputLines.length);

    const records = await readAll(output);
    expectEveryRowExactlyOnce(records);
    expectAnswersMatchTheSandbox(records);
    // The CSV has exactly one header line and one line per row (no half-written line left by the crash).
    expect(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('row,')).length,
    ).toBe(1);
  }, 180_000);
});

interface WismoRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `wismo` (the TypeScript bin through tsx) and optionally sends a signal once the progress lines pass a row count. */
function runWismo(args: readonly string[], options: { signal?: NodeJS.Signals; whenRowsDone?: number }): Promise<WismoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', binPath, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!options.signal || signalled || options.whenRowsDone === undefined) return;
      const done = [...stderr.matchAll(/reconcile: ([\d,]+)/g)].map((match) => Number(match[1]!.replace(/,/g, '')));
      if ((done.at(-1) ?? 0) >= options.whenRowsDone) {
        signalled = true;
        child.kill(options.signal);
      }
    });
    child.on('error', reject);
    const started = performance.now();
    child.on('close', (code) => {
      if (process.env.WISMO_E2E_VERBOSE)
        console.warn(`wismo ${options.signal ?? 'run'}: exit ${code} after ${Math.round(performance.now() - started)} ms\n${stderr}`);
      resolve({ code, stdout, stderr });
    });
  });
}
