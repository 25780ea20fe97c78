import {
  dateOnly,
  formatInstantAtOffset,
  formatOffset,
  instantTime,
  localTime,
  normaliseOffset,
  parseCarrierDateTime,
  type CarrierTime,
  type EstimatedDelivery,
} from '@wismo/core';

const GMT_HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const SINGLE_DIGIT_HOUR = /^([+-])(\d)(?=$|:?\d{2}$)/;
const CLOCK = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$|^(\d{1,2}):(\d{2})(?::(\d{2}))?$/i;
const MINUTE_MS = 60_000;

/**
 * `-05:00`, `-5:00` (the spec's own example is `-7:00`), `-7`, `-0500`, `+05:30` → `±HH:MM`; anything else → null.
 * `GMTOffset` is always numeric: a `Z` there is not an offset USPS would send, so it counts as none.
 */
export function normaliseUspsOffset(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  // Every event of a response repeats one or two offsets: remember the last one read.
  if (value === lastOffset.value) return lastOffset.normalised;
  const trimmed = value.trim();
  const offset = normaliseOffset(trimmed.length === 6 ? trimmed : trimmed.replace(SINGLE_DIGIT_HOUR, '$10$2'));
  lastOffset = { value, normalised: offset === 'Z' ? null : offset };
  return lastOffset.normalised;
}
let lastOffset: { value: string | null; normalised: string | null } = { value: null, normalised: null };

/** `GMTTimestamp` is UTC by definition: a missing zone means `Z` (Date.parse would read it as the machine's time). */
function gmtEpoch(value: string | null | undefined): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim();
  const epoch = Date.parse(trimmed.endsWith('Z') || GMT_HAS_ZONE.test(trimmed) ? trimmed : `${trimmed}Z`);
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
  const { eventTimestamp } = fields;
  // Nearly every eventTimestamp is a plain local time (a trailing `Z` is bogus): read it as one before looking for a zone.
  const plain =
    typeof eventTimestamp === 'string' && (eventTimestamp.length === 19 || (eventTimestamp.length === 20 && eventTimestamp.endsWith('Z')));
  const parsed =
    (plain ? localTime(eventTimestamp.slice(0, 19)) : null) ?? parseCarrierDateTime(eventTimestamp, { treatZuluAsLocal: true });
  // An explicit numeric offset on eventTimestamp is taken at its word.
  if (parsed?.timeKind === 'instant') return parsed;
  const local = parsed?.timeKind === 'local' ? parsed.localTime : null;
  const offset = normaliseUspsOffset(fields.GMTOffset);
  const utc = gmtEpoch(fields.GMTTimestamp);

  if (offset) {
    if (local && utc !== null) {
      // The usual case: both name the same minute, and GMTTimestamp adds the seconds.
      if (Math.floor(Date.parse(`${local}${offset}`) / MINUTE_MS) === Math.floor(utc / MINUTE_MS)) {
        const wall = `${local.slice(0, 17)}${String(Math.floor(utc / 1000) - Math.floor(utc / MINUTE_MS) * 60).padStart(2, '0')}`;
        return { occurredAt: `${wall}${offset}`, localTime: wall, timeKind: 'instant' };
      }
    } else if (utc !== null) {
      const atOffset = formatInstantAtOffset(utc, offset);
      if (atOffset) return { occurredAt: atOffset, localTime: atOffset.slice(0, 19), timeKind: 'instant' };
    }
    if (local) return instantTime(local, offset);
  }
  if (utc !== null) {
    if (!local) {
      const atUtc = formatInstantAtOffset(utc, 'Z');
      return atUtc ? instantTime(atUtc.slice(0, 19), 'Z') : parsed;
    }
    const implied = impliedOffset(local, utc);
    const atImplied = implied ? formatInstantAtOffset(utc, implied) : null;
    return atImplied ? instantTime(atImplied.slice(0, 19), implied!) : parsed;
  }
  return parsed;
}

/** The offset that turns `utcMs` into the wall clock `local`, when it is whole quarter hours within ±14 h. */
function impliedOffset(local: string, utcMs: number): string | null {
  const difference = Math.floor(Date.parse(`${local}Z`) / MINUTE_MS) - Math.floor(utcMs / MINUTE_MS);
  if (Number.isNaN(difference) || difference % 15 !== 0 || difference < -12 * 60 || difference > 14 * 60) return null;
  return formatOffset(difference);
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
    hours = (Number(match[1]) % 12) + (match[4].toLowerCase() === 'p' ? 12 : 0);
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
