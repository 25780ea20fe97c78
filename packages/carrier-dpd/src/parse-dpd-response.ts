import {
  AuthFailedError,
  BadResponseError,
  CarrierUnavailableError,
  NotFoundError,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  type CarrierParseInput,
  type Location,
  type Shipment,
  type TrackOutcome,
  type TrackingEvent,
  type WismoError,
} from '@wismo/core';
import { parseBodyWithSchema } from '@wismo/core/internal';
import { dpdTrackingResponseSchema, type DpdFaults, type DpdSoapFault, type DpdStatusInfo, type DpdTrackingResult } from './dpd-api';
import { DPD_CARRIER_ID, DPD_CARRIER_NAME, DPD_CONTACT, dpdTrackingUrl } from './dpd-carrier';
import { dpdStatusTime } from './dpd-time';
import { mapDpdStatus } from './map-dpd-status';

const context = { carrierId: DPD_CARRIER_ID } as const;

/** DPD's fault code for a wrong delisId/password or an expired or unknown token. */
export const DPD_AUTHENTICATION_ERROR = 'DELICOM_ERR_AUTHENTICATION';

/** The codes and words of a SOAP Fault (or DPD's own `faults` element). */
export function describeDpdFault(
  fault: DpdSoapFault | undefined,
  faults?: DpdFaults,
): { codes: string[]; message: string; authentication: boolean } {
  const authentication = fault?.detail?.authenticationFault;
  const own = faults ?? fault?.detail?.faults;
  const codes = [authentication?.errorCode, own?.faultCode, fault?.faultcode]
    .filter((code): code is string => typeof code === 'string' && code.trim() !== '')
    .map((code) => code.trim());
  const words = [authentication?.errorMessage, own?.message, fault?.faultstring].map((value) => value?.trim()).filter(Boolean);
  return {
    codes,
    message: [...new Set(words.map((word) => word!.replace(/\.$/, '')))].join('; '),
    authentication: authentication !== undefined || codes.includes(DPD_AUTHENTICATION_ERROR),
  };
}

/**
 * A SOAP Fault as a typed error. An authentication fault is `auth_failed`. DPD documents no not-found
 * answer; its own `faults` element and client faults (`soap:Client`) are read as "no data for this parcel"
 * (research/carriers.md §5, low confidence). A server fault without a DPD code is `carrier_unavailable`.
 */
export function dpdFaultError(
  httpStatus: number,
  fault: DpdSoapFault | undefined,
  faults?: DpdFaults,
  trackingNumber?: string,
): WismoError {
  const { codes, message, authentication } = describeDpdFault(fault, faults);
  const said = message ? `: ${message}` : '';
  const options = { ...context, httpStatus, carrierCodes: codes, trackingNumber };
  if (authentication) {
    return new AuthFailedError(
      `DPD rejected the login (HTTP ${httpStatus}${said}). Check the delisId and password of your DPD Web Connect account.`,
      options,
    );
  }
  const serverFault = /(^|:)server$/i.test(fault?.faultcode?.trim() ?? '');
  if (faults || fault?.detail?.faults || !serverFault) {
    return new NotFoundError(
      `DPD has no tracking data for ${trackingNumber ?? 'this parcel'} (HTTP ${httpStatus}${said}). New parcels can take a few hours to appear.`,
      options,
    );
  }
  return new CarrierUnavailableError(`DPD answered with a server fault (HTTP ${httpStatus}${said})`, options);
}

const COUNTRY_IN_PARENTHESES = /^(.*?)\s*\(([A-Za-z]{2})\)\s*$/;

/** `Mechelen (BE)`: the city and, in parentheses, the country. */
function locationOf(raw: string | undefined): Location | null {
  const text = raw?.trim();
  if (!text) return null;
  const match = COUNTRY_IN_PARENTHESES.exec(text);
  return createLocation({ city: match ? match[1] : text, countryCode: match?.[2], raw: text });
}

/** The lines of a `ContentItem` as one text; empty when it has none. */
function textOf(item: { content?: Array<{ content?: string }> } | undefined): string {
  return (
    item?.content
      ?.map((line) => line.content?.trim())
      .filter(Boolean)
      .join(' ') ?? ''
  );
}

function eventOf(info: DpdStatusInfo): TrackingEvent {
  const status = info.status?.trim() || null;
  return createEvent({
    time: dpdStatusTime(info.date?.content),
    description: textOf(info.description) || info.label?.content,
    code: status,
    codes: { status, label: info.label?.content?.trim() },
    location: locationOf(info.location?.content),
    mapped: mapDpdStatus(status),
  });
}

const PARCEL_DATA_ONLY = { status: 'info_received', substatus: 'label_created' } as const;

/** A step DPD shows but has not happened yet (`statusHasBeenReached=false`) is not an event. */
function hasHappened(info: DpdStatusInfo): boolean {
  return info.statusHasBeenReached?.trim().toLowerCase() !== 'false';
}

/** Normalises one `trackingresult` into a `Shipment`. Pure. */
function normaliseDpdTrackingResult(
  result: DpdTrackingResult,
  trackingNumber: string,
  options: { fetchedAt?: Date; raw?: unknown } = {},
): Shipment {
  const reached = (result.statusInfo ?? []).filter((info): info is DpdStatusInfo => info !== null && hasHappened(info));
  const events = reached.map(eventOf);
  const current = reached.find((info) => info.isCurrentStatus?.trim().toLowerCase() === 'true');
  const serviceName = textOf(result.shipmentInfo?.serviceDescription) || null;
  const country = locationOf(current?.location?.content)?.countryCode;
  return buildShipment({
    carrier: DPD_CARRIER_ID,
    trackingNumber,
    events,
    // `statusInfo` comes oldest first.
    eventsNewestFirst: false,
    // Steps listed but none reached: DPD has the parcel's data, not the parcel.
    carrierStatus: events.length === 0 ? PARCEL_DATA_ONLY : mapDpdStatus(current?.status),
    service: serviceName ? { code: null, name: serviceName } : null,
    contact: (country ? DPD_CONTACT.byCountry?.[country] : undefined) ?? DPD_CONTACT.default,
    trackingUrl: dpdTrackingUrl(trackingNumber),
    fetchedAt: options.fetchedAt,
    raw: options.raw,
  });
}

/**
 * Pure: one `getTrackingData` answer (parsed XML) into an outcome per requested number (DPD takes one).
 * 401/403 are `auth_failed` whatever the body; a SOAP Fault is typed by `dpdFaultError`; an empty
 * `trackingresult` is `not_found`; a body without the SOAP envelope is `bad_response`. Never throws.
 */
export function parseDpdTrackingResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const options = { ...context, httpStatus };
  if (httpStatus === 401 || httpStatus === 403) {
    return failAll(
      trackingNumbers,
      new AuthFailedError(
        `DPD rejected the request (HTTP ${httpStatus}). Check the delisId and password of your DPD Web Connect account.`,
        options,
      ),
    );
  }
  if (body === undefined) {
    return failAll(trackingNumbers, new BadResponseError(`DPD sent an empty answer (HTTP ${httpStatus}); check the base URL`, options));
  }
  const response = parseBodyWithSchema(dpdTrackingResponseSchema, body, { id: DPD_CARRIER_ID, name: DPD_CARRIER_NAME }, httpStatus);
  if (response instanceof BadResponseError) return failAll(trackingNumbers, response);
  const soapBody = response.Envelope.Body;
  if (soapBody.Fault || soapBody.faults) {
    return trackingNumbers.map((trackingNumber) =>
      errorOutcome(trackingNumber, dpdFaultError(httpStatus, soapBody.Fault, soapBody.faults, trackingNumber)),
    );
  }
  if (httpStatus < 200 || httpStatus >= 300 || !soapBody.getTrackingDataResponse) {
    return failAll(trackingNumbers, new BadResponseError(`DPD answered HTTP ${httpStatus} without tracking data or a fault`, options));
  }
  const result = soapBody.getTrackingDataResponse.trackingresult;
  const fetchedAt = input.fetchedAt ?? new Date();
  return trackingNumbers.map((trackingNumber) => {
    // No step at all: DPD does not know the parcel (research/carriers.md §5: an empty trackingresult).
    if (!result || !(result.statusInfo ?? []).some((info) => info !== null)) {
      return errorOutcome(
        trackingNumber,
        new NotFoundError(
          `DPD has no tracking data for ${trackingNumber} (an empty trackingresult). New parcels can take a few hours to appear.`,
          { ...options, trackingNumber },
        ),
      );
    }
    return {
      trackingNumber,
      ok: true,
      shipment: normaliseDpdTrackingResult(result, trackingNumber, { fetchedAt, raw: input.includeRaw ? body : undefined }),
    };
  });
}
