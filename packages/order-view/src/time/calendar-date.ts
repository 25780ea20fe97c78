/**
 * Calendar dates (`YYYY-MM-DD`) as pure day arithmetic. No `Date` in the local zone of the process is
 * involved, so results never depend on where the server runs.
 */
export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLISECONDS_PER_DAY = 86_400_000;

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  const epoch = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return new Date(epoch).toISOString().slice(0, 10) === value;
}

/** Days since 1970-01-01. */
export function dayNumberOf(date: CalendarDate): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / MILLISECONDS_PER_DAY);
}

export function dateOfDayNumber(dayNumber: number): CalendarDate {
  return new Date(dayNumber * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** `to - from` in days. */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(date: CalendarDate): number {
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

/** Monday to Friday. Public holidays are not known here and count as business days. */
export function isBusinessDay(date: CalendarDate): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6;
}

/** The date `days` business days after `date` (0 returns `date` itself, even on a weekend). */
export function addBusinessDays(date: CalendarDate, days: number): CalendarDate {
  let dayNumber = dayNumberOf(date);
  let remaining = days;
  while (remaining > 0) {
    dayNumber += 1;
    const weekday = (((dayNumber + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) remaining -= 1;
  }
  return dateOfDayNumber(dayNumber);
}

/** Business days `d` with `from < d <= to`; 0 when `to` is not after `from`. */
export function businessDaysBetween(from: CalendarDate, to: CalendarDate): number {
  const start = dayNumberOf(from);
  const end = dayNumberOf(to);
  if (end <= start) return 0;
  const span = end - start;
  const fullWeeks = Math.floor(span / 7);
  let count = fullWeeks * 5;
  for (let dayNumber = start + fullWeeks * 7 + 1; dayNumber <= end; dayNumber++) {
    const weekday = (((dayNumber + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/** The calendar date a carrier or integrator string names, as written (`2026-03-02T18:00:00-05:00` → `2026-03-02`). */
export function dateAsWritten(value: string): CalendarDate | null {
  const date = value.trim().slice(0, 10);
  return isCalendarDate(date) ? date : null;
}
