import { afterEach, describe, expect, it } from 'vitest';
import { createRequestLog } from './request-log';
import { createSandboxClock } from './sandbox-clock';
import { SANDBOX_NUMBERS } from './sandbox-numbers';
import type { RunningSandboxCarriers } from './sandbox-types';
import { SANDBOX_CREDENTIALS, startSandboxCarriers } from './start-sandbox-carriers';

// The answer cache sends what the carrier would render, byte for byte, and nothing rendered at another time.

const dhlKey = (SANDBOX_CREDENTIALS.dhl as { apiKey: string }).apiKey;
const [canadaPostUser, canadaPostPassword] = (SANDBOX_CREDENTIALS.canadapost as { apiKey: string }).apiKey.split(':');
const canadaPostAuthorization = `Basic ${Buffer.from(`${canadaPostUser}:${canadaPostPassword}`).toString('base64')}`;

interface Received {
  status: number;
  contentType: string | null;
  contentLength: string | null;
  body: Buffer;
}

async function receive(url: string, headers: Record<string, string>): Promise<Received> {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    contentLength: response.headers.get('content-length'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

describe('answer cache', () => {
  const started: RunningSandboxCarriers[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sandbox) => sandbox.close()));
  });

  /** Two sandboxes on one frozen clock: one caching, one rendering every answer. */
  async function cachedAndFresh(carriers: Array<'dhl' | 'canadapost'>) {
    const clock = createSandboxClock(new Date('2025-03-12T15:00:00Z'));
    const advancingStart = new Date('2025-03-11T09:00:00Z');
    const common = { carriers, clock, advancingStart, rateLimits: 'off' as const };
    const cached = await startSandboxCarriers({ ...common, answerCache: true });
    started.push(cached);
    const fresh = await startSandboxCarriers(common);
    started.push(fresh);
    return { clock, cached, fresh };
  }

  it('sends a cached answer byte-identical to a freshly rendered one, and renders again once the clock moves', async () => {
    const { clock, cached, fresh } = await cachedAndFresh(['dhl']);
    const path = `/track/shipments?trackingNumber=${SANDBOX_NUMBERS.dhl.advancing}`;
    const ask = (sandbox: RunningSandboxCarriers) => receive(`${sandbox.baseUrls.dhl}${path}`, { 'DHL-API-Key': dhlKey });

    const rendered = await ask(cached);
    const fromCache = await ask(cached);
    expect(cached.stats().dhl).toMatchObject({ requests: 2, trackingNumbersServed: 2, answersFromCache: 1 });
    const reference = await ask(fresh);
    expect(reference.status).toBe(200);
    expect(rendered).toEqual(reference);
    expect(fromCache).toEqual(reference);

    // A day later the advancing parcel has moved on: what was kept must not be sent.
    clock.advance(24 * 3_600_000);
    const later = await ask(cached);
    expect(cached.stats().dhl.answersFromCache).toBe(1);
    expect(later.body.equals(fromCache.body)).toBe(false);
    expect(later).toEqual(await ask(fresh));
  });

  it('keeps answers apart by the headers the carrier varies on (Canada Post: Accept-Language)', async () => {
    const { cached, fresh } = await cachedAndFresh(['canadapost']);
    const url = (sandbox: RunningSandboxCarriers) =>
      `${sandbox.baseUrls.canadapost}/vis/track/pin/${SANDBOX_NUMBERS.canadapost.delivered}/detail`;
    const headers = (language: string) => ({
      authorization: canadaPostAuthorization,
      accept: 'application/vnd.cpc.track-v2+xml',
      'accept-language': language,
    });
    await receive(url(cached), headers('en-CA'));
    const french = await receive(url(cached), headers('fr-CA'));
    expect(cached.stats().canadapost.answersFromCache).toBe(0);
    expect(french.body.toString('utf8')).toContain('Article livré avec succès');
    expect(french).toEqual(await receive(url(fresh), headers('fr-CA')));
    expect(await receive(url(cached), headers('fr-CA'))).toEqual(french);
    expect(cached.stats().canadapost.answersFromCache).toBe(1);
  });

  it('counts cached answers against the rate limit and in the request log like any other', async () => {
    const clock = createSandboxClock(new Date('2025-03-12T15:00:00Z'));
    const requestLog = createRequestLog();
    const sandbox = await startSandboxCarriers({
      carriers: ['dhl'],
      clock,
      answerCache: true,
      requestLog,
      rateLimits: { dhl: { requests: 2, intervalMs: 60_000 } },
    });
    started.push(sandbox);
    const url = `${sandbox.baseUrls.dhl}/track/shipments?trackingNumber=${SANDBOX_NUMBERS.dhl.delivered}`;
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) statuses.push((await receive(url, { 'DHL-API-Key': dhlKey })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(sandbox.stats().dhl).toMatchObject({ requests: 3, rateLimited: 1, answersFromCache: 1 });
    expect(requestLog.entries().map((entry) => entry.rateLimited)).toEqual([false, false, true]);
  });

  it('refuses to cache on the real-time clock, where no answer would ever be sent twice', async () => {
    await expect(startSandboxCarriers({ carriers: ['dhl'], answerCache: true })).rejects.toThrow(/clock that stands still/);
  });
});
