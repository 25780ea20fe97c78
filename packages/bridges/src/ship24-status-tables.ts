import { createStatusTable } from '@wismo/core';

/*
 * Ship24: `statusMilestone` (8 values, always present), `statusCategory` + `statusCode` (20 codes, null on events
 * Ship24 finds not significant). Source: docs.ship24.com (status milestones, status codes;
 * docs/research/anchors-aggregators.md §1.1). One entry per documented code.
 */

export const SHIP24_STATUS_CODE_TABLE = createStatusTable({
  data_order_created: { status: 'info_received', substatus: 'label_created' },
  data_order_cancelled: { status: 'cancelled', substatus: 'cancelled' },
  // The carrier proposes a delivery date or slot; nothing agreed yet.
  data_delivery_proposed: { status: 'in_transit', substatus: 'in_transit' },
  data_delivery_decided: { status: 'in_transit', substatus: 'delivery_appointment_scheduled' },
  transit_handover: { status: 'in_transit', substatus: 'picked_up' },
  transit_origin_country_departure: { status: 'in_transit', substatus: 'departed_origin_country' },
  destination_arrival: { status: 'in_transit', substatus: 'arrived_in_destination_country' },
  customs_received: { status: 'in_transit', substatus: 'customs_processing' },
  customs_exception: { status: 'exception', substatus: 'customs_held' },
  customs_rejected: { status: 'exception', substatus: 'customs_held' },
  customs_cleared: { status: 'in_transit', substatus: 'customs_cleared' },
  delivery_available_for_pickup: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  delivery_out_for_delivery: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  delivery_attempted: { status: 'attempt_failed', substatus: 'attempt_failed' },
  // "Usually could be solved": the carrier's problem until it says otherwise.
  delivery_exception: { status: 'exception', substatus: 'carrier_exception' },
  delivery_refused: { status: 'attempt_failed', substatus: 'attempt_failed_refused' },
  delivery_delivered: { status: 'delivered', substatus: 'delivered' },
  exception_return: { status: 'returning', substatus: 'returning_to_sender' },
  exception_lost: { status: 'exception', substatus: 'lost' },
  exception_discarded: { status: 'exception', substatus: 'disposed' },
});

/** By milestone, for events whose `statusCode` is null. */
export const SHIP24_MILESTONE_TABLE = createStatusTable({
  pending: { status: 'pending', substatus: 'awaiting_carrier_data' },
  info_received: { status: 'info_received', substatus: 'label_created' },
  in_transit: { status: 'in_transit', substatus: 'in_transit' },
  out_for_delivery: { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  failed_attempt: { status: 'attempt_failed', substatus: 'attempt_failed' },
  available_for_pickup: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  delivered: { status: 'delivered', substatus: 'delivered' },
  exception: { status: 'exception', substatus: 'carrier_exception' },
});
