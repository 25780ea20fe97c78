import {
  InvalidNumberError,
  NotFoundError,
  WismoError,
  buildShipment,
  contactFor,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  sortEventsNewestFirst,
  type CarrierParseInput,
  type Shipment,
  type TrackingEvent,
  type TrackOutcome,
} from '@wismo/core';
import { describeCarrierMessages, parseBodyWithSchema, readJsonErrorBody, requestError, type RequestErrorKind } from '@wismo/core/internal';
import { mapUpsStatus } from './map-ups-status';
import {
  upsErrorResponseSchema,
  upsTrackResponseSchema,
  type UpsActivity,
  type UpsAddress,
  type UpsMessage,
  type UpsPackage,
} from './ups-api';
import { UPS_CARRIER_ID, UPS_CARRIER_NAME, UPS_CONTACT, canonicalUpsNumber, upsTrackingUrl } from './ups-carrier';
import { upsActivityTime, upsDeliveredTime, upsEstimatedDelivery } from './ups-time';

/** UPS error codes this package understands, by what they mean. Anything else keeps its code on a `bad_response`. */
const UPS_ERROR_CODES: Readonly<Record<string, RequestErrorKind>> = {
  /** Tracking information not found. A warning in a 200 answer, and (composed) in 404 bodies: unknown or older than 120 days. */
  TW0001: 'not_found',
  /** Invalid inquiry number. */
  TV1002: 'invalid_number',
  /** Invalid access license. */
  '250003': 'auth_failed',
  /** Too many requests. */
  '10429': 'rate_limited',
};

const NOT_FOUND_HINT = 'New labels can take a few hours to appear; UPS drops data after 120 days.';

/** The `{ response: { errors } }` list of a body, or an empty list when it has none. */
function upsErrorMessages(body: unknown): UpsMessage[] {
  // Success answers have no `response` key: skip the (failing, so costly) schema check for them.
  if (typeof body !== 'object' || body === null || !('response' in body)) return [];
  const parsed = upsErrorResponseSchema.safeParse(body);
  return parsed.success ? parsed.data.response.errors : [];
}

/** For the transport: the UPS error list of an error body as one message and its codes. */
export function describeUpsErrorBody(body: string): { message: string; codes: string[] } | undefined {
  const errors = readJsonErrorBody(body, upsErrorResponseSchema)?.response.errors;
  if (!errors?.length) return undefined;
  const { detail, codes } = describeCarrierMessages(errors);
  return { message: detail, codes };
}

/** A whole-request UPS error (non-200 status or a 200 holding `response.errors`) as a typed error. */
export function upsRequestError(httpStatus: number, messages: readonly UpsMessage[]): WismoError {
  const { detail, codes } = describeCarrierMessages(messages);
  const said = `HTTP ${httpStatus}${detail ? `: ${detail}` : ''}`;
  return requestError({
    carrierId: UPS_CARRIER_ID,
    httpStatus,
    carrierCodes: codes,
    kindOfCode: (code) => UPS_ERROR_CODES[code],
    messages: {
      auth_failed: `UPS rejected the credentials (${said}). Check the client id and secret and that the app has the Tracking API.`,
      invalid_number: `UPS does not accept this as an inquiry number (${said}). Check the number: UPS numbers are 7 to 34 letters and digits.`,
      rate_limited: `UPS is rate limiting requests (${said}). Lower the request rate or ask UPS for a higher quota.`,
      not_found: `UPS has no tracking information for this number (${said}). ${NOT_FOUND_HINT}`,
      bad_response: `UPS rejected the tracking request (${said})`,
    },
  });
}

/** A 200 answer without a package for the number: not found (TW0001), or invalid if UPS says so. */
function noPackageError(trackingNumber: string, httpStatus: number, warnings: readonly UpsMessage[]): WismoError {
  const { detail, codes } = describeCarrierMessages(warnings);
  const options = { carrierId: UPS_CARRIER_ID, httpStatus, carrierCodes: codes, trackingNumber };
  if (codes.some((code) => UPS_ERROR_CODES[code] === 'invalid_number')) {
    return new InvalidNumberError(`UPS does not accept ${trackingNumber} as an inquiry number (${detail}). Check the number.`, options);
  }
  return new NotFoundError(
    `UPS has no tracking information for ${trackingNumber}${detail ? ` (${detail})` : ''}. ${NOT_FOUND_HINT}`,
    options,
  );
}

function locationOf(address: UpsAddress | undefined) {
  return address
    ? createLocation({
        city: address.city,
        region: address.stateProvince,
        postalCode: address.postalCode,
        countryCode: address.countryCode ?? address.country,
      })
    : null;
}

/** The package's own current status, used by `buildShipment` only when no event maps. */
function currentStatusOf(item: UpsPackage) {
  const current = item.currentStatus;
  // Real answers send `currentStatus: { code: '005', description }`: there `code` is the 3-digit status code.
  const codeIsStatusCode = current?.code !== undefined && /^\d{3}$/.test(current.code.trim());
  const statusCode = current?.statusCode ?? (codeIsStatusCode ? current?.code : undefined) ?? item.statusCode;
  return mapUpsStatus({ type: current?.type, code: codeIsStatusCode ? undefined : current?.code, statusCode }).entry;
}

function eventOf(activity: UpsActivity): TrackingEvent {
  const status = activity.status ?? {};
  const mapping = mapUpsStatus(status);
  return createEvent({
    time: upsActivityTime(activity),
    description: status.description?.trim() || status.simplifiedTextDescription,
    code: mapping.rawCode,
    codes: { type: status.type, code: status.code, statusCode: status.statusCode },
    location: locationOf(activity.location?.address),
    mapped: mapping.entry,
  });
}

/** One UPS package as a `Shipment` (pure). */
function normaliseUpsPackage(item: UpsPackage, trackingNumber: string, fetchedAt: Date, raw: unknown): Shipment {
  const events = (item.activity ?? []).filter((activity) => activity !== null).map(eventOf);
  const addressOfType = (type: string) =>
    locationOf(item.packageAddress?.find((entry) => entry.type?.trim().toUpperCase() === type)?.address);
  const destination = addressOfType('DESTINATION');
  const delivery = item.deliveryInformation;
  const signed = Boolean(delivery?.signature?.image?.trim());
  const hasDeliveredEvent = events.some((event) => event.status === 'delivered');
  const isReturn = events.some((event) => event.status === 'returning' || event.status === 'returned');
  // buildShipment keeps deliveredAt for a returned shipment but only takes it from a delivered event:
  // for "Returned to Sender" (034, no delivered scan) the moment it got back is the returned scan.
  const returned =
    isReturn && !hasDeliveredEvent ? sortEventsNewestFirst(events, true).find((event) => event.status === 'returned') : undefined;
  // Ground Saver and Mail Innovations hand over to USPS: its numbers, once each, are the last-mile leg.
  const uspsNumbers = (item.alternateTrackingNumber ?? []).flatMap((alternate) =>
    /^USPS/i.test(alternate.type?.trim() ?? '') && alternate.number?.trim() ? [alternate.number.trim()] : [],
  );
  return buildShipment({
    carrier: UPS_CARRIER_ID,
    trackingNumber,
    events,
    // UPS documents activities as "most recent activity first".
    eventsNewestFirst: true,
    carrierStatus: currentStatusOf(item),
    estimatedDelivery: upsEstimatedDelivery(item.deliveryDate, item.deliveryTime),
    // A delivered scan carries the better time (often an instant); DEL is the fallback.
    deliveredAt: returned
      ? { occurredAt: returned.occurredAt, localTime: returned.localTime, timeKind: returned.timeKind }
      : hasDeliveredEvent
        ? undefined
        : upsDeliveredTime(item.deliveryDate, item.deliveryTime),
    signedBy: delivery?.receivedBy ?? null,
    proofOfDelivery: {
      available: signed || Boolean(delivery?.pod?.content?.trim() || delivery?.deliveryPhoto?.photo?.trim()),
      signatureAvailable: signed,
      url: null,
      deliveryLocation: delivery?.location?.trim() || null,
    },
    service: item.service ? { code: item.service.code?.trim() || null, name: item.service.description?.trim() || null } : null,
    origin: addressOfType('ORIGIN'),
    destination,
    legs: [...new Set(uspsNumbers)].map((number) => ({
      carrier: 'usps',
      carrierName: 'USPS',
      trackingNumber: number,
      role: 'last_mile' as const,
    })),
    direction: isReturn ? 'return' : undefined,
    contact: contactFor({ contact: UPS_CONTACT }, destination?.countryCode),
    trackingUrl: upsTrackingUrl(trackingNumber),
    fetchedAt,
    raw,
  });
}

/**
 * Pure: one Track API answer → an outcome per requested number, in order. Never throws for a carrier problem: an error
 * answer fails every number of the request, an unknown number is `not_found` (HTTP 200 with warning TW0001 and no
 * package, or HTTP 404), TV1002 is `invalid_number`, a body of the wrong shape is `bad_response`.
 */
export function parseUpsTrackResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const messages = upsErrorMessages(body);
  const hasTrackResponse = typeof body === 'object' && body !== null && 'trackResponse' in body;
  if (httpStatus < 200 || httpStatus >= 300 || (messages.length > 0 && !hasTrackResponse)) {
    return failAll(trackingNumbers, upsRequestError(httpStatus, messages));
  }
  const response = parseBodyWithSchema(upsTrackResponseSchema, body, { id: UPS_CARRIER_ID, name: UPS_CARRIER_NAME }, httpStatus);
  if (WismoError.isInstance(response)) return failAll(trackingNumbers, response);
  const shipments = response.trackResponse.shipment;
  return trackingNumbers.map((trackingNumber) => {
    const asked = canonicalUpsNumber(trackingNumber);
    const isAsked = (echoed: string | undefined) => echoed !== undefined && canonicalUpsNumber(echoed) === asked;
    const shipment =
      shipments.find((candidate) => isAsked(candidate.inquiryNumber) || candidate.package?.some((item) => isAsked(item.trackingNumber))) ??
      // One number per request: the only shipment answers it even if UPS echoes the number differently.
      (trackingNumbers.length === 1 && shipments.length === 1 ? shipments[0] : undefined);
    // A shipment (lead) number can return several packages: the one asked for, else the first.
    const item = shipment?.package?.find((candidate) => isAsked(candidate.trackingNumber)) ?? shipment?.package?.[0];
    if (!shipment || !item) return errorOutcome(trackingNumber, noPackageError(trackingNumber, httpStatus, shipment?.warnings ?? []));
    const raw = input.includeRaw ? body : undefined;
    return { trackingNumber, ok: true, shipment: normaliseUpsPackage(item, trackingNumber, input.fetchedAt ?? new Date(), raw) };
  });
}
