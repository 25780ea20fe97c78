import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAfter, LABEL_AT, TEST_JOURNEY, type TestScan } from '../__fixtures__/parcel-answers';
import { createStore } from '../create-store';
import type { Store } from '../store-types';
import { atRisk } from './at-risk';
import { DEFAULT_PICKUP_HOLD_DAYS } from './pickup-hold-days';

const DAY = 86_400_000;
const ARRIVED_AFTER_HOURS = 20;
const pickupJourney: TestScan[] = [
  ...TEST_JOURNEY.slice(0, 2),
  {
    afterHours: ARRIVED_AFTER_HOURS,
    code: 'PKP',
    status: 'available_for_pickup',
    substatus: 'arrived_at_pickup_point',
    description: 'Ready for collection',
    city: 'Kassel',
  },
];

describe('the pickup deadline follows each carrier’s documented hold', () => {
  let store: Store;
  const arrivedMs = LABEL_AT + ARRIVED_AFTER_HOURS * 3_600_000;

  beforeAll(async () => {
    store = await createStore({ url: 'memory:' });
    // One parcel per carrier with a figure of its own, and one that keeps the default week.
    for (const [index, carrier] of [...Object.keys(DEFAULT_PICKUP_HOLD_DAYS), 'postnl'].entries()) {
      const trackingNumber = `HOLD${String(index).padStart(8, '0')}`;
      const parcel = await store.shop().watch(trackingNumber, { carrier });
      const shipment = answerAfter(trackingNumber, 3, { journey: pickupJourney, carrier });
      await store.ingest({ trackingId: parcel.id, shipment, checkedAt: new Date(shipment.fetchedAt) });
    }
  });
  afterAll(async () => store?.close());

  it.each([
    ['usps', 15],
    ['royalmail', 18],
    ['hermes', 10],
    ['postnl', 7],
  ])('%s: listed from two days before arrival + %i days, with that deadline', async (carrier, days) => {
    const deadline = new Date(arrivedMs + days * DAY).toISOString().slice(0, 10);
    const before = await atRisk(store, 'default', {
      kind: 'pickup_deadline',
      carrier,
      now: new Date(arrivedMs + (days - 2) * DAY - 3_600_000),
    });
    expect(before.items).toEqual([]);
    const near = await atRisk(store, 'default', { kind: 'pickup_deadline', carrier, now: new Date(arrivedMs + (days - 2) * DAY) });
    expect(near.items.map((item) => item.pickupDeadline)).toEqual([deadline]);
  });
});
