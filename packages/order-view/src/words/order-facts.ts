import type { OrderView, ParcelView } from '../order-view-schema';

/** The shop cancelled the order (its milestone is in the timeline). */
export function orderIsCancelled(view: OrderView): boolean {
  return view.timeline.some((entry) => entry.milestone === 'cancelled');
}

/** An outbound parcel no carrier has taken yet: no label, no result, or only the label's data. */
export function notHandedOver(parcel: ParcelView): boolean {
  return (
    parcel.direction === 'outbound' &&
    (parcel.tracking !== 'tracked' || parcel.status === 'pending' || parcel.status === 'info_received' || parcel.status === 'cancelled')
  );
}

/** A parcel that will never leave: the order was cancelled before any carrier took it. */
export function cancelledBeforeShipping(view: OrderView, parcel: ParcelView): boolean {
  return notHandedOver(parcel) && orderIsCancelled(view);
}

/** Whether any outbound parcel has a label (the words then speak of "the rest of your order"). */
export function anythingShipped(view: OrderView): boolean {
  return view.parcels.some(
    (parcel) => parcel.direction === 'outbound' && parcel.tracking !== 'no_tracking_number' && parcel.status !== 'cancelled',
  );
}
