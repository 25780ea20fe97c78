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
  type Leg,
  type StatusTableEntry,
  type TrackOutcome,
  type TrackingEvent,
  type WismoError,
} from '@wismo/core';
import {
  dailyQuota,
  millisecondsUntilUtcMidnight,
  parseBodyWithSchema,
  readGatewayErrorBody,
  rememberByText,
  requestError,
} from '@wismo/core/internal';
import { glsDeliveryInfoResponseSchema, glsTrackResponseSchema, type GlsEvent, type GlsParcel } from './gls-api';
import { GLS_CARRIER_ID, GLS_CARRIER_NAME, GLS_CONTACT, glsTrackingUrl } from './gls-carrier';
import { GLS_EVENT_CODES, GLS_PARCEL_STATUSES } from './gls-status-tables';

const context = { carrierId: GLS_CARRIER_ID } as const;
const GLS = { id: GLS_CARRIER_ID, name: GLS_CARRIER_NAME };

/** Per-parcel `errorCode` values (spec 1.0.7 `ParcelErrorCodeDTO`) and the Apigee fault codes this package reads. */
export const GLS_ERROR_CODES = {
  badRequest: 'E_400_01',
  limitSizeExceeded: 'E_400_02',
  wrongPostalCode: 'E_400_03',
  resourceNotFound: 'E_404_01',
  noDeliveryInfo: 'E_404_02',
  internalServerError: 'E_500_01',
  quotaViolation: 'policies.ratelimit.QuotaViolation',
  tokenExpired: 'steps.jwt.TokenExpired',
} as const;

const SEPARATORS = /[\s-]+/g;
const CANONICAL = /^[A-Z0-9_]*$/;

/** A number as GLS takes it: without spaces and dashes, upper case. Most are written so already, and kept. */
export function glsReference(value: string | null | undefined): string {
  if (!value) return '';
  return CANONICAL.test(value) ? value : value.replace(SEPARATORS, '').toUpperCase();
}

/** A 12-digit parcel number is the 11-digit `unitno` plus its check digit; any other reference stays as it is. */
export function glsUnitNumber(reference: string): string {
  return /^\d{12}$/.test(reference) ? reference.slice(0, 11) : reference;
}

/**
 * Milliseconds until the next 00:00 GMT. GLS documents a daily quota behind Apigee but not when it resets;
 * Apigee's default quota type resets a day quota at midnight GMT.
 */
export const millisecondsUntilGlsQuotaReset = millisecondsUntilUtcMidnight;

/** GLS's daily quota (500 requests by default): Apigee's QuotaViolation, without Retry-After, spent until 00:00 GMT. */
export const glsDailyQuota = dailyQuota({
  carrierId: GLS_CARRIER_ID,
  code: GLS_ERROR_CODES.quotaViolation,
  message: (resetMs) =>
    `GLS daily request quota is used up (Apigee QuotaViolation, no Retry-After); not calling GLS again until 00:00 GMT (in about ${Math.ceil(resetMs / 3_600_000)} h). The default is 500 requests a day; ask GLS for more.`,
  pausedMessage: (waitMs) =>
    `GLS's daily quota was used up; not calling GLS again for ${Math.ceil(waitMs / 60_000)} min (until 00:00 GMT).`,
});

/** A whole-request error (any status but 2xx) as a typed error; a 404 is a wrong path (a missing parcel comes in a 200). */
function glsRequestError(httpStatus: number, body: unknown, nowMs: number): WismoError {
  const described = readGatewayErrorBody(body);
  const carrierCodes = described?.codes ?? [];
  const said = described?.message ? `: ${described.message}` : '';
  const credentialsRefused = httpStatus === 401 || httpStatus === 403;
  if (!credentialsRefused && carrierCodes.includes(GLS_ERROR_CODES.quotaViolation))
    return glsDailyQuota.spentError(httpStatus, carrierCodes, nowMs);
  return requestError({
    carrierId: GLS_CARRIER_ID,
    httpStatus,
    carrierCodes,
    messages: {
      auth_failed: `GLS rejected the credentials (HTTP ${httpStatus}${said}). Check the client id and secret and that the app has the Track And Trace API.`,
      rate_limited: `GLS is rate limiting requests (HTTP 429${said})`,
      carrier_unavailable: `GLS answered HTTP ${httpStatus}${said}`,
      bad_response: `GLS refused the tracking request (HTTP ${httpStatus}${said})`,
    },
  });
}

/** A parcel entry holding `errorCode` instead of data. */
function parcelError(parcel: GlsParcel, trackingNumber: string, httpStatus: number): WismoError {
  const code = parcel.errorCode!.trim();
  const said = [code, parcel.errorMessage?.trim()].filter(Boolean).join(' ');
  const options = { ...context, httpStatus, carrierCodes: [code], trackingNumber };
  if (code === GLS_ERROR_CODES.resourceNotFound || code === GLS_ERROR_CODES.noDeliveryInfo) {
    return new NotFoundError(`GLS has no parcel ${trackingNumber} (${said}). New parcels appear once GLS has the parcel data.`, options);
  }
  if (code.startsWith('E_400'))
    return new InvalidNumberError(`GLS does not accept ${trackingNumber} (${said}). Check the number.`, options);
  if (code.startsWith('E_500')) return new CarrierUnavailableError(`GLS could not look up ${trackingNumber} (${said})`, options);
  return new BadResponseError(`GLS answered ${trackingNumber} with an error it does not document (${said})`, options);
}

/** `delivd.parcelshop ` → `DELIVD.PARCELSHOP`. */
function normaliseGlsCode(code: string | null | undefined): string | null {
  const trimmed = code?.trim();
  return trimmed ? trimmed.toUpperCase() : null;
}

export interface GlsEventMapping {
  /** The event's code through `normaliseGlsCode`, kept as its raw code. */
  readonly code: string | null;
  /** The entry that decided, or undefined: the event is kept `unmapped` with its raw code. */
  readonly entry: StatusTableEntry | undefined;
  readonly source: 'eventCode' | 'parcelStatus' | null;
}

/** An event code as written, normalised and looked up once per text (GLS repeats a few dozen codes); shared, never changed. */
const byEventCode = rememberByText((written: string): GlsEventMapping => {
  const code = normaliseGlsCode(written);
  const entry = lookupStatus(GLS_EVENT_CODES, code);
  return { code, entry, source: entry ? 'eventCode' : null };
});

/**
 * Maps one GLS event (`parcelEntry`: the parcel status's entry, which `shipmentOf` looks up once per parcel):
 * 1. its `TYPE.REASON` code in `GLS_EVENT_CODES`;
 * 2. else, when the event happened at the parcel's `statusDateTime`, the parcel `status` (GLS's own
 *    classification of that status change, from the fully documented enum): GLS publishes its event-code
 *    list only behind credentials, so a delivery with a code not in our table still reads as delivered;
 * 3. else nothing: `createEvent` keeps it as `unknown` with `unmapped: true` and the raw code.
 */
export function mapGlsEvent(
  writtenCode: string | null | undefined,
  eventDateTime: string | null | undefined,
  parcel: { status?: string | null | undefined; statusDateTime?: string | null | undefined },
  parcelEntry = lookupStatus(GLS_PARCEL_STATUSES, normaliseGlsCode(parcel.status)),
): GlsEventMapping {
  const byCode = byEventCode(writtenCode ?? '');
  if (byCode.entry || !parcelEntry) return byCode;
  const atStatusChange = eventDateTime?.trim() && eventDateTime.trim() === parcel.statusDateTime?.trim();
  return atStatusChange ? { code: byCode.code, entry: parcelEntry, source: 'parcelStatus' } : byCode;
}

function eventOf(event: GlsEvent, parcel: GlsParcel, parcelEntry: StatusTableEntry | undefined): TrackingEvent {
  const mapping = mapGlsEvent(event.code, event.eventDateTime, parcel, parcelEntry);
  return createEvent({
    // ISO 8601 with an offset written without a colon (`+0200`) is an instant; without one it stays local.
    time: parseCarrierDateTime(event.eventDateTime),
    description: event.description,
    code: mapping.code,
    codes: { code: event.code, parcelStatus: mapping.source === 'parcelStatus' ? parcel.status : undefined },
    location: createLocation({ city: event.city, postalCode: event.postalCode, countryCode: event.country }),
    mapped: mapping.entry,
  });
}

const PARCEL_SHOP_STATUS = 'DELIVEREDPS';
const PARCEL_SHOP_EVENT = 'DELIVD.PARCELSHOP';

/**
 * One GLS parcel as the shipment of `trackingNumber`. `others` are further parcels the same reference named (a
 * notification card can cover several): they are kept as legs so the caller can track them.
 */
function shipmentOf(parcel: GlsParcel, trackingNumber: string, others: readonly GlsParcel[], fetchedAt: Date, raw: unknown) {
  const status = normaliseGlsCode(parcel.status);
  const carrierStatus = lookupStatus(GLS_PARCEL_STATUSES, status);
  // One loop, not flatMap (ten times the cost on Node 20) nor filter and map (an array between).
  const events: TrackingEvent[] = [];
  for (const event of parcel.events ?? []) if (event !== null) events.push(eventOf(event, parcel, carrierStatus));
  const atParcelShop = status === PARCEL_SHOP_STATUS || events.some((event) => event.raw.code === PARCEL_SHOP_EVENT);
  const newestCountry = events.find((event) => event.location?.countryCode)?.location?.countryCode ?? null;
  const ownUnitno = parcel.unitno?.trim();
  const legs: Leg[] = [];
  for (const other of others) {
    const unitno = other.unitno?.trim();
    if (unitno && unitno !== ownUnitno) legs.push({ carrier: GLS.id, carrierName: GLS.name, trackingNumber: unitno, role: 'other' });
  }
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
 * Pure: turns one Track And Trace answer into an outcome per requested number, in order. Never throws for
 * a carrier problem: a non-2xx answer fails every number of the request (401/403 `auth_failed`, Apigee
 * QuotaViolation `rate_limited` until 00:00 GMT), a parcel entry with `E_404_01` is `not_found`, a body
 * without `parcels` is `bad_response`.
 */
export function parseGlsTrackResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const fetchedAt = input.fetchedAt ?? new Date();
  if (httpStatus < 200 || httpStatus >= 300) return failAll(trackingNumbers, glsRequestError(httpStatus, body, fetchedAt.getTime()));
  const response = parseBodyWithSchema(glsTrackResponseSchema, body, GLS, httpStatus);
  if (response instanceof BadResponseError) return failAll(trackingNumbers, response);
  const parcels = response.parcels.filter((parcel): parcel is GlsParcel => parcel !== null);
  // Each parcel's reference is made canonical once, not once per requested number.
  const requested = parcels.map((parcel) => glsReference(parcel.requested));
  return trackingNumbers.map((trackingNumber) => {
    const reference = glsReference(trackingNumber);
    let answers = parcels.filter((_, index) => requested[index] === reference);
    if (answers.length === 0) answers = parcels.filter((parcel) => isSameParcel(parcel.unitno, reference));
    if (answers.length === 0) {
      const error = new BadResponseError(`GLS's answer has no entry for ${trackingNumber}`, { ...context, httpStatus, trackingNumber });
      return errorOutcome(trackingNumber, error);
    }
    const found = answers.filter((parcel) => !parcel.errorCode?.trim());
    if (found.length === 0) return errorOutcome(trackingNumber, parcelError(answers[0]!, trackingNumber, httpStatus));
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
export function parseGlsDeliveryInfoResponse(
  httpStatus: number,
  body: unknown,
  trackingNumber: string,
  nowMs: number,
): GlsParcelShopOutcome {
  const failed = (error: WismoError): GlsParcelShopOutcome => ({
    trackingNumber,
    ok: false,
    error: error.forTrackingNumber(trackingNumber),
  });
  if (httpStatus < 200 || httpStatus >= 300) return failed(glsRequestError(httpStatus, body, nowMs));
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
  const options = { ...context, httpStatus, carrierCodes: code ? [code] : [], trackingNumber };
  if (code === GLS_ERROR_CODES.wrongPostalCode)
    return failed(new InvalidNumberError(`GLS: the postal code does not match parcel ${trackingNumber} (${said}).`, options));
  if (!code || code.startsWith('E_404'))
    return failed(new NotFoundError(`GLS has no ParcelShop delivery for ${trackingNumber}${said ? ` (${said})` : ''}.`, options));
  return failed(new BadResponseError(`GLS answered the delivery-info request for ${trackingNumber} with ${said}`, options));
}
