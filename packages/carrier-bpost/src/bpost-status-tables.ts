import { createStatusTable } from '@wismo/core';

/*
 * bpost `stateInfo.stateCode`, as data. bpost publishes no code list: the codes are the ones karrio's bpost
 * connector buckets (research/carrier-codes/misc-codes.md, karrio units.py @ 9c84c162), mapped from karrio's
 * bucket (confidence L) except where bpost's own `stateDescription` is known from the recorded answer
 * (T00, L00, U01: confidence H). karrio's L00 "on hold" is wrong: bpost says "BoundToRound -
 * out_for_distribution". karrio lists B04 in two buckets (in transit and delivery failed): here it is a
 * failed delivery, like B03–B13. The comment on each entry is bpost's text where known, else karrio's bucket.
 */
export const BPOST_STATE_CODES = createStatusTable({
  // Sorting and transport
  T00: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Sorted - sorted_out
  N14: { status: 'in_transit', substatus: 'in_transit' }, // karrio: in_transit
  R00: { status: 'in_transit', substatus: 'in_transit' }, // karrio: in_transit
  R01: { status: 'in_transit', substatus: 'in_transit' }, // karrio: in_transit
  R02: { status: 'in_transit', substatus: 'in_transit' }, // karrio: in_transit
  R03: { status: 'in_transit', substatus: 'in_transit' }, // karrio: in_transit
  R04: { status: 'in_transit', substatus: 'in_transit' }, // karrio: in_transit
  R05: { status: 'in_transit', substatus: 'in_transit' }, // karrio: in_transit
  // Out for delivery
  L00: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // BoundToRound - out_for_distribution
  // Delivered
  U00: { status: 'delivered', substatus: 'delivered' }, // karrio: delivered
  U01: { status: 'delivered', substatus: 'delivered' }, // DistributedNormally - regular
  U02: { status: 'delivered', substatus: 'delivered' }, // karrio: delivered
  U03: { status: 'delivered', substatus: 'delivered' }, // karrio: delivered
  U04: { status: 'delivered', substatus: 'delivered' }, // karrio: delivered
  U05: { status: 'delivered', substatus: 'delivered' }, // karrio: delivered
  U06: { status: 'delivered', substatus: 'delivered' }, // karrio: delivered
  U07: { status: 'delivered', substatus: 'delivered' }, // karrio: delivered
  U08: { status: 'delivered', substatus: 'delivered' }, // karrio: delivered
  // Ready for pickup
  N74: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // karrio: ready_for_pickup
  R13: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // karrio: ready_for_pickup
  // Delivery not possible
  B03: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B04: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed (also in_transit there)
  B05: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B06: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B07: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B08: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B09: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B10: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B11: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B12: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B13: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B18: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B23: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B24: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  B28: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  R11: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  R12: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  T03: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  S00: { status: 'attempt_failed', substatus: 'attempt_failed' }, // karrio: delivery_failed
  // Held (karrio: on_hold; what holds them is not documented)
  B00: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  B01: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  B02: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  C00: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I03: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I10: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I11: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I12: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I18: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I19: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I58: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I61: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I66: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I67: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I68: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I72: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  I88: { status: 'exception', substatus: 'held_by_carrier' }, // karrio: on_hold
  // Notifications and delays
  N01: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N02: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N03: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N04: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N05: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N06: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N07: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N08: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N10: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N11: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N12: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N13: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N16: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N28: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N32: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N91: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N92: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N93: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N94: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N95: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  N96: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
  P00: { status: 'in_transit', substatus: 'delayed' }, // karrio: delivery_delayed
});
