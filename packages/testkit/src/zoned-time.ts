import { formatOffset, instantOfWallClock, wallClockInZone, zoneOffsetMinutes, type WallClock } from '@wismo/core';

/*
 * Wall-clock times in a time zone, as carriers print them: the core helpers (date-fns 4 + @date-fns/tz), under the
 * names the sandboxes use.
 */

export type ZonedTime = WallClock;

export { formatOffset, zoneOffsetMinutes };

function wallClock(epochMs: number, zone: string): WallClock {
  const clock = wallClockInZone(epochMs, zone);
  if (!clock) throw new RangeError(`No wall clock for ${epochMs} in ${zone}: outside the years 0000-9999 or an unknown zone`);
  return clock;
}

/** Date (`YYYY-MM-DD`) and time (`HH:MM:SS`) of an instant at a fixed offset in minutes (UTC when 0). */
export function shiftedParts(epochMs: number, offsetMinutes: number): { date: string; time: string } {
  const { date, time } = wallClock(epochMs, formatOffset(offsetMinutes));
  return { date, time };
}

/** The wall-clock time at `epochMs` in `zone` (an IANA name such as `America/Chicago`). */
export function zonedTime(epochMs: number, zone: string): ZonedTime {
  return wallClock(epochMs, zone);
}

/** The instant of a local wall-clock time in `zone` (`date` `YYYY-MM-DD`, hour and minute local). */
export function instantOfLocal(date: string, hour: number, minute: number, zone: string): number {
  return instantOfWallClock(date, hour, minute, zone);
}
