import {
  AuthFailedError,
  BadResponseError,
  CarrierUnavailableError,
  InvalidNumberError,
  NotFoundError,
  RateLimitedError,
  WismoError,
  approximateEpochMs,
  buildShipment,
  contactFor,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  lookupStatus,
  parseCarrierDateTime,
  parseWithSchema,
  successOutcome,
  type CarrierParseInput,
  type CarrierTime,
  type EstimatedDelivery,
  type Leg,
  type Location,
  type Shipment,
  type TimeKind,
  type TrackOutcome,
  type TrackingEvent,
} from '@wismo/core';
import {
  dhlGatewayFaultSchema,
  dhlOAuthErrorSchema,
  dhlProblemSchema,
  dhlTrackResponseSchema,
  type DhlAddress,
  type DhlEvent,
  type DhlPlace,
  type DhlReference,
  type DhlShipment,
  type DhlShipmentDetails,
} from './dhl-api';
import { DHL_CARRIER_ID, DHL_CARRIER_NAME, DHL_CONTACT, DHL_DAILY_QUOTA_DEFAULT, capText, dhlTrackingUrl } from './dhl-carrier';
import { mapDhlEvent, type DhlMappedEvent } from './map-dhl-status';
import { DHL_DESTINATION_PROVIDERS, DHL_STATUS_CODE_TABLE } from './dhl-status-tables';

const CARRIER = { carrierId: DHL_CARRIER_ID } as const;

/**
 * Pure: turns one answer of `GET /track/shipments` into one outcome per requested number.
 * Never throws; a body that does not fit becomes `bad_response` for every number.
 */
export function parseDhlTrackResponse(input: CarrierParseInput): TrackOutcome[] {
  try {
    return interpret(input);
  } catch (error) {
    if (WismoError.isInstance(error)) return failAll(input.trackingNumbers, error);
    const reason = error instanceof Error ? error.message : String(error);
    return failAll(
      input.trackingNumbers,
      new BadResponseError(`Could not read the DHL response (HTTP ${input.httpStatus}): ${reason}`, {
        ...CARRIER,
        httpStatus: input.httpStatus,
        cause: error,
      }),
    );
  }
}

function interpret(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  if (httpStatus >= 200 && httpStatus < 300) {
    const response = parseWithSchema(dhlTrackResponseSchema, body, DHL_CARRIER_NAME, DHL_CARRIER_ID, httpStatus);
    const fetchedAt = input.fetchedAt ?? new Date();
    const single = trackingNumbers.length === 1;
    return trackingNumbers.map((trackingNumber) => {
      const shipment = pickShipment(response.shipments, trackingNumber, single);
      if (!shipment) {
        return errorOutcome(
          trackingNumber,
          new NotFoundError(
            `DHL returned no shipment for ${trackingNumber}. New shipments appear 10–30 minutes after the label is created; check the number or pass the right \`service\`.`,
            {
              ...CARRIER,
              httpStatus,
              trackingNumber,
            },
          ),
        );
      }
      return successOutcome(normaliseDhlShipment(shipment, { trackingNumber, fetchedAt, raw: input.includeRaw ? body : undefined }));
    });
  }
  return failAll(trackingNumbers, errorForStatus(httpStatus, body, trackingNumbers));
}

const TRAILING_PERIOD = /\.\s*$/;

/** The error an unsuccessful answer stands for (the API answers RFC 7807 problem bodies). */
export function errorForStatus(httpStatus: number, body: unknown, trackingNumbers: readonly string[] = []): WismoError {
  const problem = describeDhlProblem(body);
  // DHL's details end with a period; drop it so our sentence can go on.
  const detail = problem.message ? `: ${problem.message.replace(TRAILING_PERIOD, '')}` : '';
  const options = {
    ...CARRIER,
    httpStatus,
    carrierCodes: problem.codes,
    trackingNumber: trackingNumbers.length === 1 ? trackingNumbers[0] : null,
  };
  if (httpStatus === 401 || httpStatus === 403 || problem.codes.some((code) => AUTH_ERROR_CODES.has(code.toLowerCase()))) {
    return new AuthFailedError(
      `DHL rejected the API key (HTTP ${httpStatus})${detail}. Check DHL_API_KEY and that the app is approved for Shipment Tracking – Unified.`,
      options,
    );
  }
  if (httpStatus === 404) {
    if (!problem.isProblem) {
      return new BadResponseError(
        `DHL answered HTTP 404 without a problem body; check that the base URL points at the Unified tracking API`,
        options,
      );
    }
    return new NotFoundError(
      `DHL has no shipment for this number${detail}. Numbers show up 10–30 minutes after the label is created and are purged after about 90 days.`,
      options,
    );
  }
  if (httpStatus === 400)
    return new InvalidNumberError(
      `DHL rejected the tracking number as invalid input${detail}. Check the number (and \`service\`, if set).`,
      options,
    );
  if (httpStatus === 429)
    return new RateLimitedError(
      `DHL is rate limiting requests (HTTP 429)${detail}. The default plan allows 1 call a second and ${DHL_DAILY_QUOTA_DEFAULT} a day (reset 24:00 GMT).`,
      options,
    );
  if (httpStatus >= 500) return new CarrierUnavailableError(`DHL answered HTTP ${httpStatus}${detail}`, options);
  return new BadResponseError(`DHL answered HTTP ${httpStatus}${detail}`, options);
}

/** RFC 6749 §5.2 and RFC 6750 §3.1 error codes: a gateway in front of DHL may answer with them. */
const AUTH_ERROR_CODES = new Set([
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'invalid_token',
  'insufficient_scope',
  'unauthorized',
]);
/** A code, not a sentence: only such values go into `carrierCodes`. */
const ERROR_CODE = /^[A-Za-z0-9_.:-]{1,80}$/;

function codesOf(...values: Array<string | null | undefined>): string[] {
  return values.filter((value): value is string => typeof value === 'string' && ERROR_CODE.test(value));
}

/**
 * The carrier's words and codes from an error body: problem `title`/`detail`, a gateway fault, or an OAuth error.
 * A problem body has no code (its `title` is free text and may echo what was sent), so its codes are empty.
 */
export function describeDhlProblem(body: unknown): { isProblem: boolean; message?: string; codes: string[] } {
  const problem = dhlProblemSchema.safeParse(body);
  if (problem.success && (problem.data.title || problem.data.detail)) {
    const message = [capText(problem.data.title), capText(problem.data.detail)].filter(Boolean).join(' – ');
    return { isProblem: true, message, codes: [] };
  }
  const fault = dhlGatewayFaultSchema.safeParse(body);
  if (fault.success) {
    return {
      isProblem: true,
      message: capText(fault.data.fault.faultstring) ?? undefined,
      codes: codesOf(fault.data.fault.detail?.errorcode),
    };
  }
  const oauth = dhlOAuthErrorSchema.safeParse(body);
  if (oauth.success)
    return { isProblem: true, message: capText(oauth.data.error_description) ?? undefined, codes: codesOf(oauth.data.error) };
  return { isProblem: false, codes: [] };
}

const WHITESPACE = /\s+/g;

function comparable(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace(WHITESPACE, '').toUpperCase();
}

/**
 * The shipment answering `trackingNumber`: its own id, else one holding it as a piece id (the API
 * also resolves piece numbers), else, for a one-number request, the first one DHL returned.
 */
function pickShipment(shipments: readonly DhlShipment[], trackingNumber: string, single: boolean): DhlShipment | undefined {
  const wanted = comparable(trackingNumber);
  const byId = shipments.find((shipment) => comparable(shipment.id) === wanted);
  if (byId) return byId;
  const byPiece = shipments.find((shipment) => shipment.details?.pieceIds?.some((piece) => comparable(piece) === wanted));
  if (byPiece) return byPiece;
  return single ? shipments[0] : undefined;
}

export interface NormaliseDhlShipmentOptions {
  /** The number as the caller asked for it. */
  trackingNumber: string;
  fetchedAt?: Date;
  /** Kept on `Shipment.raw` when given. */
  raw?: unknown;
}

/** Pure: one DHL shipment (already checked against `dhlShipmentSchema`) → the normalised `Shipment`. */
export function normaliseDhlShipment(shipment: DhlShipment, options: NormaliseDhlShipmentOptions): Shipment {
  const service = shipment.service ?? null;
  const details = shipment.details ?? null;
  // The current status repeats the newest event; it only stands in when DHL sends no event list.
  const rawEvents: readonly DhlEvent[] =
    shipment.events && shipment.events.length > 0 ? shipment.events : shipment.status ? [shipment.status] : [];
  const times = rawEvents.map((event) => parseCarrierDateTime(event.timestamp));
  const mapped = rawEvents.map((event) => mapDhlEvent(event, service));
  if (shipment.returnFlag === true) markReturn(mapped, times);

  const locations = new LocationReader();
  const events: TrackingEvent[] = rawEvents.map((event, index) =>
    createEvent({
      time: times[index] ?? null,
      description: capText(event.description ?? event.status ?? event.statusCode),
      code: mapped[index]!.code,
      codes: eventCodes(event),
      location: locations.read(event.location),
      mapped: mapped[index]!.entry,
    }),
  );

  const destination = locations.read(shipment.destination);
  const origin = locations.read(shipment.origin);
  const currentCode = shipment.status?.statusCode?.trim();
  const carrierStatus = lookupStatus(DHL_STATUS_CODE_TABLE, currentCode);

  // buildShipment derives deliveredAt from a "delivered" event only; a return ends with "returned".
  const returnedEvent = events.find((event) => event.status === 'returned');

  return buildShipment({
    carrier: DHL_CARRIER_ID,
    trackingNumber: options.trackingNumber,
    events,
    eventsNewestFirst: true,
    carrierStatus,
    estimatedDelivery: estimatedDelivery(shipment),
    deliveredAt: returnedEvent
      ? { occurredAt: returnedEvent.occurredAt, localTime: returnedEvent.localTime, timeKind: returnedEvent.timeKind }
      : undefined,
    signedBy: signerName(details),
    proofOfDelivery: proofOfDelivery(details),
    service: { code: details?.product?.productCode ?? service, name: details?.product?.productName ?? null },
    origin,
    destination,
    legs: legsOf(shipment, mapped),
    direction: shipment.returnFlag === true ? 'return' : 'outbound',
    contact: contactFor({ contact: DHL_CONTACT }, destination?.countryCode ?? origin?.countryCode),
    trackingUrl: dhlTrackingUrl(options.trackingNumber),
    fetchedAt: options.fetchedAt,
    raw: options.raw,
  });
}

/**
 * Parcel-de repeats the same place ("Deutschland") on event after event: a place equal to the
 * previous one is built once. Each event still gets its own copy, so no two events share an object.
 */
class LocationReader {
  private lastAddress: DhlAddress | null = null;
  private lastLocation: Location | null = null;

  read(place: DhlPlace | null | undefined): Location | null {
    const address = place?.address;
    if (!address) return null;
    const last = this.lastAddress;
    if (
      last === null ||
      last.addressLocality !== address.addressLocality ||
      last.postalCode !== address.postalCode ||
      last.countryCode !== address.countryCode ||
      last.addressRegion !== address.addressRegion
    ) {
      this.lastAddress = address;
      this.lastLocation = placeToLocation(place);
    }
    return this.lastLocation ? { ...this.lastLocation } : null;
  }
}

/**
 * `returnFlag: true` marks a shipment that could not be delivered and goes back to the sender; its
 * final "delivered" is the delivery back to the sender (DHL developer FAQ 47001251142, 47001251916).
 * Only the newest event is re-read: older scans may belong to the outbound trip.
 */
function markReturn(mapped: DhlMappedEvent[], times: readonly (CarrierTime | null)[]): void {
  let newest = -1;
  let newestKey = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < mapped.length; index++) {
    const time = times[index];
    const key = time ? approximateEpochMs(time) : Number.NEGATIVE_INFINITY;
    // DHL lists newest first: on equal times the earlier entry is the newer one.
    if (newest === -1 || key > newestKey) {
      newest = index;
      newestKey = key;
    }
  }
  const target = mapped[newest];
  if (!target?.entry) return;
  // The answers of mapDhlEvent are shared: replace, never change in place.
  if (target.entry.status === 'delivered') mapped[newest] = { ...target, entry: { status: 'returned', substatus: 'returned_to_sender' } };
  else if (target.entry.status === 'in_transit' || target.entry.status === 'out_for_delivery')
    mapped[newest] = { ...target, entry: { status: 'returning', substatus: 'returning_to_sender' } };
}

const CODE_LIKE = /^[A-Za-z0-9_-]{1,40}$/;

/** Every code field of the event: `statusCode`, `statusDetailed`, and `status` when it is a code, not a sentence. */
function eventCodes(event: DhlEvent): Record<string, string | null | undefined> {
  return {
    statusCode: event.statusCode,
    statusDetailed: event.statusDetailed,
    status: event.status && CODE_LIKE.test(event.status) ? event.status : undefined,
  };
}

/**
 * `addressLocality` is free text: a country ("Deutschland") for parcel-de, "street, CITY" in the spec
 * example, "HUB - CITY - COUNTRY" for express. It is kept as the raw location, never taken for a city.
 */
function placeToLocation(place: DhlPlace | null | undefined): Location | null {
  const address = place?.address;
  if (!address) return null;
  return createLocation({
    region: address.addressRegion,
    postalCode: address.postalCode,
    countryCode: address.countryCode,
    raw: address.addressLocality,
  });
}

const TIME_KIND_RANK: Record<TimeKind, number> = { date: 0, local: 1, instant: 2 };

/** The carrier's ETA: the delivery window when DHL gives one, else the single estimate. */
function estimatedDelivery(shipment: DhlShipment): EstimatedDelivery | null {
  const frame = shipment.estimatedDeliveryTimeFrame;
  const from = parseCarrierDateTime(frame?.estimatedFrom);
  const to = parseCarrierDateTime(frame?.estimatedThrough);
  if (from || to) return deliveryWindow(from, to);
  const single = parseCarrierDateTime(shipment.estimatedTimeOfDelivery);
  return single ? deliveryWindow(single, single) : null;
}

/** Both ends in one time kind: the less precise of the two, so nothing gains an offset it never had. */
function deliveryWindow(from: CarrierTime | null, to: CarrierTime | null): EstimatedDelivery {
  let timeKind: TimeKind = 'instant';
  if (from && TIME_KIND_RANK[from.timeKind] < TIME_KIND_RANK[timeKind]) timeKind = from.timeKind;
  if (to && TIME_KIND_RANK[to.timeKind] < TIME_KIND_RANK[timeKind]) timeKind = to.timeKind;
  return { from: asTimeKind(from, timeKind), to: asTimeKind(to, timeKind), timeKind, source: 'carrier', confidence: null };
}

function asTimeKind(time: CarrierTime | null, timeKind: TimeKind): string | null {
  if (!time) return null;
  if (timeKind === 'instant') return time.occurredAt;
  if (timeKind === 'local') return time.localTime;
  return time.localTime ? time.localTime.slice(0, 10) : null;
}

function signerName(details: DhlShipmentDetails | null): string | null {
  const signed = details?.proofOfDelivery?.signed;
  if (!signed) return null;
  const fullName = [signed.givenName, signed.familyName].filter((part) => part && part.trim()).join(' ');
  return fullName || signed.name || signed.organizationName || null;
}

const HTTP_URL = /^https?:\/\//i;

function httpUrl(value: string | null | undefined): string | null {
  return value && HTTP_URL.test(value.trim()) ? value.trim() : null;
}

function proofOfDelivery(details: DhlShipmentDetails | null) {
  const pod = details?.proofOfDelivery;
  // The spec example fills `signatureUrl` with the placeholder "string": only real links count.
  const documentUrl = httpUrl(pod?.documentUrl);
  const signatureUrl = httpUrl(pod?.signatureUrl);
  const signedAvailable = details?.proofOfDeliverySignedAvailable === true;
  return {
    available: Boolean(documentUrl || signatureUrl || signedAvailable),
    signatureAvailable: Boolean(signatureUrl) || signedAvailable,
    url: documentUrl ?? signatureUrl,
  };
}

/**
 * A USPS IMpb, with or without the `420` + ZIP routing prefix DHL eCommerce labels carry
 * (jkeen/tracking_number_data #101: "the 8 + 22 digit USPS tracking numbers"; IMpb serials start 92–95).
 */
const USPS_IMPB = /^(?:420(?:\d{9}|\d{5}))?(9[2-5](?:\d{20}|\d{24}))$/;

function referencesOf(details: DhlShipmentDetails | null): DhlReference[] {
  const references = details?.references;
  if (!references) return [];
  return Array.isArray(references) ? references : [references];
}

/**
 * Other carriers' parts of the journey: the destination provider DHL names, and the USPS last mile of
 * DHL eCommerce US parcels ("For packages to the US we work with the U.S. Postal Service", DHL
 * eCommerce FAQ), seen from a USPS number among the references/pieces or the hand-over scan.
 */
function legsOf(shipment: DhlShipment, mapped: readonly DhlMappedEvent[]): Leg[] {
  const details = shipment.details ?? null;
  const references = referencesOf(details);
  const localNumber = references.find(
    (reference) => reference.type === 'local-tracking-number' && reference.number !== null && reference.number !== undefined,
  );
  const legs: Leg[] = [];

  const provider = details?.provider?.destinationProvider?.trim();
  if (provider && provider !== shipment.service) {
    const known = DHL_DESTINATION_PROVIDERS[provider];
    legs.push({
      carrier: known?.carrier ?? provider,
      carrierName: known?.name ?? null,
      trackingNumber: localNumber ? String(localNumber.number) : null,
      role: 'last_mile',
    });
  }

  if (shipment.service?.startsWith('ecommerce')) {
    const candidates = [
      ...references.map((reference) => (reference.number === null || reference.number === undefined ? '' : String(reference.number))),
      ...(details?.pieceIds ?? []),
    ];
    let uspsNumber: string | null = null;
    for (const candidate of candidates) {
      const match = USPS_IMPB.exec(candidate.replace(WHITESPACE, ''));
      if (match) {
        uspsNumber = match[1]!;
        break;
      }
    }
    const handedToUsps = mapped.some((event) => event.ruleId === 'ecommerce-usps-sort-facility');
    if ((uspsNumber || handedToUsps) && !legs.some((leg) => leg.carrier === 'usps')) {
      legs.push({ carrier: 'usps', carrierName: 'USPS', trackingNumber: uspsNumber, role: 'last_mile' });
    }
  }
  return legs;
}
