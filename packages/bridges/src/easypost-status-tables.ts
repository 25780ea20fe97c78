import { createStatusTable } from '@wismo/core';

/*
 * EasyPost Trackers: `status` (10 values) and `status_detail` (28 values), on the tracker and on each
 * `tracking_details[]` entry. Source: docs.easypost.com/docs/trackers and easypost-node `TrackerStatusDetail.d.ts`
 * (docs/research/anchors-aggregators.md §1.1). One entry per documented code.
 */

export const EASYPOST_STATUS_TABLE = createStatusTable({
  // EasyPost's own "no information": wismo's unknown, but a known code (not unmapped).
  unknown: { status: 'unknown', substatus: 'unknown' },
  pre_transit: { status: 'info_received', substatus: 'label_created' },
  in_transit: { status: 'in_transit', substatus: 'in_transit' },
  out_for_delivery: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  delivered: { status: 'delivered', substatus: 'delivered' },
  available_for_pickup: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  return_to_sender: { status: 'returning', substatus: 'returning_to_sender' },
  failure: { status: 'exception', substatus: 'carrier_exception' },
  cancelled: { status: 'cancelled', substatus: 'cancelled' },
  // The tracker itself failed (e.g. the carrier rejected the number): says nothing about the parcel.
  error: { status: 'unknown', substatus: 'unknown' },
});

export const EASYPOST_STATUS_DETAIL_TABLE = createStatusTable({
  address_correction: { status: 'in_transit', substatus: 'address_corrected' },
  arrived_at_destination: { status: 'in_transit', substatus: 'arrived_in_destination_country' },
  arrived_at_facility: { status: 'in_transit', substatus: 'arrived_at_facility' },
  arrived_at_pickup_location: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  awaiting_information: { status: 'info_received', substatus: 'label_created' },
  cancelled: { status: 'cancelled', substatus: 'cancelled' },
  damaged: { status: 'exception', substatus: 'damaged' },
  delayed: { status: 'in_transit', substatus: 'delayed' },
  delivery_exception: { status: 'exception', substatus: 'carrier_exception' },
  departed_facility: { status: 'in_transit', substatus: 'departed_facility' },
  departed_origin_facility: { status: 'in_transit', substatus: 'departed_facility' },
  expired: { status: 'unknown', substatus: 'unknown' },
  failure: { status: 'exception', substatus: 'carrier_exception' },
  held: { status: 'exception', substatus: 'held_by_carrier' },
  in_transit: { status: 'in_transit', substatus: 'in_transit' },
  label_created: { status: 'info_received', substatus: 'label_created' },
  lost: { status: 'exception', substatus: 'lost' },
  missorted: { status: 'in_transit', substatus: 'missorted' },
  out_for_delivery: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  received_at_destination_facility: { status: 'in_transit', substatus: 'arrived_at_facility' },
  received_at_origin_facility: { status: 'in_transit', substatus: 'picked_up' },
  refused: { status: 'attempt_failed', substatus: 'attempt_failed_refused' },
  return: { status: 'returning', substatus: 'returning_to_sender' },
  transferred_to_destination_carrier: { status: 'in_transit', substatus: 'handed_over_to_carrier' },
  transit_exception: { status: 'exception', substatus: 'carrier_exception' },
  weather_delay: { status: 'in_transit', substatus: 'delayed_weather' },
});

/** Documented details that add nothing to the `status` beside them: the status alone decides. */
export const EASYPOST_UNINFORMATIVE_DETAILS: ReadonlySet<string> = new Set(['status_update', 'unknown']);

/**
 * The statuses whose detail may move the event to another wismo status: an `in_transit` tracker whose detail is
 * `refused` or `held`, a `failure` whose detail is `lost`. Every other status is definitive and the detail only
 * refines the substatus within it.
 */
export const EASYPOST_STATUSES_DECIDED_BY_DETAIL: ReadonlySet<string> = new Set(['in_transit', 'failure', 'unknown']);
