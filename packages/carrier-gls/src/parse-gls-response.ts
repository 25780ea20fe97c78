import {
  AuthFailedError,
  BadResponseError,
  CarrierUnavailableError,
  InvalidNumberError,
  NotFoundError,
  RateLimitedError,
  WismoError,
  buildShipment,
  contactFor,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  parseCarrierDateTime,
  parseWithSchema,
  type CarrierParseInput,
  type CarrierTime,
  type Leg,
  type Shipment,
  type TrackOutcome,
  type TrackingEvent,
} from '@wismo/core';
import { glsApigeeFaultSchema, glsProblemSchema, glsTrackResponseSchema, type GlsEvent, type GlsParcel } from './gls-api';
import { GLS_CARRIER_ID, GLS_CARRIER_NAME, GLS_CONTACT, glsTrackingUrl } from './gls-carrier';
import { mapNormalisedGlsEvent, mapNormalisedGlsParcelStatus, normaliseGlsCode } from './map-gls-status';

const context = { carrierId: GLS_CARRIER_ID } as const;

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

/** A GLS time: ISO 8601 with an offset written without a colon (`+0200`) is an instant; without one it stays local. */
export function glsTime(value: string | null | undefined): CarrierTime | null {
  return parseCarrierDateTime(value);
}

/**
 * Milliseconds until the next 00:00 GMT. GLS documents a daily quota behind Apigee but not when it resets;
 * Apigee's default quota type resets a day quota at midnight GMT.
 */
export function millisecondsUntilGlsQuotaReset(nowMs: number): number {
  const now = new Date(nowMs);
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - nowMs;
}

/** The message and codes of a GLS error body: Apigee `fault`, or problem details. */
export function describeGlsErrorBody(body: unknown): { message: string | undefined; codes: string[] } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if ('fault' in body) {
    const parsed = glsApigeeFaultSchema.safeParse(body);
    if (!parsed.success) return undefined;
    const code = parsed.data.fault.detail?.errorcode?.trim();
    return { message: parsed.data.fault.faultstring?.trim() || undefined, codes: code ? [code] : [] };
  }
  const problem = glsProblemSchema.safeParse(body);
  if (!problem.success) return undefined;
  const message = [problem.data.title, problem.data.detail]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(': ');
  return message ? { message, codes: [] } : undefined;
}

/** A spent daily quota: `rate_limited`, not worth retrying before the reset. */
export function glsQuotaError(
  httpStatus: number | null,
  nowMs: number,
  carrierCodes: string[] = [GLS_ERROR_CODES.quotaViolation],
): RateLimitedError {
  const resetMs = millisecondsUntilGlsQuotaReset(nowMs);
  return new RateLimitedError(
    `GLS daily request quota is used up (Apigee QuotaViolation, no Retry-After); not calling GLS again until 00:00 GMT (in about ${Math.ceil(resetMs / 3_600_000)} h). The default is 500 requests a day; ask GLS for more.`,
    { ...context, httpStatus, carrierCodes, retryAfterMs: resetMs },
  );
}

/** A whole-request error (any status but 2xx) as a typed error. */
export function glsRequestError(httpStatus: number, body: unknown, nowMs: number): WismoError {
  const described = describeGlsErrorBody(body);
  const codes = described?.codes ?? [];
  const said = described?.message ? `: ${described.message}` : '';
  const options = { ...context, httpStatus, carrierCodes: codes };
  // The rule every parse function follows: 401 and 403 are auth failures whatever the body says.
  if (httpStatus === 401 || httpStatus === 403) {
    return new AuthFailedError(
      `GLS rejected the credentials (HTTP ${httpStatus}${said}). Check the client id and secret and that the app has the Track And Trace API.`,
      options,
    );
  }
  if (codes.includes(GLS_ERROR_CODES.quotaViolation)) return glsQuotaError(httpStatus, nowMs, codes);
  if (httpStatus === 429) return new RateLimitedError(`GLS is rate limiting requests (HTTP 429${said})`, options);
  if (httpStatus >= 500 || httpStatus === 408) return new CarrierUnavailableError(`GLS answered HTTP ${httpStatus}${said}`, options);
  return new BadResponseError(`GLS refused the tracking request (HTTP ${httpStatus}${said})`, options);
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

const SEPARATORS = /[\s-]+/g;

function canonical(value: string | undefined): string {
  return (value ?? '').replace(SEPARATORS, '').toUpperCase();
}

/** A 12-digit parcel number is the 11-digit `unitno` plus its check digit. */
function isSameParcel(unitno: string | undefined, trackingNumber: string): boolean {
  const unit = canonical(unitno);
  return unit !== '' && (unit === trackingNumber || (/^\d{12}$/.test(trackingNumber) && unit === trackingNumber.slice(0, 11)));
}

function eventOf(event: GlsEvent, parcel: GlsParcel) {
  const code = normaliseGlsCode(event.code);
  const mapping = mapNormalisedGlsEvent(code, event.eventDateTime, parcel);
  return createEvent({
    time: glsTime(event.eventDateTime),
    description: event.description,
    code,
    codes: { code: event.code, parcelStatus: mapping.source === 'parcelStatus' ? parcel.status : undefined },
    location: createLocation({ city: event.city, postalCode: event.postalCode, countryCode: event.country }),
    mapped: mapping.entry,
  });
}

const PARCEL_SHOP_STATUS = 'DELIVEREDPS';
const PARCEL_SHOP_EVENT = 'DELIVD.PARCELSHOP';

/**
 * Normalises one GLS parcel. `others` are further parcels the same reference named (a notification card
 * can cover several): they are kept as legs so the caller can track them.
 */
export function normaliseGlsParcel(
  parcel: GlsParcel,
  trackingNumber: string,
  options: { fetchedAt?: Date; raw?: unknown; others?: readonly GlsParcel[] } = {},
): Shipment {
  // One loop, not flatMap (ten times the cost on Node 20) nor filter and map (an array between).
  const events: TrackingEvent[] = [];
  for (const event of parcel.events ?? []) if (event !== null) events.push(eventOf(event, parcel));
  const status = normaliseGlsCode(parcel.status);
  const atParcelShop = status === PARCEL_SHOP_STATUS || events.some((event) => event.raw.code === PARCEL_SHOP_EVENT);
  const newestCountry = events.find((event) => event.location?.countryCode)?.location?.countryCode ?? null;
  const ownUnitno = parcel.unitno?.trim();
  const legs: Leg[] = [];
  for (const other of options.others ?? []) {
    const unitno = other.unitno?.trim();
    if (unitno && unitno !== ownUnitno)
      legs.push({ carrier: GLS_CARRIER_ID, carrierName: GLS_CARRIER_NAME, trackingNumber: unitno, role: 'other' });
  }
  return buildShipment({
    carrier: GLS_CARRIER_ID,
    trackingNumber,
    events,
    // Every GLS example lists events newest first.
    eventsNewestFirst: true,
    carrierStatus: mapNormalisedGlsParcelStatus(status),
    // GLS's word for its pickup points; the shop itself comes from the separate deliveryinfo endpoint.
    proofOfDelivery: { deliveryLocation: atParcelShop ? 'GLS ParcelShop' : null },
    legs,
    // Track And Trace V1 names no destination: the newest event's country is where the parcel is now.
    contact: contactFor({ contact: GLS_CONTACT }, newestCountry),
    trackingUrl: glsTrackingUrl(trackingNumber),
    fetchedAt: options.fetchedAt,
    raw: options.raw,
  });
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

  let parcels: GlsParcel[];
  try {
    parcels = parseWithSchema(glsTrackResponseSchema, body, GLS_CARRIER_NAME, GLS_CARRIER_ID, httpStatus).parcels.filter(
      (parcel): parcel is GlsParcel => parcel !== null,
    );
  } catch (error) {
    if (WismoError.isInstance(error)) return failAll(trackingNumbers, error);
    throw error;
  }

  // Each parcel's reference is made canonical once, not once per requested number.
  const requested = parcels.map((parcel) => canonical(parcel.requested));
  return trackingNumbers.map((trackingNumber) => {
    const number = canonical(trackingNumber);
    let answers = parcels.filter((_, index) => requested[index] === number);
    if (answers.length === 0) answers = parcels.filter((parcel) => isSameParcel(parcel.unitno, number));
    if (answers.length === 0) {
      return errorOutcome(
        trackingNumber,
        new BadResponseError(`GLS's answer has no entry for ${trackingNumber}`, { ...context, httpStatus, trackingNumber }),
      );
    }
    const found = answers.filter((parcel) => !parcel.errorCode?.trim());
    if (found.length === 0) return errorOutcome(trackingNumber, parcelError(answers[0]!, trackingNumber, httpStatus));
    // The parcel asked for, when the reference is its own number; else the first GLS lists.
    const parcel = found.length === 1 ? found[0]! : (found.find((candidate) => isSameParcel(candidate.unitno, number)) ?? found[0]!);
    const shipment = normaliseGlsParcel(parcel, trackingNumber, { fetchedAt, raw: input.includeRaw ? body : undefined, others: found });
    return { trackingNumber, ok: true, shipment };
  });
}
