import type { Location } from '@wismo/core';
import { negotiateLanguage, type Age, type CustomerTime, type Eta } from '@wismo/order-view';
import { label } from '../i18n/labels';

/** A locale `Intl` accepts, of the language the catalogues negotiate (`de-AT` stays, `pt-BR` becomes `en`). */
export function intlLocale(locale: string | null | undefined): string {
  const language = negotiateLanguage(locale);
  if (!locale) return language;
  try {
    const canonical = Intl.getCanonicalLocales(locale)[0];
    return canonical && new Intl.Locale(canonical).language === language ? canonical : language;
  } catch {
    return language;
  }
}

/** The locale asked for when it is a valid BCP 47 tag, else undefined. */
export function validLocale(locale: string | null | undefined): string | undefined {
  if (!locale || locale.length > 35) return undefined;
  try {
    return Intl.getCanonicalLocales(locale.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

function utcDate(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00Z`);
}

/** "Tue, 31 Mar" (with the year when it is not `today`'s). Calendar dates are formatted as UTC so nothing shifts. */
export function formatDay(date: string, locale: string, today?: string): string {
  const withYear = today !== undefined && today.slice(0, 4) !== date.slice(0, 4);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(utcDate(date));
}

export function formatDayRange(from: string, to: string, locale: string): string {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return from === to ? format.format(utcDate(from)) : format.formatRange(utcDate(from), utcDate(to));
}

/** "04:30" in a 24-hour locale (`Intl` alone writes "4:30" for French and Dutch, which neither writes), "4:30 AM" in a 12-hour one. */
export function formatClock(time: string, locale: string): string {
  const resolved = intlLocale(locale);
  const twentyFourHour = ['h23', 'h24'].includes(new Intl.DateTimeFormat(resolved, { hour: 'numeric' }).resolvedOptions().hourCycle ?? '');
  return new Intl.DateTimeFormat(resolved, { hour: twentyFourHour ? '2-digit' : 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    utcDate('2000-01-01', time.slice(0, 5)),
  );
}

/** A view time as the customer reads it: "Tue, 31 Mar, 14:12", marked "local time" for carrier wall times. */
export function formatCustomerTime(time: CustomerTime, locale: string, today?: string): string {
  if (!time.date) return '';
  const day = formatDay(time.date, locale, today);
  if (!time.time) return day;
  const text = `${day}, ${formatClock(time.time, locale)}`;
  return time.shownAs === 'carrier_local_time' ? `${text} (${label(locale, 'localTime')})` : text;
}

/** An instant in a time zone: "31 Mar 2026, 10:00". */
export function formatInstant(iso: string, locale: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date);
  }
}

/** "5 hours ago" / "vor 3 Tagen"; "~" when the scan time had no offset and the age is a range. */
export function formatAge(age: Age, locale: string): string {
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  const text = age.hours < 48 ? format.format(-Math.max(0, age.hours), 'hour') : format.format(-Math.floor(age.hours / 24), 'day');
  return !age.exact && age.maximumHours - age.minimumHours >= 1 ? `~${text}` : text;
}

function dateInZone(epochMs: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(epochMs));
  } catch {
    return new Date(epochMs).toISOString().slice(0, 10);
  }
}

/** The ETA's first and last day in the customer's calendar. */
export function etaDays(eta: Eta, timeZone: string): { from: string; to: string } | null {
  const day = (value: string | null) => {
    if (!value) return null;
    if (eta.timeKind !== 'instant') return value.slice(0, 10);
    const epoch = Date.parse(value);
    return Number.isNaN(epoch) ? null : dateInZone(epoch, timeZone);
  };
  const from = day(eta.from) ?? day(eta.to);
  const to = day(eta.to) ?? from;
  if (!from || !to) return null;
  return { from, to: to < from ? from : to };
}

/** "Wed, 1 Apr (carrier's estimate)", "Wed, 1 – Fri, 3 Apr (predicted …, 80 % likely)". */
export function formatEta(eta: Eta | null, locale: string, timeZone: string): string | null {
  if (!eta) return null;
  const days = etaDays(eta, timeZone);
  if (!days) return null;
  const range = formatDayRange(days.from, days.to, locale);
  if (eta.source === 'carrier') return label(locale, 'etaCarrier', { range });
  if (eta.basis?.kind === 'out_for_delivery_today') return label(locale, 'etaPredictedToday', { range });
  const confidence = eta.confidence === null ? null : Math.round(eta.confidence * 100);
  return confidence === null ? label(locale, 'etaPredictedPlain', { range }) : label(locale, 'etaPredicted', { range, confidence });
}

/** A scan's place: city (with the state where countries use one) and the country when not the customer's. */
export function formatPlace(location: Location | null, locale: string, customerCountry: string | null): string | null {
  if (!location) return null;
  const country = location.countryCode;
  const countryName = (code: string) => {
    try {
      return new Intl.DisplayNames(intlLocale(locale), { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  if (location.city) {
    const parts = [location.city];
    if (location.region && (country === 'US' || country === 'CA' || country === 'AU')) parts.push(location.region);
    if (country && country !== customerCountry) parts.push(countryName(country));
    return parts.join(', ');
  }
  if (location.raw) return location.raw;
  return country ? countryName(country) : null;
}

export function formatList(values: readonly string[], locale: string): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(values);
}

export function formatItems(items: readonly { name: string; quantity: number }[], locale: string): string | null {
  if (items.length === 0) return null;
  return formatList(
    items.map((item) => (item.quantity > 1 ? `${item.quantity} × ${item.name}` : item.name)),
    locale,
  );
}

export function languageName(language: string, locale: string): string {
  try {
    return new Intl.DisplayNames(intlLocale(locale), { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

/** Only http(s) links from carrier or shop data are rendered as links; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** `tel:` href for a phone number as carriers write it ("+49 228 4333112"); null when it has no digits. */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d+]/g, '');
  return /\d{3,}/.test(digits) ? `tel:${digits}` : null;
}
