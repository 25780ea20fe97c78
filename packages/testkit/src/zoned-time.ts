/*
 * Wall-clock times in a time zone, as carriers print them. The zone's UTC offset comes from Intl once per
 * zone and quarter hour (offsets only change on those boundaries), so formatting stays cheap on the hot path.
 */

export interface ZonedTime {
  /** `YYYY-MM-DD`, local. */
  date: string;
  /** `HH:MM:SS`, local. */
  time: string;
  /** Minutes east of UTC. */
  offsetMinutes: number;
  /** `+01:00` / `-05:00`. */
  offset: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** zone → quarter hour → offset in minutes. */
const offsetCache = new Map<string, Map<number, number>>();
let cachedOffsets = 0;
const QUARTER_HOUR_MS = 15 * 60 * 1000;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `epochMs`, in minutes. */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  let byQuarter = offsetCache.get(zone);
  const cached = byQuarter?.get(quarter);
  if (cached !== undefined) return cached;
  const start = quarter * QUARTER_HOUR_MS;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(start))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = Math.round((asUtc - start) / 60_000);
  // Bounded: a long benchmark touches a few zones over a few hundred quarter hours.
  if (cachedOffsets > 50_000) {
    offsetCache.clear();
    cachedOffsets = 0;
  }
  if (!byQuarter) {
    byQuarter = new Map();
    offsetCache.set(zone, byQuarter);
  }
  byQuarter.set(quarter, offset);
  cachedOffsets += 1;
  return offset;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${two(Math.floor(absolute / 60))}:${two(absolute % 60)}`;
}

/** Date and time fields of an instant (UTC when `offsetMinutes` is 0). */
export function shiftedParts(epochMs: number, offsetMinutes: number): { date: string; time: string } {
  const shifted = new Date(epochMs + offsetMinutes * 60_000);
  return {
    date: `${shifted.getUTCFullYear()}-${two(shifted.getUTCMonth() + 1)}-${two(shifted.getUTCDate())}`,
    time: `${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}:${two(shifted.getUTCSeconds())}`,
  };
}

/** The wall-clock time at `epochMs` in `zone` (an IANA name such as `America/Chicago`). */
export function zonedTime(epochMs: number, zone: string): ZonedTime {
  const offsetMinutes = zoneOffsetMinutes(zone, epochMs);
  const { date, time } = shiftedParts(epochMs, offsetMinutes);
  return { date, time, offsetMinutes, offset: formatOffset(offsetMinutes) };
}

/** The instant of a local wall-clock time in `zone` (`date` `YYYY-MM-DD`, hour and minute local). */
export function instantOfLocal(date: string, hour: number, minute: number, zone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset on both sides of a DST change.
  let instant = asUtc - zoneOffsetMinutes(zone, asUtc) * 60_000;
  instant = asUtc - zoneOffsetMinutes(zone, instant) * 60_000;
  return instant;
}
