import {
  BadResponseError,
  NotFoundError,
  buildShipment,
  contactFor,
  createEvent,
  createLocation,
  dateOnly,
  errorOutcome,
  failAll,
  lookupStatus,
  parseCarrierDateTime,
  type CarrierParseInput,
  type CarrierTime,
  type TrackOutcome,
  type WismoError,
} from '@wismo/core';
import {
  carrierEstimateBetween,
  describeCarrierMessages,
  kindOfStatus,
  numericDateTime,
  parseBodyWithSchema,
  readGatewayErrorBody,
  requestError,
  type NumericDateForm,
} from '@wismo/core/internal';
import { postnlSignatureResponseSchema, postnlStatusResponseSchema, type PostnlShipment, type PostnlWarning } from './postnl-api';
import { POSTNL_CARRIER_ID, POSTNL_CARRIER_NAME, POSTNL_CONTACT, postnlTrackingUrl } from './postnl-carrier';
import { POSTNL_EVENT_CODES, POSTNL_PHASE_CODES, POSTNL_STATUS_CODES } from './postnl-status-tables';

const POSTNL = { id: POSTNL_CARRIER_ID, name: POSTNL_CARRIER_NAME };

/** Status and phase codes are numbers: `07` → `7`. */
function numberCode(code: string | undefined): string | undefined {
  return code && /^\d+$/.test(code) ? String(Number(code)) : code;
}

/** The shipment's own `Status`: its status code, else (coarser) its phase code. Used when no event maps. */
export function mapPostnlStatus(status: { StatusCode?: string; PhaseCode?: string } | undefined) {
  return (
    lookupStatus(POSTNL_STATUS_CODES, numberCode(status?.StatusCode)) ?? lookupStatus(POSTNL_PHASE_CODES, numberCode(status?.PhaseCode))
  );
}

/**
 * PostNL's times are Dutch wall-clock times without an offset: kept `local`, never stamped `Z`. A `TimeStamp` is
 * `DD-MM-YYYY HH:mm:ss`, sometimes with milliseconds (`08-11-2022 00:10:11.081`); an `Expectation` is ISO local
 * (`2022-11-08T14:50:00`) or, in the SDK doc, `MM/DD/YYYY` (`11/07/2022 10:00:00`). Other forms are read by core's parser.
 */
export function postnlTime(value: string | undefined, form: NumericDateForm = 'DD-MM-YYYY'): CarrierTime | null {
  return numericDateTime(value, form) ?? parseCarrierDateTime(value);
}

/** A whole-request error (any status but 2xx) as a typed error, with the words and codes of PostNL's error body. */
function postnlRequestError(httpStatus: number, body: unknown): WismoError {
  // An Apigee `fault` (400/500) or `{ message, http_status_code }` (401/429).
  const described = readGatewayErrorBody(body, { bareMessage: true });
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

/** An answer without the shipment or signature asked for: warning `2` ("No … found") or none is `not_found`, another a `bad_response`. */
function warningError(warnings: PostnlWarning[], what: 'shipment' | 'signature', barcode: string, httpStatus: number) {
  const { detail, codes } = describeCarrierMessages(warnings.map((warning) => ({ code: warning.Code, message: warning.Message })));
  const options = { carrierId: POSTNL_CARRIER_ID, httpStatus, carrierCodes: codes, trackingNumber: barcode };
  if (codes.length > 0 && !codes.includes('2'))
    return new BadResponseError(`PostNL answered ${barcode} without a ${what} (${detail})`, options);
  const hint = what === 'shipment' ? ' New barcodes appear once PostNL has the shipment data.' : '';
  return new NotFoundError(`PostNL has no ${what} for ${barcode}${detail ? ` (${detail})` : ''}.${hint}`, options);
}

function eventOf(event: NonNullable<PostnlShipment['Event']>[number], shipment: PostnlShipment) {
  const code = event.Code?.toUpperCase() ?? null;
  let mapped = lookupStatus(POSTNL_EVENT_CODES, code);
  let statusCode: string | undefined;
  // An event not in PostNL's table (recorded answers show `01A`/`01B`) at the moment of the shipment's current
  // status takes that status: PostNL's own classification of the same change.
  if (!mapped && event.TimeStamp && event.TimeStamp === shipment.Status?.TimeStamp) {
    mapped = mapPostnlStatus(shipment.Status);
    statusCode = mapped ? shipment.Status?.StatusCode : undefined;
  }
  return createEvent({
    time: postnlTime(event.TimeStamp),
    description: event.Description,
    code,
    codes: { Code: event.Code, LocationCode: event.LocationCode, StatusCode: statusCode },
    // PostNL names a location code and a route, not a place.
    location: null,
    mapped,
  });
}

function locationOf(address: { City?: string; Zipcode?: string; CountryCode?: string } | undefined) {
  return createLocation({ city: address?.City, postalCode: address?.Zipcode, countryCode: address?.CountryCode });
}

/** Normalises one PostNL shipment; the other parcels of a multi-parcel shipment are kept as legs. */
function normalisePostnlShipment(shipment: PostnlShipment, barcode: string, input: CarrierParseInput, all: PostnlShipment[]) {
  // PostNL's address types: 01 receiver, 02 sender, 09 pick-up location.
  const [receiver, sender, pickup] = ['01', '02', '09'].map((type) => shipment.Address?.find((address) => address.AddressType === type));
  const destination = locationOf(receiver);
  // A pick-up location as one line: `Primera Utrecht, Biltstraat 12, Utrecht`.
  const street = [pickup?.Street, pickup?.HouseNumber].filter(Boolean).join(' ');
  // The `Expectation` window, else `DeliveryDate`; PostNL gives no offset for either, so neither is an instant.
  const { ETAFrom, ETATo } = shipment.Expectation ?? {};
  const eta = carrierEstimateBetween(postnlTime(ETAFrom, 'MM/DD/YYYY'), postnlTime(ETATo, 'MM/DD/YYYY'));
  const deliveryDate = dateOnly(shipment.DeliveryDate ?? '');
  return buildShipment({
    carrier: POSTNL_CARRIER_ID,
    trackingNumber: barcode,
    events: (shipment.Event ?? []).map((event) => eventOf(event, shipment)),
    // Recorded answers list events newest first, but not strictly (B01 after J01): times decide, this breaks ties.
    eventsNewestFirst: true,
    carrierStatus: mapPostnlStatus(shipment.Status),
    estimatedDelivery: eta ?? carrierEstimateBetween(deliveryDate, deliveryDate),
    proofOfDelivery: { deliveryLocation: [pickup?.CompanyName, street, pickup?.City].filter(Boolean).join(', ') || null },
    service: { code: shipment.ProductCode ?? null, name: shipment.ProductDescription ?? null },
    origin: locationOf(sender),
    destination,
    legs: all
      .filter((other) => other.Barcode && other.Barcode !== shipment.Barcode)
      .map((other) => ({ carrier: POSTNL_CARRIER_ID, carrierName: POSTNL_CARRIER_NAME, trackingNumber: other.Barcode!, role: 'other' })),
    contact: contactFor({ contact: POSTNL_CONTACT }, destination?.countryCode),
    trackingUrl: postnlTrackingUrl(barcode),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? input.body : undefined,
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
    const message = 'PostNL sent a body without CompleteStatus, CurrentStatus or Warnings';
    return failAll(trackingNumbers, new BadResponseError(message, { carrierId: POSTNL_CARRIER_ID, httpStatus }));
  }
  const shipments = response.CompleteStatus?.Shipment ?? response.CurrentStatus?.Shipment ?? [];
  const sameBarcode = (value: string | undefined, barcode: string) => value?.replace(/\s+/g, '').toUpperCase() === barcode;
  return trackingNumbers.map((barcode) => {
    const shipment =
      shipments.find((candidate) => sameBarcode(candidate.Barcode, barcode)) ??
      shipments.find((candidate) => sameBarcode(candidate.MainBarcode, barcode)) ??
      shipments[0];
    if (!shipment) return errorOutcome(barcode, warningError(response.Warnings ?? [], 'shipment', barcode, httpStatus));
    return { trackingNumber: barcode, ok: true, shipment: normalisePostnlShipment(shipment, barcode, input, shipments) };
  });
}

export interface PostnlSignature {
  /** `SignatureDate`: ISO without an offset, so local Dutch time. */
  signedAt: CarrierTime | null;
  /** The spec says "base64 encoded GIF" but its example is a PNG: the type is read from the bytes. */
  mimeType: 'image/png' | 'image/gif' | 'application/octet-stream';
  /** Base64, as PostNL sends it. */
  imageBase64: string;
}

export type PostnlSignatureOutcome =
  | { barcode: string; ok: true; signature: PostnlSignature; error?: undefined }
  | { barcode: string; ok: false; error: WismoError; signature?: undefined };

/** Pure: one `status/signature/{barcode}` answer as an outcome. "No signature found" (warning 2) is `not_found`. */
export function parsePostnlSignatureResponse(httpStatus: number, body: unknown, barcode: string) {
  const fail = (error: WismoError) => ({ trackingNumber: barcode, ok: false as const, error: error.forTrackingNumber(barcode) });
  if (httpStatus < 200 || httpStatus >= 300) return fail(postnlRequestError(httpStatus, body));
  const response = parseBodyWithSchema(postnlSignatureResponseSchema, body, POSTNL, httpStatus);
  if (response instanceof BadResponseError) return fail(response);
  const image = response.Signature?.SignatureImage;
  if (!image) return fail(warningError(response.Warnings ?? [], 'signature', barcode, httpStatus));
  const mimeType = image.startsWith('iVBORw0KGgo') ? 'image/png' : image.startsWith('R0lGOD') ? 'image/gif' : 'application/octet-stream';
  const signature: PostnlSignature = { signedAt: parseCarrierDateTime(response.Signature?.SignatureDate), mimeType, imageBase64: image };
  return { trackingNumber: barcode, ok: true as const, signature };
}
