import {
  AuthFailedError,
  BadResponseError,
  CarrierUnavailableError,
  InvalidNumberError,
  NotFoundError,
  RateLimitedError,
  WismoError,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  normaliseCountryCode,
  parseWithSchema,
  type CarrierParseInput,
  type Location,
  type Shipment,
  type ShipmentStatus,
  type StatusTableEntry,
  type TrackOutcome,
  type TrackingEvent,
} from '@wismo/core';
import { dhlParcelDePieceDetailResponseSchema, type DhlParcelDePieceEvent, type DhlParcelDePieceShipment } from './dhl-parcel-de-api';
import {
  DHL_PARCEL_DE_CARRIER_ID,
  DHL_PARCEL_DE_CARRIER_NAME,
  DHL_PARCEL_DE_CONTACT,
  dhlParcelDeTrackingUrl,
} from './dhl-parcel-de-carrier';
import { dhlParcelDeEstimatedDelivery, dhlParcelDeTime } from './dhl-parcel-de-time';
import { mapDhlParcelDeStatus } from './map-dhl-parcel-de-status';

const context = { carrierId: DHL_PARCEL_DE_CARRIER_ID } as const;
const NAME = DHL_PARCEL_DE_CARRIER_NAME;

/**
 * The root `code` attribute of every answer (DHL's list, as in karrio `vendors/tracking-test.txt`), by meaning.
 * `0` is success; codes not listed here are a `bad_response` that keeps the code.
 */
export const DHL_PARCEL_DE_RESULT_CODES = {
  success: '0',
  noDataFound: '100',
  noElectronicShipmentData: '200',
  loginFailed: '5',
  tooManyInvalidLogins: '6',
  authorizationError: '62',
  checksumInvalid: '41',
  noPieceCode: '45',
  noRightWithoutCheckDigit: '64',
  technicalError: '-1000',
  sqlError: '-2',
  noDatabaseConnection: '-1',
  signaturesUnavailable: '63',
} as const;

const AUTH_CODES: ReadonlySet<string> = new Set(['5', '6', '62']);
const INVALID_NUMBER_CODES: ReadonlySet<string> = new Set(['41', '45', '64']);
const NOT_FOUND_CODES: ReadonlySet<string> = new Set(['100', '200']);
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set(['-1000', '-2', '-1', '63']);

/** A root `code` other than 0 as a typed error (the same for every number of the request). */
export function dhlParcelDeResultError(code: string, error: string | undefined, httpStatus: number): WismoError {
  const said = error?.trim() ? `: ${error.trim()}` : '';
  const options = { ...context, httpStatus, carrierCodes: [code] };
  if (AUTH_CODES.has(code)) {
    return new AuthFailedError(
      `${NAME} rejected the business-portal login (code ${code}${said}). Check the username and password (appname) of the DHL business customer portal${code === '6' ? '; too many failed logins lock the account for a while' : ''}.`,
      options,
    );
  }
  if (INVALID_NUMBER_CODES.has(code))
    return new InvalidNumberError(
      `${NAME} does not accept this piece code (code ${code}${said}). Check the number and its check digit.`,
      options,
    );
  if (NOT_FOUND_CODES.has(code)) {
    return new NotFoundError(
      `${NAME} has no tracking data for this number (code ${code}${said}). New labels can take a few hours to appear.`,
      options,
    );
  }
  if (UNAVAILABLE_CODES.has(code))
    return new CarrierUnavailableError(`${NAME} reported a technical problem (code ${code}${said}); try again later.`, options);
  return new BadResponseError(`${NAME} refused the tracking request (code ${code}${said}).`, options);
}

/** An answer that is not a 2xx: the HTTP status decides (401/403 are auth failures whatever the body says). */
export function dhlParcelDeHttpError(httpStatus: number): WismoError {
  const options = { ...context, httpStatus };
  if (httpStatus === 401 || httpStatus === 403) {
    return new AuthFailedError(
      `${NAME} rejected the API credentials (HTTP ${httpStatus}). Check the API key and secret of your app on developer.dhl.com and that it has the Parcel DE Tracking API.`,
      options,
    );
  }
  if (httpStatus === 429) return new RateLimitedError(`${NAME} is rate limiting requests (HTTP 429). Lower the request rate.`, options);
  if (httpStatus >= 500) return new CarrierUnavailableError(`${NAME} is unavailable (HTTP ${httpStatus}); try again later.`, options);
  return new BadResponseError(`${NAME} refused the tracking request (HTTP ${httpStatus}).`, options);
}

const SEPARATORS = /[\s-]+/g;

function canonical(value: string | undefined): string {
  return value ? value.replace(SEPARATORS, '').toUpperCase() : '';
}

function answers(piece: DhlParcelDePieceShipment, trackingNumber: string): boolean {
  const wanted = canonical(trackingNumber);
  return [piece['searched-piece-code'], piece['piece-code'], piece['piece-identifier']].some((code) => canonical(code) === wanted);
}

/** Country names DHL writes in `event-country` (the answer's language); anything else stays in the raw text. */
const COUNTRY_NAMES: Readonly<Record<string, string>> = { germany: 'DE', deutschland: 'DE' };

function countryOf(value: string | undefined): { code: string | null; name: string | null } {
  const trimmed = value?.trim();
  if (!trimmed) return { code: null, name: null };
  return { code: normaliseCountryCode(trimmed) ?? COUNTRY_NAMES[trimmed.toLowerCase()] ?? null, name: trimmed };
}

function eventLocation(city: string | undefined, country: string | undefined): Location | null {
  const { code, name } = countryOf(country);
  const cityName = city?.trim() || null;
  return createLocation({ city: cityName, countryCode: code, raw: code ? null : [cityName, name].filter(Boolean).join(', ') || null });
}

const RETURN_LEG: Readonly<Partial<Record<ShipmentStatus, StatusTableEntry>>> = {
  delivered: { status: 'returned', substatus: 'returned_to_sender' },
  in_transit: { status: 'returning', substatus: 'returning_to_sender' },
  out_for_delivery: { status: 'returning', substatus: 'returning_to_sender' },
};

/** `ruecksendung="true"` marks an event of the way back: delivered then means back at the sender. */
function onReturnLeg(entry: StatusTableEntry | undefined, ruecksendung: string | undefined): StatusTableEntry | undefined {
  if (!entry || ruecksendung?.trim() !== 'true') return entry;
  return RETURN_LEG[entry.status] ?? entry;
}

function eventOf(event: DhlParcelDePieceEvent): TrackingEvent {
  const mapping = mapDhlParcelDeStatus({ ice: event.ice, ric: event.ric, standardEventCode: event['standard-event-code'] });
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
    location: eventLocation(event['event-location'], event['event-country']),
    mapped: onReturnLeg(mapping.entry, event.ruecksendung),
  });
}

function eventsOf(piece: DhlParcelDePieceShipment): TrackingEvent[] {
  const events: TrackingEvent[] = [];
  for (const list of piece.data ?? []) for (const event of list.data ?? []) events.push(eventOf(event));
  return events;
}

/** The piece's own latest state as an event, for answers without an event list: nothing DHL said is lost. */
function latestStateEvent(piece: DhlParcelDePieceShipment): TrackingEvent | null {
  if (!piece['standard-event-code'] && !piece.ice && !piece.status) return null;
  return eventOf({
    name: 'piece-event',
    'event-timestamp': piece['status-timestamp'],
    'event-status': piece.status,
    'event-text': undefined,
    'event-short-status': piece['short-status'],
    ice: piece.ice,
    ric: piece.ric,
    'standard-event-code': piece['standard-event-code'],
    'event-location': undefined,
    'event-country': undefined,
    ruecksendung: piece.ruecksendung,
  });
}

function destinationOf(piece: DhlParcelDePieceShipment): Location | null {
  const postalCode = piece['pan-recipient-postalcode']?.trim() || null;
  let city = piece['pan-recipient-city']?.trim() || null;
  // `pan-recipient-city` is "53113 Bonn": the postcode is its own field.
  if (city && postalCode && city.startsWith(`${postalCode} `)) city = city.slice(postalCode.length + 1).trim() || null;
  return createLocation({ city, postalCode, countryCode: piece['dest-country'] });
}

/** Normalises one `piece-shipment` into a `Shipment`. Pure. */
export function normaliseDhlParcelDePiece(
  piece: DhlParcelDePieceShipment,
  trackingNumber: string,
  options: { fetchedAt?: Date; raw?: unknown } = {},
): Shipment {
  let events = eventsOf(piece);
  if (events.length === 0) {
    const latest = latestStateEvent(piece);
    if (latest) events = [latest];
  }
  const latestMapping = mapDhlParcelDeStatus({ ice: piece.ice, ric: piece.ric, standardEventCode: piece['standard-event-code'] });
  const delivered = piece['delivery-event-flag']?.trim() === '1';
  const destinationCountry = normaliseCountryCode(piece['dest-country']);
  // DHL serves the signature (`d-get-signature`) for pieces delivered in Germany only.
  const signatureAvailable = delivered && destinationCountry === 'DE';
  const announced = dhlParcelDeEstimatedDelivery({
    day: piece['delivery-date'],
    from: piece['delivery-timeframe-from'],
    to: piece['delivery-timeframe-to'],
  });
  const preferred = dhlParcelDeEstimatedDelivery({
    day: piece['preferred-delivery-day'],
    from: piece['preferred-delivery-timeframe-from'],
    to: piece['preferred-delivery-timeframe-to'],
  });
  const productCode = piece['product-code']?.trim() || null;
  const productName = piece['product-name']?.trim() || null;
  return buildShipment({
    carrier: DHL_PARCEL_DE_CARRIER_ID,
    trackingNumber,
    events,
    // The event list comes oldest first.
    eventsNewestFirst: false,
    carrierStatus: latestMapping.entry,
    estimatedDelivery: announced ?? preferred,
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
    destination: destinationOf(piece),
    legs: [],
    direction: piece.ruecksendung?.trim() === 'true' ? 'return' : undefined,
    contact: (destinationCountry ? DHL_PARCEL_DE_CONTACT.byCountry?.[destinationCountry] : undefined) ?? DHL_PARCEL_DE_CONTACT.default,
    trackingUrl: dhlParcelDeTrackingUrl(trackingNumber),
    fetchedAt: options.fetchedAt,
    raw: options.raw,
  });
}

function isEmptyPiece(piece: DhlParcelDePieceShipment): boolean {
  const errorStatus = piece['error-status']?.trim();
  return Boolean(errorStatus && errorStatus !== '0') && !piece['standard-event-code'] && !piece.ice && (piece.data ?? []).length === 0;
}

/**
 * Pure: one `d-get-piece-detail` answer (the XML, already parsed by `readDhlParcelDeBody`) → one outcome per
 * requested number, in order. 401/403 → `auth_failed` for every number whatever the body; a root `code` other
 * than 0 fails every number with its meaning (100 → `not_found`, 5 → `auth_failed`, …); a requested number
 * without a `piece-shipment` is `not_found`; a body of the wrong shape is `bad_response`.
 */
export function parseDhlParcelDeResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  if (httpStatus === 401 || httpStatus === 403) return failAll(trackingNumbers, dhlParcelDeHttpError(httpStatus));

  let response;
  try {
    if (body === undefined && (httpStatus < 200 || httpStatus >= 300)) throw dhlParcelDeHttpError(httpStatus);
    response = parseWithSchema(dhlParcelDePieceDetailResponseSchema, body, NAME, DHL_PARCEL_DE_CARRIER_ID, httpStatus).data;
  } catch (error) {
    if (WismoError.isInstance(error)) return failAll(trackingNumbers, error);
    throw error;
  }
  const code = response.code?.trim() ?? '';
  if (code !== DHL_PARCEL_DE_RESULT_CODES.success) {
    return failAll(
      trackingNumbers,
      code
        ? dhlParcelDeResultError(code, response.error, httpStatus)
        : new BadResponseError(`${NAME} sent an answer without a result code (HTTP ${httpStatus}).`, { ...context, httpStatus }),
    );
  }
  if (httpStatus < 200 || httpStatus >= 300) return failAll(trackingNumbers, dhlParcelDeHttpError(httpStatus));

  const pieces = (response.data ?? []).filter((piece) => piece.name === undefined || piece.name === 'piece-shipment');
  return trackingNumbers.map((trackingNumber) => {
    // One number per request: the only piece answers it even if DHL echoes the number in another form.
    const piece =
      pieces.find((candidate) => answers(candidate, trackingNumber)) ??
      (trackingNumbers.length === 1 && pieces.length === 1 ? pieces[0] : undefined);
    if (!piece || isEmptyPiece(piece)) {
      return errorOutcome(
        trackingNumber,
        new NotFoundError(`${NAME} has no tracking data for ${trackingNumber}. New labels can take a few hours to appear.`, {
          ...context,
          httpStatus,
          trackingNumber,
        }),
      );
    }
    return {
      trackingNumber,
      ok: true,
      shipment: normaliseDhlParcelDePiece(piece, trackingNumber, { fetchedAt: input.fetchedAt, raw: input.includeRaw ? body : undefined }),
    };
  });
}
