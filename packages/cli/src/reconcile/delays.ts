import { approximateEpochMs, instantEpochMs, type CarrierTime, type Shipment, type ShipmentStatus } from '@wismo/core';

const HOUR_MS = 3_600_000;
/** The widest offsets in use: UTC−12 … UTC+14. A wall time with no known offset lies within these bounds. */
const MAX_WEST_MS = 12 * HOUR_MS;
const MAX_EAST_MS = 14 * HOUR_MS;

/** Statuses in which the parcel should keep getting scans. */
export const MOVING_STATUSES: readonly ShipmentStatus[] = ['in_transit', 'out_for_delivery', 'returning'];
/** Statuses after which a delivery date no longer matters. */
const FINISHED_STATUSES: readonly ShipmentStatus[] = ['delivered', 'returned', 'cancelled'];

export interface DelayOptions {
  /** A moving parcel with no scan for this long is stalled. Default 72 h. */
  stalledAfterHours?: number;
}

export interface DelayFlags {
  stalled: boolean;
  late: boolean;
  /** Hours since the newest scan, at least (null without scans). Local and date-only times use their latest possible instant. */
  hoursSinceLastScan: number | null;
}

/** The latest UTC instant a carrier time can stand for: exact for instants, +12 h for wall times, end of day +12 h for dates. */
export function latestPossibleEpochMs(time: CarrierTime): number | null {
  const instant = instantEpochMs(time);
  if (instant !== null) return instant;
  const asUtc = approximateEpochMs(time);
  if (!Number.isFinite(asUtc)) return null;
  return time.timeKind === 'date' ? asUtc + 24 * HOUR_MS + MAX_WEST_MS : asUtc + MAX_WEST_MS;
}

/** The earliest UTC instant a carrier time can stand for. */
export function earliestPossibleEpochMs(time: CarrierTime): number | null {
  const instant = instantEpochMs(time);
  if (instant !== null) return instant;
  const asUtc = approximateEpochMs(time);
  return Number.isFinite(asUtc) ? asUtc - MAX_EAST_MS : null;
}

/**
 * Stalled: moving (in transit, out for delivery, returning) and no scan for `stalledAfterHours`.
 * Late: not delivered, returned or cancelled, and past the end of the carrier's estimate.
 * Both are decided on the time bounds, never on a guess: a scan or estimate without an offset counts as late
 * as it could possibly be, so a parcel is never called stalled or late too early.
 */
export function delayFlags(
  shipment: Pick<Shipment, 'status' | 'events' | 'estimatedDelivery'>,
  nowMs: number,
  options: DelayOptions = {},
): DelayFlags {
  const stalledAfterMs = (options.stalledAfterHours ?? 72) * HOUR_MS;
  const newest = shipment.events[0];
  const lastScanAt = newest ? latestPossibleEpochMs(newest) : null;
  const hoursSinceLastScan = lastScanAt === null ? null : Math.max(0, Math.floor((nowMs - lastScanAt) / HOUR_MS));
  const stalled = MOVING_STATUSES.includes(shipment.status) && lastScanAt !== null && nowMs - lastScanAt > stalledAfterMs;
  let late = false;
  const estimate = shipment.estimatedDelivery;
  if (estimate && !FINISHED_STATUSES.includes(shipment.status)) {
    const end = estimate.to ?? estimate.from;
    if (end) {
      const endTime: CarrierTime =
        estimate.timeKind === 'instant'
          ? { occurredAt: end, localTime: null, timeKind: 'instant' }
          : { occurredAt: null, localTime: end, timeKind: estimate.timeKind };
      const latestEnd = latestPossibleEpochMs(endTime);
      late = latestEnd !== null && nowMs > latestEnd;
    }
  }
  return { stalled, late, hoursSinceLastScan };
}
