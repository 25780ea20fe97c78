import { createStatusTable } from '@wismo/core';

/*
 * Royal Mail status tables, as data. No primary Royal Mail event-code list is retrievable (the Tracking API v2
 * Technical User Guide v1.3 exists only as a mirrored PDF whose tables cannot be read), so every event entry comes
 * from third-party lists (docs/research/carrier-codes/misc-codes.md):
 *   [ELLIOT] elliotjreed/royal-mail-tracking README "Event codes" @ 7739245e (MIT): Royal Mail's customer-facing texts;
 *   [JAMPEZ] jampez77/RoyalMail api.md: short names from the Royal Mail consumer app (unofficial);
 *   [SAMPLE] the recorded answer in __fixtures__ (EVNMI).
 * Confidence: M where Royal Mail's own customer text says what happened, L where only a short name is known.
 * Texts that end "It will now be returned to the sender" map to `returning`: that is where the item goes next.
 */
export const ROYALMAIL_EVENT_CODES = createStatusTable({
  EVAIP: { status: 'info_received', substatus: 'label_created' }, // "The sender has advised they've despatched your item to us." [ELLIOT] M
  EVAIE: { status: 'info_received', substatus: 'label_created' }, // "Sender despatching item." [ELLIOT] M
  EVPPA: { status: 'in_transit', substatus: 'picked_up' }, // "accepted at Parcelshop/Post Office" [JAMPEZ] L
  EVOAC: { status: 'in_transit', substatus: 'picked_up' }, // "received" [JAMPEZ] L
  EVOCO: { status: 'in_transit', substatus: 'in_transit' }, // "received & processing" [JAMPEZ] L
  EVBAH: { status: 'in_transit', substatus: 'arrived_at_facility' }, // "We have your item at National Parcel Hub and it's on its way." [ELLIOT] M
  EVBAV: { status: 'in_transit', substatus: 'arrived_at_facility' }, // "item received" [JAMPEZ] L
  EVDAC: { status: 'in_transit', substatus: 'arrived_at_facility' }, // "We have your item at [X] MC and it's on its way." [ELLIOT] M
  EVDAV: { status: 'in_transit', substatus: 'arrived_at_facility' }, // "We have your item at [X] MC and it's on its way." [ELLIOT] M
  EVIAV: { status: 'in_transit', substatus: 'arrived_at_facility' }, // "Your item has reached [X] MC and will now be sent to your local delivery office." [ELLIOT] M
  EVIMC: { status: 'in_transit', substatus: 'arrived_at_facility' }, // same text as EVIAV [ELLIOT] M
  EVORI: { status: 'in_transit', substatus: 'arrived_at_facility' }, // "arrived" [JAMPEZ] L
  EVODO: { status: 'in_transit', substatus: 'departed_facility' }, // "despatched to DO/MC" [JAMPEZ] L
  EVGMI: { status: 'in_transit', substatus: 'missorted' }, // "Sorry, your item went to [X] DO in error, so we re-routed it immediately." [ELLIOT] M
  EVIPI: { status: 'in_transit', substatus: 'missorted' }, // "Sorry, your item went to [X] MC in error, so we re-routed it immediately." [ELLIOT] M
  EVNMI: { status: 'in_transit', substatus: 'missorted' }, // "Forwarded - Mis-sort" [SAMPLE][ELLIOT] M
  EVNAR: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // "Due for Redelivery the Next Working Day." [ELLIOT] M
  EVNSR: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // "prepared for redelivery" [JAMPEZ] L
  EVNKS: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // "As requested, we're holding this item at [X] DO as part of our Keepsafe service." [ELLIOT] M
  EVNRT: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // "We're holding this item at [X] DO. We've received a request not to deliver mail to the property …" [ELLIOT] M
  ASRXS: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // "As requested, … we'll arrange a Redelivery on [X]. If no one's in again, … Safeplace." [ELLIOT] M
  RFRXS: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // "As requested, we'll arrange a Redelivery on [X]. If no one's home, … neighbour." [ELLIOT] M
  RNRXS: { status: 'in_transit', substatus: 'rerouted' }, // "As requested, we'll arrange a Redelivery on [X] to your chosen address." [ELLIOT] M
  RORXS: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // "As requested, we'll arrange a Redelivery for your item on [X]." [ELLIOT] M
  RPRXS: { status: 'in_transit', substatus: 'rerouted' }, // "As requested, we'll arrange a Redelivery to your chosen Post Office." [ELLIOT] M
  RSRXS: { status: 'in_transit', substatus: 'delivery_rescheduled' }, // "As requested, we'll arrange a Redelivery on [X]. If no one's home, … Safeplace." [ELLIOT] M
  EVGPD: { status: 'out_for_delivery', substatus: 'out_for_delivery' }, // "Your Item was received by [X] DO on [X] and is now due for delivery today." [ELLIOT] M
  EVKNA: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // "Sorry, we tried to deliver your parcel on [X] but there didn't seem to be anyone in." [ELLIOT] M
  EVNDA: { status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent' }, // same text as EVKNA [ELLIOT] M
  EVKNR: { status: 'attempt_failed', substatus: 'attempt_failed' }, // "delivery attempted" [JAMPEZ] L
  EVKAA: { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // "… unable to deliver this item on [X] as the address was inaccessible. We will attempt … again" [ELLIOT] M
  EVNAA: { status: 'attempt_failed', substatus: 'attempt_failed_no_access' }, // same text as EVKAA [ELLIOT] M
  EVNDN: { status: 'attempt_failed', substatus: 'attempt_failed' }, // "Sorry, we were unable to deliver this item on [X]. We'll attempt to deliver it on the next working day." [ELLIOT] M
  EVKSU: { status: 'attempt_failed', substatus: 'attempt_failed' }, // "Sorry, we've been unable to deliver your item to your nominated Safeplace today" [ELLIOT] M
  EVKAI: { status: 'returning', substatus: 'return_requested' }, // "… not possible to identify the delivery address. It will now be returned to the sender." [ELLIOT] M
  EVKGA: { status: 'returning', substatus: 'return_requested' }, // "… the recipient is no longer at that address. We're returning the item to the sender." [ELLIOT] M
  EVNGA: { status: 'returning', substatus: 'return_requested' }, // same text as EVKGA [ELLIOT] M
  EVKRF: { status: 'returning', substatus: 'return_requested' }, // "… the recipient refused to accept it. It will now be returned to the sender." [ELLIOT] M
  EVNRF: { status: 'returning', substatus: 'return_requested' }, // same text as EVKRF [ELLIOT] M
  EVKLC: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // "… delivered to your nominated collection point on [X] and it's now ready for you to collect." [ELLIOT] M
  EVKLS: { status: 'available_for_pickup', substatus: 'arrived_at_pickup_point' }, // "delivered to collection point" [JAMPEZ] L
  EVPLA: { status: 'available_for_pickup', substatus: 'held_at_carrier_facility' }, // "available for collection" [JAMPEZ] L
  EVKOP: { status: 'delivered', substatus: 'delivered' }, // "Your item was delivered on [X]." [ELLIOT] M
  EVKSP: { status: 'delivered', substatus: 'signature_obtained' }, // "Your item was delivered on [X]." / "Delivered and signed" [ELLIOT][JAMPEZ] M
  EVKSF: { status: 'delivered', substatus: 'delivered_to_safe_place' }, // "Your item was delivered to your Safeplace on [X]." [ELLIOT] M
  EVKDN: { status: 'delivered', substatus: 'delivered_to_neighbour' }, // "We delivered your item to your neighbour [X] at [X] on [X]." [ELLIOT] M
  EVNOC: { status: 'delivered', substatus: 'picked_up_by_recipient' }, // "Your item was collected from [X] DO on [X]." [ELLIOT] M
  EVPLC: { status: 'delivered', substatus: 'picked_up_by_recipient' }, // "Item [X] was collected by the customer from [X] Post Office [X] on [X]." [ELLIOT] M
  EVRTS: { status: 'returned', substatus: 'returned_to_sender' }, // "Your item was delivered back to the sender on [X]." [ELLIOT] M
});

/**
 * `summary.statusCategory`: used only when no event code is known. Only the value seen in a recorded answer is listed;
 * the others Royal Mail uses are not documented in any source found (they stay unmapped).
 */
export const ROYALMAIL_STATUS_CATEGORIES = createStatusTable({
  'IN TRANSIT': { status: 'in_transit' }, // [SAMPLE] H
});

/** Error codes (elliotjreed Track.php @ 7739245e): what each means for the number asked about. */
export const ROYALMAIL_NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'E1142', // Barcode reference not recognised
  'E1283', // Tracking not supported (product without tracking)
  'E1307', // Tracking unavailable
  'E1284', // Delivery update not available
  'E1308', // Update not available
]);
/** Proof of delivery unavailable (E1144) or unavailable for the product (E1145): `/signature` only. */
export const ROYALMAIL_NO_SIGNATURE_CODES: ReadonlySet<string> = new Set(['E1144', 'E1145']);
