import {
  AuthFailedError,
  BadResponseError,
  CarrierUnavailableError,
  NotFoundError,
  buildShipment,
  createEvent,
  createLocation,
  parseWithSchema,
  type CarrierParseInput,
  type TrackOutcome,
  type WismoError,
  type WismoErrorOptions,
} from '@wismo/core';
import { neverThrowing, numericDateTime, readXmlErrorBody } from '@wismo/core/internal';
import { dpdResponseSchema, dpdXmlParser, type DpdSoapBody } from './dpd-api';
import { DPD_CARRIER_ID, DPD_CARRIER_NAME, DPD_CONTACT, dpdTrackingUrl } from './dpd-carrier';
import { mapDpdStatus } from './map-dpd-status';

/** DPD's fault code for a wrong delisId/password or an expired or unknown token. */
const DPD_AUTHENTICATION_ERROR = 'DELICOM_ERR_AUTHENTICATION';
const CHECK_DPD_CREDENTIALS = 'Check the delisId and password of your DPD Web Connect account.';

/** The codes and words of a SOAP Fault and of DPD's own `faults` element, and what kind of fault it is. */
function describeDpdFault({ Fault: fault, faults }: Pick<DpdSoapBody, 'Fault' | 'faults'>) {
  const authentication = fault?.detail?.authenticationFault;
  const own = faults ?? fault?.detail?.faults;
  const codes = [authentication?.errorCode, own?.faultCode, fault?.faultcode].flatMap((code) => code?.trim() || []);
  const words = [authentication?.errorMessage, own?.message, fault?.faultstring].flatMap((word) => word?.trim() || []);
  return {
    codes,
    message: [...new Set(words.map((word) => word.replace(/\.$/, '')))].join('; '),
    authentication: authentication !== undefined || codes.includes(DPD_AUTHENTICATION_ERROR),
    dpdFault: own !== undefined,
    serverFault: /(^|:)server$/i.test(fault?.faultcode?.trim() ?? ''),
  };
}

const noDataError = (parcel: string, why: string, options: WismoErrorOptions) =>
  new NotFoundError(`DPD has no tracking data for ${parcel} (${why}). New parcels can take a few hours to appear.`, options);

/**
 * A SOAP Fault as a typed error. An authentication fault is `auth_failed`. DPD documents no not-found
 * answer; its own `faults` element and client faults (`soap:Client`) are read as "no data for this parcel"
 * (research/carriers.md §5, low confidence). A server fault without a DPD code is `carrier_unavailable`.
 */
export function dpdFaultError(httpStatus: number, body: Pick<DpdSoapBody, 'Fault' | 'faults'>, trackingNumber?: string): WismoError {
  const { codes, message, authentication, dpdFault, serverFault } = describeDpdFault(body);
  const said = `HTTP ${httpStatus}${message ? `: ${message}` : ''}`;
  const options = { carrierId: DPD_CARRIER_ID, httpStatus, carrierCodes: codes, trackingNumber };
  if (authentication) return new AuthFailedError(`DPD rejected the login (${said}). ${CHECK_DPD_CREDENTIALS}`, options);
  if (dpdFault || !serverFault) return noDataError(trackingNumber ?? 'this parcel', said, options);
  return new CarrierUnavailableError(`DPD answered with a server fault (${said})`, options);
}

/** SOAP Faults usually come with HTTP 500: the transport reads their codes and words here, `refineDpdError` types them. */
export function describeDpdErrorBody(body: string) {
  const Fault = readXmlErrorBody(body, dpdXmlParser, dpdResponseSchema)?.Envelope.Body.Fault;
  if (!Fault) return undefined;
  const { message, codes, authentication, serverFault } = describeDpdFault({ Fault });
  // Retrying cannot fix a refused login or a DPD fault code; a bare server fault may pass.
  return { message, codes, retryable: serverFault && !authentication && codes.length <= 1 };
}

/** A transport error with DPD's fault codes: a refused login is `auth_failed`, a DPD code beside the SOAP one "no data". */
export function refineDpdError(error: WismoError): WismoError {
  const codes = error.carrierCodes;
  const options = { carrierId: DPD_CARRIER_ID, httpStatus: error.httpStatus, carrierCodes: codes };
  if (error.code === 'auth_failed') return error;
  if (codes.includes(DPD_AUTHENTICATION_ERROR)) return new AuthFailedError(`${error.message}. ${CHECK_DPD_CREDENTIALS}`, options);
  if (error.code !== 'carrier_unavailable' || codes.every((code) => /^soap(env)?:/i.test(code))) return error;
  return new NotFoundError(`DPD has no tracking data for this parcel (${error.message})`, options);
}

const COUNTRY_IN_PARENTHESES = /^(.*?)\s*\(([A-Za-z]{2})\)\s*$/;

/** `Mechelen (BE)`: the city and, in parentheses, the country. */
function locationOf(raw: string | undefined) {
  const match = raw ? COUNTRY_IN_PARENTHESES.exec(raw.trim()) : null;
  return createLocation({ city: match ? match[1] : raw, countryCode: match?.[2], raw });
}

/** The lines of a `ContentItem` as one text; empty when it has none. */
function textOf(item: { content?: Array<{ content?: string }> } | undefined): string {
  return item?.content?.flatMap((line) => line.content?.trim() || []).join(' ') ?? '';
}

/** The outcome for the one number of `input`; a typed error it throws is the outcome (`neverThrowing`). */
const parseForNumber = neverThrowing({ id: DPD_CARRIER_ID, name: DPD_CARRIER_NAME }, (input) => {
  const { httpStatus, body } = input;
  const trackingNumber = input.trackingNumbers[0]!;
  const options = { carrierId: DPD_CARRIER_ID, httpStatus, trackingNumber };
  if (httpStatus === 401 || httpStatus === 403) {
    throw new AuthFailedError(`DPD rejected the request (HTTP ${httpStatus}). ${CHECK_DPD_CREDENTIALS}`, options);
  }
  if (body === undefined) throw new BadResponseError(`DPD sent an empty answer (HTTP ${httpStatus}); check the base URL`, options);
  const soapBody = parseWithSchema(dpdResponseSchema, body, DPD_CARRIER_NAME, DPD_CARRIER_ID, httpStatus).Envelope.Body;
  if (soapBody.Fault || soapBody.faults) throw dpdFaultError(httpStatus, soapBody, trackingNumber);
  if (httpStatus < 200 || httpStatus >= 300 || !soapBody.getTrackingDataResponse) {
    throw new BadResponseError(`DPD answered HTTP ${httpStatus} without tracking data or a fault`, options);
  }
  const result = soapBody.getTrackingDataResponse.trackingresult;
  const steps = result?.statusInfo ?? [];
  // No step at all: DPD does not know the parcel (research/carriers.md §5: an empty trackingresult).
  if (steps.length === 0) throw noDataError(trackingNumber, 'an empty trackingresult', options);
  // A step DPD shows but has not happened yet (`statusHasBeenReached=false`) is not an event.
  const reached = steps.filter((info) => info.statusHasBeenReached?.trim().toLowerCase() !== 'false');
  const events = reached.map((info) => {
    const status = info.status?.trim() || null;
    return createEvent({
      // `messageLanguage=en_US` dates: `8/19/2021 5:11:26 PM`, no zone, so a `local` time (null when unreadable).
      time: numericDateTime(info.date?.content, 'MM/DD/YYYY'),
      description: textOf(info.description) || info.label?.content,
      code: status,
      codes: { status, label: info.label?.content?.trim() },
      location: locationOf(info.location?.content),
      mapped: mapDpdStatus(status),
    });
  });
  const current = reached.find((info) => info.isCurrentStatus?.trim().toLowerCase() === 'true');
  const country = locationOf(current?.location?.content)?.countryCode;
  const shipment = buildShipment({
    carrier: DPD_CARRIER_ID,
    trackingNumber,
    events,
    // `statusInfo` comes oldest first.
    eventsNewestFirst: false,
    // Steps listed but none reached: DPD has the parcel's data, not the parcel.
    carrierStatus: events.length === 0 ? { status: 'info_received', substatus: 'label_created' } : mapDpdStatus(current?.status),
    service: { code: null, name: textOf(result?.shipmentInfo?.serviceDescription) || null },
    contact: (country ? DPD_CONTACT.byCountry?.[country] : undefined) ?? DPD_CONTACT.default,
    trackingUrl: dpdTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? body : undefined,
  });
  return [{ trackingNumber, ok: true, shipment }];
});

/**
 * Pure: a `getTrackingData` answer into an outcome per number (DPD takes one). 401/403 are `auth_failed`, a SOAP Fault
 * is typed by `dpdFaultError`, an empty `trackingresult` is `not_found`, a body without the SOAP envelope `bad_response`.
 */
export function parseDpdTrackingResponse(input: CarrierParseInput): TrackOutcome[] {
  return input.trackingNumbers.flatMap((trackingNumber) => parseForNumber({ ...input, trackingNumbers: [trackingNumber] }));
}
