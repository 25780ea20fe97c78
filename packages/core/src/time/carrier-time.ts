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
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** Joins a compact `YYYYMMDD` date and `HHMMSS` / `HH:MM:SS` / `HHMM` time into `YYYY-MM-DDTHH:mm:ss`. */
export function joinCompactDateTime(date: string | null | undefined, time?: string | null): string | null {
  if (!date) return null;
  const digits = date.replace(/-/g, '');
  if (!/^\d{8}$/.test(digits)) return null;
  const isoDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (time === undefined || time === null || time.trim() === '') return isoDate;
  const timeDigits = time.replace(/:/g, '').trim();
  if (!/^\d{3,6}$/.test(timeDigits)) return null;
  // UPS writes "74700" for 07:47:00: pad on the left to HHMMSS (or HHMM).
  const padded = timeDigits.length <= 4 ? timeDigits.padStart(4, '0') + '00' : timeDigits.padStart(6, '0');
  return `${isoDate}T${padded.slice(0, 2)}:${padded.slice(2, 4)}:${padded.slice(4, 6)}`;
}
