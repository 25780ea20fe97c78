import {
  dateOnly,
  formatOffset,
  instantOfWallClock,
  instantTime,
  parseCarrierDateTime,
  zoneOffsetMinutes,
  type CarrierTime,
  type EstimatedDelivery,
} from '@wismo/core';
import type { HermesShipmentInfo } from './hermes-api';
import { HERMES_TIME_ZONE } from './hermes-carrier';

/** `status[].timestamp` is ISO 8601 with an offset (`2024-01-20T14:30:00+01:00`): an instant. Without one it stays local. */
export function hermesTime(value: string | null | undefined): CarrierTime | null {
  return parseCarrierDateTime(value);
}

const HOUR_MINUTE = /^(\d{2}):(\d{2})$/;

/*
 * Germany's offset on a day, at noon. Zone arithmetic through Intl is the slowest step of normalising, and
 * slots are daytime: the noon offset is the slot's offset except before 04:00 on a DST-change day, which is
 * computed exactly. Bounded: cleared once it holds two years of days.
 */
const noonOffsets = new Map<string, string>();

function germanOffset(date: string, hour: number, minute: number): string {
  if (hour < 4) return formatOffset(zoneOffsetMinutes(HERMES_TIME_ZONE, instantOfWallClock(date, hour, minute, HERMES_TIME_ZONE)));
  let offset = noonOffsets.get(date);
  if (offset === undefined) {
    if (noonOffsets.size >= 730) noonOffsets.clear();
    offset = formatOffset(zoneOffsetMinutes(HERMES_TIME_ZONE, instantOfWallClock(date, 12, 0, HERMES_TIME_ZONE)));
    noonOffsets.set(date, offset);
  }
  return offset;
}

/** A slot bound (`10:00`, German time) on `date`, as an instant at Germany's offset then; null when unreadable. */
function slotInstant(date: string, value: string | undefined): string | null {
  const match = value ? HOUR_MINUTE.exec(value.trim()) : null;
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return instantTime(`${date}T${match[1]}:${match[2]}:00`, germanOffset(date, hour, minute))?.occurredAt ?? null;
}

/**
 * `deliveryForecast`: a day, and a time slot in German time when Hermes gives one. The slot's zone is
 * documented (CET/CEST), so its bounds are instants; a day alone is a date.
 */
export function hermesEstimatedDelivery(forecast: HermesShipmentInfo['deliveryForecast']): EstimatedDelivery | null {
  const day = dateOnly(forecast?.date ?? '');
  if (!day?.localTime) return null;
  const from = slotInstant(day.localTime, forecast?.timeSlot?.from);
  const to = slotInstant(day.localTime, forecast?.timeSlot?.to);
  if (from && to) return { from, to, timeKind: 'instant', source: 'carrier', confidence: null };
  return { from: day.localTime, to: day.localTime, timeKind: 'date', source: 'carrier', confidence: null };
}
