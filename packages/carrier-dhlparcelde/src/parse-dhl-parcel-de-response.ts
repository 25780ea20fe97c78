import {
  BadResponseError,
  NotFoundError,
  WismoError,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  localTime,
  lookupStatus,
  normaliseCountryCode,
  parseWithSchema,
  statusEntry,
  type CarrierParseInput,
  type CarrierTime,
  type SideOutcome,
  type StatusTableEntry,
  type TrackOutcome,
} from '@wismo/core';
import {
  carrierEstimate,
  clockTime,
  entriesForNumbers,
  neverThrowing,
  numericDateTime,
  requestError,
  returnTripStatus,
} from '@wismo/core/internal';
import { dhlParcelDeResponseSchema, type DhlParcelDePieceEvent, type DhlParcelDePieceShipment } from './dhl-parcel-de-api';
import {
  DHL_PARCEL_DE_CARRIER_ID,
  DHL_PARCEL_DE_CARRIER_NAME as NAME,
  DHL_PARCEL_DE_CONTACT,
  dhlParcelDePieceCode,
  dhlParcelDeTrackingUrl,
} from './dhl-parcel-de-carrier';
import * as tables from './dhl-parcel-de-status-tables';

/** The recipient's signature: the image bytes (sent hex-encoded), its type as DHL states it, the delivery day DHL gives or null. */
export type DhlParcelDeSignature = { mimeType: string; image: Uint8Array; deliveredOn: CarrierTime | null };
export type DhlParcelDeSignatureResult = SideOutcome<{ trackingNumber: string; ok: true; signature: DhlParcelDeSignature }>;

const CARRIER = { id: DHL_PARCEL_DE_CARRIER_ID, name: NAME };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/**
 * What every root `code` other than 0 means (DHL's list, as in karrio `vendors/tracking-test.txt`); a code not listed
 * is a `bad_response` that keeps the code. The comment is DHL's own name for the code.
 */
const DHL_PARCEL_DE_RESULT_CODES: ReadonlyMap<string, 'auth_failed' | 'invalid_number' | 'not_found' | 'carrier_unavailable'> = new Map([
  ['5', 'auth_failed'], // login failed
  ['6', 'auth_failed'], // too many invalid logins
  ['62', 'auth_failed'], // authorization error
  ['41', 'invalid_number'], // checksum invalid
  ['45', 'invalid_number'], // no piece code
  ['64', 'invalid_number'], // no right without check digit
  ['100', 'not_found'], // no data found
  ['200', 'not_found'], // no electronic shipment data
  ['-1000', 'carrier_unavailable'], // technical error
  ['-2', 'carrier_unavailable'], // SQL error
  ['-1', 'carrier_unavailable'], // no database connection
  ['63', 'carrier_unavailable'], // signatures unavailable
]);
/** The country name DHL writes in `event-country` (the answer's language); any other name stays in the raw text. */
const GERMANY = /^(?:germany|deutschland)$/i;

/** A refused answer's error: a root `code` other than 0 by DHL's meaning of it, else by the HTTP status (401/403 always auth). */
function answerError(httpStatus: number, code?: string, error?: string): WismoError {
  const why = code ? `code ${code}${error?.trim() ? `: ${error.trim()}` : ''}` : `HTTP ${httpStatus}`;
  const locked = code === '6' ? '; too many failed logins lock the account for a while' : '';
  const byCode = {
    auth_failed: `${NAME} rejected the business-portal login (${why}). Check the username and password (appname) of the DHL business customer portal${locked}.`,
    invalid_number: `${NAME} does not accept this piece code (${why}). Check the number and its check digit.`,
    not_found: `${NAME} has no tracking data for this number (${why}). New labels can take a few hours to appear.`,
    carrier_unavailable: `${NAME} reported a technical problem (${why}); try again later.`,
  };
  const byStatus = {
    auth_failed: `${NAME} rejected the API credentials (${why}). Check the API key and secret of your app on developer.dhl.com and that it has the Parcel DE Tracking API.`,
    rate_limited: `${NAME} is rate limiting requests (HTTP 429). Lower the request rate.`,
    carrier_unavailable: `${NAME} is unavailable (${why}); try again later.`,
  };
  return requestError({
    carrierId: DHL_PARCEL_DE_CARRIER_ID,
    httpStatus,
    carrierCodes: code ? [code] : [],
    kindOfCode: (resultCode) => DHL_PARCEL_DE_RESULT_CODES.get(resultCode),
    messages: { ...(code ? byCode : byStatus), bad_response: `${NAME} refused the tracking request (${why}).` },
  });
}

/**
 * Maps an event's codes (or the piece's latest state), most specific first: `ice/ric/standard-event-code` in
 * `DHL_PARCEL_DE_COMBINATIONS` (where the reason changes the meaning), then `ice/standard-event-code` in
 * `DHL_PARCEL_DE_EVENTS`, then `DHL_PARCEL_DE_STANDARD_EVENT_CODES`, both refined by the RIC. Nothing known is
 * `entry: undefined`: an `unmapped` event with the raw code (`ice/ric/standard-event-code`, e.g. `DLVRD/OTHER/ZU`).
 */
export function mapDhlParcelDeStatus(codes: { ice?: string; ric?: string; standardEventCode?: string }) {
  const [ice = '', ric = '', group = ''] = [codes.ice, codes.ric, codes.standardEventCode].map((code) => code?.trim().toUpperCase() ?? '');
  const rawCode = `${ice}/${ric}/${group}`;
  const combination = lookupStatus(tables.DHL_PARCEL_DE_COMBINATIONS, rawCode);
  if (combination) return { entry: combination, source: 'combination' as const, rawCode };
  const event = ice && group ? lookupStatus(tables.DHL_PARCEL_DE_EVENTS, `${ice}/${group}`) : undefined;
  if (event) return { entry: refine(event, ric), source: 'event' as const, rawCode };
  const byGroup = lookupStatus(tables.DHL_PARCEL_DE_STANDARD_EVENT_CODES, group);
  if (byGroup) return { entry: refine(byGroup, ric), source: 'standard-event-code' as const, rawCode };
  return { entry: undefined, source: null, rawCode };
}

/** Sharpens an entry without a substatus with the RIC's substatus for the same status. */
function refine(entry: StatusTableEntry, ric: string): StatusTableEntry {
  const substatus = entry.substatus === undefined ? tables.DHL_PARCEL_DE_REASON_CODES[ric]?.[entry.status] : undefined;
  // statusEntry checks that the substatus belongs to the status (the table's type already does).
  return (substatus && statusEntry(entry.status, substatus)) || entry;
}

/** `DD.MM.YYYY HH:mm`, German wall clock without a zone: kept local, never stamped `Z`; a bare date stays a date. */
function dhlParcelDeTime(value: string | undefined): CarrierTime | null {
  const trimmed = value?.trim() ?? '';
  return numericDateTime(trimmed, 'DD.MM.YYYY') ?? (ISO_DATE.test(trimmed) ? localTime(trimmed) : null);
}

/** An ETA: a day and a window whose bounds are `HH:mm` on that day or full local times; a day alone is a `date` ETA. */
function estimateOf(dayValue: string | undefined, fromValue: string | undefined, toValue: string | undefined) {
  const day = dhlParcelDeTime(dayValue)?.localTime?.slice(0, 10);
  const [from = null, to = null] = [fromValue, toValue].map((value) => {
    const clock = clockTime(value);
    const full = dhlParcelDeTime(value);
    return clock && day ? `${day}T${clock}` : full?.timeKind === 'local' ? full.localTime : null;
  });
  if (from || to) return carrierEstimate(from ?? to, to ?? from, 'local');
  return day ? carrierEstimate(day, day, 'date') : null;
}

function eventOf(event: DhlParcelDePieceEvent) {
  const { ice, ric, ruecksendung } = event;
  const mapping = mapDhlParcelDeStatus({ ice, ric, standardEventCode: event['standard-event-code'] });
  const countryText = event['event-country']?.trim() || null;
  const countryCode = countryText ? (normaliseCountryCode(countryText) ?? (GERMANY.test(countryText) ? 'DE' : null)) : null;
  const city = event['event-location']?.trim() || null;
  return createEvent({
    time: dhlParcelDeTime(event['event-timestamp']),
    description: event['event-status']?.trim() || event['event-text']?.trim() || event['event-short-status'],
    code: mapping.rawCode,
    codes: { ice, ric, 'standard-event-code': event['standard-event-code'], ruecksendung: ruecksendung === 'true' ? 'true' : undefined },
    // A country name wismo cannot code stays in the raw text.
    location: createLocation({ city, countryCode, raw: countryCode ? null : [city, countryText].filter(Boolean).join(', ') || null }),
    // `ruecksendung="true"` marks an event of the way back: delivered then means back at the sender.
    mapped: mapping.entry && ruecksendung?.trim() === 'true' ? (returnTripStatus(mapping.entry.status) ?? mapping.entry) : mapping.entry,
  });
}

function shipmentOf(piece: DhlParcelDePieceShipment, trackingNumber: string, input: CarrierParseInput) {
  const events = (piece.data ?? []).flatMap((list) => (list.data ?? []).map(eventOf));
  // Without an event list, the piece's own latest state is the event: nothing DHL said is lost.
  if (events.length === 0 && (piece['standard-event-code'] || piece.ice || piece.status)) {
    const { 'status-timestamp': timestamp, status, 'short-status': shortStatus } = piece;
    events.push(eventOf({ ...piece, 'event-timestamp': timestamp, 'event-status': status, 'event-short-status': shortStatus }));
  }
  const delivered = piece['delivery-event-flag']?.trim() === '1';
  // DHL serves the signature (`d-get-signature`) for pieces delivered in Germany only.
  const signatureAvailable = delivered && normaliseCountryCode(piece['dest-country']) === 'DE';
  // "different person present", "neighbour": who took the parcel, as DHL words it.
  const deliveryLocation = (delivered && piece['recipient-id-text']?.trim()) || null;
  // `pan-recipient-city` is "53113 Bonn": the postcode is its own field.
  const [postalCode, place] = [piece['pan-recipient-postalcode']?.trim(), piece['pan-recipient-city']?.trim()];
  const city = postalCode && place?.startsWith(`${postalCode} `) ? place.slice(postalCode.length + 1) : place;
  return buildShipment({
    carrier: DHL_PARCEL_DE_CARRIER_ID,
    trackingNumber,
    events,
    // The event list comes oldest first.
    eventsNewestFirst: false,
    carrierStatus: mapDhlParcelDeStatus({ ice: piece.ice, ric: piece.ric, standardEventCode: piece['standard-event-code'] }).entry,
    // The announced delivery day and window, else the recipient's chosen ones ("Wunschtag" / "Wunschzeit").
    estimatedDelivery:
      estimateOf(piece['delivery-date'], piece['delivery-timeframe-from'], piece['delivery-timeframe-to']) ??
      estimateOf(piece['preferred-delivery-day'], piece['preferred-delivery-timeframe-from'], piece['preferred-delivery-timeframe-to']),
    signedBy: delivered ? piece['recipient-name'] : null,
    proofOfDelivery: { available: signatureAvailable, signatureAvailable, deliveryLocation },
    service: { code: piece['product-code']?.trim() || null, name: piece['product-name']?.trim() || null },
    origin: createLocation({ countryCode: piece['origin-country'] }),
    destination: createLocation({ city, postalCode, countryCode: piece['dest-country'] }),
    direction: piece.ruecksendung?.trim() === 'true' ? 'return' : undefined,
    // The same line serves every destination of this domestic API.
    contact: DHL_PARCEL_DE_CONTACT.default,
    trackingUrl: dhlParcelDeTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? input.body : undefined,
  });
}

/** The numbers a piece answers to: as searched, its piece code and its 18-digit form. */
const echoedNumbers = (piece: DhlParcelDePieceShipment) => [piece['searched-piece-code'], piece['piece-code'], piece['piece-identifier']];

/** The items of a well-formed answer with result code 0, or the typed error of any other answer. */
function readAnswer(httpStatus: number, body: unknown) {
  const refused = httpStatus < 200 || httpStatus >= 300;
  if (httpStatus === 401 || httpStatus === 403 || (body === undefined && refused)) throw answerError(httpStatus);
  const { data } = parseWithSchema(dhlParcelDeResponseSchema, body, NAME, DHL_PARCEL_DE_CARRIER_ID, httpStatus);
  const code = data.code?.trim();
  const options = { carrierId: DHL_PARCEL_DE_CARRIER_ID, httpStatus };
  if (!code) throw new BadResponseError(`${NAME} sent an answer without a result code (HTTP ${httpStatus}).`, options);
  if (code !== '0') throw answerError(httpStatus, code, data.error);
  if (refused) throw answerError(httpStatus);
  return data.data ?? [];
}

/**
 * Pure: one `d-get-piece-detail` answer (the XML, already parsed by `readDhlParcelDeBody`) → one outcome per
 * requested number, in order. 401/403 → `auth_failed` for every number whatever the body; a root `code` other
 * than 0 fails every number with its meaning (100 → `not_found`, 5 → `auth_failed`, …); a requested number
 * without a `piece-shipment` is `not_found`; a body of the wrong shape is `bad_response`.
 */
export const parseDhlParcelDeResponse = neverThrowing(CARRIER, (input: CarrierParseInput) => {
  const { httpStatus, trackingNumbers } = input;
  const pieces = readAnswer(httpStatus, input.body).filter((piece) => piece.name === undefined || piece.name === 'piece-shipment');
  // One number per request: the only piece answers it even if DHL echoes the number in another form.
  const options = { canonical: dhlParcelDePieceCode, samePosition: trackingNumbers.length === 1 };
  const matched = entriesForNumbers(trackingNumbers, pieces, echoedNumbers, options);
  return trackingNumbers.map((trackingNumber, index): TrackOutcome => {
    const piece = matched[index];
    // A piece with an `error-status` and neither codes nor events is DHL's "unknown piece".
    const errorStatus = piece?.['error-status']?.trim();
    if (!piece || (errorStatus && errorStatus !== '0' && !piece['standard-event-code'] && !piece.ice && !piece.data?.length)) {
      const message = `${NAME} has no tracking data for ${trackingNumber}. New labels can take a few hours to appear.`;
      return errorOutcome(trackingNumber, new NotFoundError(message, { carrierId: CARRIER.id, httpStatus, trackingNumber }));
    }
    return { trackingNumber, ok: true, shipment: shipmentOf(piece, trackingNumber, input) };
  });
});

/**
 * Pure: a `d-get-signature` answer → the signature image. The image comes hex-encoded in the `image` attribute
 * (`474946383961…` = `GIF89a`). Result codes as for tracking (100 → `not_found`, 63 → `carrier_unavailable`).
 */
export function parseDhlParcelDeSignatureResponse(httpStatus: number, body: unknown, trackingNumber: string): DhlParcelDeSignatureResult {
  const options = { carrierId: CARRIER.id, httpStatus, trackingNumber };
  try {
    const entry = readAnswer(httpStatus, body).find((item) => item.image);
    if (!entry?.image) throw new NotFoundError(`${NAME} has no signature for ${trackingNumber}.`, options);
    const hex = entry.image.trim();
    if (!HEX.test(hex)) throw new BadResponseError(`${NAME} sent a signature that is not hex-encoded.`, options);
    const image = new Uint8Array(Buffer.from(hex, 'hex'));
    const signature = { mimeType: entry['mime-type']?.trim() || 'image/gif', image, deliveredOn: dhlParcelDeTime(entry['event-date']) };
    return { trackingNumber, ok: true, signature };
  } catch (error) {
    if (WismoError.isInstance(error)) return { trackingNumber, ok: false, error };
    throw error;
  }
}
