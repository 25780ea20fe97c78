import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '@wismo/store';
import {
  createSandboxClock,
  createSandboxPusher,
  generateSandboxNumbers,
  SANDBOX_NUMBERS,
  startSandboxCarriers,
  type RunningSandboxCarriers,
} from '@wismo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wismoIn, writeSandboxConfig } from './__fixtures__/run-wismo';
import { startUpsSubscriptionServer } from './__fixtures__/ups-subscription-server';

const directory = mkdtempSync(join(tmpdir(), 'wismo-serve-push-'));
const wismo = wismoIn(directory);
const FEDEX_TOKEN = 'fedex-security-token-serve-5e1f';
const USPS_SECRET = 'usps-secret-serve-0123456789abcd';
const AFTERSHIP_SECRET = 'aftership-secret-serve-77c0';
let sandbox: RunningSandboxCarriers;
let configPath: string;

beforeAll(async () => {
  sandbox = await startSandboxCarriers({ rateLimits: 'off' });
  configPath = writeSandboxConfig(directory, sandbox);
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('wismo serve mounts the push receivers its environment configures', () => {
  it('a signed FedEx push through the mounted route lands in the store; a bad signature is refused; no secret is printed', async () => {
    const storeUrl = `sqlite:${join(directory, 'push.db')}`;
    const number = SANDBOX_NUMBERS.fedex.in_transit;
    const seed = await createStore({ url: storeUrl });
    await seed.shop().watch(number, { carrier: 'fedex' });
    await seed.close();

    const stop = new AbortController();
    let stdout = '';
    let stderr = '';
    const serving = wismo(['serve', '--port', '0', '--config', configPath, '--store', storeUrl], {
      env: {
        WISMO_API_KEYS: 'key-serve-push',
        WISMO_FEDEX_PUSH_SECURITY_TOKEN: FEDEX_TOKEN,
        WISMO_USPS_PUSH_SECRET: USPS_SECRET,
        WISMO_AFTERSHIP_WEBHOOK_SECRET: AFTERSHIP_SECRET,
      },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      signal: stop.signal,
    });
    try {
      await expect.poll(() => /wismo serving on (http:\/\/\S+)/.exec(stdout)?.[1], { timeout: 15_000 }).toBeDefined();
      const url = /wismo serving on (http:\/\/\S+)/.exec(stdout)![1]!;
      expect(stdout).toContain(`carrier push (fedex, usps) ${url}/webhooks/carriers/{carrier}`);
      expect(stdout).toContain(`aggregator push (aftership) ${url}/webhooks/aggregators/{aggregator}`);

      const pusher = createSandboxPusher({
        carrier: 'fedex',
        clock: createSandboxClock(),
        advancingStart: new Date(),
        secret: FEDEX_TOKEN,
      });
      const post = (push: { headers: Record<string, string>; body: string }) =>
        fetch(`${url}/webhooks/carriers/fedex`, { method: 'POST', headers: push.headers, body: push.body });
      const refused = await post(pusher.signedPush(number, { wrongSecret: true })!);
      expect(refused.status).toBe(401);
      const accepted = await post(pusher.signedPush(number)!);
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toMatchObject({ received: true, duplicate: false, applied: 1 });
      // A route whose variable is not set is not mounted.
      expect((await fetch(`${url}/webhooks/carriers/dhl`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      stop.abort();
    }
    expect((await serving).code).toBe(0);
    for (const secret of [FEDEX_TOKEN, USPS_SECRET, AFTERSHIP_SECRET]) expect(stdout + stderr).not.toContain(secret);

    const store = await createStore({ url: storeUrl });
    try {
      const tracking = await store.shop().findTracking('fedex', number);
      expect(tracking).toMatchObject({ watchedBy: 'push', status: 'in_transit' });
      expect(tracking!.shipment!.events.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 40_000);

  it('refuses a half-configured or storeless push setup, naming the variable and never its value', async () => {
    const wrongLength = await wismo(['serve', '--config', configPath, '--store', `sqlite:${join(directory, 'refused.db')}`], {
      env: { WISMO_USPS_PUSH_SECRET: 'too-short-secret-value' },
    });
    expect(wrongLength.code).toBe(2);
    expect(wrongLength.stderr).toMatch(/WISMO_USPS_PUSH_SECRET must be 32 characters/);
    expect(wrongLength.stderr).not.toContain('too-short-secret-value');
    const halfUps = await wismo(['serve', '--config', configPath], { env: { WISMO_UPS_PUSH_CLIENT_ID: 'ups-client-id-value' } });
    expect(halfUps.stderr).toMatch(/needs both WISMO_UPS_PUSH_CLIENT_ID and WISMO_UPS_PUSH_CLIENT_SECRET/);
    const noStore = await wismo(['serve', '--no-store', '--orders', 'orders.json', '--config', configPath], {
      env: { WISMO_API_KEYS: 'k', WISMO_FEDEX_PUSH_SECURITY_TOKEN: FEDEX_TOKEN },
    });
    expect(noStore).toMatchObject({ code: 2, stderr: expect.stringMatching(/need a store/) });
  });

  it('with --worker and --public-url, subscribes a parcel watched by push to UPS Track Alert and records the subscription', async () => {
    const clock = createSandboxClock(new Date('2026-03-30T06:00:00Z'));
    const ups = await startUpsSubscriptionServer(clock);
    const { upsApi, pushedTo, url: upsUrl } = ups;
    const upsConfig = join(directory, 'ups-only.config.json');
    writeFileSync(
      upsConfig,
      JSON.stringify({ carriers: { ups: { clientId: 'ups-client', clientSecret: 'ups-client-secret', baseUrl: upsUrl } } }),
    );
    const storeUrl = `sqlite:${join(directory, 'subscribe.db')}`;
    const number = generateSandboxNumbers('ups', 1, 'advancing')[0]!;
    const seed = await createStore({ url: storeUrl });
    await seed.shop().watch(number, { carrier: 'ups', watchedBy: 'push' });
    await seed.close();

    const stop = new AbortController();
    let stdout = '';
    const serving = wismo(
      ['serve', '--port', '0', '--worker', '--public-url', 'https://track.example.com', '--config', upsConfig, '--store', storeUrl],
      {
        env: { WISMO_API_KEYS: 'key-serve-push', WISMO_UPS_PUSH_CREDENTIAL: 'ups-push-credential-serve' },
        stdout: { write: (text: string) => (stdout += text) },
        signal: stop.signal,
      },
    );
    try {
      await expect.poll(() => upsApi.signedPush(number) !== null && /round 1 /.test(stdout), { timeout: 15_000 }).toBe(true);
      expect(stdout).toContain('push subscriptions (ups) made and renewed by the worker');
      // UPS now pushes the parcel's scans to the public URL, with the credential the receiver checks.
      clock.advance(7 * 3_600_000);
      await upsApi.flush();
      expect(pushedTo[0]).toEqual({ url: 'https://track.example.com/webhooks/carriers/ups', credential: 'ups-push-credential-serve' });
    } finally {
      stop.abort();
      await ups.close();
    }
    expect((await serving).code).toBe(0);
    expect(stdout).not.toContain('ups-push-credential-serve');
    const store = await createStore({ url: storeUrl });
    try {
      const [subscription] = (await store.pushSubscriptions.list({ carrier: 'ups' })).items;
      expect(subscription).toMatchObject({ trackingNumber: number, state: 'active', attempts: 0, lastError: null });
      // Fourteen days from the call (made just after the round started).
      const lasts = Date.parse(subscription!.expiresAt!) - Date.parse(subscription!.subscribedAt!);
      expect(lasts).toBeGreaterThanOrEqual(14 * 24 * 3_600_000);
      expect(lasts).toBeLessThan(14 * 24 * 3_600_000 + 60_000);
    } finally {
      await store.close();
    }
  }, 40_000);

  it('lists the variables in `wismo serve --help`', async () => {
    const help = await wismo(['serve', '--help']);
    for (const variable of [
      'WISMO_UPS_PUSH_CREDENTIAL',
      'WISMO_FEDEX_PUSH_SECURITY_TOKEN',
      'WISMO_USPS_PUSH_SECRET',
      'WISMO_DHL_PUSH_TOKEN',
      'WISMO_SHIP24_WEBHOOK_SECRET',
    ])
      expect(help.stdout).toContain(variable);
  });
});
