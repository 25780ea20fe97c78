import { z } from 'zod';

/**
 * The twelve top-level statuses every carrier maps into. Order matters only for documentation;
 * the transition rules live in `derive-shipment-status.ts`.
 */
export const SHIPMENT_STATUSES = [
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
] as const;

export const shipmentStatusSchema = z.enum(SHIPMENT_STATUSES);
export type ShipmentStatus = z.infer<typeof shipmentStatusSchema>;

/** Who has to do something next for the parcel to move on. */
export const ACTORS = ['carrier', 'shipper', 'recipient', 'customs', 'none'] as const;
export const actorSchema = z.enum(ACTORS);
export type Actor = z.infer<typeof actorSchema>;

export interface SubstatusDefinition {
  readonly status: ShipmentStatus;
  readonly actor: Actor;
  readonly description: string;
}

/**
 * Specific substatus codes. Each belongs to exactly one status and names who must act.
 * Compared against AfterShip subtags, EasyPost status_detail, Shippo substatus, 17TRACK sub-statuses,
 * Ship24 status codes, TrackingMore, ClickPost and karrio incident reasons
 * (see docs/status-model.md for the cross-walk).
 */
export const SUBSTATUSES = {
  // pending
  awaiting_carrier_data: { status: 'pending', actor: 'none', description: 'Registered; the carrier has no information yet.' },

  // info_received
  label_created: {
    status: 'info_received',
    actor: 'shipper',
    description: 'Label created or shipment data sent to the carrier; parcel not yet handed over.',
  },
  pickup_scheduled: { status: 'info_received', actor: 'carrier', description: 'The carrier has scheduled a pickup from the shipper.' },

  // in_transit
  picked_up: {
    status: 'in_transit',
    actor: 'carrier',
    description: 'The carrier has the parcel: picked up or accepted at a drop-off point.',
  },
  arrived_at_facility: { status: 'in_transit', actor: 'carrier', description: 'Arrived at a carrier hub, depot or sorting centre.' },
  departed_facility: { status: 'in_transit', actor: 'carrier', description: 'Left a carrier hub, depot or sorting centre.' },
  in_transit: { status: 'in_transit', actor: 'carrier', description: 'On the way; no more specific information.' },
  departed_origin_country: { status: 'in_transit', actor: 'carrier', description: 'Exported: left the country of origin.' },
  arrived_in_destination_country: { status: 'in_transit', actor: 'carrier', description: 'Imported: arrived in the destination country.' },
  handed_over_to_carrier: { status: 'in_transit', actor: 'carrier', description: 'Handed over to another carrier (a new leg starts).' },
  customs_processing: { status: 'in_transit', actor: 'customs', description: 'Customs clearance in progress.' },
  customs_cleared: { status: 'in_transit', actor: 'carrier', description: 'Released by customs.' },
  delayed_weather: { status: 'in_transit', actor: 'carrier', description: 'Delayed by weather or a natural event.' },
  delayed_carrier_issue: {
    status: 'in_transit',
    actor: 'carrier',
    description: 'Delayed by a carrier problem: vehicle, sorting, missed connection, late flight.',
  },
  delayed_volume: { status: 'in_transit', actor: 'carrier', description: 'Delayed by high parcel volume or capacity limits.' },
  delayed: { status: 'in_transit', actor: 'carrier', description: 'Delayed; the carrier gives no reason.' },
  delivery_rescheduled: {
    status: 'in_transit',
    actor: 'carrier',
    description: 'Delivery moved to a later date by the carrier or on request.',
  },
  delivery_appointment_scheduled: {
    status: 'in_transit',
    actor: 'none',
    description: 'A delivery appointment or time window has been agreed.',
  },
  address_corrected: { status: 'in_transit', actor: 'carrier', description: 'The carrier corrected or completed the delivery address.' },
  rerouted: { status: 'in_transit', actor: 'carrier', description: 'Redirected to another address or pickup point on request.' },
  missorted: { status: 'in_transit', actor: 'carrier', description: 'Sent to the wrong facility; being rerouted.' },

  // out_for_delivery
  out_for_delivery: { status: 'out_for_delivery', actor: 'carrier', description: 'On the delivery vehicle for delivery today.' },

  // available_for_pickup
  arrived_at_pickup_point: {
    status: 'available_for_pickup',
    actor: 'recipient',
    description: 'Ready to collect at a parcel shop, locker or access point.',
  },
  held_at_carrier_facility: {
    status: 'available_for_pickup',
    actor: 'recipient',
    description: 'Held at a carrier facility or post office for the recipient to collect.',
  },

  // attempt_failed
  attempt_failed: {
    status: 'attempt_failed',
    actor: 'recipient',
    description: 'Delivery attempted without success; a notice may have been left.',
  },
  attempt_failed_recipient_absent: {
    status: 'attempt_failed',
    actor: 'recipient',
    description: 'Nobody was available to receive the parcel.',
  },
  attempt_failed_business_closed: {
    status: 'attempt_failed',
    actor: 'recipient',
    description: 'The business was closed at the time of delivery.',
  },
  attempt_failed_no_access: {
    status: 'attempt_failed',
    actor: 'recipient',
    description: 'The driver could not reach the address (gate, code, dog, security).',
  },
  attempt_failed_address_issue: {
    status: 'attempt_failed',
    actor: 'recipient',
    description: 'Address incomplete, wrong or not found on the attempt.',
  },
  attempt_failed_refused: { status: 'attempt_failed', actor: 'shipper', description: 'The recipient refused the parcel.' },

  // delivered
  delivered: { status: 'delivered', actor: 'none', description: 'Delivered to the recipient or their address.' },
  delivered_to_neighbour: { status: 'delivered', actor: 'none', description: 'Delivered to a neighbour.' },
  delivered_to_safe_place: {
    status: 'delivered',
    actor: 'none',
    description: 'Left at an agreed or chosen safe place (porch, garage, reception).',
  },
  delivered_to_mailbox: { status: 'delivered', actor: 'none', description: "Put in the recipient's mailbox or parcel box." },
  delivered_to_locker_or_parcel_shop: {
    status: 'delivered',
    actor: 'none',
    description: 'Delivered into a locker or to a parcel shop chosen as the delivery address.',
  },
  picked_up_by_recipient: {
    status: 'delivered',
    actor: 'none',
    description: 'Collected by the recipient from a pickup point or carrier facility.',
  },
  signature_obtained: { status: 'delivered', actor: 'none', description: 'Delivered against a signature.' },

  // exception
  carrier_exception: {
    status: 'exception',
    actor: 'carrier',
    description: 'The carrier reports a problem without a more specific reason.',
  },
  customs_held: { status: 'exception', actor: 'customs', description: 'Held by customs (inspection, restriction).' },
  customs_documents_needed: {
    status: 'exception',
    actor: 'shipper',
    description: 'Customs needs documents or information (invoice, description, recipient ID).',
  },
  customs_recipient_information_needed: {
    status: 'exception',
    actor: 'recipient',
    description: 'Customs needs information or a broker from the recipient (importer) before release.',
  },
  customs_duties_unpaid: { status: 'exception', actor: 'recipient', description: 'Duties or taxes must be paid before release.' },
  held_for_payment: {
    status: 'exception',
    actor: 'recipient',
    description: 'Held until a charge (cash on delivery, postage due) is paid.',
  },
  held_by_carrier: {
    status: 'exception',
    actor: 'carrier',
    description: 'Held by the carrier (investigation, security, regulatory hold).',
  },
  address_problem: {
    status: 'exception',
    actor: 'shipper',
    description: 'The address is wrong or incomplete and needs correction before delivery.',
  },
  damaged: { status: 'exception', actor: 'carrier', description: 'The parcel is damaged.' },
  lost: { status: 'exception', actor: 'carrier', description: 'The carrier has lost the parcel or cannot locate it.' },
  rejected_by_carrier: {
    status: 'exception',
    actor: 'shipper',
    description: 'The carrier refused to carry it (prohibited content, packaging, missing data).',
  },
  disposed: { status: 'exception', actor: 'shipper', description: 'Destroyed or disposed of by the carrier or customs.' },

  // returning / returned
  return_requested: { status: 'returning', actor: 'carrier', description: 'A return to the sender has been ordered.' },
  returning_to_sender: { status: 'returning', actor: 'carrier', description: 'On the way back to the sender.' },
  returned_to_sender: { status: 'returned', actor: 'shipper', description: 'Delivered back to the sender.' },

  // cancelled
  cancelled: { status: 'cancelled', actor: 'shipper', description: 'The shipment or label was cancelled or voided.' },

  // unknown
  unknown: { status: 'unknown', actor: 'none', description: 'The carrier sent a code wismo cannot map; the raw code is kept.' },
} as const satisfies Record<string, SubstatusDefinition>;

export type Substatus = keyof typeof SUBSTATUSES;
export const SUBSTATUS_CODES = Object.keys(SUBSTATUSES) as [Substatus, ...Substatus[]];
export const substatusSchema = z.enum(SUBSTATUS_CODES);

/** The default substatus for a status, used when the carrier gives nothing more specific. */
export const DEFAULT_SUBSTATUS: Record<ShipmentStatus, Substatus> = {
  pending: 'awaiting_carrier_data',
  info_received: 'label_created',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  available_for_pickup: 'arrived_at_pickup_point',
  attempt_failed: 'attempt_failed',
  delivered: 'delivered',
  exception: 'carrier_exception',
  returning: 'returning_to_sender',
  returned: 'returned_to_sender',
  cancelled: 'cancelled',
  unknown: 'unknown',
};

export function statusOfSubstatus(substatus: Substatus): ShipmentStatus {
  return SUBSTATUSES[substatus].status;
}

export function actorOfSubstatus(substatus: Substatus): Actor {
  return SUBSTATUSES[substatus].actor;
}

export function isSubstatus(value: string): value is Substatus {
  return Object.hasOwn(SUBSTATUSES, value);
}
