import { describe, expect, it } from 'vitest';
import { ANNA, DHL_NUMBER, NOW, world } from '../__fixtures__/fixtures';
import { LruMap } from './lru';

async function settleBackground(): Promise<void> {
  for (let index = 0; index < 5; index++) await new Promise((resolve) => setImmediate(resolve));
}

describe('createOrderViewService', () => {
  it('builds fresh views from the order source and the tracker', async () => {
    const { service } = world();
    const served = await service.viewById('ord_1003');
    expect(served?.stale).toBe(false);
    expect(served?.staleShipments).toEqual([]);
    expect(served?.generatedAt).toBe(NOW.toISOString());
    expect(served?.view.stage).toBe('in_transit');
    expect(served?.view.parcels[0]).toMatchObject({
      carrier: 'dhl',
      trackingNumber: DHL_NUMBER,
      status: 'in_transit',
      tracking: 'tracked',
    });
    expect((await service.viewByNumber('#1003'))?.view.order.id).toBe('ord_1003');
    expect(await service.viewById('nope')).toBeNull();
  });

  it('returns a customer’s orders newest first, with their carriers asked in one batch', async () => {
    const { service, dhl } = world();
    const views = await service.viewsByEmail(ANNA.toUpperCase());
    expect(views.map((served) => served.view.order.number)).toEqual(['1003', '0950']);
    expect(views[1]?.view.stage).toBe('delivered');
    expect(dhl.calls).toBe(1);
  });

  it('answers within the budget with the last known shipments, marked stale, when a carrier hangs', async () => {
    const { service, dhl, clock } = world({ timeBudgetMs: 200 });
    await service.viewById('ord_1003'); // the last good answer: version 1, fetched at NOW
    dhl.mode = 'hang';
    dhl.version = 2;
    clock.now = new Date(NOW.getTime() + 30 * 60_000);
    const started = performance.now();
    const served = await service.viewById('ord_1003');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(1_000);
    expect(served?.stale).toBe(true);
    expect(served?.staleShipments).toEqual([
      { carrier: 'dhl', trackingNumber: DHL_NUMBER, reason: 'timeout', lastFetchedAt: NOW.toISOString() },
    ]);
    expect(served?.view.parcels[0]?.status).toBe('in_transit');

    // The late answer still lands: the next request (carrier still slow) shows it.
    dhl.release();
    await settleBackground();
    const next = await service.viewById('ord_1003', { timeBudgetMs: 0 });
    expect(next?.stale).toBe(true);
    expect(next?.view.parcels[0]?.status).toBe('out_for_delivery');
    expect(next?.staleShipments?.[0]?.lastFetchedAt).toBe(clock.now.toISOString());
    dhl.release();
  });

  it('says stale with no data when a carrier that never answered before is slow', async () => {
    const { service, dhl } = world({ timeBudgetMs: 50 });
    dhl.mode = 'hang';
    const served = await service.viewById('ord_1003');
    expect(served?.stale).toBe(true);
    expect(served?.staleShipments?.[0]).toMatchObject({ reason: 'timeout', lastFetchedAt: null });
    expect(served?.view.parcels[0]?.tracking).toBe('no_tracking_result');
    dhl.release();
  });

  it('falls back to the last known shipment when the carrier fails', async () => {
    const { service, dhl } = world();
    await service.viewById('ord_1003');
    dhl.mode = 'error';
    const served = await service.viewById('ord_1003');
    expect(served?.stale).toBe(true);
    expect(served?.staleShipments?.[0]).toMatchObject({ reason: 'carrier_error', lastFetchedAt: NOW.toISOString() });
    expect(served?.view.parcels[0]?.tracking).toBe('tracked');
  });

  it('propagates order source failures to the caller', async () => {
    const { tracker } = world();
    const { createOrderViewService } = await import('./order-view-service');
    const failing = createOrderViewService({
      orders: {
        getOrderById: () => Promise.reject(new Error('db down')),
        getOrderByNumber: () => Promise.reject(new Error('db down')),
        findOrdersByCustomerEmail: () => Promise.reject(new Error('db down')),
      },
      tracker,
      carriers: [],
    });
    await expect(failing.viewsByEmail(ANNA)).rejects.toThrow('db down');
  });
});

describe('LruMap', () => {
  it('drops the least recently used entry', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.has('b')).toBe(false);
    expect(map.get('a')).toBe(1);
    expect(map.size).toBe(2);
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});
