import { SUBSTATUSES, type Actor, type ShipmentStatus, type Substatus } from '@wismo/core';
import type { ActionParameters, Delay, NextAction, NextActionId, OrderActor } from '../order-view-schema';
import { NEXT_ACTION_IDS } from '../order-view-schema';

/**
 * Who must act for each action: a fixed party, or `status` to take it from the substatus
 * (core's `SUBSTATUSES[...].actor`, seen from the order).
 */
export const ACTION_ACTORS: Record<NextActionId, OrderActor | 'status'> = {
  offer_reshipment_or_refund: 'shipper',
  // Whoever sent the parcel: the shop, or the customer on a return.
  send_customs_documents: 'status',
  confirm_address_with_customer: 'status',
  ask_customer_to_pay_charges: 'recipient',
  ask_customer_for_customs_information: 'recipient',
  ask_customer_to_rearrange_delivery: 'recipient',
  ask_customer_to_collect: 'recipient',
  check_delivery_place_with_customer: 'recipient',
  open_carrier_trace: 'carrier',
  check_handover_with_warehouse: 'shipper',
  check_fulfilment_with_warehouse: 'shipper',
  process_return_refund: 'shipper',
  remind_customer_to_send_return: 'recipient',
  wait_for_customs: 'customs',
  apologise_and_share_estimate: 'carrier',
  wait_for_return: 'carrier',
  wait_for_delivery: 'carrier',
  wait_for_carrier_pickup: 'status',
  wait_for_dispatch: 'shipper',
  confirm_cancellation: 'nobody',
  share_delivery_details: 'nobody',
};

/**
 * Core names actors from the parcel's point of view (the shipper sends). On a return the customer sends, so
 * core's `shipper` is our `recipient` (the customer) and core's `recipient` our `shipper` (the merchant).
 */
export function orderActorOf(substatus: Substatus, direction: 'outbound' | 'return'): OrderActor {
  const actor: Actor = SUBSTATUSES[substatus].actor;
  if (actor === 'none') return 'nobody';
  if (direction === 'return' && actor === 'shipper') return 'recipient';
  if (direction === 'return' && actor === 'recipient') return 'shipper';
  return actor;
}

const EXCEPTION_ACTIONS: Partial<Record<Substatus, NextActionId>> = {
  lost: 'offer_reshipment_or_refund',
  damaged: 'offer_reshipment_or_refund',
  disposed: 'offer_reshipment_or_refund',
  rejected_by_carrier: 'offer_reshipment_or_refund',
  customs_documents_needed: 'send_customs_documents',
  customs_duties_unpaid: 'ask_customer_to_pay_charges',
  customs_recipient_information_needed: 'ask_customer_for_customs_information',
  held_for_payment: 'ask_customer_to_pay_charges',
  address_problem: 'confirm_address_with_customer',
  customs_held: 'wait_for_customs',
  // held_by_carrier, carrier_exception: the carrier must explain.
};

export interface ParcelActionInput {
  direction: 'outbound' | 'return';
  tracking: 'tracked' | 'no_tracking_number' | 'no_tracking_result';
  status: ShipmentStatus;
  substatus: Substatus;
  delays: readonly Delay[];
  /** For a "not received" flag: whether it is still early enough to ask the customer to look around first. */
  notReceivedStillFresh: boolean;
}

/**
 * The parcel's next action, first matching rule:
 * 1. "not received" flag: ask the customer to check neighbours and safe places while fresh, else trace;
 * 2. the parcel's state when someone must do something (exception, failed attempt, pickup, returned);
 * 3. delays: stalled → trace; never scanned → warehouse; late or carrier delay → apologise with the estimate;
 * 4. otherwise wait, for the carrier, customs or the pickup.
 */
export function chooseParcelActionId(input: ParcelActionInput): NextActionId {
  const { status, substatus, direction, delays } = input;
  const has = (kind: Delay['kind']) => delays.some((delay) => delay.kind === kind);

  if (has('not_received_reported')) return input.notReceivedStillFresh ? 'check_delivery_place_with_customer' : 'open_carrier_trace';

  if (status === 'exception') return EXCEPTION_ACTIONS[substatus] ?? 'open_carrier_trace';
  if (direction === 'return') {
    if (status === 'delivered' || status === 'returned') return 'process_return_refund';
    if (input.tracking !== 'tracked' || status === 'pending' || status === 'info_received' || status === 'cancelled')
      return 'remind_customer_to_send_return';
    if (has('stalled')) return 'open_carrier_trace';
    return 'wait_for_return';
  }
  if (status === 'attempt_failed') {
    if (substatus === 'attempt_failed_refused') return 'offer_reshipment_or_refund';
    if (substatus === 'attempt_failed_address_issue') return 'confirm_address_with_customer';
    return 'ask_customer_to_rearrange_delivery';
  }
  if (status === 'available_for_pickup') return 'ask_customer_to_collect';
  if (status === 'returning' || status === 'returned') return 'offer_reshipment_or_refund';
  if (status === 'delivered') return 'share_delivery_details';
  if (input.tracking === 'no_tracking_number' || status === 'cancelled') return 'wait_for_dispatch';

  if (has('stalled')) return 'open_carrier_trace';
  if (has('never_scanned')) return 'check_handover_with_warehouse';
  if (has('late') || has('carrier_delay')) return 'apologise_and_share_estimate';
  if (substatus === 'customs_processing') return 'wait_for_customs';
  if (input.tracking === 'no_tracking_result' || status === 'pending' || status === 'info_received') return 'wait_for_carrier_pickup';
  return 'wait_for_delivery';
}

export function actorForAction(id: NextActionId, input: Pick<ParcelActionInput, 'substatus' | 'direction' | 'tracking'>): OrderActor {
  const fixed = ACTION_ACTORS[id];
  if (fixed !== 'status') return fixed;
  // Without a tracking result the shop still holds the parcel.
  if (input.tracking !== 'tracked') return input.direction === 'return' ? 'recipient' : 'shipper';
  return orderActorOf(input.substatus, input.direction);
}

export function emptyParameters(): ActionParameters {
  return {
    carrierName: null,
    carrierPhone: null,
    carrierUrl: null,
    trackingNumber: null,
    trackingUrl: null,
    place: null,
    deadline: null,
    date: null,
    eta: null,
  };
}

/** The most urgent of several actions (order of `NEXT_ACTION_IDS`); the first wins a tie. */
export function mostUrgent(actions: readonly NextAction[]): NextAction | null {
  let best: NextAction | null = null;
  for (const action of actions) {
    if (!best || NEXT_ACTION_IDS.indexOf(action.id) < NEXT_ACTION_IDS.indexOf(best.id)) best = action;
  }
  return best;
}
