import {
  buildShipment,
  createEvent,
  createLocation,
  dateOnly,
  instantTime,
  localTime,
  type CarrierTime,
  type Shipment,
  type ShipmentInput,
  type StatusTableEntry,
} from '@wismo/core';

type LocationParts = Parameters<typeof createLocation>[0];

/** A carrier time: with an offset it is an instant, without one the carrier's local wall time. */
export function at(wallTime: string, offset?: string): CarrierTime {
  const time = offset ? instantTime(wallTime, offset) : localTime(wallTime);
  if (!time) throw new Error(`Bad fixture time ${wallTime} ${offset ?? ''}`);
  return time;
}

export function onDate(date: string): CarrierTime {
  return dateOnly(date)!;
}

export interface Scan {
  time: CarrierTime;
  code: string;
  text: string;
  mapped: StatusTableEntry;
  place?: LocationParts;
}

export function scan(time: CarrierTime, code: string, text: string, mapped: StatusTableEntry, place?: LocationParts): Scan {
  return { time, code, text, mapped, ...(place ? { place } : {}) };
}

/** A tracked shipment through core's own builder, scans given oldest first as they happened. */
export function trackedShipment(input: Omit<ShipmentInput, 'events' | 'eventsNewestFirst'> & { scans: readonly Scan[] }): Shipment {
  const { scans, ...rest } = input;
  return buildShipment({
    ...rest,
    fetchedAt: rest.fetchedAt ?? new Date('2026-03-31T08:00:00Z'),
    eventsNewestFirst: false,
    events: scans.map((item) =>
      createEvent({
        time: item.time,
        code: item.code,
        codes: { statusCode: item.code },
        description: item.text,
        location: item.place ? createLocation(item.place) : null,
        mapped: item.mapped,
      }),
    ),
  });
}
