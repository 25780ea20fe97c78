import { createStatusTable, type StatusTable } from '@wismo/core';

/*
 * UPS status tables, as data. One entry per code UPS documents, reviewed against
 * docs/research/carrier-codes/ups-codes.md (a verbatim extraction of the UPS developer appendix pages
 * vendored in karrioapi/karrio @ 0f7414f0). The comment on each entry is UPS's own customer-facing text.
 *
 * Where a code's meaning is unclear, it maps to the least specific honest status (often the status
 * without a substatus); codes that carry no status at all (claims, investigations, update notices,
 * "Status Not Available") map explicitly to `unknown`, so they never move a shipment.
 *
 * A two-character `status.code` means different things in different tables (`DP` is a departure scan,
 * an export restriction and a manifest code), so scan codes are only ever looked up in the tables of
 * their activity type: see `UPS_SCAN_CODE_TABLES_BY_TYPE` and `mapUpsStatus` below.
 */

/**
 * `status.type`: the Package Activity Type (UPS 'Tracking-package-activity-types'). The coarsest
 * classification, used last. `P` (pickup) is not in this table; see `UPS_LEGACY_ACTIVITY_TYPES`.
 * Source: Tracking-package-activity-types.
 */
export const UPS_ACTIVITY_TYPES = createStatusTable({
  D: { status: 'delivered' }, // Delivered
  I: { status: 'in_transit' }, // In Transit, Out for Delivery
  M: { status: 'info_received' }, // Billing Information Received
  MV: { status: 'cancelled' }, // Billing Information Voided
  X: { status: 'exception' }, // Exception
  DO: { status: 'in_transit' }, // Delivered Origin CFS (Freight Only)
  DD: { status: 'in_transit' }, // Delivered Destination CFS (Freight Only)
  W: { status: 'in_transit' }, // Warehousing (Freight Only)
  NA: { status: 'unknown', substatus: 'unknown' }, // Not Available
  U: { status: 'unknown', substatus: 'unknown' }, // Updates (Track Alert API Only)
});

/**
 * `status.statusCode` and `currentStatus.code`: the 3-digit Status/Description codes (UPS
 * 'Tracking-status-description-codes'; listed there without leading zeros, sent zero-padded: `011`).
 * An entry without `substatus` says no more than its status, so a scan code of the same status may refine it.
 * Source: Tracking-status-description-codes.
 */
export const UPS_STATUS_DESCRIPTION_CODES = createStatusTable({
  '000': { status: 'unknown', substatus: 'unknown' }, // Status Not Available
  '003': { status: 'info_received' }, // Shipment Ready for UPS
  '005': { status: 'in_transit' }, // On the Way
  '006': { status: 'out_for_delivery' }, // Out for Delivery
  '007': { status: 'cancelled' }, // Shipment Information Voided
  '010': { status: 'in_transit' }, // On the Way
  '011': { status: 'delivered' }, // Delivered
  '012': { status: 'in_transit', substatus: 'customs_processing' }, // Clearance in Progress
  '013': { status: 'exception' }, // Exception
  '014': { status: 'in_transit', substatus: 'customs_cleared' }, // Clearance Completed
  '016': { status: 'in_transit' }, // In Warehouse
  '017': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Held for Customer Pickup
  '018': { status: 'in_transit', substatus: 'rerouted' }, // Delivery Change Requested: Hold for Pickup
  '019': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Held for Future Delivery
  '020': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Held for Future Delivery Requested
  '021': { status: 'out_for_delivery' }, // Out for Delivery
  '022': { status: 'attempt_failed' }, // First Attempt Made
  '023': { status: 'attempt_failed' }, // Second Delivery Attempted
  '024': { status: 'attempt_failed' }, // Final Attempt Made
  '025': { status: 'in_transit' }, // On the Way
  '026': { status: 'delivered' }, // Delivered by Local Post Office
  '027': { status: 'in_transit', substatus: 'rerouted' }, // Delivery Address Change Requested
  '028': { status: 'in_transit', substatus: 'rerouted' }, // Delivery Address Changed
  '029': { status: 'exception' }, // Exception: Action Required
  '030': { status: 'exception' }, // Local Post Office Exception
  '032': { status: 'in_transit', substatus: 'delayed_weather' }, // Adverse Weather May Cause Delay
  '033': { status: 'returning', substatus: 'return_requested' }, // Return to Sender Requested
  '034': { status: 'returned' }, // Returned to Sender
  '035': { status: 'returning' }, // Returning to Sender
  '036': { status: 'returning' }, // Returning to Sender: In Transit
  '037': { status: 'out_for_delivery' }, // Out for Delivery
  '038': { status: 'in_transit', substatus: 'picked_up' }, // Picked Up by UPS
  '039': { status: 'in_transit' }, // On the Way
  '040': { status: 'available_for_pickup' }, // Ready for Customer Pickup
  '041': { status: 'in_transit' }, // Service Upgrade Requested
  '042': { status: 'in_transit' }, // Service Upgraded
  '043': { status: 'unknown', substatus: 'unknown' }, // Voided Pickup
  '044': { status: 'info_received' }, // On the Way to UPS
  '045': { status: 'info_received' }, // On the Way to UPS
  '046': { status: 'in_transit', substatus: 'delayed' }, // Delay
  '047': { status: 'in_transit' }, // On the Way
  '048': { status: 'in_transit', substatus: 'delayed' }, // Delay
  '049': { status: 'exception' }, // Delay: Action Required
  '050': { status: 'exception', substatus: 'address_problem' }, // Address Information Required
  '051': { status: 'in_transit', substatus: 'delayed_weather' }, // Delay: Emergency Situation or Severe Weather
  '052': { status: 'in_transit', substatus: 'delayed_weather' }, // Delay: Severe Weather
  '053': { status: 'in_transit', substatus: 'delayed_weather' }, // Delay: Severe Weather
  '054': { status: 'in_transit' }, // Delivery Change Requested
  '055': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Rescheduled Delivery
  '056': { status: 'in_transit' }, // Service Upgrade Requested
  '057': { status: 'in_transit' }, // On the Way to a Local UPS Access Point™
  '058': { status: 'exception', substatus: 'customs_documents_needed' }, // Clearance Information Required
  '059': { status: 'exception', substatus: 'damaged' }, // Damage Reported
  '060': { status: 'attempt_failed' }, // Delivery Attempted
  '061': { status: 'attempt_failed' }, // Delivery Attempted: Adult Signature Required
  '062': { status: 'attempt_failed' }, // Delivery Attempted: Funds Required
  '063': { status: 'in_transit' }, // Delivery Change Completed
  '064': { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Delivery Refused
  '065': { status: 'info_received' }, // Pickup Attempted
  '066': { status: 'attempt_failed' }, // Post Office Delivery Attempted
  '067': { status: 'returning' }, // Returned to Sender by Post Office
  '068': { status: 'exception' }, // Sent to Lost and Found
  '069': { status: 'exception' }, // Unable to Deliver
  '070': { status: 'in_transit' }, // Package not at UPS Access Point™ yet
  '071': { status: 'in_transit' }, // Preparing for Delivery
  '072': { status: 'in_transit' }, // Loaded on Delivery Vehicle
  '073': { status: 'in_transit' }, // In Transit to UPS Delivery Partner
  '074': { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // UPS Delivery Partner has Shipment
  '075': { status: 'in_transit' }, // Scheduled for Delivery
  '076': { status: 'exception' }, // UPS Delivery Partner Exception
  '077': { status: 'info_received', substatus: 'pickup_scheduled' }, // Scheduled for Pickup Today
  '078': { status: 'out_for_delivery' }, // Your Driver is Arriving Soon!
  '079': { status: 'info_received' }, // Order Processed: In Transit to UPS
  '080': { status: 'info_received' }, // Order Processed: Ready for UPS
  '081': { status: 'returning' }, // Returned - Damage Reported
  '082': { status: 'in_transit' }, // Delivery Instructions Received
  '083': { status: 'exception', substatus: 'held_by_carrier' }, // Held
  '084': { status: 'in_transit' }, // Cleared
  '085': { status: 'exception', substatus: 'held_for_payment' }, // Held for COD Payment
  '086': { status: 'in_transit', substatus: 'delayed' }, // Delay
  '087': { status: 'in_transit' }, // On the Way
  '088': { status: 'unknown', substatus: 'unknown' }, // Test
  '089': { status: 'out_for_delivery' }, // Out for Delivery
  '090': { status: 'in_transit', substatus: 'delayed' }, // Delay
  '091': { status: 'out_for_delivery' }, // Out for Delivery
  '092': { status: 'in_transit', substatus: 'customs_processing' }, // Customs Clearance in Progress
  '093': { status: 'exception' }, // Premier Recovery In Progress
  '094': { status: 'in_transit' }, // Premier Recovery Completed
  '095': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Additional Attempt Requested
  '096': { status: 'in_transit', substatus: 'rerouted' }, // Address Change Confirmed
  '097': { status: 'in_transit', substatus: 'rerouted' }, // Address Change Requested
  '098': { status: 'in_transit', substatus: 'rerouted' }, // Deliver to Original Address Requested
  '099': { status: 'in_transit', substatus: 'rerouted' }, // Deliver to Original Address Confirmed
  '100': { status: 'in_transit', substatus: 'rerouted' }, // Hold at UPS Access Point™ Confirmed
  '101': { status: 'in_transit', substatus: 'rerouted' }, // Hold at UPS Access Point™ Requested
  '102': { status: 'in_transit' }, // Hold for Courier Requested
  '103': { status: 'in_transit' }, // Hold for Courier Confirmed
  '104': { status: 'in_transit' }, // Hold for Instructions Confirmed
  '105': { status: 'in_transit' }, // Hold for Instructions Requested
  '106': { status: 'in_transit', substatus: 'rerouted' }, // Hold for Pickup Confirmed
  '107': { status: 'in_transit', substatus: 'rerouted' }, // Hold for Pickup Requested
  '108': { status: 'in_transit', substatus: 'rerouted' }, // Hold for Pickup Today Confirmed
  '109': { status: 'in_transit', substatus: 'rerouted' }, // Hold for Pickup Today Requested
  '110': { status: 'in_transit' }, // Refrigeration Confirmed
  '111': { status: 'in_transit' }, // Refrigeration Requested
  '112': { status: 'in_transit' }, // Re-Ice Confirmed
  '113': { status: 'in_transit' }, // Re-Ice Requested
  '114': { status: 'in_transit' }, // Request Canceled
  '115': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Reschedule Delivery Confirmed
  '116': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Reschedule Delivery Requested
  '117': { status: 'returning', substatus: 'return_requested' }, // Return by Saturday Confirmed
  '118': { status: 'returning', substatus: 'return_requested' }, // Return to Sender Confirmed
  '119': { status: 'returning', substatus: 'return_requested' }, // Return to Sender Requested
  '120': { status: 'in_transit' }, // Saturday Delivery Confirmed
  '121': { status: 'in_transit' }, // Saturday Delivery Requested
  '122': { status: 'in_transit' }, // Upgrade Confirmed
  '123': { status: 'in_transit', substatus: 'customs_processing' }, // Pending Release From Non-UPS Broker
  '124': { status: 'exception', substatus: 'customs_documents_needed' }, // Clearance Information Needed
  '125': { status: 'exception', substatus: 'customs_documents_needed' }, // Clearance Information Needed
  '126': { status: 'in_transit', substatus: 'customs_processing' }, // Pending Government Agency Release
  '127': { status: 'unknown', substatus: 'unknown' }, // Investigation Closed
  '128': { status: 'unknown', substatus: 'unknown' }, // Investigation Canceled
  '129': { status: 'exception' }, // Investigation Opened
  '130': { status: 'exception' }, // Claim in Progress
  '131': { status: 'info_received' }, // Final Pickup Attempted
  '132': { status: 'in_transit', substatus: 'delayed' }, // Airport Security Delay
  '133': { status: 'unknown', substatus: 'unknown' }, // Return Label Left With Customer
  '134': { status: 'in_transit', substatus: 'customs_cleared' }, // Cleared Import Customs
  '135': { status: 'info_received' }, // Second Pickup Attempted
  '136': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Delivery Rescheduled for Saturday
  '137': { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Transferred to UPS Delivery Partner
  '138': { status: 'in_transit' }, // Awaiting Scheduled Departure
  '139': { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // Security Access Required
  '140': { status: 'exception' }, // Claim Paid - Claim Payment Has Been Processed.
  '141': { status: 'exception' }, // Incomplete Documentation Received
  '142': { status: 'unknown', substatus: 'unknown' }, // Claim Voided
  '143': { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Delivered to Agent
  '144': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Delivered to Post Office for Pickup
  '145': { status: 'attempt_failed' }, // Delivery Attempted
  '146': { status: 'out_for_delivery' }, // Out for Delivery
  '147': { status: 'exception' }, // Seized by Law Enforcement, No Longer in UPS possession
  '148': { status: 'unknown', substatus: 'unknown' }, // Package Information Unavailable
  '149': { status: 'exception', substatus: 'disposed' }, // Prohibited Contents, Package Destroyed No Longer in UPS possession
  '153': { status: 'unknown', substatus: 'unknown' }, // Updated Delivery Time
  '154': { status: 'unknown', substatus: 'unknown' }, // Updated Delivery Date
  '155': { status: 'unknown', substatus: 'unknown' }, // Delivery Photo
  '156': { status: 'unknown', substatus: 'unknown' }, // Commercial Inside Release
  '157': { status: 'info_received' }, // Shipment Ready for UPS
  '158': { status: 'in_transit' }, // On the Way
  '159': { status: 'in_transit' }, // On the Way
  '160': { status: 'in_transit', substatus: 'picked_up' }, // We Have Your Package
  '161': { status: 'available_for_pickup' }, // Delivered to UPS Access Point
  '162': { status: 'out_for_delivery' }, // Out for Delivery
  '163': { status: 'unknown', substatus: 'unknown' }, // Package Information Unavailable
  '164': { status: 'in_transit' }, // On the Way
  '165': { status: 'in_transit' }, // On the Way
  '166': { status: 'info_received' }, // Shipment Ready for Roadie
  '167': { status: 'in_transit', substatus: 'picked_up' }, // Dropped off at UPS Store by Customer
  '168': { status: 'in_transit', substatus: 'picked_up' }, // Dropped off at Retail Location by Customer
  '169': { status: 'in_transit', substatus: 'picked_up' }, // Dropped off at a UPS Access Point by Customer
});

/**
 * `status.code` of movement scans (type `I`/`P`): UPS 'Movement Scans' (ULD codes).
 * Source: Tracking-delivery-codes / Movement Scans.
 */
export const UPS_MOVEMENT_SCAN_CODES = createStatusTable({
  AG: { status: 'in_transit' }, // Package is in transit to a UPS facility
  AR: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrival scan (the package has arrived at a UPS building. I would expect to see 3 to 5 of these messages for each package)
  AT: { status: 'in_transit' }, // Air Transit Scan
  CA: { status: 'unknown', substatus: 'unknown' }, // Cancelled Arrival
  CD: { status: 'unknown', substatus: 'unknown' }, // Cancelled Departure
  CL: { status: 'unknown', substatus: 'unknown' }, // Cancel Unload
  DL: { status: 'in_transit' }, // Driver Load
  DP: { status: 'in_transit', substatus: 'departed_facility' }, // Departure scan (the package has departed from a UPS building)
  DS: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Destination scan – the package is at the last UPS building before delivery
  EP: { status: 'in_transit', substatus: 'departed_origin_country' }, // Export scan (crossed an international border between two countries)
  HU: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Hub Scan
  IP: { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // Import Scan
  LC: { status: 'in_transit' }, // Location Scan
  LM: { status: 'in_transit' }, // Location Scan
  OC: { status: 'unknown', substatus: 'unknown' }, // Shipper created a label, UPS has not received the package yet. Orgin scan (different than OR, this is usually a trailer load (hundreds of packages) from a large business)
  OD: { status: 'in_transit' }, // Loaded on delivery vehicle for delivery (delivery might not be today, sometimes you will see OD on Saturday morning for Monday delivery)
  OF: { status: 'out_for_delivery' }, // Out for delivery (should be delivered today)
  OR: { status: 'in_transit', substatus: 'picked_up' }, // Origin scan or we have your package (normally, the first scan of the package or the first time UPS “sees” the package)
  OT: { status: 'out_for_delivery' }, // Out for delivery (should be delivered today)
  PC: { status: 'in_transit', substatus: 'picked_up' }, // Pickup by UPS Package Car
  PL: { status: 'info_received' }, // Shipper created a label, UPS has not received the package yet
  PU: { status: 'in_transit', substatus: 'picked_up' }, // Pickup scan (UPS picked up the package, usually from a UPS Store or other retail location)
  PT: { status: 'in_transit', substatus: 'picked_up' }, // Pickup by UPS trailer
  SP: { status: 'info_received', substatus: 'pickup_scheduled' }, // Scheduled for Pickup Today
  UA: { status: 'unknown', substatus: 'unknown' }, // Updated Arrival
  UD: { status: 'unknown', substatus: 'unknown' }, // Updated Departure
  UL: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Unload Scan
  VP: { status: 'unknown', substatus: 'unknown' }, // Void Pickup
  WH: { status: 'in_transit' }, // Warehouse Scan, package is residing in a UPS warehouse
  XA: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // At Local Post Office
  XD: { status: 'in_transit', substatus: 'picked_up' }, // Drop off (usually dropped off at a UPS Store)
  XR: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Received by the local post office
  YF: { status: 'out_for_delivery' }, // USPS Out for Delivery
  YH: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Received by the local post office
  YI: { status: 'in_transit' }, // Out For Delivery to UPS Access Point™
  YM: { status: 'in_transit' }, // Package moving to local post office
  YN: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Package received into postal network
  YP: { status: 'in_transit' }, // Preparing for delivery (the package maybe be delivered today, but this message may also occur on Saturday morning for Monday delivery)
});

/**
 * `status.code` of exception activities (type `X`) and the scan texts UPS files there: UPS 'Package
 * Exceptions'. Numeric codes are listed as `1`..`99` and keyed here zero-padded to two characters.
 * Source: Tracking-delivery-codes / Package Exceptions.
 */
export const UPS_PACKAGE_EXCEPTION_CODES = createStatusTable({
  '01': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // The package was missed at the destination location.
  '02': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Your delivery will be rescheduled.
  '03': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // We've missed the scheduled transfer time. This may cause a delay.
  '04': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A UPS processing error has delayed delivery. We're adjusting plans as quickly as possible.
  '05': { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  '06': { status: 'in_transit', substatus: 'missorted' }, // We've misrouted the package. This may cause a delay.
  '07': { status: 'in_transit', substatus: 'missorted' }, // We've misrouted the package. This may cause a delay.
  '08': { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  '11': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // The package did not arrive at the destination.
  '13': { status: 'exception', substatus: 'damaged' }, // Damage Is Being Held At Transit Hub
  '14': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // The service has been changed and the delivery is being rescheduled.
  '15': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A train derailment has delayed delivery. We're adjusting plans to deliver your package as quickly as possible.
  '16': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A mechanical failure has delayed delivery. We're adjusting plans to deliver your package as quickly as possible.
  '17': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A late UPS trailer arrival has delayed delivery. We're adjusting plans to deliver your package as quickly as possible.
  '18': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A late flight has caused a delay. We will update the delivery date as soon as possible.
  '19': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A late UPS trailer arrival has caused a delay. We're adjusting plans to deliver your package as quickly as possible.
  '22': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // We were unable to dispatch the trailer on time. This may cause a delay.
  '23': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A railroad mechanical failure has delayed delivery. We're working to deliver your package as soon as possible.
  '24': { status: 'returning' }, // Merchandise missing, balance being returned. UPS will notify the sender with details of the damage.
  '25': { status: 'exception', substatus: 'damaged' }, // Merchandise missing, balance is being delivered. UPS will notify the sender with details of the damage.
  '26': { status: 'exception', substatus: 'lost' }, // All merchandise missing, empty carton was discarded. UPS will notify the sender with details of the damage.
  '27': { status: 'exception', substatus: 'lost' }, // All merchandise missing, empty carton is being returned. UPS will notify the sender with details of the damage.
  '29': { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  '30': { status: 'unknown', substatus: 'unknown' }, // The request for this package was cancelled.
  '31': { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  '33': { status: 'exception', substatus: 'rejected_by_carrier' }, // The billing option selected is not valid for this package.
  '34': { status: 'in_transit', substatus: 'missorted' }, // We've incorrectly sorted this package which may cause a delay.
  '37': { status: 'in_transit', substatus: 'rerouted' }, // Intercept request was successfully completed.
  '39': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // The sender requested this package be held for pickup at a UPS facility.
  '40': { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  '43': { status: 'exception', substatus: 'customs_documents_needed' }, // UPS contacted the sender for additional details needed to clear customs. Please check back for updates.
  '45': { status: 'exception', substatus: 'damaged' }, // Your package was damaged in transit. We will notify the sender with details.
  '46': { status: 'in_transit', substatus: 'delayed' }, // The service selected is not available to this destination address. This has delayed delivery.
  '47': { status: 'exception', substatus: 'rejected_by_carrier' }, // We do not currently serve the destination address for this package.
  '48': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // The receiver was not available for delivery. We'll make a second attempt the next business day.
  '49': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // The receiver was not available at the time of the final delivery attempt.
  '51': { status: 'attempt_failed' }, // We tried to deliver the package, but were unable to receive payment. A second attempt will be made the next business day
  '52': { status: 'attempt_failed' }, // The driver was unable to collect funds on the final delivery attempt.
  '54': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // The receiver arranged to pick up the package at a UPS facility. Pickup must be made within 5 business days.
  '55': { status: 'attempt_failed', substatus: 'attempt_failed_business_closed' }, // The receiving business was closed. We'll attempt to deliver the package the next business day.
  '56': { status: 'delivered' }, // This delivery was made after the UPS service commitment time of noon.
  '59': { status: 'delivered' }, // This delivery was made after the UPS service commitment time of 10:30 a.m.
  '60': { status: 'exception' }, // Your package contains hazardous materials. We will not transport this package by air.
  '63': { status: 'exception' }, // UPS will follow-up with the Sender.
  '64': { status: 'delivered' }, // Merchandise has been delivered to the receiver. UPS will notify the sender with details of the damage.
  '65': { status: 'returning' }, // Damaged merchandise discarded, remaining contents returned to the sender. UPS will notify the sender with the details.
  '66': { status: 'exception', substatus: 'damaged' }, // Damaged merchandise returned, remaining content will be delivered. UPS will notify the sender with details of the damage
  '67': { status: 'exception', substatus: 'damaged' }, // The damaged merchandise is being held at an agent's location. UPS will notify the sender with details of the damage.
  '68': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A mechanical failure has delayed delivery. We're adjusting plans to deliver your package as quickly as possible.
  '71': { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  '72': { status: 'in_transit', substatus: 'delayed' }, // The package will be held until all packages associated with this shipment have arrived.
  '73': { status: 'exception', substatus: 'rejected_by_carrier' }, // The package contains articles that UPS prohibits for international shipping.
  '76': { status: 'in_transit' }, // Scheduled for delivery today.
  '77': { status: 'in_transit' }, // The package will be forwarded to a UPS facility in the destination city.
  '78': { status: 'in_transit' }, // The sender requested a delivery change for this package.
  '79': { status: 'in_transit' }, // We updated the delivery information for your package.
  '84': { status: 'attempt_failed' }, // Package cannot be delivered because it does not fit in locker.
  '87': { status: 'in_transit', substatus: 'delayed' }, // The freight shipment is delayed.
  '89': { status: 'attempt_failed' }, // We were unable to deliver your package. It’s on the way to a secure UPS Access Point™ location for pick up.
  '90': { status: 'returning', substatus: 'return_requested' }, // There is an embargo on the destination country, and the package will be returned to the sender.
  '91': { status: 'exception' }, // The C.O.D. tag is either illegible or invalid.
  '92': { status: 'in_transit' }, // The receiver has agreed to accept the delivery charges.
  '93': { status: 'exception' }, // Package could not be located for intercept.
  '95': { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // We are trying to get the security access our driver needs for this delivery.
  '99': { status: 'exception' }, // Please contact UPS for additional information.
  '1A': { status: 'exception' }, // UPS is working to resolve the issue.
  '1B': { status: 'in_transit', substatus: 'delayed' }, // Package is delayed in transit. Delivery will be rescheduled. Check back or signup for UPS My Choice® to receive updates.
  '1C': { status: 'exception', substatus: 'customs_duties_unpaid' }, // Import charges are due for this package. Select Pay Now (where available) or pay at delivery.
  '1D': { status: 'in_transit' }, // Import C.O.D. (ICOD) charges have been paid or billed.
  '1E': { status: 'in_transit', substatus: 'delayed_weather' }, // The post office indicates your UPS SurePost® package may be delayed due to a weather or emergency situation.
  '1F': { status: 'exception', substatus: 'disposed' }, // Per government agency instruction, UPS has destroyed the package.
  '1G': { status: 'in_transit', substatus: 'delayed_volume' }, // The cargo-aircraft-only dangerous goods package is being held due to UPS aircraft capacity limitations.
  '1H': { status: 'in_transit', substatus: 'delayed_volume' }, // The ADR dangerous goods package is being held due to regulatory limits for the vehicle.
  '1K': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A late flight has caused a delay. We will update the delivery date as soon as possible.
  '1L': { status: 'in_transit', substatus: 'delayed' }, // The package is delayed and will resume transit as soon as possible.
  '1M': { status: 'in_transit' }, // The hazard materials delay was resolved, and the package will resume transit as soon as possible.
  '1O': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A mechanical failure has caused a delay. We will update the delivery date as soon as possible.
  '1P': { status: 'in_transit' }, // Your package is in transit. We're updating plans to schedule your delivery.
  '1Q': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // We were unable to load the package on the plane as scheduled.
  '1T': { status: 'unknown', substatus: 'unknown' }, // The receiver requested/created a pre-authorized return label.
  '1U': { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  '1V': { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  '1W': { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  '1X': { status: 'in_transit', substatus: 'delayed' }, // Your package is delayed. Check back later for delivery updates.
  '2A': { status: 'in_transit', substatus: 'delayed_weather' }, // Recent weather has caused delivery delays. Recovery efforts are under way to deliver your package as soon as possible.
  '2B': { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  '2E': { status: 'exception' }, // UPS will contact the sender or receiver with updated information regarding your UPS® Premier package.
  '2G': { status: 'unknown', substatus: 'unknown' }, // The package is not claim eligible because the liability period has passed.
  '2H': { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  '2N': { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  '2O': { status: 'in_transit', substatus: 'departed_facility' }, // Departed from Facility
  '2R': { status: 'in_transit' }, // UPS will deliver your UPS Surepost® package instead of the Post Office.
  '2S': { status: 'in_transit' }, // SurePost® Package Sent To Consignee
  '2T': { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  '2U': { status: 'in_transit' }, // We'll be in your area and will deliver your UPS SurePost® package instead of the post office.
  '2V': { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Your package was sent back to the post office for delivery.
  '2X': { status: 'attempt_failed' }, // We were unable to deliver your package. It's on the way to a secure UPS Access Point™ location for pick up.
  '2Y': { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  '2Z': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // We were unable to dispatch the trailer on time. This may cause a delay.
  '3A': { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  '3B': { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  '3C': { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  '3D': { status: 'in_transit', substatus: 'delayed_weather' }, // We're working to deliver your package as soon as possible, weather permitting.
  '3J': { status: 'in_transit', substatus: 'delayed' }, // UPS Access Point™ location closed and package not delivered. Another attempt will be made to UPS Access Point™ location.
  '3L': { status: 'in_transit', substatus: 'delayed' }, // UPS Access Point™ location unable to accept package. Another attempt will be made to UPS Access Point™ location.
  '3N': { status: 'returning', substatus: 'return_requested' }, // The package was not picked up by the receiver at the UPS Access Point™ location and will be returned to sender.
  '3P': { status: 'in_transit' }, // Package has been received from UPS Access Point™ location. UPS will process as necessary.
  '3Q': { status: 'in_transit' }, // The package upgrade has been processed.
  '3R': { status: 'in_transit', substatus: 'rerouted' }, // Upgrade completed; deliver to another address.
  '3S': { status: 'in_transit', substatus: 'rerouted' }, // As requested, package was upgraded and Hold-for-Pickup will be processed. Package not yet available for pickup.
  '3T': { status: 'in_transit', substatus: 'delayed' }, // Delivery will be delayed by one business day.
  '3U': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Upgrade completed; rescheduled delivery.
  '3V': { status: 'in_transit', substatus: 'rerouted' }, // Upgrade completed; deliver to UPS Access Point™ location.
  '3W': { status: 'in_transit' }, // The request for a service upgrade through UPS My Choice® was not completed.
  '3Z': { status: 'unknown', substatus: 'unknown' }, // The package is not claim eligible because there is a contract or account restriction.
  '4B': { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // The package was transferred to a postal provider for delivery.
  '4C': { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  '4F': { status: 'in_transit' }, // Package In Transit; Delivery Scheduled
  '4H': { status: 'in_transit' }, // Your UPS SurePost® package was moved by the post office to a different facility for delivery.
  '4I': { status: 'in_transit' }, // The package is in storage.
  '4J': { status: 'in_transit' }, // Shipment removed from storage.
  '4K': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // We were unable to dispatch the trailer on time. This may cause a delay.
  '4L': { status: 'delivered' }, // We were required to use the lift gate in order to complete the delivery.
  '4M': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // At the customer’s request, we will re-attempt delivery of the Worldwide Express Freight shipment.
  '4N': { status: 'in_transit' }, // Upgrade will not be processed, nor any UPS My Choice® delivery change, if requested.
  '4P': { status: 'exception', substatus: 'rejected_by_carrier' }, // The package is either overweight or oversized. We require pre-authorization for delivery.
  '4Q': { status: 'exception' }, // Requires Approval
  '4R': { status: 'returning' }, // The package is being returned to the sender or re-delivered by a freight forwarding service.
  '4S': { status: 'returned' }, // The package was returned to the sender via freight forwarding.
  '4T': { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  '4Y': { status: 'in_transit', substatus: 'delayed' }, // Your shipment is scheduled to arrive today after the delivery commitment time.
  '4Z': { status: 'exception', substatus: 'address_problem' }, // The address label became detached from the package. The sender will be notified.
  '5A': { status: 'unknown', substatus: 'unknown' }, // This claim has been processed. Please reach out to the sender for details.
  '5B': { status: 'unknown', substatus: 'unknown' }, // This claim requires additional documentation to complete the process.
  '5D': { status: 'info_received' }, // The customer cancelled the package dropoff; UPS does not have this package.
  '5G': { status: 'available_for_pickup' }, // The package remains at the UPS Access Point™ location and is reaching the maximum days allowed to be held.
  '5R': { status: 'attempt_failed' }, // We were unable to deliver your package. It's on the way to a secure UPS Access Point™ location for pick up.
  '5S': { status: 'in_transit', substatus: 'rerouted' }, // Reroute to an alternate UPS Access Point™ location for delivery and customer pickup
  '5T': { status: 'exception', substatus: 'held_by_carrier' }, // Package held; UPS will contact customer for further instructions
  '5U': { status: 'exception' }, // The original UPS Access Point™ is not available for delivery. We'll contact receiver for an alternate delivery location.
  '5V': { status: 'in_transit', substatus: 'rerouted' }, // Delivery could not be made to the original UPS Access Point™. Pkg will be delivered to another nearby UPS Access Point™.
  '5W': { status: 'in_transit', substatus: 'rerouted' }, // The original UPS Access Point™ location is not available. Delivery to an alternate UPS Access Point™ location pending.
  '5Z': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Delivery to UPS Access Point™ location was unsuccessful. We will make a second attempt at the receiver's address.
  '6B': { status: 'available_for_pickup' }, // Packages are ready for pickup due to UPS Access Point™ location closing. Customer will be contacted for next steps.
  '6C': { status: 'returning', substatus: 'return_requested' }, // The maximum days to hold the package at the UPS Access Point™ location expired. The package will be returned.
  '6D': { status: 'in_transit', substatus: 'delayed_weather' }, // We’re working to deliver your package as soon as possible weather permitting
  '6E': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Your package was not received at the UPS facility as originally scheduled. This may cause a delay.
  '6G': { status: 'in_transit', substatus: 'address_corrected' }, // Modification of the receiver's address
  '6H': { status: 'in_transit', substatus: 'rerouted' }, // The package will be delivered to the recipient's preferred UPS Access Point™ location.
  '6I': { status: 'in_transit', substatus: 'rerouted' }, // The package will be delivered to the original receiver's address.
  '6J': { status: 'in_transit' }, // Delivery to a UPS Access Point™ location is pending.
  '6K': { status: 'in_transit' }, // The package will be delivered to the UPS Access Point™ location on the next business day.
  '6L': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Package not eligible for UPS Access Point™ delivery; will re-attempt delivery at the original address.
  '6P': { status: 'in_transit' }, // Package in transit and scheduled for UPS delivery attempt to recipient on next UPS business day.
  '6R': { status: 'attempt_failed' }, // We were unable to deliver your package. It's on the way to a UPS Access Point™ location next business day for pick up.
  '6T': { status: 'exception' }, // The C.O.D. exceeds the amount allowed for UPS Access Point™ locations. We will contact the receiver.
  '6W': { status: 'unknown', substatus: 'unknown' }, // This claim request has been voided. Please reach out to the sender for details.
  '6X': { status: 'unknown', substatus: 'unknown' }, // The claim documentation is currently under review. Please reach out to the sender for details.
  '6Z': { status: 'in_transit' }, // UPS My Choice® member's chosen UPS Access Point™ preferences are not available.
  '7C': { status: 'in_transit', substatus: 'rerouted' }, // UPS SurePost® package was upgraded and sent to receiver's preferred UPS Access Point™ location.
  '7D': { status: 'in_transit', substatus: 'rerouted' }, // UPS SurePost® package was upgraded to UPS Ground; UPS will deliver package to UPS Access Point™ location.
  '7E': { status: 'exception' }, // UPS SurePost® package upgraded to UPS Ground. Preferred UPS Access Point™ is unavailable; UPS will contact customer.
  '7F': { status: 'exception', substatus: 'customs_duties_unpaid' }, // Import charges are due for this package. Select Pay Now (where available) or pay at delivery.
  '7G': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Disruption in network - tractor trailer
  '7H': { status: 'returning', substatus: 'return_requested' }, // The package is missing duty information and will be returned to export location.
  '7I': { status: 'in_transit', substatus: 'customs_processing' }, // UPS is reviewing the shipment clearance information. We will notify you if additional information is needed.
  '7L': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // Receiver not available. UPS Access Point™ service canceled. Will make 2nd delivery attempt at the receiver's address.
  '7M': { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  '7N': { status: 'in_transit', substatus: 'delayed' }, // We're working to deliver your package as quickly as possible.
  '7P': { status: 'exception', substatus: 'customs_recipient_information_needed' }, // The importer has not assigned a broker. This may delay delivery.
  '7Q': { status: 'in_transit' }, // The receiver has requested that we make an appointment for delivery.
  '7R': { status: 'in_transit', substatus: 'delayed' }, // UPS delayed the package during the aviation security screening.
  '7S': { status: 'in_transit', substatus: 'delayed' }, // A government agency delayed the package during the aviation security screening.
  '7T': { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  '7U': { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  '7V': { status: 'in_transit', substatus: 'delayed_weather' }, // An emergency situation or severe weather condition has delayed delivery.
  '7W': { status: 'in_transit', substatus: 'delayed_weather' }, // Severe weather conditions have delayed delivery.
  '7X': { status: 'in_transit', substatus: 'delayed_weather' }, // Recent weather has caused delivery delays. Recovery efforts are under way to deliver your package as soon as possible.
  '7Y': { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  '7Z': { status: 'in_transit', substatus: 'delayed' }, // Delivery will be delayed by one business day.
  '8A': { status: 'in_transit', substatus: 'delayed' }, // Sender tendered the shipment to UPS after the latest pickup time for the requested service. A day delay is likely.
  '8C': { status: 'unknown', substatus: 'unknown' }, // After further review, your package may not have arrived on-schedule. Visit ups.com/tariff for terms and conditions.
  '8D': { status: 'exception', substatus: 'disposed' }, // The package is undeliverable and is in the process of being disposed of according to the local guidelines.
  '8E': { status: 'unknown', substatus: 'unknown' }, // After further review, your package may not have arrived on-schedule. Visit ups.com/tariff for terms and conditions.
  '8F': { status: 'unknown', substatus: 'unknown' }, // After further review, your package may not have arrived on-schedule. Visit ups.com/tariff for terms and conditions.
  '8G': { status: 'in_transit', substatus: 'missorted' }, // The UPS SurePost package was misrouted. It is currently being transferred to the correct USPS office for final delivery.
  '8H': { status: 'returning', substatus: 'return_requested' }, // The receiver refused the package that requires a Package Release Code. The package will be returned to sender.
  '8I': { status: 'available_for_pickup' }, // The package was incorrectly scanned as picked up. UPS Access Point™ corrected the status to available for pickup.
  '8K': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Due to operating conditions, the delivery date was rescheduled.
  '8L': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Due to operating conditions, the delivery date will be rescheduled. We are adjusting plans as quickly as possible.
  '8M': { status: 'in_transit' }, // We'll be in your area and will deliver your UPS SurePost® package instead of the post office.
  '8R': { status: 'in_transit' }, // Your package is in transit. We're updating plans to schedule your delivery.
  '8Y': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Your package will be delivered one business day later than expected.
  '8Z': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Your package will be delivered one business day later than expected.
  '9C': { status: 'info_received' }, // A UPS Mobile shipment was created and is linked to this tracking number.
  '9D': { status: 'in_transit' }, // UPS printed and applied the shipping label.
  '9F': { status: 'exception' }, // This type of lithium battery is a restricted item prohibited by commercial airlines.
  '9I': { status: 'in_transit', substatus: 'address_corrected' }, // The address has been corrected.
  '9J': { status: 'in_transit', substatus: 'picked_up' }, // The UPS Store® printed and applied the shipping label.
  '9K': { status: 'in_transit', substatus: 'picked_up' }, // A UPS retail location printed and applied the shipping label.
  '9L': { status: 'in_transit', substatus: 'delayed' }, // The package is delayed due to a Eurotunnel traffic disruption. We are adjusting delivery plans as quickly as possible.
  '9M': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9N': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9O': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9P': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9Q': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9R': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9S': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // We were unable to dispatch the trailer on time. This may cause a delay.
  '9T': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9U': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9V': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9X': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9Y': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  '9Z': { status: 'in_transit', substatus: 'delayed' }, // Due to special operating conditions, delivery of your package may be delayed.
  A1: { status: 'returning' }, // All merchandise is being returned. UPS will notify the sender with details of the damage.
  A2: { status: 'exception', substatus: 'disposed' }, // All merchandise was not recoverable and was discarded. UPS will notify the sender with details of the damage.
  A3: { status: 'exception', substatus: 'damaged' }, // Damaged merchandise discarded, remaining contents being delivered. UPS will notify the sender with details of the damage
  A4: { status: 'exception', substatus: 'damaged' }, // All merchandise is being delivered. UPS will notify the sender with details of the damage.
  A5: { status: 'exception', substatus: 'address_problem' }, // The receiver's location was damaged by fire. We're attempting to determine an alternate delivery address.
  A6: { status: 'exception', substatus: 'address_problem' }, // Your package cannot be delivered to a P.O. box. We're attempting to obtain an alternate delivery address.
  A7: { status: 'exception', substatus: 'address_problem' }, // The receiver has moved. We're attempting to obtain a new delivery address for this receiver.
  A8: { status: 'exception', substatus: 'address_problem' }, // The apartment number is either missing or incorrect. This may delay delivery. We're attempting to update the address.
  A9: { status: 'exception', substatus: 'address_problem' }, // Directions to the address are required to complete delivery. We are attempting to update this information.
  AA: { status: 'exception', substatus: 'address_problem' }, // The suite number is either missing or incorrect. This may delay delivery. We're attempting to update the address.
  AB: { status: 'exception', substatus: 'address_problem' }, // The receiver is not listed in the building directory. We are attempting to update this information.
  AC: { status: 'exception', substatus: 'address_problem' }, // The city name in the address is incorrect. This may delay delivery. We're attempting to update the address.
  AD: { status: 'exception', substatus: 'address_problem' }, // The company or receiver name is incorrect. This will delay delivery. We're attempting to update this information.
  AE: { status: 'exception', substatus: 'address_problem' }, // The street number is incorrect. This may delay delivery. We're attempting to update the address.
  AF: { status: 'exception', substatus: 'address_problem' }, // The street name is incorrect. This may delay delivery. We're attempting to update the address.
  AG: { status: 'exception', substatus: 'address_problem' }, // The address is incomplete. This may delay delivery. We're attempting to update the address.
  AH: { status: 'in_transit', substatus: 'address_corrected' }, // Address Corrected, Delivery Rescheduled
  AJ: { status: 'exception', substatus: 'lost' }, // Merchandise is missing. UPS will notify the sender with additional details.
  AK: { status: 'exception', substatus: 'address_problem' }, // The state shown in the address is incorrect. This may delay delivery. We're attempting to update the address.
  AL: { status: 'exception', substatus: 'address_problem' }, // The postal code for the receiver is incorrect. We are attempting to obtain correct postal code to complete delivery.
  AM: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The receiver has canceled the product order and refused delivery.
  AN: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The receiver determined this is a duplicate product order and has refused the delivery.
  AO: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  AP: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The receiver had no invoice information for this package and has refused the delivery.
  AQ: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The receiver doesn't accept C.O.D.s and refused the delivery.
  AS: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The receiver determined this product order is late and has refused the delivery.
  AT: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // The receiver has requested a delayed delivery.
  AV: { status: 'exception', substatus: 'address_problem' }, // Receiver's address is a rural route. A street has not been assigned. UPS is attempting to establish a delivery location.
  AW: { status: 'exception', substatus: 'address_problem' }, // Your package cannot be delivered to a rural route address. We're attempting to update the address.
  AX: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // The receiver is on vacation.
  AY: { status: 'attempt_failed', substatus: 'attempt_failed_business_closed' }, // The receiving business was closed at the time of the final delivery attempt.
  AZ: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Delivery has been rescheduled due to holiday closures.
  B1: { status: 'in_transit', substatus: 'delayed' }, // Unfortunately, a labor strike (unrelated to UPS) has prevented delivery of your package.
  B3: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  B4: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  B5: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  B6: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  B8: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  B9: { status: 'exception', substatus: 'customs_documents_needed' }, // A missing commercial invoice is causing a delay. We are working to obtain this information.
  BA: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  BB: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  BD: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  BE: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  BF: { status: 'exception' }, // We're attempting to get further instructions and may return the shipment.
  BG: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  BH: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  BJ: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  BK: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  BP: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  BQ: { status: 'exception' }, // We've attempted to contact the receiver regarding pickup arrangements.
  BR: { status: 'exception' }, // We've left a message for the receiver to contact us.
  BT: { status: 'exception' }, // We're attempting to contact the receiver to request additional information.
  BV: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  BW: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  BX: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  BZ: { status: 'exception', substatus: 'disposed' }, // The package is undeliverable and is in the process of being disposed of according to the local guidelines.
  C3: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  C4: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // The receiver was not available at the time of the delivery attempt.
  C5: { status: 'in_transit', substatus: 'delayed_weather' }, // An emergency situation or severe weather condition has delayed delivery.
  C6: { status: 'in_transit', substatus: 'delayed' }, // Delivery will be delayed by one business day.
  C7: { status: 'exception' }, // The C.O.D. amount is missing from the label. We're attempting to update this information.
  C8: { status: 'exception', substatus: 'address_problem' }, // The receiver is no longer in business.
  C9: { status: 'exception', substatus: 'rejected_by_carrier' }, // Your package exceeds the maximum length we can accept.
  CA: { status: 'exception', substatus: 'rejected_by_carrier' }, // Your package exceeds the maximum dimensions we can accept.
  CC: { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  CD: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // We've left the package on one of our planes. This may cause a delay.
  CE: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  CF: { status: 'returning', substatus: 'return_requested' }, // We're awaiting Customs authorization before returning this package to the sender.
  CG: { status: 'unknown', substatus: 'unknown' }, // A new tracking number was assigned to this package. Use the new tracking number for status updates.
  CH: { status: 'exception' }, // The package contains multiple, duplicate tracking numbers.
  CJ: { status: 'unknown', substatus: 'unknown' }, // The tracking number on this package has been altered/changed.
  CK: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A rerouted flight has delayed delivery. We’re adjusting plans to deliver your package as quickly as possible.
  CL: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // We've missed the scheduled transfer time. This may cause a delay.
  CM: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A flight cancelation has delayed delivery. We're updating plans to deliver your package as quickly as possible.
  CN: { status: 'in_transit', substatus: 'delayed' }, // Your package has been delayed due to an export gateway hold.
  CP: { status: 'in_transit', substatus: 'delayed' }, // Your package has been delayed due to an import gateway hold.
  CQ: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A mechanical failure has caused a delay. We will update the delivery date as soon as possible.
  CS: { status: 'returning', substatus: 'return_requested' }, // Shipper Requested Return Of Package
  CT: { status: 'exception', substatus: 'customs_held' }, // Your shipment is being held under the General Order regulations and may be taken into Customs possession.
  CV: { status: 'exception', substatus: 'rejected_by_carrier' }, // Your package exceeds the maximum weight we can accept.
  CW: { status: 'exception', substatus: 'address_problem' }, // We cannot deliver to an APO or FPO address. We're attempting to determine an alternate delivery address.
  CX: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  CY: { status: 'exception', substatus: 'address_problem' }, // We were unable to obtain complete address information for your package.
  CZ: { status: 'exception', substatus: 'customs_documents_needed' }, // Hazardous materials labeling is missing and is required for clearance. We are working to obtain this information.
  D0: { status: 'exception', substatus: 'customs_documents_needed' }, // Your pkg has been delayed due to missing clearance information. We are attempting to obtain information from the shipper
  D1: { status: 'in_transit', substatus: 'missorted' }, // We've misrouted the package. This may cause a delay.
  D2: { status: 'exception', substatus: 'rejected_by_carrier' }, // The commodity value of your package exceeds the limit we allow.
  D4: { status: 'in_transit', substatus: 'delayed' }, // The service selected is not available to this destination address. This has delayed delivery.
  D5: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  D7: { status: 'exception' }, // We'll contact the sender or receiver about this delivery.
  D9: { status: 'exception', substatus: 'customs_duties_unpaid' }, // Value of Goods charges are due for this package.
  DA: { status: 'in_transit', substatus: 'customs_cleared' }, // Released By Clear Agency. Now In-Transit
  DB: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  DC: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Your package arrived late to the destination city. You should expect at least one business day delay.
  DD: { status: 'exception' }, // We're unable to contact the receiver.
  DE: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  DF: { status: 'in_transit', substatus: 'delayed_weather' }, // A natural disaster has delayed delivery. We are ready to deliver as soon as conditions allow.
  DG: { status: 'in_transit', substatus: 'delayed' }, // Civil demonstration has delayed your package in transit. Delivery will be rescheduled. Check back for updates.
  DJ: { status: 'in_transit', substatus: 'delayed_weather' }, // Severe weather conditions have delayed delivery.
  DL: { status: 'returning', substatus: 'return_requested' }, // The package will be returned to the sender.
  DN: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  DP: { status: 'exception', substatus: 'rejected_by_carrier' }, // Your package contains a commodity that cannot be shipped internationally.
  DQ: { status: 'in_transit', substatus: 'delayed' }, // This delivery address is in a remote area where deliveries are not made daily.
  DR: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A mechanical failure has delayed delivery. We're adjusting plans to deliver your package as quickly as possible.
  DS: { status: 'exception', substatus: 'address_problem' }, // The address label is illegible. This may delay delivery. We're attempting to update the address.
  DT: { status: 'exception' }, // Fax/Email Has Been Sent to the receiver to request additional information.
  DU: { status: 'in_transit', substatus: 'delayed' }, // We are experiencing transit delays. We will deliver your package as soon as possible.
  DW: { status: 'exception', substatus: 'address_problem' }, // The delivery location is vacant.
  DY: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  E0: { status: 'in_transit', substatus: 'rerouted' }, // An alternate delivery address has been provided by the sender for redelivery.
  E1: { status: 'exception', substatus: 'address_problem' }, // The floor number is either missing or incorrect. This may delay delivery. We're attempting to update the address.
  E2: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Receiver Requested Special Delivery. Package must be picked up within 5 business days.
  E3: { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  E4: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  E7: { status: 'in_transit' }, // Value of Goods charges have been paid.
  E8: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  E9: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  ED: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // We've left the package in one of our containers. This may cause a delay.
  EH: { status: 'in_transit', substatus: 'delayed' }, // Your package may be delayed. We are adjusting delivery plans as quickly as possible.
  EN: { status: 'in_transit', substatus: 'delayed' }, // Your package may be delayed. We are adjusting delivery plans as quickly as possible.
  EO: { status: 'in_transit' }, // We've arranged a special flight to complete your delivery.
  ER: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  ES: { status: 'exception', substatus: 'customs_held' }, // Your package entry was rejected by the clearing agency. We will process according to the sender's instructions.
  EU: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  EV: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  EW: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  EX: { status: 'exception', substatus: 'rejected_by_carrier' }, // Your package exceeds the maximum weight we can accept.
  EY: { status: 'exception', substatus: 'customs_duties_unpaid' }, // Import C.O.D. (ICOD) charges are due for this shipment. Online payment required at UPS.com.
  F0: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrival Scan
  F3: { status: 'in_transit', substatus: 'departed_facility' }, // Departure Scan
  F4: { status: 'delivered' }, // Delivered
  F5: { status: 'in_transit' }, // A temperature control intercept has been issued for your UPS® Premier package.
  F7: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Your UPS SurePost® package was delivered to an Agent for final delivery.
  F8: { status: 'exception' }, // We're attempting to verify the package location.
  FA: { status: 'exception', substatus: 'address_problem' }, // We were unable to obtain additional address information.
  FE: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  FF: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  FG: { status: 'in_transit', substatus: 'delayed' }, // Air Traffic Control resulted in a delay. We will update the delivery date as soon as possible.
  FM: { status: 'attempt_failed' }, // We tried to deliver the package again, but need an adult signature. A final attempt will be made the next business day.
  FN: { status: 'delivered' }, // Receiver acknowledges receipt
  FT: { status: 'delivered', substatus: 'picked_up_by_recipient' }, // The receiver has picked up their package.
  FW: { status: 'in_transit' }, // A recovery intercept was requested for this package.
  G1: { status: 'in_transit' }, // As requested by the sender, the package will be delivered later than the normal delivery time for your area.
  G3: { status: 'attempt_failed', substatus: 'attempt_failed_business_closed' }, // We tried to deliver to the business, but it was closed. A second attempt will be made the next business day.
  G4: { status: 'info_received' }, // We tried to pickup the package, but it was not ready for pickup. A second attempt will be made the next business day.
  G5: { status: 'info_received' }, // The package was not ready for pickup at the time of the final attempt.
  G6: { status: 'in_transit', substatus: 'delayed' }, // A required security check has delayed delivery.
  G7: { status: 'attempt_failed' }, // We tried to deliver the package, but need an adult signature. A second attempt will be made the next business day.
  G8: { status: 'attempt_failed' }, // UPS was not able to secure an adult signature for this delivery. Delivery was not made.
  G9: { status: 'in_transit', substatus: 'delayed' }, // Your package may be delayed due to a required x-ray inspection.
  GB: { status: 'attempt_failed' }, // Delivery Attempted
  GC: { status: 'in_transit', substatus: 'delayed' }, // Your package has been delayed due to events beyond our control. We're adjusting delivery plans as quickly as possible.
  GD: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrived At Facility
  GF: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  GH: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A mechanical failure has delayed delivery. We're adjusting plans to deliver your package as quickly as possible.
  GI: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A mechanical failure has delayed delivery. We're adjusting plans to deliver your package as quickly as possible.
  GN: { status: 'unknown', substatus: 'unknown' }, // Your investigation has been closed with a proof of delivery.
  GO: { status: 'unknown', substatus: 'unknown' }, // The investigation requires additional merchandise description. Visit ups.com/claims or contact UPS for support.
  GQ: { status: 'unknown', substatus: 'unknown' }, // The investigation has been closed. We were unable to contact the receiver.
  GR: { status: 'unknown', substatus: 'unknown' }, // This investigation has been closed and the claim was canceled.
  GV: { status: 'in_transit', substatus: 'delayed' }, // Your UPS® Premier package will be delivered after the scheduled time.
  GZ: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  H1: { status: 'exception', substatus: 'address_problem' }, // The street type shown in the address is incorrect. This may delay delivery. We're attempting to update the address.
  H2: { status: 'exception', substatus: 'address_problem' }, // The street prefix is either missing or incorrect. This may delay delivery. We're attempting to update the address.
  H3: { status: 'exception', substatus: 'address_problem' }, // The street suffix is incorrect. This may delay delivery. We're attempting to update the address.
  H4: { status: 'exception', substatus: 'address_problem' }, // The borough or county shown in the address is incorrect and may delay delivery. We're attempting to update the address.
  H5: { status: 'exception', substatus: 'address_problem' }, // Incomplete address information may delay delivery. We are attempting to update this information.
  H6: { status: 'in_transit' }, // We received a request to change delivery. The request will be processed once the package returns to our facility.
  H7: { status: 'in_transit', substatus: 'delayed' }, // The delivery area is inaccessible due to a special event. We're adjusting plans as quickly as possible.
  H8: { status: 'returning' }, // The package is being returned to the sender at a different service level.
  H9: { status: 'exception' }, // A hazardous materials irregularity occurred with this package. We'll contact the sender with additional information.
  HA: { status: 'in_transit', substatus: 'delayed' }, // Your package is delayed. Check back later for delivery updates.
  HD: { status: 'exception', substatus: 'damaged' }, // After the delivery was made, the package was reported as damaged.
  HE: { status: 'exception', substatus: 'damaged' }, // The receiver reported the package was damaged. We will notify the sender with details.
  HF: { status: 'in_transit', substatus: 'picked_up' }, // Package reported picked up - pickup scan.
  HG: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Your UPS® Premier package has encountered a flight cancelation.
  HH: { status: 'in_transit', substatus: 'delayed' }, // Your package is delayed. Check back later for delivery updates.
  HJ: { status: 'in_transit' }, // Your package was upgraded to a new service level.
  HK: { status: 'exception', substatus: 'rejected_by_carrier' }, // This package contains alcohol, and we are unable to deliver or return it to the sender. We'll contact the sender.
  HL: { status: 'in_transit' }, // Your package was processed at our facility.
  HM: { status: 'in_transit' }, // The package has been redirected and forwarded to the delivery center.
  HN: { status: 'exception' }, // Liability because of Unsecured Contents In unit load device.
  HO: { status: 'exception', substatus: 'rejected_by_carrier' }, // This package contains alcohol and will be held for pickup by the sender only.
  HQ: { status: 'attempt_failed' }, // We've left a notice about the package.
  HR: { status: 'exception', substatus: 'damaged' }, // The package was damaged in transit. We will notify the sender with details.
  HW: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  I1: { status: 'returning' }, // As requested by the sender, the package is being returned. Contact the sender for additional information.
  I2: { status: 'exception', substatus: 'rejected_by_carrier' }, // This package contains alcohol and we are unable to deliver or return it to the sender. We'll contact the sender.
  I3: { status: 'unknown', substatus: 'unknown' }, // You can make alternate delivery arrangements by calling 1-800-457-4022 and entering your tracking number.
  I5: { status: 'available_for_pickup' }, // Your package is at a UPS Access Point™ location and awaiting customer collection
  I8: { status: 'in_transit' }, // Your package is in transit. We’re updating plans to schedule your delivery.
  I9: { status: 'unknown', substatus: 'unknown' }, // There are instructions on your account that resulted in closing the claim.
  IB: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // The delivery has been rescheduled and linked to a new tracking number
  IJ: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Directions Found, Delivery Rescheduled
  IP: { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // import scan (crossed an international border between two countries)
  IQ: { status: 'attempt_failed' }, // The receiver was unable to provide a valid PIN. We'll make a third attempt the next business day.
  IR: { status: 'attempt_failed' }, // The receiver was unable to provide a valid PIN at the time of the final delivery attempt
  IY: { status: 'exception' }, // Your UPS Ground Saver® package was seized by the Post Office for counterfeit and will not be delivered.
  J0: { status: 'exception' }, // Your UPS Ground Saver® package was seized by the Post Office for unpaid postage and will not be delivered.
  J8: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Dispatch For One Additional Day
  J9: { status: 'in_transit' }, // Refrigerate.
  JA: { status: 'in_transit' }, // As requested by the sender, the delivery change for this package was completed.
  JB: { status: 'in_transit' }, // We have updated the delivery information for your package.
  JC: { status: 'in_transit' }, // The recovery intercept was successfully completed.
  JH: { status: 'in_transit' }, // The sender requested a modified intercept for this package.
  JI: { status: 'in_transit' }, // We've requested a modified intercept for this package.
  JJ: { status: 'in_transit' }, // There was a modification to the recovery intercept on this package.
  K1: { status: 'info_received', substatus: 'pickup_scheduled' }, // We've missed the scheduled pickup time. This may cause a delay.
  K2: { status: 'in_transit', substatus: 'delayed' }, // Sender tendered the shipment to UPS after the latest pickup time for the requested service. A day delay is likely.
  K5: { status: 'unknown', substatus: 'unknown' }, // A guaranteed service refund has been requested for this package.
  K6: { status: 'unknown', substatus: 'unknown' }, // A guaranteed service refund has been voided for this package.
  K7: { status: 'delivered' }, // The receiver has acknowledged receipt of this package.
  K8: { status: 'in_transit' }, // A UPS Proactive Response® intercept for this package has been completed.
  KI: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The receiver refused to pay the C.O.D. amount for this package.
  KM: { status: 'delivered' }, // The package was delivered at the receiver's location.
  KN: { status: 'delivered' }, // The receiver chose to keep the package.
  KO: { status: 'unknown', substatus: 'unknown' }, // UPS Contacted The Receiver
  KP: { status: 'returning', substatus: 'return_requested' }, // The package will be returned to the sender.
  KQ: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The receiver refused, the package appeared to be damaged. UPS will notify the sender with the details.
  KR: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The receiver does not want the product and refused the delivery.
  KS: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The receiver states the product was not ordered and has refused the delivery.
  KT: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The receiver refused the delivery.
  KX: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // We missed you again. A final attempt will be made the next business day.
  KY: { status: 'info_received' }, // We tried to pick up the package again, but it was not ready. A final attempt will be made the next business day.
  KZ: { status: 'attempt_failed' }, // The driver was not able to receive payment. A final attempt will be made the next business day.
  L0: { status: 'in_transit' }, // Delivery instructions have been provided by the receiver.
  L1: { status: 'attempt_failed', substatus: 'attempt_failed_business_closed' }, // We tried to deliver to the business again, but it was closed. A final attempt will be made the next business day.
  L2: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  L3: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  L5: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  L8: { status: 'in_transit' }, // Delivery instructions have been provided by the receiver.
  LE: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A mechanical failure has delayed delivery. We're adjusting plans to deliver your package as quickly as possible.
  LF: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A mechanical failure has delayed delivery. We're adjusting plans to deliver your package as quickly as possible.
  LH: { status: 'in_transit' }, // Saturday guaranteed service is not available in the destination Zip code.
  LI: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // The shipment is being held in the logistics location for a future delivery date.
  LN: { status: 'unknown', substatus: 'unknown' }, // The damage inspection request has been changed.
  LO: { status: 'unknown', substatus: 'unknown' }, // The damage inspection request has been reissued.
  LQ: { status: 'exception', substatus: 'damaged' }, // We've scheduled an inspection of the damaged contents and packaging. We'll provide the sender with the results.
  LU: { status: 'in_transit' }, // We updated the delivery information for your package.
  LV: { status: 'in_transit', substatus: 'customs_processing' }, // Package Forwarded To Government Agency
  LX: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Package transferred to post office
  LY: { status: 'in_transit' }, // The shipment is in transit for final delivery. Delivery is scheduled in approximately 1-2 days.
  LZ: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // At the sender's request, we'll make only one delivery attempt. The receiver must pick up the package at a UPS facility.
  MF: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // This package is being held for a future delivery date.
  MI: { status: 'in_transit', substatus: 'customs_processing' }, // Your package was returned to the import site and is awaiting clearance.
  MT: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // We've missed the scheduled transfer time. This may cause a delay.
  NI: { status: 'exception', substatus: 'disposed' }, // The package was discarded at the sender's request. Please contact the sender for details.
  NP: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Your UPS® Premier package has encountered a flight delay.
  NW: { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  O0: { status: 'returning' }, // Due to regulatory issues your wine shipment is being returned to the sender.
  O1: { status: 'in_transit' }, // A delivery change for this package is in progress.
  O2: { status: 'in_transit' }, // We've modified the requested change of delivery for your package.
  O3: { status: 'in_transit' }, // We received an additional request to change the delivery of this package. The request is in progress.
  O4: { status: 'returning', substatus: 'return_requested' }, // The package will be returned to the sender.
  O5: { status: 'in_transit', substatus: 'rerouted' }, // The receiver will pick up the package at a UPS facility.
  O6: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // We've rescheduled this delivery.
  O7: { status: 'in_transit', substatus: 'rerouted' }, // Your package will be delivered to an alternate address.
  O8: { status: 'in_transit', substatus: 'rerouted' }, // The receiver arranged to pick up this package at a UPS facility.
  O9: { status: 'in_transit', substatus: 'rerouted' }, // A Same-day Will Call was arranged for this package.
  OA: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Transfer to freight forwarding service.
  OB: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  OD: { status: 'in_transit', substatus: 'delayed' }, // Your UPS® Premier package has encountered an airport delay.
  OH: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // No one was available to accept the delivery.
  OI: { status: 'in_transit', substatus: 'customs_processing' }, // Your UPS® Premier package has encountered a customs delay.
  OJ: { status: 'exception', substatus: 'address_problem' }, // Your UPS® Premier package has incorrect address information.
  OL: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // The receiver has requested a later delivery time.
  OM: { status: 'exception' }, // Missing shipment data is causing a delay. We are awaiting electronic data upload from the Shipper.
  OQ: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  OR: { status: 'exception', substatus: 'held_by_carrier' }, // Your package is being held because it exceeds the regulatory limit for lithium battery capacity.
  OS: { status: 'in_transit', substatus: 'delayed' }, // Your package is being delayed due to the processing involved with handling lithium batteries.
  OT: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  P4: { status: 'in_transit', substatus: 'picked_up' }, // We Have Your Package
  P6: { status: 'in_transit', substatus: 'delayed' }, // Pkg Delay-Rail Check Beyond UPS Control
  P7: { status: 'in_transit' }, // Apple volume at origin pending departure on Charter Aircraft as scheduled.
  PG: { status: 'in_transit' }, // Processing at UPS Facility
  PH: { status: 'exception', substatus: 'address_problem' }, // Shipment Held To Verify Name Or Address
  PI: { status: 'attempt_failed' }, // The receiver did not present proper identification containing the delivery address.
  PP: { status: 'returned' }, // We have returned the package to the sender using the package return label.
  PZ: { status: 'in_transit', substatus: 'delayed_weather' }, // Severe weather conditions have delayed delivery
  Q0: { status: 'in_transit', substatus: 'delayed' }, // Previous local labor dispute has caused delays. Recovery efforts are under way to deliver your pkg as soon as possible.
  Q1: { status: 'in_transit', substatus: 'delayed' }, // We are experiencing transit delays. We will deliver your package as soon as possible.
  R1: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a non-UPS broker. Contact the non-UPS broker for additional information.
  R3: { status: 'in_transit' }, // Delivery instructions have been provided by the receiver.
  R4: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  R5: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  R6: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  R7: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  R8: { status: 'in_transit' }, // Delivery instructions have been provided by the receiver.
  RA: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  RB: { status: 'in_transit' }, // Processing At UPS Facility
  RC: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Received by the local post office
  RD: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  RE: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  RF: { status: 'in_transit' }, // Saturday delivery has been requested.
  RG: { status: 'in_transit' }, // The operating facility accepted the request.
  RH: { status: 'in_transit' }, // The operating facility was not able to meet the request.
  RI: { status: 'in_transit', substatus: 'rerouted' }, // As requested, the UPS My Choice® package will be delivered to the customer's preferred UPS Access Point™ location.
  RJ: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a non-UPS broker. Contact the non-UPS broker for additional information.
  RK: { status: 'out_for_delivery' }, // Out for Delivery Today
  RL: { status: 'out_for_delivery' }, // Out For Delivery
  RM: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  RO: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Delivery will be rescheduled for Saturday.
  RP: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  RR: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  RS: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  RU: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a non-UPS broker. Contact the non-UPS broker for additional information.
  RV: { status: 'returning', substatus: 'return_requested' }, // We will return the package to the sender on Saturday.
  RW: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // A second delivery attempt has been requested.
  RX: { status: 'exception', substatus: 'customs_documents_needed' }, // Exporter Power Of Attorney Required
  RY: { status: 'in_transit', substatus: 'delayed' }, // A non-UPS labor dispute has delayed delivery. We're working to deliver your package as quickly as possible.
  RZ: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  S0: { status: 'in_transit' }, // Delivery instructions have been provided by the receiver.
  S1: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  S2: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  S3: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  S4: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  S5: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  S6: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // The receiver will only accept delivery during certain hours. We're adjusting delivery plans as quickly as possible.
  S7: { status: 'in_transit', substatus: 'rerouted' }, // The receiver requested this package to be held for pickup at the UPS facility.
  S8: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A late UPS trailer arrival has caused a delay. We're adjusting plans to deliver your package as quickly as possible.
  S9: { status: 'exception' }, // We've sent the package to UPS lost and found.
  SF: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  SI: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  SJ: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  SL: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  SN: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  SO: { status: 'in_transit' }, // Delivery instructions have been provided by the receiver.
  SP: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  SS: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  SU: { status: 'in_transit' }, // Delivery instructions have been provided by the receiver.
  SV: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a non-UPS broker. Contact the non-UPS broker for additional information.
  SX: { status: 'in_transit' }, // Your package is in transit. We're updating plans to schedule your delivery.
  SY: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  T3: { status: 'in_transit' }, // The sender requested that we hold this package.
  T4: { status: 'in_transit' }, // The sender requested a change to the service features.
  T5: { status: 'in_transit' }, // The customer has requested a change to the C.O.D. amount.
  T6: { status: 'in_transit' }, // The customer has requested that a signature no longer be required for the delivery of this package.
  T7: { status: 'in_transit' }, // Your package has been placed in a climate controlled environment.
  T8: { status: 'in_transit' }, // Your package has been removed from a climate controlled environment.
  T9: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a non-UPS broker. Contact the non-UPS broker for additional information.
  TA: { status: 'exception' }, // We've contacted the sender.
  TB: { status: 'in_transit', substatus: 'rerouted' }, // The receiver requested a temporary change to the delivery address.
  TC: { status: 'unknown', substatus: 'unknown' }, // Package not available.
  TE: { status: 'in_transit', substatus: 'customs_processing' }, // As requested, the package is moving in-bond to an alternate location for regulatory clearance.
  TF: { status: 'exception', substatus: 'address_problem' }, // We require a phone number for the delivery address.
  TG: { status: 'in_transit', substatus: 'customs_processing' }, // A sample of the shipment was taken by Clearing Agency.
  TH: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Your delivery has been rescheduled for the next business day.
  TI: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Service disruption occurred.
  TJ: { status: 'exception' }, // We sent the package to UPS Lost and Found.
  TK: { status: 'exception' }, // UPS Will Contact The Sender With Details
  TL: { status: 'unknown', substatus: 'unknown' }, // The delivery information was updated in error. We've corrected the mistake.
  TN: { status: 'in_transit', substatus: 'delayed' }, // We're unable to deliver your package on schedule.
  TO: { status: 'in_transit', substatus: 'rerouted' }, // Same Day Will Call for courier pick up.
  TR: { status: 'info_received', substatus: 'pickup_scheduled' }, // Pickup is scheduled for the next business day.
  TS: { status: 'unknown', substatus: 'unknown' }, // Rs Label Has Been Discarded
  TT: { status: 'in_transit', substatus: 'customs_processing' }, // Package resubmitted to Clearing Agency for clearance.
  TU: { status: 'returned' }, // Address information is incomplete. The package was returned to the sender.
  TV: { status: 'exception', substatus: 'damaged' }, // Damaged in transit-chemical / liquid.
  TX: { status: 'exception', substatus: 'rejected_by_carrier' }, // Generally prohibited item identified in package contents that does not comply with UPS policies and procedures
  U0: { status: 'exception', substatus: 'rejected_by_carrier' }, // Unauthorized animal identified in package contents
  U3: { status: 'exception', substatus: 'rejected_by_carrier' }, // Unauthorized plant identified in package contents
  UA: { status: 'returned' }, // UPS has returned your package to the sender.
  UD: { status: 'in_transit', substatus: 'rerouted' }, // The receiver requested an alternate delivery address. The request is in progress and may result in a rescheduled delivery date
  UE: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // A special account package is being held at the UPS facility for pickup. The pickup must be made within 5 business days.
  UF: { status: 'returning' }, // We're in the process of returning this package to the sender.
  UG: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // The package is being held for a future delivery date. We'll attempt to deliver on the date requested.
  UI: { status: 'in_transit' }, // Your package is in transit to the UPS facility.
  UK: { status: 'in_transit', substatus: 'delayed' }, // Due to operating conditions, your package may be delayed.
  UL: { status: 'unknown', substatus: 'unknown' }, // Claim issued.
  UN: { status: 'exception', substatus: 'rejected_by_carrier' }, // The package contains an unauthorized tobacco commodity, and we are unable to complete the delivery.
  UO: { status: 'exception' }, // Lost package investigation
  UP: { status: 'exception' }, // We're attempting to verify the package location.
  UR: { status: 'exception', substatus: 'rejected_by_carrier' }, // Unauthorized hazardous material identified in package contents
  US: { status: 'exception', substatus: 'rejected_by_carrier' }, // Undeclared hazardous material identified in package contents
  UT: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Delivery instructions have been provided by the receiver with an updated delivery date
  UW: { status: 'unknown', substatus: 'unknown' }, // Unpaid Cod Investigation
  UX: { status: 'unknown', substatus: 'unknown' }, // Investigation Only
  UZ: { status: 'in_transit', substatus: 'rerouted' }, // Same Day Will Call For Courier Pick Up
  V9: { status: 'in_transit' }, // Your UPS® Premier package has received Gel Pack Replenishment at Frozen Temperature Level (-20° C).
  VA: { status: 'in_transit' }, // The receiver canceled the will call and we will attempt delivery.
  VB: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Will-call pickup must be made within 5 business days.
  VD: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // UPS will redeliver to same address on day after Same Day Will Call request.
  VE: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Cust Will Pick Up At Customer Counter this evening
  VF: { status: 'in_transit' }, // Customer has made arrangements to meet the driver to pick up on area.
  VG: { status: 'in_transit' }, // We'll attempt to redeliver today.
  VH: { status: 'in_transit' }, // We've confirmed arrangements with customer.
  VI: { status: 'exception' }, // Unable to contact customer at primary number.
  VJ: { status: 'exception' }, // Unable to contact customer at alternate number.
  VK: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  VL: { status: 'in_transit', substatus: 'delayed' }, // The business is closed for the weekend. There’s a Middle East weekend delivery delay due to different work practices.
  VM: { status: 'in_transit' }, // The delivery change was completed.
  VN: { status: 'in_transit', substatus: 'rerouted' }, // The receiver arranged for same-day pickup at a UPS facility.
  VP: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  VQ: { status: 'in_transit', substatus: 'customs_processing' }, // MRN (Movement Reference Number) provided by customer due to high customs value of shipment.
  VR: { status: 'in_transit', substatus: 'customs_processing' }, // MRN (Movement Reference Number) provided by UPS due to high customs value of shipment.
  VU: { status: 'in_transit' }, // Your UPS® Premier package has received Gel Pack Replenishment at Control Room Temperature level (15 - 25° C).
  VV: { status: 'in_transit' }, // Your UPS® Premier package has received Gel Pack Replenishment at Refrigerate Temperature level (2 - 8° C).
  VW: { status: 'in_transit' }, // Your UPS® Premier package was stored in a Controlled Room Temperature (15 - 25° C).
  VX: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // UPS® Premier package has been tendered to UPS Express Critical® Partner for final delivery.
  VZ: { status: 'in_transit' }, // The package will be forwarded to a UPS facility in the destination city.
  W8: { status: 'in_transit' }, // As requested, the package is now in transit to a free trade zone.
  X0: { status: 'in_transit' }, // The information requested has been obtained and the hold has been resolved.
  X2: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  X3: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  X4: { status: 'in_transit', substatus: 'customs_processing' }, // UPS is preparing your package for clearance. We will notify you if additional information is needed.
  X5: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  X6: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  X7: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  X8: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  X9: { status: 'in_transit', substatus: 'customs_processing' }, // The customer requested UPS contact them for instruction before submitting for Customs clearance.
  XA: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  XB: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // UPS initiated contact with receiver or importer for clearance information. Once received, UPS will submit for clearance.
  XC: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  XD: { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // Import Scan
  XE: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received UPS will submit for clearance.
  XG: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  XJ: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  XK: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  XL: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  XN: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  XO: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  XS: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Will Call required for compliance reasons
  XU: { status: 'returning', substatus: 'return_requested' }, // Return to shipper required for compliance reasons
  XV: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  XW: { status: 'exception', substatus: 'customs_documents_needed' }, // UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.
  XY: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a Government Agency. Once they release it, your package will be on its way.
  XZ: { status: 'in_transit', substatus: 'delayed' }, // Your package was cleared after the scheduled transport departure. We will reschedule for the next available departure.
  Y1: { status: 'in_transit', substatus: 'customs_processing' }, // The package is at the clearing agency awaiting final release.
  Y2: { status: 'exception' }, // We've requested that the receiver contact us.
  Y3: { status: 'exception' }, // Receiver Contacted. No Response Received
  Y4: { status: 'in_transit', substatus: 'customs_processing' }, // Shipment transferred to local Govt agency and is temporarily out of UPS control.
  Y5: { status: 'in_transit', substatus: 'customs_processing' }, // Documents or info requested from the customer were received and are being processed for clearance.
  Y7: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // The package is being held for a future delivery date.
  Y9: { status: 'in_transit' }, // The package is scheduled for transfer to the post office by the next business day. Allow at least two days for delivery.
  YA: { status: 'in_transit', substatus: 'customs_processing' }, // Your package is pending release from a non-UPS broker. Contact the non-UPS broker for additional information.
  YD: { status: 'attempt_failed' }, // The post office attempted to deliver your UPS SurePost® package and left a delivery notice with instructions.
  YE: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The post office attempted to deliver the UPS SurePost® package, but the receiver refused delivery.
  YF: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // The post office was unable to deliver the UPS SurePost® package as addressed. Please contact the sender for assistance.
  YG: { status: 'in_transit' }, // The post office forwarded the UPS SurePost® package to the receiver's address on file.
  YI: { status: 'in_transit', substatus: 'missorted' }, // Your UPS SurePost® package was transferred to the wrong post office. It is being corrected.
  YJ: { status: 'returning' }, // The post office was unable to deliver the UPS SurePost® package as addressed and returned it to the sender.
  YK: { status: 'returning' }, // The post office was unable to deliver the UPS SurePost® package and returned it to the sender.
  YL: { status: 'exception', substatus: 'disposed' }, // The post office was unable to deliver your UPS SurePost® package. It is being sent to the postal disposal site.
  YM: { status: 'exception' }, // The post office was unable to deliver your UPS SurePost® package. It is being sent to the postal recovery site.
  YR: { status: 'in_transit' }, // Your package is at the UPS distribution facility and is scheduled for delivery on the next business day.
  YS: { status: 'in_transit' }, // As requested by the sender, this package requires special handling.
  YT: { status: 'in_transit' }, // Warehouse Scan
  YU: { status: 'exception' }, // The contents of the package being returned do not match the description provided by the sender.
  YV: { status: 'exception' }, // The return label was missing. We're unable to return the package to the sender.
  YW: { status: 'exception' }, // A UPS Returns® Pack and Collect box was not requested by the sender. The goods cannot be picked up.
  YX: { status: 'in_transit', substatus: 'departed_origin_country' }, // Export Scan
  Z1: { status: 'in_transit', substatus: 'customs_processing' }, // Brokerage Released. Waiting For Clr Agy
  Z3: { status: 'in_transit', substatus: 'customs_cleared' }, // Receiver's customs broker has been assigned. The shipment is now released to move in transit.
  Z5: { status: 'in_transit', substatus: 'picked_up' }, // Pickup Scan
  Z7: { status: 'in_transit' }, // Your UPS® Premier package was stored in a Refrigerator (2 - 8° C).
  Z8: { status: 'in_transit' }, // Your UPS® Premier package was stored in a Freezer (-20° C).
  ZA: { status: 'in_transit' }, // A UPS My Choice® delivery change was requested for this package.
  ZB: { status: 'in_transit' }, // At the receiver's request, the UPS My Choice® delivery change option was modified.
  ZC: { status: 'in_transit' }, // As requested, the UPS My Choice® delivery change was completed.
  ZD: { status: 'in_transit', substatus: 'rerouted' }, // Deliver to a UPS Access Point™ location.
  ZK: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // At Local Post Office
  ZL: { status: 'in_transit' }, // Delivery to UPS Access Point™ location is pending.
  ZM: { status: 'attempt_failed', substatus: 'attempt_failed_business_closed' }, // The post office attempted delivery of your UPS SurePost® package, but the receiving business was closed.
  ZN: { status: 'in_transit' }, // Package has been dispatched from the USPS International Service Center for final delivery to receiver.
  ZO: { status: 'in_transit' }, // The UPS Access Point™ location has prepared the package for return to UPS or pickup by UPS.
  ZP: { status: 'available_for_pickup' }, // Delivered to UPS Access Point™ location and awaiting customer pickup.
  ZS: { status: 'in_transit' }, // Out for delivery to UPS Access Point™
  ZU: { status: 'in_transit' }, // Your UPS® Premier package has received Dry Ice Replenishment (-80° C).
  ZV: { status: 'in_transit' }, // Received by Agent Export Processing Site. Preparing for final mile delivery.
  ZW: { status: 'in_transit' }, // Package moving to local post office
  ZX: { status: 'in_transit' }, // Your package has been expedited to the receiver to facilitate delivery by end of day today.
  ZY: { status: 'in_transit' }, // Your package has been expedited to the receiver to facilitate delivery by end of day today.
  ZZ: { status: 'in_transit' }, // Your package has been expedited to the receiver to facilitate delivery by end of day today.
});

/**
 * `status.code` of delivery activities (type `D`, and non-delivery reasons on `X`): UPS 'Delivery Codes'
 * (DIALS driver codes). `EZ` is listed twice with the same text. The one-word driver codes (`CI Not in.`,
 * `CO Not ready.`, `EA Missed.` ...) are used for pickups and deliveries alike, so they map to `unknown`.
 * Source: Tracking-delivery-codes / Delivery Codes.
 */
export const UPS_DELIVERY_CODES = createStatusTable({
  '00': { status: 'in_transit', substatus: 'delayed' }, // In-Transit Delay
  '09': { status: 'in_transit', substatus: 'delayed' }, // In-Transit Delay
  '12': { status: 'in_transit', substatus: 'delayed' }, // In-Transit Delay
  '1N': { status: 'available_for_pickup' }, // The package was delivered to a locker and is awaiting customer pickup.
  '1Z': { status: 'unknown', substatus: 'unknown' }, // Customer requested earlier pickup
  '28': { status: 'exception', substatus: 'damaged' }, // Damaged Package Held At Transit Location
  '2C': { status: 'unknown', substatus: 'unknown' }, // Customer agreed to earlier pickup
  '2D': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Package Arrived At USPS Sort Facility
  '2J': { status: 'in_transit', substatus: 'departed_facility' }, // Package Departed From USPS Sort Facility
  '2K': { status: 'out_for_delivery' }, // Package Out For Delivery With The USPS
  '2Q': { status: 'available_for_pickup' }, // Delivered To UPS Access Point™
  '2W': { status: 'delivered', substatus: 'picked_up_by_recipient' }, // Package Picked Up At UPS Access Point
  '32': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // In-transit delay at UPS facility. Delivery is rescheduled.
  '38': { status: 'unknown', substatus: 'unknown' }, // Customer special request.
  '3F': { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Other Location At Address
  '3G': { status: 'delivered' }, // Left With Individual
  '3H': { status: 'delivered', substatus: 'delivered_to_neighbour' }, // Neighbor - By Request
  '41': { status: 'in_transit', substatus: 'delayed' }, // Origin Delay - Special Flight Arranged
  '42': { status: 'in_transit', substatus: 'delayed' }, // In-Transit Delay-Special Flight Arranged
  '44': { status: 'in_transit', substatus: 'delayed' }, // In-Transit Delay-Special Flight Arranged
  '4X': { status: 'in_transit' }, // Delivery To UPS Facility See Alt Track #
  '50': { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Not Delivered - Incorrect Address
  '53': { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Receiver Refused Package
  '57': { status: 'in_transit', substatus: 'delayed' }, // No Delivery Attempt On Scheduled Day
  '5F': { status: 'in_transit' }, // Recipient did not collect the package; UPS Access Point™ returned package to inventory.
  '61': { status: 'exception' }, // Hazardous Material Prohibited Via Air
  '62': { status: 'exception' }, // Hazardous Material Prohibited Via Air
  '70': { status: 'in_transit', substatus: 'customs_processing' }, // Package Awaiting Customs Clearance
  '74': { status: 'exception' }, // The package lacks the appropriate tracking label. The sender may be contacted for instructions.
  '7A': { status: 'in_transit' }, // Delivery To UPS Ap Next Bus Day
  '7B': { status: 'in_transit', substatus: 'delayed' }, // Non-Del To UPS Ap; Status Update Pending
  '7K': { status: 'out_for_delivery' }, // Delivery Attempt In Progress
  '83': { status: 'in_transit', substatus: 'customs_cleared' }, // The freight shipment has cleared customs.
  '85': { status: 'in_transit' }, // The freight shipment has been processed to the warehouse.
  '86': { status: 'in_transit', substatus: 'customs_processing' }, // The freight shipment has been tendered to the designated broker.
  '8N': { status: 'unknown', substatus: 'unknown' }, // None Selected
  '8O': { status: 'delivered' }, // Management Office
  '8Q': { status: 'unknown', substatus: 'unknown' }, // Authorize Shipment Release Requested
  '98': { status: 'in_transit' }, // The package was line flown for other reasons, contact UPS at 1-800-PICK-UPS.
  '9E': { status: 'unknown', substatus: 'unknown' }, // Commercial Inside Release
  A0: { status: 'delivered', substatus: 'picked_up_by_recipient' }, // Package Picked Up At USPS Facility
  AI: { status: 'delivered' }, // Dock
  AU: { status: 'in_transit', substatus: 'rerouted' }, // Receiver Requests Hold For Pickup
  B0: { status: 'returned' }, // Package Delivered To Original Sender
  B2: { status: 'in_transit', substatus: 'customs_processing' }, // Not Yet Released By Customs
  BI: { status: 'unknown', substatus: 'unknown' }, // Closed.
  BL: { status: 'exception', substatus: 'rejected_by_carrier' }, // International - Commodity Restricted
  BM: { status: 'exception', substatus: 'rejected_by_carrier' }, // Package Dimensions Exceed Size Limit
  BN: { status: 'in_transit', substatus: 'customs_cleared' }, // Package Has Cleared Customs
  BO: { status: 'exception', substatus: 'address_problem' }, // Incorrect address.
  BS: { status: 'exception' }, // Not Forwarded-Unable To Contact Receiver
  CB: { status: 'in_transit', substatus: 'delayed' }, // In-Transit Delay-Special Flight Arranged
  CI: { status: 'unknown', substatus: 'unknown' }, // Not in.
  CO: { status: 'unknown', substatus: 'unknown' }, // Not ready.
  CR: { status: 'in_transit', substatus: 'delayed_weather' }, // Delay - Local Weather
  CU: { status: 'exception' }, // Not Delivered-Missing Or Illegible Label
  DI: { status: 'unknown', substatus: 'unknown' }, // No money.
  DK: { status: 'in_transit', substatus: 'customs_processing' }, // Delay - Custom'S Pre-Inspection Required
  DO: { status: 'attempt_failed' }, // Other non delivery.
  DZ: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Not Delivered - Room Number Needed
  EA: { status: 'unknown', substatus: 'unknown' }, // Missed.
  EB: { status: 'unknown', substatus: 'unknown' }, // Cancelled.
  EC: { status: 'unknown', substatus: 'unknown' }, // Redispatched.
  EE: { status: 'unknown', substatus: 'unknown' }, // Already serviced.
  EF: { status: 'in_transit', substatus: 'delayed' }, // Delay - Special Flight Arranged
  EG: { status: 'in_transit', substatus: 'address_corrected' }, // Address corrected-a special flight is required to make the scheduled delivery.
  EI: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Delay For Mechanical Or Technical Reason
  EJ: { status: 'in_transit', substatus: 'delayed_weather' }, // Delay - Local Weather
  EK: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Package Missed Scheduled Connection
  EL: { status: 'in_transit', substatus: 'delayed' }, // In-Transit Delay-Special Flight Arranged
  EM: { status: 'in_transit', substatus: 'delayed' }, // In-Transit Delay-Special Flight Arranged
  EP: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Your UPS SurePost® package was delivered to the Post Office and it is being held for pickup.
  EQ: { status: 'in_transit' }, // Service Upgrade-Special Flight Arranged
  ET: { status: 'exception', substatus: 'customs_documents_needed' }, // Delay-More Government Documents Required
  EZ: { status: 'in_transit', substatus: 'customs_cleared' }, // Cleared Customs After Noon
  F0: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrival Scan
  F3: { status: 'in_transit', substatus: 'departed_facility' }, // Departure Scan
  F1: { status: 'in_transit' }, // Delivery scheduled.
  F2: { status: 'exception', substatus: 'address_problem' }, // Delivery information incomplete.
  F7: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Your UPS SurePost® package was delivered to an Agent for final delivery.
  FB: { status: 'in_transit', substatus: 'address_corrected' }, // Being Delivered - Address Corrected
  FC: { status: 'exception' }, // Not Forwarded-Unable To Contact Receiver
  FD: { status: 'in_transit' }, // Phone Number Obtained
  FI: { status: 'unknown', substatus: 'unknown' }, // Already picked up.
  FO: { status: 'unknown', substatus: 'unknown' }, // Closed early.
  FV: { status: 'unknown', substatus: 'unknown' }, // Successful.
  FZ: { status: 'unknown', substatus: 'unknown' }, // No attempt.
  GK: { status: 'exception' }, // Contents shortage reported or fallout discovered by UPS.
  GW: { status: 'unknown', substatus: 'unknown' }, // Customer special request.
  HI: { status: 'in_transit' }, // Package Intercepted
  KU: { status: 'attempt_failed' }, // The entire shipment was not delivered.
  L4: { status: 'in_transit', substatus: 'customs_processing' }, // Package Requires Custom's Inspection
  L6: { status: 'unknown', substatus: 'unknown' }, // The package information does not reside in ISPS.
  LM: { status: 'exception' }, // Service level not available.
  M1: { status: 'delivered' }, // Residential
  M2: { status: 'delivered' }, // Commercial
  M3: { status: 'delivered' }, // Front Desk
  M4: { status: 'delivered' }, // Reception
  M5: { status: 'delivered' }, // Mail Room
  M6: { status: 'delivered' }, // Office
  M7: { status: 'delivered' }, // Receiver
  M8: { status: 'delivered' }, // Guard
  M9: { status: 'delivered' }, // Door Person
  MA: { status: 'delivered' }, // Hostess
  MB: { status: 'delivered' }, // Janitor
  MC: { status: 'delivered' }, // Store
  MD: { status: 'delivered' }, // Warehouse
  ME: { status: 'delivered' }, // Receiving office
  MG: { status: 'delivered' }, // Met Customer
  MH: { status: 'delivered' }, // Met Customer
  MJ: { status: 'delivered' }, // Met Customer
  MK: { status: 'delivered' }, // Met Customer
  ML: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Front Door
  MM: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Rear Door
  MN: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Side Door
  MP: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Garage
  MQ: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Porch
  MR: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Deck
  MS: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Patio
  MU: { status: 'delivered', substatus: 'delivered_to_mailbox' }, // Mailbox
  MV: { status: 'exception', substatus: 'address_problem' }, // Missing Postal Code
  MW: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Carport
  MX: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Other - released
  MY: { status: 'unknown', substatus: 'unknown' }, // Return service shipping label was left with the shipment's receiver.
  NL: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // As requested by the receiver, the package was left in a delivery bag.
  NS: { status: 'unknown', substatus: 'unknown' }, // Gate Code
  NT: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // As requested by the receiver, the package was delivered to a meter box.
  NX: { status: 'unknown', substatus: 'unknown' }, // Security Code
  OE: { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // Security Code required to enter property
  OO: { status: 'delivered' }, // Your UPS Premier Package Was Delivered
  OZ: { status: 'delivered' }, // As requested by the receiver, the package was delivered to a security office.
  P5: { status: 'delivered', substatus: 'delivered_to_locker_or_parcel_shop' }, // Locker
  PF: { status: 'delivered' }, // Inside Delivery
  RN: { status: 'exception', substatus: 'rejected_by_carrier' }, // Shipment Contains Restricted Commodities
  RQ: { status: 'in_transit', substatus: 'customs_processing' }, // Hold pend clearance from Govt agency other than us customs.
  SB: { status: 'in_transit', substatus: 'customs_processing' }, // Pull invoice/waybill.
  SE: { status: 'in_transit', substatus: 'customs_processing' }, // Replace invoice/waybill.
  SG: { status: 'exception', substatus: 'customs_documents_needed' }, // Pre-Clearance Impossible Due To Inc Info
  ST: { status: 'exception', substatus: 'customs_held' }, // Customs Reject
  TW: { status: 'unknown', substatus: 'unknown' }, // Awaiting Supervisor Approval
  UC: { status: 'delivered' }, // Delivery completed.
  UJ: { status: 'unknown', substatus: 'unknown' }, // UPS Internal Activity
  VS: { status: 'in_transit', substatus: 'picked_up' }, // Shipment Tendered To UPS
  YC: { status: 'delivered' }, // Package Delivered By Local Post Office
  YH: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Post Office To Deliver In 1 To 2 Days
  ZE: { status: 'delivered' }, // Authorize Shipment Release Was Utilized
  ZF: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // Shed
  ZG: { status: 'delivered' }, // Concierge
  ZH: { status: 'delivered' }, // Superintendent
  ZI: { status: 'available_for_pickup' }, // Left At UPS Retail Location
  ZQ: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Your Pkg Is Being Held For Collection
});

/**
 * `status.code` of manifest activities (types `M`, `MV`): UPS 'Manifest Codes'.
 * Source: Tracking-delivery-codes / Manifest Codes.
 */
export const UPS_MANIFEST_CODES = createStatusTable({
  DP: { status: 'info_received' }, // Shipment ready for UPS, manifest processed.
  MP: { status: 'info_received' }, // Shipment ready for UPS, billing information has been received.
  RD: { status: 'info_received' }, // Shipper created a label, Roadie has not received the package yet
  VP: { status: 'cancelled' }, // Manifest cancelled and shipment voided
});

/**
 * `status.code` of update activities (type `U`, Track Alert): UPS 'Updates'. Updates carry no status.
 * Source: Tracking-delivery-codes / Updates.
 */
export const UPS_UPDATE_CODES = createStatusTable({
  PX: { status: 'unknown', substatus: 'unknown' }, // Delivery Photo (enchanced users only)
  UP: { status: 'unknown', substatus: 'unknown' }, // Updated Delivery Date
  UT: { status: 'unknown', substatus: 'unknown' }, // Updated Delivery Time
});

/**
 * 3-digit `status.code` on freight-only activity types (`DO`, `DD`, `W`): UPS 'Freight Activity'
 * (CRD TCFRATY, freight forwarding). Which field carries them is not documented (confidence L).
 * Source: Tracking-delivery-codes / Freight Activity.
 */
export const UPS_FREIGHT_ACTIVITY_CODES = createStatusTable({
  '000': { status: 'unknown', substatus: 'unknown' }, // Data Not Available
  '001': { status: 'info_received' }, // Shipment/Forwarding Information Received
  '002': { status: 'in_transit', substatus: 'picked_up' }, // Received into UPS possession
  '003': { status: 'info_received' }, // Date Available to Ship
  '004': { status: 'unknown', substatus: 'unknown' }, // ETD from Load Port
  '005': { status: 'in_transit', substatus: 'departed_facility' }, // Departure
  '006': { status: 'unknown', substatus: 'unknown' }, // ETA at Port of Discharge
  '007': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Confirmed Arrival
  '009': { status: 'in_transit', substatus: 'customs_cleared' }, // Cleared Customs
  '010': { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Tendered to Clients Nominated Carrier
  '011': { status: 'out_for_delivery' }, // Out for Delivery
  '012': { status: 'delivered' }, // Delivered
  '013': { status: 'exception' }, // Exception
  '014': { status: 'cancelled' }, // Shipment Information Voided
  '015': { status: 'unknown', substatus: 'unknown' }, // Origin
  '016': { status: 'unknown', substatus: 'unknown' }, // Destination
  '017': { status: 'in_transit', substatus: 'picked_up' }, // Pickup
  '020': { status: 'in_transit', substatus: 'delivery_appointment_scheduled' }, // Appointment Made
  '022': { status: 'in_transit' }, // Wrapped
  '027': { status: 'in_transit', substatus: 'customs_cleared' }, // Cleared Customs
  '028': { status: 'in_transit', substatus: 'departed_facility' }, // Departed Transit Leg
  '029': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrived Transit Leg
  '030': { status: 'in_transit', substatus: 'arrived_at_facility' }, // On Hand at Destination
  '031': { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // Arrived at Destination Country
  '032': { status: 'in_transit', substatus: 'customs_processing' }, // Docs to Outside Broker
  '033': { status: 'unknown', substatus: 'unknown' }, // ISF Data Accepted (Error Free)
  '034': { status: 'unknown', substatus: 'unknown' }, // ISF Data Accepted with Warning
  '035': { status: 'unknown', substatus: 'unknown' }, // ISF Matched to AMS Bill on File
  '036': { status: 'unknown', substatus: 'unknown' }, // Revised Door ETA
  '037': { status: 'info_received' }, // Booking Received from Client
  '038': { status: 'info_received', substatus: 'pickup_scheduled' }, // Collection Order Issued
  '039': { status: 'info_received' }, // File Opened
  '040': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Confirmed Arrival at Final Carrier B/L Point
  '041': { status: 'in_transit', substatus: 'customs_processing' }, // Documents to client's broker or consignee
  '042': { status: 'in_transit', substatus: 'customs_processing' }, // Documents turned over to UPS broker
  '043': { status: 'in_transit', substatus: 'customs_processing' }, // Shipment in Customs
  '044': { status: 'in_transit' }, // Entered Into Warehouse for Storage
  '045': { status: 'info_received' }, // Documents received from shipper
  '046': { status: 'in_transit', substatus: 'picked_up' }, // On hand at origin location
  '047': { status: 'unknown', substatus: 'unknown' }, // Documents faxed or sent to destination
  '048': { status: 'in_transit' }, // Available for final distribution
  '049': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Shipment has arrived at a Service Center
  '050': { status: 'delivered' }, // Shipment has been delivered to consignee
  '051': { status: 'in_transit', substatus: 'picked_up' }, // Shipment has been picked up
  '052': { status: 'in_transit', substatus: 'arrived_at_facility' }, // Shipment is at a UPS Freight location
  '053': { status: 'exception' }, // Shortage noted at receipt from customer
  '054': { status: 'in_transit', substatus: 'delivery_appointment_scheduled' }, // A delivery appointment has been scheduled with the consignee
  '055': { status: 'in_transit' }, // A trailer containing this shipment has been dropped/placed at the consignee's location. Delivery Confirmation pending from the consignee.
  '056': { status: 'in_transit', substatus: 'customs_processing' }, // Registered with clearing agency; shipment release pending clearing agency review
  '057': { status: 'out_for_delivery' }, // Shipment has arrived at the consignee location
  '058': { status: 'exception' }, // Shortage noted at receipt from advance carrier
  '059': { status: 'unknown', substatus: 'unknown' }, // Trailer dropped at pickup location
  '060': { status: 'in_transit' }, // Trailer dropped at delivery location
  '061': { status: 'info_received', substatus: 'pickup_scheduled' }, // Arrival at pickup location
  '062': { status: 'in_transit' }, // First rail transfer
  '063': { status: 'in_transit' }, // Second rail transfer
  '065': { status: 'in_transit' }, // Third rail transfer
  '066': { status: 'in_transit' }, // Fourth rail transfer
  '067': { status: 'in_transit', substatus: 'customs_processing' }, // First in transit border clearance
  '068': { status: 'in_transit', substatus: 'customs_processing' }, // Second in transit border clearance
  '069': { status: 'in_transit', substatus: 'customs_processing' }, // Third in transit border clearance
  '070': { status: 'in_transit', substatus: 'customs_processing' }, // Fourth in transit border clearance
  '072': { status: 'info_received', substatus: 'pickup_scheduled' }, // Planned pickup date
  '073': { status: 'unknown', substatus: 'unknown' }, // Departed Delivery Location
  '074': { status: 'info_received', substatus: 'pickup_scheduled' }, // Arrived at Pick-Up Location
  '080': { status: 'in_transit', substatus: 'departed_facility' }, // Confirmed Gateway Departure
});

/**
 * 2-character `status.code` on freight-only activity types (`DO`, `DD`, `W`): UPS 'Freight Exceptions'
 * (VCAT; texts name TForce Freight). Which field carries them is not documented (confidence L).
 * Source: Tracking-delivery-codes / Freight Exceptions.
 */
export const UPS_FREIGHT_EXCEPTION_CODES = createStatusTable({
  '01': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A breakdown / mechanical failure occurred which may result in a service delay
  '02': { status: 'attempt_failed' }, // Delivery attempted. Freight brought back
  '03': { status: 'unknown', substatus: 'unknown' }, // A loss of visibility has occurred causing interruption in the flow of information provided to/for the customer
  '04': { status: 'in_transit', substatus: 'delayed' }, // An incident has occurred which may result in a service delay
  '05': { status: 'in_transit', substatus: 'delayed_weather' }, // Adverse weather conditions occurred which may result in a service delay
  '06': { status: 'exception', substatus: 'damaged' }, // Shipment damage noted while in transit
  '07': { status: 'in_transit' }, // Appointment is required before delivery
  '08': { status: 'in_transit' }, // Arrangements for appointment attempted
  '09': { status: 'in_transit', substatus: 'rerouted' }, // As requested, the receiver will pickup at a TForce Freight facility.
  '10': { status: 'delivered' }, // Consignee refused part of shipment; balance delivered
  '11': { status: 'in_transit', substatus: 'customs_processing' }, // Customs must release shipment prior to delivery
  '12': { status: 'delivered' }, // Damage noted at delivery; consignee received shipment
  '14': { status: 'exception', substatus: 'damaged' }, // Damage noted at receipt from advance carrier
  '15': { status: 'exception', substatus: 'damaged' }, // Damage noted at receipt from shipper
  '16': { status: 'exception' }, // Shortage noted at receipt from advance carrier
  '17': { status: 'exception' }, // Shortage noted at receipt from customer
  '18': { status: 'in_transit', substatus: 'delayed' }, // A delay at service center may result in a service delay
  '19': { status: 'in_transit', substatus: 'delayed' }, // An incident has occurred which may result in a service delay
  '20': { status: 'in_transit', substatus: 'delayed' }, // Special consignee requirements may result in a service delay
  '21': { status: 'in_transit' }, // Freight has been placed in consolidation status per consignee instructions
  '22': { status: 'in_transit', substatus: 'delayed' }, // Shipment may be delayed
  '24': { status: 'in_transit', substatus: 'customs_processing' }, // Hold per broker instructions
  '25': { status: 'exception', substatus: 'customs_documents_needed' }, // Incomplete or missing documentation must be obtained. TForce Freight is attempting to obtain this information
  '26': { status: 'exception', substatus: 'customs_documents_needed' }, // No broker has been assigned
  '27': { status: 'exception', substatus: 'damaged' }, // Over short and damaged
  '28': { status: 'delivered' }, // Overage noted at delivery; customer received overage
  '29': { status: 'exception' }, // Overage noted at receipt from customer
  '30': { status: 'exception' }, // Overage noted at receipt from advanced carrier
  '31': { status: 'delivered' }, // Shortage noted at delivery; customer received balance
  '32': { status: 'in_transit', substatus: 'delayed' }, // Shipment delayed, hazardous material load conflict
  '33': { status: 'exception' }, // Shipment is at TForce Freight location waiting for disposition from customer
  '34': { status: 'exception', substatus: 'lost' }, // Shipment recorded but cannot be found. Attempting to locate
  '35': { status: 'exception', substatus: 'customs_held' }, // Shipment was seized by customs - contact destination brokerage for more detail
  '36': { status: 'exception' }, // Shortage noted while in-transit
  '38': { status: 'in_transit', substatus: 'delayed' }, // The address is in a remote area and deliveries are not made daily
  '39': { status: 'in_transit', substatus: 'delayed' }, // The shipment is delayed
  '40': { status: 'in_transit', substatus: 'delayed' }, // The service area is inaccessible; a delay may result
  '41': { status: 'in_transit', substatus: 'delayed_volume' }, // Airline backlog
  '42': { status: 'unknown', substatus: 'unknown' }, // Change in estimated date of arrival at destination port
  '43': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Aircraft downgrade
  '44': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Airline error
  '45': { status: 'in_transit', substatus: 'delayed' }, // Act of God/Force Majeure
  '46': { status: 'in_transit', substatus: 'delayed' }, // Consulate delay
  '47': { status: 'exception' }, // Customer information discrepancy
  '48': { status: 'in_transit', substatus: 'delayed' }, // Documents late from carrier
  '49': { status: 'in_transit', substatus: 'delayed' }, // Missed established cut-off
  '50': { status: 'unknown', substatus: 'unknown' }, // Pick-up cancelled
  '51': { status: 'in_transit' }, // Carrier split shipment
  '52': { status: 'in_transit', substatus: 'delayed' }, // Late documents from consignee
  '53': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Consignee delayed delivery
  '54': { status: 'exception', substatus: 'rejected_by_carrier' }, // Dangerous goods refusal
  '55': { status: 'in_transit', substatus: 'delayed' }, // Holiday
  '56': { status: 'exception', substatus: 'customs_documents_needed' }, // AMS shipper data incomplete
  '57': { status: 'in_transit', substatus: 'delayed' }, // Late documents from shipper
  '58': { status: 'exception', substatus: 'customs_duties_unpaid' }, // Pending duties
  '59': { status: 'unknown', substatus: 'unknown' }, // Early loading by shipper
  '60': { status: 'unknown', substatus: 'unknown' }, // Exception override
  '61': { status: 'in_transit', substatus: 'customs_processing' }, // Customs or other government hold/delay
  '62': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Equipment not available
  '63': { status: 'delivered' }, // Final delivery of split/partial shipment
  '64': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Airline flight crew out of hours
  '65': { status: 'exception' }, // Shipment mislabeled by shipper
  '66': { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Consignee delayed delivery
  '67': { status: 'in_transit', substatus: 'delayed' }, // Ground handler delay
  '68': { status: 'in_transit', substatus: 'customs_cleared' }, // AMS hold released
  '69': { status: 'exception', substatus: 'held_by_carrier' }, // Held for security reasons
  '70': { status: 'exception' }, // Lost documents
  '71': { status: 'in_transit', substatus: 'delayed' }, // Late for lock out
  '72': { status: 'in_transit', substatus: 'delayed' }, // Late pier delivery
  '73': { status: 'in_transit', substatus: 'delayed' }, // Late document turnover
  '74': { status: 'exception' }, // Missing data
  '75': { status: 'exception' }, // No ocean bill of lading
  '76': { status: 'info_received' }, // Shipment not ready for pick-up
  '77': { status: 'unknown', substatus: 'unknown' }, // Change in estimated date of departure from origin port
  '78': { status: 'exception' }, // Other
  '79': { status: 'exception' }, // Oversized cargo
  '80': { status: 'exception', substatus: 'damaged' }, // Pallet collapsed
  '81': { status: 'exception' }, // Piece count discrepancy
  '82': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Picking/load error
  '83': { status: 'in_transit', substatus: 'rerouted' }, // Cargo reconsigned in transit
  '84': { status: 'exception' }, // AMS carrier rejected
  '85': { status: 'in_transit', substatus: 'rerouted' }, // Shipment diverted at shipper/consignee request
  '86': { status: 'returning' }, // Shipment returned, shipper request/authorized
  '87': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // S.S. line error
  '88': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Truck cancelled
  '89': { status: 'in_transit', substatus: 'delayed' }, // Trucker pickup/delivery late
  '90': { status: 'exception' }, // Trade lane exception
  '91': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Vessel/flight delayed
  '92': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Aircraft weight and balance
  '93': { status: 'exception' }, // Weight discrepancy
  '94': { status: 'in_transit', substatus: 'delayed' }, // Weekend
  '95': { status: 'exception', substatus: 'held_by_carrier' }, // Shipment on hold
  '96': { status: 'in_transit', substatus: 'missorted' }, // Shipment misrouted
  '97': { status: 'exception', substatus: 'damaged' }, // Airline damaged cargo
  '98': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // IT systems failure
  '99': { status: 'in_transit', substatus: 'customs_processing' }, // Customs or other government hold/delay
  A1: { status: 'in_transit', substatus: 'customs_processing' }, // Customs or other government hold/delay
  A2: { status: 'exception', substatus: 'customs_held' }, // Held at export customs
  A3: { status: 'exception', substatus: 'customs_held' }, // Held at customs
  A4: { status: 'exception' }, // Shipment not booked
  A5: { status: 'exception' }, // Pending resolution
  AR: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Aircraft rerouted
  AS: { status: 'unknown', substatus: 'unknown' }, // U.S. export filing (AES) submitted
  B3: { status: 'exception' }, // Phone number disconnected. TForce Freight is attempting to obtain appointment information
  B4: { status: 'exception' }, // Phone number not listed. TForce Freight is attempting to obtain appointment information
  B6: { status: 'exception' }, // Left message. TForce Freight is attempting to obtain appointment information
  B7: { status: 'exception' }, // Line busy. TForce Freight is attempting to obtain appointment information
  B8: { status: 'exception' }, // No answer. TForce Freight is attempting to obtain appointment information
  B9: { status: 'exception' }, // Sent email. TForce Freight is attempting to obtain appointment information
  BL: { status: 'in_transit', substatus: 'delayed_volume' }, // Bumped due to passenger load
  BM: { status: 'in_transit', substatus: 'delayed_volume' }, // Bumped due to mail
  BP: { status: 'in_transit', substatus: 'delayed_volume' }, // Bumped due to perishables
  BW: { status: 'in_transit', substatus: 'delayed_weather' }, // Bad weather
  C0: { status: 'exception' }, // Wrong phone number provided. TForce Freight is attempting to obtain appointment information
  C3: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // TForce Freight will attempt delivery on next business day
  C7: { status: 'in_transit', substatus: 'customs_processing' }, // Registered with clearing agency. Shipment release pending clearing agency review
  D1: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // The consignee did not want the order and refused this delivery
  D2: { status: 'exception' }, // Partial delivery
  D3: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Airline booking not honored
  D4: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Shipment refused - damaged or short
  D5: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Consignee refused freight
  DE: { status: 'in_transit', substatus: 'delivery_appointment_scheduled' }, // Delivery appointment scheduled
  DG: { status: 'exception', substatus: 'rejected_by_carrier' }, // Dangerous goods refusal
  DH: { status: 'in_transit', substatus: 'delayed' }, // Holiday
  DP: { status: 'exception', substatus: 'customs_documents_needed' }, // Pending corrected documents
  DX: { status: 'unknown', substatus: 'unknown' }, // Delivery comment
  E1: { status: 'in_transit', substatus: 'address_corrected' }, // The address has been corrected. The delivery has been rescheduled
  E2: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Delivery rescheduled
  E4: { status: 'in_transit', substatus: 'customs_cleared' }, // Released by clearing agency. Now in-transit for delivery
  E5: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Shipment to be redelivered to consignee
  E6: { status: 'in_transit', substatus: 'rerouted' }, // Shipment has been reconsigneed to another destination
  E7: { status: 'exception' }, // Shipment refused by the shipper and the consignee, on hand at a TForce Freight facility
  E8: { status: 'exception', substatus: 'damaged' }, // Package damage, contents intact
  E9: { status: 'delivered' }, // Damage noted by consignee, partial receipt accepted
  EC: { status: 'exception', substatus: 'customs_held' }, // Held for export customs reasons
  EF: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Equipment malfunction
  EX: { status: 'in_transit', substatus: 'customs_cleared' }, // Export customs released
  F1: { status: 'exception' }, // Overage noted while in-transit
  F2: { status: 'exception' }, // Waiting for disposition from customer
  F3: { status: 'in_transit', substatus: 'delayed' }, // Civil unrest delay
  FX: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Flight cancelled
  G1: { status: 'unknown', substatus: 'unknown' }, // U.S. Import Security Filing accepted, pending AMS match
  G2: { status: 'unknown', substatus: 'unknown' }, // U.S. Import Security Filing accepted, pending AMS match
  G3: { status: 'unknown', substatus: 'unknown' }, // U.S. ISF to be cancelled in 10 days - AMS bill not on file
  G4: { status: 'unknown', substatus: 'unknown' }, // U.S. Import Security Filing has been cancelled
  G5: { status: 'exception', substatus: 'customs_documents_needed' }, // U.S. Import Security Filing data rejected with errors
  GD: { status: 'in_transit', substatus: 'delayed' }, // Gateway delay
  HA: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // A transportation accident has delayed delivery
  HC: { status: 'in_transit', substatus: 'customs_processing' }, // Customs or other government hold/delay
  HD: { status: 'in_transit', substatus: 'delayed' }, // Delayed at logistics center
  HE: { status: 'in_transit', substatus: 'delayed' }, // Awaiting documents from carrier
  HF: { status: 'exception' }, // Shipment confiscated
  HG: { status: 'unknown', substatus: 'unknown' }, // Penalty levied
  HN: { status: 'in_transit', substatus: 'delayed' }, // Holiday
  HU: { status: 'in_transit' }, // Hold for consolidation
  I1: { status: 'exception', substatus: 'customs_documents_needed' }, // Late/missing Information from shipper
  I2: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // U.S. ISF late/missing information from Importer of Record
  I3: { status: 'in_transit', substatus: 'delayed' }, // Late/missing information from carrier
  I4: { status: 'exception' }, // Data entry error
  I5: { status: 'in_transit', substatus: 'delayed' }, // SCS late filing
  I6: { status: 'in_transit', substatus: 'delayed_volume' }, // Shipment is delayed due to congestion at Port
  IA: { status: 'exception' }, // Outside delivery zone
  IC: { status: 'exception' }, // Altered equipment seals
  IE: { status: 'attempt_failed' }, // Unsuccessful delivery attempt
  IF: { status: 'exception' }, // Incomplete shipping instructions
  IG: { status: 'exception' }, // Consignee information requested
  IH: { status: 'exception', substatus: 'held_for_payment' }, // Payment not received
  II: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Payment refused
  IJ: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Airline error at destination
  IK: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Forwarder error
  IL: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Airline error at destination
  IM: { status: 'in_transit', substatus: 'delayed_volume' }, // Exceeds allocation
  IN: { status: 'in_transit', substatus: 'delayed' }, // Bad traffic
  IO: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Vehicle accident
  IP: { status: 'in_transit', substatus: 'delayed' }, // Holiday
  IQ: { status: 'exception', substatus: 'customs_documents_needed' }, // Incorrect documents
  IS: { status: 'unknown', substatus: 'unknown' }, // U.S. Importer Security Filing data accepted with warning
  IT: { status: 'in_transit', substatus: 'customs_processing' }, // U.S. Homeland Security delay
  LC: { status: 'exception', substatus: 'lost' }, // Lost/missing cargo
  LD: { status: 'exception' }, // Lost/missing/late documents
  MB: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Aircraft mechanical
  MR: { status: 'in_transit', substatus: 'missorted' }, // Misrouted by carrier
  MS: { status: 'in_transit', substatus: 'delayed' }, // Miscellaneous delay
  PS: { status: 'exception', substatus: 'lost' }, // Lost/missing cargo
  RF: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Consignee refused freight
  SA: { status: 'in_transit', substatus: 'delayed_volume' }, // Booking space not confirmed
  SC: { status: 'cancelled' }, // Shipment cancelled
  TE: { status: 'exception' }, // Temperature excursion external
  TI: { status: 'exception' }, // Temperature excursion internal
  TM: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Truck mechanical
  U2: { status: 'in_transit', substatus: 'delayed' }, // Special equipment/handling required
  U3: { status: 'exception' }, // Tracking number unknown
  U4: { status: 'in_transit', substatus: 'delayed' }, // Transit delay
  U6: { status: 'unknown', substatus: 'unknown' }, // Free time expired
  UF: { status: 'attempt_failed', substatus: 'attempt_failed_business_closed' }, // Delivery location closed
  UG: { status: 'exception', substatus: 'address_problem' }, // Address validation requested
  UH: { status: 'exception' }, // Credit approval requested
  UI: { status: 'in_transit' }, // Delivery appointment required
  UJ: { status: 'exception', substatus: 'damaged' }, // Damaged in transit
  UK: { status: 'in_transit' }, // Delivery appointment required
  UL: { status: 'in_transit', substatus: 'delayed' }, // Delayed departure
  UM: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Train derailment
  UN: { status: 'exception' }, // Incorrect pick-up address
  UQ: { status: 'in_transit', substatus: 'delayed' }, // Mechanical inspection requested
  UX: { status: 'exception', substatus: 'lost' }, // Theft in transit
  UY: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Refused without reason
  UZ: { status: 'in_transit', substatus: 'delayed' }, // Shunted to siding
});

/**
 * Mail Innovations shipping event codes (CRD TSEVSDS). The API has no documented field that marks an
 * activity as Mail Innovations, so this table is consulted last, after the table of the activity type. `PX` is
 * listed twice (sources H6 and IC) with the same text.
 * Source: Tracking-delivery-codes and Tracking-mail-innovation / Mail Innovations.
 */
export const UPS_MAIL_INNOVATIONS_CODES = createStatusTable({
  '00': { status: 'in_transit', substatus: 'delayed' }, // Processing Exception, Other Delay
  '1A': { status: 'out_for_delivery' }, // Package out for post office delivery
  '1B': { status: 'in_transit' }, // Package sorted by post office
  '1C': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Available for Pickup
  '1D': { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Package available for pick-up at post office
  '1E': { status: 'delivered', substatus: 'picked_up_by_recipient' }, // Package picked-up by agent at post office
  '1F': { status: 'returning' }, // Package returned to sender by post office. Contact sender for further assistance.
  '1G': { status: 'delivered', substatus: 'picked_up_by_recipient' }, // Package picked-up by agent or addressee at post office.
  '2N': { status: 'in_transit' }, // Electronic Shipment Information Received for Package by Post Office
  '2O': { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Shipment Acceptance at Post Office
  AU: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Hold for Pickup at UPS Mail Innovations facility
  DL: { status: 'delivered', substatus: 'signature_obtained' }, // Delivery with Signature
  DM: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Redelivery scheduled
  DN: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Available for Redelivery or Pickup
  DO: { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // Delivery Attempted: No Access to Delivery Location
  DP: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Reminder to Schedule Redelivery of your item
  DQ: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Accepted at USPS Destination Sort Facility
  DR: { status: 'in_transit', substatus: 'departed_facility' }, // Departed USPS Facility
  DS: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Sorted at UPS Facility
  DU: { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // Notice Left: Receptacle Blocked
  DV: { status: 'attempt_failed' }, // Notice Left: Receptacle Full/Item Oversized
  DW: { status: 'attempt_failed' }, // Notice Left: No Secure Location Available
  DX: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // Notice Left: No Authorized Recipient Available
  DY: { status: 'in_transit', substatus: 'departed_facility' }, // Departed USPS Facility
  DZ: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrived at USPS Facility
  EA: { status: 'in_transit', substatus: 'delayed_weather' }, // Delivery Exception, Local Weather Delay
  EB: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Rescheduled to Next Delivery Day
  EC: { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // Delivery Exception, Animal Interference
  ED: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Held at Post Office, At Customer Request
  EE: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Insufficient Address
  EF: { status: 'exception', substatus: 'address_problem' }, // Forward Expired
  EG: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Addressee Unknown
  EH: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Vacant
  EI: { status: 'returning' }, // Unclaimed/Being Returned to Sender
  EJ: { status: 'returning' }, // Return To Sender
  EK: { status: 'returning' }, // Return To Sender
  EL: { status: 'out_for_delivery' }, // Out for Delivery or Out for Redelivery
  EM: { status: 'attempt_failed' }, // Notice Left
  EN: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // USPS in Possession of Item
  F4: { status: 'delivered' }, // Package Delivered to Customer
  KP: { status: 'returning' }, // Package returned to sender/not picked up
  ML: { status: 'info_received' }, // Order information received
  MP: { status: 'info_received' }, // Order information received
  MQ: { status: 'info_received' }, // Order Shipped
  MR: { status: 'in_transit' }, // In Transit to United States
  MS: { status: 'in_transit', substatus: 'customs_processing' }, // Arrival in United States; Pending Clearance
  MT: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Rescheduled to next delivery day
  MU: { status: 'info_received' }, // In Transit to Mail Innovations
  MV: { status: 'in_transit', substatus: 'picked_up' }, // Shipment tendered to Mail Innovations
  MW: { status: 'in_transit', substatus: 'departed_facility' }, // Departure from Origin Mail Innovations Facility
  MX: { status: 'in_transit' }, // In Transit to International Processing Facility
  MY: { status: 'in_transit' }, // In Transit
  MZ: { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // Arrival in United States
  OF: { status: 'in_transit', substatus: 'departed_facility' }, // Departure Scan: Enroute to customer
  P0: { status: 'available_for_pickup' }, // Package Delivered to UPS Access Point™
  P1: { status: 'delivered' }, // Delivered
  P2: { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // Package Arrived in Destination Country
  P3: { status: 'in_transit' }, // Package in Local Delivery System
  P4: { status: 'in_transit', substatus: 'customs_processing' }, // Package with Customs for Clearance
  P5: { status: 'in_transit', substatus: 'customs_cleared' }, // Package Cleared by Customs Office
  P6: { status: 'attempt_failed' }, // Delivery Attempted
  P7: { status: 'in_transit', substatus: 'departed_origin_country' }, // Exported and In Transit to Country of Destination
  P8: { status: 'in_transit' }, // In Transit
  P9: { status: 'out_for_delivery' }, // Out for Delivery
  PA: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Package Received at Export Site
  PB: { status: 'in_transit' }, // Processed Through a Transit Hub
  PC: { status: 'available_for_pickup' }, // Package is Awaiting Customer Pick Up from UPS Access Point™
  PD: { status: 'in_transit', substatus: 'customs_processing' }, // Customs Clearance Delay
  PE: { status: 'available_for_pickup' }, // Package Remains at UPS Access Point™ and is Reaching Final Day for Retrieval by Customer
  PF: { status: 'info_received' }, // Export Site has received Package Details from UPS
  PG: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Package Refused by Customer
  PH: { status: 'exception', substatus: 'damaged' }, // Package was Damaged at UPS Access Point™ and returned to UPS
  PI: { status: 'exception', substatus: 'address_problem' }, // Incorrect Address
  PJ: { status: 'returning' }, // Returned to Shipper - No Pickup from UPS Access Point™
  PK: { status: 'exception', substatus: 'customs_held' }, // Customs Hold for Inspection
  PL: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Package Refused by Receiver
  PM: { status: 'in_transit', substatus: 'delayed' }, // Delivery Delay
  PN: { status: 'exception', substatus: 'address_problem' }, // Incorrect Address
  PO: { status: 'exception', substatus: 'customs_documents_needed' }, // Customs Requiring Information, contact UPS
  PP: { status: 'delivered', substatus: 'picked_up_by_recipient' }, // Package Retrieved from UPS Access Point™
  PQ: { status: 'returning' }, // Returned to Shipper - No Tax ID
  PR: { status: 'returning' }, // Returned to Shipper - Banned Content
  PS: { status: 'returning' }, // Returned to Shipper - Incorrect Address
  PT: { status: 'returning' }, // Returned to Shipper - Undeliverable
  PU: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Package Refused
  PV: { status: 'returning' }, // Returned to Shipper
  PW: { status: 'returning' }, // Returned to Shipper
  PX: { status: 'exception', substatus: 'damaged' }, // Package Damaged
  PY: { status: 'in_transit', substatus: 'delayed_weather' }, // Delivery Delay due to Weather
  Q0: { status: 'in_transit' }, // Electronic Shipment Information Received for Package by international carrier
  Q1: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Shipment Acceptance at international carrier
  Q2: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Package arrived at international carrier
  Q3: { status: 'in_transit' }, // Package processed by international carrier
  Q4: { status: 'in_transit', substatus: 'departed_facility' }, // Package departed international carrier facility
  Q5: { status: 'exception', substatus: 'rejected_by_carrier' }, // Package rejected by international carrier
  Q6: { status: 'in_transit', substatus: 'customs_processing' }, // Package arrived at foreign customs office
  Q7: { status: 'in_transit', substatus: 'customs_cleared' }, // Package cleared by foreign customs office
  Q8: { status: 'exception', substatus: 'customs_held' }, // Package retained by foreign customs office because it contained prohibited items
  Q9: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because it contain items subject to restrictions and requires a license
  QA: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because it did not contain an invoice
  QB: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because it contained an inappropriate invoice
  QC: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because it was missing a Certificate of Origin
  QD: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because it contained an inappropriate Certificate of Origin
  QE: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because it did not contain the customs documentation
  QF: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because it contained High Value Goods and lacked the correct declaration
  QG: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because import information is required and consignee was unavailable
  QH: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office due because broker item identification is required
  QI: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because an import/VAT number is required
  QJ: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because a certificate of returned goods is required
  QK: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because the bank requested a Document of Transfer
  QL: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office because it contained incomplete consignment
  QM: { status: 'exception', substatus: 'customs_held' }, // Package retained by foreign customs office because it was handed over to the customs authority
  QN: { status: 'exception', substatus: 'customs_held' }, // Package retained by foreign customs office for unspecified reasons
  QP: { status: 'exception', substatus: 'customs_documents_needed' }, // Package retained by foreign customs office for proof of purchase/value by addressee
  QQ: { status: 'exception', substatus: 'customs_held' }, // Package retained by foreign customs office for unspecified reasons
  QR: { status: 'exception', substatus: 'damaged' }, // Package was found damaged by a international carrier
  QS: { status: 'attempt_failed' }, // Package delivery was attempted
  QT: { status: 'attempt_failed' }, // Package delivery was attempted and a message was left for the addressee
  QU: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // Package delivery was attempted but the addressee was unavailable
  QV: { status: 'exception', substatus: 'damaged' }, // Package delivery was attempted but the item was damaged
  QW: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Package delivery was attempted but the addressee requested a later delivery time
  QX: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Package delivery was attempted but was refused by the addressee
  QY: { status: 'exception', substatus: 'held_by_carrier' }, // Package being held by international carrier
  QZ: { status: 'exception', substatus: 'address_problem' }, // Package being held by international carrier because the addressee has moved
  R0: { status: 'exception', substatus: 'address_problem' }, // Package being held by international carrier because the addressee could not be located
  R1: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Package being held by international carrier because addressee requested pickup
  R2: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Package being held by international carrier because addressee was unavailable
  R3: { status: 'exception', substatus: 'damaged' }, // Package being held by international carrier because the item is damaged
  R4: { status: 'exception', substatus: 'held_by_carrier' }, // Package being held by international carrier because of extraordinary circumstances
  R5: { status: 'exception', substatus: 'address_problem' }, // Package being held by international carrier because it has an incorrect address
  R6: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // Package being held by international carrier because addressee requested later delivery
  R7: { status: 'exception', substatus: 'held_for_payment' }, // Package being held by international carrier because payment of charges are necessary
  R8: { status: 'exception', substatus: 'rejected_by_carrier' }, // Package being held by international carrier because it contains prohibited contents
  R9: { status: 'exception', substatus: 'lost' }, // Package was lost
  RA: { status: 'exception' }, // Package was left unclaimed by the addressee
  RB: { status: 'out_for_delivery' }, // Out for delivery
  RC: { status: 'out_for_delivery' }, // Package is out for delivery but payment of charges is required
  RD: { status: 'out_for_delivery' }, // Package is out for delivery; Force Majeure
  RE: { status: 'out_for_delivery' }, // Out for delivery
  RF: { status: 'attempt_failed' }, // Package delivery was missed
  RG: { status: 'attempt_failed' }, // Package delivery was missed due to extraordinary circumstances
  RH: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Package delivery was missed due to an incorrect address
  RI: { status: 'attempt_failed' }, // Package delivery was missed due to unavailable addressee or closed office
  RJ: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Package was not delivered due to an incomplete address
  RK: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Package was not delivered due to an incorrect address
  RL: { status: 'exception', substatus: 'rejected_by_carrier' }, // Package was not delivered because it contained prohibited contents
  RM: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Package was not delivered because the addressee is unknown
  RN: { status: 'in_transit', substatus: 'missorted' }, // Package was incorrectly sorted to the wrong destination
  RP: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Package requires pickup from post office
  RQ: { status: 'delivered' }, // Delivered
  RR: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Package is undeliverable as addressed
  RS: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed
  RT: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed because the addressee moved
  RU: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed because the addressee was unavailable
  RV: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed because the customs taxes were refused
  RW: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed due to extraordinary circumstances
  RX: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed because the address was incomplete
  RY: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed because the address was incorrect
  RZ: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed because the item was damaged
  S0: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed because the addressee refused it
  S1: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed because it contained prohibited content
  S2: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed because it was left unclaimed
  S3: { status: 'exception', substatus: 'disposed' }, // Package was seized and/or destroyed because the addressee is unknown
  S4: { status: 'in_transit' }, // Package was forwarded to the addressee's address that is on file with the post office
  S5: { status: 'in_transit', substatus: 'address_corrected' }, // Package was received with an incorrect address and was forwarded to the address that is on file with the post office
  S6: { status: 'in_transit', substatus: 'missorted' }, // Package was missorted and was forwarded to the addressee's address that is on file with the post office
  S7: { status: 'in_transit', substatus: 'address_corrected' }, // The addressee has moved and the package was forwarded to the addressee's address that is on file with the post office
  S8: { status: 'in_transit' }, // Package was forwarded to the addressee's address that is on file with the post office
  S9: { status: 'returning' }, // Package returned to sender by international carrier
  SA: { status: 'returning' }, // Package returned to sender by international carrier because the addressee has moved. Contact Sender
  SB: { status: 'returning' }, // Package returned to sender by international carrier because the addressee was unavailable. Contact Sender for assistance
  SC: { status: 'returning' }, // Package returned to sender by international carrier because the addressee refused to pay the customs tax. Contact Sender
  SD: { status: 'returning' }, // Package returned to sender by international carrier because of extraordinary circumstances. Contact Sender
  SE: { status: 'returning' }, // Package returned to sender by international carrier because the addressee's address is incomplete. Contact Sender
  SF: { status: 'returning' }, // Package returned to sender by international carrier because the addressee's address is incorrect. Contact Sender
  SG: { status: 'returning' }, // Package returned to sender by international carrier because the item was damaged. Contact Sender for further assistance
  SH: { status: 'returning' }, // Package returned to sender by international carrier because the item was refused by the addressee. Contact Sender
  SI: { status: 'returning' }, // Package returned to sender by international carrier because it contained prohibited items. Contact Sender for assistance
  SJ: { status: 'returning' }, // Package returned to sender by international carrier because it remained unclaimed by addressee. Contact Sender
  SK: { status: 'returning' }, // Package returned to sender by international carrier because the address is unknown. Contact Sender
  SL: { status: 'returning', substatus: 'return_requested' }, // International carrier is preparing package return
  SM: { status: 'returning', substatus: 'return_requested' }, // International carrier is processing package return
  SN: { status: 'in_transit', substatus: 'missorted' }, // Package en route; international carrier misrouted
  SO: { status: 'available_for_pickup' }, // Package has arrived at destination pick-up point
  SP: { status: 'returning' }, // Return is out for delivery by post office
  SQ: { status: 'returned' }, // Return delivered to sender
  SR: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // No authorized addressee is available at destination
  VS: { status: 'in_transit', substatus: 'picked_up' }, // Shipment tendered to UPS Mail Innovations
  XA: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Accepted by post office
  XD: { status: 'returning' }, // Package Damaged: Returned to Sender
  XO: { status: 'returning' }, // Package Returned to Sender
  YC: { status: 'delivered' }, // Delivered
  YD: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // Held at Post Office, At Customer Request
  YE: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // Refused
  YF: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Unable to deliver, problem with address
  YG: { status: 'in_transit' }, // Forwarded
  YH: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrived at Post Office
  YI: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrived at USPS Facility
  YJ: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // No Such Number
  YK: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // Moved, Left no Address
  YL: { status: 'exception', substatus: 'disposed' }, // Dead Mail: Disposed by Post Office
  YM: { status: 'exception' }, // Dead Mail: Sent to Mail Recovery Center
  ZM: { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // Delivery Attempted: No Access to Delivery Location
  ZN: { status: 'in_transit' }, // Dispatched from USPS Intl Service Center
  ZR: { status: 'in_transit', substatus: 'departed_facility' }, // Depature Scan: Enroute to USPS
  ZS: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Package received for processing
  ZT: { status: 'in_transit' }, // Package processed
  ZU: { status: 'in_transit', substatus: 'departed_facility' }, // Departed UPS Facility
  ZV: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrived at UPS Facility
  ZW: { status: 'in_transit' }, // Postage Paid/Ready for destination post office entry
  ZX: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Package transferred to post office. No further tracking information will be available
  ZY: { status: 'in_transit', substatus: 'handed_over_to_carrier' }, // Shipment Delivered to USPS, Package Acceptance Pending
  ZZ: { status: 'in_transit', substatus: 'arrived_at_facility' }, // Arrived at USPS Facility
});
/**
 * Activity types not in UPS's current table but sent by older UPS tracking interfaces: `P` (pickup) is the
 * legacy XML Tracking API's "P = Pickup" (confidence M: used by several client libraries, absent from the
 * Track API v1 appendix).
 */
export const UPS_LEGACY_ACTIVITY_TYPES = createStatusTable({
  P: { status: 'in_transit', substatus: 'picked_up' }, // Pickup
});

/**
 * Status/Description codes that UPS uses as a catch-all: `013 Exception` carries most exception-table
 * codes, benign ones included (UPS's own code list groups them as "UPDATE"; UPS-API/api-documentation
 * issue #7). For these the scan code decides when it is known, and the catch-all applies only otherwise.
 */
export const UPS_CATCH_ALL_STATUS_CODES: ReadonlySet<string> = new Set(['013']);

/**
 * Which scan-code tables apply to an activity type, in order. Movement scans before the exception table for
 * `I` (`XD` is a drop-off scan there, an import scan in the exception table); the exception table before
 * the delivery codes for `X`, and the reverse for `D` (`F4 Delivered` lives in the exception table).
 * Mail Innovations codes come last for small-package types because nothing in the response marks an
 * activity as Mail Innovations. Freight types: the activity codes have 3 digits, the exception codes 2 characters.
 */
export const UPS_SCAN_CODE_TABLES_BY_TYPE: Readonly<Record<string, readonly StatusTable[]>> = Object.assign(
  Object.create(null) as Record<string, readonly StatusTable[]>,
  {
    I: [UPS_MOVEMENT_SCAN_CODES, UPS_PACKAGE_EXCEPTION_CODES, UPS_MAIL_INNOVATIONS_CODES],
    P: [UPS_MOVEMENT_SCAN_CODES, UPS_PACKAGE_EXCEPTION_CODES, UPS_MAIL_INNOVATIONS_CODES],
    X: [UPS_PACKAGE_EXCEPTION_CODES, UPS_DELIVERY_CODES, UPS_MAIL_INNOVATIONS_CODES],
    D: [UPS_DELIVERY_CODES, UPS_PACKAGE_EXCEPTION_CODES, UPS_MAIL_INNOVATIONS_CODES],
    M: [UPS_MANIFEST_CODES],
    MV: [UPS_MANIFEST_CODES],
    U: [UPS_UPDATE_CODES],
    DO: [UPS_FREIGHT_ACTIVITY_CODES, UPS_FREIGHT_EXCEPTION_CODES],
    DD: [UPS_FREIGHT_ACTIVITY_CODES, UPS_FREIGHT_EXCEPTION_CODES],
    W: [UPS_FREIGHT_ACTIVITY_CODES, UPS_FREIGHT_EXCEPTION_CODES],
  },
);
