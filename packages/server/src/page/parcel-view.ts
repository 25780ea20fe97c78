import type { CarrierAdapter, Shipment } from '@wismo/core';
import { buildOrderView, parseOrder, type CarrierDirectory, type DeliveryHistory, type OrderView } from '@wismo/order-view';

export interface ParcelViewOptions {
  carriers: CarrierDirectory | readonly CarrierAdapter[];
  history?: DeliveryHistory;
  /** The zone times are shown in (the shop's: the visitor is anonymous). */
  timeZone: string;
  locale: string;
  now: Date;
}

const ANONYMOUS_ID = 'parcel';

/**
 * The view of one parcel looked up by its tracking number alone. It runs through the same engine as order
 * views (milestones, customer-zone times, delays, predicted ETA) on a one-parcel order that holds no
 * customer data: anonymous placeholders, never shown, stand in for the fields an order must have. The
 * page renders only the parcel's part of it.
 */
export function buildParcelOnlyView(shipment: Shipment, options: ParcelViewOptions): OrderView {
  const lanePlace = (location: Shipment['origin']) =>
    location?.countryCode ? { countryCode: location.countryCode, region: location.region } : null;
  const order = parseOrder({
    id: ANONYMOUS_ID,
    number: shipment.trackingNumber,
    placedAt: options.now.toISOString(),
    customer: { id: ANONYMOUS_ID, email: 'parcel@tracking.invalid', name: 'Parcel', locale: options.locale, timeZone: options.timeZone },
    shippingAddress: shipment.destination?.countryCode
      ? { countryCode: shipment.destination.countryCode, city: null, region: shipment.destination.region, postalCode: null }
      : null,
    items: [],
    shipments: [
      {
        id: ANONYMOUS_ID,
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
        service: shipment.service,
        direction: shipment.direction,
        origin: lanePlace(shipment.origin),
        destination: lanePlace(shipment.destination),
      },
    ],
  });
  return buildOrderView(order, [shipment], { now: options.now, carriers: options.carriers, history: options.history });
}
