import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { carrierRequestCounts, createStore, type CarrierAccountRequests } from '@wismo/store';
import { generateSandboxNumbers, startSandboxCarriers, type RunningSandboxCarriers } from '@wismo/testkit';
import { REDIS_URL, redisTestBackend } from '../../queue/src/__fixtures__/worker-processes';
import { wismoIn, writeSandboxConfig } from './__fixtures__/run-wismo';

// Every process that sends carrier requests counts them for the health page: the built-in scheduler, the queue
// workers and the worker inside `wismo serve`. The truth is what the sandbox carriers received.
let directory: string;
let sandbox: RunningSandboxCarriers;
let configPath: string;
const NUMBERS = { ups: generateSandboxNumbers('ups', 3, 'in_transit'), dhl: generateSandboxNumbers('dhl', 2, 'delivered') };

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'wismo-request-counts-'));
  sandbox = await startSandboxCarriers({ rateLimits: 'off', latencyMs: 0 });
  configPath = writeSandboxConfig(directory, sandbox);
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(directory, { recursive: true, force: true });
});
beforeEach(() => sandbox.resetStats());

/** A store with the parcels watched; the counts it holds, per carrier. */
async function watchedStore(name: string): Promise<{ storeUrl: string; counts: () => Promise<Map<string, CarrierAccountRequests>> }> {
  const storeUrl = `sqlite:${join(directory, `${name}.db`)}`;
  const wismo = wismoIn(directory);
  for (const [carrier, numbers] of Object.entries(NUMBERS))
    expect((await wismo(['watch', ...numbers, '--carrier', carrier, '--store', storeUrl])).code).toBe(0);
  return {
    storeUrl,
    async counts() {
      const store = await createStore({ url: storeUrl, migrate: false });
      try {
        return new Map((await carrierRequestCounts(store, 'default')).map((entry) => [entry.carrier, entry]));
      } finally {
        await store.close();
      }
    },
  };
}

/** Waits until every parcel was asked for and the store counts exactly what the sandbox received, per carrier. */
async function expectCountsOfSandbox(counts: () => Promise<Map<string, CarrierAccountRequests>>): Promise<void> {
  const carriers = Object.keys(NUMBERS) as Array<keyof typeof NUMBERS>;
  const compare = async () => {
    const received = Object.fromEntries(carriers.map((carrier) => [carrier, sandbox.stats()[carrier].requests]));
    const byCarrier = await counts();
    const counted = Object.fromEntries(carriers.map((carrier) => [carrier, byCarrier.get(carrier)?.today ?? 0]));
    // At least one request per parcel (token requests come on top).
    const done = carriers.every((carrier) => received[carrier]! >= NUMBERS[carrier].length);
    return { done, received, counted };
  };
  let last = await compare();
  for (let waited = 0; waited < 30_000 && !(last.done && JSON.stringify(last.counted) === JSON.stringify(last.received)); waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await compare();
  }
  expect(last.done).toBe(true);
  expect(last.counted).toEqual(last.received);
}

describe('carrier requests are counted by every process that sends them', () => {
  it('wismo worker --sandbox: the sandbox adapters are counted too', async () => {
    const { storeUrl, counts } = await watchedStore('sandbox');
    const run = await wismoIn(directory)(['worker', '--sandbox', '--once', '--no-notify', '--store', storeUrl]);
    expect(run.code, run.stderr).toBe(0);
    const byCarrier = await counts();
    // The worker's own sandbox: its figures are not ours to read, but each parcel took at least one request.
    for (const [carrier, numbers] of Object.entries(NUMBERS)) {
      expect(byCarrier.get(carrier)?.account, carrier).toBe('default');
      expect(byCarrier.get(carrier)!.today, carrier).toBeGreaterThanOrEqual(numbers.length);
    }
  }, 60_000);

  it('wismo serve --worker: the worker beside the server counts what it sends', async () => {
    const { storeUrl, counts } = await watchedStore('serve');
    const stop = new AbortController();
    let stdout = '';
    const serving = wismoIn(directory)(['serve', '--port', '0', '--config', configPath, '--store', storeUrl, '--worker'], {
      env: { WISMO_API_KEYS: 'key-request-counts' },
      stdout: { write: (text: string) => (stdout += text) },
      signal: stop.signal,
    });
    try {
      await expect.poll(() => stdout, { timeout: 15_000 }).toContain('worker running in this process');
      await expectCountsOfSandbox(counts);
    } finally {
      stop.abort();
    }
    expect((await serving).code).toBe(0);
  }, 60_000);

  describe.skipIf(!REDIS_URL)('wismo worker --queue on Redis', () => {
    it('each queue worker flushes the requests its adapters sent', async () => {
      const queue = redisTestBackend(REDIS_URL!);
      const { storeUrl, counts } = await watchedStore('queue');
      const stop = new AbortController();
      const running = wismoIn(directory)(
        ['worker', '--queue', `${REDIS_URL}?prefix=${queue.namespace}`, '--config', configPath, '--store', storeUrl, '--no-notify'],
        { signal: stop.signal },
      );
      try {
        await expectCountsOfSandbox(counts);
      } finally {
        stop.abort();
        const { code, stderr } = await running;
        await queue.drop();
        expect(code, stderr).toBe(0);
      }
    }, 60_000);
  });
});
