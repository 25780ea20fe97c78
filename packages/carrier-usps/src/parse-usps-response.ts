import {
  BadResponseError,
  approximateEpochMs,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  lookupStatus,
  parseWithSchema,
  successOutcome,
} from '@wismo/core';
import type { CarrierParseInput, TrackOutcome, TrackingEvent, WismoError } from '@wismo/core';
import { capText, errorCodesOf, neverThrowing, readJsonErrorBody, requestError } from '@wismo/core/internal';
import { uspsErrorSchema, uspsTrackingDetailsSchema } from './usps-api';
import type { UspsErrorBody, UspsTrackingDetails, UspsTrackingEvent } from './usps-api';
import { USPS_CARRIER_ID, USPS_CARRIER_NAME, USPS_CONTACT, uspsTrackingUrl } from './usps-carrier';
import * as tables from './usps-status-tables';
import { uspsEstimatedDelivery, uspsEventTime } from './usps-time';

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
const SHIPPING_PARTNER = 'USPS shipping partner (not named by USPS)';

/**
 * Pure: one USPS Tracking v3 response (status + parsed body) → one outcome per requested number.
 * Never throws for a surprising payload: it becomes `bad_response` or an `unmapped` event.
 */
export const parseUspsTrackResponse = neverThrowing({ id: USPS_CARRIER_ID, name: USPS_CARRIER_NAME }, answer);

function answer(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  // Only a body with `error` is read as an error body: a failed parse of every answer would cost its issues.
  const errorBody = typeof body === 'object' && body !== null && 'error' in body ? uspsErrorSchema.safeParse(body) : undefined;
  if (errorBody?.success || httpStatus < 200 || httpStatus >= 300)
    return trackingNumbers.map((number) => errorOutcome(number, errorFromBody(httpStatus, errorBody?.data, number)));
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
      description: eventType ?? (code ? tables.USPS_EVENT_CODE_MEANINGS[code] : undefined) ?? '',
      code,
      codes: { eventCode: code, actionCode: raw.actionCode, reasonCode: raw.reasonCode },
      location: placeOf(raw.eventCity, raw.eventState, raw.eventZIP, raw.eventCountry),
      mapped: mapUspsEvent({ eventCode: code, eventType, name: raw.name }),
    });
    events.push(event);
    if (event.status === 'delivered' && (!delivered || approximateEpochMs(event) > approximateEpochMs(delivered.event)))
      delivered = { event, raw };
  }

  const legRoles = new Set(events.flatMap((event) => tables.USPS_PARTNER_LEG_CODES[event.raw.code ?? ''] ?? []));
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
    carrierStatus: lookupStatus(tables.USPS_STATUS_CATEGORIES, details.statusCategory?.trim().toLowerCase()),
    estimatedDelivery: uspsEstimatedDelivery(details),
    signedBy: signer,
    proofOfDelivery: { available: proofEnabled, signatureAvailable: proofEnabled && signer !== null, deliveryLocation: deliveredAt },
    service: { code: cleanText(details.serviceTypeCode), name: cleanText(details.mailClass) },
    origin: placeOf(details.originCity, details.originState, details.originZIP, details.originCountry),
    destination: placeOf(details.destinationCity, details.destinationState, details.destinationZIP, details.destinationCountryCode),
    legs: [...legRoles].map((role) => ({ carrier: 'usps-shipping-partner', carrierName: SHIPPING_PARTNER, trackingNumber: null, role })),
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
  if (!eventCode) return lookupStatus(tables.USPS_EVENT_TYPES, eventType?.trim().toLowerCase());
  const entry = lookupStatus(tables.USPS_EVENT_CODES, eventCode);
  if (!entry || eventCode !== '01') return entry;
  const refinement = eventType ? tables.USPS_DELIVERED_REFINEMENTS.find(({ pattern }) => pattern.test(eventType)) : undefined;
  return refinement?.entry ?? (name?.trim() ? tables.USPS_SIGNED_DELIVERY : entry);
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
  const capped = capText(value);
  // Plain text (nearly every event) only needs trimming; markup removal may leave double spaces.
  if (!capped.includes('<') && !capped.includes('&')) return capped.trim() || null;
  const plain = capped.replace(SUP_BLOCK, '').replace(HTML_TAG, '').replaceAll('&amp;', '&').replace(TRADEMARK_ENTITY, '');
  return plain.replace(WHITESPACE, ' ').trim() || null;
}

/** USPS's message and codes from the text of an error body, for the transport's auth and 5xx errors. */
export function describeUspsErrorBody(text: string): { message?: string; codes?: string[] } | undefined {
  const body = readJsonErrorBody(text, uspsErrorSchema);
  return body && describeError(body);
}

/** What a code says: USPS_TRACKING_ERROR_CODES, and any other code of the tracking family is not_found too. */
function kindOfCode(code: string) {
  return tables.USPS_TRACKING_ERROR_CODES[code]?.outcome ?? (tables.USPS_TRACKING_ERROR_FAMILY.test(code) ? 'not_found' : undefined);
}

/** An error answer (a readable error body, even on HTTP 200, or none) as the typed error it stands for. */
function errorFromBody(httpStatus: number, body: UspsErrorBody | undefined, trackingNumber: string): WismoError {
  const { message: detail, codes: carrierCodes } = body ? describeError(body) : { codes: [] };
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

/** An error body's most useful text (HTML, a trailing dash "Status not available -", a leading number stripped) and codes. */
function describeError({ error, error_description, message }: UspsErrorBody): { message?: string; codes: string[] } {
  const items = typeof error === 'string' ? [] : (error.errors ?? []);
  const ownTexts = typeof error === 'string' ? [error_description, message, error] : [error.message];
  const texts = [...items.flatMap((item) => [item.detail, item.title]), ...ownTexts];
  // The items' codes first; codes only (`errorCodesOf`): a gateway's `error` may be a sentence that echoes what was sent.
  const codes = [...items.map((item) => String(item.code ?? '').trim()), typeof error === 'string' ? error : String(error.code ?? '')];
  const detail = texts.map((text) => cleanText(text)?.replace(TRAILING_DASH, '').trimEnd().replace(LEADING_NUMBER, '')).find(Boolean);
  return { message: detail, codes: errorCodesOf(codes) };
}
