import { describe, expect, it } from 'vitest';
import { ACTORS, DEFAULT_SUBSTATUS, SHIPMENT_STATUSES, SUBSTATUSES, SUBSTATUS_CODES } from './statuses';

describe('status model', () => {
  it('has exactly the twelve documented statuses', () => {
    expect(SHIPMENT_STATUSES).toEqual([
      'pending',
      'info_received',
      'in_transit',
      'out_for_delivery',
      'available_for_pickup',
      'attempt_failed',
      'delivered',
      'exception',
      'returning',
      'returned',
      'cancelled',
      'unknown',
    ]);
  });

  it('gives every substatus one valid status and actor, and every status at least one substatus', () => {
    for (const [code, definition] of Object.entries(SUBSTATUSES)) {
      expect(SHIPMENT_STATUSES, code).toContain(definition.status);
      expect(ACTORS, code).toContain(definition.actor);
      expect(definition.description.length, code).toBeGreaterThan(10);
    }
    for (const status of SHIPMENT_STATUSES) {
      expect(SUBSTATUSES[DEFAULT_SUBSTATUS[status]].status).toBe(status);
    }
  });

  it('covers the specific situations the aggregators distinguish', () => {
    const required = [
      'label_created',
      'picked_up',
      'arrived_at_facility',
      'departed_facility',
      'handed_over_to_carrier',
      'customs_processing',
      'customs_cleared',
      'customs_held',
      'customs_documents_needed',
      'customs_duties_unpaid',
      'delayed_weather',
      'delayed_carrier_issue',
      'delayed_volume',
      'delayed',
      'delivery_rescheduled',
      'delivery_appointment_scheduled',
      'arrived_at_pickup_point',
      'attempt_failed_recipient_absent',
      'attempt_failed_business_closed',
      'attempt_failed_no_access',
      'attempt_failed_address_issue',
      'attempt_failed_refused',
      'delivered',
      'delivered_to_neighbour',
      'delivered_to_safe_place',
      'delivered_to_locker_or_parcel_shop',
      'picked_up_by_recipient',
      'signature_obtained',
      'damaged',
      'lost',
      'held_by_carrier',
      'address_corrected',
      'missorted',
      'disposed',
      'return_requested',
      'returning_to_sender',
      'returned_to_sender',
      'cancelled',
    ];
    for (const code of required) expect(SUBSTATUS_CODES).toContain(code);
    expect(SUBSTATUS_CODES.length).toBeGreaterThanOrEqual(35);
  });
});
