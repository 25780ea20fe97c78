import type { Shipment } from '../status/shipment';
import type { ShipmentStatus } from '../status/statuses';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How long a tracking result stays fresh, by status: short while the parcel moves, long once nothing
 * more will happen. Out-for-delivery is shortest: that is when customers ask most.
 */
export const DEFAULT_CACHE_TTL_MS: Readonly<Record<ShipmentStatus, number>> = {
  pending: 30 * MINUTE,
  info_received: 30 * MINUTE,
  in_transit: 15 * MINUTE,
  out_for_delivery: 5 * MINUTE,
  available_for_pickup: 30 * MINUTE,
  attempt_failed: 15 * MINUTE,
  delivered: 12 * HOUR,
  exception: 15 * MINUTE,
  returning: 30 * MINUTE,
  returned: 12 * HOUR,
  cancelled: 12 * HOUR,
  unknown: 5 * MINUTE,
};

export function defaultCacheTtl(shipment: Shipment): number {
  return DEFAULT_CACHE_TTL_MS[shipment.status];
}
