import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '@wismo/store';
import { createSandboxClock, generateSandboxNumbers } from '@wismo/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDIS_URL, redisTestBackend, type TestQueueBackend } from '../../queue/src/__fixtures__/worker-processes';
import { wismoIn } from './__fixtures__/run-wismo';
import { startUpsSubscriptionServer } from './__fixtures__/ups-subscription-server';

const PUBLIC_URL = 'https://track.example.com';
const UPS_PUSH_CREDENTIAL = 'ups-push-credential-worker-3f9a';
const UPS_CLIENT_SECRET = 'ups-client-secret-worker-81d2';

/**
 * A `wismo serve` elsewhere receives the pushes; separate `wismo worker` processes (built-in scheduler or queue)
 * make and renew the carriers' subscriptions to it, as `wismo serve --worker` does.
 */
describe('wismo worker subscribes parcels watched by push to the public URL', () => {
  let directory: string;
  let ups: Awaited<ReturnType<typeof startUpsSubscriptionServer>>;
  let configPath: string;
  let storeUrl: string;
  let number: string;
  const clock = createSandboxClock(new Date('2026-03-30T06:00:00Z'));

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'wismo-worker-push-'));
    ups = await startUpsSubscriptionServer(clock);
    configPath = join(directory, 'ups-only.config.json');
    writeFileSync(
      configPath,
      JSON.stringify({ carriers: { ups: { clientId: 'ups-client', clientSecret: UPS_CLIENT_SECRET, baseUrl: ups.url } } }),
    );
    storeUrl = `sqlite:${join(directory, 'wismo.db')}`;
    number = generateSandboxNumbers('ups', 1, 'advancing')[0]!;
    const seed = await createStore({ url: storeUrl });
    await seed.shop().watch(number, { carrier: 'ups', watchedBy: 'push' });
    await seed.close();
  });
  afterEach(async () => {
    await ups.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** The parcel's subscription as the worker recorded it, and where UPS now pushes its scans. */
  async function expectSubscribed(output: string) {
    expect(ups.subscriptionCalls).toEqual(['/api/track/v1/subscription/standard/package']);
    clock.advance(7 * 3_600_000);
    await ups.upsApi.flush();
    expect(ups.pushedTo[0]).toEqual({ url: `${PUBLIC_URL}/webhooks/carriers/ups`, credential: UPS_PUSH_CREDENTIAL });
    const store = await createStore({ url: storeUrl, migrate: false });
    try {
      const [subscription] = (await store.pushSubscriptions.list({ carrier: 'ups' })).items;
      expect(subscription).toMatchObject({ trackingNumber: number, state: 'active', attempts: 0, lastError: null });
    } finally {
      await store.close();
    }
    expect(output).toContain(`Push subscriptions (ups) made and renewed, pushing to ${PUBLIC_URL}/webhooks/carriers/…`);
    for (const secret of [UPS_PUSH_CREDENTIAL, UPS_CLIENT_SECRET]) expect(output).not.toContain(secret);
  }

  it('the built-in scheduler subscribes in its round (--public-url from $WISMO_PUBLIC_URL)', async () => {
    const wismo = wismoIn(directory);
    const { code, stdout, stderr } = await wismo(['worker', '--once', '--no-notify', '--config', configPath, '--store', storeUrl], {
      env: { WISMO_PUBLIC_URL: PUBLIC_URL, WISMO_UPS_PUSH_CREDENTIAL: UPS_PUSH_CREDENTIAL },
    });
    expect(code).toBe(0);
    await expectSubscribed(stdout + stderr);
  }, 30_000);

  it('subscribes nothing without a public URL, and refuses a bad one or a half-configured carrier without printing values', async () => {
    const wismo = wismoIn(directory);
    const withoutUrl = await wismo(['worker', '--once', '--no-notify', '--config', configPath, '--store', storeUrl], {
      env: { WISMO_UPS_PUSH_CREDENTIAL: UPS_PUSH_CREDENTIAL },
    });
    expect(withoutUrl.code).toBe(0);
    expect(withoutUrl.stderr).not.toContain('Push subscriptions');
    expect(withoutUrl.stderr).toContain(
      'Carrier push variables are set but no --public-url or $WISMO_PUBLIC_URL: no push subscriptions are made.',
    );
    expect(withoutUrl.stderr).not.toContain(UPS_PUSH_CREDENTIAL);
    expect(ups.subscriptionCalls).toEqual([]);

    const badUrl = await wismo(['worker', '--once', '--config', configPath, '--store', storeUrl, '--public-url', 'track.example.com']);
    expect(badUrl).toMatchObject({ code: 2, stderr: expect.stringContaining('--public-url must be an absolute http(s) URL') });
    const halfUps = await wismo(['worker', '--once', '--config', configPath, '--store', storeUrl, '--public-url', PUBLIC_URL], {
      env: { WISMO_UPS_PUSH_CLIENT_ID: 'ups-webhook-client-id-value' },
    });
    expect(halfUps.code).toBe(2);
    expect(halfUps.stderr).toMatch(/needs both WISMO_UPS_PUSH_CLIENT_ID and WISMO_UPS_PUSH_CLIENT_SECRET/);
    expect(halfUps.stderr).not.toContain('ups-webhook-client-id-value');
  }, 30_000);

  it('lists --public-url and the push variables in `wismo worker --help`', async () => {
    const help = await wismoIn(directory)(['worker', '--help']);
    for (const text of ['--public-url <url>', 'WISMO_UPS_PUSH_CREDENTIAL', 'WISMO_UPS_PUSH_CLIENT_SECRET', 'WISMO_USPS_PUSH_SECRET'])
      expect(help.stdout).toContain(text);
  });

  if (!REDIS_URL) console.warn('[cli tests] REDIS_URL is not set: `wismo worker --queue redis://…` push subscriptions are SKIPPED.');

  describe.skipIf(!REDIS_URL)('on a Redis queue', () => {
    let queue: TestQueueBackend;
    beforeEach(() => {
      queue = redisTestBackend(REDIS_URL!);
    });
    afterEach(() => queue.drop());

    it('the maintenance queue subscribes the parcel (--public-url given as an option)', async () => {
      const wismo = wismoIn(directory);
      const stop = new AbortController();
      const running = wismo(
        [
          'worker',
          '--queue',
          `${REDIS_URL}?prefix=${queue.namespace}`,
          '--no-notify',
          '--config',
          configPath,
          '--store',
          storeUrl,
          '--public-url',
          PUBLIC_URL,
        ],
        { env: { WISMO_UPS_PUSH_CREDENTIAL: UPS_PUSH_CREDENTIAL }, signal: stop.signal },
      );
      try {
        await expect.poll(() => ups.subscriptionCalls.length, { timeout: 30_000, interval: 200 }).toBe(1);
      } finally {
        stop.abort();
      }
      const { code, stdout, stderr } = await running;
      expect(code).toBe(0);
      expect(stderr).toContain('with the redis queue');
      await expectSubscribed(stdout + stderr);
    }, 60_000);
  });
});
