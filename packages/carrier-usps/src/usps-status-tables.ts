import { createStatusTable, type StatusTableEntry } from '@wismo/core';

/** A lookup table without a prototype: a carrier word such as "constructor" or "__proto__" is simply not in it. */
function lookupTable<Value>(entries: Record<string, Value>): Readonly<Record<string, Value>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, Value>, entries));
}

/**
 * USPS Tracking v3 status tables, as data.
 *
 * Sources (see README "What the mapping relied on"):
 * - Code presence: USPS Pub 199 App. G-4 codes as listed in research/carrier-codes/misc-codes.md, taken from the
 *   legacy Web Tools TrackV2 `EventCode` list (Perl `USPS::WebTools::Tracking::Codes`), which v3 reuses.
 * - Code meanings: that list [third-party, L]; GX/A1/T1/TL/10/07 with their texts from the karrio v3 sample [M];
 *   AD from an unattributed public v3 response fixture [M].
 * Where a meaning is ambiguous the entry is the least specific honest status (noted inline).
 */
export const USPS_EVENT_CODES = createStatusTable({
  // Delivery, attempts, pickup
  '01': { status: 'delivered', substatus: 'delivered' }, // Delivered (refined by eventType, see USPS_DELIVERED_REFINEMENTS)
  '02': { status: 'attempt_failed', substatus: 'attempt_failed' }, // Attempted / Notice Left
  '04': { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Refused
  '05': { status: 'exception', substatus: 'address_problem' }, // Undeliverable as Addressed
  '14': { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // Arrival at Pickup Point
  '16': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Available for Pickup (at the Post Office)
  // 17 "Picked Up By Agent": recipient's agent (delivered) or a shipping agent (in transit)? Unconfirmed: least specific.
  '17': { status: 'in_transit', substatus: 'in_transit' },
  '30': { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // Delivery Attempted – No Access to Delivery Location
  '51': { status: 'attempt_failed', substatus: 'attempt_failed_business_closed' }, // Business Closed
  '52': { status: 'attempt_failed', substatus: 'attempt_failed' }, // Notice Left
  '53': { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // Receptacle Blocked
  '54': { status: 'attempt_failed', substatus: 'attempt_failed' }, // Receptacle Full / Item Oversized
  '55': { status: 'attempt_failed', substatus: 'attempt_failed' }, // No Secure Location Available
  '56': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // No Authorized Recipient Available
  OF: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // Out for Delivery
  // DX "Delivery Status Not Updated": USPS did not record the outcome; it is neither delivered nor a known delay.
  DX: { status: 'in_transit', substatus: 'in_transit' },

  // Before handover
  MA: { status: 'info_received', substatus: 'label_created' }, // Manifest Acknowledgement ("Pre-Shipment, USPS Awaiting Item")
  GX: { status: 'info_received', substatus: 'label_created' }, // "Shipping Label Created, USPS Awaiting Item" (v3 sample)

  // Acceptance and movement
  '03': { status: 'in_transit', substatus: 'picked_up' }, // Accept or Pickup (by carrier): "USPS in possession of item"
  TM: { status: 'in_transit', substatus: 'picked_up' }, // Truck manifest, shown as "Shipment Acceptance"
  PA: { status: 'in_transit', substatus: 'picked_up' }, // Passive Acceptance, shown as "Shipment Acceptance"
  // 43 "Picked Up": carrier pickup or recipient pickup is not stated; least specific.
  '43': { status: 'in_transit', substatus: 'in_transit' },
  '06': { status: 'in_transit', substatus: 'rerouted' }, // Forwarded (change-of-address forwarding)
  '07': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrival at Unit: "Arrived at Post Office"
  '08': { status: 'in_transit', substatus: 'missorted' }, // Missent
  '10': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Processed: "Arrived at USPS Regional Origin Facility"
  '15': { status: 'in_transit', substatus: 'missorted' }, // Mis-shipped
  '19': { status: 'in_transit', substatus: 'arrived_at_facility' }, // DC eVS Arrive
  '41': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Received at Opening Unit
  '71': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Rescheduled to Next Delivery Day
  PC: { status: 'in_transit', substatus: 'in_transit' }, // Sorting / Processing Complete
  EF: { status: 'in_transit', substatus: 'departed_facility' }, // Departed Sort Facility
  SF: { status: 'in_transit', substatus: 'departed_facility' }, // Departed Post Office
  A1: { status: 'in_transit', substatus: 'arrived_at_facility' }, // "Arrived at USPS (Regional) Facility" (v3 sample)
  T1: { status: 'in_transit', substatus: 'departed_facility' }, // "Departed USPS (Regional) Facility" (v3 sample)
  TL: { status: 'in_transit', substatus: 'in_transit' }, // "In Transit to Next Facility" (v3 sample)
  AD: { status: 'in_transit', substatus: 'arrived_at_facility' }, // "Accepted at USPS Regional Destination Facility" (third-party v3 response)

  // Shipping partners (first mile before USPS; see USPS_PARTNER_LEG_CODES)
  '42': { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // USPS Handoff to Shipping Partner
  '80': { status: 'in_transit', substatus: 'picked_up' }, // Picked Up by Shipping Partner, USPS Awaiting Item
  '81': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrived Shipping Partner Facility, USPS Awaiting Item
  '82': { status: 'in_transit', substatus: 'departed_facility' }, // Departed Shipping Partner Facility, USPS Awaiting Item

  // Return to sender (reasons in USPS_RETURN_REASONS)
  '09': { status: 'returning', substatus: 'returning_to_sender' }, // Return to Sender
  '21': { status: 'returning', substatus: 'returning_to_sender' }, // No Such Number
  '22': { status: 'returning', substatus: 'returning_to_sender' }, // Insufficient Address
  '23': { status: 'returning', substatus: 'returning_to_sender' }, // Moved, Left No Address
  '24': { status: 'returning', substatus: 'returning_to_sender' }, // Forward Expired
  '25': { status: 'returning', substatus: 'returning_to_sender' }, // Addressee Unknown
  '26': { status: 'returning', substatus: 'returning_to_sender' }, // Vacant
  '27': { status: 'returning', substatus: 'returning_to_sender' }, // Unclaimed
  '28': { status: 'returning', substatus: 'returning_to_sender' }, // Deceased
  '29': { status: 'returning', substatus: 'returning_to_sender' }, // Other
  '31': { status: 'returning', substatus: 'returning_to_sender' }, // Not Picked Up
  '44': { status: 'returning', substatus: 'return_requested' }, // Customer Recall (the mailer recalled the item)

  // Problems
  // 11 "Dead Letter": undeliverable and unreturnable, sent to the Mail Recovery Center; no more specific substatus fits.
  '11': { status: 'exception', substatus: 'carrier_exception' },
});

/** What each code means, for descriptions when USPS sends no `eventType` and for the README. */
export const USPS_EVENT_CODE_MEANINGS: Readonly<Record<string, string>> = lookupTable({
  '01': 'Delivered',
  '02': 'Attempted / Notice Left',
  '03': 'Accept or Pickup (by carrier)',
  '04': 'Refused',
  '05': 'Undeliverable as Addressed',
  '06': 'Forwarded',
  '07': 'Arrival at Unit',
  '08': 'Missent',
  '09': 'Return to Sender',
  '10': 'Processed',
  '11': 'Dead Letter',
  '14': 'Arrival at Pickup Point',
  '15': 'Mis-shipped',
  '16': 'Available for Pickup',
  '17': 'Picked Up By Agent',
  '19': 'DC eVS Arrive',
  '21': 'Return to Sender: No Such Number',
  '22': 'Return to Sender: Insufficient Address',
  '23': 'Return to Sender: Moved, Left No Address',
  '24': 'Return to Sender: Forward Expired',
  '25': 'Return to Sender: Addressee Unknown',
  '26': 'Return to Sender: Vacant',
  '27': 'Return to Sender: Unclaimed',
  '28': 'Return to Sender: Deceased',
  '29': 'Return to Sender: Other',
  '30': 'Delivery Attempted - No Access to Delivery Location',
  '31': 'Return to Sender: Not Picked Up',
  '41': 'Received at Opening Unit',
  '42': 'USPS Handoff to Shipping Partner',
  '43': 'Picked Up',
  '44': 'Customer Recall',
  '51': 'Business Closed',
  '52': 'Notice Left',
  '53': 'Receptacle Blocked',
  '54': 'Receptacle Full / Item Oversized',
  '55': 'No Secure Location Available',
  '56': 'No Authorized Recipient Available',
  '71': 'Rescheduled to Next Delivery Day',
  '80': 'Picked Up by Shipping Partner',
  '81': 'Arrived Shipping Partner Facility',
  '82': 'Departed Shipping Partner Facility',
  MA: 'Manifest Acknowledgement',
  OF: 'Out for Delivery',
  PC: 'Sorting / Processing Complete',
  DX: 'Delivery Status Not Updated',
  TM: 'Shipment Acceptance (truck manifest)',
  PA: 'Shipment Acceptance (passive acceptance)',
  EF: 'Departed Sort Facility',
  SF: 'Departed Post Office',
  GX: 'Shipping Label Created, USPS Awaiting Item',
  A1: 'Arrived at USPS Regional Facility',
  T1: 'Departed USPS Regional Facility',
  TL: 'In Transit to Next Facility',
  AD: 'Accepted at USPS Regional Destination Facility',
});

/** The reason behind each return-to-sender code (21–31 and 09), kept beside the `returning` status. */
export const USPS_RETURN_REASONS: Readonly<Record<string, string>> = lookupTable({
  '09': 'Return to sender',
  '21': 'No such number',
  '22': 'Insufficient address',
  '23': 'Moved, left no address',
  '24': 'Forward expired',
  '25': 'Addressee unknown',
  '26': 'Vacant',
  '27': 'Unclaimed',
  '28': 'Deceased',
  '29': 'Other',
  '31': 'Not picked up',
});

/** Codes that mean another carrier (a USPS "shipping partner") has the item, and the role of its leg. */
export const USPS_PARTNER_LEG_CODES: Readonly<Record<string, 'first_mile' | 'other'>> = lookupTable({
  // "…, USPS Awaiting Item": the partner (e.g. a consolidator such as DHL eCommerce) carries it to USPS.
  '80': 'first_mile',
  '81': 'first_mile',
  '82': 'first_mile',
  // USPS hands the item to a partner; which part of the journey follows is not stated.
  '42': 'other',
});

/**
 * Code 01 ("Delivered") is one code for every kind of delivery; the `eventType` text says where it was left.
 * The first matching pattern wins. Texts seen: "Delivered, Parcel Locker", "Delivered, In/At Mailbox",
 * "Delivered, Front Door/Porch", "Delivered, Left with Individual", "Delivered, Individual Picked Up at Post
 * Office", "Delivered, PO Box", "Delivered, Front Desk/Reception/Mail Room", "Delivered, To Original Sender".
 */
export const USPS_DELIVERED_REFINEMENTS: ReadonlyArray<{ pattern: RegExp; entry: StatusTableEntry }> = [
  { pattern: /\b(to original sender|to sender|returned to sender)\b/i, entry: { status: 'returned', substatus: 'returned_to_sender' } },
  { pattern: /parcel locker|\blocker\b/i, entry: { status: 'delivered', substatus: 'delivered_to_locker_or_parcel_shop' } },
  { pattern: /picked up at (the )?(post office|postal facility)/i, entry: { status: 'delivered', substatus: 'picked_up_by_recipient' } },
  { pattern: /mailbox|\bp\.?\s?o\.? box\b/i, entry: { status: 'delivered', substatus: 'delivered_to_mailbox' } },
  { pattern: /neighbou?r/i, entry: { status: 'delivered', substatus: 'delivered_to_neighbour' } },
  {
    pattern: /front door|porch|back door|side door|garage|reception|front desk|mail ?room|secure location/i,
    entry: { status: 'delivered', substatus: 'delivered_to_safe_place' },
  },
];

/** A delivery with a signer's name and no more specific place: delivered against a signature. */
export const USPS_SIGNED_DELIVERY: StatusTableEntry = { status: 'delivered', substatus: 'signature_obtained' };

/**
 * For events that arrive WITHOUT an `eventCode` only: the exact `eventType` phrase, lower case.
 * An event whose code is unknown is never mapped from its text (it stays `unmapped`, raw code kept).
 * International (Pub 199 App. G-5) codes are not in our sources; the customs phrases below are the texts
 * USPS shows for inbound international items [L].
 */
export const USPS_EVENT_TYPES = createStatusTable({
  delivered: { status: 'delivered', substatus: 'delivered' },
  'out for delivery': { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  'available for pickup': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' },
  'notice left (no authorized recipient available)': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  'shipping label created, usps awaiting item': { status: 'info_received', substatus: 'label_created' },
  'pre-shipment, usps awaiting item': { status: 'info_received', substatus: 'label_created' },
  'usps in possession of item': { status: 'in_transit', substatus: 'picked_up' },
  'in transit to next facility': { status: 'in_transit', substatus: 'in_transit' },
  'inbound into customs': { status: 'in_transit', substatus: 'customs_processing' },
  'customs clearance': { status: 'in_transit', substatus: 'customs_processing' },
  'customs clearance processing complete': { status: 'in_transit', substatus: 'customs_cleared' },
  'held in customs': { status: 'exception', substatus: 'customs_held' },
  'return to sender': { status: 'returning', substatus: 'returning_to_sender' },
});

/**
 * Shipment-level `statusCategory`, used only as the carrier status when no event maps (core's rule).
 * "Delivered", "Accepted" [H: official README and karrio samples]; "Moving Through Network" [M: third-party
 * v3 response]; the others are USPS.com progress labels [L].
 */
export const USPS_STATUS_CATEGORIES = createStatusTable({
  delivered: { status: 'delivered', substatus: 'delivered' },
  accepted: { status: 'in_transit', substatus: 'picked_up' },
  'moving through network': { status: 'in_transit', substatus: 'in_transit' },
  'in transit': { status: 'in_transit', substatus: 'in_transit' },
  'pre-shipment': { status: 'info_received', substatus: 'label_created' },
  'label created': { status: 'info_received', substatus: 'label_created' },
  'usps awaiting item': { status: 'info_received', substatus: 'label_created' },
  'out for delivery': { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  'available for pickup': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' },
  'delivery attempt': { status: 'attempt_failed', substatus: 'attempt_failed' },
  alert: { status: 'exception', substatus: 'carrier_exception' },
  'return to sender': { status: 'returning', substatus: 'returning_to_sender' },
});

/**
 * Tracking error codes (HTTP 400/404, `error.errors[].code`) from USPS/api-examples "API Error Consolidated
 * List.xlsx", sheet "Tracking" [H for the codes; meanings as listed there]. Observed bodies disagree with the
 * list's wording (150001 and 150006 both seen for "A status update is not yet available"), so every 1500xx code
 * means "USPS will not show tracking for this number" → not_found, except a pickup confirmation number.
 */
export const USPS_TRACKING_ERROR_CODES: Readonly<Record<string, { outcome: 'not_found' | 'invalid_number'; meaning: string }>> =
  lookupTable({
    '150001': { outcome: 'not_found', meaning: 'Status not yet available' },
    '150002': { outcome: 'not_found', meaning: 'The tracking number may be incorrect or the status update is not yet available' },
    '150003': { outcome: 'not_found', meaning: 'No update yet for an item shipped from a Post Office' },
    '150004': { outcome: 'not_found', meaning: 'Delivery status not available through this service' },
    '150005': { outcome: 'not_found', meaning: 'Cannot sign up for notifications for this item' },
    '150006': { outcome: 'not_found', meaning: 'PS Form 3849 ID limit (also seen for "status update not yet available")' },
    '150007': { outcome: 'not_found', meaning: 'PS Form 3849 ID limit' },
    '150008': { outcome: 'not_found', meaning: 'Tracking unavailable for this product to this country' },
    '150009': { outcome: 'not_found', meaning: 'Status not yet available' },
    '150010': { outcome: 'not_found', meaning: 'The number may belong to another shipper' },
    '150011': { outcome: 'invalid_number', meaning: 'The number is a pickup transaction, not a tracking number' },
    '150012': { outcome: 'not_found', meaning: 'Fraudulent postage' },
    '150013': { outcome: 'not_found', meaning: 'Tracking not offered for COVID test kits' },
  });

/** Any other code of the tracking family (1500xx) is read as not_found too. */
export const USPS_TRACKING_ERROR_FAMILY = /^1500\d\d$/;
