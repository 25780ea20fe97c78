import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '@wismo/store';
import { generateSandboxNumbers } from '@wismo/testkit';
import { REDIS_URL, redisTestBackend, type TestQueueBackend } from '../../queue/src/__fixtures__/worker-processes';
import { wismoIn } from './__fixtures__/run-wismo';

describe('wismo worker --queue', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'wismo-worker-queue-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('refuses a URL that is not Redis or PostgreSQL, and --once (the queue workers run until stopped)', async () => {
    const wismo = wismoIn(directory);
    const wrongScheme = await wismo(['worker', '--queue', 'http://user:secret@example.com', '--sandbox']);
    expect(wrongScheme.code).not.toBe(0);
    expect(wrongScheme.stderr).toContain('--queue must be redis://… or postgres://…');
    expect(wrongScheme.stderr).not.toContain('secret');
    const once = await wismo(['worker', '--queue', 'redis://127.0.0.1:6379', '--once', '--sandbox']);
    expect(once.code).not.toBe(0);
    expect(once.stderr).toContain('--once');
  });

  if (!REDIS_URL) console.warn('[cli tests] REDIS_URL is not set: `wismo worker --queue redis://…` against Redis is SKIPPED.');

  describe.skipIf(!REDIS_URL)('on Redis', () => {
    let queue: TestQueueBackend;
    beforeEach(() => {
      queue = redisTestBackend(REDIS_URL!);
    });
    afterEach(() => queue.drop());

    it('checks the watched parcels as queue jobs and stops cleanly', async () => {
      const storeUrl = `sqlite:${join(directory, 'wismo.db')}`;
      const wismo = wismoIn(directory);
      const numbers = generateSandboxNumbers('ups', 2, 'in_transit');
      expect((await wismo(['watch', ...numbers, '--carrier', 'ups', '--store', storeUrl])).code).toBe(0);

      const stop = new AbortController();
      const running = wismo(
        ['worker', '--queue', `${REDIS_URL}?prefix=${queue.namespace}`, '--sandbox', '--store', storeUrl, '--no-notify'],
        {
          signal: stop.signal,
        },
      );
      const store = await createStore({ url: storeUrl, migrate: false });
      try {
        for (let waited = 0; waited < 30_000; waited += 200) {
          const page = await store.shop().listTrackings();
          if (page.items.every((tracking) => tracking.lastCheckedAt !== null)) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const page = await store.shop().listTrackings();
        expect(page.items.map((tracking) => tracking.status)).toEqual(['in_transit', 'in_transit']);
      } finally {
        stop.abort();
        await store.close();
      }
      const { code, stdout, stderr } = await running;
      expect(code).toBe(0);
      expect(stderr).toContain('with the redis queue');
      expect(stdout).toContain('Stopped. Refreshed 2, changed 2, errors 0.');
    }, 60_000);
  });
});
