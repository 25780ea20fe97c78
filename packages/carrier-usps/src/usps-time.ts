import { dateOnly, formatInstantAtOffset, instantTime, normaliseOffset, parseCarrierDateTime } from '@wismo/core';
import type { CarrierTime, EstimatedDelivery } from '@wismo/core';
import { carrierEstimate, clockTime, deliverByEstimate, impliedOffset } from '@wismo/core/internal';
import type { UspsTrackingDetails, UspsTrackingEvent } from './usps-api';

const GMT_HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const MINUTE_MS = 60_000;

/**
 * An event's time. `eventTimestamp` is local wall-clock time (a trailing `Z` is bogus), `GMTTimestamp` UTC and
 * `GMTOffset` the local offset. Real responses carry a USPS quirk: when UTC falls on the next day, `GMTTimestamp`
 * keeps the local date (local 23:28 at -06:00 → `…21T05:28Z` instead of `…22T05:28Z`). So GMTTimestamp is taken
 * at the offset (it adds the seconds) only when it agrees with eventTimestamp to the minute, else eventTimestamp
 * + offset. Without GMTOffset, the two stamps imply the offset when they differ by whole quarter hours within
 * ±14 h; when they disagree, eventTimestamp stays `local`. GMTTimestamp alone is an instant in UTC.
 */
export function uspsEventTime(event: UspsTrackingEvent): CarrierTime | null {
  const parsed = parseCarrierDateTime(event.eventTimestamp, { treatZuluAsLocal: true });
  // An explicit numeric offset on eventTimestamp is taken at its word.
  if (parsed?.timeKind === 'instant') return parsed;
  const local = parsed?.timeKind === 'local' ? parsed.localTime : null;
  // A `Z` is not an offset USPS would send, so it counts as none.
  const written = normaliseOffset(event.GMTOffset ?? '');
  const given = written === 'Z' ? null : written;
  const gmt = event.GMTTimestamp?.trim();
  const utc = gmt ? Date.parse(GMT_HAS_ZONE.test(gmt) ? gmt : `${gmt}Z`) : Number.NaN;
  const offset = Number.isNaN(utc) ? null : (given ?? (local ? impliedOffset(local, utc) : 'Z'));
  // The usual case, eventTimestamp naming GMTTimestamp's minute, needs no calendar arithmetic: its seconds are spliced in.
  if (offset && local && Math.floor(Date.parse(`${local}${offset}`) / MINUTE_MS) === Math.floor(utc / MINUTE_MS)) {
    const wall = `${local.slice(0, 17)}${String(Math.floor(utc / 1000) - Math.floor(utc / MINUTE_MS) * 60).padStart(2, '0')}`;
    return { occurredAt: `${wall}${offset}`, localTime: wall, timeKind: 'instant' };
  }
  const occurredAt = offset && formatInstantAtOffset(utc, offset);
  // GMTTimestamp alone, or (the usual case) naming eventTimestamp's minute: it adds the seconds.
  if (occurredAt && (!local || occurredAt.startsWith(local.slice(0, 16))))
    return { occurredAt, localTime: offset === 'Z' ? null : occurredAt.slice(0, 19), timeKind: 'instant' };
  return local && given ? instantTime(local, given) : parsed;
}

/**
 * The carrier's delivery estimate, most specific first: `predictedDeliveryDate` with a window start and/or end
 * → a local window; `expectedDeliveryTimeStamp` ("Expected Delivery by") → `to`, midnight meaning a date only;
 * `predictedDeliveryDate` alone; `guaranteedDeliveryTimeStamp` (guaranteed-by) → `to`. USPS writes these as
 * local times; a trailing `Z` is as bogus as on eventTimestamp.
 */
export function uspsEstimatedDelivery(details: UspsTrackingDetails): EstimatedDelivery | null {
  const day = details.predictedDeliveryDate ? dateOnly(details.predictedDeliveryDate)?.localTime : null;
  const start = day ? clockTime(details.predictedDeliveryWindowStartTime) : null;
  const end = day ? clockTime(details.predictedDeliveryWindowEndTime) : null;
  if (start || end) return carrierEstimate(start && `${day}T${start}`, end && `${day}T${end}`, 'local');
  const deliverBy = (value: string | null | undefined) => deliverByEstimate(parseCarrierDateTime(value, { treatZuluAsLocal: true }));
  return deliverBy(details.expectedDeliveryTimeStamp) ?? deliverBy(day ?? details.guaranteedDeliveryTimeStamp);
}
