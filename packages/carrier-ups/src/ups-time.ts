import { dateOnly, formatInstantAtOffset, instantTime, joinCompactDateTime, localTime, normaliseOffset } from '@wismo/core';
import type { CarrierTime, EstimatedDelivery } from '@wismo/core';
import type { UpsActivity, UpsPackage } from './ups-api';

/**
 * The time of one activity. `date`+`time` are the wall clock where the scan happened, `gmtDate`+`gmtTime` the same
 * moment in GMT and `gmtOffset` the scan's offset. With the GMT fields the time is an instant, shown at `gmtOffset`
 * (or with `Z` when there is none, or when the wall clock there would leave the years 0000–9999); `localTime` stays
 * `date`+`time`. Without them, `gmtOffset` alone still makes `date`+`time` an instant; with no offset the time is
 * `local` (never stamped `Z`), and a bare date is `date`.
 */
export function upsActivityTime(activity: Pick<UpsActivity, 'date' | 'time' | 'gmtDate' | 'gmtTime' | 'gmtOffset'>): CarrierTime | null {
  const local = joinCompactDateTime(activity.date, activity.time);
  const localDateTime = local?.includes('T') ? local : null;
  const offset = activity.gmtOffset ? normaliseOffset(activity.gmtOffset) : null;
  const gmt = activity.gmtDate && activity.gmtTime ? joinCompactDateTime(activity.gmtDate, activity.gmtTime) : null;
  const epochMs = gmt?.includes('T') ? Date.parse(`${gmt}Z`) : Number.NaN;
  if (!Number.isNaN(epochMs)) {
    if (offset && offset !== 'Z') {
      // Usually date+time at the offset is the GMT moment itself; otherwise the GMT fields win.
      const sameMoment = localDateTime !== null && Date.parse(`${localDateTime}${offset}`) === epochMs;
      const atOffset = sameMoment ? `${localDateTime}${offset}` : formatInstantAtOffset(epochMs, offset);
      if (atOffset) return { occurredAt: atOffset, localTime: localDateTime ?? atOffset.slice(0, 19), timeKind: 'instant' };
    }
    return { occurredAt: `${gmt}Z`, localTime: localDateTime, timeKind: 'instant' };
  }
  const instant = localDateTime && offset ? instantTime(localDateTime, offset) : null;
  return instant ?? (localDateTime ? localTime(localDateTime) : local ? dateOnly(local) : null);
}

function dateOfType(deliveryDates: UpsPackage['deliveryDate'], type: string): string | null {
  for (const entry of deliveryDates ?? []) {
    const date = entry.type?.trim().toUpperCase() === type ? joinCompactDateTime(entry.date) : null;
    if (date) return date;
  }
  return null;
}

const WINDOW_TYPES: ReadonlySet<string> = new Set(['EDW', 'CDW', 'IDW']);

/**
 * The carrier's delivery estimate: the rescheduled date (RDD) over the scheduled one (SDD), with the `deliveryTime`
 * window when UPS gives one (EDW/CDW/IDW: start and end; CMT: committed by `endTime`). UPS sends no offset for these,
 * so times are `local`; a date without a window (EOD or none) is `date`.
 */
export function upsEstimatedDelivery(
  deliveryDates: UpsPackage['deliveryDate'],
  deliveryTime: UpsPackage['deliveryTime'],
): EstimatedDelivery | null {
  const date = dateOfType(deliveryDates, 'RDD') ?? dateOfType(deliveryDates, 'SDD');
  if (!date) return null;
  const type = deliveryTime?.type?.trim().toUpperCase() ?? '';
  const start = deliveryTime?.startTime ? joinCompactDateTime(date, deliveryTime.startTime) : null;
  const end = deliveryTime?.endTime ? joinCompactDateTime(date, deliveryTime.endTime) : null;
  if ((WINDOW_TYPES.has(type) && (start || end)) || (type === 'CMT' && end)) {
    return { from: type === 'CMT' ? null : start, to: end, timeKind: 'local', source: 'carrier', confidence: null };
  }
  return { from: date, to: date, timeKind: 'date', source: 'carrier', confidence: null };
}

/** The delivery moment from `deliveryDate[DEL]` and a `deliveryTime` of type DEL: local time, or a date. */
export function upsDeliveredTime(deliveryDates: UpsPackage['deliveryDate'], deliveryTime: UpsPackage['deliveryTime']): CarrierTime | null {
  const date = dateOfType(deliveryDates, 'DEL');
  if (!date) return null;
  const withTime =
    deliveryTime?.type?.trim().toUpperCase() === 'DEL' && deliveryTime.endTime ? joinCompactDateTime(date, deliveryTime.endTime) : null;
  return withTime ? localTime(withTime) : dateOnly(date);
}
