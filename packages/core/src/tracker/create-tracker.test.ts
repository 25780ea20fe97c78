import { describe, expect, it, vi } from 'vitest';
import { CarrierUnavailableError, RateLimitedError } from '../errors';
import { createFakeCarrierAdapter } from './fake-carrier-adapter';
import { createTracker } from './create-tracker';

const numbers = (count: number, prefix = 'N') => Array.from({ length: count }, (_, index) => `${prefix}${index}`);
const inTransit = (list: string[]) => Object.fromEntries(list.map((number) => [number, 'in_transit' as const]));

describe('createTracker', () => {
  it('batches concurrent lookups per carrier up to its maximum', async () => {
    const list = numbers(25);
    const adapter = createFakeCarrierAdapter({ maxNumbersPerRequest: 10, statuses: inTransit(list) });
    const tracker = createTracker({ carriers: [adapter] });
    const shipments = await Promise.all(list.map((number) => tracker.track(number, { carrier: 'fake' })));
    expect(shipments.map((shipment) => shipment.trackingNumber)).toEqual(list);
    expect(adapter.batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
  });

  it('coalesces identical in-flight lookups into one upstream request', async () => {
    const list = numbers(10);
    const adapter = createFakeCarrierAdapter({ maxNumbersPerRequest: 10, statuses: inTransit(list), latencyMs: 5 });
    const tracker = createTracker({ carriers: [adapter] });
    await Promise.all(Array.from({ length: 1000 }, (_, index) => tracker.track(list[index % 10]!, { carrier: 'fake' })));
    expect(adapter.batches).toHaveLength(1);
    expect(adapter.batches[0]).toHaveLength(10);
    expect(tracker.stats().coalesced).toBe(990);
  });

  it('serves repeated lookups from the cache with a status-dependent TTL', async () => {
    vi.useFakeTimers();
    try {
      const adapter = createFakeCarrierAdapter({ statuses: { MOVING: 'in_transit', DONE: 'delivered' } });
      const tracker = createTracker({ carriers: [adapter], now: () => Date.now() });
      const trackBoth = () => Promise.all([tracker.track('MOVING', { carrier: 'fake' }), tracker.track('DONE', { carrier: 'fake' })]);
      await vi.runAllTimersAsync().then(() => undefined);
      const first = trackBoth();
      await vi.advanceTimersByTimeAsync(1);
      await first;
      expect(adapter.batches).toHaveLength(1);
      await trackBoth();
      expect(tracker.stats().cacheHits).toBe(2);
      await vi.advanceTimersByTimeAsync(16 * 60_000); // in transit: 15 min TTL; delivered: 12 h
      const second = trackBoth();
      await vi.advanceTimersByTimeAsync(1);
      await second;
      expect(adapter.batches.at(-1)).toEqual(['MOVING']);
      const refreshed = tracker.track('DONE', { carrier: 'fake', refresh: true });
      await vi.advanceTimersByTimeAsync(1);
      await refreshed;
      expect(adapter.batches.at(-1)).toEqual(['DONE']);
    } finally {
      vi.useRealTimers();
    }
  });

  it("never lets one number's error fail the others", async () => {
    const adapter = createFakeCarrierAdapter({
      statuses: { GOOD1: 'delivered', GOOD2: 'in_transit' },
      failures: { SLOW: new RateLimitedError('slow down', { carrierId: 'fake' }) },
    });
    const tracker = createTracker({ carriers: [adapter] });
    const outcomes = await tracker.trackMany([
      { trackingNumber: 'GOOD1', carrier: 'fake' },
      { trackingNumber: 'MISSING', carrier: 'fake' },
      { trackingNumber: 'SLOW', carrier: 'fake' },
      { trackingNumber: 'GOOD2', carrier: 'fake' },
      { trackingNumber: 'X1', carrier: 'nope' },
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.shipment.status : outcome.error.code))).toEqual([
      'delivered',
      'not_found',
      'rate_limited',
      'in_transit',
      'unsupported_carrier',
    ]);
    expect(outcomes[2]?.error?.trackingNumber).toBe('SLOW');
  });

  it('turns a thrown adapter error into per-number failures and keeps other carriers working', async () => {
    const broken = createFakeCarrierAdapter({ id: 'broken' });
    broken.track = async () => {
      throw new Error('bug in adapter');
    };
    const healthy = createFakeCarrierAdapter({ id: 'healthy', statuses: { H1: 'delivered' } });
    const tracker = createTracker({ carriers: [broken, healthy] });
    const outcomes = await tracker.trackMany([
      { trackingNumber: 'B1', carrier: 'broken' },
      { trackingNumber: 'H1', carrier: 'healthy' },
    ]);
    expect(outcomes[0]?.error).toBeInstanceOf(CarrierUnavailableError);
    expect(outcomes[1]?.ok).toBe(true);
  });

  it('reports progress and keeps input order in trackMany', async () => {
    const list = numbers(50);
    const adapter = createFakeCarrierAdapter({ maxNumbersPerRequest: 7, statuses: inTransit(list) });
    const tracker = createTracker({ carriers: [adapter] });
    const progress: number[] = [];
    const outcomes = await tracker.trackMany(
      list.map((trackingNumber) => ({ trackingNumber, carrier: 'fake' })),
      { onProgress: ({ done }) => progress.push(done) },
    );
    expect(outcomes.map((outcome) => outcome.trackingNumber)).toEqual(list);
    expect(progress.at(-1)).toBe(50);
    expect(Math.max(...adapter.batches.map((batch) => batch.length))).toBeLessThanOrEqual(7);
  });

  it('uses detection when no carrier is given, trying candidates in order, and a given carrier always wins', async () => {
    const first = createFakeCarrierAdapter({ id: 'first', statuses: {} });
    const second = createFakeCarrierAdapter({ id: 'second', statuses: { SHARED1: 'delivered' } });
    const detect = () => [
      { carrier: 'first', trackingNumber: 'SHARED1' },
      { carrier: 'unconfigured', trackingNumber: 'SHARED1' },
      { carrier: 'second', trackingNumber: 'SHARED1' },
    ];
    const tracker = createTracker({ carriers: [first, second], detect });
    expect(tracker.candidatesFor('SHARED1')).toEqual({ candidates: ['first', 'second'], ambiguous: true });
    const shipment = await tracker.track('shared 1');
    expect(shipment.carrier).toBe('second');
    expect(first.batches).toEqual([['SHARED1']]);
    const [outcome] = await tracker.trackMany(['SHARED1']);
    expect(outcome?.detection).toEqual({ candidates: ['first', 'second'], ambiguous: true });
    await expect(tracker.track('SHARED1', { carrier: 'first', refresh: true })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('stops at a candidate that fails for another reason than not found', async () => {
    const down = createFakeCarrierAdapter({ id: 'down', batchFailure: new CarrierUnavailableError('down', { carrierId: 'down' }) });
    const other = createFakeCarrierAdapter({ id: 'other', statuses: { Z1: 'delivered' } });
    const tracker = createTracker({
      carriers: [down, other],
      detect: () => [
        { carrier: 'down', trackingNumber: 'Z1' },
        { carrier: 'other', trackingNumber: 'Z1' },
      ],
    });
    await expect(tracker.track('Z1')).rejects.toMatchObject({ code: 'carrier_unavailable' });
    expect(other.batches).toHaveLength(0);
  });

  it('says clearly when no configured carrier matches', async () => {
    const tracker = createTracker({ carriers: [createFakeCarrierAdapter()], detect: () => [] });
    await expect(tracker.track('??')).rejects.toMatchObject({
      code: 'detection_failed',
      message: expect.stringMatching(/pass the carrier/),
    });
  });

  it('limits batch requests in flight per carrier', async () => {
    const list = numbers(40);
    let inFlight = 0;
    let peak = 0;
    const adapter = createFakeCarrierAdapter({ maxNumbersPerRequest: 1, statuses: inTransit(list) });
    const original = adapter.track.bind(adapter);
    adapter.track = async (batch) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      const result = await original(batch);
      inFlight -= 1;
      return result;
    };
    const tracker = createTracker({ carriers: [adapter], concurrency: 3 });
    await tracker.trackMany(list.map((trackingNumber) => ({ trackingNumber, carrier: 'fake' })));
    expect(peak).toBe(3);
  });
});
