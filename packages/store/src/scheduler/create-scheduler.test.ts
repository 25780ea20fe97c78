import { afterEach, expect, it } from 'vitest';
import { CARRIER_ADAPTER_SPECIFICATION_VERSION, createTracker, type CarrierAdapter } from '@wismo/core';
import { answerAfter, momentAfterScan } from '../__fixtures__/parcel-answers';
import { createStore } from '../create-store';
import type { OutboxEvent, Store } from '../store-types';
import { createScheduler } from './create-scheduler';

let store: Store | undefined;
afterEach(async () => store?.close());

/** A carrier that answers every number with the journey after three scans, ten numbers a request. */
function fakeCarrier(requests: string[][]): CarrierAdapter {
  const adapter: Omit<CarrierAdapter, 'specificationVersion'> = {
    id: 'dhl',
    name: 'Fake DHL',
    contact: { default: { phone: null, url: null } },
    capabilities: {
      maxNumbersPerRequest: 10,
      rateLimit: { requests: 1000, intervalMs: 1000 },
      webhooks: false,
      proofOfDelivery: false,
      estimatedDelivery: false,
    },
    trackingUrl: (number: string) => `https://example.test/${number}`,
    async track(numbers: readonly string[]) {
      requests.push([...numbers]);
      return numbers.map((trackingNumber) => ({ trackingNumber, ok: true as const, shipment: answerAfter(trackingNumber, 3) }));
    },
  };
  // The contract version is core's; this test does not depend on its name or value.
  return { ...adapter, specificationVersion: CARRIER_ADAPTER_SPECIFICATION_VERSION } as CarrierAdapter;
}

it('claims in batches, sends them through the tracker (its batching applies), and bounds the events a report keeps', async () => {
  const now = momentAfterScan(2);
  store = await createStore({ url: 'memory:', clock: () => now });
  const numbers = Array.from({ length: 30 }, (_, index) => `00340434161094${String(700_000 + index)}`);
  await store.shop().watchMany(numbers.map((trackingNumber) => ({ trackingNumber, carrier: 'dhl' })));
  const requests: string[][] = [];
  const streamed: OutboxEvent[] = [];
  const scheduler = createScheduler({
    store,
    tracker: createTracker({ carriers: [fakeCarrier(requests)], cache: false }),
    clock: () => now,
    batchSize: 7,
    reportedEvents: 5,
    onEvents: (events) => streamed.push(...events),
  });
  const report = await scheduler.runOnce();
  expect(report).toMatchObject({ claimed: 30, checked: 30, changed: 30, errors: 0, byCarrier: { dhl: { claimed: 30, errors: 0 } } });
  // Per parcel: status changed + three scans + no estimate.
  expect(report.eventCount).toBe(30 * 4);
  // The counts stay exact although the report keeps only five events.
  expect(report.eventCounts).toEqual({ status_changed: 30, event_added: 90 });
  expect(report.events).toHaveLength(5);
  expect(streamed).toHaveLength(report.eventCount);
  expect(requests.flat().sort()).toEqual([...numbers].sort());
  expect(Math.max(...requests.map((request) => request.length))).toBeLessThanOrEqual(7);
  // Nothing is due any more: the next round claims nothing.
  expect((await scheduler.runOnce()).claimed).toBe(0);
});
