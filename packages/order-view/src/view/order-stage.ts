import type { ShipmentStatus } from '@wismo/core';
import type { Milestones } from '../order-schema';
import type { OrderStage } from '../order-view-schema';

/** Where one outbound parcel stands, for the order's stage. */
export type ParcelProgress =
  | 'packing' // in an order shipment without a tracking number
  | 'shipped' // labelled; the carrier has no scan yet (or no result at all)
  | 'in_transit'
  | 'out_for_delivery' // on the van, or waiting at a pickup point
  | 'delivered'
  | 'needs_attention' // exception or failed attempt
  | 'returning'
  | 'returned'
  | 'cancelled'; // label voided: ignored

const PROGRESS_OF_STATUS: Record<ShipmentStatus, ParcelProgress> = {
  pending: 'shipped',
  info_received: 'shipped',
  in_transit: 'in_transit',
  // Unmapped carrier events still mean the carrier has the parcel.
  unknown: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  available_for_pickup: 'out_for_delivery',
  delivered: 'delivered',
  attempt_failed: 'needs_attention',
  exception: 'needs_attention',
  returning: 'returning',
  returned: 'returned',
  cancelled: 'cancelled',
};

export function progressOf(tracking: 'tracked' | 'no_tracking_number' | 'no_tracking_result', status: ShipmentStatus): ParcelProgress {
  if (tracking === 'no_tracking_number') return 'packing';
  if (tracking === 'no_tracking_result') return 'shipped';
  return PROGRESS_OF_STATUS[status];
}

export interface StageFacts {
  milestones: Milestones;
  /** Outbound parcels, voided labels left out. */
  outbound: readonly ParcelProgress[];
  /** Return parcels (the customer sending back): `in_progress` until delivered back to the merchant. */
  returns: readonly ('in_progress' | 'completed')[];
  /** Order items in no outbound parcel with a tracking number (only when the shop lists items per parcel). */
  hasUnshippedItems: boolean;
}

export interface StageRule {
  id: string;
  stage: OrderStage;
  /** What the rule says, for the README and for agents asking "why this stage?". */
  description: string;
  applies(facts: StageFacts): boolean;
}

const ON_ITS_WAY: ReadonlySet<ParcelProgress> = new Set(['shipped', 'in_transit', 'out_for_delivery']);
const HANDED_OVER: ReadonlySet<ParcelProgress> = new Set([
  'in_transit',
  'out_for_delivery',
  'delivered',
  'needs_attention',
  'returning',
  'returned',
]);

// A parcel that came back undelivered no longer holds the order back; its own action asks for a reshipment.
function stillExpected(facts: StageFacts): ParcelProgress[] {
  return facts.outbound.filter((progress) => progress !== 'returned');
}

function leastAdvancedIs(facts: StageFacts, progress: ParcelProgress): boolean {
  const order: ParcelProgress[] = ['shipped', 'in_transit', 'out_for_delivery'];
  const least = stillExpected(facts).reduce((lowest, current) => Math.min(lowest, order.indexOf(current)), order.length);
  return order[least] === progress;
}

function allOnTheirWay(facts: StageFacts): boolean {
  const expected = stillExpected(facts);
  return expected.length > 0 && !facts.hasUnshippedItems && expected.every((progress) => ON_ITS_WAY.has(progress));
}

/**
 * The order stage: the first rule that applies wins. Delays never change the stage; they are reported beside
 * it. Split orders roll up to the least advanced parcel, with `partially_*` when parcels or items differ.
 */
export const ORDER_STAGE_RULES: readonly StageRule[] = [
  {
    id: 'cancelled_before_handover',
    stage: 'cancelled',
    description: 'The shop cancelled the order and no parcel has reached a carrier (a parcel already moving is shown as it is).',
    applies: (facts) => facts.milestones.cancelled !== null && !facts.outbound.some((progress) => HANDED_OVER.has(progress)),
  },
  {
    id: 'return_under_way',
    stage: 'return_in_progress',
    description: 'A return parcel is registered and not yet back with the shop, or an outbound parcel is going back to the shop.',
    applies: (facts) => facts.returns.includes('in_progress') || facts.outbound.includes('returning'),
  },
  {
    id: 'parcel_needs_attention',
    stage: 'exception',
    description: 'An outbound parcel has a carrier exception or a failed delivery attempt.',
    applies: (facts) => facts.outbound.includes('needs_attention'),
  },
  {
    id: 'return_completed',
    stage: 'returned',
    description: 'A return (or an undeliverable parcel) is back with the shop and no outbound parcel is still on its way.',
    applies: (facts) =>
      (facts.returns.includes('completed') || facts.outbound.includes('returned')) &&
      !facts.outbound.some((progress) => ON_ITS_WAY.has(progress)),
  },
  {
    id: 'all_delivered',
    stage: 'delivered',
    description: 'Every outbound parcel is delivered and no item is left to ship.',
    applies: (facts) =>
      facts.outbound.length > 0 && !facts.hasUnshippedItems && facts.outbound.every((progress) => progress === 'delivered'),
  },
  {
    id: 'some_delivered',
    stage: 'partially_delivered',
    description: 'At least one outbound parcel is delivered; other parcels or items are not.',
    applies: (facts) => facts.outbound.includes('delivered'),
  },
  {
    id: 'some_shipped',
    stage: 'partially_shipped',
    description: 'At least one parcel is on its way while another is still being packed or items are not in any parcel yet.',
    applies: (facts) =>
      facts.outbound.some((progress) => ON_ITS_WAY.has(progress)) && (facts.hasUnshippedItems || facts.outbound.includes('packing')),
  },
  {
    id: 'all_out_for_delivery',
    stage: 'out_for_delivery',
    description: 'Every parcel is out for delivery or waiting at a pickup point.',
    applies: (facts) => allOnTheirWay(facts) && leastAdvancedIs(facts, 'out_for_delivery'),
  },
  {
    id: 'all_in_transit',
    stage: 'in_transit',
    description: 'Every parcel is with its carrier; the least advanced is in transit.',
    applies: (facts) => allOnTheirWay(facts) && leastAdvancedIs(facts, 'in_transit'),
  },
  {
    id: 'all_shipped',
    stage: 'shipped',
    description: 'Every parcel is labelled; at least one has no carrier scan yet.',
    applies: (facts) => allOnTheirWay(facts) && leastAdvancedIs(facts, 'shipped'),
  },
  {
    id: 'packed',
    stage: 'packed',
    description: 'The shop reported the order packed, or a parcel exists without a label yet.',
    applies: (facts) => facts.milestones.packed !== null || facts.outbound.includes('packing'),
  },
  {
    id: 'confirmed',
    stage: 'confirmed',
    description: 'The shop confirmed the order (payment, stock).',
    applies: (facts) => facts.milestones.confirmed !== null,
  },
  {
    id: 'placed',
    stage: 'placed',
    description: 'Otherwise: the order is placed.',
    applies: () => true,
  },
];

export function decideOrderStage(facts: StageFacts): { stage: OrderStage; rule: string } {
  const rule = ORDER_STAGE_RULES.find((candidate) => candidate.applies(facts))!;
  return { stage: rule.stage, rule: rule.id };
}
