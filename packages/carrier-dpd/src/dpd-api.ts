import { lenient, readXmlBody, type HttpResponse } from '@wismo/core/internal';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { DPD_CARRIER_ID, DPD_CARRIER_NAME } from './dpd-carrier';

/*
 * DPD's SOAP answers, parsed by fast-xml-parser into plain objects (namespace prefixes removed, every value a
 * string), then checked by ONE zod schema per response with only the fields this package reads
 * (ParcelLifecycleServiceV20.xsd and LoginServiceV21.xsd, vendored in karrio). Leaves are lenient: a field of a
 * surprising shape is dropped, not fatal; only a body without the SOAP envelope is a `bad_response`.
 */

const TRACKING_RESULT = 'Envelope.Body.getTrackingDataResponse.trackingresult';
/** Elements the XSD lets repeat: always arrays, so the schema has one shape for one or many. */
const REPEATED = new Set([
  `${TRACKING_RESULT}.statusInfo`,
  `${TRACKING_RESULT}.contactInfo`,
  `${TRACKING_RESULT}.statusInfo.description.content`,
  `${TRACKING_RESULT}.shipmentInfo.serviceDescription.content`,
]);

export const dpdXmlParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // Keep every value a string: parcel numbers and depots have leading zeros.
  parseTagValue: false,
  isArray: (_name, jpath) => REPEATED.has(String(jpath)),
});

const text = lenient(z.string());
/** `ContentLine`: `{ content, bold, paragraph }`; only the text matters. */
const contentLine = z.object({ content: text });
/** `ContentItem`: an optional label and lines of content. */
const contentItem = z.object({ label: lenient(contentLine), content: lenient(z.array(contentLine)) });

const statusInfoSchema = z.object({
  /** The machine state (`Courier`, `ParcelShop`, …): what the status table is keyed by. */
  status: text,
  label: lenient(contentLine),
  description: lenient(contentItem),
  location: lenient(contentLine),
  /** `M/D/YYYY h:mm:ss AM/PM`, no zone. */
  date: lenient(contentLine),
  statusHasBeenReached: text,
  isCurrentStatus: text,
});

/** DPD's own fault element (`faults{faultCode, message}` in the XSD). */
const dpdFaultsSchema = z.object({ faultCode: text, message: text });

const soapFaultSchema = z.object({
  faultcode: text,
  faultstring: text,
  detail: lenient(
    z.object({
      authenticationFault: lenient(z.object({ errorCode: text, errorMessage: text })),
      faults: lenient(dpdFaultsSchema),
    }),
  ),
});

/** `getTrackingData`: the answer, or a SOAP Fault in the same envelope. */
export const dpdTrackingResponseSchema = z.object({
  Envelope: z.object({
    Body: z.object({
      getTrackingDataResponse: lenient(
        z.object({
          trackingresult: lenient(
            z.object({
              shipmentInfo: lenient(z.object({ status: text, serviceDescription: lenient(contentItem) })),
              statusInfo: lenient(z.array(statusInfoSchema.nullable().catch(null))),
            }),
          ),
        }),
      ),
      Fault: lenient(soapFaultSchema),
      faults: lenient(dpdFaultsSchema),
    }),
  }),
});

/** `getAuth` (LoginService 2.1): the token and when it expires (local time, no offset), or a SOAP Fault. */
export const dpdLoginResponseSchema = z.object({
  Envelope: z.object({
    Body: z.object({
      getAuthResponse: lenient(z.object({ return: lenient(z.object({ authToken: text, authTokenExpires: text, depot: text })) })),
      Fault: lenient(soapFaultSchema),
    }),
  }),
});

export type DpdTrackingResult = NonNullable<
  NonNullable<z.infer<typeof dpdTrackingResponseSchema>['Envelope']['Body']['getTrackingDataResponse']>['trackingresult']
>;
export type DpdStatusInfo = z.infer<typeof statusInfoSchema>;
export type DpdSoapFault = z.infer<typeof soapFaultSchema>;
export type DpdFaults = z.infer<typeof dpdFaultsSchema>;

/** Reads a SOAP body for `parse` (core's `readXmlBody`): undefined when empty, fast-xml-parser's object otherwise. */
export function readDpdBody(response: Pick<HttpResponse, 'status' | 'body'>): unknown {
  return readXmlBody(response, { carrierId: DPD_CARRIER_ID, carrierName: DPD_CARRIER_NAME, parser: dpdXmlParser, expected: 'SOAP' });
}
