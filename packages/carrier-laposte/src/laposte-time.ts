import { parseCarrierDateTime, type CarrierTime, type EstimatedDelivery } from '@wismo/core';

/** Suivi v2 writes `2023-03-09T09:38:00+01:00` (offset always present): an instant. A time without one stays local. */
export function laposteTime(value: string | null | undefined): CarrierTime | null {
  return parseCarrierDateTime(value);
}

/**
 * `estimDate` is the expected day (a date-time in the swagger); `estimHourMin`/`estimHourMax` narrow it to a
 * window when La Poste gives one.
 */
export function laposteEstimatedDelivery(shipment: {
  estimDate?: string;
  estimHourMin?: string;
  estimHourMax?: string;
}): EstimatedDelivery | null {
  const from = laposteTime(shipment.estimHourMin) ?? laposteTime(shipment.estimDate);
  const to = laposteTime(shipment.estimHourMax) ?? from;
  if (!from || !to) return null;
  const timeKind = from.timeKind === to.timeKind ? from.timeKind : 'local';
  const value = (time: CarrierTime) => (timeKind === 'instant' ? time.occurredAt : time.localTime);
  return { from: value(from), to: value(to), timeKind, source: 'carrier', confidence: null };
}
