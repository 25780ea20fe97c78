import { describe, expect, it } from 'vitest';
import type { CarrierTime, Shipment } from '@wismo/core';
import { delayFlags, latestPossibleEpochMs } from './delays';

const HOUR = 3_600_000;
const instant = (iso: string): CarrierTime => ({ occurredAt: iso, localTime: null, timeKind: 'instant' });
const local = (wall: string): CarrierTime => ({ occurredAt: null, localTime: wall, timeKind: 'local' });

function shipment(
  status: Shipment['status'],
  last: CarrierTime | null,
  estimate: Shipment['estimatedDelivery'] = null,
): Pick<Shipment, 'status' | 'events' | 'estimatedDelivery'> {
  return { status, events: last ? [{ ...last } as Shipment['events'][number]] : [], estimatedDelivery: estimate };
}

describe('delay flags', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it('stalled: moving and no scan for the threshold, on the latest instant a wall time can mean', () => {
    expect(delayFlags(shipment('in_transit', instant('2026-03-07T11:00:00Z')), now).stalled).toBe(true);
    expect(delayFlags(shipment('in_transit', instant('2026-03-07T13:00:00Z')), now).stalled).toBe(false);
    // 73 h ago as UTC, but a wall time could be as late as UTC+12 later: not stalled yet.
    expect(delayFlags(shipment('in_transit', local('2026-03-07T11:00:00')), now).stalled).toBe(false);
    expect(delayFlags(shipment('in_transit', local('2026-03-06T23:00:00')), now).stalled).toBe(true);
    expect(delayFlags(shipment('delivered', instant('2026-02-01T00:00:00Z')), now).stalled).toBe(false);
    expect(delayFlags(shipment('in_transit', instant('2026-03-09T12:00:00Z')), now, { stalledAfterHours: 12 })).toMatchObject({
      stalled: true,
      hoursSinceLastScan: 24,
    });
  });

  it('late: not delivered and past the end of the estimate, dates counted to the end of the day anywhere', () => {
    const estimate = (from: string, to: string | null, timeKind: CarrierTime['timeKind']) => ({
      from,
      to,
      timeKind,
      source: 'carrier' as const,
      confidence: null,
    });
    expect(delayFlags(shipment('in_transit', null, estimate('2026-03-08', null, 'date')), now).late).toBe(true);
    expect(delayFlags(shipment('in_transit', null, estimate('2026-03-09', '2026-03-09', 'date')), now).late).toBe(false);
    expect(delayFlags(shipment('in_transit', null, estimate('2026-03-10T08:00:00Z', '2026-03-10T11:00:00Z', 'instant')), now).late).toBe(
      true,
    );
    expect(delayFlags(shipment('delivered', null, estimate('2026-03-01', null, 'date')), now).late).toBe(false);
    expect(latestPossibleEpochMs({ occurredAt: null, localTime: '2026-03-09', timeKind: 'date' })).toBe(
      Date.parse('2026-03-09T00:00:00Z') + 36 * HOUR,
    );
  });
});
