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
  type EstimatedDelivery,
  type Shipment,
  type ShipmentStatus,
  type StatusTableEntry,
  type TrackOutcome,
  type TrackingEvent,
} from '@wismo/core';
import { carrierEstimate, clockTime, neverThrowing, numericDateTime, requestError, type RequestErrorKind } from '@wismo/core/internal';
import type { DhlParcelDeSignature } from './dhl-parcel-de-adapter';
import {
  dhlParcelDePieceDetailResponseSchema,
  dhlParcelDeSignatureResponseSchema,
  type DhlParcelDePieceEvent,
  type DhlParcelDePieceShipment,
} from './dhl-parcel-de-api';
import {
  DHL_PARCEL_DE_CARRIER_ID,
  DHL_PARCEL_DE_CARRIER_NAME,
  DHL_PARCEL_DE_CONTACT,
  dhlParcelDeTrackingUrl,
} from './dhl-parcel-de-carrier';
import {
  DHL_PARCEL_DE_COMBINATIONS,
  DHL_PARCEL_DE_EVENTS,
  DHL_PARCEL_DE_REASON_CODES,
  DHL_PARCEL_DE_STANDARD_EVENT_CODES,
} from './dhl-parcel-de-status-tables';

const context = { carrierId: DHL_PARCEL_DE_CARRIER_ID } as const;
const NAME = DHL_PARCEL_DE_CARRIER_NAME;
const SEPARATORS = /[\s-]+/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/** The root `code` of a successful answer. */
const SUCCESS = '0';
/**
 * What every other root `code` means (DHL's list, as in karrio `vendors/tracking-test.txt`); a code not listed is a
 * `bad_response` that keeps the code. The comment is DHL's own name for the code.
 */
const DHL_PARCEL_DE_RESULT_CODES: Readonly<Record<string, RequestErrorKind>> = {
  '5': 'auth_failed', // login failed
  '6': 'auth_failed', // too many invalid logins
  '62': 'auth_failed', // authorization error
  '41': 'invalid_number', // checksum invalid
  '45': 'invalid_number', // no piece code
  '64': 'invalid_number', // no right without check digit
  '100': 'not_found', // no data found
  '200': 'not_found', // no electronic shipment data
  '-1000': 'carrier_unavailable', // technical error
  '-2': 'carrier_unavailable', // SQL error
  '-1': 'carrier_unavailable', // no database connection
  '63': 'carrier_unavailable', // signatures unavailable
};
/** `ruecksendung="true"` marks an event of the way back: delivered then means back at the sender. */
const RETURN_LEG_STATUS: Readonly<Partial<Record<ShipmentStatus, StatusTableEntry>>> = {
  delivered: { status: 'returned', substatus: 'returned_to_sender' },
  in_transit: { status: 'returning', substatus: 'returning_to_sender' },
  out_for_delivery: { status: 'returning', substatus: 'returning_to_sender' },
};
/** Country names DHL writes in `event-country` (the answer's language); anything else stays in the raw text. */
const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map([
  ['germany', 'DE'],
  ['deutschland', 'DE'],
]);

/** A root `code` other than 0 as a typed error (the same for every number of the request). */
function dhlParcelDeResultError(code: string, error: string | undefined, httpStatus: number): WismoError {
  const said = error?.trim() ? `: ${error.trim()}` : '';
  const locked = code === '6' ? '; too many failed logins lock the account for a while' : '';
  return requestError({
    carrierId: DHL_PARCEL_DE_CARRIER_ID,
    httpStatus,
    carrierCodes: [code],
    kindOfCode: (resultCode) =>
      Object.hasOwn(DHL_PARCEL_DE_RESULT_CODES, resultCode) ? DHL_PARCEL_DE_RESULT_CODES[resultCode] : undefined,
    messages: {
      auth_failed: `${NAME} rejected the business-portal login (code ${code}${said}). Check the username and password (appname) of the DHL business customer portal${locked}.`,
      invalid_number: `${NAME} does not accept this piece code (code ${code}${said}). Check the number and its check digit.`,
      not_found: `${NAME} has no tracking data for this number (code ${code}${said}). New labels can take a few hours to appear.`,
      carrier_unavailable: `${NAME} reported a technical problem (code ${code}${said}); try again later.`,
      bad_response: `${NAME} refused the tracking request (code ${code}${said}).`,
    },
  });
}

/** An answer that is not a 2xx: the HTTP status decides (401/403 are auth failures whatever the body says). */
function dhlParcelDeHttpError(httpStatus: number): WismoError {
  return requestError({
    carrierId: DHL_PARCEL_DE_CARRIER_ID,
    httpStatus,
    messages: {
      auth_failed: `${NAME} rejected the API credentials (HTTP ${httpStatus}). Check the API key and secret of your app on developer.dhl.com and that it has the Parcel DE Tracking API.`,
      rate_limited: `${NAME} is rate limiting requests (HTTP 429). Lower the request rate.`,
      carrier_unavailable: `${NAME} is unavailable (HTTP ${httpStatus}); try again later.`,
      bad_response: `${NAME} refused the tracking request (HTTP ${httpStatus}).`,
    },
  });
}

export interface DhlParcelDeStatusMapping {
  /** The entry that decided, or undefined when no table knows the codes (the event becomes `unmapped`). */
  readonly entry: StatusTableEntry | undefined;
  /** Which table decided. */
  readonly source: 'combination' | 'event' | 'standard-event-code' | null;
  /** The raw code kept on the event: `ice/ric/standard-event-code` (e.g. `DLVRD/OTHER/ZU`), empty where absent. */
  readonly rawCode: string;
}

/**
 * Maps the three code attributes of a `piece-event` (or of the piece's latest state). Most specific first:
 * 1. `ice/ric/standard-event-code` in `DHL_PARCEL_DE_COMBINATIONS` (the few whose reason changes the meaning);
 * 2. `ice/standard-event-code` in `DHL_PARCEL_DE_EVENTS` (every pair in DHL's table), refined by the RIC;
 * 3. `standard-event-code` alone in `DHL_PARCEL_DE_STANDARD_EVENT_CODES`, refined by the RIC.
 * Nothing known gives `entry: undefined`, which `createEvent` turns into an `unmapped` event with the raw code.
 */
export function mapDhlParcelDeStatus(codes: { ice?: string; ric?: string; standardEventCode?: string }): DhlParcelDeStatusMapping {
  const ice = codes.ice?.trim().toUpperCase() ?? '';
  const ric = codes.ric?.trim().toUpperCase() ?? '';
  const group = codes.standardEventCode?.trim().toUpperCase() ?? '';
  const rawCode = `${ice}/${ric}/${group}`;
  const combination = lookupStatus(DHL_PARCEL_DE_COMBINATIONS, rawCode);
  if (combination) return { entry: combination, source: 'combination', rawCode };
  const event = ice && group ? lookupStatus(DHL_PARCEL_DE_EVENTS, `${ice}/${group}`) : undefined;
  if (event) return { entry: refine(event, ric), source: 'event', rawCode };
  const byGroup = lookupStatus(DHL_PARCEL_DE_STANDARD_EVENT_CODES, group);
  return byGroup ? { entry: refine(byGroup, ric), source: 'standard-event-code', rawCode } : { entry: undefined, source: null, rawCode };
}

/** Sharpens an entry without a substatus with the RIC's substatus for the same status. */
function refine(entry: StatusTableEntry, ric: string): StatusTableEntry {
  if (entry.substatus !== undefined || !ric || !Object.hasOwn(DHL_PARCEL_DE_REASON_CODES, ric)) return entry;
  const substatus = (DHL_PARCEL_DE_REASON_CODES as Readonly<Record<string, Readonly<Record<string, string | undefined>>>>)[ric]![
    entry.status
  ];
  // statusEntry checks that the substatus belongs to the status (the table's type already does).
  return (substatus && statusEntry(entry.status, substatus as Parameters<typeof statusEntry>[1])) || entry;
}

/**
 * An event or status time: `DD.MM.YYYY HH:mm`, the wall clock in Germany, with no zone. Kept as local time
 * (never stamped `Z`, no offset guessed: events abroad use their own clock); a bare date (or `YYYY-MM-DD`) stays a date.
 */
function dhlParcelDeTime(value: string | undefined): CarrierTime | null {
  const trimmed = value?.trim() ?? '';
  return numericDateTime(trimmed, 'DD.MM.YYYY') ?? (ISO_DATE.test(trimmed) ? localTime(trimmed) : null);
}

/**
 * An ETA from a day (`DD.MM.YYYY` or `YYYY-MM-DD`) and a window whose bounds are `HH:mm` on that day or a full
 * `DD.MM.YYYY HH:mm`: German wall-clock times (`local`); a day without a window is a `date` ETA.
 */
function estimateOf(dayValue: string | undefined, fromValue: string | undefined, toValue: string | undefined): EstimatedDelivery | null {
  const day = dhlParcelDeTime(dayValue)?.localTime?.slice(0, 10) ?? null;
  const from = boundOf(day, fromValue);
  const to = boundOf(day, toValue);
  if (from || to) return carrierEstimate(from ?? to, to ?? from, 'local');
  return day ? carrierEstimate(day, day, 'date') : null;
}

function boundOf(day: string | null, value: string | undefined): string | null {
  const clock = clockTime(value);
  if (clock && day) return `${day}T${clock}`;
  const full = dhlParcelDeTime(value);
  return full?.timeKind === 'local' ? full.localTime : null;
}

/** A piece code as DHL takes it: without spaces and dashes, upper case. */
export function dhlParcelDePieceCode(value: string | undefined): string {
  return value ? value.replace(SEPARATORS, '').toUpperCase() : '';
}

function eventOf(event: DhlParcelDePieceEvent): TrackingEvent {
  const mapping = mapDhlParcelDeStatus({ ice: event.ice, ric: event.ric, standardEventCode: event['standard-event-code'] });
  const countryText = event['event-country']?.trim() || null;
  const countryCode = countryText ? (normaliseCountryCode(countryText) ?? COUNTRY_NAMES.get(countryText.toLowerCase()) ?? null) : null;
  const city = event['event-location']?.trim() || null;
  const onReturnLeg = mapping.entry && event.ruecksendung?.trim() === 'true';
  return createEvent({
    time: dhlParcelDeTime(event['event-timestamp']),
    description: event['event-status']?.trim() || event['event-text']?.trim() || event['event-short-status'],
    code: mapping.rawCode,
    codes: {
      ice: event.ice,
      ric: event.ric,
      'standard-event-code': event['standard-event-code'],
      ruecksendung: event.ruecksendung === 'true' ? 'true' : undefined,
    },
    // A country name wismo cannot code stays in the raw text.
    location: createLocation({ city, countryCode, raw: countryCode ? null : [city, countryText].filter(Boolean).join(', ') || null }),
    mapped: onReturnLeg ? (RETURN_LEG_STATUS[mapping.entry!.status] ?? mapping.entry) : mapping.entry,
  });
}

/** Normalises one `piece-shipment` into a `Shipment`. Pure. */
function normaliseDhlParcelDePiece(
  piece: DhlParcelDePieceShipment,
  trackingNumber: string,
  options: { fetchedAt?: Date; raw?: unknown } = {},
): Shipment {
  const events: TrackingEvent[] = [];
  for (const list of piece.data ?? []) for (const event of list.data ?? []) events.push(eventOf(event));
  // Without an event list, the piece's own latest state is the event: nothing DHL said is lost.
  if (events.length === 0 && (piece['standard-event-code'] || piece.ice || piece.status)) {
    events.push(
      eventOf({
        'event-timestamp': piece['status-timestamp'],
        'event-status': piece.status,
        'event-short-status': piece['short-status'],
        ice: piece.ice,
        ric: piece.ric,
        'standard-event-code': piece['standard-event-code'],
        ruecksendung: piece.ruecksendung,
      }),
    );
  }
  const delivered = piece['delivery-event-flag']?.trim() === '1';
  const destinationCountry = normaliseCountryCode(piece['dest-country']);
  // DHL serves the signature (`d-get-signature`) for pieces delivered in Germany only.
  const signatureAvailable = delivered && destinationCountry === 'DE';
  const productCode = piece['product-code']?.trim() || null;
  const productName = piece['product-name']?.trim() || null;
  const postalCode = piece['pan-recipient-postalcode']?.trim() || null;
  let city = piece['pan-recipient-city']?.trim() || null;
  // `pan-recipient-city` is "53113 Bonn": the postcode is its own field.
  if (city && postalCode && city.startsWith(`${postalCode} `)) city = city.slice(postalCode.length + 1).trim() || null;
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
    signedBy: delivered ? piece['recipient-name']?.trim() || null : null,
    proofOfDelivery: {
      available: signatureAvailable,
      signatureAvailable,
      url: null,
      // "different person present", "neighbour": who took the parcel, as DHL words it.
      deliveryLocation: delivered ? piece['recipient-id-text']?.trim() || null : null,
    },
    service: productCode || productName ? { code: productCode, name: productName } : null,
    origin: createLocation({ countryCode: piece['origin-country'] }),
    destination: createLocation({ city, postalCode, countryCode: piece['dest-country'] }),
    legs: [],
    direction: piece.ruecksendung?.trim() === 'true' ? 'return' : undefined,
    contact: (destinationCountry ? DHL_PARCEL_DE_CONTACT.byCountry?.[destinationCountry] : undefined) ?? DHL_PARCEL_DE_CONTACT.default,
    trackingUrl: dhlParcelDeTrackingUrl(trackingNumber),
    fetchedAt: options.fetchedAt,
    raw: options.raw,
  });
}

/** The `data` of a well-formed answer with result code 0, or the typed error of any other answer. */
function readAnswer<Schema extends typeof dhlParcelDePieceDetailResponseSchema | typeof dhlParcelDeSignatureResponseSchema>(
  schema: Schema,
  httpStatus: number,
  body: unknown,
): ReturnType<Schema['parse']>['data'] {
  if (httpStatus === 401 || httpStatus === 403 || (body === undefined && (httpStatus < 200 || httpStatus >= 300))) {
    throw dhlParcelDeHttpError(httpStatus);
  }
  const { data } = parseWithSchema(schema, body, NAME, DHL_PARCEL_DE_CARRIER_ID, httpStatus) as ReturnType<Schema['parse']>;
  const code = data.code?.trim() ?? '';
  if (!code) throw new BadResponseError(`${NAME} sent an answer without a result code (HTTP ${httpStatus}).`, { ...context, httpStatus });
  if (code !== SUCCESS) throw dhlParcelDeResultError(code, data.error, httpStatus);
  if (httpStatus < 200 || httpStatus >= 300) throw dhlParcelDeHttpError(httpStatus);
  return data;
}

/**
 * Pure: one `d-get-piece-detail` answer (the XML, already parsed by `readDhlParcelDeBody`) → one outcome per
 * requested number, in order. 401/403 → `auth_failed` for every number whatever the body; a root `code` other
 * than 0 fails every number with its meaning (100 → `not_found`, 5 → `auth_failed`, …); a requested number
 * without a `piece-shipment` is `not_found`; a body of the wrong shape is `bad_response`.
 */
export const parseDhlParcelDeResponse = neverThrowing({ id: DHL_PARCEL_DE_CARRIER_ID, name: NAME }, (input: CarrierParseInput) => {
  const { httpStatus, body, trackingNumbers } = input;
  const response = readAnswer(dhlParcelDePieceDetailResponseSchema, httpStatus, body);
  const pieces = (response.data ?? []).filter((piece) => piece.name === undefined || piece.name === 'piece-shipment');
  return trackingNumbers.map((trackingNumber): TrackOutcome => {
    const wanted = dhlParcelDePieceCode(trackingNumber);
    // One number per request: the only piece answers it even if DHL echoes the number in another form.
    const piece =
      pieces.find((candidate) =>
        [candidate['searched-piece-code'], candidate['piece-code'], candidate['piece-identifier']].some(
          (code) => dhlParcelDePieceCode(code) === wanted,
        ),
      ) ?? (trackingNumbers.length === 1 && pieces.length === 1 ? pieces[0] : undefined);
    const errorStatus = piece?.['error-status']?.trim();
    const empty = errorStatus && errorStatus !== '0' && !piece!['standard-event-code'] && !piece!.ice && (piece!.data ?? []).length === 0;
    if (!piece || empty) {
      const message = `${NAME} has no tracking data for ${trackingNumber}. New labels can take a few hours to appear.`;
      return errorOutcome(trackingNumber, new NotFoundError(message, { ...context, httpStatus, trackingNumber }));
    }
    const raw = input.includeRaw ? body : undefined;
    return { trackingNumber, ok: true, shipment: normaliseDhlParcelDePiece(piece, trackingNumber, { fetchedAt: input.fetchedAt, raw }) };
  });
});

type ParsedDhlParcelDeSignature = { ok: true; signature: DhlParcelDeSignature } | { ok: false; error: WismoError };

/**
 * Pure: a `d-get-signature` answer → the signature image. The image comes hex-encoded in the `image` attribute
 * (`474946383961…` = `GIF89a`). Result codes as for tracking (100 → `not_found`, 63 → `carrier_unavailable`).
 */
export function parseDhlParcelDeSignatureResponse(input: {
  httpStatus: number;
  body: unknown;
  trackingNumber: string;
}): ParsedDhlParcelDeSignature {
  const { httpStatus, trackingNumber } = input;
  const options = { ...context, httpStatus, trackingNumber };
  try {
    const entry = (readAnswer(dhlParcelDeSignatureResponseSchema, httpStatus, input.body).data ?? []).find((item) => item.image);
    if (!entry?.image) throw new NotFoundError(`${NAME} has no signature for ${trackingNumber}.`, options);
    const hex = entry.image.trim();
    if (!HEX.test(hex)) throw new BadResponseError(`${NAME} sent a signature that is not hex-encoded.`, options);
    const image = new Uint8Array(Buffer.from(hex, 'hex'));
    return {
      ok: true,
      signature: { mimeType: entry['mime-type']?.trim() || 'image/gif', image, deliveredOn: dhlParcelDeTime(entry['event-date']) },
    };
  } catch (error) {
    if (WismoError.isInstance(error)) return { ok: false, error };
    throw error;
  }
}
