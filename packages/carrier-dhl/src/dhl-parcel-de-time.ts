import { dateOnly, localTime, type CarrierTime, type EstimatedDelivery } from '@wismo/core';

const GERMAN_DATE_TIME = /^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** `18.03.2016 10:02` → `2016-03-18T10:02:00`, `18.03.2016` → `2016-03-18`, else null (calendar-checked later). */
function germanToIso(value: string): string | null {
  const match = GERMAN_DATE_TIME.exec(value.trim());
  if (!match) return ISO_DATE.test(value.trim()) ? value.trim() : null;
  const [, day, month, year, hour, minute, second] = match;
  return hour === undefined ? `${year}-${month}-${day}` : `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}`;
}

/**
 * An event or status time: `DD.MM.YYYY HH:mm`, the wall clock in Germany, with no zone. Kept as local time
 * (never stamped `Z`, no offset guessed: events abroad use their own clock); a bare date stays a date.
 */
export function dhlParcelDeTime(value: string | undefined): CarrierTime | null {
  if (!value?.trim()) return null;
  const iso = germanToIso(value);
  return iso ? localTime(iso) : null;
}

/** A date attribute (`DD.MM.YYYY` or `YYYY-MM-DD`) as `YYYY-MM-DD`, else null. */
function dayOf(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  const iso = germanToIso(value);
  return iso ? (dateOnly(iso.slice(0, 10))?.localTime ?? null) : null;
}

/** A window bound: `HH:mm` on `day`, or a full `DD.MM.YYYY HH:mm`. */
function boundOf(day: string | null, value: string | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  const clock = CLOCK.exec(trimmed);
  if (clock && day) return localTime(`${day}T${clock[1]!.padStart(2, '0')}:${clock[2]}:${clock[3] ?? '00'}`)?.localTime ?? null;
  const full = dhlParcelDeTime(trimmed);
  return full?.timeKind === 'local' ? full.localTime : null;
}

/**
 * The carrier's ETA: the announced delivery day and window (`delivery-date`, `delivery-timeframe-from/-to`), else
 * the recipient's chosen day and window (`preferred-delivery-day`, `preferred-delivery-timeframe-from/-to`).
 * German wall-clock times (`local`); a day without a window is a `date` ETA. Null when DHL gave none.
 */
export function dhlParcelDeEstimatedDelivery(fields: {
  day: string | undefined;
  from: string | undefined;
  to: string | undefined;
}): EstimatedDelivery | null {
  const day = dayOf(fields.day);
  const from = boundOf(day, fields.from);
  const to = boundOf(day, fields.to);
  if (from || to) return { from: from ?? to, to: to ?? from, timeKind: 'local', source: 'carrier', confidence: null };
  if (day) return { from: day, to: day, timeKind: 'date', source: 'carrier', confidence: null };
  return null;
}
