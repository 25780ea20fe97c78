import { z } from 'zod';

/**
 * How much of an event's time the carrier told us:
 * - `instant`: the offset is known, so `occurredAt` is a true point in time (ISO 8601 with offset);
 * - `local`: only the wall-clock time at the event's location (`localTime`, no offset);
 * - `date`: only the calendar date (`localTime` is `YYYY-MM-DD`).
 */
export const timeKindSchema = z.enum(['instant', 'local', 'date']);
export type TimeKind = z.infer<typeof timeKindSchema>;

export const carrierTimeSchema = z.object({
  /** ISO 8601 with the carrier's offset (or `Z` when the carrier sent UTC). Only set for `instant`. */
  occurredAt: z.string().nullable(),
  /** Wall-clock time where the event happened, `YYYY-MM-DDTHH:mm:ss` or `YYYY-MM-DD`, never with an offset. */
  localTime: z.string().nullable(),
  timeKind: timeKindSchema,
});
export type CarrierTime = z.infer<typeof carrierTimeSchema>;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

/** `+0200` → `+02:00`, `-05` → `-05:00`, `Z` → `Z`; anything else → null. */
export function normaliseOffset(offset: string): string | null {
  const trimmed = offset.trim();
  if (trimmed === 'Z' || trimmed === 'z') return 'Z';
  // `+0200`, `+02:00`, `+02`, and `-7:00` (single-digit hours, as in the USPS spec example).
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(trimmed) ?? /^([+-])(\d):(\d{2})$/.exec(trimmed);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return `${match[1]}${String(hours).padStart(2, '0')}:${match[3] ?? '00'}`;
}

/** Validates and normalises a wall-clock time to `YYYY-MM-DDTHH:mm:ss` (or `YYYY-MM-DD` for a bare date). */
export function normaliseLocalDateTime(value: string): string | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const date = `${year}-${month}-${day}`;
  if (!isValidCalendarDate(Number(year), Number(month), Number(day))) return null;
  if (hour === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? '0') > 59) return null;
  return `${date}T${hour}:${minute}:${second ?? '00'}`;
}

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Not Date.UTC: it reads the years 0–99 as 1900–1999, whose leap years differ (year 0 is leap, 1900 is not).
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= daysInMonth;
}

/** A time whose offset is known. `localTime` is derived from the same string, so both stay consistent. */
export function instantTime(localDateTime: string, offset: string): CarrierTime | null {
  const local = normaliseLocalDateTime(localDateTime);
  const normalisedOffset = normaliseOffset(offset);
  if (!local || !normalisedOffset || !local.includes('T')) return null;
  const occurredAt = `${local}${normalisedOffset}`;
  if (Number.isNaN(Date.parse(occurredAt))) return null;
  // With a `Z` the wall clock at the location is unknown: we do not pretend UTC is local.
  return { occurredAt, localTime: normalisedOffset === 'Z' ? null : local, timeKind: 'instant' };
}

/** A wall-clock time without a known offset. Never gains a `Z`. */
export function localTime(localDateTime: string): CarrierTime | null {
  const local = normaliseLocalDateTime(localDateTime);
  if (!local) return null;
  return { occurredAt: null, localTime: local, timeKind: local.includes('T') ? 'local' : 'date' };
}

/** A calendar date only. */
export function dateOnly(date: string): CarrierTime | null {
  const local = normaliseLocalDateTime(date);
  if (!local) return null;
  return { occurredAt: null, localTime: local.slice(0, 10), timeKind: 'date' };
}

/**
 * Reads an ISO-8601-like carrier string: with an offset it is an instant, without one it is local time.
 * `treatZuluAsLocal` is for carriers known to suffix local times with a bogus `Z` (USPS `eventTimestamp`).
 */
export function parseCarrierDateTime(value: string | null | undefined, options: { treatZuluAsLocal?: boolean } = {}): CarrierTime | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim();
  const zoned = ISO_WITH_ZONE.exec(trimmed);
  if (zoned) {
    const [, local = '', zone = ''] = zoned;
    if (options.treatZuluAsLocal && (zone === 'Z' || zone === 'z')) return localTime(local);
    return instantTime(local, zone);
  }
  return localTime(trimmed);
}

/** The UTC instant in epoch milliseconds, or null when the offset is unknown. */
export function instantEpochMs(time: CarrierTime): number | null {
  if (time.timeKind !== 'instant' || !time.occurredAt) return null;
  const epoch = Date.parse(time.occurredAt);
  return Number.isNaN(epoch) ? null : epoch;
}

/**
 * A key for ordering events whose offsets may be unknown. Instants use their true epoch; local and
 * date-only times are read as if they were UTC, which can be off by the zone's offset (at most 14 h).
 * Carrier order breaks ties, so events from one carrier keep their relative order.
 */
export function approximateEpochMs(time: CarrierTime): number {
  const instant = instantEpochMs(time);
  if (instant !== null) return instant;
  if (!time.localTime) return Number.NEGATIVE_INFINITY;
  const iso = time.localTime.includes('T') ? `${time.localTime}Z` : `${time.localTime}T00:00:00Z`;
  const epoch = Date.parse(iso);
  return Number.isNaN(epoch) ? Number.NEGATIVE_INFINITY : epoch;
}

const COMPACT_DATE = /^(\d{4})-?(\d{2})-?(\d{2})$/;
const COMPACT_TIME = /^\d{3,6}$/;

/**
 * Joins a compact `YYYYMMDD` date and a `HHMMSS` / `HH:MM:SS` / `HHMM` time into a valid local
 * `YYYY-MM-DDTHH:mm:ss` (or `YYYY-MM-DD` without a time); null when either is not a real date or time.
 */
export function joinCompactDateTime(date: string | null | undefined, time?: string | null): string | null {
  if (!date) return null;
  const dateMatch = COMPACT_DATE.exec(date);
  if (!dateMatch) return null;
  const [, year = '', month = '', day = ''] = dateMatch;
  if (!isValidCalendarDate(Number(year), Number(month), Number(day))) return null;
  const isoDate = `${year}-${month}-${day}`;
  if (time === undefined || time === null || time.trim() === '') return isoDate;
  const timeDigits = time.includes(':') ? time.replace(/:/g, '').trim() : time.trim();
  if (!COMPACT_TIME.test(timeDigits)) return null;
  // UPS writes "74700" for 07:47:00: pad on the left to HHMMSS (or HHMM).
  const padded = timeDigits.length <= 4 ? timeDigits.padStart(4, '0') + '00' : timeDigits.padStart(6, '0');
  const hour = padded.slice(0, 2);
  const minute = padded.slice(2, 4);
  const second = padded.slice(4, 6);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  return `${isoDate}T${hour}:${minute}:${second}`;
}
