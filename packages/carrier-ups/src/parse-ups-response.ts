import { buildShipment, contactFor, createEvent, createLocation, errorOutcome, failAll } from '@wismo/core';
import type { CarrierParseInput, TrackOutcome } from '@wismo/core';
import { describeCarrierMessages, entriesForNumbers, parseBodyWithSchema, requestError, type RequestErrorKind } from '@wismo/core/internal';
import { mapUpsStatus } from './map-ups-status';
import { upsErrorResponseSchema, upsTrackResponseSchema } from './ups-api';
import type { UpsActivity, UpsAddress, UpsMessage, UpsPackage } from './ups-api';
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

/**
 * A UPS refusal as a typed error: a non-200 answer or a 200 holding `response.errors`; with `trackingNumber`, a 200
 * without the number's package, which is not found unless its warnings say the number is invalid (TV1002).
 */
export function upsRequestError(httpStatus: number, messages: readonly UpsMessage[], trackingNumber?: string) {
  const { detail, codes } = describeCarrierMessages(messages);
  const said = `HTTP ${httpStatus}${detail ? `: ${detail}` : ''}`;
  return requestError({
    carrierId: UPS_CARRIER_ID,
    httpStatus,
    carrierCodes: codes,
    trackingNumber,
    kindOfCode: (code) => (trackingNumber && UPS_ERROR_CODES[code] !== 'invalid_number' ? undefined : UPS_ERROR_CODES[code]),
    kindOfStatus: trackingNumber ? () => 'not_found' : undefined,
    messages: {
      auth_failed: `UPS rejected the credentials (${said}). Check the client id and secret and that the app has the Tracking API.`,
      invalid_number: `UPS does not accept ${trackingNumber ?? 'this'} as an inquiry number (${said}). Check the number: UPS numbers are 7 to 34 letters and digits.`,
      rate_limited: `UPS is rate limiting requests (${said}). Lower the request rate or ask UPS for a higher quota.`,
      not_found: `UPS has no tracking information for ${trackingNumber ?? 'this number'} (${said}). New labels can take a few hours to appear; UPS drops data after 120 days.`,
      bad_response: `UPS rejected the tracking request (${said})`,
    },
  });
}

/** `countryCode` in some answers, `country` in others. */
function locationOf(address: UpsAddress | undefined) {
  const { city, stateProvince, postalCode, countryCode, country } = address ?? {};
  return address ? createLocation({ city, region: stateProvince, postalCode, countryCode: countryCode ?? country }) : null;
}

function eventOf(activity: UpsActivity) {
  const status = activity.status ?? {};
  const { mapped, code } = mapUpsStatus(status);
  return createEvent({
    time: upsActivityTime(activity),
    description: status.description?.trim() || status.simplifiedTextDescription,
    code,
    codes: { type: status.type, code: status.code, statusCode: status.statusCode },
    location: locationOf(activity.location?.address),
    mapped,
  });
}

function currentStatusOf(item: UpsPackage) {
  const current = item.currentStatus;
  // Real answers send `currentStatus: { code: '005', description }`: there `code` is the 3-digit status code.
  const codeIsStatusCode = current?.code !== undefined && /^\d{3}$/.test(current.code.trim());
  const statusCode = current?.statusCode ?? (codeIsStatusCode ? current?.code : undefined) ?? item.statusCode;
  return mapUpsStatus({ type: current?.type, code: codeIsStatusCode ? undefined : current?.code, statusCode }).mapped;
}

/** One UPS package as a `Shipment` (pure). */
function normaliseUpsPackage(item: UpsPackage, trackingNumber: string, input: CarrierParseInput) {
  const events = (item.activity ?? []).filter((activity) => activity !== null).map(eventOf);
  const addressOfType = (type: string) =>
    locationOf(item.packageAddress?.find((entry) => entry.type?.trim().toUpperCase() === type)?.address);
  const destination = addressOfType('DESTINATION');
  const delivery = item.deliveryInformation;
  const signed = Boolean(delivery?.signature?.image?.trim());
  const hasProof = signed || Boolean(delivery?.pod?.content?.trim() || delivery?.deliveryPhoto?.photo?.trim());
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
    estimatedDelivery: upsEstimatedDelivery(item),
    // A delivered (or returned) scan carries the better time, often an instant, and buildShipment takes it; DEL is the fallback.
    deliveredAt: events.some((event) => event.status === 'delivered' || event.status === 'returned') ? undefined : upsDeliveredTime(item),
    signedBy: delivery?.receivedBy ?? null,
    proofOfDelivery: { available: hasProof, signatureAvailable: signed, deliveryLocation: delivery?.location?.trim() || null },
    service: item.service ? { code: item.service.code?.trim() || null, name: item.service.description?.trim() || null } : null,
    origin: addressOfType('ORIGIN'),
    destination,
    legs: [...new Set(uspsNumbers)].map((number) => ({ carrier: 'usps', carrierName: 'USPS', trackingNumber: number, role: 'last_mile' })),
    direction: events.some((event) => event.status === 'returning' || event.status === 'returned') ? 'return' : undefined,
    contact: contactFor({ contact: UPS_CONTACT }, destination?.countryCode),
    trackingUrl: upsTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? input.body : undefined,
  });
}

/**
 * Pure: one Track API answer → an outcome per requested number, in order. Never throws for a carrier problem: an error
 * answer fails every number of the request, an unknown number is `not_found` (HTTP 200 with warning TW0001 and no
 * package, or HTTP 404), TV1002 is `invalid_number`, a body of the wrong shape is `bad_response`.
 */
export function parseUpsTrackResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const keys = typeof body === 'object' && body !== null ? body : {};
  // Success answers have no `response` key: the (failing, so costly) check of the error schema is skipped for them.
  const messages = 'response' in keys ? (upsErrorResponseSchema.safeParse(body).data?.response.errors ?? []) : [];
  if (httpStatus < 200 || httpStatus >= 300 || (messages.length > 0 && !('trackResponse' in keys)))
    return failAll(trackingNumbers, upsRequestError(httpStatus, messages));
  const response = parseBodyWithSchema(upsTrackResponseSchema, body, { id: UPS_CARRIER_ID, name: UPS_CARRIER_NAME }, httpStatus);
  if (response instanceof Error) return failAll(trackingNumbers, response);
  const shipments = entriesForNumbers(
    trackingNumbers,
    response.trackResponse.shipment,
    (shipment) => [shipment.inquiryNumber, ...(shipment.package ?? []).map((item) => item.trackingNumber)],
    // One number per request: the only shipment answers it even if UPS echoes the number differently.
    { canonical: canonicalUpsNumber, samePosition: trackingNumbers.length === 1 },
  );
  return trackingNumbers.map((trackingNumber, index) => {
    const shipment = shipments[index];
    const asked = canonicalUpsNumber(trackingNumber);
    // A shipment (lead) number can return several packages: the one asked for, else the first.
    const item =
      shipment?.package?.find((each) => each.trackingNumber !== undefined && canonicalUpsNumber(each.trackingNumber) === asked) ??
      shipment?.package?.[0];
    if (!shipment || !item) return errorOutcome(trackingNumber, upsRequestError(httpStatus, shipment?.warnings ?? [], trackingNumber));
    return { trackingNumber, ok: true, shipment: normaliseUpsPackage(item, trackingNumber, input) };
  });
}
