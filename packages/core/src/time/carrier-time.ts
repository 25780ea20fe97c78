import { z } from 'zod';
import { SORTABLE_TIME, instantTextEpochMs, sortableEpochMs, twoDigitsAt } from './sortable-time';

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

/*
 * Every ISO-8601-like carrier time: a date, then optionally a time (seconds and fraction optional) and, after a
 * time, an offset. The pattern checks each field's range itself, so the fields sit at fixed places and the offset
 * ends the string: one regex test per time, and only a day past the 28th needs the calendar.
 */
const DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:\s*(?:Z|z|[+-]\d{2}(?::?\d{2})?))?)?$/;
// `±hh`, `±hhmm`, `±hh:mm`, and each with a single-digit hour (`-7`, `-700`, `-7:00`, as USPS writes them).
const OFFSET = /^([+-])(\d{1,2}):?(\d{2})?$/;

/** `±HH:MM` from its parts; null beyond ±14:59. `written` is kept when it is already in that form. */
function offsetOf(sign: string, hours: string, minutes: string, written: string): string | null {
  if (hours > '14' || minutes > '59') return null;
  return written.length === 6 ? written : `${sign}${hours}:${minutes}`;
}

/** `+0200` → `+02:00`, `-05` → `-05:00`, `-7` → `-07:00`, `Z` → `Z`; anything else → null. */
export function normaliseOffset(offset: string): string | null {
  const trimmed = offset.trim();
  if (trimmed === 'Z' || trimmed === 'z') return 'Z';
  const match = OFFSET.exec(trimmed);
  if (!match) return null;
  const [, sign = '', hours = '', minutes = '00'] = match;
  return offsetOf(sign, hours.length === 1 ? `0${hours}` : hours, minutes, trimmed);
}

/**
 * The wall clock of a string `DATE_TIME` matched, as `YYYY-MM-DDTHH:mm:ss` (or `YYYY-MM-DD`); null when the day
 * is not in its month. Written that way already (the usual case), its prefix is returned rather than rebuilt.
 */
function wallClockOf(matched: string): string | null {
  const day = twoDigitsAt(matched, 8);
  if (day > 28 && !isValidCalendarDate(Number(matched.slice(0, 4)), twoDigitsAt(matched, 5), day)) return null;
  if (matched.length === 10) return matched;
  const hasSeconds = matched.charCodeAt(16) === 58; // `:`
  if (hasSeconds && matched.charCodeAt(10) === 84) return matched.slice(0, 19); // `T`
  return `${matched.slice(0, 10)}T${matched.slice(11, 16)}:${hasSeconds ? matched.slice(17, 19) : '00'}`;
}

/**
 * Where the zone of a string `DATE_TIME` matched starts; its length when it has none. Past the date only a zone
 * holds a letter or a sign, and it ends the string: read from the end, matching needs no capture (a capture costs
 * a match array per time) and the zone no copy.
 */
function zoneStartOf(matched: string): number {
  const last = matched.length - 1;
  const lastCode = matched.charCodeAt(last);
  if (lastCode === 90 || lastCode === 122) return last; // `Z`, `z`
  // `+01`, `+0100`, `+01:00`: the sign is 3, 5 or 6 characters from the end, after the date's own dashes.
  for (let index = last - 2; index >= last - 5 && index > 10; index--) {
    const code = matched.charCodeAt(index);
    if (code === 43 || code === 45) return index;
  }
  return matched.length;
}

/** The `+01` / `+0100` / `+01:00` ending a string `DATE_TIME` matched, at `start`, as `±HH:MM`; null beyond ±14:59. */
function offsetEnding(matched: string, start: number): string | null {
  const length = matched.length - start;
  const hours = twoDigitsAt(matched, start + 1);
  const minutes = length === 3 ? 0 : twoDigitsAt(matched, matched.length - 2);
  if (hours > 14 || minutes > 59) return null;
  if (length === 6) return matched.slice(start);
  return `${matched.slice(start, start + 3)}:${length === 3 ? '00' : matched.slice(start + 3)}`;
}

/** Validates and normalises a wall-clock time to `YYYY-MM-DDTHH:mm:ss` (or `YYYY-MM-DD` for a bare date). */
export function normaliseLocalDateTime(value: string): string | null {
  const trimmed = value.trim();
  // An offset is not a wall-clock time.
  if (!DATE_TIME.test(trimmed) || zoneStartOf(trimmed) !== trimmed.length) return null;
  return wallClockOf(trimmed);
}

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Not Date.UTC: it reads the years 0–99 as 1900–1999, whose leap years differ (year 0 is leap, 1900 is not).
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= daysInMonth;
}

/**
 * An instant from a validated wall clock and offset. Every such string is one `Date.parse` reads (years
 * 0000–9999, offsets up to ±14:59), so it is not parsed again here.
 */
function instantOf(local: string, offset: string, written?: string): CarrierTime {
  // With a `Z` the wall clock at the location is unknown: we do not pretend UTC is local.
  return { occurredAt: written ?? `${local}${offset}`, localTime: offset === 'Z' ? null : local, timeKind: 'instant' };
}

/**
 * Whether a string `DATE_TIME` matched is `YYYY-MM-DDTHH:mm:ss` and then its zone (at `zoneStart`), nothing between.
 * Then, with a zone already in the form core writes, the carrier's own string is the instant: one flat string, where
 * a joined copy would be flattened again by every comparison, regex and hash that reads it (sorting, de-duplicating).
 */
function isWallClockThenZone(matched: string, zoneStart: number): boolean {
  return zoneStart === 19 && matched.charCodeAt(10) === 84 && matched.charCodeAt(16) === 58; // `T`, `:`
}

/** A time whose offset is known. `localTime` is derived from the same string, so both stay consistent. */
export function instantTime(localDateTime: string, offset: string): CarrierTime | null {
  const local = normaliseLocalDateTime(localDateTime);
  const normalisedOffset = normaliseOffset(offset);
  if (!local || !normalisedOffset || local.length === 10) return null;
  return instantOf(local, normalisedOffset);
}

function localTimeOf(local: string): CarrierTime {
  return { occurredAt: null, localTime: local, timeKind: local.length === 10 ? 'date' : 'local' };
}

/** A wall-clock time without a known offset. Never gains a `Z`. */
export function localTime(localDateTime: string): CarrierTime | null {
  const local = normaliseLocalDateTime(localDateTime);
  return local ? localTimeOf(local) : null;
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
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!DATE_TIME.test(trimmed)) return null;
  const local = wallClockOf(trimmed);
  if (!local) return null;
  const zoneStart = zoneStartOf(trimmed);
  if (zoneStart === trimmed.length) return localTimeOf(local);
  const written = isWallClockThenZone(trimmed, zoneStart) ? trimmed : undefined;
  const sign = trimmed.charCodeAt(zoneStart);
  if (sign !== 43 && sign !== 45) {
    // `Z` or `z`: only an upper-case `Z` is written as core writes it.
    if (options.treatZuluAsLocal) return localTimeOf(local);
    return instantOf(local, 'Z', sign === 90 ? written : undefined);
  }
  // `+01`, `+0100` or `+01:00`; only the last is written as core writes it.
  const offset = offsetEnding(trimmed, zoneStart);
  return offset ? instantOf(local, offset, trimmed.length - zoneStart === 6 ? written : undefined) : null;
}

/** The UTC instant in epoch milliseconds, or null when the offset is unknown. */
export function instantEpochMs(time: CarrierTime): number | null {
  if (time.timeKind !== 'instant' || !time.occurredAt) return null;
  const epoch = instantTextEpochMs(time.occurredAt);
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
  // A sortable wall clock (10 or 19 characters, no offset) is read from its fields; any other text as before.
  const sortable = time.localTime.length <= 19 && SORTABLE_TIME.test(time.localTime) ? sortableEpochMs(time.localTime) : null;
  if (sortable !== null) return sortable;
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
