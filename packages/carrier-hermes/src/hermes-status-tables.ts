import { createStatusTable } from '@wismo/core';

/*
 * Data only; the logic is in map-hermes-status.ts. Every "2x2" code of Hermes Germany's own event-code list
 * ("Hermes Germany Eventcodes.csv", 128 codes, vendored in karrioapi/karrio modules/connectors/hermes/vendor @
 * deea10f; copied to docs/research/carrier-codes/hermes-de-eventcodes.md), which the HSI `shipmentinfo`
 * samples carry in `status[].code`. Each comment: Hermes' internal explanation (where it has one) and its
 * English customer text (`#IM# #ORT# #CITY#` etc. are Hermes' placeholders).
 *
 * Hermes has no code for "information only": recipient preferences and profile settings (93xx) that say
 * nothing about where the parcel is are `info_received`, which never moves a parcel already with Hermes
 * backwards; preferences that change the delivery are in_transit `rerouted` / `delivery_rescheduled`.
 * Codes 4000, 5000, 6000 and 7000 (karrio's table) are not in Hermes' list.
 */

/** `status[].code` (4-digit "2x2" code) → status. */
export const HERMES_STATUS_CODES = createStatusTable({
  // The shipment has been notified to Hermes electronically.
  '0000': { status: 'info_received', substatus: 'label_created' },
  // Shipment has not arrived at the depot (1st notice after 1 day) — The notified shipment has not yet arrived at the expected Hermes destination depot.
  '0600': { status: 'info_received', substatus: 'label_created' },
  // Shipment has not arrived at the depot (2nd notice after 2 days) — The notified shipment has not yet arrived at the expected Hermes destination depot.
  '0700': { status: 'info_received', substatus: 'label_created' },
  // Shipment has not arrived at the depot (3rd notice after 7 days) — The notified shipment has not yet arrived at the expected Hermes destination depot.
  '0800': { status: 'info_received', substatus: 'label_created' },
  // Shipment has not arrived at the depot (4th notice after 28 days) — The notified shipment has not yet arrived at the expected Hermes destination depot.
  '0900': { status: 'info_received', substatus: 'label_created' },
  // The shipment has left the clients warehouse.
  '1000': { status: 'in_transit', substatus: 'picked_up' },
  // Shipment handled at Logistics Center — The shipment has been sorted #IM# #ORT# #CITY#.
  '1510': { status: 'in_transit', substatus: 'arrived_at_facility' },
  // Return shipment processed/sorted — The return/return shipment has been sorted #IM# #ORT# #CITY# and is on its way back to the client.
  '1520': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment is in international transit and located in #ORT# #LAND#.
  '1610': { status: 'in_transit', substatus: 'in_transit' },
  // Customs Export for the shipment was created.
  '1710': { status: 'in_transit', substatus: 'customs_processing' },
  // Customs clearance was successfully completed.
  '1720': { status: 'in_transit', substatus: 'customs_cleared' },
  // Shipment is held by customs #IN# #CITY#.
  '1730': { status: 'exception', substatus: 'customs_held' },
  // The shipment was rejected by customs.
  '1751': { status: 'exception', substatus: 'customs_held' },
  // The shipment will be handed over to the Hermes partner carrier for international shipping.
  '1810': { status: 'in_transit', substatus: 'handed_over_to_carrier' },
  // The shipment will be handed over to the Hermes partner carrier for international shipping.
  '1820': { status: 'in_transit', substatus: 'handed_over_to_carrier' },
  // The shipment was accepted #AM# #ORT# after collection.
  '1900': { status: 'in_transit', substatus: 'picked_up' },
  // Shipment arrived at branch by self-delivery. — The shipment has arrived #IM# #ORT# #CITY#.
  '1901': { status: 'in_transit', substatus: 'picked_up' },
  // Shipment received on tour. — The shipment was collected from the client/supplier.
  '1910': { status: 'in_transit', substatus: 'picked_up' },
  // The shipment has arrived #IM# #ORT# #CITY#.
  '2000': { status: 'in_transit', substatus: 'arrived_at_facility' },
  // The shipment has arrived #IM# #ORT# #CITY# without advice data. The shipment must be checked manually and subsequently recorded.
  '2100': { status: 'in_transit', substatus: 'arrived_at_facility' },
  // Shipment received (automatic) — The shipment has arrived #IM# #ORT# #CITY#.
  '2300': { status: 'in_transit', substatus: 'arrived_at_facility' },
  // The shipment has been handed in at the #PAKETSHOPNAME# ParcelShop.
  '2400': { status: 'in_transit', substatus: 'picked_up' },
  // The shipment has gone out on a delivery route. Delivery is expected today.
  '3000': { status: 'out_for_delivery', substatus: 'out_for_delivery' },
  // Outgoing SAT delivery tour — The shipment has left #ART# #ORT#.
  '3010': { status: 'in_transit', substatus: 'departed_facility' },
  // Shipment on tour (automatic) — The shipment has been sorted #IM# #ORT# #CITY#.
  '3300': { status: 'in_transit', substatus: 'in_transit' },
  // The shipment is available for collection from the Hermes ParcelShop #PAKETSHOPNAME#.
  '3410': { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' },
  // The shipment has been handed over to the island carrier. Transport to the island and delivery may depend on the tides.
  '3430': { status: 'in_transit', substatus: 'handed_over_to_carrier' },
  // The shipment has been delivered.
  '3500': { status: 'delivered', substatus: 'delivered' },
  // Shipment delivered (with handheld scanner) — The shipment has been delivered.
  '3510': { status: 'delivered', substatus: 'delivered' },
  // The shipment has been delivered in the letterbox.
  '3511': { status: 'delivered', substatus: 'delivered_to_mailbox' },
  // Shipment delivered (without handheld scanner) — The shipment has been delivered.
  '3520': { status: 'delivered', substatus: 'delivered' },
  // The shipment has been collected by the recipient from the Hermes ParcelShop #PAKETSHOPNAME#.
  '3530': { status: 'delivered', substatus: 'picked_up_by_recipient' },
  // Shipment returned (customer refused to accept the shipment) — The shipment was not accepted when delivery was attempted and its on way back to the nearest Hermes distribution centre.
  '3710': { status: 'attempt_failed', substatus: 'attempt_failed_refused' },
  // Shipment returned (COD amount could not be paid) — The Cash on delivery shipment was unable to be delivered due to a lack of cash.
  '3715': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (address not found) — The specified address was unable to be found.
  '3720': { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' },
  // Shipment returned (1st delivery attempt not successful) — The recipient was not present. Hermes will make another delivery attempt.
  '3731': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  // Shipment returned (2nd delivery attempt not successful) — The recipient was not present for the 2nd time. Hermes will make another delivery attempt.
  '3732': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  // Shipment returned (3rd delivery attempt not successful) — The recipient was not present for the 3rd time. Please contact your customer.
  '3733': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  // Shipment returned (4th delivery attempt not successful) — The recipient was not present for the 4th time. The shipment shall be prepared for return to the client.
  '3734': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  // Shipment returned (damage) — The shipment will be stopped due to a possible damage.
  '3740': { status: 'exception', substatus: 'damaged' },
  // Shipment returned (tour cancellation) — The shipment was unable to be delivered due to a route cancellation. Possible reasons: Illness, defective vehicle or working hours exceeded. We will make another delivery attempt.
  '3750': { status: 'in_transit', substatus: 'delayed_carrier_issue' },
  // Shipment returned (Incorrect TAN 1) — The shipment could not be delivered due to a missing or incorrect TAN. Hermes will make another delivery attempt.
  '3751': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (Incorrect TAN 2) — The shipment could not be delivered on the 2nd delivery attempt due to a missing or incorrect TAN. Hermes will make another delivery attempt.
  '3752': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (Incorrect TAN 3) — The shipment could not be delivered on the 3rd delivery attempt due to a missing or incorrect TAN. Please contact your customer.
  '3753': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (Incorrect TAN 4) — The shipment could not be delivered on the 4th delivery attempt due to a missing or incorrect TAN. The shipment will be prepared for return to the client.
  '3754': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Return shipment received (pick-up) — The shipment was collected from the customer.
  '3760': { status: 'returning', substatus: 'returning_to_sender' },
  // Return shipment received (take-away) — The return/return shipment was taken by the customer.
  '3761': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment returned (misdirected) — The shipment has gone out on the wrong route and will be redirected accordingly. Delivery is delayed.
  '3780': { status: 'in_transit', substatus: 'missorted' },
  // Shipment returned (customer identification failed - picture) — Identification failed. The photo on the identity document does not match the recipient.
  '3782': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - name) — Identification failed. The name on the identity document does not match the name of the recipient provided.
  '3783': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - Date of Birth) — Identification failed. The date of birth on the identity document does not match the date provided.
  '3784': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - ID card number) — Identification failed. The ID number of the document does not match the ID number provided.
  '3785': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - pin code) — Identification failed. The PIN code entered by the recipient does not match the PIN code provided.
  '3786': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - age verification) — Identification failed. The age on the identity document does not match the date provided.
  '3787': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Delivery of the shipment will not be continued.
  '3795': { status: 'returning', substatus: 'return_requested' },
  // Shipment returned (customer refused to accept the shipment) — The shipment is on its way back to the nearest Hermes distribution centre.
  '4010': { status: 'attempt_failed', substatus: 'attempt_failed_refused' },
  // Shipment returned (COD amount could not be paid) — The shipment is back #IM# #ORT# #CITY#.
  '4015': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (address not found) — The shipment is back #IM# #ORT# #CITY#, as the specified address was unable to be found.
  '4020': { status: 'attempt_failed', substatus: 'attempt_failed_address_issue' },
  // The shipment is back #IM# #ORT# #CITY#, as it was too large/heavy for ParcelShop storage.
  '4024': { status: 'in_transit', substatus: 'delayed' },
  // Shipment returned — The shipment has been sorted #IM# #ORT# #CITY# and will be forwarded to the nearest Hermes distribution centre.
  '4025': { status: 'in_transit', substatus: 'in_transit' },
  // Shipment returned (1st delivery attempt not successful) — The shipment is back #IM# #ORT# #CITY#.
  '4031': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  // Shipment returned (2nd delivery attempt not successful) — The shipment is back #IM# #ORT# #CITY#.
  '4032': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  // Shipment returned (3rd delivery attempt not successful) — The shipment is back #IM# #ORT# #CITY#. Please contact your customer.
  '4033': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  // Shipment returned (4th delivery attempt not successful) — The shipment is back #IM# #ORT# #CITY#. The shipment is being prepared for return to the client.
  '4034': { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' },
  // Shipment returned (not collected from ParcelShop) — The shipment was not collected from the Hermes ParcelShop within 10 days.
  '4035': { status: 'returning', substatus: 'return_requested' },
  // Shipment returned (damage) — The shipment has been received with potential damage #IM# #ORT# #CITY#.
  '4040': { status: 'exception', substatus: 'damaged' },
  // Shipment returned (tour cancellation) — The shipment is back #IM# #ORT# #CITY#.
  '4050': { status: 'in_transit', substatus: 'delayed_carrier_issue' },
  // Shipment returned (Incorrect TAN 1) — The shipment is back #IM# #ORT# #CITY#.
  '4051': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (Incorrect TAN 2) — The shipment is back #IM# #ORT# #CITY#.
  '4052': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (Incorrect TAN 3) — The shipment is back #IM# #ORT# #CITY#. Please contact your customer.
  '4053': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (Incorrect TAN 4) — The shipment is back #IM# #ORT# #CITY#. The shipment is being prepared for return to the client.
  '4054': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Return shipment received (pick-up) — The return/return shipment has arrived #IM# #ORT# #CITY#.
  '4060': { status: 'returning', substatus: 'returning_to_sender' },
  // Return shipment received (take-away) — The return/return shipment has arrived #IM# #ORT# #CITY#.
  '4061': { status: 'returning', substatus: 'returning_to_sender' },
  // Return shipment received (take-away) — The shipment was handed in at the ParcelShop #PAKETSHOPNAME#.
  '4062': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment on tour cancelled — The shipment did not leave #ART# #ORT# because the last status was cancelled/corrected.
  '4070': { status: 'in_transit', substatus: 'in_transit' },
  // Shipment will be returned cancelled — The return of the shipment to the client has been cancelled (incorrect scan has been corrected).
  '4072': { status: 'in_transit', substatus: 'in_transit' },
  // Shipment returned (misdirected) — The shipment is being redirected. Delivery is delayed.
  '4080': { status: 'in_transit', substatus: 'missorted' },
  // Shipment returned (Customer identification failed) — The shipment is back #IM# #ORT# #CITY#.
  '4081': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - picture) — The shipment is back #IM# #ORT# #CITY#.
  '4082': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - name) — The shipment is back #IM# #ORT# #CITY#.
  '4083': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - Date of Birth) — The shipment is back #IM# #ORT# #CITY#.
  '4084': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - ID card number) — The shipment is back #IM# #ORT# #CITY#.
  '4085': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - pin code) — The shipment is back #IM# #ORT# #CITY#.
  '4086': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // Shipment returned (customer identification failed - age verification) — The shipment is back #IM# #ORT# #CITY#.
  '4087': { status: 'attempt_failed', substatus: 'attempt_failed' },
  // The shipment is #IM# #ORT# #CITY# again, as delivery was stopped.
  '4095': { status: 'returning', substatus: 'return_requested' },
  // Unfortunately Hermes is unable to deliver the parcel as planned. The shipment will be kept #AM# #ORT# and delivered at a later date. Possible reasons: capacity bots or delays in the transport of shipments.
  '4100': { status: 'in_transit', substatus: 'delivery_rescheduled' },
  // Shipment stored (stocktaking) — The shipment is being kept #AM# #ORT#.
  '4500': { status: 'in_transit', substatus: 'in_transit' },
  // The shipment was unable to be picked up by the driver at the Hermes ParcelShop due to the high volume of shipments. The shipment is scheduled to be collected on the following working day.
  '4610': { status: 'in_transit', substatus: 'delayed_volume' },
  // The shipment was not available at the Hermes ParcelShop and was therefore unable to be picked up by the driver. Another collection attempt will be made.
  '4620': { status: 'in_transit', substatus: 'delayed' },
  // The shipment was again unable to be found in the Hermes ParcelShop: the whereabouts of the shipment are unclear. Please submit a shipment search to Hermes.
  '4630': { status: 'exception', substatus: 'lost' },
  // The last status was cancelled/corrected at the Hermes ParcelShop.
  '4690': { status: 'in_transit', substatus: 'in_transit' },
  // Shipment will be returned — The shipment has been processed #IM# #ORT# #CITY#.
  '6080': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment will be returned (customer refused to accept the shipment) — The shipment will be returned to the client.
  '6081': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment will be returned (address not readable) — The shipment is on its way back to the client because the address given on the label was not legible and could not be clarified.
  '6082': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment will be returned (address not found) — The shipment is on its way back to the client.
  '6083': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment will be returned (receiver not met) — The receiver was repeatedly not present. The shipment is on its way back to the client.
  '6084': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment will be returned (damage) — Due to a possible damage the shipment returns to the distribution centre.
  '6085': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment will be returned (sorting issue) — The shipment has been delivered to the wrong location and will be redirected accordingly. Delivery is delayed.
  '6086': { status: 'in_transit', substatus: 'missorted' },
  // Shipment will be returned (technical issue) — Due to incorrect data, the shipment was delivered to the wrong location. Delivery is delayed.
  '6087': { status: 'in_transit', substatus: 'missorted' },
  // The shipment will be redirected at the request of the recipient.
  '6088': { status: 'in_transit', substatus: 'rerouted' },
  // Shipment will be returned (Returns) — The shipment has been sorted #IM# #ORT# #CITY#.
  '6089': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment forwarded to LC — The shipment has been sorted #IM# #ORT# #CITY#.
  '6090': { status: 'in_transit', substatus: 'in_transit' },
  // Shipment will be returned (customer identification failed) — The shipment is on its way back to the client.
  '6092': { status: 'returning', substatus: 'returning_to_sender' },
  // The shipment is on its way back to the client because it was not collected from the Hermes ParcelShop.
  '6093': { status: 'returning', substatus: 'returning_to_sender' },
  // Shipment will be returned (COD amount could not be paid) — The shipment will be returned to the client.
  '6094': { status: 'returning', substatus: 'returning_to_sender' },
  // The shipment is on its way back to the client as it was too big/heavy and cannot be handed in at the Hermes ParcelShop.
  '6096': { status: 'returning', substatus: 'returning_to_sender' },
  // The shipment is on its way back to the client because it could not be delivered due to a missing or incorrect TAN.
  '6098': { status: 'returning', substatus: 'returning_to_sender' },
  // The shipment is on its way back to the client, as delivery was stopped.
  '6099': { status: 'returning', substatus: 'returning_to_sender' },
  // The return/return shipment has arrived at the client.
  '7500': { status: 'returned', substatus: 'returned_to_sender' },
  // Bulky good identified (manually) — The shipment has been measured and will be registered as bulky goods if necessary.
  '9040': { status: 'in_transit', substatus: 'arrived_at_facility' },
  // Bulky good identified (automated) — The shipment has been measured and will be registered as bulky goods if necessary.
  '9041': { status: 'in_transit', substatus: 'arrived_at_facility' },
  // The recipient has chosen a permanent PreferredParcelShop for the delivery of their shipments.
  '9311': { status: 'info_received', substatus: 'label_created' },
  // The recipient has chosen a permanent PreferredAddress for the delivery of their shipments.
  '9315': { status: 'info_received', substatus: 'label_created' },
  // A PreferredParcelShop was chosen for delivery.
  '9321': { status: 'in_transit', substatus: 'rerouted' },
  // A PreferredNeighbour has been chosen for delivery.
  '9322': { status: 'in_transit', substatus: 'rerouted' },
  // A PreferredStoragePlace has been chosen for delivery.
  '9323': { status: 'in_transit', substatus: 'rerouted' },
  // A PreferredDeliveryDate has been chosen for delivery.
  '9324': { status: 'in_transit', substatus: 'delivery_rescheduled' },
  // A PreferredAddress has been chosen for delivery.
  '9325': { status: 'in_transit', substatus: 'rerouted' },
  // Hermes Customer Service has issued a note about the delivery.
  '9327': { status: 'info_received', substatus: 'label_created' },
  // At the request of the customer, an address correction was carried out by Hermes Customer Service.
  '9328': { status: 'in_transit', substatus: 'address_corrected' },
  // The shipment has been cancelled.
  '9340': { status: 'cancelled', substatus: 'cancelled' },
  // The shipment has been cancelled by the client.
  '9341': { status: 'cancelled', substatus: 'cancelled' },
  // The permanent PreferredParcelShop has been cancelled.
  '9381': { status: 'info_received', substatus: 'label_created' },
  // The permanent PreferredAddress has been cancelled.
  '9385': { status: 'info_received', substatus: 'label_created' },
  // The PreferredParcelShop has been cancelled.
  '9391': { status: 'info_received', substatus: 'label_created' },
  // The PreferredDate has been cancelled.
  '9394': { status: 'info_received', substatus: 'label_created' },
  // The PreferredAddress has been cancelled.
  '9395': { status: 'info_received', substatus: 'label_created' },
  // The cancellation of the shipment has been deleted.
  '9399': { status: 'info_received', substatus: 'label_created' },
});

/** `result.code` of a shipment without data, and the request-level `listOfResultCodes[].code` values (Shipment Info API). */
export const HERMES_RESULT_CODES = Object.freeze({
  /** "There is no information for the entered value." (per shipment, HTTP 200) */
  noInformation: 'e001',
  /** Token invalid / expired (HTTP 401). */
  tokenInvalid: new Set(['e902', 'e903']),
  /** Forbidden (HTTP 403). */
  forbidden: new Set(['e900']),
  /** The request itself: query not successful, validation, unsupported parameter combination, media type (HTTP 400). */
  badRequest: new Set(['e002', 'e005', 'e006', 'e008', 'e009']),
  /** Internal error (HTTP 500). */
  internal: new Set(['e999']),
});
