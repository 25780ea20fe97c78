import { readXmlBody, type HttpResponse } from '@wismo/core/internal';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { CANADAPOST_CARRIER_ID, CANADAPOST_CARRIER_NAME } from './canadapost-carrier';

/*
 * Canada Post's tracking answers (track.xsd, vendored in karrio: every field an xsd:string), parsed by fast-xml-parser
 * into plain objects and checked by ONE zod schema per response with only the fields read here.
 */

/** Elements that repeat: always arrays, one shape for one or many. */
const REPEATED = new Set(['tracking-detail.significant-events.occurrence', 'messages.message']);

export const canadaPostXmlParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // Every value a string: event identifiers have leading zeros (`0174`) and PINs are long digit strings.
  parseTagValue: false,
  isArray: (_name, jpath) => REPEATED.has(String(jpath)),
});

/** The body as an object (core's `readXmlBody`, validated: damage inside the document is caught too). */
export function readCanadaPostBody(response: Pick<HttpResponse, 'status' | 'body'>): unknown {
  return readXmlBody(response, {
    carrierId: CANADAPOST_CARRIER_ID,
    carrierName: CANADAPOST_CARRIER_NAME,
    parser: canadaPostXmlParser,
    validate: true,
  });
}

const text = z.string().optional().catch(undefined);

const occurrenceSchema = z.object({
  'event-identifier': text,
  'event-date': text,
  'event-time': text,
  'event-time-zone': text,
  'event-description': text,
  'signatory-name': text,
  'event-site': text,
  'event-province': text,
  'event-retail-name': text,
});

/** `GET /vis/track/pin/{pin}/detail` → `<tracking-detail>`, or `<messages>` for an error. */
export const canadaPostTrackResponseSchema = z.object({
  'tracking-detail': z
    .object({
      pin: text,
      'expected-delivery-date': text,
      'changed-expected-date': text,
      'destination-postal-id': text,
      'service-name': text,
      'signature-image-exists': text,
      'significant-events': z
        .object({ occurrence: z.array(occurrenceSchema).optional().catch(undefined) })
        .optional()
        .catch(undefined),
    })
    .optional(),
  messages: z
    .object({
      message: z
        .array(z.object({ code: text, description: text }))
        .optional()
        .catch(undefined),
    })
    .optional(),
});

export type CanadaPostTrackResponse = z.infer<typeof canadaPostTrackResponseSchema>;
export type CanadaPostOccurrence = z.infer<typeof occurrenceSchema>;
