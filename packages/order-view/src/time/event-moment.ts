import { instantEpochMs, type CarrierTime } from '@wismo/core';
import { WIDEST_OFFSET_MINUTES } from './country-time-zones';
import { timeZonesOfPlace } from './region-time-zones';
import { epochOfWallClock } from './time-zone';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * When an event happened, as honestly as the carrier told us: an instant is exact; a wall time without
 * offset is bounded by the offsets of the zones of its region or country (exact when that place has one zone);
 * a bare date spans that whole local day.
 */
export interface EventMoment {
  /** Earliest possible UTC instant, epoch ms. */
  earliest: number;
  /** Latest possible UTC instant, epoch ms. */
  latest: number;
  /** Best single guess, used only to interleave events of different sources in a timeline. */
  estimate: number;
  exact: boolean;
}

export interface MomentContext {
  /** ISO country of the scan (or of a domestic shipment), when known. */
  countryCode: string | null;
  /** The scan's state, province or territory as the carrier gave it (`IL`), which narrows a country of several zones. */
  regionCode?: string | null;
  /** Used to place a wall time whose country is unknown; the customer's zone is a fair guess for last-mile scans. */
  fallbackTimeZone: string;
}

function wallTimeAsUtc(localTime: string): number | null {
  const epoch = Date.parse(localTime.includes('T') ? `${localTime}Z` : `${localTime}T00:00:00Z`);
  return Number.isNaN(epoch) ? null : epoch;
}

export function momentOf(time: CarrierTime, context: MomentContext): EventMoment | null {
  const instant = instantEpochMs(time);
  if (instant !== null) return { earliest: instant, latest: instant, estimate: instant, exact: true };
  if (!time.localTime) return null;
  const wallStart = wallTimeAsUtc(time.localTime);
  if (wallStart === null) return null;
  const isDate = time.timeKind === 'date' || !time.localTime.includes('T');
  // A date covers the whole local day; its estimate is local noon.
  const wallEnd = isDate ? wallStart + DAY - 1 : wallStart;
  const wallEstimate = isDate ? wallStart + DAY / 2 : wallStart;
  const zones = timeZonesOfPlace(context.countryCode, context.regionCode);
  if (!zones) {
    return {
      earliest: wallStart - WIDEST_OFFSET_MINUTES.maximum * MINUTE,
      latest: wallEnd - WIDEST_OFFSET_MINUTES.minimum * MINUTE,
      estimate: epochOfWallClock(wallEstimate, context.fallbackTimeZone),
      exact: false,
    };
  }
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let estimateSum = 0;
  for (const zone of zones) {
    earliest = Math.min(earliest, epochOfWallClock(wallStart, zone));
    latest = Math.max(latest, epochOfWallClock(wallEnd, zone));
    estimateSum += epochOfWallClock(wallEstimate, zone);
  }
  return { earliest, latest, estimate: estimateSum / zones.length, exact: earliest === latest };
}
