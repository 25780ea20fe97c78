import { TZDate, tzOffset } from '@date-fns/tz';
import { normaliseOffset } from './carrier-time';

/*
 * Calendar arithmetic in a time zone, on date-fns 4 and @date-fns/tz (DST rules come from Intl through them).
 * Carriers, the testkit and the order view use these instead of offset helpers of their own.
 */

export interface WallClock {
  /** `YYYY-MM-DD`, local. */
  date: string;
  /** `HH:mm:ss`, local. */
  time: string;
  /** Minutes east of UTC. */
  offsetMinutes: number;
  /** `+01:00` / `-05:00`. */
  offset: string;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `-300` → `-05:00`. */
export function formatOffset(offsetMinutes: number): string {
  const absolute = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(absolute / 60))}:${two(absolute % 60)}`;
}

/** The UTC offset of an IANA zone (`America/Chicago`) or a fixed offset (`+05:30`) at an instant, in minutes. */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  return tzOffset(zone, new Date(epochMs));
}

/** The wall clock of an instant at a fixed offset in minutes; null outside the years 0000–9999 (no expanded years). */
function wallClockAt(epochMs: number, offsetMinutes: number): { date: string; time: string } | null {
  const shifted = new Date(epochMs + offsetMinutes * 60_000);
  const year = shifted.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) return null;
  return {
    date: `${String(year).padStart(4, '0')}-${two(shifted.getUTCMonth() + 1)}-${two(shifted.getUTCDate())}`,
    time: `${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}:${two(shifted.getUTCSeconds())}`,
  };
}

let lastFormatted = { epochMs: Number.NaN, text: '' };

/**
 * `Date#toISOString` (`2026-01-15T12:00:00.000Z`), written out: V8 formats it in C++ at about 0.4 µs a call, a
 * tenth of normalising a small shipment. Years outside 0000–9999 (and invalid dates) are left to `toISOString`.
 */
export function formatUtcTimestamp(date: Date): string {
  // A parse function stamps every shipment of an answer with one fetch time: that one is written once.
  const epochMs = date.getTime();
  if (epochMs !== lastFormatted.epochMs) lastFormatted = { epochMs, text: writeUtcTimestamp(date) };
  return lastFormatted.text;
}

function writeUtcTimestamp(date: Date): string {
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return date.toISOString();
  const milliseconds = date.getUTCMilliseconds();
  const fraction = milliseconds < 10 ? `00${milliseconds}` : milliseconds < 100 ? `0${milliseconds}` : String(milliseconds);
  return `${String(year).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${fraction}Z`;
}

/** The wall-clock time of an instant in a zone (IANA name or fixed offset); null outside the years 0000–9999. */
export function wallClockInZone(epochMs: number, zone: string): WallClock | null {
  const offsetMinutes = zoneOffsetMinutes(zone, epochMs);
  if (Number.isNaN(offsetMinutes)) return null;
  const parts = wallClockAt(epochMs, offsetMinutes);
  return parts ? { ...parts, offsetMinutes, offset: formatOffset(offsetMinutes) } : null;
}

/**
 * An instant written at a carrier's offset: `2021-02-10T02:47:00-05:00`. Null when the offset is not
 * `±HH:MM`-like or the wall clock falls outside the years 0000–9999 (ISO 8601 without expanded years).
 */
export function formatInstantAtOffset(epochMs: number, offset: string): string | null {
  const normalised = normaliseOffset(offset);
  if (!normalised || !Number.isFinite(epochMs)) return null;
  const offsetMinutes =
    normalised === 'Z' ? 0 : (normalised.startsWith('-') ? -1 : 1) * (Number(normalised.slice(1, 3)) * 60 + Number(normalised.slice(4, 6)));
  const parts = wallClockAt(epochMs, offsetMinutes);
  return parts ? `${parts.date}T${parts.time}${normalised}` : null;
}

/**
 * The instant of a local wall-clock time in a zone (`2026-03-08`, 02:30 in `America/New_York`). A time
 * skipped by a DST change moves forward by the gap, as date-fns does; an ambiguous one takes the first.
 */
export function instantOfWallClock(date: string, hour: number, minute: number, zone: string, second = 0): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, hour, minute, second, zone).getTime();
}
