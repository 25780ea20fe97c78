import { instantEpochMs, type CarrierTime } from '@wismo/core';
import type { Age, CustomerTime } from '../order-view-schema';
import type { CalendarDate } from '../time/calendar-date';
import type { EventMoment } from '../time/event-moment';
import { timeZonesOfPlace } from '../time/region-time-zones';
import { dateInZone, epochOfWallClock, formatUtcOffset, wallClockInZone } from '../time/time-zone';

const HOUR = 3_600_000;

/**
 * How a carrier or merchant time reads for the customer (see `customerTimeSchema`). A wall time without
 * offset stays the carrier's local time, except when the scan's region or country has a single zone whose clock
 * shows exactly the same time as the customer's: then it is the customer's time too, and saying "local
 * time" would only confuse (a DHL scan in Leipzig for a customer in Berlin).
 */
export function customerTimeOf(
  time: CarrierTime,
  timeZone: string,
  countryCode: string | null = null,
  moment: EventMoment | null = null,
  regionCode: string | null = null,
): CustomerTime {
  // A moment already computed for the event saves parsing its time again.
  const instant = time.timeKind === 'instant' ? (moment?.exact ? moment.estimate : instantEpochMs(time)) : null;
  if (instant !== null) {
    const wall = wallClockInZone(instant, timeZone);
    return { date: wall.date, time: wall.time.slice(0, 5), utcOffset: formatUtcOffset(wall.offsetMinutes), shownAs: 'customer_time_zone' };
  }
  if (!time.localTime) return { date: null, time: null, utcOffset: null, shownAs: 'unknown' };
  if (time.timeKind === 'date' || !time.localTime.includes('T')) {
    return { date: time.localTime.slice(0, 10), time: null, utcOffset: null, shownAs: 'date_only' };
  }
  const date = time.localTime.slice(0, 10);
  const clock = time.localTime.slice(11, 16);
  const zones = timeZonesOfPlace(countryCode, regionCode);
  if (zones?.length === 1) {
    const epoch = moment?.exact ? moment.estimate : epochOfWallClock(Date.parse(`${time.localTime}Z`), zones[0]!);
    const seen = wallClockInZone(epoch, timeZone);
    // Equal clocks only: a wall time in a DST gap, or in another offset, stays the carrier's local time.
    if (seen.date === date && seen.time.slice(0, 5) === clock)
      return { date, time: clock, utcOffset: formatUtcOffset(seen.offsetMinutes), shownAs: 'customer_time_zone' };
  }
  return { date, time: clock, utcOffset: null, shownAs: 'carrier_local_time' };
}

/** The date a time falls on for the customer: converted for instants, as written otherwise. */
export function customerDateOf(time: CarrierTime, timeZone: string): CalendarDate | null {
  const instant = instantEpochMs(time);
  if (instant !== null) return dateInZone(instant, timeZone);
  return time.localTime ? time.localTime.slice(0, 10) : null;
}

/** The date as the carrier wrote it (the local date where it happened), as delivery history records dates. */
export function dateAsWrittenOf(time: CarrierTime): CalendarDate | null {
  const text = time.localTime ?? time.occurredAt;
  return text ? text.slice(0, 10) : null;
}

/** Whole hours from a moment to now; bounded when the moment is. Never negative. */
export function ageOf(moment: EventMoment, nowMs: number): Age {
  const hours = (from: number) => Math.max(0, Math.floor((nowMs - from) / HOUR));
  return { hours: hours(moment.estimate), minimumHours: hours(moment.latest), maximumHours: hours(moment.earliest), exact: moment.exact };
}

/** A merchant instant (always with an offset) as a carrier time. */
export function merchantTime(instant: string): CarrierTime {
  const hasOffset = !/[zZ]$/.test(instant);
  return { occurredAt: instant, localTime: hasOffset ? instant.slice(0, 19) : null, timeKind: 'instant' };
}
