import {
  dateOnly,
  instantTime,
  joinCompactDateTime,
  localTime,
  normaliseLocalDateTime,
  normaliseOffset,
  type CarrierTime,
  type EstimatedDelivery,
} from '@wismo/core';
import type { UpsActivity, UpsPackage } from './ups-api';

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** The instant `epochMs` as wall-clock time at `offset` (`+hh:mm`), e.g. `2021-02-10T02:47:00-05:00`. */
function formatAtOffset(epochMs: number, offset: string): string | null {
  const match = OFFSET.exec(offset);
  if (!match) return null;
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  const shifted = new Date(epochMs + minutes * 60_000);
  if (Number.isNaN(shifted.getTime())) return null;
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

function toLocal(date: string | undefined, time?: string): string | null {
  const joined = joinCompactDateTime(date, time);
  return joined ? normaliseLocalDateTime(joined) : null;
}

/** The general reading, with the core helpers; `upsActivityTime` takes a fast path for UPS's usual shapes. */
export function readUpsActivityTimeSlowly(activity: Pick<UpsActivity, 'date' | 'time' | 'gmtDate' | 'gmtTime' | 'gmtOffset'>): CarrierTime | null {
  const local = toLocal(activity.date, activity.time);
  const localDateTime = local?.includes('T') ? local : null;
  const offset = activity.gmtOffset ? normaliseOffset(activity.gmtOffset) : null;
  const gmt = activity.gmtDate && activity.gmtTime ? toLocal(activity.gmtDate, activity.gmtTime) : null;

  if (gmt?.includes('T')) {
    const epochMs = Date.parse(`${gmt}Z`);
    if (!Number.isNaN(epochMs)) {
      const atOffset = offset && offset !== 'Z' ? formatAtOffset(epochMs, offset) : null;
      if (atOffset) return { occurredAt: atOffset, localTime: localDateTime ?? atOffset.slice(0, 19), timeKind: 'instant' };
      return { occurredAt: `${gmt}Z`, localTime: localDateTime, timeKind: 'instant' };
    }
  }
  if (localDateTime && offset) {
    const instant = instantTime(localDateTime, offset);
    if (instant) return instant;
  }
  if (localDateTime) return localTime(localDateTime);
  return local ? dateOnly(local) : null;
}

// Fast path: plain character checks for the shapes UPS sends (`20251211`, `034100`, `74700`, `09:41:00`,
// `-06:00`). Anything else goes through the core helpers above; a test holds both to the same answers.

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function allDigits(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (!isDigit(text.charCodeAt(index))) return false;
  return true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

/** `YYYYMMDD` as the number YYYYMMDD when it is a real calendar date; 0 when it is not (or not this shape). */
function compactDate(date: string): number {
  if (date.length !== 8 || !allDigits(date)) return 0;
  const year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
  const month = digitAt(date, 4) * 10 + digitAt(date, 5);
  const day = digitAt(date, 6) * 10 + digitAt(date, 7);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 0;
  return year * 10_000 + month * 100 + day;
}

/** `HHMMSS`, `HMMSS` or `HH:MM:SS` as seconds of the day; -1 when out of range or not one of these shapes. */
function compactSeconds(time: string): number {
  let hours: number;
  let minutes: number;
  let seconds: number;
  if (time.length === 8 && time.charCodeAt(2) === 58 && time.charCodeAt(5) === 58) {
    if (!isDigit(time.charCodeAt(0)) || !isDigit(time.charCodeAt(1)) || !isDigit(time.charCodeAt(3)) || !isDigit(time.charCodeAt(4))) return -1;
    if (!isDigit(time.charCodeAt(6)) || !isDigit(time.charCodeAt(7))) return -1;
    hours = digitAt(time, 0) * 10 + digitAt(time, 1);
    minutes = digitAt(time, 3) * 10 + digitAt(time, 4);
    seconds = digitAt(time, 6) * 10 + digitAt(time, 7);
  } else if ((time.length === 6 || time.length === 5) && allDigits(time)) {
    // UPS drops the leading zero: `74700` is 07:47:00.
    const shift = time.length - 6;
    hours = (shift === 0 ? digitAt(time, 0) * 10 : 0) + digitAt(time, 1 + shift);
    minutes = digitAt(time, 2 + shift) * 10 + digitAt(time, 3 + shift);
    seconds = digitAt(time, 4 + shift) * 10 + digitAt(time, 5 + shift);
  } else {
    return -1;
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return -1;
  return hours * 3600 + minutes * 60 + seconds;
}

/** `±HH:MM` → minutes east of UTC; null when out of range or not this shape. */
function fastOffsetMinutes(offset: string): number | null {
  if (offset.length !== 6 || offset.charCodeAt(3) !== 58) return null;
  const sign = offset.charCodeAt(0);
  if ((sign !== 43 && sign !== 45) || !isDigit(offset.charCodeAt(1)) || !isDigit(offset.charCodeAt(2)) || !isDigit(offset.charCodeAt(4)) || !isDigit(offset.charCodeAt(5))) return null;
  const hours = digitAt(offset, 1) * 10 + digitAt(offset, 2);
  const minutes = digitAt(offset, 4) * 10 + digitAt(offset, 5);
  if (hours > 14 || minutes > 59) return null;
  return (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => (value < 10 ? `0${value}` : String(value)));

function wallClockOf(date: string, secondsOfDay: number): string {
  const hours = Math.floor(secondsOfDay / 3600);
  const minutes = Math.floor(secondsOfDay / 60) % 60;
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[secondsOfDay % 60]}`;
}

function epochMsOf(yyyymmdd: number, secondsOfDay: number): number {
  return Date.UTC(Math.floor(yyyymmdd / 10_000), (Math.floor(yyyymmdd / 100) % 100) - 1, yyyymmdd % 100) + secondsOfDay * 1000;
}

function wallClock(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}

/**
 * The time of one activity. `date`+`time` are the wall clock where the scan happened; `gmtDate`+`gmtTime`
 * are the same moment in GMT and `gmtOffset` the scan's offset. With the GMT fields the moment is an
 * instant: `occurredAt` is built from them (shown at `gmtOffset`, or with `Z` when no offset came) and
 * `localTime` stays `date`+`time`. Without them, `gmtOffset` alone still makes `date`+`time` an instant;
 * with no offset at all the time is `local` (never stamped `Z`), and a bare date is `date`.
 */
export function upsActivityTime(activity: Pick<UpsActivity, 'date' | 'time' | 'gmtDate' | 'gmtTime' | 'gmtOffset'>): CarrierTime | null {
  const { date, time, gmtDate, gmtTime, gmtOffset } = activity;
  // Only the complete usual shape takes the fast path: date, time, and either all GMT fields or none.
  const hasGmt = gmtDate !== undefined && gmtTime !== undefined && gmtOffset !== undefined;
  if (date === undefined || time === undefined || (!hasGmt && (gmtDate !== undefined || gmtTime !== undefined))) return readUpsActivityTimeSlowly(activity);
  const localDate = compactDate(date);
  const localSeconds = compactSeconds(time);
  if (localDate === 0 || localSeconds < 0) return readUpsActivityTimeSlowly(activity);
  const local = wallClockOf(date, localSeconds);
  if (gmtOffset === undefined) return { occurredAt: null, localTime: local, timeKind: 'local' };
  const offsetMinutes = fastOffsetMinutes(gmtOffset);
  if (offsetMinutes === null) return readUpsActivityTimeSlowly(activity);
  if (!hasGmt) return { occurredAt: `${local}${gmtOffset}`, localTime: local, timeKind: 'instant' };
  const utcDate = compactDate(gmtDate);
  const utcSeconds = compactSeconds(gmtTime);
  if (utcDate === 0 || utcSeconds < 0) return readUpsActivityTimeSlowly(activity);
  const epochMs = epochMsOf(utcDate, utcSeconds);
  // Usually the GMT fields and date+time+offset agree: then the instant at the offset is date+time itself.
  const atOffset = epochMsOf(localDate, localSeconds) - offsetMinutes * 60_000 === epochMs ? local : wallClock(epochMs + offsetMinutes * 60_000);
  return { occurredAt: `${atOffset}${gmtOffset}`, localTime: local, timeKind: 'instant' };
}

type DeliveryDates = UpsPackage['deliveryDate'];
type DeliveryTime = UpsPackage['deliveryTime'];

function dateOfType(deliveryDates: DeliveryDates, type: string): string | null {
  for (const entry of deliveryDates ?? []) {
    if (entry.type?.trim().toUpperCase() !== type) continue;
    const date = toLocal(entry.date);
    if (date && !date.includes('T')) return date;
  }
  return null;
}

const WINDOW_TYPES: ReadonlySet<string> = new Set(['EDW', 'CDW', 'IDW']);

/**
 * The carrier's delivery estimate: the rescheduled date (RDD) over the scheduled one (SDD), with the
 * `deliveryTime` window when UPS gives one (EDW/CDW/IDW: start and end; CMT: committed by `endTime`).
 * UPS sends no offset for these, so times are `local`; a date without a window (EOD or none) is `date`.
 */
export function upsEstimatedDelivery(deliveryDates: DeliveryDates, deliveryTime: DeliveryTime): EstimatedDelivery | null {
  const date = dateOfType(deliveryDates, 'RDD') ?? dateOfType(deliveryDates, 'SDD');
  if (!date) return null;
  const type = deliveryTime?.type?.trim().toUpperCase() ?? '';
  const start = deliveryTime?.startTime ? toLocal(date, deliveryTime.startTime) : null;
  const end = deliveryTime?.endTime ? toLocal(date, deliveryTime.endTime) : null;
  if ((WINDOW_TYPES.has(type) && (start || end)) || (type === 'CMT' && end)) {
    return { from: type === 'CMT' ? null : start, to: end, timeKind: 'local', source: 'carrier', confidence: null };
  }
  return { from: date, to: date, timeKind: 'date', source: 'carrier', confidence: null };
}

/** The delivery moment from `deliveryDate[DEL]` and a `deliveryTime` of type DEL: local time, or a date. */
export function upsDeliveredTime(deliveryDates: DeliveryDates, deliveryTime: DeliveryTime): CarrierTime | null {
  const date = dateOfType(deliveryDates, 'DEL');
  if (!date) return null;
  const isDeliveredTime = deliveryTime?.type?.trim().toUpperCase() === 'DEL';
  const withTime = isDeliveredTime && deliveryTime?.endTime ? toLocal(date, deliveryTime.endTime) : null;
  return withTime ? localTime(withTime) : dateOnly(date);
}
