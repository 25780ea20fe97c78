import { lenient, lenientList, readXmlBody, type HttpRequest, type HttpResponse } from '@wismo/core/internal';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { DPD_CARRIER_ID, DPD_CARRIER_NAME } from './dpd-carrier';

/*
 * DPD's SOAP. Requests are built by fast-xml-parser's builder, so every value is escaped. Answers are parsed into
 * plain objects (namespace prefixes removed, every value a string), then checked by ONE zod schema with only the
 * fields read here (ParcelLifecycleServiceV20.xsd, LoginServiceV21.xsd, vendored in karrio). Leaves are lenient: a
 * field of a surprising shape is dropped, not fatal; only a body without the SOAP envelope is a `bad_response`.
 */

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });

const TYPES = 'http://dpd.com/common/service/types';
const SOAP_ENVELOPE = { '@_xmlns:soapenv': 'http://schemas.xmlsoap.org/soap/envelope/' };

/** A SOAP 1.1 envelope declaring the namespaces (`@_xmlns:ns`) its header and body use. */
function soapEnvelope(namespaces: Record<string, string>, header: unknown, body: unknown): string {
  const envelope = { ...SOAP_ENVELOPE, ...namespaces, 'soapenv:Header': header, 'soapenv:Body': body };
  return builder.build({ 'soapenv:Envelope': envelope }) as string;
}

/** `LoginService/V2_1 getAuth`: the delisId and password in the body. */
export function dpdLoginEnvelope(delisId: string, password: string, messageLanguage: string): string {
  return soapEnvelope({ '@_xmlns:ns': `${TYPES}/LoginService/2.1` }, '', { 'ns:getAuth': { delisId, password, messageLanguage } });
}

/** `ParcelLifeCycleService/V2_0 getTrackingData`: the token in the `authentication` SOAP header. */
export function dpdTrackingEnvelope(delisId: string, authToken: string, messageLanguage: string, parcelLabelNumber: string): string {
  return soapEnvelope(
    { '@_xmlns:ns': `${TYPES}/Authentication/2.0`, '@_xmlns:ns1': `${TYPES}/ParcelLifeCycleService/2.0` },
    { 'ns:authentication': { delisId, authToken, messageLanguage } },
    { 'ns1:getTrackingData': { parcelLabelNumber } },
  );
}

/** The HTTP request of a SOAP call: the envelope POSTed with its `SOAPAction`. */
export function soapRequest(url: string, soapAction: string, envelope: string): Omit<HttpRequest, 'signal'> {
  const text = { contentType: 'text/xml; charset=utf-8', body: envelope };
  return { method: 'POST', url, headers: { Accept: 'text/xml', SOAPAction: soapAction }, text };
}

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

/** Reads a SOAP body for `parse` (core's `readXmlBody`): undefined when empty, fast-xml-parser's object otherwise. */
export function readDpdBody(response: Pick<HttpResponse, 'status' | 'body'>): unknown {
  return readXmlBody(response, { carrierId: DPD_CARRIER_ID, carrierName: DPD_CARRIER_NAME, parser: dpdXmlParser, expected: 'SOAP' });
}

const text = lenient(z.string());
/** `ContentLine`: `{ content, bold, paragraph }`; only the text matters. */
const contentLine = z.object({ content: text });
/** `ContentItem`: lines of content (and a label not read here). */
const contentItem = z.object({ content: lenient(z.array(contentLine)) });

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
const authenticationFaultSchema = z.object({ errorCode: text, errorMessage: text });
const soapFaultSchema = z.object({
  faultcode: text,
  faultstring: text,
  detail: lenient(z.object({ authenticationFault: lenient(authenticationFaultSchema), faults: lenient(dpdFaultsSchema) })),
});

const trackingResultSchema = z.object({
  shipmentInfo: lenient(z.object({ serviceDescription: lenient(contentItem) })),
  statusInfo: lenient(lenientList(statusInfoSchema)),
});

/** Both services' answers (LoginService 2.1 `getAuth`, ParcelLifeCycleService 2.0 `getTrackingData`), or a SOAP Fault. */
export const dpdResponseSchema = z.object({
  Envelope: z.object({
    Body: z.object({
      /** The token and when it expires (local time, no offset). */
      getAuthResponse: lenient(z.object({ return: lenient(z.object({ authToken: text, authTokenExpires: text })) })),
      getTrackingDataResponse: lenient(z.object({ trackingresult: lenient(trackingResultSchema) })),
      Fault: lenient(soapFaultSchema),
      faults: lenient(dpdFaultsSchema),
    }),
  }),
});

export type DpdSoapBody = z.infer<typeof dpdResponseSchema>['Envelope']['Body'];
