import type { ShipmentStatus, Substatus } from '@wismo/core';
import type { SandboxCarrierId, SandboxScenario } from './sandbox-types';

/** What the wismo adapter reports for a sandbox scenario: a shipment status, or a typed error. */
export type SandboxExpectation =
  | { status: ShipmentStatus; substatus: Substatus; estimatedDelivery: boolean; error?: undefined }
  | { error: 'not_found'; status?: undefined; substatus?: undefined; estimatedDelivery?: undefined };

const NOT_FOUND = { error: 'not_found' } as const;

function shipment(status: ShipmentStatus, substatus: Substatus, estimatedDelivery = false): SandboxExpectation {
  return { status, substatus, estimatedDelivery };
}

/**
 * The outcome each carrier's adapter gives for each scenario (the `advancing` parcel is in
 * `ADVANCING_SCHEDULE`). Where carriers differ, it is their codes that differ.
 */
export const SANDBOX_EXPECTED_OUTCOMES: Readonly<Record<SandboxCarrierId, Readonly<Record<Exclude<SandboxScenario, 'advancing'>, SandboxExpectation>>>> = {
  ups: {
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'departed_facility', true),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery', true),
    failed_attempt: shipment('attempt_failed', 'attempt_failed_recipient_absent', true),
    customs_hold: shipment('exception', 'customs_held'),
    exception: shipment('exception', 'address_problem'),
    returned: shipment('returned', 'returned_to_sender'),
    available_for_pickup: shipment('available_for_pickup', 'arrived_at_pickup_point'),
    label_created: shipment('info_received', 'label_created', true),
    not_found: NOT_FOUND,
  },
  fedex: {
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'departed_facility', true),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery', true),
    failed_attempt: shipment('attempt_failed', 'attempt_failed_recipient_absent', true),
    customs_hold: shipment('exception', 'customs_held'),
    exception: shipment('exception', 'carrier_exception'),
    returned: shipment('returned', 'returned_to_sender'),
    available_for_pickup: shipment('available_for_pickup', 'held_at_carrier_facility'),
    label_created: shipment('info_received', 'label_created', true),
    not_found: NOT_FOUND,
  },
  usps: {
    delivered: shipment('delivered', 'delivered_to_safe_place'),
    in_transit: shipment('in_transit', 'in_transit', true),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery', true),
    failed_attempt: shipment('attempt_failed', 'attempt_failed_recipient_absent', true),
    customs_hold: shipment('exception', 'customs_held'),
    exception: shipment('exception', 'address_problem'),
    returned: shipment('returned', 'returned_to_sender'),
    available_for_pickup: shipment('available_for_pickup', 'held_at_carrier_facility'),
    label_created: shipment('info_received', 'label_created', true),
    not_found: NOT_FOUND,
  },
  dhl: {
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'in_transit', true),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery', true),
    failed_attempt: shipment('attempt_failed', 'attempt_failed_recipient_absent', true),
    customs_hold: shipment('exception', 'customs_held'),
    exception: shipment('exception', 'carrier_exception'),
    returned: shipment('returned', 'returned_to_sender'),
    available_for_pickup: shipment('available_for_pickup', 'arrived_at_pickup_point'),
    label_created: shipment('info_received', 'label_created', true),
    not_found: NOT_FOUND,
  },
};
