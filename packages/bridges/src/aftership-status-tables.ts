import { createStatusTable } from '@wismo/core';

/*
 * AfterShip Tracking: `tag` (9 values) and `subtag` (`<Tag>_<NNN>`), on the tracking and on every checkpoint.
 * Source: aftership.com/docs/tracking (delivery statuses and sub-statuses), the AfterShip SDK enums mirroring it, and the
 * 2026-03-27 additions Exception_016…_021 (docs/research/anchors-aggregators.md §1.1). One entry per documented code.
 */

/** By `subtag`: the code a checkpoint is mapped with. */
export const AFTERSHIP_SUBTAG_TABLE = createStatusTable({
  Pending_001: { status: 'pending', substatus: 'awaiting_carrier_data' },
  Pending_002: { status: 'pending', substatus: 'awaiting_carrier_data' },
  Pending_003: { status: 'pending', substatus: 'awaiting_carrier_data' },
  Pending_004: { status: 'pending', substatus: 'awaiting_carrier_data' },
  Pending_005: { status: 'pending', substatus: 'awaiting_carrier_data' },
  Pending_006: { status: 'pending', substatus: 'awaiting_carrier_data' },
  InfoReceived_001: { status: 'info_received', substatus: 'label_created' },
  InTransit_001: { status: 'in_transit', substatus: 'in_transit' },
  InTransit_002: { status: 'in_transit', substatus: 'picked_up' },
  InTransit_003: { status: 'in_transit', substatus: 'arrived_at_facility' },
  InTransit_004: { status: 'in_transit', substatus: 'arrived_in_destination_country' },
  InTransit_005: { status: 'in_transit', substatus: 'customs_cleared' },
  InTransit_006: { status: 'in_transit', substatus: 'customs_processing' },
  InTransit_007: { status: 'in_transit', substatus: 'departed_facility' },
  // "Problem resolved": moving again, nothing more specific.
  InTransit_008: { status: 'in_transit', substatus: 'in_transit' },
  InTransit_009: { status: 'in_transit', substatus: 'rerouted' },
  OutForDelivery_001: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  // Legacy "available for pickup" filed under OutForDelivery.
  OutForDelivery_002: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  // "Customer contacted": still on the way out today.
  OutForDelivery_003: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  OutForDelivery_004: { status: 'in_transit', substatus: 'delivery_appointment_scheduled' },
  AvailableForPickup_001: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  AttemptFail_001: { status: 'attempt_failed', substatus: 'attempt_failed' },
  AttemptFail_002: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  AttemptFail_003: { status: 'attempt_failed', substatus: 'attempt_failed_business_closed' },
  Delivered_001: { status: 'delivered', substatus: 'delivered' },
  Delivered_002: { status: 'delivered', substatus: 'picked_up_by_recipient' },
  Delivered_003: { status: 'delivered', substatus: 'signature_obtained' },
  // Delivered and cash on delivery collected.
  Delivered_004: { status: 'delivered', substatus: 'delivered' },
  Delivered_005: { status: 'delivered', substatus: 'delivered_to_neighbour' },
  Exception_001: { status: 'exception', substatus: 'carrier_exception' },
  // "Customer moved".
  Exception_002: { status: 'exception', substatus: 'address_problem' },
  // Refused by the recipient: a failed attempt the shipper acts on (docs/status-model.md).
  Exception_003: { status: 'attempt_failed', substatus: 'attempt_failed_refused' },
  Exception_004: { status: 'exception', substatus: 'customs_held' },
  // "Delayed (external factors)".
  Exception_005: { status: 'in_transit', substatus: 'delayed' },
  Exception_006: { status: 'exception', substatus: 'held_for_payment' },
  Exception_007: { status: 'exception', substatus: 'address_problem' },
  // "Pickup missed": the carrier did not collect from the shipper.
  Exception_008: { status: 'exception', substatus: 'carrier_exception' },
  Exception_009: { status: 'exception', substatus: 'rejected_by_carrier' },
  Exception_010: { status: 'returning', substatus: 'returning_to_sender' },
  Exception_011: { status: 'returned', substatus: 'returned_to_sender' },
  Exception_012: { status: 'exception', substatus: 'damaged' },
  Exception_013: { status: 'exception', substatus: 'lost' },
  Exception_016: { status: 'in_transit', substatus: 'delayed_carrier_issue' },
  Exception_017: { status: 'in_transit', substatus: 'delayed_weather' },
  Exception_018: { status: 'exception', substatus: 'customs_documents_needed' },
  Exception_019: { status: 'in_transit', substatus: 'delayed_carrier_issue' },
  Exception_020: { status: 'cancelled', substatus: 'cancelled' },
  Exception_021: { status: 'exception', substatus: 'disposed' },
  // "No tracking information for 30 days": AfterShip's bookkeeping, not a carrier state (docs/status-model.md).
  Expired_001: { status: 'unknown', substatus: 'unknown' },
});

/** By `tag`, for a checkpoint or tracking that carries no `subtag`. */
export const AFTERSHIP_TAG_TABLE = createStatusTable({
  Pending: { status: 'pending', substatus: 'awaiting_carrier_data' },
  InfoReceived: { status: 'info_received', substatus: 'label_created' },
  InTransit: { status: 'in_transit', substatus: 'in_transit' },
  OutForDelivery: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  AttemptFail: { status: 'attempt_failed', substatus: 'attempt_failed' },
  Delivered: { status: 'delivered', substatus: 'delivered' },
  AvailableForPickup: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  Exception: { status: 'exception', substatus: 'carrier_exception' },
  Expired: { status: 'unknown', substatus: 'unknown' },
});
