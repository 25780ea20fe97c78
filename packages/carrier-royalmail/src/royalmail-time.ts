import { instantTime, parseCarrierDateTime, type CarrierTime, type EstimatedDelivery } from '@wismo/core';

/** Event and signature times are ISO 8601 with the UK offset (`2016-10-20T10:04:00+01:00`): instants. */
export function royalMailTime(value: string | undefined): CarrierTime | null {
  return parseCarrierDateTime(value);
}

const TIME_WITH_OFFSET = /^(\d{2}:\d{2}(?::\d{2})?)([+-]\d{2}:?\d{2}|Z)$/;

function windowBound(date: string, bound: string | undefined): string | null {
  const match = bound ? TIME_WITH_OFFSET.exec(bound.trim()) : null;
  if (!match) return null;
  return instantTime(`${date}T${match[1]}`, match[2]!)?.occurredAt ?? null;
}

/**
 * `estimatedDelivery { date, startOfEstimatedWindow: "08:00:00+01:00", endOfEstimatedWindow }`: a window of instants
 * when both bounds carry their offset, else the day alone.
 */
export function royalMailEstimatedDelivery(
  estimate: { date?: string; startOfEstimatedWindow?: string; endOfEstimatedWindow?: string } | undefined,
): EstimatedDelivery | null {
  const date = estimate?.date?.trim();
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const from = windowBound(date, estimate!.startOfEstimatedWindow);
  const to = windowBound(date, estimate!.endOfEstimatedWindow);
  if (from && to) return { from, to, timeKind: 'instant', source: 'carrier', confidence: null };
  return { from: date, to: date, timeKind: 'date', source: 'carrier', confidence: null };
}
