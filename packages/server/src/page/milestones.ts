import type { ShipmentStatus } from '@wismo/core';
import type { OrderView, ParcelView } from '@wismo/order-view';

export type StepId =
  | 'ordered'
  | 'shipped'
  | 'label_created'
  | 'in_transit'
  | 'out_for_delivery'
  | 'available_for_pickup'
  | 'attempt_failed'
  | 'delivered'
  | 'returning'
  | 'returned'
  | 'return_sent'
  | 'return_received'
  | 'cancelled';

export type StepState = 'done' | 'current' | 'upcoming';

export interface Step {
  id: StepId;
  state: StepState;
}

/** How far along the normal journey a status is: 0 label, 1 moving, 2 at the door, 3 delivered. */
const PROGRESS: Partial<Record<ShipmentStatus, number>> = {
  pending: 0,
  info_received: 0,
  in_transit: 1,
  unknown: 1,
  out_for_delivery: 2,
  available_for_pickup: 2,
  attempt_failed: 2,
  delivered: 3,
};

function steps(ids: readonly StepId[], current: number): Step[] {
  return ids.map((id, index) => ({ id, state: index < current ? 'done' : index === current ? 'current' : 'upcoming' }));
}

/** The furthest point of the normal journey a parcel reached, from its scans (for exceptions). */
function furthestProgress(statuses: readonly ShipmentStatus[]): number {
  let furthest = 0;
  for (const status of statuses) furthest = Math.max(furthest, Math.min(2, PROGRESS[status] ?? 0));
  return furthest;
}

/** The statuses of a parcel's scans in the view's timeline. */
export function scanStatusesOf(view: OrderView, parcelId: string): ShipmentStatus[] {
  return view.timeline
    .filter((entry) => entry.kind === 'scan' && entry.parcelId === parcelId && entry.status !== null)
    .map((entry) => entry.status!);
}

/**
 * A parcel's milestones: label created → on its way → out for delivery (or ready for pickup, or delivery
 * attempted) → delivered. Parcels going back run label → on its way → returning → returned; an exception
 * stays at the furthest milestone reached (the banner says what is wrong).
 */
export function parcelSteps(parcel: ParcelView, scanStatuses: readonly ShipmentStatus[]): Step[] {
  if (parcel.direction === 'return') {
    const ids: StepId[] = ['label_created', 'return_sent', 'return_received'];
    if (parcel.tracking === 'no_tracking_number') return steps(ids, -1);
    if (parcel.status === 'delivered' || parcel.status === 'returned') return steps(ids, 2);
    if (parcel.tracking === 'no_tracking_result' || parcel.status === 'pending' || parcel.status === 'info_received') return steps(ids, 0);
    return steps(ids, 1);
  }
  if (parcel.tracking === 'no_tracking_number') return steps(['label_created', 'in_transit', 'out_for_delivery', 'delivered'], -1);
  if (parcel.tracking === 'no_tracking_result') return steps(['label_created', 'in_transit', 'out_for_delivery', 'delivered'], 0);
  const status = parcel.status;
  if (status === 'cancelled') return steps(['label_created', 'cancelled'], 1);
  if (status === 'returning' || status === 'returned')
    return steps(['label_created', 'in_transit', 'returning', 'returned'], status === 'returning' ? 2 : 3);
  const third: StepId =
    status === 'available_for_pickup' ? 'available_for_pickup' : status === 'attempt_failed' ? 'attempt_failed' : 'out_for_delivery';
  const ids: StepId[] = ['label_created', 'in_transit', third, 'delivered'];
  if (status === 'exception') return steps(ids, furthestProgress(scanStatuses));
  return steps(ids, PROGRESS[status] ?? 1);
}

/**
 * The order's milestones: placed → shipped → out for delivery → delivered; a cancelled order is placed →
 * cancelled, a returned one adds the return's steps.
 */
export function orderSteps(view: OrderView): Step[] {
  const stage = view.stage;
  if (stage === 'cancelled') return steps(['ordered', 'cancelled'], 1);
  if (stage === 'return_in_progress' || stage === 'returned')
    return steps(['ordered', 'delivered', 'return_sent', 'return_received'], stage === 'returned' ? 3 : 2);
  const ids: StepId[] = ['ordered', 'shipped', 'out_for_delivery', 'delivered'];
  switch (stage) {
    case 'placed':
    case 'confirmed':
    case 'packed':
      return steps(ids, 0);
    case 'shipped':
    case 'partially_shipped':
    case 'in_transit':
    case 'partially_delivered':
      return steps(ids, 1);
    case 'out_for_delivery':
      return steps(ids, 2);
    case 'delivered':
      return steps(ids, 3);
    case 'exception': {
      const outbound = view.parcels.filter((parcel) => parcel.direction === 'outbound' && parcel.tracking === 'tracked');
      if (outbound.length === 0) return steps(ids, 0);
      // A parcel held up at the door (attempt failed, then an exception) stays at "out for delivery".
      const furthest = Math.max(...outbound.map((parcel) => furthestProgress(scanStatusesOf(view, parcel.id))));
      return steps(ids, Math.max(1, furthest));
    }
  }
}
