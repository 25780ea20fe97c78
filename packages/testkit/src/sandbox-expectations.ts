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
export const SANDBOX_EXPECTED_OUTCOMES: Readonly<
  Record<SandboxCarrierId, Readonly<Record<Exclude<SandboxScenario, 'advancing'>, SandboxExpectation>>>
> = {
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
  // DHL Parcel DE XML: ICE/RIC/standard-event-code triples; the reason code (NHOME, BDADD, PCKST) gives the substatus.
  dhlparcelde: {
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
  // GLS gives no delivery estimate, and documents neither customs nor return statuses: its parcel status
  // (INWAREHOUSE, NOTDELIVERED, FINAL) is all wismo can read there, and FINAL moves nothing.
  gls: {
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'in_transit'),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery'),
    failed_attempt: shipment('attempt_failed', 'attempt_failed'),
    customs_hold: shipment('in_transit', 'arrived_at_facility'),
    exception: shipment('attempt_failed', 'attempt_failed'),
    returned: shipment('in_transit', 'picked_up'),
    available_for_pickup: shipment('available_for_pickup', 'arrived_at_pickup_point'),
    label_created: shipment('info_received', 'label_created'),
    not_found: NOT_FOUND,
  },
  // DPD's ParcelLifeCycle knows eight states and no estimate: customs and returns travel between depots,
  // an exception is a failed delivery, label data alone is a list of steps not reached yet.
  dpd: {
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'in_transit'),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery'),
    failed_attempt: shipment('attempt_failed', 'attempt_failed'),
    customs_hold: shipment('in_transit', 'in_transit'),
    exception: shipment('attempt_failed', 'attempt_failed'),
    returned: shipment('in_transit', 'in_transit'),
    available_for_pickup: shipment('available_for_pickup', 'arrived_at_pickup_point'),
    label_created: shipment('info_received', 'label_created'),
    not_found: NOT_FOUND,
  },
  // bpost: stateCode T00, L00, U01 in bpost's words, the others karrio's buckets; label data has no state yet.
  bpost: {
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'arrived_at_facility', true),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery', true),
    failed_attempt: shipment('attempt_failed', 'attempt_failed', true),
    customs_hold: shipment('exception', 'held_by_carrier'),
    exception: shipment('exception', 'held_by_carrier'),
    returned: shipment('in_transit', 'arrived_at_facility'),
    available_for_pickup: shipment('available_for_pickup', 'arrived_at_pickup_point'),
    label_created: shipment('info_received', 'label_created', true),
    not_found: NOT_FOUND,
  },
  // La Poste: event codes DR1 … DI2; ND1 (non distribuable) carries no reason code, PB1 no more than "a problem".
  laposte: {
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'in_transit', true),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery', true),
    failed_attempt: shipment('attempt_failed', 'attempt_failed', true),
    customs_hold: shipment('exception', 'customs_held'),
    exception: shipment('exception', 'carrier_exception'),
    returned: shipment('returned', 'returned_to_sender'),
    available_for_pickup: shipment('available_for_pickup', 'held_at_carrier_facility'),
    label_created: shipment('info_received', 'label_created', true),
    not_found: NOT_FOUND,
  },
  // Hermes: the 2x2 codes of its event-code list; 1510 (sorted) is the last scan in transit, 3740 a possible damage.
  hermes: {
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'arrived_at_facility', true),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery', true),
    failed_attempt: shipment('attempt_failed', 'attempt_failed_recipient_absent', true),
    customs_hold: shipment('exception', 'customs_held'),
    exception: shipment('exception', 'damaged'),
    returned: shipment('returned', 'returned_to_sender'),
    available_for_pickup: shipment('available_for_pickup', 'arrived_at_pickup_point'),
    label_created: shipment('info_received', 'label_created', true),
    not_found: NOT_FOUND,
  },
  // PostNL's event codes (its own table); the customs hold is a sample check (X63, still customs processing).
  postnl: {
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'in_transit', true),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery', true),
    failed_attempt: shipment('attempt_failed', 'attempt_failed_recipient_absent', true),
    customs_hold: shipment('in_transit', 'customs_processing'),
    exception: shipment('exception', 'address_problem'),
    returned: shipment('returned', 'returned_to_sender'),
    available_for_pickup: shipment('available_for_pickup', 'arrived_at_pickup_point'),
    label_created: shipment('info_received', 'label_created', true),
    not_found: NOT_FOUND,
  },
  // Australia Post: event texts (no codes); no text for a customs hold or a refusal is known, so none is printed.
  auspost: {
    delivered: shipment('delivered', 'delivered_to_safe_place'),
    in_transit: shipment('in_transit', 'in_transit'),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery'),
    failed_attempt: shipment('attempt_failed', 'attempt_failed_recipient_absent'),
    customs_hold: shipment('in_transit', 'customs_processing'),
    exception: shipment('exception', 'address_problem'),
    returned: shipment('returned', 'returned_to_sender'),
    available_for_pickup: shipment('available_for_pickup', 'held_at_carrier_facility'),
    label_created: shipment('info_received', 'label_created'),
    not_found: NOT_FOUND,
  },
  // Royal Mail: EV codes; no code means customs or an exception, so those journeys read as the nearest known scan.
  royalmail: {
    delivered: shipment('delivered', 'signature_obtained'),
    in_transit: shipment('in_transit', 'departed_facility', true),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery', true),
    failed_attempt: shipment('attempt_failed', 'attempt_failed_recipient_absent', true),
    customs_hold: shipment('in_transit', 'arrived_at_facility'),
    exception: shipment('attempt_failed', 'attempt_failed_no_access'),
    returned: shipment('returned', 'returned_to_sender'),
    available_for_pickup: shipment('available_for_pickup', 'arrived_at_pickup_point'),
    label_created: shipment('info_received', 'label_created', true),
    not_found: NOT_FOUND,
  },
  // Canada Post: karrio's identifier buckets; no identifier for data only, customs or a return is known.
  canadapost: {
    delivered: shipment('delivered', 'delivered'),
    in_transit: shipment('in_transit', 'arrived_at_facility', true),
    out_for_delivery: shipment('out_for_delivery', 'out_for_delivery', true),
    failed_attempt: shipment('attempt_failed', 'attempt_failed', true),
    customs_hold: shipment('in_transit', 'arrived_at_facility'),
    exception: shipment('exception', 'held_by_carrier'),
    returned: shipment('in_transit', 'arrived_at_facility'),
    available_for_pickup: shipment('available_for_pickup', 'held_at_carrier_facility'),
    label_created: shipment('info_received', 'label_created', true),
    not_found: NOT_FOUND,
  },
};
