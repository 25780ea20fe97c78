import {
  normaliseTrackingNumber,
  type Leg,
  type Shipment,
  type ShipmentStatus,
  type Substatus,
  type CarrierTime,
  type TrackingEvent,
} from '@wismo/core';
import type { Order, OrderShipment } from '../order-schema';
import { momentOf, type EventMoment } from '../time/event-moment';
import type { Lane } from '../history/lanes';

export interface ParcelEvent {
  event: TrackingEvent;
  carrier: string;
  trackingNumber: string;
  moment: EventMoment | null;
  /** The country used to place the event in time (the scan's, else the country of a domestic parcel). */
  countryCode: string | null;
  /** The scan's state or province, when the carrier gave one. */
  regionCode: string | null;
}

export interface ResolvedLeg {
  leg: Leg;
  shipment: Shipment | null;
}

export interface ResolvedParcel {
  orderShipment: OrderShipment;
  /** Journey order; the first is the order shipment's own carrier and number. */
  legs: ResolvedLeg[];
  currentLegIndex: number;
  /** The current leg's tracking result. */
  shipment: Shipment | null;
  tracking: 'tracked' | 'no_tracking_number' | 'no_tracking_result';
  status: ShipmentStatus;
  substatus: Substatus;
  statusSince: CarrierTime | null;
  /** Every leg's events, newest first; each carrier's own order is kept. */
  events: ParcelEvent[];
  lane: Lane;
}

const NOT_MOVING: ReadonlySet<ShipmentStatus> = new Set(['pending', 'info_received', 'unknown']);

export function shipmentKey(carrier: string, trackingNumber: string): string {
  return `${carrier.trim().toLowerCase()}:${normaliseTrackingNumber(trackingNumber)}`;
}

/**
 * Merges lists that are each newest first into one, newest first, by estimated instant. Unlike a sort,
 * it never reorders a list against itself: a carrier's own sequence is kept even where its times (local
 * or date-only) cannot be compared exactly.
 */
export function mergeNewestFirst<T>(lists: readonly (readonly T[])[], estimateOf: (item: T) => number): T[] {
  const positions = lists.map(() => 0);
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const merged: T[] = [];
  while (merged.length < total) {
    let bestList = -1;
    let bestEstimate = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < lists.length; index++) {
      const list = lists[index]!;
      const position = positions[index]!;
      if (position >= list.length) continue;
      const estimate = estimateOf(list[position]!);
      if (bestList === -1 || estimate > bestEstimate) {
        bestList = index;
        bestEstimate = estimate;
      }
    }
    merged.push(lists[bestList]![positions[bestList]!]!);
    positions[bestList]! += 1;
  }
  return merged;
}

function laneOf(order: Order, orderShipment: OrderShipment, shipment: Shipment | null): Lane {
  const customerPlace = order.shippingAddress
    ? { countryCode: order.shippingAddress.countryCode, region: order.shippingAddress.region }
    : null;
  const fromShipment = (place: Shipment['origin']) =>
    place?.countryCode ? { countryCode: place.countryCode, region: place.region } : null;
  const isReturn = orderShipment.direction === 'return';
  const origin = orderShipment.origin ?? (isReturn ? customerPlace : null) ?? fromShipment(shipment?.origin ?? null);
  const destination = orderShipment.destination ?? (isReturn ? null : customerPlace) ?? fromShipment(shipment?.destination ?? null);
  return {
    originCountry: origin?.countryCode ?? null,
    originRegion: origin?.region ?? null,
    destinationCountry: destination?.countryCode ?? null,
    destinationRegion: destination?.region ?? null,
  };
}

export interface ResolveContext {
  order: Order;
  shipmentsByKey: ReadonlyMap<string, Shipment>;
  usedKeys: Set<string>;
  customerTimeZone: string;
}

/** Joins an order shipment with the tracking results of its carrier and of every later leg. */
export function resolveParcel(orderShipment: OrderShipment, context: ResolveContext): ResolvedParcel {
  const { shipmentsByKey, usedKeys } = context;
  const take = (carrier: string, trackingNumber: string | null): Shipment | null => {
    if (!trackingNumber) return null;
    const key = shipmentKey(carrier, trackingNumber);
    const shipment = shipmentsByKey.get(key) ?? null;
    if (shipment) usedKeys.add(key);
    return shipment;
  };

  const primaryShipment = take(orderShipment.carrier, orderShipment.trackingNumber);
  const otherLegs: Leg[] = [];
  const seen = new Set<string>([
    orderShipment.trackingNumber ? shipmentKey(orderShipment.carrier, orderShipment.trackingNumber) : `${orderShipment.carrier}:`,
  ]);
  for (const leg of [...orderShipment.legs, ...(primaryShipment?.legs ?? [])]) {
    const key = shipmentKey(leg.carrier, leg.trackingNumber ?? '');
    if (seen.has(key)) continue;
    seen.add(key);
    otherLegs.push(leg);
  }
  const legs: ResolvedLeg[] = [
    {
      leg: {
        carrier: orderShipment.carrier,
        carrierName: null,
        trackingNumber: orderShipment.trackingNumber,
        role: otherLegs.length > 0 ? 'first_mile' : 'other',
      },
      shipment: primaryShipment,
    },
    ...otherLegs.map((leg) => ({ leg, shipment: take(leg.carrier, leg.trackingNumber) })),
  ];

  // The current leg is the last one whose carrier has the parcel moving; before that, the first tracked one.
  let currentLegIndex = legs.findIndex((leg) => leg.shipment !== null);
  for (let index = legs.length - 1; index >= 0; index--) {
    const shipment = legs[index]!.shipment;
    if (shipment && !NOT_MOVING.has(shipment.status)) {
      currentLegIndex = index;
      break;
    }
  }
  if (currentLegIndex === -1) currentLegIndex = 0;
  const shipment = legs[currentLegIndex]!.shipment;
  const lane = laneOf(context.order, orderShipment, primaryShipment ?? shipment);
  const domesticCountry = lane.originCountry && lane.originCountry === lane.destinationCountry ? lane.originCountry : null;

  const eventLists = legs
    .filter((leg) => leg.shipment !== null)
    .map(({ shipment: legShipment }) =>
      legShipment!.events.map<ParcelEvent>((event) => {
        const countryCode = event.location?.countryCode ?? domesticCountry;
        const regionCode = event.location?.region ?? null;
        return {
          event,
          carrier: legShipment!.carrier,
          trackingNumber: legShipment!.trackingNumber,
          moment: momentOf(event, { countryCode, regionCode, fallbackTimeZone: context.customerTimeZone }),
          countryCode,
          regionCode,
        };
      }),
    );
  const events =
    eventLists.length === 1 ? eventLists[0]! : mergeNewestFirst(eventLists, (item) => item.moment?.estimate ?? Number.NEGATIVE_INFINITY);

  const tracking = shipment ? 'tracked' : orderShipment.trackingNumber ? 'no_tracking_result' : 'no_tracking_number';
  return {
    orderShipment,
    legs,
    currentLegIndex,
    shipment,
    tracking,
    status: shipment?.status ?? 'pending',
    substatus: shipment?.substatus ?? 'awaiting_carrier_data',
    statusSince: shipment?.statusSince ?? null,
    events,
    lane,
  };
}
