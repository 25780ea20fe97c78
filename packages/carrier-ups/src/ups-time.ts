import { carrierEstimate } from '@wismo/core/internal';
import { formatInstantAtOffset, instantTime, joinCompactDateTime, localTime, normaliseOffset } from '@wismo/core';
import type { CarrierTime, EstimatedDelivery } from '@wismo/core';
import type { UpsPackage, UpsScanTime } from './ups-api';

/**
 * The time of one activity: `date`+`time` are the scan's wall clock, `gmtDate`+`gmtTime` the same moment in GMT. With
 * the GMT fields it is an instant at `gmtOffset` (`Z` without one, or when the wall clock there would leave the years
 * 0000–9999), `localTime` staying `date`+`time`. Without them `gmtOffset` alone makes `date`+`time` an instant; with
 * no offset the time is `local` (never stamped `Z`), and a bare date is `date`.
 */
export function upsActivityTime({ date, time, gmtDate, gmtTime, gmtOffset }: UpsScanTime): CarrierTime | null {
  const local = joinCompactDateTime(date, time);
  const gmt = joinCompactDateTime(gmtDate, gmtTime);
  if (gmt?.includes('T')) {
    // The GMT fields win over a date+time that disagrees with them.
    const atOffset = gmtOffset && normaliseOffset(gmtOffset) !== 'Z' ? formatInstantAtOffset(Date.parse(`${gmt}Z`), gmtOffset) : null;
    const localDateTime = local?.includes('T') ? local : atOffset?.slice(0, 19);
    return { occurredAt: atOffset ?? `${gmt}Z`, localTime: localDateTime ?? null, timeKind: 'instant' };
  }
  // `instantTime` takes no bare date, `localTime` makes one a `date`.
  const instant = local && gmtOffset ? instantTime(local, gmtOffset) : null;
  return instant ?? (local ? localTime(local) : null);
}

/** The first readable `YYYYMMDD` date of the type, as `YYYY-MM-DD`. */
function dateOfType(deliveryDates: UpsPackage['deliveryDate'], type: string): string | null {
  const entry = deliveryDates?.find((candidate) => candidate.type?.trim().toUpperCase() === type && joinCompactDateTime(candidate.date));
  return joinCompactDateTime(entry?.date);
}

const WINDOW_TYPES: ReadonlySet<string> = new Set(['EDW', 'CDW', 'IDW']);

/**
 * The carrier's delivery estimate: the rescheduled date (RDD) over the scheduled one (SDD), with the `deliveryTime`
 * window when UPS gives one (EDW/CDW/IDW: start and end; CMT: committed by `endTime`). UPS sends no offset for these,
 * so times are `local`; a date without a window (EOD or none) is `date`.
 */
export function upsEstimatedDelivery({ deliveryDate, deliveryTime }: UpsPackage): EstimatedDelivery | null {
  const date = dateOfType(deliveryDate, 'RDD') ?? dateOfType(deliveryDate, 'SDD');
  if (!date) return null;
  const type = deliveryTime?.type?.trim().toUpperCase() ?? '';
  const start = deliveryTime?.startTime ? joinCompactDateTime(date, deliveryTime.startTime) : null;
  const end = deliveryTime?.endTime ? joinCompactDateTime(date, deliveryTime.endTime) : null;
  if (type === 'CMT' && end) return carrierEstimate(null, end, 'local');
  return WINDOW_TYPES.has(type) && (start || end) ? carrierEstimate(start, end, 'local') : carrierEstimate(date, date, 'date');
}

/** The delivery moment from `deliveryDate[DEL]` and a `deliveryTime` of type DEL: local time, or a date. */
export function upsDeliveredTime({ deliveryDate, deliveryTime }: UpsPackage): CarrierTime | null {
  const date = dateOfType(deliveryDate, 'DEL');
  const endTime = deliveryTime?.type?.trim().toUpperCase() === 'DEL' ? deliveryTime.endTime : undefined;
  return date ? localTime(joinCompactDateTime(date, endTime) ?? date) : null;
}
