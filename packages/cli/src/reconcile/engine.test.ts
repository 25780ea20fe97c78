import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTracker } from '@wismo/core';
import { createMemoryCarrier } from '../__fixtures__/memory-carrier';
import { readCheckpoint } from './checkpoint';
import { reconcile } from './engine';
import { readResultRecords } from './results';
import type { ResultRecord } from './result-record';
import { categorisedRows } from './summary';

const directory = mkdtempSync(join(tmpdir(), 'wismo-engine-'));
let counter = 0;

function inputFile(rows: number, extra = ''): string {
  const path = join(directory, `input-${counter++}.csv`);
  const lines = ['order_id,tracking_number,carrier,expected_status'];
  for (let index = 0; index < rows; index += 1) lines.push(`O${index},N${index},memory,${index % 5 === 0 ? 'delivered' : ''}`);
  writeFileSync(path, `${lines.join('\n')}\n${extra}`);
  return path;
}

async function records(path: string): Promise<ResultRecord[]> {
  const all: ResultRecord[] = [];
  for await (const record of readResultRecords(path)) all.push(record);
  return all;
}

function expectRowsOnce(all: readonly ResultRecord[], count: number): void {
  expect(all.map((record) => record.row)).toEqual(Array.from({ length: count }, (_, index) => index + 1));
}

describe('reconcile engine', () => {
  it('writes one row per input row, in input order, although answers come back in any order', async () => {
    const { adapter } = createMemoryCarrier({ latencyMs: { min: 0, max: 15 }, maxNumbersPerRequest: 7 });
    const input = inputFile(1_500, ',,,\n{broken\n');
    const output = join(directory, `out-${counter++}.csv`);
    const result = await reconcile({ input, output, carriers: [adapter], window: 300 });
    expect(result.status).toBe('completed');
    const all = await records(output);
    expectRowsOnce(all, 1_501);
    all.slice(0, 1_500).forEach((record, index) => expect(record.tracking_number).toBe(`N${index}`));
    expect(all[1_500]).toMatchObject({ error_code: 'bad_input' });
    expect(result.summary.rows).toBe(1_501);
    expect(categorisedRows(result.summary)).toBe(1_501);
    // Mismatch: expected delivered, the memory carrier says otherwise for most numbers.
    expect(result.summary.mismatches).toBe(all.filter((record) => record.mismatch === true).length);
    expect(existsSync(`${output}.checkpoint.json`)).toBe(false);
  });

  it('a file with mixed line breaks, an unclosed quote and a wrong cell count: every row once, each problem one bad_input row with its line', async () => {
    const { adapter } = createMemoryCarrier({ latencyMs: { min: 0, max: 3 } });
    const body = Array.from({ length: 2_197 }, (_, index) => {
      if (index === 9) return `O${index},"N${index},memory,`;
      if (index === 500) return `O${index},N${index},memory,,extra`;
      return `O${index},N${index},memory,`;
    });
    const input = join(directory, `mixed-${counter++}.csv`);
    writeFileSync(input, `order_id,tracking_number,carrier,expected_status\r\n${body.join('\n')}\n`);
    const output = join(directory, `out-${counter++}.csv`);
    const result = await reconcile({ input, output, carriers: [adapter] });
    const all = await records(output);
    expectRowsOnce(all, 2_197);
    expect(all.filter((record) => record.error_code === 'bad_input').map((record) => record.error_message)).toEqual([
      expect.stringMatching(/^row 10: line 11: the quote opened on this line is never closed/),
      'row 501: line 502 has 5 cells where the header has 4',
    ]);
    expect(
      all.filter((record) => record.error_code !== 'bad_input').every((record) => record.tracking_number === `N${record.row - 1}`),
    ).toBe(true);
    expect(result.summary.badInput).toBe(2);
  });

  it('never has more rows in flight than the window, and batches for carriers that take many numbers', async () => {
    const { adapter, counters } = createMemoryCarrier({ latencyMs: { min: 1, max: 5 }, maxNumbersPerRequest: 30 });
    const input = inputFile(3_000);
    let maxInFlight = 0;
    await reconcile({
      input,
      output: join(directory, `out-${counter++}.jsonl`),
      carriers: [adapter],
      window: 240,
      onProgress: (progress) => (maxInFlight = Math.max(maxInFlight, progress.rowsRead - progress.rowsDone)),
    });
    expect(maxInFlight).toBeLessThanOrEqual(240);
    expect(counters.numbers).toBe(3_000);
    // Refilling the window in chunks keeps batches near full: far fewer requests than numbers.
    expect(counters.batches).toBeLessThan((3_000 / 30) * 1.5);
  });

  it('stops on a signal with the rows in flight written and a checkpoint, and continues where it stopped', async () => {
    const { adapter } = createMemoryCarrier({ latencyMs: { min: 0, max: 4 } });
    const input = inputFile(2_000);
    const output = join(directory, `out-${counter++}.csv`);
    const stop = new AbortController();
    const first = await reconcile({
      input,
      output,
      carriers: [adapter],
      window: 100,
      signal: stop.signal,
      onProgress: (progress) => progress.rowsDone >= 700 && stop.abort(),
    });
    expect(first.status).toBe('interrupted');
    const checkpoint = await readCheckpoint(first.checkpointPath!);
    expect(checkpoint).toMatchObject({ rowsDone: first.rowsDone, summary: { rows: first.rowsDone } });
    expect(readFileSync(output).length).toBe(checkpoint!.outputBytes);
    const messages: string[] = [];
    const second = await reconcile({ input, output, carriers: [adapter], onResume: (saved) => messages.push(`resume ${saved.rowsDone}`) });
    expect(messages).toEqual([`resume ${first.rowsDone}`]);
    expect(second).toMatchObject({
      status: 'completed',
      resumedFrom: first.rowsDone,
      rowsThisRun: 2_000 - first.rowsDone,
      summary: { rows: 2_000 },
    });
    expectRowsOnce(await records(output), 2_000);
  });

  it('after a crash, cuts off what was written after the checkpoint (half lines included) and redoes those rows once', async () => {
    const { adapter } = createMemoryCarrier();
    const input = inputFile(1_000);
    const output = join(directory, `out-${counter++}.csv`);
    const stop = new AbortController();
    await reconcile({
      input,
      output,
      carriers: [adapter],
      window: 50,
      signal: stop.signal,
      onProgress: (progress) => progress.rowsDone >= 400 && stop.abort(),
    });
    // What a crash leaves behind: rows written but not yet checkpointed, the last one cut in half.
    appendFileSync(output, '999,O998,N998,memory,delivered,,,,,,\n1000,O999,N9');
    const resumed = await reconcile({ input, output, carriers: [adapter] });
    expect(resumed.status).toBe('completed');
    expectRowsOnce(await records(output), 1_000);
    expect(resumed.summary.rows).toBe(1_000);
  });

  it('abandons rows still in flight on the abandon signal: they are not counted and are redone next time', async () => {
    const { adapter } = createMemoryCarrier({ statusOf: (number) => (number === 'N250' ? null : 'in_transit') });
    const slow = {
      ...adapter,
      async track(numbers: readonly string[]) {
        if (numbers.includes('N250')) await new Promise((resolve) => setTimeout(resolve, 5_000));
        return adapter.track(numbers);
      },
    };
    const input = inputFile(500);
    const output = join(directory, `out-${counter++}.csv`);
    const stop = new AbortController();
    const abandon = new AbortController();
    const tracker = createTracker({ carriers: [slow], cache: false });
    const first = await reconcile({
      input,
      output,
      tracker,
      window: 100,
      signal: stop.signal,
      abandonSignal: abandon.signal,
      onProgress: (progress) => {
        if (progress.rowsDone >= 250) {
          stop.abort();
          abandon.abort();
        }
      },
    });
    expect(first.status).toBe('interrupted');
    expect(first.rowsDone).toBe(250);
    expect(first.rowsAbandoned).toBeGreaterThan(0);
    const second = await reconcile({ input, output, carriers: [adapter] });
    expect(second.summary.rows).toBe(500);
    expectRowsOnce(await records(output), 500);
  }, 10_000);

  it('refuses to continue from a checkpoint of another input, and to replace an output it did not start', async () => {
    const { adapter } = createMemoryCarrier();
    const input = inputFile(300);
    const output = join(directory, `out-${counter++}.csv`);
    const stop = new AbortController();
    await reconcile({
      input,
      output,
      carriers: [adapter],
      window: 20,
      signal: stop.signal,
      onProgress: (progress) => progress.rowsDone >= 100 && stop.abort(),
    });
    appendFileSync(input, 'O300,N300,memory,\n');
    await expect(reconcile({ input, output, carriers: [adapter] })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/belongs to another version of the input/),
      hint: expect.stringMatching(/--restart/),
    });
    const restarted = await reconcile({ input, output, carriers: [adapter], restart: true });
    expect(restarted).toMatchObject({ status: 'completed', resumedFrom: 0, summary: { rows: 301 } });
    await expect(reconcile({ input, output, carriers: [adapter] })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/already exists/),
      hint: expect.stringMatching(/--overwrite/),
    });
    await expect(reconcile({ input: join(directory, 'missing.csv'), carriers: [adapter] })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/no such file/),
    });
  });

  it('a file without a tracking_number column is refused before any output or checkpoint is written', async () => {
    const { adapter } = createMemoryCarrier();
    const input = join(directory, `bad-header-${counter++}.csv`);
    writeFileSync(input, 'order,number\nA,1\n');
    const output = join(directory, `out-${counter++}.csv`);
    await expect(reconcile({ input, output, carriers: [adapter] })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/no tracking_number column/),
    });
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.checkpoint.json`)).toBe(false);
  });

  it('retries a row once after a retryable failure and reports what still fails as an error row', async () => {
    const { adapter, counters } = createMemoryCarrier({ failureRate: 0.3, seed: 3 });
    const input = inputFile(400);
    const output = join(directory, `out-${counter++}.csv`);
    const result = await reconcile({ input, output, carriers: [adapter], rowRetryDelayMs: 1 });
    const all = await records(output);
    expectRowsOnce(all, 400);
    const failed = all.filter((record) => record.error_code === 'carrier_unavailable').length;
    // Rows whose lookup failed were tried again: more numbers failed than rows are left failing.
    expect(counters.failedNumbers).toBeGreaterThan(failed);
    expect(result.summary.errorsByCode.carrier_unavailable ?? 0).toBe(failed);
  });
});
