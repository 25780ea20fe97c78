import type { EstimatedDelivery } from '../status/shipment';
import type { CarrierTime } from '../time/carrier-time';
import { carrierEstimate } from './carrier-estimate';

/**
 * A carrier's "delivered by" time as its estimate: an instant or a wall-clock time is the `to` of the window; a date,
 * or a wall clock at midnight (a date written as a time), is that whole day. Null without a time.
 */
export function deliverByEstimate(time: CarrierTime | null): EstimatedDelivery | null {
  if (time?.timeKind === 'instant') return carrierEstimate(null, time.occurredAt, 'instant');
  if (!time?.localTime) return null;
  const wholeDay = time.timeKind === 'date' || time.localTime.endsWith('T00:00:00');
  return wholeDay
    ? carrierEstimate(time.localTime.slice(0, 10), time.localTime.slice(0, 10), 'date')
    : carrierEstimate(null, time.localTime, 'local');
}
