import { lenient, lenientList, readXmlBody, type HttpResponse } from '@wismo/core/internal';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { BPOST_CARRIER_ID, BPOST_CARRIER_NAME } from './bpost-carrier';

/*
 * bpost's answers (schema.post.be tracking/v1 `itemTracking`, common/v2 `systemException`, `businessException`),
 * parsed by fast-xml-parser into plain objects (namespace prefixes removed, every value a string), then checked
 * by ONE zod schema with only the fields this package reads. Leaves are lenient: a field of a surprising shape
 * is dropped, not fatal.
 */

/** `stateInfo` repeats: always an array, so the schema has one shape for one or many. */
const REPEATED = new Set(['itemTracking.stateInfo']);

export const bpostXmlParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // Keep every value a string: item codes and postal codes have leading zeros.
  parseTagValue: false,
  isArray: (_name, jpath) => REPEATED.has(String(jpath)),
});

const text = lenient(z.string());

const addressSchema = z.object({ streetName: text, houseNumber: text, postalCode: text, city: text, countryCode: text });
const partySchema = z.object({ name: text, address: lenient(addressSchema) });

const stateInfoSchema = z.object({
  /** ISO 8601 with offset, sometimes with milliseconds: `2012-11-23T07:11:18.923+01:00`. */
  time: text,
  location: text,
  stateCode: text,
  /** `<State> - <substate>`: `BoundToRound - out_for_distribution`. */
  stateDescription: text,
});

/** Every answer of `GET …/item/{itemCode}/trackingInfo`: the tracking, or one of bpost's two exceptions. */
export const bpostTrackingResponseSchema = z.object({
  itemTracking: lenient(
    z.object({
      itemCode: text,
      sender: lenient(partySchema),
      addressee: lenient(partySchema),
      deliveryTime: text,
      deliveryTimeWindow: lenient(z.object({ plannedDeliveryDateWindowStart: text, plannedDeliveryDateWindowEnd: text })),
      stateInfo: lenient(lenientList(stateInfoSchema)),
      pickupPoint: lenient(z.object({ id: text, name: text, streetName: text, houseNumber: text, postalCode: text, city: text })),
    }),
  ),
  systemException: lenient(z.object({ message: text, timestamp: text })),
  businessException: lenient(z.object({ code: text, message: text })),
});

export type BpostTrackingResponse = z.infer<typeof bpostTrackingResponseSchema>;
export type BpostItemTracking = NonNullable<BpostTrackingResponse['itemTracking']>;
export type BpostStateInfo = z.infer<typeof stateInfoSchema>;

/**
 * Reads a body for `parse` (core's `readXmlBody`): undefined when empty (bpost's "empty XML" for an unknown item)
 * or at HTTP 404 whatever it holds; fast-xml-parser's object otherwise.
 */
export function readBpostBody(response: Pick<HttpResponse, 'status' | 'body'>): unknown {
  if (response.status === 404) return undefined;
  return readXmlBody(response, { carrierId: BPOST_CARRIER_ID, carrierName: BPOST_CARRIER_NAME, parser: bpostXmlParser });
}
