import type { CalendarDate } from './calendar-date';

const MINUTE = 60_000;
// Every time-zone transition in use falls on a quarter hour (UTC), so offsets are cached per quarter hour.
const OFFSET_BUCKET = 15 * MINUTE;
const OFFSET_CACHE_LIMIT = 20_000;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
// Zone → quarter-hour bucket → offset. Numeric keys: this lookup runs for every event of every view.
const offsetCache = new Map<string, Map<number, number>>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function computeOffsetMinutes(timeZone: string, epochMs: number): number {
  const parts = partsFormatter(timeZone).formatToParts(new Date(epochMs));
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  for (const part of parts) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value); break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
    }
  }
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return Math.round((wallAsUtc - Math.floor(epochMs / 1000) * 1000) / MINUTE);
}

/** The zone's offset from UTC in minutes at an instant (e.g. 120 for Berlin in summer). */
export function offsetMinutesAt(timeZone: string, epochMs: number): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const bucket = Math.floor(epochMs / OFFSET_BUCKET);
  const cached = zone.get(bucket);
  if (cached !== undefined) return cached;
  const offset = computeOffsetMinutes(timeZone, epochMs);
  if (zone.size >= OFFSET_CACHE_LIMIT) zone.clear();
  zone.set(bucket, offset);
  return offset;
}

export interface WallClock {
  date: CalendarDate;
  /** `HH:mm:ss` */
  time: string;
  offsetMinutes: number;
}

const DAY = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));
const dateStrings = new Map<number, CalendarDate>();

/** `YYYY-MM-DD` of a day number, memoised: a view's events fall on a handful of days. */
function dateOfDay(dayNumber: number): CalendarDate {
  let date = dateStrings.get(dayNumber);
  if (date === undefined) {
    date = new Date(dayNumber * DAY).toISOString().slice(0, 10);
    if (dateStrings.size >= OFFSET_CACHE_LIMIT) dateStrings.clear();
    dateStrings.set(dayNumber, date);
  }
  return date;
}

/** The wall clock of a zone at an instant. */
export function wallClockInZone(epochMs: number, timeZone: string): WallClock {
  const offsetMinutes = offsetMinutesAt(timeZone, epochMs);
  const wall = epochMs + offsetMinutes * MINUTE;
  const dayNumber = Math.floor(wall / DAY);
  const secondsOfDay = Math.floor((wall - dayNumber * DAY) / 1000);
  const hours = Math.floor(secondsOfDay / 3600);
  const minutes = Math.floor((secondsOfDay % 3600) / 60);
  return { date: dateOfDay(dayNumber), time: `${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[secondsOfDay % 60]}`, offsetMinutes };
}

/** The calendar date in a zone at an instant. */
export function dateInZone(epochMs: number, timeZone: string): CalendarDate {
  return wallClockInZone(epochMs, timeZone).date;
}

/**
 * The instant at which a zone's clocks show a wall time (`wallAsUtcMs` = the wall time read as if UTC).
 * In a spring-forward gap the clock time does not exist; the instant then uses the offset in force before
 * the gap (02:30 in Berlin on the last Sunday of March becomes 03:30 CEST). In a fall-back overlap the
 * earlier of the two instants is returned.
 */
export function epochOfWallClock(wallAsUtcMs: number, timeZone: string): number {
  const offsetBefore = offsetMinutesAt(timeZone, wallAsUtcMs - 14 * 60 * MINUTE);
  const offsetAfter = offsetMinutesAt(timeZone, wallAsUtcMs + 14 * 60 * MINUTE);
  const candidates = offsetBefore === offsetAfter ? [offsetBefore] : [Math.max(offsetBefore, offsetAfter), Math.min(offsetBefore, offsetAfter)];
  for (const offset of candidates) {
    const epoch = wallAsUtcMs - offset * MINUTE;
    if (offsetMinutesAt(timeZone, epoch) === offset) return epoch;
  }
  return wallAsUtcMs - offsetBefore * MINUTE;
}

/** The first instant of a calendar date in a zone. */
export function startOfDateInZone(date: CalendarDate, timeZone: string): number {
  return epochOfWallClock(Date.parse(`${date}T00:00:00Z`), timeZone);
}

const offsetStrings = new Map<number, string>();

/** `+02:00`, `-04:00`, `+05:45`. */
export function formatUtcOffset(offsetMinutes: number): string {
  let text = offsetStrings.get(offsetMinutes);
  if (text === undefined) {
    text = buildUtcOffset(offsetMinutes);
    offsetStrings.set(offsetMinutes, text);
  }
  return text;
}

function buildUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `${sign}${hours}:${minutes}`;
}
