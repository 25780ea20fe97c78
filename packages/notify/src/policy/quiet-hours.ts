import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import type { QuietHours } from '../notification-types';

function minutesOf(wall: string): number {
  const [hours, minutes] = wall.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function inWindow(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** True when `instant` falls inside quiet hours on the wall clock of `timeZone`. */
export function isInQuietHours(instant: Date, timeZone: string, quietHours: QuietHours | null): boolean {
  if (!quietHours) return false;
  const local = new TZDate(instant.getTime(), timeZone);
  return inWindow(local.getHours() * 60 + local.getMinutes(), minutesOf(quietHours.start), minutesOf(quietHours.end));
}

/**
 * When the quiet window around `instant` ends, in the recipient's zone; null when `instant` is outside it.
 * Wall times go through `TZDate`, so a window that ends on a DST change day ends at the right instant (an
 * end inside a spring-forward gap moves on by the length of the gap, as Temporal's `compatible` rule does).
 */
export function quietHoursEnd(instant: Date, timeZone: string, quietHours: QuietHours | null): Date | null {
  if (!quietHours) return null;
  const local = new TZDate(instant.getTime(), timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (!inWindow(minute, start, end)) return null;
  // A window across midnight that started this evening ends tomorrow.
  const day = start > end && minute >= start ? addDays(local, 1) : local;
  const opening = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(end / 60), end % 60, 0, timeZone);
  let result = new Date(opening.getTime());
  // A fall-back day repeats an hour: if the chosen reading of the wall time is still inside, step on.
  for (let guard = 0; guard < 4 && (result.getTime() <= instant.getTime() || isInQuietHours(result, timeZone, quietHours)); guard += 1) {
    result = new Date(result.getTime() + 15 * 60_000);
  }
  return result;
}

/** The recipient's calendar day `YYYY-MM-DD` at `instant` (for the daily cap). */
export function localDay(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  const month = local.getMonth() + 1;
  const day = local.getDate();
  return `${local.getFullYear()}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The first instant after the end of `date` (`YYYY-MM-DD`) in `timeZone`. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day + 1, 0, 0, 0, timeZone).getTime());
}
