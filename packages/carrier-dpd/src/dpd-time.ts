import { instantOfWallClock } from '@wismo/core';

/** DPD's servers keep Central European time; `authTokenExpires` (`2020-05-08T13:02:56.06`) has no offset. */
const DPD_SERVER_ZONE = 'Europe/Brussels';
const EXPIRY = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/** When a login token stops working, in epoch ms, or null when `authTokenExpires` cannot be read. */
export function dpdTokenExpiryEpochMs(value: string | undefined): number | null {
  const match = value ? EXPIRY.exec(value.trim()) : null;
  return match ? instantOfWallClock(match[1]!, Number(match[2]), Number(match[3]), DPD_SERVER_ZONE, Number(match[4] ?? 0)) : null;
}
