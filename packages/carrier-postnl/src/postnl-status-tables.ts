import { createStatusTable } from '@wismo/core';

/*
 * PostNL status tables, as data. Source: PostNL's own "T&T Status codes" reference page (the developer-portal
 * build in maarten-brijker-postnl/apimatic-testbuild-v1 `content/reference data/TTStatusCodes.md` @ 87e3e42ecd13),
 * copied to docs/research/carrier-codes/postnl-codes.md. PostNL's table wins over karrio's old mapping
 * (which read 1 as in transit, 8 as delayed and 15/18/19 as failed).
 */

/** `Status.StatusCode` / `OldStatus[].StatusCode`: the 23 documented codes (no 10), plus 27, 28 and 31, which the event table names. */
export const POSTNL_STATUS_CODES = createStatusTable({
  '1': { status: 'info_received', substatus: 'label_created' }, // Zending voorgemeld / Shipment pre-alerted
  '2': { status: 'in_transit', substatus: 'picked_up' }, // Zending in ontvangst genomen / Shipment accepted
  '3': { status: 'in_transit', substatus: 'picked_up' }, // Zending afgehaald / Shipment collected
  '4': { status: 'exception', substatus: 'carrier_exception' }, // Zending niet afgehaald / Shipment not collected
  '5': { status: 'in_transit', substatus: 'in_transit' }, // Zending gesorteerd / Shipment sorted
  '6': { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // Zending niet gesorteerd / Shipment not sorted
  '7': { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // Zending in distributieproces / Shipment out for delivery
  '8': { status: 'attempt_failed', substatus: 'attempt_failed' }, // Zending niet afgeleverd / Shipment not delivered
  '9': { status: 'in_transit', substatus: 'customs_processing' }, // Zending bij douane / Shipment at customs
  '11': { status: 'delivered', substatus: 'delivered' }, // Zending afgeleverd / Shipment delivered
  '12': { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // Zending beschikbaar op afhaallocatie / Shipment at pick-up location
  '13': { status: 'info_received', substatus: 'label_created' }, // Voorgemeld: nog niet aangenomen / Pre-alerted shipment
  '14': { status: 'exception', substatus: 'carrier_exception' }, // Voorgemeld: definitief niet aangenomen / never handed over
  '15': { status: 'exception', substatus: 'lost' }, // Manco collectie / Missing collection
  '16': { status: 'exception', substatus: 'lost' }, // Manco sortering / Missing in sorting
  '17': { status: 'exception', substatus: 'lost' }, // Manco distributie / Missing in distribution
  '18': { status: 'exception', substatus: 'lost' }, // Definitief manco / Definitely missing
  '19': { status: 'exception', substatus: 'rejected_by_carrier' }, // Zending afgekeurd / Shipment rejected
  '20': { status: 'in_transit', substatus: 'customs_processing' }, // Zending in inklaringsproces / Shipment in clearance process
  '21': { status: 'in_transit', substatus: 'in_transit' }, // Zending in voorraad / Shipment in storage (its events: received, delayed)
  '22': { status: 'delivered', substatus: 'picked_up_by_recipient' }, // Zending afgehaald van Postkantoor / Shipment picked up from post office
  '23': { status: 'in_transit', substatus: 'picked_up' }, // Afhaalopdracht gecollecteerd / Parcel collected
  '27': { status: 'returning', substatus: 'returning_to_sender' }, // Retour Onbestelbaar (named by the event table only)
  '28': { status: 'returning', substatus: 'returning_to_sender' }, // Retour Foutieve aflevercode (named by the event table only)
  '31': { status: 'in_transit', substatus: 'in_transit' }, // Zending klaar voor transport naar land van bestemming (event table only)
  // Niet van toepassing / Not applicable: says nothing about the parcel, so it never moves a shipment.
  '99': { status: 'unknown', substatus: 'unknown' },
});

/** `PhaseCode`: 1 Collectie, 2 Sortering, 3 Distributie, 4 Afgeleverd, 99 Niet van toepassing. Coarse: used only without a status code. */
export const POSTNL_PHASE_CODES = createStatusTable({
  '1': { status: 'info_received' }, // Collectie / Collection
  '2': { status: 'in_transit' }, // Sortering / Sorting
  '3': { status: 'in_transit' }, // Distributie / Distribution
  '4': { status: 'delivered' }, // Afgeleverd / Delivered
  '99': { status: 'unknown', substatus: 'unknown' }, // Niet van toepassing / Not applicable
});

/**
 * `Event[].Code`: all 287 distinct codes of PostNL's event table (288 rows; J23 is listed under both 11 and 12 with
 * the same meaning, "can be collected at the parcel locker", so 12 wins). Each event leads to the status in the
 * comment (PostNL's last column); where PostNL's own words are more specific (a neighbour, a refusal, a return),
 * the entry says so. Status 99 events ("not applicable") map to `unknown` unless their words leave no doubt.
 */
export const POSTNL_EVENT_CODES = createStatusTable({
  A01: { status: 'info_received', substatus: 'label_created' }, // 01: Shipment expected, but not yet arrived at PostNL
  A10: { status: 'info_received', substatus: 'label_created' }, // 01: Sender has generated return label
  A71: { status: 'info_received', substatus: 'label_created' }, // 01: Shipment registered
  F01: { status: 'info_received', substatus: 'pickup_scheduled' }, // 01: Pick-up shipment will be collected
  J93: { status: 'info_received', substatus: 'label_created' }, // 01: Pre-alerted shipment partially not found
  M03: { status: 'info_received', substatus: 'label_created' }, // 01: Period of validity label expired
  X80: { status: 'info_received', substatus: 'pickup_scheduled' }, // 01: Collection order received
  X81: { status: 'info_received', substatus: 'label_created' }, // 01: Return shipment received in country of destination
  B01: { status: 'in_transit', substatus: 'picked_up' }, // 02: Shipment received by PostNL
  X40: { status: 'in_transit', substatus: 'picked_up' }, // 02: Shipment received at PostNL outlet
  B04: { status: 'in_transit', substatus: 'picked_up' }, // 03: Shipment collected by PostNL
  Z80: { status: 'in_transit', substatus: 'picked_up' }, // 03: Yes! Your shipment has been picked up at a collection point
  D02: { status: 'exception', substatus: 'carrier_exception' }, // 04: Shipment not collected; incorrect address
  D03: { status: 'exception', substatus: 'carrier_exception' }, // 04: Collection shipment not collected, no one present at address
  D04: { status: 'exception', substatus: 'carrier_exception' }, // 04: Shipment not collected; incorrect address
  D05: { status: 'exception', substatus: 'carrier_exception' }, // 04: There was no shipment to collect
  D06: { status: 'exception', substatus: 'carrier_exception' }, // 04: Collection shipment not collected, shipment incorrectly/not labelled
  D07: { status: 'exception', substatus: 'carrier_exception' }, // 04: Collection shipment not collected, shipment not properly packed
  D09: { status: 'exception', substatus: 'carrier_exception' }, // 04: Collection shipment not collected, no answer
  D40: { status: 'exception', substatus: 'carrier_exception' }, // 04: Collection shipment not collected
  D41: { status: 'cancelled', substatus: 'cancelled' }, // 04: Pick-up order cancelled
  H31: { status: 'cancelled', substatus: 'cancelled' }, // 04: Sender has cancelled the shipment order
  X42: { status: 'exception', substatus: 'rejected_by_carrier' }, // 04: Shipment refused at PostNL outlet, too large/too heavy
  X43: { status: 'exception', substatus: 'rejected_by_carrier' }, // 04: Shipment refused at PostNL outlet, insufficient packaging
  Y80: { status: 'exception', substatus: 'carrier_exception' }, // 04: We missed you; we’ll try again
  Y81: { status: 'exception', substatus: 'carrier_exception' }, // 04: Pick-up order unsuccessful, no new attempt
  A08: { status: 'in_transit', substatus: 'rerouted' }, // 05: Recipient’s choice: deliver to neighbour
  A09: { status: 'in_transit', substatus: 'rerouted' }, // 05: Recipient’s choice: deliver to pick-up location
  A11: { status: 'in_transit', substatus: 'rerouted' }, // 05: Recipient’s choice: deliver to random neighbour
  A12: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: Recipient’s choice: deliver on a different day
  A13: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: Recipient’s choice: deliver on a different part of the day
  A27: { status: 'in_transit', substatus: 'rerouted' }, // 05: Shipment will be delivered to the parcel locker
  A28: { status: 'in_transit', substatus: 'rerouted' }, // 05: To be collected at PostNL outlet from 9:00am
  A29: { status: 'in_transit', substatus: 'rerouted' }, // 05: Shipment will be delivered in the evening to another address
  A30: { status: 'in_transit', substatus: 'rerouted' }, // 05: Shipment will be delivered to a different address
  A31: { status: 'in_transit', substatus: 'rerouted' }, // 05: Shipment will be delivered in the evening to a neighbour
  A32: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: Shipment will be delivered in the evening on another day
  A34: { status: 'in_transit', substatus: 'rerouted' }, // 05: Delivery changed to a PostNL outlet
  A35: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: Delivery changed to another day
  A42: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: Delivery date of shipment changed
  A43: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: E-mail with invitation for 2nd delivery attempt sent
  A99: { status: 'in_transit', substatus: 'rerouted' }, // 05: Shipment will be delivered to a PostNL outlet
  J01: { status: 'in_transit', substatus: 'arrived_at_facility' }, // 05: Shipment has been sorted
  J06: { status: 'in_transit', substatus: 'arrived_at_facility' }, // 05: Shipment sorted in sorting centre
  J07: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: Closed: delivery postponed until the following working day
  J09: { status: 'in_transit', substatus: 'delayed' }, // 05: Sorry, delivery time has been updated
  J10: { status: 'in_transit', substatus: 'arrived_at_facility' }, // 05: Shipment has been sorted
  J14: { status: 'in_transit', substatus: 'delayed' }, // 05: Sorry, delivery time has been updated
  J16: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: Delivery address inaccessible, new attempt to follow
  J17: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: Delivery postponed due to ‘closed’ notification
  J22: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // 05: Delivery postponed because of incomplete multi-parcel shipment
  J24: { status: 'in_transit', substatus: 'delayed' }, // 05: Sorry, delivery time has been updated
  J26: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: Delivery postponed until the following working day
  J27: { status: 'in_transit', substatus: 'arrived_at_facility' }, // 05: Shipment sorted by the depot
  J28: { status: 'in_transit', substatus: 'in_transit' }, // 05: Due to size, shipment will be delivered by PostNL Extra@Home
  J33: { status: 'in_transit', substatus: 'address_corrected' }, // 05: Recovery procedure for incorrect address
  J36: { status: 'in_transit', substatus: 'delayed' }, // 05: Sorry, delivery time has been updated
  J61: { status: 'in_transit', substatus: 'arrived_at_facility' }, // 05: Shipment has been sorted
  J90: { status: 'in_transit', substatus: 'delivery_appointment_scheduled' }, // 05: Shipment will be delivered on an indicated desired date
  Q12: { status: 'in_transit', substatus: 'departed_origin_country' }, // 05: Shipment sent to country of destination
  Q13: { status: 'in_transit', substatus: 'in_transit' }, // 05: Parcel placed on transport
  R01: { status: 'in_transit', substatus: 'arrived_at_facility' }, // 05: Shipment has been sorted
  R06: { status: 'cancelled', substatus: 'cancelled' }, // 05: Shipment has been cancelled. Please contact the sender
  X01: { status: 'in_transit', substatus: 'departed_origin_country' }, // 05: Good news! Your parcel has crossed the border
  X02: { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // 05: Yes! Your shipment has arrived in the destination country
  X07: { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // 05: Shipment sorted in country of destination
  X08: { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // 05: Your parcel's at a sorting centre in the destination country
  X11: { status: 'in_transit', substatus: 'customs_processing' }, // 05: Answer received with information for import declaration
  X14: { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // 05: Shipment in sorting centre in country of destination
  X17: { status: 'in_transit', substatus: 'in_transit' }, // 05: Shipment weighed and weight determined at IMEC.
  X20: { status: 'returning', substatus: 'returning_to_sender' }, // 05: Return shipment received in distribution centre abroad
  X21: { status: 'returning', substatus: 'returning_to_sender' }, // 05: Return shipment received in distribution centre
  X22: { status: 'returning', substatus: 'returning_to_sender' }, // 05: International shipment returned
  X50: { status: 'in_transit', substatus: 'arrived_at_facility' }, // 05: Shipment in sorting centre
  X51: { status: 'in_transit', substatus: 'arrived_at_facility' }, // 05: Shipment has been sorted
  X68: { status: 'in_transit', substatus: 'in_transit' }, // 05: Parcel back in PostNL process
  Y23: { status: 'in_transit', substatus: 'address_corrected' }, // 05: Address corrected, new delivery attempt to follow
  Y24: { status: 'in_transit', substatus: 'address_corrected' }, // 05: Address corrected, new delivery attempt to follow
  Y33: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 05: Delivery postponed until the following working day
  Y35: { status: 'in_transit', substatus: 'delayed' }, // 05: Sorry, delivery time has been updated
  Y60: { status: 'in_transit', substatus: 'delayed' }, // 05: Sorry, delivery time has been updated
  Y61: { status: 'in_transit', substatus: 'delayed' }, // 05: Sorry, delivery time has been updated
  Y62: { status: 'in_transit', substatus: 'delayed' }, // 05: Sorry, delivery time has been updated
  D08: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // 06: We missed you; we’ll try again
  H10: { status: 'returning', substatus: 'returning_to_sender' }, // 06: Return, content not permitted
  K01: { status: 'in_transit', substatus: 'delayed' }, // 06: Sorry, delivery time has been updated
  K02: { status: 'in_transit', substatus: 'rerouted' }, // 06: Recipient has moved. Shipment forwarded to new address
  K03: { status: 'in_transit', substatus: 'rerouted' }, // 06: Shipment forwarded to address chosen by addressee.
  K30: { status: 'exception', substatus: 'carrier_exception' }, // 06: Shipment cannot be delivered
  K92: { status: 'exception', substatus: 'disposed' }, // 06: Shipment destroyed
  V01: { status: 'in_transit', substatus: 'delayed' }, // 06: Sorry, delivery time has been updated
  V06: { status: 'in_transit', substatus: 'delayed_volume' }, // 06: Your shipment has been delayed due to very high traffic. It will be delivered as soon as p
  Y07: { status: 'in_transit', substatus: 'delayed' }, // 06: Sorry, delivery time has been updated
  H32: { status: 'in_transit', substatus: 'delayed' }, // 07: Sorry, delivery time has been updated
  H35: { status: 'returning', substatus: 'returning_to_sender' }, // 07: Shipment is damaged, return to sender
  J05: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // 07: Driver is en route
  J08: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 07: Delivery unsuccessful, we’ll try again
  J29: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 07: Shipment does not fit through letterbox, we’ll try again
  J39: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 07: Delivery postponed until the following working day
  J41: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 07: Shipment not allowed in the parcel locker
  J42: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 07: Insufficient space in the parcel locker
  J45: { status: 'in_transit', substatus: 'in_transit' }, // 07: On liner service to distribution depot
  J47: { status: 'in_transit', substatus: 'rerouted' }, // 07: Pickup window closed; shipment moved to PostNL pickup point
  J48: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 07: Parcel too large for delivery in the parcel locker
  J55: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // 07: Driver is en route to PostNL outlet
  J94: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // 07: Freight shipment not delivered; addressee absent
  J95: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // 07: Postponed, scanned at depot
  K14: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // 07: We missed you; we’ll try again
  K15: { status: 'exception', substatus: 'carrier_exception' }, // 07: Error during shipment delivery. More information to follow
  K70: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 07: Delivery unsuccessful, shipment will go to PostNL outlet
  Q15: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // 07: Shipment is en route
  S05: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // 07: Shipment is en route
  T02: { status: 'in_transit', substatus: 'delayed' }, // 07: Sorry, delivery time has been updated
  X04: { status: 'in_transit', substatus: 'customs_cleared' }, // 07: Customs in the destination country has approved your parcel
  X06: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // 07: Your shipment is on its way to the recipient
  X19: { status: 'in_transit', substatus: 'departed_origin_country' }, // 07: Shipment sent to country of destination
  X55: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // 07: Driver is en route
  Y05: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // 07: Your shipment is on its way to the recipient
  H01: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Refused at delivery; return shipment to sender
  H02: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Incorrect address; return shipment to sender
  H03: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment not collected, return to sender
  H04: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment is damaged, return to sender
  H05: { status: 'returning', substatus: 'returning_to_sender' }, // 08: We missed you; shipment returned to sender
  H07: { status: 'returning', substatus: 'returning_to_sender' }, // 08: We missed you; shipment returned to sender
  H08: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Incorrect delivery code or ID, return shipment to sender
  H09: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment incomplete, return to sender
  H12: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment returned to sender, addressee incorrect
  H20: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment returned to sender
  H22: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment returned on request of sender
  H24: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Returned by pick-up location on recipient’s request
  H34: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 08: Shipment not delivered
  H36: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // 08: Shipment not delivered; incorrect address
  H38: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Refused at delivery; return shipment to sender
  H51: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment not delivered, no letterbox. Return to sender.
  H52: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment not delivered, does not fit. Return to sender.
  J92: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 08: Sorry, delivery time has been updated
  K16: { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // 08: Shipment not delivered, address long term unreachable
  K41: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 08: Cash on Delivery shipment not delivered, recipient cannot pay
  K43: { status: 'returning', substatus: 'return_requested' }, // 08: Shipment will be returned
  Y01: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // 08: Shipment not delivered; incorrect address
  Y02: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // 08: We missed you; shipment not delivered
  Y03: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // 08: Shipment refused by addressee
  Y04: { status: 'exception', substatus: 'damaged' }, // 08: Shipment damaged
  Y08: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 08: Sorry, delivery time has been updated
  Y09: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // 08: Contact addressee due to incorrect delivery address
  Y10: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // 08: We missed you; we’ll try again
  Y11: { status: 'exception', substatus: 'damaged' }, // 08: Shipment damaged, attempt made to contact recipient
  Y12: { status: 'exception', substatus: 'address_problem' }, // 08: Address incorrect, PostNL will contact sender
  Y13: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // 08: Shipment refused, PostNL contacting sender
  Y14: { status: 'exception', substatus: 'damaged' }, // 08: Shipment damaged
  Y15: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 08: Shipment not delivered, sender contacted
  Y16: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Address incorrect, return shipment to sender
  Y17: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // 08: Shipment not delivered; incorrect address
  Y18: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment is damaged, return shipment to sender
  Y19: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment contains prohibited item, return shipment to sender
  Y20: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment not collected, return to sender
  Y21: { status: 'returning', substatus: 'returning_to_sender' }, // 08: Shipment returned to sender
  Y22: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // 08: Shipment not delivered, addressee relocated
  Y30: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // 08: Shipment not delivered due to incorrect postcode
  Y31: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // 08: Shipment not delivered, missing postcode
  Y32: { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' }, // 08: Shipment not delivered, address unknown
  Y36: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 08: Shipment not delivered: recipient identification missing
  Y38: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 08: Shipment not delivered: parcel sent to depot in destination country
  Y39: { status: 'attempt_failed', substatus: 'attempt_failed' }, // 08: Contact recipient to arrange an appointment.
  Y40: { status: 'returning', substatus: 'returning_to_sender' }, // 08: We missed you; shipment returned to sender
  Y41: { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // 08: Shipment not delivered. Location access code is missing
  Y42: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // 08: Shipment not delivered, addressee unavailable
  Y43: { status: 'attempt_failed', substatus: 'attempt_failed_business_closed' }, // 08: Shipment delayed as addressee location is closed
  Y44: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // 08: Shipment refused by recipient due to damage.
  Y50: { status: 'attempt_failed', substatus: 'attempt_failed_refused' }, // 08: Shipment refused, incomplete
  Y71: { status: 'exception', substatus: 'lost' }, // 08: Shipment missing
  J59: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // 09: Parcel will be delivered to you today by courier
  X30: { status: 'in_transit', substatus: 'customs_processing' }, // 09: Shipment delayed in destination country due to additional investigation at customs clea
  X60: { status: 'in_transit', substatus: 'customs_processing' }, // 09: Import declaration submitted by PostNL
  X61: { status: 'in_transit', substatus: 'customs_cleared' }, // 09: Import declaration completed successfully
  X62: { status: 'in_transit', substatus: 'customs_processing' }, // 09: Additional declaration has been submitted
  X63: { status: 'in_transit', substatus: 'customs_processing' }, // 09: Shipment delayed due to sample check at customs clearance
  X64: { status: 'in_transit', substatus: 'customs_processing' }, // 09: Shipment delayed due to sample check at customs clearance
  X65: { status: 'in_transit', substatus: 'customs_cleared' }, // 09: Additional customs declaration completed successfully
  X66: { status: 'exception', substatus: 'customs_held' }, // 09: Shipment declaration process has been stopped
  Y25: { status: 'in_transit', substatus: 'customs_processing' }, // 09: The shipment is with the customs authorities in the destination country for further proc
  Y29: { status: 'exception', substatus: 'disposed' }, // 09: The shipment has been destroyed on behalf of customs in the destination country
  I01: { status: 'delivered', substatus: 'delivered' }, // 11: Shipment delivered
  I03: { status: 'delivered', substatus: 'delivered' }, // 11: Shipment delivered
  I05: { status: 'delivered', substatus: 'delivered_to_mailbox' }, // 11: Shipment in letterbox
  I06: { status: 'delivered', substatus: 'delivered' }, // 11: Shipment sorted, will be transferred to addressee
  I07: { status: 'returning', substatus: 'returning_to_sender' }, // 11: Return shipment sorted, will be transferred to sender
  I09: { status: 'delivered', substatus: 'delivered_to_locker_or_parcel_shop' }, // 11: Shipment delivered in personal parcel locker
  I10: { status: 'delivered', substatus: 'delivered_to_neighbour' }, // 11: Shipment delivered to neighbour
  I11: { status: 'delivered', substatus: 'delivered_to_mailbox' }, // 11: Shipment in letterbox
  I12: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // 11: Shipment delivered to indicated location
  I22: { status: 'delivered', substatus: 'picked_up_by_recipient' }, // 11: Shipment collected at PostNL outlet
  I23: { status: 'delivered', substatus: 'delivered' }, // 11: Shipment has been handed over to recipient
  J23: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // 12: Shipment can be collected at the parcel locker / can be picked up at the parcel machine
  J63: { status: 'returned', substatus: 'returned_to_sender' }, // 11: Return shipment delivered
  J91: { status: 'delivered', substatus: 'delivered' }, // 11: Partially-defective shipment delivered
  K91: { status: 'returning', substatus: 'returning_to_sender' }, // 11: In storage because of closed return address – coronavirus measure
  X24: { status: 'returned', substatus: 'returned_to_sender' }, // 11: Shipment returned to business PO Box holder abroad
  Y26: { status: 'delivered', substatus: 'delivered_to_mailbox' }, // 11: Shipment to be collected at PO Box
  Z01: { status: 'delivered', substatus: 'delivered' }, // 11: Yes! Your shipment has been delivered to the recipient
  Z02: { status: 'delivered', substatus: 'delivered' }, // 11: Yes! Your shipment has been delivered to the recipient
  Z03: { status: 'delivered', substatus: 'delivered' }, // 11: Yes! Your shipment has been delivered to the recipient
  Z04: { status: 'delivered', substatus: 'delivered' }, // 11: Yes! Your shipment has been delivered to the recipient
  Z05: { status: 'delivered', substatus: 'delivered_to_neighbour' }, // 11: Parcel was delivered to neighbours in destination country
  Z06: { status: 'delivered', substatus: 'picked_up_by_recipient' }, // 11: Yes! Your shipment has been picked up at a collection point
  Z08: { status: 'delivered', substatus: 'delivered' }, // 11: Yes! Your shipment has been delivered to the recipient
  Z09: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // 11: Your parcel has been delivered to recipient's safe location
  I08: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // 12: Shipment available at PostNL outlet
  J02: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // 12: Shipment to be collected at PostNL outlet
  J12: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // 12: Shipment to be collected at PostNL outlet
  J52: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // 12: Shipment to be collected at PO Box location
  X05: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // 12: Shipment to be collected at pick-up location
  A20: { status: 'info_received', substatus: 'label_created' }, // 13: Request for payment of shipment costs sent
  A21: { status: 'info_received', substatus: 'label_created' }, // 13: Payment for shipment costs received
  A22: { status: 'info_received', substatus: 'label_created' }, // 13: Request for payment refused
  Q02: { status: 'cancelled', substatus: 'cancelled' }, // 13: Transaction cancelled at PostNL outlet
  X03: { status: 'info_received', substatus: 'label_created' }, // 13: Customs in the destination country is checking your shipment
  M01: { status: 'exception', substatus: 'carrier_exception' }, // 14: Shipment not physically presented to PostNL
  G03: { status: 'exception', substatus: 'lost' }, // 15: Sorry, delivery time has been updated
  G01: { status: 'exception', substatus: 'lost' }, // 16: Sorry, delivery time has been updated
  G02: { status: 'exception', substatus: 'lost' }, // 16: Sorry, delivery time has been updated
  G05: { status: 'exception', substatus: 'lost' }, // 16: Sorry, delivery time has been updated
  H23: { status: 'cancelled', substatus: 'cancelled' }, // 17: Cancelled by PostNL, no delivery appointment could be made.
  K90: { status: 'unknown', substatus: 'unknown' }, // 17: Status as yet unknown. Try again later.
  F03: { status: 'exception', substatus: 'rejected_by_carrier' }, // 19: Shipment not processed because of missing shipment details
  F04: { status: 'exception', substatus: 'rejected_by_carrier' }, // 19: Shipment not processed because of missing shipment details
  F05: { status: 'exception', substatus: 'rejected_by_carrier' }, // 19: Shipment will not be processed. Collection contract missing
  F06: { status: 'exception', substatus: 'rejected_by_carrier' }, // 19: Shipment will not be processed. Collection address post code unknown.
  F07: { status: 'exception', substatus: 'rejected_by_carrier' }, // 19: Shipment will not be processed. Delivery address post code unknown.
  F08: { status: 'exception', substatus: 'rejected_by_carrier' }, // 19: Shipment not processed. Collection date is in the past.
  F10: { status: 'exception', substatus: 'rejected_by_carrier' }, // 19: Shipment will not be processed. Collection date is not a working day.
  A76: { status: 'in_transit', substatus: 'arrived_in_destination_country' }, // 20: Shipment arrived in the Netherlands
  X10: { status: 'exception', substatus: 'customs_recipient_information_needed' }, // 20: Parcel details missing. You will receive an information request from us
  X67: { status: 'exception', substatus: 'customs_duties_unpaid' }, // 20: Awaiting payment of import costs
  V02: { status: 'in_transit', substatus: 'delayed' }, // 21: Sorry, delivery time has been updated
  V03: { status: 'in_transit', substatus: 'delayed' }, // 21: Sorry, delivery time has been updated
  V04: { status: 'in_transit', substatus: 'delayed' }, // 21: Delivery delayed due to late delivery to PostNL
  V11: { status: 'in_transit', substatus: 'delayed' }, // 21: Sorry, delivery time has been updated
  V12: { status: 'in_transit', substatus: 'picked_up' }, // 21: Received by PostNL
  V13: { status: 'in_transit', substatus: 'picked_up' }, // 21: Received by PostNL
  V21: { status: 'in_transit', substatus: 'delayed' }, // 21: Sorry, delivery time has been updated
  V22: { status: 'in_transit', substatus: 'in_transit' }, // 21: Shipment is at PostNL
  V23: { status: 'in_transit', substatus: 'picked_up' }, // 21: Received by PostNL
  V31: { status: 'in_transit', substatus: 'delayed' }, // 21: Received by PostNL, delayed
  V50: { status: 'in_transit', substatus: 'picked_up' }, // 21: Received by PostNL
  I02: { status: 'delivered', substatus: 'picked_up_by_recipient' }, // 22: Shipment collected at PostNL outlet
  C01: { status: 'in_transit', substatus: 'picked_up' }, // 23: Shipment collected by PostNL
  H16: { status: 'returning', substatus: 'returning_to_sender' }, // 27: Shipment not delivered, address long unavailable. Return
  H25: { status: 'returning', substatus: 'returning_to_sender' }, // 27: Shipment not delivered, location long term unreachable
  Y37: { status: 'returning', substatus: 'returning_to_sender' }, // 28: Shipment not delivered: contact local deliverer
  A72: { status: 'in_transit', substatus: 'in_transit' }, // 31: Shipment is ready for transport to the Netherlands
  A74: { status: 'in_transit', substatus: 'in_transit' }, // 31: Shipment received by partner in country of shipment
  A75: { status: 'in_transit', substatus: 'in_transit' }, // 31: Shipment is en route to the Netherlands
  X15: { status: 'in_transit', substatus: 'in_transit' }, // 31: Shipment sorted at IMEC in destination country.
  A41: { status: 'unknown', substatus: 'unknown' }, // 99: Extra@Home Customer Service has made contact
  A46: { status: 'unknown', substatus: 'unknown' }, // 99: Recipient request for pick-up location to return shipment
  A73: { status: 'unknown', substatus: 'unknown' }, // 99: Shipment has been collected by partner
  A94: { status: 'unknown', substatus: 'unknown' }, // 99: Delivery changed by customer
  B06: { status: 'unknown', substatus: 'unknown' }, // 99: Shipment accepted by PostNL IMEC.
  C02: { status: 'unknown', substatus: 'unknown' }, // 99: Scanned at PostNL service point
  H15: { status: 'returning', substatus: 'returning_to_sender' }, // 99: Shipment too large or too heavy, return to sender
  H17: { status: 'returning', substatus: 'returning_to_sender' }, // 99: Value exceeds maximum customs value. Return to sender.
  H18: { status: 'returning', substatus: 'returning_to_sender' }, // 99: Delivery failed, package goes back to sender
  H30: { status: 'cancelled', substatus: 'cancelled' }, // 99: Sender has cancelled the shipment order
  J56: { status: 'unknown', substatus: 'unknown' }, // 99: We are en route to pickup address
  J80: { status: 'unknown', substatus: 'unknown' }, // 99: No delivery scan for this shipment yet
  K25: { status: 'unknown', substatus: 'unknown' }, // 99: Shipment delayed, location unreachable for processing
  K71: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // 99: We missed you, shipment sent to PostNL retail point
  P20: { status: 'unknown', substatus: 'unknown' }, // 99: Appointed place is not safe, prone to theft
  P21: { status: 'unknown', substatus: 'unknown' }, // 99: Appointed place is visible form the street, open area
  P22: { status: 'unknown', substatus: 'unknown' }, // 99: Appointed place is wet, not covered
  P23: { status: 'unknown', substatus: 'unknown' }, // 99: Appointed place is not accessible/available
  P24: { status: 'unknown', substatus: 'unknown' }, // 99: Appointed place is not sufficient, package dimensions too large
  Q14: { status: 'unknown', substatus: 'unknown' }, // 99: Shipment removed from transport for inspection
  Q16: { status: 'unknown', substatus: 'unknown' }, // 99: Package in depot, goes enroute to country of destination
  Q17: { status: 'unknown', substatus: 'unknown' }, // 99: Your parcel is ready for shipment to Europe
  Q18: { status: 'unknown', substatus: 'unknown' }, // 99: Your parcel is ready for shipment to The Netherlands
  Q19: { status: 'unknown', substatus: 'unknown' }, // 99: Shipment still in transit
  X16: { status: 'unknown', substatus: 'unknown' }, // 99: Shipment pre-alerted by PostNL and sorted at IMEC.
  X52: { status: 'unknown', substatus: 'unknown' }, // 99: Your parcel is awaiting delivery in the destination country
  Y45: { status: 'exception', substatus: 'rejected_by_carrier' }, // 99: Parcel permanently removed from process due to prohibited contents.
  Y46: { status: 'unknown', substatus: 'unknown' }, // 99: Parcel exceeds customs value, transport is postponed
  Y47: { status: 'returning', substatus: 'returning_to_sender' }, // 99: Return to sender because of a missing/incorrect export form
  Y48: { status: 'unknown', substatus: 'unknown' }, // 99: Parcel is undeliverable: incorrect export form and missing return adress
  Y64: { status: 'in_transit', substatus: 'customs_processing' }, // 99: Sorry, delay due to import controls in destination country
  Y65: { status: 'in_transit', substatus: 'delayed_weather' }, // 99: Sorry, shipment delayed due to extreme weather conditions
  Y66: { status: 'in_transit', substatus: 'delayed_carrier_issue' }, // 99: Sorry, your shipment has been delayed due to IT issues
});
