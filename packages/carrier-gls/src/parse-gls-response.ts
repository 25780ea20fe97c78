import {
  BadResponseError,
  CarrierUnavailableError,
  InvalidNumberError,
  NotFoundError,
  buildShipment,
  contactFor,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  lookupStatus,
  parseCarrierDateTime,
  type CarrierParseInput,
  type TrackOutcome,
  type WismoError,
} from '@wismo/core';
import { dailyQuota, parseBodyWithSchema, readGatewayErrorBody, rememberByText, requestError } from '@wismo/core/internal';
import { glsDeliveryInfoResponseSchema, glsTrackResponseSchema, type GlsParcel } from './gls-api';
import { GLS_CARRIER_ID, GLS_CARRIER_NAME, GLS_CONTACT, glsTrackingUrl } from './gls-carrier';
import { GLS_EVENT_CODES, GLS_PARCEL_STATUSES } from './gls-status-tables';

const GLS = { id: GLS_CARRIER_ID, name: GLS_CARRIER_NAME };

/** Per-parcel `errorCode` values (spec 1.0.7 `ParcelErrorCodeDTO`) and the Apigee fault codes this package reads. */
const GLS_ERROR_CODES = {
  badRequest: 'E_400_01',
  limitSizeExceeded: 'E_400_02',
  wrongPostalCode: 'E_400_03',
  resourceNotFound: 'E_404_01',
  noDeliveryInfo: 'E_404_02',
  internalServerError: 'E_500_01',
  quotaViolation: 'policies.ratelimit.QuotaViolation',
  tokenExpired: 'steps.jwt.TokenExpired',
} as const;

/** A number as GLS takes it: without spaces and dashes, upper case. Most are written so already, and kept (no copy). */
export function glsReference(value: string | null | undefined): string {
  const reference = value ?? '';
  return /^[A-Z0-9_]*$/.test(reference) ? reference : reference.replace(/[\s-]+/g, '').toUpperCase();
}

/** A 12-digit parcel number is the 11-digit `unitno` plus its check digit; any other reference stays as it is. */
export function glsUnitNumber(reference: string): string {
  return /^\d{12}$/.test(reference) ? reference.slice(0, 11) : reference;
}

/** GLS's daily quota (500 requests by default, Apigee QuotaViolation): GLS does not say when it resets; Apigee resets at 00:00 GMT. */
export const glsDailyQuota = dailyQuota({
  carrierId: GLS_CARRIER_ID,
  code: GLS_ERROR_CODES.quotaViolation,
  message: (resetMs) =>
    `GLS daily request quota is used up (Apigee QuotaViolation, no Retry-After); not calling GLS again until 00:00 GMT (in about ${Math.ceil(resetMs / 3_600_000)} h). The default is 500 requests a day; ask GLS for more.`,
  pausedMessage: (waitMs) =>
    `GLS's daily quota was used up; not calling GLS again for ${Math.ceil(waitMs / 60_000)} min (until 00:00 GMT).`,
});

/** A whole-request error (any status but 2xx) as a typed error; a 404 is a wrong path (a missing parcel comes in a 200). */
function glsRequestError(httpStatus: number, body: unknown, now: Date): WismoError {
  const described = readGatewayErrorBody(body);
  const said = described?.message ? `: ${described.message}` : '';
  const error = requestError({
    carrierId: GLS_CARRIER_ID,
    httpStatus,
    carrierCodes: described?.codes,
    // Apigee's QuotaViolation, whatever the status, is the spent daily quota: `refine` makes it wait until 00:00 GMT.
    kindOfCode: (code) => (code === GLS_ERROR_CODES.quotaViolation ? 'rate_limited' : undefined),
    messages: {
      auth_failed: `GLS rejected the credentials (HTTP ${httpStatus}${said}). Check the client id and secret and that the app has the Track And Trace API.`,
      rate_limited: `GLS is rate limiting requests (HTTP 429${said})`,
      carrier_unavailable: `GLS answered HTTP ${httpStatus}${said}`,
      bad_response: `GLS refused the tracking request (HTTP ${httpStatus}${said})`,
    },
  });
  return glsDailyQuota.refine(error, now);
}

/** The error of a number GLS answered only with a parcel entry holding `errorCode` (`parcel`), or not at all. */
function parcelError(parcel: GlsParcel | undefined, trackingNumber: string, httpStatus: number): WismoError {
  const code = parcel?.errorCode?.trim();
  const options = { carrierId: GLS.id, httpStatus, carrierCodes: code ? [code] : [], trackingNumber };
  if (!code) return new BadResponseError(`GLS's answer has no entry for ${trackingNumber}`, options);
  const said = [code, parcel!.errorMessage?.trim()].filter(Boolean).join(' ');
  if (code.startsWith('E_404'))
    return new NotFoundError(`GLS has no parcel ${trackingNumber} (${said}). New parcels appear once GLS has the parcel data.`, options);
  if (code.startsWith('E_400'))
    return new InvalidNumberError(`GLS does not accept ${trackingNumber} (${said}). Check the number.`, options);
  if (code.startsWith('E_500')) return new CarrierUnavailableError(`GLS could not look up ${trackingNumber} (${said})`, options);
  return new BadResponseError(`GLS answered ${trackingNumber} with an error it does not document (${said})`, options);
}

/** `delivd.parcelshop ` → `DELIVD.PARCELSHOP`. */
const normaliseGlsCode = (code: string | null | undefined): string | null => code?.trim().toUpperCase() || null;

/** An event code as written, normalised and looked up once per text (GLS repeats a few dozen codes); shared, never changed. */
const byEventCode = rememberByText((written: string) => {
  const code = normaliseGlsCode(written);
  const entry = lookupStatus(GLS_EVENT_CODES, code);
  return { code, entry, source: entry ? ('eventCode' as const) : null };
});

/**
 * Maps one GLS event by its `TYPE.REASON` code in `GLS_EVENT_CODES`; else, when it happened at the parcel's `statusDateTime`,
 * by the parcel `status` (`parcelEntry`, looked up once per parcel): GLS publishes its event codes only behind credentials,
 * so a delivery with a code not in our table still reads as delivered; else it stays `unmapped`, its raw code kept.
 */
export function mapGlsEvent(
  writtenCode: string | null | undefined,
  eventDateTime: string | null | undefined,
  parcel: { status?: string | null | undefined; statusDateTime?: string | null | undefined },
  parcelEntry = lookupStatus(GLS_PARCEL_STATUSES, normaliseGlsCode(parcel.status)),
) {
  const byCode = byEventCode(writtenCode ?? '');
  if (byCode.entry || !parcelEntry) return byCode;
  const atStatusChange = eventDateTime?.trim() && eventDateTime.trim() === parcel.statusDateTime?.trim();
  return atStatusChange ? { code: byCode.code, entry: parcelEntry, source: 'parcelStatus' as const } : byCode;
}

/** A GLS parcel as the shipment of `trackingNumber`; `others`, parcels its reference also named (a notification card may), become legs. */
function shipmentOf(parcel: GlsParcel, trackingNumber: string, others: readonly GlsParcel[], fetchedAt: Date, raw: unknown) {
  const status = normaliseGlsCode(parcel.status);
  const carrierStatus = lookupStatus(GLS_PARCEL_STATUSES, status);
  const events = (parcel.events ?? []).map((event) => {
    const mapping = mapGlsEvent(event.code, event.eventDateTime, parcel, carrierStatus);
    return createEvent({
      // ISO 8601 with an offset written without a colon (`+0200`) is an instant; without one it stays local.
      time: parseCarrierDateTime(event.eventDateTime),
      description: event.description,
      code: mapping.code,
      codes: { code: event.code, parcelStatus: mapping.source === 'parcelStatus' ? parcel.status : undefined },
      location: createLocation({ city: event.city, postalCode: event.postalCode, countryCode: event.country }),
      mapped: mapping.entry,
    });
  });
  const atParcelShop = status === 'DELIVEREDPS' || events.some((event) => event.raw.code === 'DELIVD.PARCELSHOP');
  const newestCountry = events.find((event) => event.location?.countryCode)?.location?.countryCode ?? null;
  const otherUnitnos = others.map((other) => other.unitno?.trim()).filter((unitno) => unitno && unitno !== parcel.unitno?.trim());
  const legs = otherUnitnos.map((unitno) => ({ carrier: GLS.id, carrierName: GLS.name, trackingNumber: unitno!, role: 'other' as const }));
  return buildShipment({
    carrier: GLS_CARRIER_ID,
    trackingNumber,
    events,
    // Every GLS example lists events newest first.
    eventsNewestFirst: true,
    carrierStatus,
    // GLS's word for its pickup points; the shop itself comes from the separate deliveryinfo endpoint.
    proofOfDelivery: { deliveryLocation: atParcelShop ? 'GLS ParcelShop' : null },
    legs,
    // Track And Trace V1 names no destination: the newest event's country is where the parcel is now.
    contact: contactFor({ contact: GLS_CONTACT }, newestCountry),
    trackingUrl: glsTrackingUrl(trackingNumber),
    fetchedAt,
    raw,
  });
}

/** Whether a parcel's `unitno` is the parcel `reference` (already through `glsReference`) names. */
function isSameParcel(unitno: string | undefined, reference: string): boolean {
  const unit = glsReference(unitno);
  return unit !== '' && (unit === reference || unit === glsUnitNumber(reference));
}

/**
 * Pure: one Track And Trace answer as an outcome per requested number, in order; never throws. A non-2xx answer fails
 * every number (Apigee QuotaViolation: `rate_limited` until 00:00 GMT), a parcel entry with `E_404_01` is `not_found`.
 */
export function parseGlsTrackResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const fetchedAt = input.fetchedAt ?? new Date();
  if (httpStatus < 200 || httpStatus >= 300) return failAll(trackingNumbers, glsRequestError(httpStatus, body, fetchedAt));
  const response = parseBodyWithSchema(glsTrackResponseSchema, body, GLS, httpStatus);
  if (response instanceof BadResponseError) return failAll(trackingNumbers, response);
  return trackingNumbers.map((trackingNumber) => {
    const reference = glsReference(trackingNumber);
    let answers = response.parcels.filter((parcel) => glsReference(parcel.requested) === reference);
    if (answers.length === 0) answers = response.parcels.filter((parcel) => isSameParcel(parcel.unitno, reference));
    const found = answers.filter((parcel) => !parcel.errorCode?.trim());
    if (found.length === 0) return errorOutcome(trackingNumber, parcelError(answers[0], trackingNumber, httpStatus));
    // The parcel asked for, when the reference is its own number; else the first GLS lists.
    const parcel = found.length === 1 ? found[0]! : (found.find((candidate) => isSameParcel(candidate.unitno, reference)) ?? found[0]!);
    const shipment = shipmentOf(parcel, trackingNumber, found, fetchedAt, input.includeRaw ? body : undefined);
    return { trackingNumber, ok: true, shipment };
  });
}

export interface GlsParcelShop {
  parcelShopId: string;
  /** `GLS_DE`, …: the partner (country organisation) that runs the shop. */
  partnerId: string | null;
  /** GLS's Parcel Shop Management API link with the shop's address and opening hours (needs that API on your app). */
  detailsUrl: string | null;
}

export type GlsParcelShopOutcome =
  | { trackingNumber: string; ok: true; parcelShop: GlsParcelShop; error?: undefined }
  | { trackingNumber: string; ok: false; error: WismoError; parcelShop?: undefined };

/** Pure: one deliveryinfo answer as an outcome. `E_404_02` "No Delivery Info" is `not_found`; `E_400_03` a wrong postal code. */
export function parseGlsDeliveryInfoResponse(httpStatus: number, body: unknown, trackingNumber: string, now: Date): GlsParcelShopOutcome {
  const failed = (error: WismoError) => ({ trackingNumber, ok: false as const, error: error.forTrackingNumber(trackingNumber) });
  if (httpStatus < 200 || httpStatus >= 300) return failed(glsRequestError(httpStatus, body, now));
  const response = parseBodyWithSchema(glsDeliveryInfoResponseSchema, body, GLS, httpStatus);
  if (response instanceof BadResponseError) return failed(response);
  const shop = response.parcelshopDelivery;
  const parcelShopId = shop?.parcelshopId?.trim();
  if (parcelShopId) {
    const partnerId = shop?.partnerId?.trim() || null;
    const detailsUrl = shop?._links?.parcelShopManagement?.href?.trim() || null;
    return { trackingNumber, ok: true, parcelShop: { parcelShopId, partnerId, detailsUrl } };
  }
  const code = response.errorCode?.trim();
  const said = [code, response.errorMessage?.trim()].filter(Boolean).join(' ');
  const options = { carrierId: GLS.id, httpStatus, carrierCodes: code ? [code] : [], trackingNumber };
  if (code === GLS_ERROR_CODES.wrongPostalCode)
    return failed(new InvalidNumberError(`GLS: the postal code does not match parcel ${trackingNumber} (${said}).`, options));
  if (!code || code.startsWith('E_404'))
    return failed(new NotFoundError(`GLS has no ParcelShop delivery for ${trackingNumber}${said ? ` (${said})` : ''}.`, options));
  return failed(new BadResponseError(`GLS answered the delivery-info request for ${trackingNumber} with ${said}`, options));
}
