import {
  AuthFailedError,
  BadResponseError,
  InvalidNumberError,
  NotFoundError,
  approximateEpochMs,
  buildShipment,
  createEvent,
  createLocation,
  dateOnly,
  errorOutcome,
  formatInstantAtOffset,
  formatOffset,
  instantTime,
  lookupStatus,
  normaliseOffset,
  parseCarrierDateTime,
  parseWithSchema,
  successOutcome,
  type CarrierParseInput,
  type CarrierTime,
  type EstimatedDelivery,
  type StatusTableEntry,
  type TrackOutcome,
  type TrackingEvent,
  type WismoError,
} from '@wismo/core';
import { carrierEstimate, clockTime, errorCodesOf, hasAuthErrorCode, neverThrowing, readJsonErrorBody } from '@wismo/core/internal';
import {
  uspsErrorSchema,
  uspsTrackingDetailsSchema,
  type UspsErrorBody,
  type UspsTrackingDetails,
  type UspsTrackingEvent,
} from './usps-api';
import { USPS_CARRIER_ID, USPS_CARRIER_NAME, USPS_CONTACT, uspsTrackingUrl } from './usps-carrier';
import {
  USPS_DELIVERED_REFINEMENTS,
  USPS_EVENT_CODES,
  USPS_EVENT_CODE_MEANINGS,
  USPS_EVENT_TYPES,
  USPS_PARTNER_LEG_CODES,
  USPS_SIGNED_DELIVERY,
  USPS_STATUS_CATEGORIES,
  USPS_TRACKING_ERROR_CODES,
  USPS_TRACKING_ERROR_FAMILY,
} from './usps-status-tables';

/** The longest carrier text kept, in characters, then "…": USPS texts are under 200; the cap bounds a hostile response's cost. */
export const USPS_MAX_TEXT_LENGTH = 1_000;
// Linear patterns only: none may rescan the text from every `<` or every space (that was quadratic).
const SUP_BLOCK = /<sup>[^<]*<\/sup>/gi;
const HTML_TAG = /<[^<>]*>/g;
const WHITESPACE = /\s+/g;
const TRADEMARK_ENTITY = /&(reg|trade|#174|#153|#8482);?/gi;
/** USPS prefixes some messages with an internal number ("12: A status update…"). */
const LEADING_NUMBER = /^\d+:\s*/;
const DELIVERED_PREFIX = /^delivered\s*,\s*/i;
const TRACKING_NUMBER_WORDS = /tracking\s*(number|id|#)|trackingnumber/i;
const GMT_HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
/** `-7` and `-700` as USPS may write them (the spec's example is `-7:00`): core reads two-digit hours. */
const SINGLE_DIGIT_HOUR = /^([+-])(\d)(?=$|:?\d{2}$)/;
const MINUTE_MS = 60_000;
const CHECK_CREDENTIALS = 'Check USPS_CLIENT_ID, USPS_CLIENT_SECRET and that the app has the Tracking API.';
const carrier = { carrierId: USPS_CARRIER_ID };

/**
 * Pure: one USPS Tracking v3 response (status + parsed body) → one outcome per requested number.
 * Never throws for a surprising payload: it becomes `bad_response` or an `unmapped` event.
 */
export const parseUspsTrackResponse = neverThrowing({ id: USPS_CARRIER_ID, name: USPS_CARRIER_NAME }, answer);

function answer(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const record = isRecord(body) ? body : null;
  const errorBody = record && 'error' in record ? uspsErrorSchema.safeParse(record) : undefined;
  if (errorBody?.success || httpStatus < 200 || httpStatus >= 300) {
    return trackingNumbers.map((number) => errorOutcome(number, errorFromBody(httpStatus, errorBody?.data ?? null, number)));
  }
  if (isRecord(record?.TrackResults)) {
    throw badResponse(
      httpStatus,
      'answered with the legacy summary shape (TrackResults/TrackInfo), which carries one sentence and no events; ' +
        'the adapter asks /tracking/v3/tracking/{number}?expand=DETAIL, so check that baseUrl is the USPS API origin (https://apis.usps.com) and not a proxy of the old API',
    );
  }
  if (record && !('trackingEvents' in record) && Array.isArray(record.eventSummaries))
    throw badResponse(
      httpStatus,
      'answered with the summary shape (eventSummaries) instead of the detail shape; the request must use expand=DETAIL',
    );
  const looksLikeDetails =
    Array.isArray(record?.trackingEvents) ||
    (typeof record?.trackingNumber === 'string' && (typeof record.statusCategory === 'string' || typeof record.status === 'string'));
  if (!looksLikeDetails)
    throw badResponse(httpStatus, 'response did not have the expected shape (no trackingEvents, trackingNumber or status)');

  const details = parseWithSchema(uspsTrackingDetailsSchema, record, USPS_CARRIER_NAME, USPS_CARRIER_ID, httpStatus);
  // One number per request: the echo picks the spelling asked for, else the first number asked answers.
  const echoed = details.trackingNumber?.replace(WHITESPACE, '').toUpperCase();
  const answered = trackingNumbers.find((number) => number.replace(WHITESPACE, '').toUpperCase() === echoed) ?? trackingNumbers[0];
  return trackingNumbers.map((number) =>
    number === answered
      ? successOutcome(toShipment(details, number, input))
      : errorOutcome(number, badResponse(httpStatus, `answered for one number only (${answered}); track each number in its own request`)),
  );
}

function badResponse(httpStatus: number, message: string): BadResponseError {
  return new BadResponseError(`USPS ${message}`, { ...carrier, httpStatus });
}

function toShipment(details: UspsTrackingDetails, trackingNumber: string, input: CarrierParseInput) {
  const events: TrackingEvent[] = [];
  const legRoles = new Set<(typeof USPS_PARTNER_LEG_CODES)[string]>();
  let delivered: { event: TrackingEvent; raw: UspsTrackingEvent } | null = null;
  let named: UspsTrackingEvent | undefined;
  for (const raw of details.trackingEvents ?? []) {
    const code = raw.eventCode === null || raw.eventCode === undefined ? null : String(raw.eventCode).trim().toUpperCase() || null;
    const eventType = cleanText(raw.eventType);
    const event = createEvent({
      time: uspsEventTime(raw),
      description: eventType ?? (code ? USPS_EVENT_CODE_MEANINGS[code] : undefined) ?? '',
      code,
      codes:
        raw.actionCode || raw.reasonCode
          ? { eventCode: code, actionCode: raw.actionCode, reasonCode: raw.reasonCode }
          : { eventCode: code },
      location: placeOf(raw.eventCity, raw.eventState, raw.eventZIP, raw.eventCountry),
      mapped: mapUspsEvent({ eventCode: code, eventType, name: raw.name }),
    });
    events.push(event);
    if (!named && cleanText(raw.name)) named = raw;
    if (event.status === 'delivered' && (!delivered || approximateEpochMs(event) > approximateEpochMs(delivered.event)))
      delivered = { event, raw };
    const legRole = code ? USPS_PARTNER_LEG_CODES[code] : undefined;
    if (legRole) legRoles.add(legRole);
  }

  const proofEnabled = details.proofOfDeliveryEnabled === true || details.trackingProofOfDeliveryEnabled === true;
  // The signer as USPS sent it, whatever the status: the delivery's, else the first (newest) event that names one.
  const signed = delivered?.raw.name ? delivered.raw : named;
  const signerName = cleanText(signed?.name);
  const firm = cleanText(signed?.firm);
  // `firm` is the company delivered to; it qualifies the signer rather than replacing one.
  const signer = signerName && firm ? `${signerName} (${firm})` : signerName;
  const deliveredAt =
    delivered && DELIVERED_PREFIX.test(delivered.event.description) ? delivered.event.description.replace(DELIVERED_PREFIX, '').trim() : '';
  const shipment = buildShipment({
    carrier: USPS_CARRIER_ID,
    trackingNumber,
    events,
    eventsNewestFirst: true,
    carrierStatus: lookupStatus(USPS_STATUS_CATEGORIES, details.statusCategory?.trim().toLowerCase()),
    estimatedDelivery: uspsEstimatedDelivery(details),
    signedBy: signer,
    proofOfDelivery: {
      available: proofEnabled,
      signatureAvailable: proofEnabled && signer !== null,
      url: null,
      // "Delivered, Parcel Locker" → "Parcel Locker"; a bare "Delivered" says nothing about the place.
      deliveryLocation: deliveredAt || null,
    },
    service: { code: cleanText(details.serviceTypeCode), name: cleanText(details.mailClass) },
    origin: placeOf(details.originCity, details.originState, details.originZIP, details.originCountry),
    destination: placeOf(details.destinationCity, details.destinationState, details.destinationZIP, details.destinationCountryCode),
    legs: [...legRoles].map((role) => ({
      carrier: 'usps-shipping-partner',
      carrierName: 'USPS shipping partner (not named by USPS)',
      trackingNumber: null,
      role,
    })),
    contact: USPS_CONTACT.default,
    trackingUrl: uspsTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? input.body : undefined,
  });
  // Delivered back to the sender: core fills deliveredAt for deliveries only.
  if (shipment.status === 'returned' && !shipment.deliveredAt) shipment.deliveredAt = shipment.statusSince;
  return shipment;
}

export interface UspsEventMappingInput {
  eventCode: string | null;
  eventType: string | null;
  /** The signer, when USPS sent one. */
  name?: string | null;
}

/**
 * The lookup order: `eventCode` in USPS_EVENT_CODES (for 01 the `eventType` refines where it was delivered, or
 * that it went back to the sender, and a signer's name makes it `signature_obtained`); a code not in the table
 * stays unmapped whatever its text says; only without a code, the exact `eventType` phrase in USPS_EVENT_TYPES.
 * The shipment's `statusCategory` (USPS_STATUS_CATEGORIES) is the fallback when no event maps.
 */
export function mapUspsEvent({ eventCode, eventType, name }: UspsEventMappingInput): StatusTableEntry | undefined {
  if (!eventCode) return lookupStatus(USPS_EVENT_TYPES, eventType?.trim().toLowerCase());
  const entry = lookupStatus(USPS_EVENT_CODES, eventCode);
  if (!entry || eventCode !== '01') return entry;
  const refinement = eventType ? USPS_DELIVERED_REFINEMENTS.find(({ pattern }) => pattern.test(eventType)) : undefined;
  return refinement?.entry ?? (name?.trim() ? USPS_SIGNED_DELIVERY : entry);
}

/** A place as USPS wrote its parts ("HERNANDO, FL, 34442"), or null when it wrote none. */
function placeOf(city?: string | null, state?: string | null, zip?: string | null, country?: string | null) {
  let raw = '';
  for (const part of [city, state, zip, country]) if (part?.trim()) raw = raw ? `${raw}, ${part.trim()}` : part.trim();
  return raw ? createLocation({ city, region: state, postalCode: zip, countryCode: country, raw }) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
      .replaceAll('&amp;', '&')
      .replace(TRADEMARK_ENTITY, '')
      .replace(WHITESPACE, ' ');
  }
  return cleaned.trim() || null;
}

/**
 * An event's time. `eventTimestamp` is local wall-clock time (a trailing `Z` is bogus), `GMTTimestamp` UTC and
 * `GMTOffset` the local offset. Real responses carry a USPS quirk: when UTC falls on the next day, `GMTTimestamp`
 * keeps the local date (local 23:28 at -06:00 → `…21T05:28Z` instead of `…22T05:28Z`). So GMTTimestamp is taken
 * at the offset (it adds the seconds) only when it agrees with eventTimestamp to the minute, else eventTimestamp
 * + offset. Without GMTOffset, the two stamps imply the offset when they differ by whole quarter hours within
 * ±14 h; when they disagree, eventTimestamp stays `local`. GMTTimestamp alone is an instant in UTC.
 */
export function uspsEventTime(event: Pick<UspsTrackingEvent, 'eventTimestamp' | 'GMTTimestamp' | 'GMTOffset'>): CarrierTime | null {
  const parsed = parseCarrierDateTime(event.eventTimestamp, { treatZuluAsLocal: true });
  // An explicit numeric offset on eventTimestamp is taken at its word.
  if (parsed?.timeKind === 'instant') return parsed;
  const local = parsed?.timeKind === 'local' ? parsed.localTime : null;
  const given = uspsOffset(event.GMTOffset);
  const gmt = event.GMTTimestamp?.trim();
  const utc = gmt ? Date.parse(GMT_HAS_ZONE.test(gmt) ? gmt : `${gmt}Z`) : Number.NaN;
  if (!Number.isNaN(utc)) {
    const offset = given ?? (local ? impliedOffset(local, utc) : 'Z');
    if (offset && !local) {
      const occurredAt = formatInstantAtOffset(utc, offset);
      if (occurredAt) return { occurredAt, localTime: offset === 'Z' ? null : occurredAt.slice(0, 19), timeKind: 'instant' };
    }
    // The usual case: both name the same minute, and GMTTimestamp adds the seconds.
    if (offset && local && Math.floor(Date.parse(`${local}${offset}`) / MINUTE_MS) === Math.floor(utc / MINUTE_MS)) {
      const wall = `${local.slice(0, 17)}${String(Math.floor(utc / 1000) - Math.floor(utc / MINUTE_MS) * 60).padStart(2, '0')}`;
      return { occurredAt: `${wall}${offset}`, localTime: wall, timeKind: 'instant' };
    }
  }
  return local && given ? instantTime(local, given) : parsed;
}

/** `-05:00`, `-5:00`, `-7`, `-0500`, `+05:30` → `±HH:MM`; a `Z` is not an offset USPS would send, so it counts as none. */
function uspsOffset(value: string | null | undefined): string | null {
  const offset =
    typeof value === 'string' ? (normaliseOffset(value) ?? normaliseOffset(value.trim().replace(SINGLE_DIGIT_HOUR, '$10$2'))) : null;
  return offset === 'Z' ? null : offset;
}

/** The offset that turns `utcMs` into the wall clock `local`, when it is whole quarter hours within ±14 h. */
function impliedOffset(local: string, utcMs: number): string | null {
  const difference = Math.floor(Date.parse(`${local}Z`) / MINUTE_MS) - Math.floor(utcMs / MINUTE_MS);
  return difference % 15 === 0 && difference >= -12 * 60 && difference <= 14 * 60 ? formatOffset(difference) : null;
}

/**
 * The carrier's delivery estimate, most specific first: `predictedDeliveryDate` with a window start and/or end
 * → a local window; `expectedDeliveryTimeStamp` ("Expected Delivery by") → `to`, midnight meaning a date only;
 * `predictedDeliveryDate` alone; `guaranteedDeliveryTimeStamp` (guaranteed-by) → `to`. USPS writes these as
 * local times; a trailing `Z` is as bogus as on eventTimestamp.
 */
export function uspsEstimatedDelivery(
  details: Pick<UspsTrackingDetails, 'predictedDeliveryDate' | 'predictedDeliveryWindowStartTime' | 'predictedDeliveryWindowEndTime'> &
    Pick<UspsTrackingDetails, 'expectedDeliveryTimeStamp' | 'guaranteedDeliveryTimeStamp'>,
): EstimatedDelivery | null {
  const day = details.predictedDeliveryDate ? dateOnly(details.predictedDeliveryDate)?.localTime : null;
  const start = day ? clockTime(details.predictedDeliveryWindowStartTime) : null;
  const end = day ? clockTime(details.predictedDeliveryWindowEndTime) : null;
  if (start || end) return carrierEstimate(start && `${day}T${start}`, end && `${day}T${end}`, 'local');
  return (
    deliverBy(details.expectedDeliveryTimeStamp) ??
    (day ? carrierEstimate(day, day, 'date') : deliverBy(details.guaranteedDeliveryTimeStamp))
  );
}

function deliverBy(value: string | null | undefined): EstimatedDelivery | null {
  const time = parseCarrierDateTime(value, { treatZuluAsLocal: true });
  if (time?.timeKind === 'instant') return carrierEstimate(null, time.occurredAt, 'instant');
  if (!time?.localTime) return null;
  const midnight = time.timeKind === 'date' || time.localTime.endsWith('T00:00:00');
  return midnight
    ? carrierEstimate(time.localTime.slice(0, 10), time.localTime.slice(0, 10), 'date')
    : carrierEstimate(null, time.localTime, 'local');
}

/** USPS's message and codes from the text of an error body, for the transport's auth and 5xx errors. */
export function describeUspsErrorBody(text: string): { message?: string; codes?: string[] } | undefined {
  const body = readJsonErrorBody(text, uspsErrorSchema);
  return body ? { message: errorDetail(body) ?? undefined, codes: errorCodes(body).carrierCodes } : undefined;
}

/** The codes of an error body, the items' first. Codes only: a gateway's `error` may be a sentence that echoes what was sent. */
function errorCodes(body: UspsErrorBody): { subCodes: string[]; carrierCodes: string[] } {
  const error = body.error;
  const subCodes = typeof error === 'string' ? [] : (error.errors ?? []).map((item) => String(item.code ?? '').trim()).filter(Boolean);
  return { subCodes, carrierCodes: errorCodesOf([...subCodes, typeof error === 'string' ? error : String(error.code ?? '')]) };
}

/** An error answer (a readable error body, even on HTTP 200, or none) as the typed error it stands for. */
function errorFromBody(httpStatus: number, body: UspsErrorBody | null, trackingNumber: string): WismoError {
  const { subCodes, carrierCodes } = body ? errorCodes(body) : { subCodes: [], carrierCodes: [] };
  const detail = body && errorDetail(body);
  const said = detail ? `: ${detail}` : '';
  const options = { ...carrier, httpStatus, carrierCodes, trackingNumber: body ? trackingNumber : undefined };
  if (httpStatus === 401 || httpStatus === 403 || hasAuthErrorCode(carrierCodes)) {
    return new AuthFailedError(`USPS rejected the credentials (HTTP ${httpStatus}${said}). ${CHECK_CREDENTIALS}`, options);
  }
  for (const code of subCodes) {
    const known = USPS_TRACKING_ERROR_CODES[code];
    if (known?.outcome === 'invalid_number')
      return new InvalidNumberError(`USPS says ${trackingNumber} is not a tracking number (${code}${said})`, options);
    if (known || USPS_TRACKING_ERROR_FAMILY.test(code)) {
      return new NotFoundError(
        `USPS has no tracking information for ${trackingNumber} yet (${code}${said}). New labels can take a while to appear; check the number and try again later.`,
        options,
      );
    }
  }
  if (httpStatus === 404)
    return new NotFoundError(`USPS has no tracking information for ${body ? trackingNumber : 'this number'} (HTTP 404${said})`, options);
  if (!body) return new BadResponseError(`USPS answered HTTP ${httpStatus} without a readable error body`, options);
  const items = typeof body.error === 'string' ? [] : (body.error.errors ?? []);
  const aboutTheNumber = [detail, ...items.map((item) => cleanText(item.source?.parameter))].some(
    (text) => text && TRACKING_NUMBER_WORDS.test(text),
  );
  if (httpStatus === 400 && aboutTheNumber)
    return new InvalidNumberError(`USPS rejected ${trackingNumber} as a tracking number (HTTP 400${said})`, options);
  return new BadResponseError(`USPS refused the tracking request (HTTP ${httpStatus}${said})`, options);
}

/** The most useful human text of an error body, HTML, a trailing dash ("Status not available -") and a leading number stripped. */
function errorDetail(body: UspsErrorBody): string | null {
  const error = body.error;
  const candidates =
    typeof error === 'string'
      ? [body.error_description, body.message, error]
      : [...(error.errors ?? []).flatMap((item) => [item.detail, item.title]), error.message];
  for (const candidate of candidates) {
    let cleaned = cleanText(candidate);
    // Not a `\s*-$` pattern: that rescans every run of spaces.
    if (cleaned?.endsWith('-')) cleaned = cleaned.slice(0, -1).trimEnd();
    cleaned = cleaned?.replace(LEADING_NUMBER, '') ?? null;
    if (cleaned) return cleaned;
  }
  return null;
}
