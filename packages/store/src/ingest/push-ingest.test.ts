import { pushBodyDigest, type PushUpdate } from '@wismo/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAfter, LABEL_AT, momentAfterScan } from '../__fixtures__/parcel-answers';
import { testEngines, type TestDatabase } from '../__fixtures__/test-stores';
import { createStore } from '../create-store';
import type { PushIngestInput, Store } from '../store-types';

const NUMBER = '00340434161094000001';

/** A partial push: only the newest scan of `scansSoFar`, no ETA, no addresses (as UPS Track Alert sends). */
function partial(scansSoFar: number, number = NUMBER): PushUpdate {
  const whole = answerAfter(number, scansSoFar);
  return {
    carrier: 'dhl',
    trackingNumber: number,
    complete: false,
    shipment: { ...whole, events: whole.events.slice(0, 1), estimatedDelivery: null, destination: null, service: null },
  };
}

function push(
  updates: PushUpdate[],
  receivedAt: Date,
  body = JSON.stringify(updates.map((update) => update.shipment.events)),
): PushIngestInput {
  return { source: 'dhl', dedupeKey: pushBodyDigest(body), body, receivedAt, updates, rejects: [] };
}

describe.each(testEngines())('Store.ingestPush on $name', ({ name, available, create }) => {
  let database: TestDatabase;
  let store: Store;
  let now = momentAfterScan(1);

  beforeAll(async () => {
    if (!available) return;
    database = create();
    store = await createStore({ url: database.url, clock: () => now, random: () => 0.5 });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
  if (!available) {
    it.skip(`${name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
    return;
  }

  it('merges a partial push into the polled story, keeps what the push does not carry and polls again soon', async () => {
    const watched = await store.shop().watch(NUMBER, { carrier: 'dhl' });
    await store.ingest({ trackingId: watched.id, shipment: answerAfter(NUMBER, 2, { eta: '2026-03-18' }), checkedAt: momentAfterScan(1) });
    now = momentAfterScan(2);
    const result = await store.ingestPush(push([partial(3)], now));
    expect(result).toMatchObject({
      duplicate: false,
      unmatched: [],
      applied: [{ trackingNumber: NUMBER, trackingIds: [watched.id], complete: false }],
    });
    const stored = (await store.shop().getTracking(watched.id))!;
    expect(stored.shipment!.events.map((event) => event.raw.code)).toEqual(['AF', 'PU', 'PRE']);
    expect(stored.shipment!.estimatedDelivery?.from).toBe('2026-03-18');
    expect(stored.shipment!.destination?.city).toBe('München');
    expect(stored.watchedBy).toBe('push');
    expect(Date.parse(stored.nextCheckAt!)).toBeLessThanOrEqual(now.getTime() + 10 * 60_000);
  });

  it('recognises a repeated delivery and applies nothing twice', async () => {
    const again = await store.ingestPush(push([partial(3)], now));
    expect(again).toMatchObject({ duplicate: true, applied: [], results: [] });
    expect(await store.shop().listEvents((await store.shop().findTracking('dhl', NUMBER))!.id)).toHaveLength(3);
  });

  it('ingests a complete push like a poll answer, in any order: an older one later never regresses the status', async () => {
    now = momentAfterScan(5);
    await store.ingestPush({
      ...push([], now, 'complete-6'),
      updates: [{ carrier: 'dhl', trackingNumber: NUMBER, complete: true, shipment: answerAfter(NUMBER, 6) }],
    });
    const older = answerAfter(NUMBER, 5, { fetchedAt: momentAfterScan(4).getTime() });
    await store.ingestPush({
      ...push([], now, 'complete-5'),
      updates: [{ carrier: 'dhl', trackingNumber: NUMBER, complete: true, shipment: older }],
    });
    const stored = (await store.shop().findTracking('dhl', NUMBER))!;
    expect(stored.status).toBe('delivered');
    expect(stored.shipment!.events).toHaveLength(6);
  });

  it('reaches every shop watching the number, skips unwatched trackings and reports numbers nobody watches', async () => {
    const other = '00340434161094000002';
    const north = await store.shop('north').watch(other, { carrier: 'dhl' });
    const south = await store.shop('south').watch(other, { carrier: 'dhl' });
    await store.shop('south').unwatch(south.id);
    now = new Date(LABEL_AT + 7 * 3_600_000);
    const result = await store.ingestPush(push([partial(2, other), partial(2, '00340434161094009999')], now));
    expect(result.applied).toMatchObject([{ trackingNumber: other, trackingIds: [north.id] }]);
    expect(result.unmatched).toEqual([{ carrier: 'dhl', trackingNumber: '00340434161094009999' }]);
    expect((await store.shop('north').getTracking(north.id))!.status).toBe('in_transit');
    expect((await store.shop('south').getTracking(south.id))!.status).toBe('pending');
  });
});
