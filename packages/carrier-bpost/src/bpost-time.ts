import { parseCarrierDateTime, type CarrierTime, type EstimatedDelivery } from '@wismo/core';

/**
 * A `stateInfo.time`: ISO 8601 with an offset (`2012-11-22T23:19:29+01:00`, sometimes with milliseconds), so an
 * instant; milliseconds are dropped. A time without an offset stays `local`, never stamped `Z`.
 */
export function bpostStateTime(value: string | undefined): CarrierTime | null {
  return parseCarrierDateTime(value);
}

/** `deliveryTimeWindow`: the planned window, as precise as bpost writes it (instant, local time or date). */
export function bpostEstimatedDelivery(
  window: { plannedDeliveryDateWindowStart?: string; plannedDeliveryDateWindowEnd?: string } | undefined,
): EstimatedDelivery | null {
  const start = parseCarrierDateTime(window?.plannedDeliveryDateWindowStart);
  const end = parseCarrierDateTime(window?.plannedDeliveryDateWindowEnd);
  const kind = start?.timeKind ?? end?.timeKind;
  if (!kind) return null;
  const value = (time: CarrierTime | null) =>
    time && time.timeKind === kind ? (kind === 'instant' ? time.occurredAt : time.localTime) : null;
  return { from: value(start), to: value(end), timeKind: kind, source: 'carrier', confidence: null };
}
