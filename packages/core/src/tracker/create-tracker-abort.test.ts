import { describe, expect, it } from 'vitest';
import {
  CARRIER_ADAPTER_SPECIFICATION_VERSION,
  type CarrierAdapter,
  type TrackContext,
  type TrackOutcome,
} from '../adapter/carrier-adapter';
import { CarrierUnavailableError } from '../errors';
import { buildShipment } from '../status/build-shipment';
import { createTracker } from './create-tracker';

/** An adapter that answers after `latencyMs` unless the signal it was given aborts first; it records every call. */
function slowAdapter(latencyMs: number) {
  const calls: Array<{ numbers: string[]; signal: AbortSignal | undefined; aborted: boolean }> = [];
  const adapter: CarrierAdapter = {
    specificationVersion: CARRIER_ADAPTER_SPECIFICATION_VERSION,
    id: 'slow',
    name: 'Slow',
    contact: { default: { phone: null, url: 'https://example.test' } },
    capabilities: {
      maxNumbersPerRequest: 10,
      rateLimit: { requests: 100, intervalMs: 1000 },
      webhooks: false,
      proofOfDelivery: false,
      estimatedDelivery: false,
    },
    trackingUrl: (number) => `https://example.test/${number}`,
    track(numbers, context: TrackContext = {}): Promise<TrackOutcome[]> {
      const call = { numbers: [...numbers], signal: context.signal, aborted: false };
      calls.push(call);
      return new Promise((resolve) => {
        const answer = () =>
          resolve(
            numbers.map((trackingNumber) => ({
              trackingNumber,
              ok: true,
              shipment: buildShipment({ carrier: 'slow', trackingNumber, events: [] }),
            })),
          );
        const timer = setTimeout(answer, latencyMs);
        context.signal?.addEventListener('abort', () => {
          call.aborted = true;
          clearTimeout(timer);
          const error = new CarrierUnavailableError('aborted', { carrierId: 'slow' });
          resolve(numbers.map((trackingNumber) => ({ trackingNumber, ok: false, error: error.forTrackingNumber(trackingNumber) })));
        });
      });
    },
  };
  return { adapter, calls };
}

describe('tracker and the caller’s AbortSignal', () => {
  it('passes a signal to the adapter, and an abort rejects that caller at once and cancels the request nobody waits for', async () => {
    const { adapter, calls } = slowAdapter(5_000);
    const tracker = createTracker({ carriers: [adapter], cache: false });
    const controller = new AbortController();
    const pending = tracker.track('A1', { carrier: 'slow', signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signal).toBeInstanceOf(AbortSignal);
    const started = performance.now();
    controller.abort(new Error('customer closed the page'));
    await expect(pending).rejects.toThrow('customer closed the page');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(calls[0]!.aborted).toBe(true);
  });

  it('cancels a batch only when every caller in it has aborted', async () => {
    const { adapter, calls } = slowAdapter(300);
    const tracker = createTracker({ carriers: [adapter], cache: false });
    const first = new AbortController();
    const second = new AbortController();
    const a = tracker.track('A1', { carrier: 'slow', signal: first.signal });
    const b = tracker.track('B2', { carrier: 'slow', signal: second.signal });
    // The same number, joined by a caller that never aborts.
    const sameAsA = tracker.track('A1', { carrier: 'slow' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.map((call) => call.numbers)).toEqual([['A1', 'B2']]);
    first.abort();
    await expect(a).rejects.toThrow();
    second.abort();
    await expect(b).rejects.toThrow();
    // A1 still has a caller waiting: the batch goes on and that caller gets the shipment.
    expect(calls[0]!.aborted).toBe(false);
    await expect(sameAsA).resolves.toMatchObject({ trackingNumber: 'A1' });
    expect(calls[0]!.aborted).toBe(false);
  });

  it('cancels the batch once both callers of a shared number and the other numbers have aborted', async () => {
    const { adapter, calls } = slowAdapter(5_000);
    const tracker = createTracker({ carriers: [adapter], cache: false });
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    const waits = [
      tracker.track('A1', { carrier: 'slow', signal: controllers[0]!.signal }),
      tracker.track('A1', { carrier: 'slow', signal: controllers[1]!.signal }),
      tracker.track('B2', { carrier: 'slow', signal: controllers[2]!.signal }),
    ];
    const settled = Promise.allSettled(waits);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controllers[0]!.abort();
    controllers[2]!.abort();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls[0]!.aborted).toBe(false);
    controllers[1]!.abort();
    await settled;
    expect(calls[0]!.aborted).toBe(true);
    // A later caller starts a fresh lookup rather than joining the cancelled one.
    const again = tracker.track('A1', { carrier: 'slow', signal: new AbortController().signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(2);
    void again.catch(() => undefined);
  });

  it('never sends a number whose callers aborted before the batch was cut, and rejects an already aborted signal', async () => {
    const { adapter, calls } = slowAdapter(10);
    const tracker = createTracker({ carriers: [adapter], cache: false });
    const controller = new AbortController();
    const dropped = tracker.track('A1', { carrier: 'slow', signal: controller.signal });
    const kept = tracker.track('B2', { carrier: 'slow' });
    controller.abort();
    await expect(dropped).rejects.toThrow();
    await expect(kept).resolves.toMatchObject({ trackingNumber: 'B2' });
    expect(calls.map((call) => call.numbers)).toEqual([['B2']]);
    await expect(tracker.track('C3', { carrier: 'slow', signal: AbortSignal.abort() })).rejects.toThrow();
    const outcomes = tracker.trackMany(['B2', 'C3'], { signal: AbortSignal.abort() });
    await expect(outcomes).rejects.toThrow();
  });

  it('lets trackMany wait on hundreds of numbers with one signal, and stops them all on abort', async () => {
    const { adapter, calls } = slowAdapter(5_000);
    const tracker = createTracker({ carriers: [adapter], cache: false });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const pending = tracker.trackMany(
        Array.from({ length: 200 }, (_, index) => ({ trackingNumber: `N${index}`, carrier: 'slow' })),
        { signal: controller.signal },
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
      controller.abort(new Error('stop'));
      await expect(pending).rejects.toThrow('stop');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.every((call) => call.aborted)).toBe(true);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
