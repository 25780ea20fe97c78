import { lenient, readXmlBody, type HttpResponse } from '@wismo/core/internal';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { DHL_PARCEL_DE_CARRIER_ID, DHL_PARCEL_DE_CARRIER_NAME } from './dhl-parcel-de-carrier';

/*
 * The API answers with nested `<data name="…" attr="…"/>` elements: the root (with the result `code`), one
 * `piece-shipment` per piece, inside it a `piece-event-list` of `piece-event`s. ONE zod schema checks the attributes
 * read here (karrio `vendors/tracking-test.txt`, DHL's attribute reference); leaves are lenient.
 */

export const dhlParcelDeXmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  ignoreDeclaration: true,
  // Piece codes have leading zeros and codes like `-1000` must stay text.
  parseAttributeValue: false,
  parseTagValue: false,
  // Every nested `<data>` can repeat (pieces, event lists, events): always an array, one shape for one or many.
  isArray: (name, jpath, _isLeafNode, isAttribute) => !isAttribute && name === 'data' && jpath !== 'data',
});

const text = lenient(z.string());
/** The codes an event is mapped by; `ruecksendung` is `true` on the way back to the sender. */
const codes = { ice: text, ric: text, 'standard-event-code': text, ruecksendung: text };

const pieceEventSchema = z.object({
  ...codes,
  /** `DD.MM.YYYY HH:mm`, German local time, no zone. */
  'event-timestamp': text,
  'event-status': text,
  'event-text': text,
  'event-short-status': text,
  'event-location': text,
  /** A country name in the request's language ("Germany"), or empty. */
  'event-country': text,
});
export type DhlParcelDePieceEvent = z.infer<typeof pieceEventSchema>;

const pieceShipmentSchema = z.object({
  ...codes,
  name: text,
  'error-status': text,
  'piece-code': text,
  'piece-identifier': text,
  'searched-piece-code': text,
  // The piece's latest state, and `1` in `delivery-event-flag` once delivered.
  'status-timestamp': text,
  status: text,
  'short-status': text,
  'delivery-event-flag': text,
  'recipient-name': text,
  'recipient-id-text': text,
  'pan-recipient-city': text,
  'pan-recipient-postalcode': text,
  'product-code': text,
  'product-name': text,
  'dest-country': text,
  'origin-country': text,
  /** Announced delivery day and window (names per DHL's attribute reference; values not seen in a sample). */
  'delivery-date': text,
  'delivery-timeframe-from': text,
  'delivery-timeframe-to': text,
  /** The recipient's chosen delivery day and window ("Wunschtag" / "Wunschzeit"). */
  'preferred-delivery-day': text,
  'preferred-delivery-timeframe-from': text,
  'preferred-delivery-timeframe-to': text,
  /** In a `d-get-signature` answer, in place of a piece: the hex-encoded image (a GIF), its type and the day. */
  image: text,
  'mime-type': text,
  'event-date': text,
  data: lenient(z.array(z.object({ data: lenient(z.array(pieceEventSchema)) }))),
});
export type DhlParcelDePieceShipment = z.infer<typeof pieceShipmentSchema>;

/** Every answer: the root `data` with the result `code` (0, or an error such as 100 "No data found") and its items. */
export const dhlParcelDeResponseSchema = z.object({
  data: z.object({ code: text, error: text, data: lenient(z.array(pieceShipmentSchema)) }),
});

/** The body as an object (core's `readXmlBody`); an unreadable error body (the gateway answers JSON) is left to the status. */
export function readDhlParcelDeBody(response: HttpResponse): unknown {
  return readXmlBody(response, {
    carrierId: DHL_PARCEL_DE_CARRIER_ID,
    carrierName: DHL_PARCEL_DE_CARRIER_NAME,
    parser: dhlParcelDeXmlParser,
    validate: true,
    lenientOnErrorStatus: true,
  });
}
