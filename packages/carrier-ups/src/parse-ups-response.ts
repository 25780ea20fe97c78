import {
  AuthFailedError,
  BadResponseError,
  InvalidNumberError,
  NotFoundError,
  RateLimitedError,
  WismoError,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  normaliseCountryCode,
  parseWithSchema,
  sortEventsNewestFirst,
  type CarrierParseInput,
  type Leg,
  type Location,
  type Shipment,
  type TrackOutcome,
  type TrackingEvent,
} from '@wismo/core';
import { mapUpsStatus } from './map-ups-status';
import {
  upsErrorResponseSchema,
  upsTrackResponseSchema,
  type UpsActivity,
  type UpsAddress,
  type UpsMessage,
  type UpsPackage,
  type UpsShipment,
  type UpsStatus,
} from './ups-api';
import { UPS_CARRIER_ID, UPS_CARRIER_NAME, UPS_CONTACT, upsTrackingUrl } from './ups-carrier';
import { upsActivityTime, upsDeliveredTime, upsEstimatedDelivery } from './ups-time';

/**
 * What `parseUpsTrackResponse` reads: the HTTP status, the parsed JSON body (undefined when a 404 came
 * without a JSON body), the numbers of the request in order (the Track API takes one), when it was read.
 */
export type ParseUpsTrackResponseInput = CarrierParseInput;

const context = { carrierId: UPS_CARRIER_ID } as const;

/** UPS error codes this package understands. Anything else keeps its code on a `bad_response`. */
export const UPS_ERROR_CODES = {
  /** Warning in a 200 answer, and (composed) in 404 bodies: the number is unknown or older than 120 days. */
  trackingInformationNotFound: 'TW0001',
  invalidInquiryNumber: 'TV1002',
  invalidAccessLicense: '250003',
  tooManyRequests: '10429',
} as const;

function describeMessages(messages: readonly UpsMessage[]): string {
  return messages
    .map((message) => [message.code, message.message?.trim()].filter(Boolean).join(' '))
    .filter(Boolean)
    .join('; ');
}

function codesOf(messages: readonly UpsMessage[]): string[] {
  return messages.map((message) => message.code).filter((code): code is string => typeof code === 'string' && code !== '');
}

/** The `{ response: { errors } }` list of a body, or an empty list when it has none. */
export function upsErrorMessages(body: unknown): UpsMessage[] {
  // Success answers have no `response` key: skip the (failing, so costly) schema check for them.
  if (typeof body !== 'object' || body === null || !('response' in body)) return [];
  const parsed = upsErrorResponseSchema.safeParse(body);
  return parsed.success ? (parsed.data.response.errors ?? []) : [];
}

/** For the transport: the UPS error list of an error body as one message and its codes. */
export function describeUpsErrorBody(body: string): { message: string; codes: string[] } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const messages = upsErrorMessages(parsed);
  return messages.length === 0 ? undefined : { message: describeMessages(messages), codes: codesOf(messages) };
}

/** A whole-request UPS error (non-200 status or a 200 holding `response.errors`) as a typed error. */
export function upsRequestError(httpStatus: number, messages: readonly UpsMessage[]): WismoError {
  const codes = codesOf(messages);
  const detail = describeMessages(messages);
  const said = detail ? `: ${detail}` : '';
  const options = { ...context, httpStatus, carrierCodes: codes };
  // The rule every parse function follows: 401 and 403 are auth failures whatever the body says.
  if (httpStatus === 401 || httpStatus === 403 || codes.includes(UPS_ERROR_CODES.invalidAccessLicense)) {
    return new AuthFailedError(
      `UPS rejected the credentials (HTTP ${httpStatus}${said}). Check the client id and secret and that the app has the Tracking API.`,
      options,
    );
  }
  if (codes.includes(UPS_ERROR_CODES.invalidInquiryNumber)) {
    return new InvalidNumberError(
      `UPS does not accept this as an inquiry number (HTTP ${httpStatus}${said}). Check the number: UPS numbers are 7 to 34 letters and digits.`,
      options,
    );
  }
  if (codes.includes(UPS_ERROR_CODES.tooManyRequests)) {
    return new RateLimitedError(
      `UPS is rate limiting requests (HTTP ${httpStatus}${said}). Lower the request rate or ask UPS for a higher quota.`,
      options,
    );
  }
  if (httpStatus === 404 || codes.includes(UPS_ERROR_CODES.trackingInformationNotFound)) {
    return new NotFoundError(
      `UPS has no tracking information for this number (HTTP ${httpStatus}${said}). New labels can take a few hours to appear; UPS drops data after 120 days.`,
      options,
    );
  }
  return new BadResponseError(`UPS rejected the tracking request (HTTP ${httpStatus}${said})`, options);
}

/** A 200 answer without a package for the number: not found (TW0001), or invalid if UPS says so. */
function upsNoPackageError(trackingNumber: string, httpStatus: number, warnings: readonly UpsMessage[]): WismoError {
  const said = describeMessages(warnings);
  const options = { ...context, httpStatus, carrierCodes: codesOf(warnings), trackingNumber };
  if (options.carrierCodes.includes(UPS_ERROR_CODES.invalidInquiryNumber)) {
    return new InvalidNumberError(`UPS does not accept ${trackingNumber} as an inquiry number (${said}). Check the number.`, options);
  }
  return new NotFoundError(
    `UPS has no tracking information for ${trackingNumber}${said ? ` (${said})` : ''}. New labels can take a few hours to appear; UPS drops data after 120 days.`,
    options,
  );
}

const SEPARATORS = /[\s-]+/g;

function sameNumber(a: string | undefined, b: string): boolean {
  return a !== undefined && a.replace(SEPARATORS, '').toUpperCase() === b.replace(SEPARATORS, '').toUpperCase();
}

function findShipment(shipments: readonly UpsShipment[], trackingNumber: string, onlyNumber: boolean): UpsShipment | undefined {
  const matching = shipments.find(
    (shipment) =>
      sameNumber(shipment.inquiryNumber, trackingNumber) ||
      (shipment.package ?? []).some((item) => sameNumber(item.trackingNumber, trackingNumber)),
  );
  // One number per request: the only shipment answers it even if UPS echoes the number differently.
  return matching ?? (onlyNumber && shipments.length === 1 ? shipments[0] : undefined);
}

function locationOf(address: UpsAddress | undefined): Location | null {
  if (!address) return null;
  return createLocation({
    city: address.city,
    region: address.stateProvince,
    postalCode: address.postalCode,
    countryCode: address.countryCode ?? address.country,
  });
}

function eventOf(activity: UpsActivity): TrackingEvent {
  const status: UpsStatus = activity.status ?? {};
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

const THREE_DIGITS = /^\d{3}$/;

/** The package's own current status, used by `buildShipment` only when no event maps. */
function currentStatusOf(item: UpsPackage) {
  const current = item.currentStatus;
  // Real answers send `currentStatus: { code: '005', description }`: there `code` is the 3-digit status code.
  const statusCode =
    current?.statusCode ?? (current?.code && THREE_DIGITS.test(current.code.trim()) ? current.code : undefined) ?? item.statusCode;
  const code = current?.code && !THREE_DIGITS.test(current.code.trim()) ? current.code : undefined;
  return mapUpsStatus({ type: current?.type, code, statusCode }).entry;
}

const USPS_ALTERNATE_TYPE = /^USPS/i;

/** Alternate numbers that name another carrier (UPS Mail Innovations / Ground Saver hand over to USPS). */
function legsOf(item: UpsPackage): Leg[] {
  const legs: Leg[] = [];
  for (const alternate of item.alternateTrackingNumber ?? []) {
    const number = alternate.number?.trim();
    if (!number || !alternate.type || !USPS_ALTERNATE_TYPE.test(alternate.type.trim())) continue;
    if (legs.some((leg) => leg.trackingNumber === number)) continue;
    legs.push({ carrier: 'usps', carrierName: 'USPS', trackingNumber: number, role: 'last_mile' });
  }
  return legs;
}

function addressOfType(item: UpsPackage, type: string): Location | null {
  const entry = (item.packageAddress ?? []).find((address) => address.type?.trim().toUpperCase() === type);
  return locationOf(entry?.address);
}

function nonEmpty(value: string | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** Normalises one UPS package into a `Shipment`. Pure: no I/O, no clock unless `fetchedAt` is omitted. */
export function normaliseUpsPackage(item: UpsPackage, trackingNumber: string, options: { fetchedAt?: Date; raw?: unknown } = {}): Shipment {
  const events: TrackingEvent[] = [];
  for (const activity of item.activity ?? []) if (activity) events.push(eventOf(activity));
  const delivery = item.deliveryInformation;
  const destination = addressOfType(item, 'DESTINATION');
  const hasDeliveredEvent = events.some((event) => event.status === 'delivered');
  const isReturn = events.some((event) => event.status === 'returning' || event.status === 'returned');
  // buildShipment keeps deliveredAt for a returned shipment but only takes it from a delivered event:
  // for "Returned to Sender" (034, no delivered scan) the moment it got back is the returned scan.
  const returnedEvent =
    isReturn && !hasDeliveredEvent ? sortEventsNewestFirst(events, true).find((event) => event.status === 'returned') : undefined;
  const destinationCountry = normaliseCountryCode(destination?.countryCode);
  return buildShipment({
    carrier: UPS_CARRIER_ID,
    trackingNumber,
    events,
    // UPS documents activities as "most recent activity first".
    eventsNewestFirst: true,
    carrierStatus: currentStatusOf(item),
    estimatedDelivery: upsEstimatedDelivery(item.deliveryDate, item.deliveryTime),
    // A delivered scan carries the better time (often an instant); DEL is the fallback.
    deliveredAt: returnedEvent
      ? { occurredAt: returnedEvent.occurredAt, localTime: returnedEvent.localTime, timeKind: returnedEvent.timeKind }
      : hasDeliveredEvent
        ? undefined
        : upsDeliveredTime(item.deliveryDate, item.deliveryTime),
    signedBy: delivery?.receivedBy ?? null,
    proofOfDelivery: {
      available: nonEmpty(delivery?.pod?.content) || nonEmpty(delivery?.signature?.image) || nonEmpty(delivery?.deliveryPhoto?.photo),
      signatureAvailable: nonEmpty(delivery?.signature?.image),
      url: null,
      deliveryLocation: delivery?.location?.trim() || null,
    },
    service: item.service ? { code: item.service.code?.trim() || null, name: item.service.description?.trim() || null } : null,
    origin: addressOfType(item, 'ORIGIN'),
    destination,
    legs: legsOf(item),
    direction: isReturn ? 'return' : undefined,
    contact: (destinationCountry ? UPS_CONTACT.byCountry?.[destinationCountry] : undefined) ?? UPS_CONTACT.default,
    trackingUrl: upsTrackingUrl(trackingNumber),
    fetchedAt: options.fetchedAt,
    raw: options.raw,
  });
}

function pickPackage(shipment: UpsShipment, trackingNumber: string): UpsPackage | undefined {
  const packages = shipment.package ?? [];
  // A shipment (lead) number can return several packages: prefer the one asked for, else the first.
  return packages.find((item) => sameNumber(item.trackingNumber, trackingNumber)) ?? packages[0];
}

/**
 * Pure: turns one Track API answer into an outcome per requested number, in order. Never throws for a
 * carrier problem: an error answer fails every number of the request, an unknown number is `not_found`
 * (HTTP 200 with warning TW0001 and no package, or HTTP 404), TV1002 is `invalid_number`, a body of the
 * wrong shape is `bad_response`.
 */
export function parseUpsTrackResponse(input: ParseUpsTrackResponseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const fetchedAt = input.fetchedAt ?? new Date();
  const messages = upsErrorMessages(body);
  const hasTrackResponse = typeof body === 'object' && body !== null && 'trackResponse' in body;
  if (httpStatus < 200 || httpStatus >= 300 || (messages.length > 0 && !hasTrackResponse)) {
    return failAll(trackingNumbers, upsRequestError(httpStatus, messages));
  }

  let shipments: UpsShipment[];
  try {
    shipments = parseWithSchema(upsTrackResponseSchema, body, UPS_CARRIER_NAME, UPS_CARRIER_ID, httpStatus).trackResponse.shipment;
  } catch (error) {
    if (WismoError.isInstance(error)) return failAll(trackingNumbers, error);
    throw error;
  }

  return trackingNumbers.map((trackingNumber) => {
    const shipment = findShipment(shipments, trackingNumber, trackingNumbers.length === 1);
    const item = shipment ? pickPackage(shipment, trackingNumber) : undefined;
    if (!shipment || !item) return errorOutcome(trackingNumber, upsNoPackageError(trackingNumber, httpStatus, shipment?.warnings ?? []));
    const shipmentResult = normaliseUpsPackage(item, trackingNumber, { fetchedAt, raw: input.includeRaw ? body : undefined });
    return { trackingNumber, ok: true, shipment: shipmentResult };
  });
}
