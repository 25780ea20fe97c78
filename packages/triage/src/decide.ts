import type { NextActionId, OrderStage, OrderView } from '@wismo/order-view';
import type { Skill } from './triage-types';

/**
 * What each next action of the order view means for a "where is my order?" ticket: who takes it, and
 * whether the view's own answer is enough (`simple`). The words are for the agent: short, one glance.
 */
export interface ActionProfile {
  skill: Skill;
  simple: boolean;
  situation: string;
}

export const ACTION_PROFILES: Readonly<Record<NextActionId, ActionProfile>> = {
  offer_reshipment_or_refund: {
    skill: 'carrier_claims',
    simple: false,
    situation: 'the carrier reports the parcel lost, damaged or not deliverable',
  },
  send_customs_documents: { skill: 'customs', simple: false, situation: 'customs holds the parcel until the shop sends documents' },
  confirm_address_with_customer: { skill: 'address_changes', simple: false, situation: 'the carrier has an address problem' },
  ask_customer_to_pay_charges: { skill: 'customs', simple: false, situation: 'the parcel is held until duties or charges are paid' },
  ask_customer_for_customs_information: { skill: 'customs', simple: false, situation: 'customs needs information from the customer' },
  ask_customer_to_rearrange_delivery: {
    skill: 'first_line',
    simple: true,
    situation: 'a delivery attempt failed; the answer tells the customer how to rearrange it',
  },
  ask_customer_to_collect: { skill: 'first_line', simple: true, situation: 'the parcel waits for collection; the answer says where' },
  check_delivery_place_with_customer: {
    skill: 'carrier_claims',
    simple: false,
    situation: 'the customer reported it not received after the carrier marked it delivered',
  },
  open_carrier_trace: { skill: 'carrier_claims', simple: false, situation: 'the parcel needs a trace with the carrier' },
  check_handover_with_warehouse: {
    skill: 'fulfilment',
    simple: false,
    situation: 'the label was created but the carrier never scanned the parcel',
  },
  check_fulfilment_with_warehouse: { skill: 'fulfilment', simple: false, situation: 'the order has not left the warehouse in time' },
  process_return_refund: { skill: 'returns', simple: false, situation: 'the return arrived; the refund must be processed' },
  remind_customer_to_send_return: { skill: 'returns', simple: true, situation: 'the customer has not sent the return yet' },
  wait_for_customs: { skill: 'customs', simple: false, situation: 'customs holds the parcel' },
  apologise_and_share_estimate: {
    skill: 'first_line',
    simple: false,
    situation: 'the parcel is late; an apology with the new estimate is due',
  },
  wait_for_return: { skill: 'returns', simple: true, situation: 'the return is on its way to the shop' },
  wait_for_delivery: { skill: 'first_line', simple: true, situation: 'the parcel is moving and on time' },
  wait_for_carrier_pickup: { skill: 'first_line', simple: true, situation: 'the label is ready; the carrier picks the parcel up soon' },
  wait_for_dispatch: { skill: 'first_line', simple: true, situation: 'the order is being prepared and is not late' },
  confirm_cancellation: { skill: 'first_line', simple: true, situation: 'the order is cancelled' },
  share_delivery_details: {
    skill: 'first_line',
    simple: true,
    situation: 'the parcel was delivered; the answer says where the carrier left it',
  },
};

export const NOT_SHIPPED_STAGES: ReadonlySet<OrderStage> = new Set(['placed', 'confirmed', 'packed']);

/** Whole days from the view's today (the customer's date) to a calendar date; negative when past. */
export function daysUntil(view: OrderView, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${view.today}T00:00:00Z`)) / 86_400_000);
}

/** The most days any parcel is late, 0 when none is. */
export function daysLate(view: OrderView): number {
  return Math.max(0, ...view.delays.map((delay) => (delay.kind === 'late' ? delay.daysLate : 0)));
}

export function hasReturnParcel(view: OrderView): boolean {
  return view.parcels.some((parcel) => parcel.direction === 'return');
}
