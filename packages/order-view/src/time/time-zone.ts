import { tzOffset } from '@date-fns/tz';
import type { CalendarDate } from './calendar-date';

/*
 * Time-zone offsets come from @date-fns/tz (`tzOffset`, the zone rules of Intl). What stays here is a memo of
 * those offsets, the wall clocks the views show, and the rule that turns a wall time back into an instant.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
// Every time-zone transition in use falls on a quarter hour (UTC), so offsets are memoised per quarter hour:
// a view asks for the same few zones and hours for every event, and each `tzOffset` call formats a date.
const OFFSET_BUCKET = 15 * MINUTE;
const CACHE_LIMIT = 20_000;
const offsetCache = new Map<string, Map<number, number>>();

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC in minutes at an instant (e.g. 120 for Berlin in summer). */
export function offsetMinutesAt(timeZone: string, epochMs: number): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const bucket = Math.floor(epochMs / OFFSET_BUCKET);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(epochMs));
    if (zone.size >= CACHE_LIMIT) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

export interface WallClock {
  date: CalendarDate;
  /** `HH:mm:ss` */
  time: string;
  offsetMinutes: number;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));
const dateStrings = new Map<number, CalendarDate>();

/** `YYYY-MM-DD` of a day number, memoised: a view's events fall on a handful of days. */
function dateOfDay(dayNumber: number): CalendarDate {
  let date = dateStrings.get(dayNumber);
  if (date === undefined) {
    date = new Date(dayNumber * DAY).toISOString().slice(0, 10);
    if (dateStrings.size >= CACHE_LIMIT) dateStrings.clear();
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
  return {
    date: dateOfDay(dayNumber),
    time: `${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[secondsOfDay % 60]}`,
    offsetMinutes,
  };
}

/** The calendar date in a zone at an instant. */
export function dateInZone(epochMs: number, timeZone: string): CalendarDate {
  return wallClockInZone(epochMs, timeZone).date;
}

const NO_CHANGE_SPAN = 14 * 60 * MINUTE;

/**
 * The instant at which a zone's clocks show a wall time (`wallAsUtcMs` = the wall time read as if UTC), as
 * Temporal's "compatible" rule resolves it: a time skipped by a spring-forward gap moves forward by the gap
 * (02:30 in Berlin on the last Sunday of March is 03:30 CEST); a time that happens twice in a fall-back
 * overlap is the earlier one. (`TZDate` agrees on gaps but takes the later instant in an overlap, and
 * constructing one costs several uncached `tzOffset` calls: the two offsets around the wall time, memoised,
 * decide it instead.)
 */
export function epochOfWallClock(wallAsUtcMs: number, timeZone: string): number {
  const offsetBefore = offsetMinutesAt(timeZone, wallAsUtcMs - NO_CHANGE_SPAN);
  const offsetAfter = offsetMinutesAt(timeZone, wallAsUtcMs + NO_CHANGE_SPAN);
  // Away from a clock change (the same offset 14 hours either side, the widest offset span) there is one instant.
  if (offsetBefore === offsetAfter) return wallAsUtcMs - offsetBefore * MINUTE;
  // Near a change: the earlier instant that shows this wall time, if any; in a gap, the old offset carries it forward.
  for (const offset of [Math.max(offsetBefore, offsetAfter), Math.min(offsetBefore, offsetAfter)]) {
    const epoch = wallAsUtcMs - offset * MINUTE;
    if (offsetMinutesAt(timeZone, epoch) === offset) return epoch;
  }
  return wallAsUtcMs - offsetBefore * MINUTE;
}

const offsetStrings = new Map<number, string>();

/** `+02:00`, `-04:00`, `+05:45`. */
export function formatUtcOffset(offsetMinutes: number): string {
  let text = offsetStrings.get(offsetMinutes);
  if (text === undefined) {
    const absolute = Math.abs(offsetMinutes);
    text = `${offsetMinutes < 0 ? '-' : '+'}${TWO_DIGITS[Math.floor(absolute / 60)] ?? String(Math.floor(absolute / 60))}:${TWO_DIGITS[absolute % 60]}`;
    offsetStrings.set(offsetMinutes, text);
  }
  return text;
}
