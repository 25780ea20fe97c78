import {
  BadResponseError,
  NotFoundError,
  buildShipment,
  contactFor,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  type CarrierParseInput,
  type Leg,
  type Location,
  type Shipment,
  type TrackOutcome,
  type WismoError,
} from '@wismo/core';
import { kindOfStatus, parseBodyWithSchema, readGatewayErrorBody, requestError, type GatewayErrorBody } from '@wismo/core/internal';
import { postnlStatusResponseSchema, type PostnlAddress, type PostnlEvent, type PostnlShipment } from './postnl-api';
import { POSTNL_CARRIER_ID, POSTNL_CARRIER_NAME, POSTNL_CONTACT, postnlTrackingUrl } from './postnl-carrier';
import { mapPostnlEvent, mapPostnlStatus, normalisePostnlEventCode } from './map-postnl-status';
import { postnlEstimatedDelivery, postnlTime } from './postnl-time';

const context = { carrierId: POSTNL_CARRIER_ID } as const;
export const POSTNL = { id: POSTNL_CARRIER_ID, name: POSTNL_CARRIER_NAME };

/** The warning code of "No shipment found" (HTTP 200). */
export const POSTNL_NOT_FOUND_WARNING = '2';

/** PostNL address types read here: 01 receiver, 02 sender, 09 pick-up location. */
const RECEIVER = '01';
const SENDER = '02';
const PICKUP_LOCATION = '09';

/** PostNL's SDK docs write empty values as the string `{}`. */
function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed !== '{}' && trimmed !== 'string' ? trimmed : undefined;
}

/**
 * The message and codes of a PostNL error body (read by `readGatewayErrorBody` with `bareMessage`): an Apigee `fault`
 * (400/500) or `{ message, http_status_code }` (401/429); undefined for anything else.
 */
export function describePostnlErrorBody(
  described: GatewayErrorBody | undefined,
): { message: string | undefined; codes: string[] } | undefined {
  if (!described || described.form === 'problem' || described.form === 'oauth-error') return undefined;
  const message = clean(described.message);
  const codes = described.codes.filter((code) => clean(code) !== undefined);
  return described.form === 'message' && !message ? undefined : { message, codes };
}

/** A whole-request error (any status but 2xx) as a typed error. */
export function postnlRequestError(httpStatus: number, body: unknown): WismoError {
  const described = describePostnlErrorBody(readGatewayErrorBody(body, { bareMessage: true }));
  const said = described?.message ? `: ${described.message}` : '';
  return requestError({
    carrierId: POSTNL_CARRIER_ID,
    httpStatus,
    carrierCodes: described?.codes,
    // A 400 fault with a code is PostNL refusing the barcode.
    kindOfStatus: (status) => (status === 400 && described?.codes.length ? 'invalid_number' : kindOfStatus(status)),
    messages: {
      auth_failed: `PostNL rejected the API key (HTTP ${httpStatus}${said}). Check the apikey and that it has the Shipping Status API.`,
      rate_limited: `PostNL is rate limiting requests (HTTP 429${said}). Production allows 1000 calls a minute per key, the sandbox 15.`,
      carrier_unavailable: `PostNL answered HTTP ${httpStatus}${said}`,
      invalid_number: `PostNL refused the barcode (HTTP 400${said}). Check the number.`,
      bad_response: `PostNL refused the tracking request (HTTP ${httpStatus}${said})`,
    },
  });
}

function sameBarcode(value: string | undefined, barcode: string): boolean {
  return clean(value)?.replace(/\s+/g, '').toUpperCase() === barcode;
}

function addressOfType(shipment: PostnlShipment, type: string): PostnlAddress | undefined {
  return (shipment.Address ?? []).find((address) => address?.AddressType?.trim() === type) ?? undefined;
}

function locationOf(address: PostnlAddress | undefined): Location | null {
  if (!address) return null;
  return createLocation({ city: clean(address.City), postalCode: clean(address.Zipcode), countryCode: clean(address.CountryCode) });
}

/** A pick-up location as one line: `Primera Utrecht, Biltstraat 12, Utrecht`. */
function describePickupLocation(address: PostnlAddress | undefined): string | null {
  if (!address) return null;
  const street = [clean(address.Street), clean(address.HouseNumber)].filter(Boolean).join(' ');
  const line = [clean(address.CompanyName), street, clean(address.City)].filter(Boolean).join(', ');
  return line || null;
}

function eventOf(event: PostnlEvent, shipment: PostnlShipment) {
  const code = normalisePostnlEventCode(event.Code);
  let mapped = mapPostnlEvent(code);
  let statusCode: string | undefined;
  // An event not in PostNL's table (recorded answers show `01A`/`01B`) at the moment of the shipment's current
  // status takes that status: PostNL's own classification of the same change.
  if (!mapped && clean(event.TimeStamp) && clean(event.TimeStamp) === clean(shipment.Status?.TimeStamp)) {
    mapped = mapPostnlStatus(shipment.Status);
    statusCode = mapped ? shipment.Status?.StatusCode : undefined;
  }
  return createEvent({
    time: postnlTime(event.TimeStamp),
    description: clean(event.Description),
    code,
    codes: { Code: event.Code, LocationCode: clean(event.LocationCode), StatusCode: statusCode },
    // PostNL names a location code and a route, not a place.
    location: null,
    mapped,
  });
}

/** Normalises one PostNL shipment. `others` are the other parcels of a multi-parcel shipment (kept as legs). */
function normalisePostnlShipment(
  shipment: PostnlShipment,
  barcode: string,
  options: { fetchedAt?: Date; raw?: unknown; others?: readonly PostnlShipment[] } = {},
): Shipment {
  // filter and map, not flatMap: Node 20's flatMap costs ten times as much.
  const events = (shipment.Event ?? []).filter((event): event is PostnlEvent => event !== null).map((event) => eventOf(event, shipment));
  const receiver = addressOfType(shipment, RECEIVER);
  const destination = locationOf(receiver);
  const pickupLocation = describePickupLocation(addressOfType(shipment, PICKUP_LOCATION));
  const legs: Leg[] = (options.others ?? [])
    .map((other) => clean(other.Barcode))
    .filter((other): other is string => Boolean(other) && other !== clean(shipment.Barcode))
    .map((other) => ({ carrier: POSTNL_CARRIER_ID, carrierName: POSTNL_CARRIER_NAME, trackingNumber: other, role: 'other' as const }));
  return buildShipment({
    carrier: POSTNL_CARRIER_ID,
    trackingNumber: barcode,
    events,
    // Recorded answers list events newest first, but not strictly (B01 after J01): times decide, this breaks ties.
    eventsNewestFirst: true,
    carrierStatus: mapPostnlStatus(shipment.Status),
    estimatedDelivery: postnlEstimatedDelivery(shipment.Expectation, clean(shipment.DeliveryDate)),
    proofOfDelivery: { deliveryLocation: pickupLocation },
    service:
      clean(shipment.ProductCode) || clean(shipment.ProductDescription)
        ? { code: clean(shipment.ProductCode) ?? null, name: clean(shipment.ProductDescription) ?? null }
        : null,
    origin: locationOf(addressOfType(shipment, SENDER)),
    destination,
    legs,
    contact: contactFor({ contact: POSTNL_CONTACT }, destination?.countryCode),
    trackingUrl: postnlTrackingUrl(barcode),
    fetchedAt: options.fetchedAt,
    raw: options.raw,
  });
}

/**
 * Pure: turns one Shipping Status answer into an outcome per requested barcode (PostNL takes one). Never throws
 * for a carrier problem: HTTP 200 with an empty status and warning `2` "No shipment found" is `not_found`; a
 * non-2xx answer fails the number (401/403 `auth_failed`, 429 `rate_limited`, 400 fault `invalid_number`); a
 * body of the wrong shape is `bad_response`.
 */
export function parsePostnlStatusResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  if (httpStatus < 200 || httpStatus >= 300) return failAll(trackingNumbers, postnlRequestError(httpStatus, body));
  const response = parseBodyWithSchema(postnlStatusResponseSchema, body, POSTNL, httpStatus);
  if (response instanceof BadResponseError) return failAll(trackingNumbers, response);
  if (response.CompleteStatus === undefined && response.CurrentStatus === undefined && response.Warnings === undefined) {
    return failAll(
      trackingNumbers,
      new BadResponseError('PostNL sent a body without CompleteStatus, CurrentStatus or Warnings', { ...context, httpStatus }),
    );
  }
  const shipments = (response.CompleteStatus?.Shipment ?? response.CurrentStatus?.Shipment ?? []).filter(
    (shipment): shipment is PostnlShipment => shipment !== null,
  );
  const warnings = (response.Warnings ?? []).filter((warning) => warning !== null);
  const fetchedAt = input.fetchedAt ?? new Date();

  return trackingNumbers.map((barcode) => {
    const shipment =
      shipments.find((candidate) => sameBarcode(candidate.Barcode, barcode)) ??
      shipments.find((candidate) => sameBarcode(candidate.MainBarcode, barcode)) ??
      shipments[0];
    if (!shipment) {
      const said = warnings.map((warning) => [clean(warning.Code), clean(warning.Message)].filter(Boolean).join(' ')).join('; ');
      const codes = warnings.map((warning) => clean(warning.Code)).filter((code): code is string => Boolean(code));
      const options = { ...context, httpStatus, carrierCodes: codes, trackingNumber: barcode };
      if (codes.length > 0 && !codes.includes(POSTNL_NOT_FOUND_WARNING))
        return errorOutcome(barcode, new BadResponseError(`PostNL answered ${barcode} without a shipment (${said})`, options));
      return errorOutcome(
        barcode,
        new NotFoundError(
          `PostNL has no shipment ${barcode}${said ? ` (${said})` : ''}. New barcodes appear once PostNL has the shipment data.`,
          options,
        ),
      );
    }
    const normalised = normalisePostnlShipment(shipment, barcode, {
      fetchedAt,
      raw: input.includeRaw ? body : undefined,
      others: shipments,
    });
    return { trackingNumber: barcode, ok: true, shipment: normalised };
  });
}
