import { instantOfWallClock, localTime, normaliseLocalDateTime, type CarrierTime } from '@wismo/core';

/** `8/19/2021 5:11:26 PM`: month/day/year, a 12-hour clock with AM/PM (seconds optional). */
const US_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])$/;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A `statusInfo.date` as DPD writes it with `messageLanguage=en_US`. DPD gives no zone, so the result is a
 * `local` wall-clock time (never stamped `Z`). 12 AM is midnight, 12 PM noon; an hour above 12 or an
 * impossible date gives null (the event is kept without a time).
 */
export function dpdStatusTime(value: string | undefined): CarrierTime | null {
  const match = value ? US_DATE_TIME.exec(value.trim()) : null;
  if (!match) return null;
  const [, month, day, year, hour12, minute, second, meridiem] = match;
  const hour = Number(hour12);
  if (hour < 1 || hour > 12) return null;
  const hour24 = (hour % 12) + (meridiem!.toUpperCase() === 'PM' ? 12 : 0);
  const local = normaliseLocalDateTime(`${year}-${pad(Number(month))}-${pad(Number(day))}T${pad(hour24)}:${minute}:${second ?? '00'}`);
  return local ? localTime(local) : null;
}

/** DPD's servers keep Central European time; `authTokenExpires` (`2020-05-08T13:02:56.06`) has no offset. */
const DPD_SERVER_ZONE = 'Europe/Brussels';
const EXPIRY = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/** When a login token stops working, in epoch ms, or null when `authTokenExpires` cannot be read. */
export function dpdTokenExpiryEpochMs(value: string | undefined): number | null {
  const match = value ? EXPIRY.exec(value.trim()) : null;
  if (!match) return null;
  const instant = instantOfWallClock(match[1]!, Number(match[2]), Number(match[3]), DPD_SERVER_ZONE, Number(match[4] ?? 0));
  return Number.isNaN(instant) ? null : instant;
}
