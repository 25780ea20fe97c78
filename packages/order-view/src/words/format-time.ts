import type { Location } from '@wismo/core';
import type { Age, CustomerTime, OrderView } from '../order-view-schema';
import type { CalendarDate } from '../time/calendar-date';
import { formatMessage } from './format-message';
import { formattingLocale, negotiateLanguage, type Language } from './languages';

/** Who the words are for: the catalogue language, the `Intl` locale and the customer's zone and today. */
export interface TextContext {
  language: Language;
  locale: string;
  timeZone: string;
  today: CalendarDate;
  customerCountry: string | null;
}

export function textContextFor(view: OrderView, locale?: string): TextContext {
  const wanted = locale ?? view.customer.locale;
  const language = negotiateLanguage(wanted);
  return {
    language,
    locale: formattingLocale(wanted, language),
    timeZone: view.customer.timeZone,
    today: view.today,
    customerCountry: view.customer.countryCode,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const CACHE_LIMIT = 5_000;

/** Texts repeat across a timeline (same days, same clock times): each is formatted once per locale. */
function remembered(cache: Map<string, string>, key: string, compute: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

const DATE_STYLES = {
  day: { weekday: 'long', day: 'numeric', month: 'long' },
  dayWithYear: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  shortDay: { weekday: 'short', day: 'numeric', month: 'short' },
  clock: { hour: 'numeric', minute: '2-digit' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// Calendar dates and wall times are already in the right zone: they are formatted as UTC so Intl never shifts them.
function dateTimeFormat(locale: string, style: keyof typeof DATE_STYLES): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...DATE_STYLES[style], timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format;
}

const days = new Map<string, string>();
const clocks = new Map<string, string>();
const customerTimes = new Map<string, string>();

function utcDate(date: CalendarDate, time = '00:00'): Date {
  return new Date(`${date}T${time}:00Z`);
}

/** "Tuesday, 31 March" (the year only when it is not the current one). */
export function formatDay(date: CalendarDate, context: TextContext): string {
  const withYear = date.slice(0, 4) !== context.today.slice(0, 4);
  return remembered(days, `${context.locale}|${context.language}|${withYear}|${date}`, () => {
    const text = dateTimeFormat(context.locale, withYear ? 'dayWithYear' : 'day').format(utcDate(date));
    // French writes the first of the month as an ordinal ("1er avril"); Intl does not.
    return context.language === 'fr' ? text.replace(/(^|\s)1(?=\s\p{L})/u, '$11er') : text;
  });
}

/**
 * A clock time as the language writes it in prose: "14:12" or "2:12 PM" from `Intl`; French typography's
 * "14 h 12" ("14 h" on the hour) and Dutch "14.12" (the message adds "uur"), which `Intl` writes "14:12".
 */
export function formatClock(time: string, context: TextContext): string {
  const clock = time.slice(0, 5);
  return remembered(clocks, `${context.locale}|${context.language}|${clock}`, () => {
    const hours = Number(clock.slice(0, 2));
    const minutes = clock.slice(3, 5);
    if (context.language === 'fr') return minutes === '00' ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${minutes}`;
    if (context.language === 'nl') return `${hours}.${minutes}`;
    return dateTimeFormat(context.locale, 'clock').format(utcDate('2000-01-01', clock));
  });
}

/** "Tue, 31 Mar – Thu, 2 Apr", compacted by `Intl` where the parts repeat. */
export function formatDayRange(from: CalendarDate, to: CalendarDate, context: TextContext): string {
  const format = dateTimeFormat(context.locale, 'shortDay');
  return from === to ? format.format(utcDate(from)) : format.formatRange(utcDate(from), utcDate(to));
}

function dayAt(key: 'time.dayAt' | 'time.dayAtLocal', date: CalendarDate, time: string, context: TextContext): string {
  const clock = formatClock(time, context);
  return formatMessage(context.language, key, {
    day: formatDay(date, context),
    time: clock,
    isOneOClock: /^0?1[:.]/.test(clock) ? 'yes' : 'no',
  });
}

/**
 * A time as the customer should read it: an instant in their zone ("Monday, 30 March at 14:12"), a carrier
 * wall time as the carrier's local time ("… at 14:12 local time"), a date as a date.
 */
export function formatCustomerTime(time: CustomerTime, context: TextContext, options: { markLocalTime?: boolean } = {}): string {
  if (!time.date) return '';
  if (!time.time) return formatDay(time.date, context);
  const markLocal = time.shownAs === 'carrier_local_time' && options.markLocalTime !== false;
  const { date, time: clock } = time;
  return remembered(customerTimes, `${context.locale}|${context.language}|${context.today.slice(0, 4)}|${markLocal}|${date}|${clock}`, () =>
    dayAt(markLocal ? 'time.dayAtLocal' : 'time.dayAt', date, clock, context),
  );
}

/** "5 hours ago", "about 3 days ago" when the scan time had no offset. */
export function formatAge(age: Age, context: TextContext): string {
  const approximate = !age.exact && age.maximumHours - age.minimumHours >= 1;
  if (age.hours < 1 && !approximate) return formatMessage(context.language, 'age.lessThanAnHour');
  if (age.hours < 48)
    return formatMessage(context.language, approximate ? 'age.aboutHours' : 'age.hours', { hours: Math.max(1, age.hours) });
  return formatMessage(context.language, approximate ? 'age.aboutDays' : 'age.days', { days: Math.floor(age.hours / 24) });
}

const regionNames = new Map<string, Intl.DisplayNames>();

function countryName(code: string, context: TextContext): string {
  let names = regionNames.get(context.locale);
  if (!names) {
    names = new Intl.DisplayNames(context.locale, { type: 'region' });
    regionNames.set(context.locale, names);
  }
  return names.of(code) ?? code;
}

/**
 * A scan's place for people: the city (with the state in countries that use one), plus the country in the
 * customer's language when it is not their own; the carrier's raw text when the parts are missing.
 */
export function formatPlace(location: Location | null, context: TextContext): string | null {
  if (!location) return null;
  const country = location.countryCode;
  if (location.city) {
    const parts = [location.city];
    if (location.region && (country === 'US' || country === 'CA' || country === 'AU')) parts.push(location.region);
    if (country && country !== context.customerCountry) parts.push(countryName(country, context));
    return parts.join(', ');
  }
  if (location.raw) return location.raw;
  return country ? countryName(country, context) : null;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "2 × Merino socks, T-shirt", joined the way the language joins lists. */
export function formatItems(items: readonly { name: string; quantity: number }[], context: TextContext): string {
  let format = listFormats.get(context.locale);
  if (!format) {
    format = new Intl.ListFormat(context.locale, { style: 'long', type: 'conjunction' });
    listFormats.set(context.locale, format);
  }
  return format.format(items.map((item) => (item.quantity > 1 ? `${item.quantity} × ${item.name}` : item.name)));
}
