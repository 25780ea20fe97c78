import { instantOfWallClock, type CarrierTime } from '@wismo/core';
import { numericDateTime } from '@wismo/core/internal';

/**
 * A `statusInfo.date` as DPD writes it with `messageLanguage=en_US`: `8/19/2021 5:11:26 PM`, month/day/year and a
 * 12-hour clock. DPD gives no zone, so the result is a `local` wall-clock time (never stamped `Z`). 12 AM is
 * midnight, 12 PM noon; an hour above 12 or an impossible date gives null (the event is kept without a time).
 */
export function dpdStatusTime(value: string | undefined): CarrierTime | null {
  return numericDateTime(value, 'MM/DD/YYYY');
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
