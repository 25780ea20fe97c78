import { createStatusTable } from '@wismo/core';

/*
 * GLS status tables, as data. Source: GLS Track And Trace V1 OpenAPI 1.0.7 (vendored in karrioapi/karrio
 * modules/connectors/gls/vendor/ecitrackandtrace.yaml @ 6da66c3c85e4): the `ParcelDTO.status` enum with its
 * descriptions, and every event code its examples use. The comment on each entry is GLS's own text.
 * GLS publishes the full event-code list only through `GET /tracking/events/codes` (behind credentials, not
 * stored here): an event code not below is kept raw and `unmapped` unless the parcel status decides it (see
 * `mapGlsEvent` in parse-gls-response.ts).
 */

/** `parcels[].status`: the twelve documented parcel statuses. */
export const GLS_PARCEL_STATUSES = createStatusTable({
  PLANNEDPICKUP: { status: 'info_received', substatus: 'pickup_scheduled' }, // Parcel is planned to be picked up
  INPICKUP: { status: 'info_received', substatus: 'pickup_scheduled' }, // Parcel will be picked up by a driver
  NOTPICKEDUP: { status: 'exception', substatus: 'carrier_exception' }, // Parcel was not picked up
  PREADVICE: { status: 'info_received', substatus: 'label_created' }, // GLS has received the parceldata but not the physical parcel
  INTRANSIT: { status: 'in_transit', substatus: 'in_transit' }, // Parcel is on its way to the final depot
  INDELIVERY: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // Parcel in in delivey by a driver
  DELIVEREDPS: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // Parcel delivered to a parcel shop
  DELIVERED: { status: 'delivered', substatus: 'delivered' }, // Parcel was delivered
  INWAREHOUSE: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Parcel is in warehouse
  NOTDELIVERED: { status: 'attempt_failed', substatus: 'attempt_failed' }, // Parcel was not delivered
  CANCELED: { status: 'cancelled', substatus: 'cancelled' }, // Parcel was cancelled
  // Parcel history closed: says nothing about where the parcel is, so it never moves a shipment.
  FINAL: { status: 'unknown', substatus: 'unknown' },
});

/** `events[].code` (`TYPE.REASON`): every code the spec's examples and its events-codes example show. */
export const GLS_EVENT_CODES = createStatusTable({
  'INTIAL.PREADVICE': { status: 'info_received', substatus: 'label_created' }, // The parcel data was entered into the GLS IT system; the parcel was not yet handed over to GLS.
  'INTIAL.E48_DATA': { status: 'info_received', substatus: 'pickup_scheduled' }, // The parcel was provided by the sender for collection by GLS.
  'INTIAL.NORMAL': { status: 'in_transit', substatus: 'picked_up' }, // The parcel was handed over to GLS.
  'DELIVD.PARCELSHOP': { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // The parcel has been delivered at the ParcelShop (see ParcelShop information).
  'CANCEL.NORMAL': { status: 'cancelled', substatus: 'cancelled' }, // The parcel data have been deleted from the GLS IT system.
  'CHANGD.MONEWADDR': { status: 'in_transit', substatus: 'rerouted' }, // Change completed for - Delivery at new address
  'CHANGD.PARCELBOX': { status: 'in_transit', substatus: 'rerouted' }, // Change completed for - ParcelLocker
});
