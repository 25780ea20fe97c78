import type { HttpResponse } from '@wismo/core';
import { lenient, readXmlBody } from '@wismo/core/internal';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { DHL_PARCEL_DE_CARRIER_ID, DHL_PARCEL_DE_CARRIER_NAME } from './dhl-parcel-de-carrier';

/*
 * The Parcel DE tracking API answers with nested `<data name="…" attr="…"/>` elements: the root
 * (`piece-shipment-list` or `signature-list`, with the result `code`), one `piece-shipment` per piece, inside it a
 * `piece-event-list` with the `piece-event`s. fast-xml-parser turns them into plain objects (attributes as
 * string properties, every nested `data` an array), then ONE zod schema per response checks the fields this
 * package reads (karrio `vendors/tracking-test.txt`, the attribute reference of DHL's documentation). Leaves
 * are lenient: an attribute of a surprising shape is dropped, not fatal.
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

const pieceEventSchema = z.object({
  name: text,
  /** `DD.MM.YYYY HH:mm`, German local time, no zone. */
  'event-timestamp': text,
  'event-status': text,
  'event-text': text,
  'event-short-status': text,
  ice: text,
  ric: text,
  'standard-event-code': text,
  'event-location': text,
  /** A country name in the request's language ("Germany"), or empty. */
  'event-country': text,
  ruecksendung: text,
});
export type DhlParcelDePieceEvent = z.infer<typeof pieceEventSchema>;

const pieceEventListSchema = z.object({ name: text, data: lenient(z.array(pieceEventSchema)) });

const pieceShipmentSchema = z.object({
  name: text,
  'error-status': text,
  'piece-code': text,
  'piece-identifier': text,
  'searched-piece-code': text,
  'status-timestamp': text,
  status: text,
  'short-status': text,
  ice: text,
  ric: text,
  'standard-event-code': text,
  /** `1` once delivered. */
  'delivery-event-flag': text,
  /** Who took the parcel: the name written down at delivery. */
  'recipient-name': text,
  /** 1 recipient, 2 spouse, 3 household member, 4 neighbour, 5 other person present. */
  'recipient-id': text,
  'recipient-id-text': text,
  'pan-recipient-city': text,
  'pan-recipient-postalcode': text,
  'product-code': text,
  'product-name': text,
  'dest-country': text,
  'origin-country': text,
  /** `true` for a return shipment. */
  ruecksendung: text,
  /** Announced delivery day and window (names per DHL's attribute reference; values not seen in a sample). */
  'delivery-date': text,
  'delivery-timeframe-from': text,
  'delivery-timeframe-to': text,
  /** The recipient's chosen delivery day and window ("Wunschtag" / "Wunschzeit"). */
  'preferred-delivery-day': text,
  'preferred-delivery-timeframe-from': text,
  'preferred-delivery-timeframe-to': text,
  data: lenient(z.array(pieceEventListSchema)),
});
export type DhlParcelDePieceShipment = z.infer<typeof pieceShipmentSchema>;

/** An answer: the root `data` with the result `code` (0, or an error such as 100 "No data found", 5 "Login failed") and its items. */
function answerSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ data: z.object({ name: text, code: text, error: text, data: lenient(z.array(item)) }) });
}

/** The `d-get-piece-detail` answer: one `piece-shipment` per piece. */
export const dhlParcelDePieceDetailResponseSchema = answerSchema(pieceShipmentSchema);

/** The `d-get-signature` answer: the signature as a hex-encoded image (a GIF). */
export const dhlParcelDeSignatureResponseSchema = answerSchema(
  z.object({
    name: text,
    'searched-piece-code': text,
    /** `DD.MM.YYYY`. */
    'event-date': text,
    'mime-type': text,
    image: text,
  }),
);

/**
 * Reads a response body for the parse functions (core's `readXmlBody`, validated): well-formed XML as a plain
 * object. An HTML page, broken or truncated XML on a 2xx answer is `bad_response`; an unreadable error body (the
 * API gateway answers JSON) becomes `undefined`, so the parse function decides by the HTTP status.
 */
export function readDhlParcelDeBody(response: HttpResponse): unknown {
  return readXmlBody(response, {
    carrierId: DHL_PARCEL_DE_CARRIER_ID,
    carrierName: DHL_PARCEL_DE_CARRIER_NAME,
    parser: dhlParcelDeXmlParser,
    validate: true,
    lenientOnErrorStatus: true,
  });
}
