import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTracker, type CarrierAdapter, type TrackManyOutcome, type Tracker } from '@wismo/core';
import {
  ADVANCING_SCHEDULE,
  SANDBOX_CARRIERS,
  SANDBOX_CARRIER_IDS,
  SANDBOX_EXPECTED_OUTCOMES,
  SANDBOX_NUMBERS,
  SANDBOX_SCENARIOS,
  WISMO_CARRIERS,
  createSandboxClock,
  decodeSandboxNumber,
  startSandboxCarriers,
  type RunningSandboxCarriers,
  type SandboxCarrierId,
  type SandboxExpectation,
  type SandboxScenario,
} from '@wismo/testkit';

// Every wismo adapter, unchanged, over real HTTP against its sandbox carrier, through core's tracker.

const HOUR_MS = 3_600_000;
const START = new Date('2025-03-12T15:00:00Z');
/** Quick retries: fault tests should not wait for production backoff. */
const FAST_RETRIES = { retries: 6, retryMinDelayMs: 1, retryMaxDelayMs: 5 };

function adapter(sandbox: RunningSandboxCarriers, carrier: SandboxCarrierId, settings: Record<string, unknown> = {}): CarrierAdapter {
  return WISMO_CARRIERS[carrier].create({ ...sandbox.adapterSettings(carrier), ...settings });
}

function describeOutcome(outcome: TrackManyOutcome): string {
  return outcome.ok ? `${outcome.shipment.status}/${outcome.shipment.substatus}` : `error ${outcome.error.code}: ${outcome.error.message}`;
}

describe('sandbox carriers: every scenario through the tracker', () => {
  let sandbox: RunningSandboxCarriers;
  let tracker: Tracker;
  const clock = createSandboxClock(START);

  beforeAll(async () => {
    // Documented limits, compressed 100x so DHL's one call a second does not slow the suite.
    sandbox = await startSandboxCarriers({ clock, timeScale: 100 });
    tracker = createTracker({ carriers: sandbox.createAdapters(), cache: false });
  });
  afterAll(() => sandbox.close());

  const cases = SANDBOX_CARRIER_IDS.flatMap((carrier) =>
    SANDBOX_SCENARIOS.filter((scenario): scenario is Exclude<SandboxScenario, 'advancing'> => scenario !== 'advancing').map(
      (scenario) => [carrier, scenario] as const,
    ),
  );

  it.each(cases)('%s %s', async (carrier, scenario) => {
    const trackingNumber = SANDBOX_NUMBERS[carrier][scenario];
    const expected = SANDBOX_EXPECTED_OUTCOMES[carrier][scenario];
    const [outcome] = await tracker.trackMany([{ trackingNumber, carrier }]);
    if (expected.error) {
      expect(outcome!.ok, describeOutcome(outcome!)).toBe(false);
      expect(outcome!.error).toMatchObject({ code: expected.error, carrierId: carrier, retryable: false });
      return;
    }
    expect(describeOutcome(outcome!)).toBe(`${expected.status}/${expected.substatus}`);
    const shipment = outcome!.shipment!;
    expect(shipment.carrier).toBe(carrier);
    expect(shipment.trackingNumber).toBe(trackingNumber);
    // DPD lists its steps before any is reached, bpost sends the announced item without a state, Canada Post has no
    // significant event before the first scan: label data only has no event yet.
    if (!((carrier === 'dpd' || carrier === 'bpost' || carrier === 'canadapost') && scenario === 'label_created')) {
      expect(shipment.events.length).toBeGreaterThan(0);
      expect(shipment.events.filter((event) => event.status !== 'unknown').length).toBeGreaterThan(0);
    }
    expect(shipment.estimatedDelivery !== null).toBe(expected.estimatedDelivery);
    // Journeys are relative to the clock: nothing happened after it.
    for (const event of shipment.events)
      if (event.occurredAt) expect(Date.parse(event.occurredAt)).toBeLessThanOrEqual(clock.now().getTime());
    if (expected.status === 'delivered' || expected.status === 'returned') expect(shipment.deliveredAt).not.toBeNull();
  });

  it('answers times in each carrier’s own format (instants with offsets, parcel-de local)', async () => {
    const [upsOutcome, fedexOutcome, uspsOutcome, dhlOutcome] = await tracker.trackMany(
      SANDBOX_CARRIER_IDS.map((carrier) => ({ trackingNumber: SANDBOX_NUMBERS[carrier].delivered, carrier })),
    );
    expect(upsOutcome!.shipment!.events.every((event) => event.timeKind === 'instant')).toBe(true);
    expect(fedexOutcome!.shipment!.events.every((event) => event.timeKind === 'instant' && /[+-]\d\d:\d\d$/.test(event.occurredAt!))).toBe(
      true,
    );
    // USPS label events carry no GMT fields: local time, never stamped Z.
    const uspsKinds = uspsOutcome!.shipment!.events.map((event) => event.timeKind);
    expect(uspsKinds.at(-1)).toBe('local');
    expect(uspsKinds.slice(0, -1).every((kind) => kind === 'instant')).toBe(true);
    expect(dhlOutcome!.shipment!.events.every((event) => event.timeKind === 'local' && event.occurredAt === null)).toBe(true);
  });

  it('routes generated numbers of every carrier by detection alone, each to its journey', async () => {
    const numbers = SANDBOX_CARRIER_IDS.flatMap((carrier) =>
      sandbox.generateNumbers(carrier, 40, 'mixed').map((trackingNumber) => ({ carrier, trackingNumber })),
    );
    const outcomes = await tracker.trackMany(numbers.map(({ trackingNumber }) => trackingNumber));
    outcomes.forEach((outcome, index) => {
      const { carrier: issuedFor, trackingNumber } = numbers[index]!;
      // DHL Parcel DE numbers are DHL Paket numbers: detection routes them to `dhl`, whose sandbox knows the same journey
      // and answers it in Unified's words (DHL issues some scenarios only as Express waybills: their texts differ).
      const carrier = SANDBOX_CARRIERS[issuedFor].detectedAs ?? issuedFor;
      expect(outcome.detection?.candidates[0], trackingNumber).toBe(carrier);
      if (carrier !== issuedFor) return;
      const scenario = decodeSandboxNumber(carrier, trackingNumber)!.scenario;
      // The advancing parcel has just got its label (the clock has not moved since the sandbox started).
      const expected: SandboxExpectation =
        scenario === 'advancing'
          ? { status: 'info_received', substatus: 'label_created', estimatedDelivery: true }
          : SANDBOX_EXPECTED_OUTCOMES[carrier][scenario];
      // A number its carrier does not know is then tried with the next candidate (DHL's SSCC is also a USPS 20).
      if (expected.error) expect(outcome.error?.code, trackingNumber).toBe('not_found');
      else expect([outcome.carrier, outcome.shipment?.status], `${trackingNumber} ${scenario}`).toEqual([carrier, expected.status]);
    });
  });
});

describe('sandbox carriers: an advancing parcel follows the clock', () => {
  let sandbox: RunningSandboxCarriers;
  const clock = createSandboxClock(START);

  beforeAll(async () => {
    sandbox = await startSandboxCarriers({ clock, rateLimits: 'off', advancingStart: START });
  });
  afterAll(() => sandbox.close());

  it.each(SANDBOX_CARRIER_IDS)('%s: not found before its label, then every documented step', async (carrier) => {
    clock.set(START);
    const tracker = createTracker({ carriers: [adapter(sandbox, carrier)], cache: false });
    const trackingNumber = SANDBOX_NUMBERS[carrier].advancing;
    clock.advance(-HOUR_MS);
    await expect(tracker.track(trackingNumber, { carrier })).rejects.toMatchObject({ code: 'not_found' });
    const seen: string[] = [];
    for (const step of ADVANCING_SCHEDULE) {
      clock.set(new Date(START.getTime() + step.afterHours * HOUR_MS + 60_000));
      const shipment = await tracker.track(trackingNumber, { carrier });
      expect(shipment.status, `${carrier} at +${step.afterHours} h`).toBe(step.status);
      seen.push(shipment.status);
    }
    expect([...new Set(seen)]).toEqual(['info_received', 'in_transit', 'out_for_delivery', 'delivered']);
    // Days later it is still delivered, at the same moment.
    clock.advance(72 * HOUR_MS);
    const later = await tracker.track(trackingNumber, { carrier });
    expect(later.status).toBe('delivered');
    expect(later.deliveredAt).not.toBeNull();
  });
});

describe('sandbox carriers: FedEx batches', () => {
  let sandbox: RunningSandboxCarriers;

  beforeAll(async () => {
    sandbox = await startSandboxCarriers({ carriers: ['fedex'], rateLimits: 'off' });
  });
  afterAll(() => sandbox.close());

  it('answers up to 30 numbers per request, found and not found side by side', async () => {
    const numbers = sandbox.generateNumbers('fedex', 95, 'mixed');
    const fedexAdapter = adapter(sandbox, 'fedex');
    const outcomes = await fedexAdapter.track(numbers);
    expect(outcomes.map((outcome) => outcome.trackingNumber)).toEqual(numbers);
    const notFound = numbers.filter((number) => decodeSandboxNumber('fedex', number)!.scenario === 'not_found');
    expect(notFound.length).toBeGreaterThan(0);
    outcomes.forEach((outcome, index) => expect(outcome.ok, numbers[index]).toBe(!notFound.includes(numbers[index]!)));
    const stats = sandbox.stats().fedex;
    // One token request and ceil(95 / 30) = 4 tracking requests.
    expect(stats).toMatchObject({ requests: 5, tokensIssued: 1, trackingNumbersServed: 95 });
  });
});

describe('sandbox carriers: rate limits', () => {
  let sandbox: RunningSandboxCarriers;
  afterEach(() => sandbox?.close());

  it('adapters paced at the documented limit (compressed by timeScale) never see a 429', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['ups', 'dhl'], timeScale: 2 });
    const tracker = createTracker({ carriers: sandbox.createAdapters(), cache: false });
    // Fetch the OAuth token first: a first burst takes its rate-limit tokens before it waits for the OAuth
    // token, and would then arrive bunched up with the requests paced after it.
    await tracker.trackMany([{ trackingNumber: SANDBOX_NUMBERS.ups.delivered, carrier: 'ups' }]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    sandbox.resetStats();
    const items = [
      ...sandbox.generateNumbers('ups', 20, 'delivered').map((trackingNumber) => ({ trackingNumber, carrier: 'ups' })),
      ...sandbox.generateNumbers('dhl', 6, 'delivered').map((trackingNumber) => ({ trackingNumber, carrier: 'dhl' })),
    ];
    const outcomes = await tracker.trackMany(items);
    expect(outcomes.filter((outcome) => !outcome.ok).map(describeOutcome)).toEqual([]);
    expect(sandbox.stats().ups.rateLimited).toBe(0);
    expect(sandbox.stats().dhl.rateLimited).toBe(0);
  });

  it.each(SANDBOX_CARRIER_IDS)('%s: a burst over the limit gets 429 + Retry-After, and the adapter recovers', async (carrier) => {
    // 4 requests per 10 s, compressed 10x (one every 250 ms); the adapter's own limiter is off.
    sandbox = await startSandboxCarriers({
      carriers: [carrier],
      rateLimits: { [carrier]: { requests: 4, intervalMs: 10_000 } },
      timeScale: 10,
    });
    const carrierAdapter = adapter(sandbox, carrier, { rateLimit: false, retries: 12, retryMinDelayMs: 1, retryMaxDelayMs: 5 });
    const perRequest = carrier === 'fedex' ? 30 : 1;
    const numbers = sandbox.generateNumbers(carrier, 12 * perRequest, 'in_transit');
    const started = performance.now();
    // Twelve requests at once (DHL's adapter sends its numbers one after the other).
    const outcomes = (
      await Promise.all(
        Array.from({ length: 12 }, (_, index) => carrierAdapter.track(numbers.slice(index * perRequest, (index + 1) * perRequest))),
      )
    ).flat();
    const elapsed = performance.now() - started;
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.error?.code)).toEqual([]);
    const stats = sandbox.stats()[carrier];
    expect(stats.trackingNumbersServed).toBe(12 * perRequest);
    // Only the first 4 pass at once; the others are refused (at least once), then let through one per 250 ms.
    expect(stats.rateLimited).toBeGreaterThanOrEqual(6);
    expect(elapsed).toBeGreaterThanOrEqual(1_500);
  });

  it('the 429 carries the carrier’s body and a Retry-After in whole (scaled) seconds', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dhl'], rateLimits: { dhl: { requests: 1, intervalMs: 5000 } } });
    const url = `${sandbox.baseUrls.dhl}/track/shipments?trackingNumber=${SANDBOX_NUMBERS.dhl.delivered}`;
    const headers = { 'DHL-API-Key': String(sandbox.adapterSettings('dhl').apiKey) };
    expect((await fetch(url, { headers })).status).toBe(200);
    const refused = await fetch(url, { headers });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toEqual({
      status: 429,
      title: 'Too Many Requests',
      detail: 'Too many requests within defined time period, please try again later.',
    });
  });
});

describe('sandbox carriers: fault injection', () => {
  let sandbox: RunningSandboxCarriers;
  afterEach(() => sandbox?.close());

  it.each(SANDBOX_CARRIER_IDS)('%s: 5xx answers are retried until one succeeds', async (carrier) => {
    sandbox = await startSandboxCarriers({
      carriers: [carrier],
      rateLimits: 'off',
      timeScale: 100,
      faults: { serverErrorRate: 0.4, seed: 11 },
    });
    const carrierAdapter = adapter(sandbox, carrier, FAST_RETRIES);
    // One request per number, FedEx included.
    const outcomes = (
      await Promise.all(sandbox.generateNumbers(carrier, 12, 'delivered').map((number) => carrierAdapter.track([number])))
    ).flat();
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.error?.code)).toEqual([]);
    expect(sandbox.stats()[carrier].faultsInjected).toBeGreaterThan(0);
  });

  it.each(SANDBOX_CARRIER_IDS)('%s: every 5xx → carrier_unavailable once retries are spent', async (carrier) => {
    sandbox = await startSandboxCarriers({ carriers: [carrier], rateLimits: 'off', timeScale: 100, faults: { serverErrorRate: 1 } });
    const [outcome] = await adapter(sandbox, carrier, { ...FAST_RETRIES, retries: 2 }).track([SANDBOX_NUMBERS[carrier].delivered]);
    expect(outcome!.error).toMatchObject({ code: 'carrier_unavailable', carrierId: carrier });
    expect(sandbox.stats()[carrier].faultsInjected).toBe(3);
  });

  it.each(SANDBOX_CARRIER_IDS)('%s: a request that is never answered → carrier_unavailable after the adapter timeout', async (carrier) => {
    sandbox = await startSandboxCarriers({ carriers: [carrier], rateLimits: 'off', faults: { timeoutRate: 1, timeoutAfterMs: 10_000 } });
    const started = performance.now();
    const [outcome] = await adapter(sandbox, carrier, { timeoutMs: 150, retries: 1, retryMinDelayMs: 1, retryMaxDelayMs: 5 }).track([
      SANDBOX_NUMBERS[carrier].delivered,
    ]);
    expect(outcome!.error).toMatchObject({ code: 'carrier_unavailable', carrierId: carrier });
    expect(outcome!.error!.message).toMatch(/did not answer within 150 ms/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each(SANDBOX_CARRIER_IDS)('%s: a truncated or HTML body → bad_response', async (carrier) => {
    sandbox = await startSandboxCarriers({ carriers: [carrier], rateLimits: 'off', faults: { malformedRate: 1, seed: 3 } });
    const numbers = sandbox.generateNumbers(carrier, 6, 'in_transit');
    const outcomes = await adapter(sandbox, carrier, FAST_RETRIES).track(numbers);
    for (const outcome of outcomes)
      expect(outcome.error, outcome.trackingNumber).toMatchObject({ code: 'bad_response', carrierId: carrier });
  });

  it.each(['ups', 'fedex', 'usps'] as const)('%s: an expired token is refreshed once and the request succeeds', async (carrier) => {
    sandbox = await startSandboxCarriers({ carriers: [carrier], rateLimits: 'off', faults: { expiredTokenRate: 1 } });
    const carrierAdapter = adapter(sandbox, carrier);
    const first = await carrierAdapter.track(sandbox.generateNumbers(carrier, 5, 'delivered'));
    expect(first.map((outcome) => outcome.ok)).toEqual([true, true, true, true, true]);
    const stats = sandbox.stats()[carrier];
    // The first token expired on its first use; the fresh ones served the retries (concurrent 401s may
    // each make the adapter fetch one).
    expect(stats.faultsInjected).toBeGreaterThanOrEqual(1);
    expect(stats.tokensIssued).toBeGreaterThanOrEqual(2);
    expect(stats.tokensIssued).toBeLessThanOrEqual(6);
    sandbox.setFaults(undefined);
    expect((await carrierAdapter.track([SANDBOX_NUMBERS[carrier].delivered]))[0]!.ok).toBe(true);
    expect(sandbox.stats()[carrier].tokensIssued).toBe(stats.tokensIssued);
  });

  it('DHL, an API-key carrier, has no token to expire', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dhl'], rateLimits: 'off', faults: { expiredTokenRate: 1 } });
    const [outcome] = await adapter(sandbox, 'dhl').track([SANDBOX_NUMBERS.dhl.delivered]);
    expect(outcome!.ok).toBe(true);
    expect(sandbox.stats().dhl.faultsInjected).toBe(0);
  });

  it.each(SANDBOX_CARRIER_IDS)('%s: wrong credentials → auth_failed', async (carrier) => {
    sandbox = await startSandboxCarriers({ carriers: [carrier], rateLimits: 'off' });
    // API-key carriers get a wrong key, OAuth carriers a wrong secret, DPD a wrong password, bpost a wrong passphrase.
    const settings = sandbox.adapterSettings(carrier);
    const wrong =
      'apiKey' in settings
        ? { apiKey: 'not-the-sandbox-key' }
        : 'passphrase' in settings
          ? { passphrase: 'not-the-sandbox-passphrase' }
          : 'password' in settings
            ? { password: 'not-the-sandbox-password' }
            : { clientSecret: 'not-the-sandbox-secret' };
    const [outcome] = await adapter(sandbox, carrier, { ...wrong, retries: 0 }).track([SANDBOX_NUMBERS[carrier].delivered]);
    expect(outcome!.error).toMatchObject({ code: 'auth_failed', carrierId: carrier });
  });
});
