import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors';
import { rateLimitCooldown } from '../kit-helpers/rate-limit-cooldown';
import { errorOutcome } from './carrier-adapter';
import { defineCarrier, type CarrierSettings } from './define-carrier';

const ORIGIN = 'https://pause.example.test';

interface PauseSettings extends CarrierSettings {
  apiKey?: string;
}

const createPausing = defineCarrier<PauseSettings>({
  id: 'pause',
  name: 'Pause Post',
  capabilities: {
    maxNumbersPerRequest: 1,
    rateLimit: { requests: 100, intervalMs: 1000 },
    webhooks: false,
    proofOfDelivery: false,
    estimatedDelivery: false,
  },
  contact: { default: { phone: null, url: 'https://pause.example.test/help' } },
  trackingUrl: (trackingNumber) => `https://pause.example.test/t/${trackingNumber}`,
  baseUrl: ORIGIN,
  credentials: { apiKey: { environmentVariable: 'PAUSE_API_KEY', label: 'API key' } },
  credentialsSource: 'the Pause developer portal',
  auth: { type: 'api-key-header', header: 'x-key', apiKey: 'apiKey' },
  request: ({ trackingNumbers: [trackingNumber] }) => ({ method: 'GET', url: `/track/${trackingNumber}` }),
  parse: ({ trackingNumbers }) =>
    trackingNumbers.map((number) => errorOutcome(number, new NotFoundError('not known', { carrierId: 'pause' }))),
  pauseAfterRateLimit: () =>
    rateLimitCooldown({ carrierId: 'pause', cooldownMs: 60_000, now: Date.now, oneAtATime: true, pausedMessage: () => 'paused' }),
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('defineCarrier pauseAfterRateLimit', () => {
  it('answers rate_limited without a request once a 429 outlived the retries, for the rest of the call and later calls', async () => {
    const scope = nock(ORIGIN).get('/track/A1').reply(429, '');
    const adapter = createPausing({ apiKey: 'pause-key-7c1d', retries: 0, rateLimit: false });
    const outcomes = await adapter.track(['A1', 'B2']);
    expect(scope.isDone()).toBe(true);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.error?.code, outcome.error?.message])).toEqual([
      ['A1', 'rate_limited', 'Pause Post is rate limiting requests (HTTP 429)'],
      ['B2', 'rate_limited', 'paused'],
    ]);
    const [later] = await adapter.track(['C3']);
    expect(later!.error).toMatchObject({ code: 'rate_limited', message: 'paused', trackingNumber: 'C3' });
  });

  it('keeps the factory facts and pauses each adapter on its own', async () => {
    expect(createPausing.carrier.id).toBe('pause');
    nock(ORIGIN).get('/track/A1').reply(429, '');
    await createPausing({ apiKey: 'pause-key-7c1d', retries: 0, rateLimit: false }).track(['A1']);
    nock(ORIGIN).get('/track/D4').reply(404, '{}');
    const [other] = await createPausing({ apiKey: 'pause-key-7c1d', retries: 0, rateLimit: false }).track(['D4']);
    expect(other!.error?.code).toBe('not_found');
  });
});
