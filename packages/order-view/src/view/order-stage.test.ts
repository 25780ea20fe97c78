import { describe, expect, it } from 'vitest';
import type { Milestones } from '../order-schema';
import type { OrderStage } from '../order-view-schema';
import { decideOrderStage, ORDER_STAGE_RULES, type ParcelProgress, type StageFacts } from './order-stage';

const NO_MILESTONES: Milestones = { placed: null, confirmed: null, packed: null, cancelled: null };

function facts(outbound: ParcelProgress[], overrides: Partial<StageFacts> = {}): StageFacts {
  return { milestones: NO_MILESTONES, outbound, returns: [], hasUnshippedItems: false, ...overrides };
}

const AT = '2026-03-30T10:00:00+02:00';

describe('order stage rules', () => {
  it.each<[string, StageFacts, OrderStage, string]>([
    ['nothing yet', facts([]), 'placed', 'placed'],
    ['confirmed by the shop', facts([], { milestones: { ...NO_MILESTONES, confirmed: AT } }), 'confirmed', 'confirmed'],
    ['a parcel being packed', facts(['packing']), 'packed', 'packed'],
    ['labelled, not scanned', facts(['shipped']), 'shipped', 'all_shipped'],
    ['moving', facts(['in_transit']), 'in_transit', 'all_in_transit'],
    ['on the van', facts(['out_for_delivery']), 'out_for_delivery', 'all_out_for_delivery'],
    ['delivered', facts(['delivered']), 'delivered', 'all_delivered'],
    // Split orders
    ['split: one moving, one on the van (least advanced wins)', facts(['out_for_delivery', 'in_transit']), 'in_transit', 'all_in_transit'],
    ['split: one delivered, one moving', facts(['delivered', 'in_transit']), 'partially_delivered', 'some_delivered'],
    ['split: one delivered, one still being packed', facts(['delivered', 'packing']), 'partially_delivered', 'some_delivered'],
    ['split: one shipped, one still being packed', facts(['in_transit', 'packing']), 'partially_shipped', 'some_shipped'],
    ['split: one shipped, items in no parcel yet', facts(['shipped'], { hasUnshippedItems: true }), 'partially_shipped', 'some_shipped'],
    [
      'split: all parcels delivered but items left to ship',
      facts(['delivered', 'delivered'], { hasUnshippedItems: true }),
      'partially_delivered',
      'some_delivered',
    ],
    ['split: one delivered, one failed attempt', facts(['delivered', 'needs_attention']), 'exception', 'parcel_needs_attention'],
    ['split: one back undeliverable, one moving', facts(['returned', 'in_transit']), 'in_transit', 'all_in_transit'],
    ['split: one back undeliverable, one delivered', facts(['returned', 'delivered']), 'returned', 'return_completed'],
    // Returns and cancellations
    ['customer return on its way', facts(['delivered'], { returns: ['in_progress'] }), 'return_in_progress', 'return_under_way'],
    ['customer return arrived', facts(['delivered'], { returns: ['completed'] }), 'returned', 'return_completed'],
    ['undeliverable, going back', facts(['returning']), 'return_in_progress', 'return_under_way'],
    [
      'return on its way beats an exception elsewhere',
      facts(['needs_attention'], { returns: ['in_progress'] }),
      'return_in_progress',
      'return_under_way',
    ],
    [
      'cancelled before handover',
      facts(['shipped'], { milestones: { ...NO_MILESTONES, cancelled: AT } }),
      'cancelled',
      'cancelled_before_handover',
    ],
    [
      'cancelled too late: the parcel is shown as it is',
      facts(['in_transit'], { milestones: { ...NO_MILESTONES, cancelled: AT } }),
      'in_transit',
      'all_in_transit',
    ],
  ])('%s → %s', (_name, input, stage, rule) => {
    expect(decideOrderStage(input)).toEqual({ stage, rule });
  });

  it('documents every rule and reaches every stage', () => {
    const stages = new Set(ORDER_STAGE_RULES.map((rule) => rule.stage));
    expect(stages.size).toBe(13);
    for (const rule of ORDER_STAGE_RULES) expect(rule.description.length, rule.id).toBeGreaterThan(20);
    expect(ORDER_STAGE_RULES.at(-1)!.applies(facts([]))).toBe(true);
  });
});
