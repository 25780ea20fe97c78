import { createStatusTable } from '@wismo/core';

/*
 * FedEx status tables, as data. Sources (see README "What the mapping relied on"):
 * - [CODES] FedEx "Tracking Status Codes" (developer.fedex.com API reference, vendored in karrio
 *   `modules/connectors/fedex/vendor/Tracking-Status-Codes.html` @ 0f7414f0) → docs/research/carrier-codes/fedex-codes.md.
 * - [WEBHOOK] FedEx API reference, "Status Code and Statuses for Webhook Tracking Events"
 *   (https://developer.fedex.com/api/en-us/guides/api-reference.html, read through a public markdown copy): adds codes
 *   seen in Track API responses but missing from [CODES], e.g. `AE` "Shipment arriving early".
 * - [SAMPLES] real responses in docs/research/carrier-samples/fedex (derivedStatusCode values, exception codes 08, A3, A47, A52).
 * - [SPEC] the FedEx Track API OpenAPI 1.0.0 (karrio `vendor/track.json`): examples A25, ancillary reason 15.
 * - [MOCK] FedEx API reference, "Mock Tracking Numbers": "Delivery Exception 007 / 083 / 03", "Shipment Exception 099".
 * Where a code's meaning is unclear the entry is the least specific status that is still true, and says so.
 */

/** `scanEvents[].eventType` and `latestStatusDetail.code`. Keys are upper case (the code list writes `Ow`). */
export const FEDEX_EVENT_TYPES = createStatusTable({
  // Movement [CODES]
  AA: { status: 'in_transit' }, // At Airport
  AC: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // At Canada Post facility (Canada Post leg)
  AD: { status: 'out_for_delivery' }, // At Delivery: the courier is at the delivery address
  AF: { status: 'in_transit', substatus: 'arrived_at_facility' }, // At local FedEx Facility
  AO: { status: 'in_transit' }, // Shipment arriving On-time (an ETA note; FedEx derives "In transit")
  AP: { status: 'info_received', substatus: 'pickup_scheduled' }, // At Pickup: courier at the shipper, not yet picked up
  AR: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrived at FedEx location
  AX: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // At USPS facility (USPS last mile)
  CA: { status: 'cancelled', substatus: 'cancelled' }, // Shipment Cancelled (also a possession code "Carrier", see below)
  CH: { status: 'in_transit' }, // Location Changed: unclear whether the delivery address or the scan place; least specific
  DD: { status: 'in_transit', substatus: 'delayed' }, // Delivery Delay
  DE: { status: 'exception', substatus: 'carrier_exception' }, // Delivery Exception: the exception code says why
  DL: { status: 'delivered', substatus: 'delivered' }, // Delivered
  DP: { status: 'in_transit', substatus: 'departed_facility' }, // Departed
  DR: { status: 'info_received' }, // Vehicle furnished but not used (freight pickup that did not happen); unclear, least specific
  DS: { status: 'info_received', substatus: 'pickup_scheduled' }, // Vehicle Dispatched (for the pickup)
  DY: { status: 'in_transit', substatus: 'delayed' }, // Delay ([WEBHOOK] calls it "Delivery updated")
  EA: { status: 'in_transit' }, // Enroute to Airport, and also "Export Approved" in the regulatory list: both in transit
  ED: { status: 'out_for_delivery' }, // Enroute to Delivery
  EO: { status: 'in_transit' }, // Enroute to Origin Airport
  EP: { status: 'info_received', substatus: 'pickup_scheduled' }, // Enroute to Pickup
  FD: { status: 'in_transit', substatus: 'arrived_at_facility' }, // At FedEx Destination
  HL: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Hold at Location
  HP: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Ready for Recipient Pickup
  IT: { status: 'in_transit' }, // In Transit
  IX: { status: 'in_transit' }, // In transit (see Details)
  LO: { status: 'in_transit', substatus: 'departed_facility' }, // Left Origin
  OC: { status: 'info_received', substatus: 'label_created' }, // Order Created / "Shipment information sent to FedEx"
  OD: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // Out for Delivery
  OF: { status: 'in_transit', substatus: 'arrived_at_facility' }, // At FedEx origin facility
  OW: { status: 'in_transit' }, // On the way
  OX: { status: 'in_transit' }, // Shipment information sent to USPS (USPS last mile; data only, not yet handed over)
  PD: { status: 'info_received', substatus: 'pickup_scheduled' }, // Pickup Delay: still with the shipper
  PF: { status: 'in_transit' }, // Plane in Flight
  PL: { status: 'in_transit' }, // Plane Landed
  PM: { status: 'in_transit' }, // In Progress
  PU: { status: 'in_transit', substatus: 'picked_up' }, // Picked Up
  PX: { status: 'in_transit', substatus: 'picked_up' }, // Picked up (see Details)
  RR: { status: 'in_transit' }, // CDO (custom delivery option) requested: a request, not yet a change
  RM: { status: 'in_transit' }, // CDO Modified
  RC: { status: 'in_transit' }, // CDO Cancelled (also a possession code "Recipient", see below)
  RS: { status: 'returning', substatus: 'returning_to_sender' }, // Return to Shipper
  RP: { status: 'info_received', substatus: 'label_created' }, // Return label link emailed to return sender
  LP: { status: 'cancelled', substatus: 'cancelled' }, // Return label link cancelled by shipment originator
  RG: { status: 'info_received', substatus: 'label_created' }, // Return label link expiring soon
  RD: { status: 'cancelled', substatus: 'cancelled' }, // Return label link expired: the unused label can no longer be used
  SE: { status: 'exception', substatus: 'carrier_exception' }, // Shipment Exception
  SF: { status: 'in_transit', substatus: 'arrived_at_facility' }, // At Sort Facility
  SP: { status: 'in_transit' }, // Split Status (pieces of a multi-piece shipment differ); least specific
  TR: { status: 'in_transit' }, // Transfer ([WEBHOOK]: "Enroute to delivery"); least specific of the two
  // Regulatory [CODES]
  CC: { status: 'in_transit', substatus: 'customs_cleared' }, // Cleared Customs / "International shipment release"
  CD: { status: 'exception', substatus: 'customs_held' }, // Clearance Delay (an exception in [WEBHOOK])
  CP: { status: 'in_transit', substatus: 'customs_processing' }, // Clearance in Progress
  // Only in the webhook list [WEBHOOK]
  AE: { status: 'in_transit' }, // Shipment arriving early (seen in a real Track API response)
  AS: { status: 'in_transit', substatus: 'address_corrected' }, // Address Corrected
  DO: { status: 'in_transit', substatus: 'picked_up' }, // Dropped Off
  HA: { status: 'in_transit', substatus: 'rerouted' }, // Hold at location request accepted
  IN: { status: 'in_transit' }, // "On Demand Care completed" (healthcare handling); not the derived code IN
  IP: { status: 'in_transit', substatus: 'picked_up' }, // In FedEx possession
  LC: { status: 'cancelled', substatus: 'cancelled' }, // Return label link cancelled by shipment originator
  MD: { status: 'info_received', substatus: 'label_created' }, // Manifest data
  PR: { status: 'in_transit', substatus: 'rerouted' }, // Performed Redirect - Address Change Completed
  RA: { status: 'in_transit' }, // Address Change Requested: a request, not yet a change
  RT: { status: 'returning', substatus: 'return_requested' }, // Return to Shipper Requested
  US: { status: 'in_transit' }, // Scheduled delivery updated
});

/**
 * `scanEvents[].derivedStatusCode` / `latestStatusDetail.derivedCode`: FedEx's own coarse status. Used only when the
 * eventType is not in `FEDEX_EVENT_TYPES` (and for the latest status when there are no events). Only values seen in
 * real responses are listed [SAMPLES]; others stay unmapped rather than guessed.
 */
export const FEDEX_DERIVED_STATUS_CODES = createStatusTable({
  IN: { status: 'info_received', substatus: 'label_created' }, // "Label created" / Initiated
  PU: { status: 'in_transit', substatus: 'picked_up' }, // "Picked up"
  IT: { status: 'in_transit' }, // "In transit"
  OD: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // "Out for delivery"
  DY: { status: 'in_transit', substatus: 'delayed' }, // "Delay"
  DE: { status: 'exception', substatus: 'carrier_exception' }, // "Delivery exception"
  DL: { status: 'delivered', substatus: 'delivered' }, // "Delivered"
  RL: { status: 'in_transit', substatus: 'delayed' }, // "Running Late" (latestStatusDetail only)
});

/**
 * `scanEvents[].exceptionCode`: the reason for an exception, delay or special scan. FedEx publishes no list of these;
 * each entry names its evidence. Express uses two-character codes, Ground three digits ("007" is Ground's "08").
 */
export const FEDEX_EXCEPTION_CODES = createStatusTable({
  '03': { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Incorrect address [MOCK]
  '07': { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Delivery refused by the recipient (third-party integrations; L)
  '08': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // Customer not available or business closed [SAMPLES]
  '007': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // Customer not available or business closed (Ground) [MOCK]
  '083': { status: 'in_transit', substatus: 'delayed' }, // Local delivery restriction, delivery not attempted [MOCK][SPEC]
  '099': { status: 'exception', substatus: 'carrier_exception' }, // Unable to deliver (Shipment Exception 099) [MOCK]
  '17': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // A request was made to change this delivery date (third-party; L)
  A3: { status: 'in_transit', substatus: 'picked_up' }, // Tendered at FedEx Facility [SAMPLES]
  A25: { status: 'in_transit', substatus: 'customs_processing' }, // Package available for clearance [SPEC]
  // FedEx redirected your package to a nearby FedEx location [SAMPLES]: after a failed attempt, derived status "Delivery
  // exception". Not `rerouted` (that is on request); not yet held for pickup (HP says so when it is): a carrier exception.
  A47: { status: 'exception', substatus: 'carrier_exception' },
  A52: { status: 'in_transit', substatus: 'delayed' }, // Package delayed [SAMPLES]
});

/** `latestStatusDetail.ancillaryDetails[].reason`: a separate code space; only the spec's documented example. */
export const FEDEX_ANCILLARY_REASONS = createStatusTable({
  '15': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // Customer not available or business closed [SPEC]
});

/** `delayDetail.type` refines a `delayed` event [SPEC enum]. */
export const FEDEX_DELAY_TYPES = createStatusTable({
  WEATHER: { status: 'in_transit', substatus: 'delayed_weather' },
  OPERATIONAL: { status: 'in_transit', substatus: 'delayed_carrier_issue' },
  LOCAL: { status: 'in_transit', substatus: 'delayed' },
  GENERAL: { status: 'in_transit', substatus: 'delayed' },
  CLEARANCE: { status: 'in_transit', substatus: 'customs_processing' },
});

/**
 * The "Possession" section of the FedEx code list: who holds the parcel. These are not scan event types (in the
 * eventType space `CA` means Shipment Cancelled and `RC` CDO Cancelled) and carry no status; they are listed so
 * that every documented code is accounted for.
 */
export const FEDEX_POSSESSION_CODES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  CA: 'Carrier',
  RC: 'Recipient',
  SH: 'Shipper',
  CU: 'Customs',
  BR: 'Broker',
  TP: 'Transfer Partner',
  SP: 'Split status',
});
