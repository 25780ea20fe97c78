import {
  BadResponseError,
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
  type TrackOutcome,
  type TrackingEvent,
  type WismoError,
} from '@wismo/core';
import { capText, carrierEstimate, clockTime, errorCodesOf, neverThrowing, readJsonErrorBody, requestError } from '@wismo/core/internal';
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

// Linear patterns only: none may rescan the text from every `<` or every space (that was quadratic).
const SUP_BLOCK = /<sup>[^<]*<\/sup>/gi;
const HTML_TAG = /<[^<>]*>/g;
const WHITESPACE = /\s+/g;
const TRADEMARK_ENTITY = /&(reg|trade|#174|#153|#8482);?/gi;
/** USPS prefixes some messages with an internal number ("12: A status update…"). */
const LEADING_NUMBER = /^\d+:\s*/;
// Not `\s*-$`: that rescans every run of spaces.
const TRAILING_DASH = /-$/;
const DELIVERED_AT = /^delivered\s*,\s*(.*)$/is;
const TRACKING_NUMBER_WORDS = /tracking\s*(number|id|#)|trackingnumber/i;
const GMT_HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const MINUTE_MS = 60_000;

/**
 * Pure: one USPS Tracking v3 response (status + parsed body) → one outcome per requested number.
 * Never throws for a surprising payload: it becomes `bad_response` or an `unmapped` event.
 */
export const parseUspsTrackResponse = neverThrowing({ id: USPS_CARRIER_ID, name: USPS_CARRIER_NAME }, answer);

function answer(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  // Only a body with `error` is read as an error body: a failed parse of every answer would cost its issues.
  const errorBody = typeof body === 'object' && body !== null && 'error' in body ? uspsErrorSchema.safeParse(body) : undefined;
  if (errorBody?.success || httpStatus < 200 || httpStatus >= 300) {
    return trackingNumbers.map((number) => errorOutcome(number, errorFromBody(httpStatus, errorBody?.data, number)));
  }
  const details = parseWithSchema(uspsTrackingDetailsSchema, body, USPS_CARRIER_NAME, USPS_CARRIER_ID, httpStatus);
  // One number per request: the echo picks the spelling asked for, else the first number asked answers.
  const echoed = details.trackingNumber?.replace(WHITESPACE, '').toUpperCase();
  const answered = trackingNumbers.find((number) => number.replace(WHITESPACE, '').toUpperCase() === echoed) ?? trackingNumbers[0];
  const onlyOne = `USPS answered for one number only (${answered}); track each number in its own request`;
  return trackingNumbers.map((number) =>
    number === answered
      ? successOutcome(toShipment(details, number, input))
      : errorOutcome(number, new BadResponseError(onlyOne, { carrierId: USPS_CARRIER_ID, httpStatus })),
  );
}

function toShipment(details: UspsTrackingDetails, trackingNumber: string, input: CarrierParseInput) {
  const events: TrackingEvent[] = [];
  let delivered: { event: TrackingEvent; raw: UspsTrackingEvent } | null = null;
  for (const raw of details.trackingEvents ?? []) {
    const code = `${raw.eventCode ?? ''}`.trim().toUpperCase() || null;
    const eventType = cleanText(raw.eventType);
    const event = createEvent({
      time: uspsEventTime(raw),
      description: eventType ?? (code ? USPS_EVENT_CODE_MEANINGS[code] : undefined) ?? '',
      code,
      codes: { eventCode: code, actionCode: raw.actionCode, reasonCode: raw.reasonCode },
      location: placeOf(raw.eventCity, raw.eventState, raw.eventZIP, raw.eventCountry),
      mapped: mapUspsEvent({ eventCode: code, eventType, name: raw.name }),
    });
    events.push(event);
    if (event.status === 'delivered' && (!delivered || approximateEpochMs(event) > approximateEpochMs(delivered.event)))
      delivered = { event, raw };
  }

  const legRoles = new Set(events.flatMap((event) => USPS_PARTNER_LEG_CODES[event.raw.code ?? ''] ?? []));
  const proofEnabled = details.proofOfDeliveryEnabled === true || details.trackingProofOfDeliveryEnabled === true;
  // The signer as USPS sent it, whatever the status: the delivery's, else the first (newest) event that names one.
  const signed = delivered?.raw.name ? delivered.raw : details.trackingEvents?.find((raw) => cleanText(raw.name));
  const signerName = cleanText(signed?.name);
  const firm = cleanText(signed?.firm);
  // `firm` is the company delivered to; it qualifies the signer rather than replacing one.
  const signer = signerName && firm ? `${signerName} (${firm})` : signerName;
  // "Delivered, Parcel Locker" → "Parcel Locker"; a bare "Delivered" says nothing about the place.
  const deliveredAt = DELIVERED_AT.exec(delivered?.event.description ?? '')?.[1]?.trim() || null;
  return buildShipment({
    carrier: USPS_CARRIER_ID,
    trackingNumber,
    events,
    carrierStatus: lookupStatus(USPS_STATUS_CATEGORIES, details.statusCategory?.trim().toLowerCase()),
    estimatedDelivery: uspsEstimatedDelivery(details),
    signedBy: signer,
    proofOfDelivery: {
      available: proofEnabled,
      signatureAvailable: proofEnabled && signer !== null,
      deliveryLocation: deliveredAt,
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
}

/**
 * The lookup order: `eventCode` in USPS_EVENT_CODES (for 01 the `eventType` refines where it was delivered, or
 * that it went back to the sender, and a signer's name makes it `signature_obtained`); a code not in the table
 * stays unmapped whatever its text says; only without a code, the exact `eventType` phrase in USPS_EVENT_TYPES.
 * The shipment's `statusCategory` (USPS_STATUS_CATEGORIES) is the fallback when no event maps.
 */
export function mapUspsEvent({ eventCode, eventType, name }: { eventCode: string | null; eventType: string | null; name?: string | null }) {
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

/** USPS texts carry HTML (`Priority Mail<SUP>&reg;</SUP>`); the trademark marks are dropped. */
export function cleanText(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  let cleaned = capText(value);
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
export function uspsEventTime(event: UspsTrackingEvent): CarrierTime | null {
  const parsed = parseCarrierDateTime(event.eventTimestamp, { treatZuluAsLocal: true });
  // An explicit numeric offset on eventTimestamp is taken at its word.
  if (parsed?.timeKind === 'instant') return parsed;
  const local = parsed?.timeKind === 'local' ? parsed.localTime : null;
  // A `Z` is not an offset USPS would send, so it counts as none.
  const written = normaliseOffset(event.GMTOffset ?? '');
  const given = written === 'Z' ? null : written;
  const gmt = event.GMTTimestamp?.trim();
  const utc = gmt ? Date.parse(GMT_HAS_ZONE.test(gmt) ? gmt : `${gmt}Z`) : Number.NaN;
  const offset = Number.isNaN(utc) ? null : (given ?? (local ? impliedOffset(local, utc) : 'Z'));
  // The usual case, eventTimestamp naming GMTTimestamp's minute, needs no calendar arithmetic: its seconds are spliced in.
  if (offset && local && Math.floor(Date.parse(`${local}${offset}`) / MINUTE_MS) === Math.floor(utc / MINUTE_MS)) {
    const wall = `${local.slice(0, 17)}${String(Math.floor(utc / 1000) - Math.floor(utc / MINUTE_MS) * 60).padStart(2, '0')}`;
    return { occurredAt: `${wall}${offset}`, localTime: wall, timeKind: 'instant' };
  }
  const occurredAt = offset && formatInstantAtOffset(utc, offset);
  // GMTTimestamp alone, or (the usual case) naming eventTimestamp's minute: it adds the seconds.
  if (occurredAt && (!local || occurredAt.startsWith(local.slice(0, 16))))
    return { occurredAt, localTime: offset === 'Z' ? null : occurredAt.slice(0, 19), timeKind: 'instant' };
  return local && given ? instantTime(local, given) : parsed;
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
export function uspsEstimatedDelivery(details: UspsTrackingDetails): EstimatedDelivery | null {
  const day = details.predictedDeliveryDate ? dateOnly(details.predictedDeliveryDate)?.localTime : null;
  const start = day ? clockTime(details.predictedDeliveryWindowStartTime) : null;
  const end = day ? clockTime(details.predictedDeliveryWindowEndTime) : null;
  if (start || end) return carrierEstimate(start && `${day}T${start}`, end && `${day}T${end}`, 'local');
  return deliverBy(details.expectedDeliveryTimeStamp) ?? deliverBy(day ?? details.guaranteedDeliveryTimeStamp);
}

/** A "by" time as `to`; a bare date, or midnight, is that whole day. */
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
  return body && { message: errorDetail(body), codes: errorCodes(body) };
}

/** The codes of an error body, the items' first. Codes only: a gateway's `error` may be a sentence that echoes what was sent. */
function errorCodes({ error }: UspsErrorBody): string[] {
  if (typeof error === 'string') return errorCodesOf([error]);
  return errorCodesOf([...(error.errors ?? []).map((item) => String(item.code ?? '').trim()), String(error.code ?? '')]);
}

/** What a code says: USPS_TRACKING_ERROR_CODES, and any other code of the tracking family is not_found too. */
function kindOfCode(code: string) {
  return USPS_TRACKING_ERROR_CODES[code]?.outcome ?? (USPS_TRACKING_ERROR_FAMILY.test(code) ? 'not_found' : undefined);
}

/** An error answer (a readable error body, even on HTTP 200, or none) as the typed error it stands for. */
function errorFromBody(httpStatus: number, body: UspsErrorBody | undefined, trackingNumber: string): WismoError {
  const carrierCodes = body ? errorCodes(body) : [];
  const detail = body && errorDetail(body);
  const said = detail ? `: ${detail}` : '';
  // The code that decides, else the status: `150001: A status update…`, `HTTP 404: …`.
  const why = `${carrierCodes.find(kindOfCode) ?? `HTTP ${httpStatus}`}${said}`;
  // A 400 about the number: its wording, or the parameter it names.
  const parameters = typeof body?.error === 'object' ? (body.error.errors ?? []).map((item) => cleanText(item.source?.parameter)) : [];
  const aboutTheNumber = [detail, ...parameters].some((text) => text && TRACKING_NUMBER_WORDS.test(text));
  return requestError({
    carrierId: USPS_CARRIER_ID,
    httpStatus,
    carrierCodes,
    trackingNumber,
    kindOfCode,
    kindOfStatus: (status) => (status === 404 ? 'not_found' : status === 400 && aboutTheNumber ? 'invalid_number' : undefined),
    messages: {
      auth_failed: `USPS rejected the credentials (HTTP ${httpStatus}${said}). Check USPS_CLIENT_ID, USPS_CLIENT_SECRET and that the app has the Tracking API.`,
      invalid_number: `USPS says ${trackingNumber} is not a tracking number (${why})`,
      not_found: `USPS has no tracking information for ${body ? trackingNumber : 'this number'} yet (${why}). New labels can take a while to appear; check the number and try again later.`,
      bad_response: body
        ? `USPS refused the tracking request (HTTP ${httpStatus}${said})`
        : `USPS answered HTTP ${httpStatus} without a readable error body`,
    },
  });
}

/** The most useful human text of an error body, HTML, a trailing dash ("Status not available -") and a leading number stripped. */
function errorDetail({ error, error_description, message }: UspsErrorBody): string | undefined {
  const texts =
    typeof error === 'string'
      ? [error_description, message, error]
      : [...(error.errors ?? []).flatMap((item) => [item.detail, item.title]), error.message];
  return texts.map((text) => cleanText(text)?.replace(TRAILING_DASH, '').trimEnd().replace(LEADING_NUMBER, '')).find(Boolean);
}
