import { dateOnly, instantTime, parseCarrierDateTime, type CarrierTime, type EstimatedDelivery } from '@wismo/core';

const OFFSET = /^([+-])(\d{1,2})(?::?(\d{2}))?$/;
const GMT_HAS_ZONE = /(Z|z|[+-]\d{2}:?\d{2})$/;
const CLOCK = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$|^(\d{1,2}):(\d{2})(?::(\d{2}))?$/i;
const MINUTE_MS = 60_000;

/** `-05:00`, `-5:00` (the spec's own example is `-7:00`), `-0500`, `+05:30` → `±HH:MM`; anything else → null. */
export function normaliseUspsOffset(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const match = OFFSET.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return `${match[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** Wall-clock `YYYY-MM-DDTHH:mm:ss` of an epoch shifted by `minutes`. */
function wallClock(epochMs: number, minutes: number): string {
  return new Date(epochMs + minutes * MINUTE_MS).toISOString().slice(0, 19);
}

/** `GMTTimestamp` is UTC by definition: a missing zone means `Z`. */
function gmtEpoch(value: string | null | undefined): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim();
  const epoch = Date.parse(GMT_HAS_ZONE.test(trimmed) ? trimmed : `${trimmed}Z`);
  return Number.isNaN(epoch) ? null : epoch;
}

export interface UspsEventTimeFields {
  eventTimestamp?: string | null;
  GMTTimestamp?: string | null;
  GMTOffset?: string | null;
}

/**
 * An event's time. `eventTimestamp` is local wall-clock time (a trailing `Z` is bogus), `GMTTimestamp` UTC and
 * `GMTOffset` the local offset. Real responses carry a USPS quirk: when UTC falls on the next day, `GMTTimestamp`
 * keeps the local date (local 23:28 at -06:00 → `…21T05:28Z` instead of `…22T05:28Z`). So:
 * - offset known: GMTTimestamp shifted by the offset when it agrees with eventTimestamp to the minute (it adds the
 *   seconds), else eventTimestamp + offset → `instant`;
 * - no offset: eventTimestamp and GMTTimestamp together imply the offset when they differ by whole quarter hours
 *   within ±14 h → `instant`; when they disagree, eventTimestamp → `local`; GMTTimestamp alone → `instant` in UTC;
 * - neither GMT field → `local` (or `date`), never stamped `Z`.
 */
export function uspsEventTime(fields: UspsEventTimeFields): CarrierTime | null {
  return fastEventTime(fields) ?? generalEventTime(fields);
}

const NO_GMT_FIELDS = (value: string | null | undefined) => value === undefined || value === null || value === '';

// The shape of nearly every real event: `2024-11-22T13:58:00`, `2024-11-22T18:58:40Z`, `-05:00`.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Non-negative integer of `length` ASCII digits at `start`, or -1. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}

/**
 * Minutes since the epoch of `YYYY-MM-DDTHH:mm:ss` at the start of `text`, read as UTC; null when it is not
 * exactly that shape or a field is out of range. `rest` says what may follow: the bogus `Z`, or `Z` with
 * optional fractions of a second.
 */
function plainMinutes(text: string, rest: 'optional-z' | 'z-with-fraction'): number | null {
  const length = text.length;
  if (length < 19) return null;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  if (rest === 'optional-z') {
    if (length > 20 || (length === 20 && text.charCodeAt(19) !== 90)) return null;
  } else if (text.charCodeAt(length - 1) !== 90 || (length > 20 && (text.charCodeAt(19) !== 46 || length > 30 || digitsAt(text, 20, length - 21) < 0))) {
    return null;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return null;
  return daysFromCivil(year, month, day) * 1440 + hour * 60 + minute;
}

/**
 * The same rules as `generalEventTime` for the two common shapes (all three fields, or eventTimestamp alone), with
 * integer arithmetic instead of repeated string and date parsing: this runs once per event. Returns undefined to
 * defer to the general path.
 */
function fastEventTime(fields: UspsEventTimeFields): CarrierTime | undefined {
  const { eventTimestamp, GMTTimestamp, GMTOffset } = fields;
  if (typeof eventTimestamp !== 'string') return undefined;
  if (NO_GMT_FIELDS(GMTTimestamp) && NO_GMT_FIELDS(GMTOffset)) {
    // Local time only (label and partner events): a plain timestamp, its bogus `Z` dropped.
    return plainMinutes(eventTimestamp, 'optional-z') === null ? undefined : { occurredAt: null, localTime: eventTimestamp.slice(0, 19), timeKind: 'local' };
  }
  if (typeof GMTTimestamp !== 'string' || typeof GMTOffset !== 'string') return undefined;
  // `±HH:MM` only; other spellings go the general way.
  const sign = GMTOffset.charCodeAt(0);
  const offsetHours = digitsAt(GMTOffset, 1, 2);
  const offsetMinutesPart = digitsAt(GMTOffset, 4, 2);
  if (GMTOffset.length !== 6 || (sign !== 43 && sign !== 45) || GMTOffset.charCodeAt(3) !== 58 || offsetHours < 0 || offsetHours > 14 || offsetMinutesPart < 0 || offsetMinutesPart > 59) {
    return undefined;
  }
  const local = plainMinutes(eventTimestamp, 'optional-z');
  const utc = local === null ? null : plainMinutes(GMTTimestamp, 'z-with-fraction');
  if (local === null || utc === null) return undefined;
  const shift = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutesPart);
  // GMTTimestamp agrees with the local clock to the minute: take its seconds; else trust local + offset.
  const seconds = utc + shift === local ? GMTTimestamp.slice(17, 19) : eventTimestamp.slice(17, 19);
  const localTime = `${eventTimestamp.slice(0, 17)}${seconds}`;
  return { occurredAt: `${localTime}${GMTOffset}`, localTime, timeKind: 'instant' };
}

/** The general path of `uspsEventTime` (every spelling); the fast path must agree with it (property-tested). */
export function generalEventTime(fields: UspsEventTimeFields): CarrierTime | null {
  const parsed = parseCarrierDateTime(fields.eventTimestamp, { treatZuluAsLocal: true });
  // An explicit numeric offset on eventTimestamp is taken at its word.
  if (parsed?.timeKind === 'instant') return parsed;
  const local = parsed?.timeKind === 'local' ? parsed.localTime : null;
  const offset = normaliseUspsOffset(fields.GMTOffset);
  const utc = gmtEpoch(fields.GMTTimestamp);

  if (offset) {
    const shift = offsetMinutes(offset);
    if (utc !== null) {
      const wall = wallClock(utc, shift);
      if (!local || wall.slice(0, 16) === local.slice(0, 16)) return instantTime(wall, offset);
    }
    if (local) return instantTime(local, offset);
  }
  if (utc !== null) {
    if (!local) return instantTime(wallClock(utc, 0), 'Z');
    const implied = impliedOffset(local, utc);
    return implied ? instantTime(wallClock(utc, offsetMinutes(implied)), implied) : parsed;
  }
  return parsed;
}

function impliedOffset(local: string, utcMs: number): string | null {
  const localMinutes = Math.floor(Date.parse(`${local}Z`) / MINUTE_MS);
  const utcMinutes = Math.floor(utcMs / MINUTE_MS);
  const difference = localMinutes - utcMinutes;
  if (difference % 15 !== 0 || difference < -12 * 60 || difference > 14 * 60) return null;
  const absolute = Math.abs(difference);
  return `${difference < 0 ? '-' : '+'}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** `10:05`, `10:05:00`, `10:05am`, `2:05 PM`, `9pm` → `HH:mm:ss`; else null. */
export function parseUspsClock(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const match = CLOCK.exec(value.trim());
  if (!match) return null;
  let hours: number;
  let minutes: number;
  let seconds: number;
  if (match[4]) {
    hours = Number(match[1]) % 12 + (match[4].toLowerCase() === 'p' ? 12 : 0);
    minutes = Number(match[2] ?? '0');
    seconds = Number(match[3] ?? '0');
    if (Number(match[1]) > 12 || Number(match[1]) === 0) return null;
  } else {
    hours = Number(match[5]);
    minutes = Number(match[6]);
    seconds = Number(match[7] ?? '0');
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export interface UspsDeliveryEstimateFields {
  expectedDeliveryTimeStamp?: string | null;
  predictedDeliveryDate?: string | null;
  predictedDeliveryWindowStartTime?: string | null;
  predictedDeliveryWindowEndTime?: string | null;
  guaranteedDeliveryTimeStamp?: string | null;
}

/**
 * The carrier's delivery estimate, most specific first:
 * 1. `predictedDeliveryDate` with a window start and/or end time → a local window;
 * 2. `expectedDeliveryTimeStamp` ("Expected Delivery by"): a time → `to` (local); midnight means a date only;
 * 3. `predictedDeliveryDate` alone → that date;
 * 4. `guaranteedDeliveryTimeStamp` (guaranteed-by) → `to`.
 * USPS writes these as local times; a trailing `Z` is read as bogus, like eventTimestamp's.
 */
export function uspsEstimatedDelivery(fields: UspsDeliveryEstimateFields): EstimatedDelivery | null {
  const predictedDate = fields.predictedDeliveryDate ? dateOnly(fields.predictedDeliveryDate) : null;
  if (predictedDate?.localTime) {
    const start = parseUspsClock(fields.predictedDeliveryWindowStartTime);
    const end = parseUspsClock(fields.predictedDeliveryWindowEndTime);
    if (start || end) {
      const day = predictedDate.localTime;
      return carrierEstimate(start ? `${day}T${start}` : null, end ? `${day}T${end}` : null, 'local');
    }
  }
  const expected = deliverBy(fields.expectedDeliveryTimeStamp);
  if (expected) return expected;
  if (predictedDate?.localTime) return carrierEstimate(predictedDate.localTime, predictedDate.localTime, 'date');
  return deliverBy(fields.guaranteedDeliveryTimeStamp);
}

function deliverBy(value: string | null | undefined): EstimatedDelivery | null {
  const time = parseCarrierDateTime(value, { treatZuluAsLocal: true });
  if (!time) return null;
  if (time.timeKind === 'instant') return carrierEstimate(null, time.occurredAt, 'instant');
  const local = time.localTime!;
  if (time.timeKind === 'date' || local.endsWith('T00:00:00')) {
    const day = local.slice(0, 10);
    return carrierEstimate(day, day, 'date');
  }
  return carrierEstimate(null, local, 'local');
}

function carrierEstimate(from: string | null, to: string | null, timeKind: EstimatedDelivery['timeKind']): EstimatedDelivery {
  return { from, to, timeKind, source: 'carrier', confidence: null };
}
