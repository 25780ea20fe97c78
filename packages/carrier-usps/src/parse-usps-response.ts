import {
  AuthFailedError,
  BadResponseError,
  InvalidNumberError,
  NotFoundError,
  approximateEpochMs,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  parseWithSchema,
  successOutcome,
  type CarrierParseInput,
  type Leg,
  type Location,
  type TrackOutcome,
  type TrackingEvent,
  WismoError,
} from '@wismo/core';
import { mapUspsEvent, mapUspsStatusCategory } from './map-usps-status';
import {
  uspsErrorSchema,
  uspsTrackingDetailsSchema,
  type UspsErrorBody,
  type UspsTrackingDetails,
  type UspsTrackingEvent,
} from './usps-api';
import {
  USPS_EVENT_CODE_MEANINGS,
  USPS_PARTNER_LEG_CODES,
  USPS_TRACKING_ERROR_CODES,
  USPS_TRACKING_ERROR_FAMILY,
} from './usps-status-tables';
import { USPS_CARRIER_ID, USPS_CARRIER_NAME, USPS_CONTACT, uspsTrackingUrl } from './usps-constants';
import { uspsEstimatedDelivery, uspsEventTime } from './usps-time';

/**
 * The longest carrier text kept, in characters; longer ones are cut and end in "…". USPS texts are short (the
 * longest seen is under 200); the cap bounds the work a hostile response can ask for.
 */
export const USPS_MAX_TEXT_LENGTH = 1_000;
// Linear patterns only: none may rescan the text from every `<` or every space (that was quadratic).
const SUP_BLOCK = /<sup>[^<]*<\/sup>/gi;
const HTML_TAG = /<[^<>]*>/g;
const WHITESPACE = /\s+/g;
const AMPERSAND = /&amp;/g;
const TRADEMARK_ENTITY = /&(reg|trade|#174|#153|#8482);?/gi;
/** USPS prefixes some messages with an internal number ("12: A status update…"). */
const LEADING_NUMBER = /^\d+:\s*/;
/** A code, not a sentence: only such values go into `carrierCodes`. */
const ERROR_CODE = /^[A-Za-z0-9_.:-]{1,80}$/;
/** RFC 6749 §5.2 and RFC 6750 §3.1 error codes, and the gateway's own word: all mean the credentials failed. */
const AUTH_ERROR_CODES = new Set([
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'invalid_token',
  'insufficient_scope',
  'unauthorized',
]);
const DELIVERED_PREFIX = /^delivered\s*,\s*/i;
const TRACKING_NUMBER_WORDS = /tracking\s*(number|id|#)|trackingnumber/i;

/**
 * Pure: one USPS Tracking v3 response (status + parsed body) → one outcome per requested number.
 * Never throws for a surprising payload: it becomes `bad_response` or an `unmapped` event.
 */
export function parseUspsTrackResponse(input: CarrierParseInput): TrackOutcome[] {
  const { trackingNumbers } = input;
  try {
    return answer(input);
  } catch (error) {
    if (WismoError.isInstance(error)) return failAll(trackingNumbers, error);
    const unexpected = new BadResponseError(
      `${USPS_CARRIER_NAME} response could not be read: ${(error as Error)?.message ?? String(error)}`,
      {
        carrierId: USPS_CARRIER_ID,
        httpStatus: input.httpStatus,
      },
    );
    return failAll(trackingNumbers, unexpected);
  }
}

function answer(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const record = isRecord(body) ? body : null;

  if (record && 'error' in record) {
    const parsed = uspsErrorSchema.safeParse(record);
    if (parsed.success) return trackingNumbers.map((number) => errorOutcome(number, errorFromBody(httpStatus, parsed.data, number)));
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    const options = { carrierId: USPS_CARRIER_ID, httpStatus };
    const error =
      httpStatus === 404
        ? new NotFoundError(`${USPS_CARRIER_NAME} has no tracking information for this number (HTTP 404)`, options)
        : httpStatus === 401 || httpStatus === 403
          ? new AuthFailedError(
              `${USPS_CARRIER_NAME} rejected the credentials (HTTP ${httpStatus}). Check USPS_CLIENT_ID, USPS_CLIENT_SECRET and that the app has the Tracking API.`,
              options,
            )
          : new BadResponseError(`${USPS_CARRIER_NAME} answered HTTP ${httpStatus} without a readable error body`, options);
    return failAll(trackingNumbers, error);
  }
  if (record && isRecord(record.TrackResults)) {
    throw new BadResponseError(
      `${USPS_CARRIER_NAME} answered with the legacy summary shape (TrackResults/TrackInfo), which carries one sentence and no events; ` +
        'the adapter asks /tracking/v3/tracking/{number}?expand=DETAIL, so check that baseUrl is the USPS API origin (https://apis.usps.com) and not a proxy of the old API',
      { carrierId: USPS_CARRIER_ID, httpStatus },
    );
  }
  if (record && !('trackingEvents' in record) && Array.isArray(record.eventSummaries)) {
    throw new BadResponseError(
      `${USPS_CARRIER_NAME} answered with the summary shape (eventSummaries) instead of the detail shape; the request must use expand=DETAIL`,
      {
        carrierId: USPS_CARRIER_ID,
        httpStatus,
      },
    );
  }
  if (!record || !looksLikeDetails(record)) {
    throw new BadResponseError(
      `${USPS_CARRIER_NAME} response did not have the expected shape (no trackingEvents, trackingNumber or status)`,
      {
        carrierId: USPS_CARRIER_ID,
        httpStatus,
      },
    );
  }
  const details = parseWithSchema(uspsTrackingDetailsSchema, record, USPS_CARRIER_NAME, USPS_CARRIER_ID, httpStatus);
  const answered = pickAnsweredNumber(details.trackingNumber, trackingNumbers);
  return trackingNumbers.map((number) =>
    number === answered
      ? successOutcome(toShipment(details, number, input))
      : errorOutcome(
          number,
          new BadResponseError(`${USPS_CARRIER_NAME} answered for one number only (${answered}); track each number in its own request`, {
            carrierId: USPS_CARRIER_ID,
            httpStatus,
          }),
        ),
  );
}

function looksLikeDetails(record: Record<string, unknown>): boolean {
  if (Array.isArray(record.trackingEvents)) return true;
  return typeof record.trackingNumber === 'string' && (typeof record.statusCategory === 'string' || typeof record.status === 'string');
}

function compact(number: string): string {
  return number.replace(WHITESPACE, '').toUpperCase();
}

function pickAnsweredNumber(answered: string | null | undefined, requested: readonly string[]): string | undefined {
  if (answered) {
    const wanted = compact(answered);
    const match = requested.find((number) => compact(number) === wanted);
    if (match !== undefined) return match;
  }
  return requested[0];
}

function toShipment(details: UspsTrackingDetails, trackingNumber: string, input: CarrierParseInput) {
  const rawEvents = details.trackingEvents ?? [];
  const events: TrackingEvent[] = [];
  const legs: Leg[] = [];
  let delivered: { event: TrackingEvent; raw: UspsTrackingEvent } | null = null;
  let named: UspsTrackingEvent | undefined;

  const locations: CachedLocation[] = [];

  for (const raw of rawEvents) {
    const code = eventCodeOf(raw.eventCode);
    const eventType = cleanText(raw.eventType);
    const mapped = mapUspsEvent({ eventCode: code, eventType, name: raw.name });
    const event = createEvent({
      time: uspsEventTime(raw),
      description: eventType ?? (code ? USPS_EVENT_CODE_MEANINGS[code] : undefined) ?? '',
      code,
      codes:
        raw.actionCode || raw.reasonCode
          ? { eventCode: code, actionCode: raw.actionCode, reasonCode: raw.reasonCode }
          : { eventCode: code },
      location: placeOf(raw.eventCity, raw.eventState, raw.eventZIP, raw.eventCountry, locations),
      mapped,
    });
    events.push(event);
    if (!named && cleanText(raw.name)) named = raw;
    if (event.status === 'delivered' && (!delivered || approximateEpochMs(event) > approximateEpochMs(delivered.event)))
      delivered = { event, raw };
    const legRole = code ? USPS_PARTNER_LEG_CODES[code] : undefined;
    if (legRole && !legs.some((leg) => leg.role === legRole)) {
      legs.push({
        carrier: 'usps-shipping-partner',
        carrierName: 'USPS shipping partner (not named by USPS)',
        trackingNumber: null,
        role: legRole,
      });
    }
  }

  const proofEnabled = truthy(details.proofOfDeliveryEnabled) || truthy(details.trackingProofOfDeliveryEnabled);
  // The signer as USPS sent it, whatever the status: the delivery's, else the first (newest) event that names one.
  const signed = delivered?.raw.name ? delivered.raw : named;
  const signerName = cleanText(signed?.name);
  const firm = cleanText(signed?.firm);
  // `firm` is the company delivered to; it qualifies the signer rather than replacing one.
  const signer = signerName && firm ? `${signerName} (${firm})` : signerName;
  const serviceName = cleanText(details.mailClass);
  const shipment = buildShipment({
    carrier: USPS_CARRIER_ID,
    trackingNumber,
    events,
    eventsNewestFirst: true,
    carrierStatus: mapUspsStatusCategory(details.statusCategory),
    estimatedDelivery: uspsEstimatedDelivery(details),
    signedBy: signer,
    proofOfDelivery: {
      available: proofEnabled,
      signatureAvailable: proofEnabled && signer !== null,
      url: null,
      deliveryLocation: delivered ? deliveryLocation(delivered.event.description) : null,
    },
    service: { code: cleanText(details.serviceTypeCode), name: serviceName },
    origin: placeOf(details.originCity, details.originState, details.originZIP, details.originCountry, locations),
    destination: placeOf(
      details.destinationCity,
      details.destinationState,
      details.destinationZIP,
      details.destinationCountryCode,
      locations,
    ),
    legs,
    contact: USPS_CONTACT.default,
    trackingUrl: uspsTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? input.body : undefined,
  });
  // Delivered back to the sender: core fills deliveredAt for deliveries only.
  if (shipment.status === 'returned' && !shipment.deliveredAt) shipment.deliveredAt = shipment.statusSince;
  return shipment;
}

function eventCodeOf(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const code = String(value).trim().toUpperCase();
  return code === '' ? null : code;
}

interface CachedLocation {
  city: string | null | undefined;
  state: string | null | undefined;
  zip: string | null | undefined;
  country: string | null | undefined;
  location: Location | null;
}

/**
 * A place as core's `createLocation` builds it, with `raw` as USPS wrote the parts ("HERNANDO, FL, 34442"). Events,
 * origin and destination repeat a handful of places: each is built once per response and every use gets a copy.
 */
function placeOf(
  city: string | null | undefined,
  state: string | null | undefined,
  zip: string | null | undefined,
  country: string | null | undefined,
  cache: CachedLocation[],
): Location | null {
  let cached: CachedLocation | undefined;
  for (const entry of cache) {
    if (entry.city === city && entry.state === state && entry.zip === zip && entry.country === country) {
      cached = entry;
      break;
    }
  }
  if (!cached) {
    let joined = '';
    for (const part of [city, state, zip, country]) {
      const trimmed = typeof part === 'string' ? part.trim() : '';
      if (trimmed !== '') joined = joined === '' ? trimmed : `${joined}, ${trimmed}`;
    }
    const location = joined === '' ? null : createLocation({ city, region: state, postalCode: zip, countryCode: country, raw: joined });
    cached = { city, state, zip, country, location };
    cache.push(cached);
  }
  return cached.location ? { ...cached.location } : null;
}

/** "Delivered, Parcel Locker" → "Parcel Locker"; a bare "Delivered" says nothing about the place. */
function deliveryLocation(description: string): string | null {
  if (!DELIVERED_PREFIX.test(description)) return null;
  const place = description.replace(DELIVERED_PREFIX, '').trim();
  return place === '' ? null : place;
}

function truthy(value: boolean | string | null | undefined): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** USPS texts carry HTML (`Priority Mail<SUP>&reg;</SUP>`); the trademark marks are dropped. */
export function cleanText(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  let cleaned = value.length > USPS_MAX_TEXT_LENGTH ? `${value.slice(0, USPS_MAX_TEXT_LENGTH).trimEnd()}…` : value;
  // Plain text (nearly every event) only needs trimming; markup removal may leave double spaces.
  if (cleaned.includes('<') || cleaned.includes('&')) {
    cleaned = cleaned
      .replace(SUP_BLOCK, '')
      .replace(HTML_TAG, '')
      .replace(AMPERSAND, '&')
      .replace(TRADEMARK_ENTITY, '')
      .replace(WHITESPACE, ' ');
  }
  cleaned = cleaned.trim();
  return cleaned === '' ? null : cleaned;
}

/** The codes of an error body, the items' first. Codes only: a gateway's `error` may be a sentence that echoes what was sent. */
function errorCodes(body: UspsErrorBody): { subCodes: string[]; carrierCodes: string[] } {
  const error = body.error;
  const subCodes = (typeof error === 'string' ? [] : (error.errors ?? [])).map((item) => String(item.code ?? '').trim()).filter(Boolean);
  const topCode = typeof error === 'string' ? error : String(error.code ?? '');
  return { subCodes, carrierCodes: [...new Set([...subCodes, topCode])].filter((code) => ERROR_CODE.test(code)) };
}

/** USPS's message and codes from the text of an error body, for the transport's auth and 5xx errors. */
export function describeUspsErrorBody(text: string): { message?: string; codes?: string[] } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const body = uspsErrorSchema.safeParse(parsed);
  return body.success ? { message: errorDetail(body.data) ?? undefined, codes: errorCodes(body.data).carrierCodes } : undefined;
}

function errorFromBody(httpStatus: number, body: UspsErrorBody, trackingNumber: string): WismoError {
  const items = typeof body.error === 'string' ? [] : (body.error.errors ?? []);
  const { subCodes, carrierCodes } = errorCodes(body);
  const detail = errorDetail(body);
  const said = detail ? `: ${detail}` : '';
  const options = { carrierId: USPS_CARRIER_ID, httpStatus, carrierCodes, trackingNumber };

  if (httpStatus === 401 || httpStatus === 403 || carrierCodes.some((code) => AUTH_ERROR_CODES.has(code.toLowerCase()))) {
    return new AuthFailedError(
      `${USPS_CARRIER_NAME} rejected the credentials (HTTP ${httpStatus}${said}). Check USPS_CLIENT_ID, USPS_CLIENT_SECRET and that the app has the Tracking API.`,
      options,
    );
  }
  for (const code of subCodes) {
    const known = USPS_TRACKING_ERROR_CODES[code];
    if (known?.outcome === 'invalid_number') {
      return new InvalidNumberError(`${USPS_CARRIER_NAME} says ${trackingNumber} is not a tracking number (${code}${said})`, options);
    }
    if (known || USPS_TRACKING_ERROR_FAMILY.test(code)) {
      return new NotFoundError(
        `${USPS_CARRIER_NAME} has no tracking information for ${trackingNumber} yet (${code}${said}). New labels can take a while to appear; check the number and try again later.`,
        options,
      );
    }
  }
  if (httpStatus === 404) {
    return new NotFoundError(`${USPS_CARRIER_NAME} has no tracking information for ${trackingNumber} (HTTP 404${said})`, options);
  }
  const aboutTheNumber =
    items.some((item) => TRACKING_NUMBER_WORDS.test(cleanText(item.source?.parameter) ?? '')) || TRACKING_NUMBER_WORDS.test(detail ?? '');
  if (httpStatus === 400 && aboutTheNumber) {
    return new InvalidNumberError(`${USPS_CARRIER_NAME} rejected ${trackingNumber} as a tracking number (HTTP 400${said})`, options);
  }
  return new BadResponseError(`${USPS_CARRIER_NAME} refused the tracking request (HTTP ${httpStatus}${said})`, options);
}

/** The most useful human text of an error body, HTML stripped. */
export function errorDetail(body: UspsErrorBody): string | null {
  const error = body.error;
  const candidates: Array<string | null | undefined> = [];
  if (typeof error !== 'string') {
    for (const item of error.errors ?? []) candidates.push(item.detail, item.title);
    candidates.push(error.message);
  } else {
    candidates.push(body.error_description, body.message, error);
  }
  for (const candidate of candidates) {
    const cleaned = withoutTrailingDash(cleanText(candidate))?.replace(LEADING_NUMBER, '');
    if (cleaned) return cleaned;
  }
  return null;
}

/** "Status not available -" → "Status not available", without a pattern that rescans every space. */
function withoutTrailingDash(text: string | null): string | null {
  if (text === null) return null;
  const trimmed = text.trimEnd();
  return trimmed.endsWith('-') ? trimmed.slice(0, -1).trimEnd() : trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
