import type { ShipmentStatus } from '../status/statuses';

type ReturnTripEntry =
  | { readonly status: 'returned'; readonly substatus: 'returned_to_sender' }
  | { readonly status: 'returning'; readonly substatus: 'returning_to_sender' };

/** Statuses whose meaning turns around on the way back to the sender; the others mean the same either way. */
const ON_THE_WAY_BACK: Readonly<Partial<Record<ShipmentStatus, ReturnTripEntry>>> = {
  delivered: { status: 'returned', substatus: 'returned_to_sender' },
  in_transit: { status: 'returning', substatus: 'returning_to_sender' },
  out_for_delivery: { status: 'returning', substatus: 'returning_to_sender' },
};

/**
 * What a status means for a scan the carrier marks as on the way back to the sender (a return flag): delivered is
 * back at the sender, moving or out for delivery is returning. Undefined when the status keeps its meaning.
 */
export function returnTripStatus(status: ShipmentStatus): ReturnTripEntry | undefined {
  return ON_THE_WAY_BACK[status];
}
