import type { Eta } from '@wismo/order-view';

export interface FormatContext {
  /** `Intl` locale, e.g. `de-AT`. */
  locale: string;
  /** The zone instants are shown in: the customer's when known, else the shop's. */
  timeZone: string;
  /** Today in that zone, `YYYY-MM-DD` (the year is left out for dates of this year). */
  today: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size > 500) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function dateIn(epochMs: number, timeZone: string): string {
  const parts = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(epochMs));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "Tuesday, 31 March" for a calendar date (with the year when it is not this year's). */
export function formatCalendarDay(date: string, context: FormatContext): string {
  const withYear = date.slice(0, 4) !== context.today.slice(0, 4);
  return dateTimeFormat(context.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${date.slice(0, 10)}T12:00:00Z`));
}

/**
 * "04:05" / "4:05 AM" for a wall-clock `HH:mm`. A 24-hour locale gets two-digit hours: `Intl` writes "4:30" for
 * French and Dutch, which neither language writes ("04:30" is how a timetable or a web page shows it).
 */
export function formatClock(clock: string, context: FormatContext): string {
  const twentyFourHour = ['h23', 'h24'].includes(dateTimeFormat(context.locale, { hour: 'numeric' }).resolvedOptions().hourCycle ?? '');
  return dateTimeFormat(context.locale, { hour: twentyFourHour ? '2-digit' : 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(`2000-01-01T${clock.slice(0, 5)}:00Z`),
  );
}

/** The day of an instant in the context's zone. */
export function formatInstantDay(instant: string, context: FormatContext): string {
  const epoch = Date.parse(instant);
  if (Number.isNaN(epoch)) return instant;
  return formatCalendarDay(dateIn(epoch, context.timeZone), context);
}

interface EtaPoint {
  date: string;
  clock: string | null;
}

function etaPoint(value: string | null, timeKind: Eta['timeKind'], timeZone: string): EtaPoint | null {
  if (!value) return null;
  if (timeKind === 'instant') {
    const epoch = Date.parse(value);
    if (Number.isNaN(epoch)) return null;
    const parts = dateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(epoch));
    const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
    return { date: `${part('year')}-${part('month')}-${part('day')}`, clock: `${part('hour')}:${part('minute')}` };
  }
  return { date: value.slice(0, 10), clock: timeKind === 'local' && value.length >= 16 ? value.slice(11, 16) : null };
}

export interface FormattedEta {
  /** The day or days: "Tuesday, 31 March" or "Tue, 31 Mar – Thu, 2 Apr". */
  day: string;
  /** A time window on that day, when the carrier gave one. */
  window: { from: string; to: string } | null;
  /** True when the clock times are the carrier's local time at the destination, not the reader's zone. */
  carrierLocalTime: boolean;
}

/**
 * An ETA for people: instants in the reader's zone; local times and dates as the carrier wrote them (a
 * local time is flagged, never shifted as if it were UTC).
 */
export function formatEta(eta: Eta, context: FormatContext): FormattedEta | null {
  const from = etaPoint(eta.from, eta.timeKind, context.timeZone) ?? etaPoint(eta.to, eta.timeKind, context.timeZone);
  const to = etaPoint(eta.to, eta.timeKind, context.timeZone) ?? from;
  if (!from || !to) return null;
  if (from.date === to.date) {
    const window =
      from.clock && to.clock && from.clock !== to.clock
        ? { from: formatClock(from.clock, context), to: formatClock(to.clock, context) }
        : null;
    return { day: formatCalendarDay(from.date, context), window, carrierLocalTime: window !== null && eta.timeKind === 'local' };
  }
  const [first, last] = from.date < to.date ? [from.date, to.date] : [to.date, from.date];
  const format = dateTimeFormat(context.locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return { day: format.formatRange(new Date(`${first}T12:00:00Z`), new Date(`${last}T12:00:00Z`)), window: null, carrierLocalTime: false };
}

/** The zone's name in the reader's language, with its IANA id: "Mitteleuropäische Zeit (Europe/Berlin)". */
export function timeZoneLabel(timeZone: string, locale: string, at: Date): string {
  for (const timeZoneName of ['longGeneric', 'long'] as const) {
    try {
      const name = dateTimeFormat(locale, { timeZone, timeZoneName })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value;
      if (name && !/^GMT[+-]/.test(name)) return name === timeZone ? timeZone : `${name} (${timeZone})`;
    } catch {
      // Older ICU without `longGeneric`: try the next style.
    }
  }
  return timeZone;
}

/** A machine-readable `datetime` attribute for `<time>`: the instant, else the local date-time or date. */
export function datetimeAttribute(time: { occurredAt: string | null; localTime: string | null }): string | null {
  return time.occurredAt ?? time.localTime ?? null;
}
