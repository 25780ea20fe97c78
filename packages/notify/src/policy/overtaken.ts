import type { Milestone } from '../notification-types';

const ARRIVED: readonly Milestone[] = ['out_for_delivery', 'delivery_attempt_failed', 'ready_for_pickup', 'delivered', 'return_received'];
const DONE: readonly Milestone[] = ['delivered', 'return_received'];

/**
 * Which later milestones make a message pointless. The store's state machine never goes back, but a parcel
 * can go from a failed attempt to a pickup point or out for delivery again, so this is a table, not a rank.
 * `pickup_reminder` is planned by the policy, never "reached", so it overtakes nothing.
 */
export const SUPERSEDED_BY: Readonly<Record<Milestone, readonly Milestone[]>> = {
  order_confirmed: ['shipped', 'in_transit', ...ARRIVED],
  shipped: ARRIVED,
  in_transit: ARRIVED,
  expected_date_changed: ARRIVED,
  delayed: ARRIVED,
  tracking_number_changed: ARRIVED,
  exception: ['out_for_delivery', 'ready_for_pickup', ...DONE],
  out_for_delivery: ['delivery_attempt_failed', 'ready_for_pickup', ...DONE],
  delivery_attempt_failed: ['ready_for_pickup', ...DONE],
  ready_for_pickup: DONE,
  pickup_reminder: DONE,
  delivered: ['return_received'],
  return_received: [],
};

/** True when a parcel that has reached `reached` makes a message about `milestone` pointless. */
export function isOvertaken(milestone: Milestone, reached: Iterable<Milestone>): boolean {
  const later = SUPERSEDED_BY[milestone];
  for (const candidate of reached) if (later.includes(candidate)) return true;
  return false;
}
