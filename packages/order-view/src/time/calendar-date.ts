import { UTCDate } from '@date-fns/utc';
import {
  addBusinessDays as addBusinessDaysTo,
  addDays,
  differenceInBusinessDays,
  differenceInCalendarDays,
  getDay,
  isWeekend,
} from 'date-fns';

/**
 * Calendar dates (`YYYY-MM-DD`) and their arithmetic on date-fns. No `Date` in the local zone of the process
 * is involved, so results never depend on where the server runs.
 */
export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  const epoch = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return new Date(epoch).toISOString().slice(0, 10) === value;
}

// Calendar dates are read as midnight UTC in a `UTCDate`, whose local getters are UTC's, so the zone of the
// process never shifts a day (and no Intl lookup is needed, unlike a `TZDate`).
function toDate(date: CalendarDate): UTCDate {
  return new UTCDate(Date.parse(`${date}T00:00:00Z`));
}

function toCalendarDate(date: Date): CalendarDate {
  return new Date(date.getTime()).toISOString().slice(0, 10);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return toCalendarDate(addDays(toDate(date), days));
}

/** `to - from` in days. */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  return getDay(toDate(date));
}

/** Monday to Friday. Public holidays are not known here and count as business days. */
export function isBusinessDay(date: CalendarDate): boolean {
  return !isWeekend(toDate(date));
}

/** The date `days` business days after `date` (0 returns `date` itself, even on a weekend). */
export function addBusinessDays(date: CalendarDate, days: number): CalendarDate {
  return toCalendarDate(addBusinessDaysTo(toDate(date), days));
}

/** Business days `d` with `from < d <= to`; 0 when `to` is not after `from`. */
export function businessDaysBetween(from: CalendarDate, to: CalendarDate): number {
  if (to <= from) return 0;
  // date-fns counts the business days in [earlier, later); shifting both ends by a day counts (from, to].
  return differenceInBusinessDays(addDays(toDate(to), 1), addDays(toDate(from), 1));
}

/** The calendar date a carrier or integrator string names, as written (`2026-03-02T18:00:00-05:00` → `2026-03-02`). */
export function dateAsWritten(value: string): CalendarDate | null {
  const date = value.trim().slice(0, 10);
  return isCalendarDate(date) ? date : null;
}
