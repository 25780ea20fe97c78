import {
  dateOnly,
  formatInstantAtOffset,
  instantTime,
  joinCompactDateTime,
  localTime,
  normaliseOffset,
  type CarrierTime,
  type EstimatedDelivery,
} from '@wismo/core';
import type { UpsActivity, UpsPackage } from './ups-api';

const toLocal = joinCompactDateTime;

/**
 * The time of one activity. `date`+`time` are the wall clock where the scan happened; `gmtDate`+`gmtTime`
 * are the same moment in GMT and `gmtOffset` the scan's offset. With the GMT fields the moment is an
 * instant: `occurredAt` is built from them (shown at `gmtOffset`, or with `Z` when no offset came, or when
 * the wall clock at the offset would leave the years 0000–9999) and `localTime` stays `date`+`time`.
 * Without them, `gmtOffset` alone still makes `date`+`time` an instant; with no offset at all the time is
 * `local` (never stamped `Z`), and a bare date is `date`.
 */
export function upsActivityTime(activity: Pick<UpsActivity, 'date' | 'time' | 'gmtDate' | 'gmtTime' | 'gmtOffset'>): CarrierTime | null {
  const local = toLocal(activity.date, activity.time);
  const localDateTime = local?.includes('T') ? local : null;
  const offset = activity.gmtOffset ? normaliseOffset(activity.gmtOffset) : null;
  const gmt = activity.gmtDate && activity.gmtTime ? toLocal(activity.gmtDate, activity.gmtTime) : null;

  if (gmt?.includes('T')) {
    const epochMs = Date.parse(`${gmt}Z`);
    if (!Number.isNaN(epochMs)) {
      if (offset && offset !== 'Z') {
        // Usually date+time at the offset is the GMT moment itself; otherwise the GMT fields win.
        const atOffset =
          localDateTime && Date.parse(`${localDateTime}${offset}`) === epochMs
            ? `${localDateTime}${offset}`
            : formatInstantAtOffset(epochMs, offset);
        if (atOffset) return { occurredAt: atOffset, localTime: localDateTime ?? atOffset.slice(0, 19), timeKind: 'instant' };
      }
      return { occurredAt: `${gmt}Z`, localTime: localDateTime, timeKind: 'instant' };
    }
  }
  if (localDateTime && offset) {
    const instant = instantTime(localDateTime, offset);
    if (instant) return instant;
  }
  if (localDateTime) return localTime(localDateTime);
  return local ? dateOnly(local) : null;
}

type DeliveryDates = UpsPackage['deliveryDate'];
type DeliveryTime = UpsPackage['deliveryTime'];

function dateOfType(deliveryDates: DeliveryDates, type: string): string | null {
  for (const entry of deliveryDates ?? []) {
    if (entry.type?.trim().toUpperCase() !== type) continue;
    const date = toLocal(entry.date);
    if (date && !date.includes('T')) return date;
  }
  return null;
}

const WINDOW_TYPES: ReadonlySet<string> = new Set(['EDW', 'CDW', 'IDW']);

/**
 * The carrier's delivery estimate: the rescheduled date (RDD) over the scheduled one (SDD), with the
 * `deliveryTime` window when UPS gives one (EDW/CDW/IDW: start and end; CMT: committed by `endTime`).
 * UPS sends no offset for these, so times are `local`; a date without a window (EOD or none) is `date`.
 */
export function upsEstimatedDelivery(deliveryDates: DeliveryDates, deliveryTime: DeliveryTime): EstimatedDelivery | null {
  const date = dateOfType(deliveryDates, 'RDD') ?? dateOfType(deliveryDates, 'SDD');
  if (!date) return null;
  const type = deliveryTime?.type?.trim().toUpperCase() ?? '';
  const start = deliveryTime?.startTime ? toLocal(date, deliveryTime.startTime) : null;
  const end = deliveryTime?.endTime ? toLocal(date, deliveryTime.endTime) : null;
  if ((WINDOW_TYPES.has(type) && (start || end)) || (type === 'CMT' && end)) {
    return { from: type === 'CMT' ? null : start, to: end, timeKind: 'local', source: 'carrier', confidence: null };
  }
  return { from: date, to: date, timeKind: 'date', source: 'carrier', confidence: null };
}

/** The delivery moment from `deliveryDate[DEL]` and a `deliveryTime` of type DEL: local time, or a date. */
export function upsDeliveredTime(deliveryDates: DeliveryDates, deliveryTime: DeliveryTime): CarrierTime | null {
  const date = dateOfType(deliveryDates, 'DEL');
  if (!date) return null;
  const isDeliveredTime = deliveryTime?.type?.trim().toUpperCase() === 'DEL';
  const withTime = isDeliveredTime && deliveryTime?.endTime ? toLocal(date, deliveryTime.endTime) : null;
  return withTime ? localTime(withTime) : dateOnly(date);
}
