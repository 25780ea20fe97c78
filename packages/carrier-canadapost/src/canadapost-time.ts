import {
  dateOnly,
  formatInstantAtOffset,
  formatOffset,
  instantOfWallClock,
  instantTime,
  localTime,
  normaliseLocalDateTime,
  zoneOffsetMinutes,
  type CarrierTime,
} from '@wismo/core';

/** `event-time-zone` is an abbreviation, not an offset. Canada's zones (NST is −03:30). */
const CANADIAN_ZONE_OFFSETS: Readonly<Record<string, string>> = Object.freeze({
  NST: '-03:30',
  NDT: '-02:30',
  AST: '-04:00',
  ADT: '-03:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
});

/**
 * Where the zone is missing or not Canadian (`""`, `ISRAEL`), the province's zone gives the offset, for provinces
 * that keep one zone across (almost) all their territory. Ontario's and Quebec's far west/east, Nunavut and
 * Labrador differ: those are left out, so their times stay local.
 */
const PROVINCE_ZONES: Readonly<Record<string, string>> = Object.freeze({
  NS: 'America/Halifax',
  NB: 'America/Moncton',
  PE: 'America/Halifax',
  MB: 'America/Winnipeg',
  SK: 'America/Regina',
  AB: 'America/Edmonton',
  YT: 'America/Whitehorse',
  NT: 'America/Yellowknife',
});

/**
 * An occurrence's `event-date` + `event-time` with its zone: an instant when the abbreviation is Canadian (or the
 * province has one zone), local wall time otherwise, the date alone without a time.
 */
export function canadaPostEventTime(
  date: string | undefined,
  time: string | undefined,
  zone: string | undefined,
  province: string | undefined,
): CarrierTime | null {
  const day = date?.trim();
  if (!day) return null;
  const clock = time?.trim();
  if (!clock) return dateOnly(day);
  const local = normaliseLocalDateTime(`${day}T${clock}`);
  if (!local || local.length === 10) return null;
  const offset = CANADIAN_ZONE_OFFSETS[zone?.trim().toUpperCase() ?? ''];
  if (offset) return instantTime(local, offset);
  const provinceZone = PROVINCE_ZONES[province?.trim().toUpperCase() ?? ''];
  if (provinceZone) {
    const epochMs = instantOfWallClock(
      local.slice(0, 10),
      Number(local.slice(11, 13)),
      Number(local.slice(14, 16)),
      provinceZone,
      Number(local.slice(17, 19)),
    );
    const stamped = formatInstantAtOffset(epochMs, formatOffset(zoneOffsetMinutes(provinceZone, epochMs)));
    // A wall time skipped by a DST change moves forward by the gap: the stamp is the instant's own local time.
    if (stamped) return instantTime(stamped.slice(0, 19), stamped.slice(19));
  }
  return localTime(local);
}

/** `YYYY-MM-DD` dates (expected delivery): a date, or null when empty or not a date. */
export function canadaPostDate(value: string | undefined): CarrierTime | null {
  const day = value?.trim();
  return day ? dateOnly(day) : null;
}
