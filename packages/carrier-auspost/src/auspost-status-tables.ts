import { createStatusTable } from '@wismo/core';

/*
 * Australia Post status tables, as data. The Shipping & Tracking API sends no event codes: an article has a
 * free-text `status` and events with a free-text `description`. Keys are those texts in lower case (Australia
 * Post is not consistent in capitals: "On Board for Delivery" beside "Onboard for delivery"); the comment is
 * the source and confidence. Texts not listed map to `unknown` with `unmapped: true` and the text kept.
 *
 * Sources: [K-AP] karrio australiapost units.py (docs/research/carrier-codes/misc-codes.md, heuristic
 * buckets), [SAMPLE] the recorded answer docs/research/carrier-samples/australiapost/track-multiple-ids.json.
 */

/** `status` of an article or a tracking result; the shipment's status when no event text is known. */
export const AUSPOST_ARTICLE_STATUSES = createStatusTable({
  'in transit': { status: 'in_transit' }, // "In transit" [K-AP] (H)
  'on board for delivery': { status: 'out_for_delivery' }, // "On Board for Delivery" [K-AP] (H)
  delivered: { status: 'delivered' }, // "Delivered" [K-AP][SAMPLE] (H)
  'delivered in full': { status: 'delivered' }, // "Delivered in Full" [K-AP] (H)
  'awaiting collection': { status: 'available_for_pickup' }, // "Awaiting collection" [K-AP] (H)
  'ready for pickup': { status: 'available_for_pickup' }, // "Ready for Pickup" [K-AP] (H)
  'unsuccessful delivery': { status: 'attempt_failed' }, // "Unsuccessful Delivery" [K-AP] (M)
  // karrio puts it in two buckets (on hold, delayed); a delay while moving is what the words say (M).
  'possible delay': { status: 'in_transit', substatus: 'delayed' }, // "Possible delay" [K-AP]
  'to be re-delivered': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // "To be Re-Delivered" [K-AP] (M)
  'held by courier': { status: 'exception', substatus: 'held_by_carrier' }, // "Held by courier" [K-AP] (M)
  'article damaged': { status: 'exception', substatus: 'damaged' }, // "Article damaged" [K-AP] (H)
  'cannot be delivered': { status: 'exception', substatus: 'carrier_exception' }, // "Cannot be delivered" [K-AP] (M)
  cancelled: { status: 'cancelled' }, // "Cancelled" [K-AP] (H)
  // "Unknown" says nothing; it only decides when no event is known either [SAMPLE].
  unknown: { status: 'unknown', substatus: 'unknown' },
});

/**
 * Event `description` texts. [SAMPLE] entries are in the recorded answer (H for the text, M for the mapping);
 * the others are Australia Post's customer-facing wording as used in the composed fixtures (L: not in a
 * recorded API answer).
 */
export const AUSPOST_EVENT_DESCRIPTIONS = createStatusTable({
  'shipping information received by australia post': { status: 'info_received', substatus: 'label_created' }, // [SAMPLE]
  'shipping information approved by australia post': { status: 'info_received', substatus: 'label_created' }, // [SAMPLE]
  'received by australia post': { status: 'in_transit', substatus: 'picked_up' }, // [SAMPLE]
  'received item from sender (outbound)': { status: 'in_transit', substatus: 'picked_up' }, // [SAMPLE]
  'arrived at facility': { status: 'in_transit', substatus: 'arrived_at_facility' }, // [SAMPLE]
  'item processed at facility': { status: 'in_transit', substatus: 'arrived_at_facility' }, // [SAMPLE]
  'processed at export facility': { status: 'in_transit', substatus: 'arrived_at_facility' }, // [SAMPLE]
  'despatch parcels from export facility': { status: 'in_transit', substatus: 'departed_origin_country' }, // [SAMPLE]
  'cleared and awaiting international departure': { status: 'in_transit', substatus: 'customs_cleared' }, // [SAMPLE]
  'processed by air carrier': { status: 'in_transit', substatus: 'in_transit' }, // [SAMPLE]
  'arrived awaiting clearance (inbound)': { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // [SAMPLE]
  'arrived in new zealand': { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // [SAMPLE]
  'item is in customs': { status: 'in_transit', substatus: 'customs_processing' }, // [SAMPLE]
  'item cleared by customs': { status: 'in_transit', substatus: 'customs_cleared' }, // [SAMPLE]
  'in transit to next facility in': { status: 'in_transit', substatus: 'in_transit' }, // [SAMPLE] "… in OAKLEIGH SOUTH VIC"
  'onboard for delivery': { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // [SAMPLE]
  delivered: { status: 'delivered', substatus: 'delivered' }, // [SAMPLE]
  'delivered - left in a safe place': { status: 'delivered', substatus: 'delivered_to_safe_place' }, // [SAMPLE]
  'delivered - signed for': { status: 'delivered', substatus: 'signature_obtained' }, // (L)
  'delivered to parcel locker': { status: 'delivered', substatus: 'delivered_to_locker_or_parcel_shop' }, // (L)
  'collected from post office': { status: 'delivered', substatus: 'picked_up_by_recipient' }, // (L)
  'awaiting collection at': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // (L) "… at <post office>"
  'attempted delivery - no one home, card left': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // (L)
  'attempted delivery': { status: 'attempt_failed', substatus: 'attempt_failed' }, // (L)
  'possible delay': { status: 'in_transit', substatus: 'delayed' }, // (L)
  'item damaged': { status: 'exception', substatus: 'damaged' }, // (L)
  'incorrect address - unable to deliver': { status: 'exception', substatus: 'address_problem' }, // (L)
  'returning to sender': { status: 'returning', substatus: 'returning_to_sender' }, // (L)
  'returned to sender': { status: 'returned', substatus: 'returned_to_sender' }, // (L)
});

/** Texts that carry a place at their end ("In transit to next facility in SUNSHINE WEST VIC"): matched by prefix. */
export const AUSPOST_EVENT_DESCRIPTION_PREFIXES: readonly string[] = ['in transit to next facility in', 'awaiting collection at'];
