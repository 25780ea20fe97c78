import { formatOffset } from '../time/zoned-time';

const MINUTE_MS = 60_000;

/**
 * The offset (`±HH:MM`) at which the instant `utcMs` reads as the wall clock `localDateTime` (`YYYY-MM-DDTHH:mm:ss`),
 * for a carrier that sends both but no offset; compared to the minute. Null unless it is whole quarter hours within the
 * offsets in use (−12:00 to +14:00): then the two stamps are not the same moment.
 */
export function impliedOffset(localDateTime: string, utcMs: number): string | null {
  const difference = Math.floor(Date.parse(`${localDateTime}Z`) / MINUTE_MS) - Math.floor(utcMs / MINUTE_MS);
  return difference % 15 === 0 && difference >= -12 * 60 && difference <= 14 * 60 ? formatOffset(difference) : null;
}
