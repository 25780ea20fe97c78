import { createStatusTable } from '@wismo/core';

/*
 * 17TRACK API v2.x: 9 main statuses and 30 sub-statuses, on `track_info.latest_status` and on each event
 * (`sub_status`, v2.2+). Source: api.17track.net docs, status reference (docs/research/anchors-aggregators.md §1.1).
 * One entry per documented code.
 */

export const SEVENTEEN_TRACK_SUB_STATUS_TABLE = createStatusTable({
  NotFound_Other: { status: 'pending', substatus: 'awaiting_carrier_data' },
  // The number is not valid for the carrier 17TRACK chose: no parcel state to report.
  NotFound_InvalidCode: { status: 'unknown', substatus: 'unknown' },
  InfoReceived: { status: 'info_received', substatus: 'label_created' },
  InTransit_PickedUp: { status: 'in_transit', substatus: 'picked_up' },
  InTransit_Other: { status: 'in_transit', substatus: 'in_transit' },
  InTransit_Departure: { status: 'in_transit', substatus: 'departed_origin_country' },
  InTransit_Arrival: { status: 'in_transit', substatus: 'arrived_in_destination_country' },
  InTransit_CustomsProcessing: { status: 'in_transit', substatus: 'customs_processing' },
  InTransit_CustomsReleased: { status: 'in_transit', substatus: 'customs_cleared' },
  InTransit_CustomsRequiringInformation: { status: 'exception', substatus: 'customs_recipient_information_needed' },
  // 17TRACK's bookkeeping (no update for a long time), not a carrier state.
  Expired_Other: { status: 'unknown', substatus: 'unknown' },
  AvailableForPickup_Other: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  OutForDelivery_Other: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  DeliveryFailure_Other: { status: 'attempt_failed', substatus: 'attempt_failed' },
  DeliveryFailure_NoBody: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  DeliveryFailure_Security: { status: 'attempt_failed', substatus: 'attempt_failed_no_access' },
  DeliveryFailure_Rejected: { status: 'attempt_failed', substatus: 'attempt_failed_refused' },
  DeliveryFailure_InvalidAddress: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' },
  Delivered_Other: { status: 'delivered', substatus: 'delivered' },
  Exception_Other: { status: 'exception', substatus: 'carrier_exception' },
  Exception_Returning: { status: 'returning', substatus: 'returning_to_sender' },
  Exception_Returned: { status: 'returned', substatus: 'returned_to_sender' },
  // Nobody to receive it, reported as an exception rather than an attempt.
  Exception_NoBody: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  Exception_Security: { status: 'exception', substatus: 'held_by_carrier' },
  Exception_Damage: { status: 'exception', substatus: 'damaged' },
  Exception_Rejected: { status: 'attempt_failed', substatus: 'attempt_failed_refused' },
  Exception_Delayed: { status: 'in_transit', substatus: 'delayed' },
  Exception_Lost: { status: 'exception', substatus: 'lost' },
  Exception_Destroyed: { status: 'exception', substatus: 'disposed' },
  Exception_Cancel: { status: 'cancelled', substatus: 'cancelled' },
});

/** By main status, for an event or tracking without a sub-status. */
export const SEVENTEEN_TRACK_STATUS_TABLE = createStatusTable({
  NotFound: { status: 'pending', substatus: 'awaiting_carrier_data' },
  InfoReceived: { status: 'info_received', substatus: 'label_created' },
  InTransit: { status: 'in_transit', substatus: 'in_transit' },
  Expired: { status: 'unknown', substatus: 'unknown' },
  AvailableForPickup: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  OutForDelivery: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  DeliveryFailure: { status: 'attempt_failed', substatus: 'attempt_failed' },
  Delivered: { status: 'delivered', substatus: 'delivered' },
  Exception: { status: 'exception', substatus: 'carrier_exception' },
});
