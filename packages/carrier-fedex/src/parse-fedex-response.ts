import {
  AuthFailedError,
  BadResponseError,
  CarrierUnavailableError,
  InvalidNumberError,
  NotFoundError,
  RateLimitedError,
  approximateEpochMs,
  buildShipment,
  contactFor,
  createEvent,
  createLocation,
  dateOnly,
  errorOutcome,
  parseCarrierDateTime,
  successOutcome,
  type CarrierTime,
  type EstimatedDelivery,
  type Leg,
  type Location,
  type Shipment,
  type TimeKind,
  type TrackOutcome,
  type TrackingEvent,
  type WismoError,
} from '@wismo/core';
import type { z } from 'zod';
import {
  fedexCompleteTrackResultSchema,
  fedexTrackResponseSchema,
  fedexTrackResultSchema,
  fedexTrackingDocumentsResponseSchema,
  type FedexAddress,
  type FedexError,
  type FedexScanEvent,
  type FedexTrackResult,
} from './fedex-api';
import { FEDEX_CARRIER_ID, FEDEX_CONTACT, fedexTrackingUrl, normaliseFedexTrackingNumber } from './fedex-constants';
import { mapFedexEvent, mapFedexLatestStatus } from './map-fedex-status';

export interface ParseFedexOptions {
  /** When the answer was read (a true UTC instant). Default: now. */
  fetchedAt?: Date;
  /** Keep this number's `completeTrackResults` entry (every trackResult FedEx sent) on `Shipment.raw`. */
  includeRaw?: boolean;
}

/** The same input shape as the other carriers' pure parsers: what came back, for which numbers. */
export interface ParseFedexTrackResponseInput extends ParseFedexOptions {
  httpStatus: number;
  body: unknown;
  trackingNumbers: readonly string[];
}

/** Another trackResult FedEx returned for the same number (a duplicate or reused number), normalised the same way. */
export interface FedexAlternative {
  /** FedEx's `trackingNumberUniqueId`, e.g. `2460425000~776094337676~FX`; pass it back to FedEx to track that one. */
  uniqueId: string | null;
  shipment: Shipment;
}

/** Everything FedEx said about one requested number. */
export interface FedexNumberResult {
  trackingNumber: string;
  /** The chosen trackResult as a wismo outcome (what `track` returns). */
  outcome: TrackOutcome;
  /** `trackingNumberUniqueId` of the chosen trackResult. */
  uniqueId: string | null;
  /** The other trackResults, most recent first; empty in the usual case of one result per number. */
  alternatives: FedexAlternative[];
}

const CARRIER = { carrierId: FEDEX_CARRIER_ID } as const;
const DELIVERED_LIKE: ReadonlySet<string> = new Set(['delivered', 'returned']);
const USPS_EVENT_TYPES: ReadonlySet<string> = new Set(['AX', 'OX']);
const CANADA_POST_EVENT_TYPES: ReadonlySet<string> = new Set(['AC']);
/** Dates FedEx uses to say when a result was shipped or last active, for choosing between duplicate results. */
const ACTIVITY_DATE_TYPES: ReadonlySet<string> = new Set([
  'ACTUAL_DELIVERY',
  'ACTUAL_PICKUP',
  'ACTUAL_TENDER',
  'SHIP',
  'SHIPMENT_DATA_RECEIVED',
  'ANTICIPATED_TENDER',
]);

// FedEx writes date-only values as midnight: the spec's dateAndTimes example is "2007-09-27T00:00:00" for a field
// documented as "Format: YYYY-MM-DD", and real SHIP/ACTUAL_PICKUP/window values come as "T00:00:00-06:00" (FedEx's
// head-office zone) while real scans carry the scan location's offset.
const MIDNIGHT_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T00:00(?::00(?:\.0+)?)?$/;
const MIDNIGHT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const DAILY_QUOTA = /daily (transaction )?quota/i;

/**
 * Reads a FedEx time:
 * - with an offset → `instant` (`2024-04-26T07:50:00-07:00`);
 * - without an offset → `local` (never given a `Z`);
 * - exactly midnight without an offset → `date`: FedEx's placeholder for "this day, time unknown";
 * - `midnightMeansDate` (shipment dates and windows): midnight with an offset → `date` as well.
 */
export function parseFedexTime(value: string | null | undefined, midnightMeansDate = false): CarrierTime | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (MIDNIGHT_WITHOUT_OFFSET.test(trimmed) || (midnightMeansDate && MIDNIGHT_WITH_OFFSET.test(trimmed)))
    return dateOnly(trimmed.slice(0, 10));
  return parseCarrierDateTime(trimmed);
}

function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function locationOf(address: FedexAddress | null | undefined, cache?: Map<string, Location | null>): Location | null {
  if (!address) return null;
  if (!cache)
    return createLocation({
      city: address.city,
      region: address.stateOrProvinceCode,
      postalCode: address.postalCode,
      countryCode: address.countryCode,
    });
  // Scans repeat the same few places: build each once, hand out copies.
  const key = `${address.city}\u0000${address.stateOrProvinceCode}\u0000${address.postalCode}\u0000${address.countryCode}`;
  let location = cache.get(key);
  if (location === undefined) {
    location = createLocation({
      city: address.city,
      region: address.stateOrProvinceCode,
      postalCode: address.postalCode,
      countryCode: address.countryCode,
    });
    cache.set(key, location);
  }
  return location ? { ...location } : null;
}

function describeScan(scan: FedexScanEvent): string {
  const main = clean(scan.eventDescription) ?? clean(scan.derivedStatus);
  const reason = clean(scan.exceptionDescription);
  if (main && reason && reason.toLowerCase() !== main.toLowerCase()) return `${main}: ${reason}`;
  return main ?? reason ?? '';
}

function errorsText(errors: readonly FedexError[]): string {
  return errors
    .map((error) => [clean(error.code), clean(error.message)].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ');
}

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Milliseconds until the next 00:00 UTC, when FedEx resets the daily quota ("Retry after 12:00AM GMT"). */
export function millisecondsUntilFedexQuotaReset(nowMs: number = Date.now()): number {
  const now = new Date(nowMs);
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - nowMs;
}

function dailyQuotaError(httpStatus: number | null, carrierCodes: string[], nowMs: number, retryAfterMs: number | null): RateLimitedError {
  const resetMs = Math.max(retryAfterMs ?? 0, millisecondsUntilFedexQuotaReset(nowMs));
  return new RateLimitedError(
    `FedEx daily transaction quota is used up; FedEx accepts requests again after 00:00 GMT (in about ${Math.ceil(resetMs / 3_600_000)} h). Ask FedEx for a higher quota or track less often.`,
    { ...CARRIER, httpStatus, carrierCodes, retryAfterMs: resetMs },
  );
}

/**
 * A 429 whose text says the daily quota is spent becomes a `rate_limited` error that says so and whose
 * `retryAfterMs` points at the next 00:00 GMT; any other error is returned unchanged.
 */
export function refineFedexRateLimit(error: WismoError, nowMs: number = Date.now()): WismoError {
  if (error.code !== 'rate_limited' || !DAILY_QUOTA.test(error.message)) return error;
  return dailyQuotaError(error.httpStatus, error.carrierCodes, nowMs, error.retryAfterMs);
}

/** For the transport: the FedEx `errors[]` of an error body, as one message and its codes. */
export function describeFedexErrorBody(
  body: string,
  nowMs: number = Date.now(),
): { message?: string; codes?: string[]; retryAfterMs?: number | null } | undefined {
  const described = describeFedexErrorText(body);
  // A spent daily quota must not be retried within the run: tell the transport how long to wait.
  if (described?.message && DAILY_QUOTA.test(described.message))
    return { ...described, retryAfterMs: millisecondsUntilFedexQuotaReset(nowMs) };
  return described;
}

function describeFedexErrorText(body: string): { message?: string; codes?: string[] } | undefined {
  const trimmed = body.trim();
  if (trimmed === '' || trimmed.startsWith('<')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    // Gateways answer 429 in plain text ("Daily transaction quota exceeded ..."): keep short texts.
    return trimmed.length <= 300 ? { message: trimmed } : undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as { errors?: unknown; message?: unknown };
  if (Array.isArray(record.errors)) {
    const errors = record.errors.filter((item): item is FedexError => typeof item === 'object' && item !== null);
    const codes = errors
      .map((error) => clean(typeof error.code === 'string' ? error.code : null))
      .filter((code): code is string => code !== null);
    const message = errorsText(
      errors.map((error) => ({
        code: typeof error.code === 'string' ? error.code : null,
        message: typeof error.message === 'string' ? error.message : null,
      })),
    );
    return { message: message || undefined, codes };
  }
  return typeof record.message === 'string' ? { message: record.message } : undefined;
}

/** The error for a whole request FedEx refused with a top-level `errors[]`. */
export function fedexRequestError(httpStatus: number, errors: readonly FedexError[], nowMs: number = Date.now()): WismoError {
  const codes = errors.map((error) => clean(error.code)).filter((code): code is string => code !== null);
  const detail = errorsText(errors);
  const suffix = detail ? ` (${detail})` : '';
  const options = { ...CARRIER, httpStatus, carrierCodes: codes };
  // The rule every parse function follows: 401 and 403 are auth failures whatever the body says.
  if (httpStatus === 401 || httpStatus === 403 || codes.includes('NOT.AUTHORIZED.ERROR') || codes.includes('FORBIDDEN.ERROR')) {
    return new AuthFailedError(
      `FedEx rejected the credentials (HTTP ${httpStatus})${suffix}. Check the client id and secret and that the project has the Track API.`,
      options,
    );
  }
  if (codes.some((code) => code.startsWith('TRACKING.') && code.includes('NOTFOUND'))) {
    return new NotFoundError(
      `FedEx has no tracking data for the requested number${suffix}. Check the number; a new label can take a few hours to appear.`,
      options,
    );
  }
  if (codes.includes('TRACKINGDOCUMENT.DOCUMENT.UNAVAILABLE')) {
    return new NotFoundError(`FedEx has no proof-of-delivery document for this number yet${suffix}.`, options);
  }
  if (codes.some((code) => /^TRACKING\.TRACKINGNUMBER\.(INVALID|EMPTY)$/.test(code))) {
    return new InvalidNumberError(`FedEx rejected the tracking number${suffix}.`, options);
  }
  if (httpStatus === 429) {
    if (DAILY_QUOTA.test(detail)) return dailyQuotaError(httpStatus, codes, nowMs, null);
    return new RateLimitedError(`FedEx is rate limiting requests (HTTP 429)${suffix}`, options);
  }
  if (httpStatus >= 500 || codes.includes('SERVICE.UNAVAILABLE.ERROR') || codes.includes('INTERNAL.SERVER.ERROR')) {
    return new CarrierUnavailableError(`FedEx could not answer (HTTP ${httpStatus})${suffix}. Try again later.`, options);
  }
  return new BadResponseError(`FedEx refused the tracking request (HTTP ${httpStatus})${suffix}.`, options);
}

/** The error for one number that FedEx answered with a per-result `error`. */
function numberError(trackingNumber: string, error: FedexError): WismoError {
  const code = clean(error.code);
  const message = clean(error.message);
  const detail = [code, message].filter(Boolean).join(': ');
  const options = { ...CARRIER, httpStatus: 200, carrierCodes: code ? [code] : [], trackingNumber };
  if (code?.includes('NOTFOUND')) {
    return new NotFoundError(
      `FedEx has no tracking data for ${trackingNumber} (${detail}). Check the number; a new label can take a few hours to appear.`,
      options,
    );
  }
  if (code && /TRACKINGNUMBER\.(INVALID|EMPTY)/.test(code)) {
    return new InvalidNumberError(`FedEx says ${trackingNumber} is not a valid tracking number (${detail}).`, options);
  }
  return new BadResponseError(`FedEx could not track ${trackingNumber}${detail ? ` (${detail})` : ''}.`, options);
}

function hasTrackingData(result: FedexTrackResult): boolean {
  return (
    (result.scanEvents?.length ?? 0) > 0 ||
    Boolean(result.latestStatusDetail?.code || result.latestStatusDetail?.derivedCode) ||
    (result.dateAndTimes?.length ?? 0) > 0
  );
}

function dateOfType(result: FedexTrackResult, type: string): string | null {
  for (const entry of result.dateAndTimes ?? []) if (entry.type === type) return clean(entry.dateTime);
  return null;
}

function renderAs(time: CarrierTime, kind: TimeKind): string | null {
  if (kind === 'instant') return time.occurredAt;
  if (kind === 'local') return time.localTime;
  return (time.localTime ?? time.occurredAt)?.slice(0, 10) ?? null;
}

/** A window from two FedEx times; when their precision differs both are given at the coarser one. */
function estimate(from: CarrierTime | null, to: CarrierTime | null): EstimatedDelivery | null {
  const kinds = [from?.timeKind, to?.timeKind];
  if (!from && !to) return null;
  const timeKind: TimeKind = kinds.includes('date') ? 'date' : kinds.includes('local') ? 'local' : 'instant';
  return {
    from: from ? renderAs(from, timeKind) : null,
    to: to ? renderAs(to, timeKind) : null,
    timeKind,
    source: 'carrier',
    confidence: null,
  };
}

/**
 * The carrier's estimate, most specific first: an agreed APPOINTMENT_DELIVERY, the estimatedDeliveryTimeWindow,
 * the ESTIMATED_DELIVERY date, then the COMMITMENT ("by"). standardTransitTimeWindow is the service's standard
 * transit time, not an estimate for this parcel, and is not used.
 */
function estimatedDeliveryOf(result: FedexTrackResult): EstimatedDelivery | null {
  const appointment = parseFedexTime(dateOfType(result, 'APPOINTMENT_DELIVERY'), true);
  if (appointment) return estimate(appointment, appointment);
  const window = result.estimatedDeliveryTimeWindow?.window;
  const windowEta = estimate(parseFedexTime(window?.begins, true), parseFedexTime(window?.ends, true));
  if (windowEta) return windowEta;
  const estimated = parseFedexTime(dateOfType(result, 'ESTIMATED_DELIVERY'), true);
  if (estimated) return estimate(estimated, estimated);
  return estimate(null, parseFedexTime(dateOfType(result, 'COMMITMENT'), true));
}

function partnerNumberOf(result: FedexTrackResult): string | null {
  for (const identifier of result.additionalTrackingInfo?.packageIdentifiers ?? []) {
    if (identifier.type === 'PARTNER_CARRIER_NUMBER') return clean(identifier.values?.[0]) ?? clean(identifier.value);
  }
  return null;
}

/** FedEx Ground Economy (SmartPost) and other partner deliveries: the partner's part as a last-mile leg. */
function legsOf(result: FedexTrackResult, eventTypes: ReadonlySet<string>): Leg[] {
  const partnerNumber = partnerNumberOf(result);
  const commitType = result.serviceCommitMessage?.type ?? '';
  const isSmartPost = result.serviceDetail?.type === 'SMART_POST' || result.trackingNumberInfo?.carrierCode === 'FXSP';
  const viaUsps =
    [...USPS_EVENT_TYPES].some((type) => eventTypes.has(type)) || commitType.startsWith('USPS_') || (partnerNumber !== null && isSmartPost);
  if (viaUsps) return [{ carrier: 'usps', carrierName: 'USPS', trackingNumber: partnerNumber, role: 'last_mile' }];
  if ([...CANADA_POST_EVENT_TYPES].some((type) => eventTypes.has(type)))
    return [{ carrier: 'canadapost', carrierName: 'Canada Post', trackingNumber: partnerNumber, role: 'last_mile' }];
  if (partnerNumber) return [{ carrier: 'unknown', carrierName: null, trackingNumber: partnerNumber, role: 'last_mile' }];
  return [];
}

function isReturnShipment(result: FedexTrackResult): boolean {
  const detail = result.returnDetail;
  return Boolean(clean(detail?.authorizationName)) || (detail?.reasonDetail?.length ?? 0) > 0;
}

function eventsOf(result: FedexTrackResult, places: Map<string, Location | null>): { events: TrackingEvent[]; eventTypes: Set<string> } {
  const latest = result.latestStatusDetail;
  const latestCode = clean(latest?.code)?.toUpperCase() ?? null;
  let ancillaryReason: string | null = null;
  for (const detail of latest?.ancillaryDetails ?? []) {
    ancillaryReason = clean(detail.reason);
    if (ancillaryReason) break;
  }
  const scans = result.scanEvents ?? [];
  const events: TrackingEvent[] = new Array(scans.length);
  const eventTypes = new Set<string>();
  for (let index = 0; index < scans.length; index++) {
    const scan = scans[index]!;
    const eventType = clean(scan.eventType)?.toUpperCase() ?? null;
    const derivedStatusCode = clean(scan.derivedStatusCode);
    const exceptionCode = clean(scan.exceptionCode);
    const delayType = clean(scan.delayDetail?.type);
    if (eventType) eventTypes.add(eventType);
    // The latest status's ancillary reason explains the newest scan of the same type, unless it has a reason of its own.
    let ancillary: string | null = null;
    if (ancillaryReason && eventType !== null && eventType === latestCode) {
      if (!exceptionCode) ancillary = ancillaryReason;
      ancillaryReason = null;
    }
    events[index] = createEvent({
      time: parseFedexTime(scan.date),
      description: describeScan(scan),
      code: eventType ?? derivedStatusCode,
      codes: { eventType, derivedStatusCode, exceptionCode, ancillaryReason: ancillary, delayType, locationType: clean(scan.locationType) },
      location: locationOf(scan.scanLocation, places),
      mapped: mapFedexEvent({ eventType, derivedStatusCode, exceptionCode, ancillaryReason: ancillary, delayType }),
    });
  }
  return { events, eventTypes };
}

/** Normalises one FedEx trackResult into a wismo shipment (pure). */
export function buildFedexShipment(
  result: FedexTrackResult,
  trackingNumber: string,
  options: ParseFedexOptions & { raw?: unknown } = {},
): Shipment {
  return shipmentOf(result, trackingNumber, options, new Map());
}

function shipmentOf(
  result: FedexTrackResult,
  trackingNumber: string,
  options: ParseFedexOptions & { raw?: unknown },
  places: Map<string, Location | null>,
): Shipment {
  const { events, eventTypes } = eventsOf(result, places);
  const latest = result.latestStatusDetail;
  const origin = locationOf(result.originLocation?.locationContactAndAddress?.address) ?? locationOf(result.shipperInformation?.address);
  const destination =
    locationOf(result.destinationLocation?.locationContactAndAddress?.address) ??
    locationOf(result.recipientInformation?.address) ??
    locationOf(result.lastUpdatedDestinationAddress);
  const details = result.deliveryDetails;
  const hasSpod = (result.availableImages ?? []).some((image) => image.type === 'SIGNATURE_PROOF_OF_DELIVERY');
  const service = result.serviceDetail
    ? {
        code: clean(result.serviceDetail.type),
        name: clean(result.serviceDetail.description) ?? clean(result.serviceDetail.shortDescription),
      }
    : null;
  const shipment = buildShipment({
    carrier: FEDEX_CARRIER_ID,
    trackingNumber,
    events,
    eventsNewestFirst: true,
    carrierStatus: mapFedexLatestStatus(latest?.code, latest?.derivedCode),
    estimatedDelivery: estimatedDeliveryOf(result),
    deliveredAt: parseFedexTime(dateOfType(result, 'ACTUAL_DELIVERY'), true),
    signedBy: clean(details?.signedByName) ?? clean(details?.receivedByName),
    proofOfDelivery: { available: hasSpod, signatureAvailable: hasSpod, url: null, deliveryLocation: clean(details?.locationDescription) },
    service,
    origin,
    destination,
    legs: legsOf(result, eventTypes),
    direction: isReturnShipment(result) ? 'return' : undefined,
    contact: contactFor({ contact: FEDEX_CONTACT }, destination?.countryCode ?? origin?.countryCode),
    trackingUrl: fedexTrackingUrl(trackingNumber),
    fetchedAt: options.fetchedAt,
    raw: options.includeRaw ? options.raw : undefined,
  });
  // Where it was left only means something once it is delivered; `signedBy` stays as FedEx sent it (as in every adapter).
  if (!DELIVERED_LIKE.has(shipment.status)) shipment.proofOfDelivery.deliveryLocation = null;
  return shipment;
}

/** How recent a result is: its newest scan, else its latest shipment date (pickup, tender, ship, delivery). */
function recencyOf(result: FedexTrackResult, shipment: Shipment): number {
  let newest = shipment.events.length > 0 ? approximateEpochMs(shipment.events[0]!) : Number.NEGATIVE_INFINITY;
  for (const entry of result.dateAndTimes ?? []) {
    if (!entry.type || !ACTIVITY_DATE_TYPES.has(entry.type)) continue;
    const time = parseFedexTime(entry.dateTime, true);
    if (time) newest = Math.max(newest, approximateEpochMs(time));
  }
  return newest;
}

function errorResult(trackingNumber: string, error: WismoError): FedexNumberResult {
  return { trackingNumber, outcome: errorOutcome(trackingNumber, error), uniqueId: null, alternatives: [] };
}

/**
 * One number's `completeTrackResults` entry. Several trackResults (FedEx reuses numbers) are ranked by recency —
 * the newest scan, else the latest pickup/ship/delivery date — and the most recent is the outcome; ties keep
 * FedEx's order. The others are `alternatives`. Results that carry only an `error` count only when nothing else came.
 */
function resolveNumber(
  trackingNumber: string,
  complete: unknown,
  options: ParseFedexOptions,
  places: Map<string, Location | null>,
): FedexNumberResult {
  const parsedComplete = fedexCompleteTrackResultSchema.safeParse(complete);
  if (!parsedComplete.success) {
    return errorResult(
      trackingNumber,
      new BadResponseError(`FedEx result for ${trackingNumber} did not have the expected shape (${issuesText(parsedComplete.error)})`, {
        ...CARRIER,
        httpStatus: 200,
        trackingNumber,
      }),
    );
  }
  const candidates: Array<{ result: FedexTrackResult; shipment: Shipment; recency: number; order: number }> = [];
  let firstError: FedexError | null = null;
  let shapeProblem: string | null = null;
  const trackResults = parsedComplete.data.trackResults ?? [];
  for (let order = 0; order < trackResults.length; order++) {
    const parsed = fedexTrackResultSchema.safeParse(trackResults[order]);
    if (!parsed.success) {
      shapeProblem ??= issuesText(parsed.error);
      continue;
    }
    const result = parsed.data;
    // The spec example carries an `error` beside full data: data wins.
    if (!hasTrackingData(result) && clean(result.error?.code)) {
      firstError ??= result.error!;
      continue;
    }
    const shipment = shipmentOf(result, trackingNumber, { ...options, raw: complete }, places);
    candidates.push({ result, shipment, recency: 0, order });
  }
  if (candidates.length === 0) {
    if (firstError) return errorResult(trackingNumber, numberError(trackingNumber, firstError));
    const why = shapeProblem ? `did not have the expected shape (${shapeProblem})` : 'had no trackResults';
    return errorResult(
      trackingNumber,
      new BadResponseError(`FedEx result for ${trackingNumber} ${why}`, { ...CARRIER, httpStatus: 200, trackingNumber }),
    );
  }
  if (candidates.length > 1) {
    for (const candidate of candidates) candidate.recency = recencyOf(candidate.result, candidate.shipment);
    candidates.sort((a, b) => b.recency - a.recency || a.order - b.order);
  }
  const [chosen, ...others] = candidates;
  return {
    trackingNumber,
    outcome: successOutcome(chosen!.shipment),
    uniqueId: clean(chosen!.result.trackingNumberInfo?.trackingNumberUniqueId),
    alternatives: others.map((other) => ({
      uniqueId: clean(other.result.trackingNumberInfo?.trackingNumberUniqueId),
      shipment: other.shipment,
    })),
  };
}

function alertsText(alerts: unknown): string {
  if (typeof alerts === 'string') return alerts;
  if (Array.isArray(alerts)) return alerts.map((alert) => (typeof alert === 'string' ? alert : JSON.stringify(alert))).join('; ');
  return '';
}

/**
 * Pure: the HTTP status and parsed body of `POST /track/v1/trackingnumbers` → one result per requested number, in
 * order, with the alternatives FedEx sent for duplicate numbers. Never throws: surprising bodies become `bad_response`.
 * Results are matched to numbers by `completeTrackResults[].trackingNumber` (spaces ignored, case-insensitive); when
 * FedEx echoes a number in another form, an unmatched result at the same position is used.
 */
export function parseFedexTrackResults(input: ParseFedexTrackResponseInput): FedexNumberResult[] {
  const { httpStatus, body, trackingNumbers } = input;
  const options: ParseFedexOptions = input;
  const envelope = fedexTrackResponseSchema.safeParse(body);
  if (httpStatus === 401 || httpStatus === 403) {
    // Whatever the body (an OAuth error, FedEx's errors[], a gateway page): the credentials were refused.
    const error = fedexRequestError(httpStatus, envelope.success ? (envelope.data.errors ?? []) : []);
    return trackingNumbers.map((number) => errorResult(number, error));
  }
  if (!envelope.success) {
    const error = new BadResponseError(
      `FedEx response did not have the expected shape (HTTP ${httpStatus}; ${issuesText(envelope.error)})`,
      { ...CARRIER, httpStatus },
    );
    return trackingNumbers.map((number) => errorResult(number, error));
  }
  const output = envelope.data.output;
  if (httpStatus < 200 || httpStatus >= 300 || !output) {
    const error = fedexRequestError(httpStatus, envelope.data.errors ?? []);
    return trackingNumbers.map((number) => errorResult(number, error));
  }
  const completes = output.completeTrackResults;
  const byNumber = new Map<string, number>();
  for (let index = 0; index < completes.length; index++) {
    const entry = completes[index];
    const number = typeof entry === 'object' && entry !== null ? (entry as { trackingNumber?: unknown }).trackingNumber : undefined;
    if (typeof number === 'string') {
      const key = normaliseFedexTrackingNumber(number);
      if (!byNumber.has(key)) byNumber.set(key, index);
    }
  }
  const matched = trackingNumbers.map((trackingNumber) => byNumber.get(normaliseFedexTrackingNumber(trackingNumber)));
  const claimed = new Set(matched);
  const samePositions = completes.length === trackingNumbers.length;
  const alerts = alertsText(output.alerts);
  const places = new Map<string, Location | null>();
  return trackingNumbers.map((trackingNumber, position) => {
    let index = matched[position];
    if (index === undefined && samePositions && !claimed.has(position)) index = position;
    if (index === undefined) {
      const error = /NOTFOUND/i.test(alerts)
        ? new NotFoundError(`FedEx has no tracking data for ${trackingNumber} (${alerts}).`, { ...CARRIER, httpStatus, trackingNumber })
        : new BadResponseError(`FedEx sent no result for ${trackingNumber}.`, { ...CARRIER, httpStatus, trackingNumber });
      return errorResult(trackingNumber, error);
    }
    return resolveNumber(trackingNumber, completes[index], options, places);
  });
}

/** Pure: like `parseFedexTrackResults`, keeping only the outcomes (what `CarrierAdapter.track` returns). */
export function parseFedexTrackResponse(input: ParseFedexTrackResponseInput): TrackOutcome[] {
  return parseFedexTrackResults(input).map((result) => result.outcome);
}

/** A signature proof of delivery from `POST /track/v1/trackingdocuments`. */
export interface FedexProofOfDeliveryDocument {
  trackingNumber: string;
  /** `SIGNATURE_PROOF_OF_DELIVERY`. */
  documentType: string;
  /** `PDF` or `PNG`. */
  format: string;
  /** The documents, base64 encoded (`Buffer.from(document, 'base64')`). */
  documents: string[];
  /** FedEx alerts as `CODE: message`, e.g. `VIRTUAL.RESPONSE: This is a Virtual Response.` from the sandbox. */
  alerts: string[];
  /** True when FedEx says the answer is a canned sandbox ("virtual") response. */
  virtual: boolean;
}

export type FedexProofOfDeliveryOutcome =
  | { trackingNumber: string; ok: true; document: FedexProofOfDeliveryDocument; error?: undefined }
  | { trackingNumber: string; ok: false; error: WismoError; document?: undefined };

function alertList(alerts: unknown): string[] {
  if (typeof alerts === 'string') return alerts.trim() ? [alerts.trim()] : [];
  if (!Array.isArray(alerts)) return [];
  return alerts
    .map((alert) => {
      if (typeof alert === 'string') return alert;
      if (typeof alert === 'object' && alert !== null) {
        const { code, message } = alert as { code?: unknown; message?: unknown };
        return [code, message].filter((part): part is string => typeof part === 'string' && part !== '').join(': ');
      }
      return '';
    })
    .filter((alert) => alert !== '');
}

/** Pure: the answer of `POST /track/v1/trackingdocuments` for one number. Never throws. */
export function parseFedexProofOfDeliveryResponse(httpStatus: number, body: unknown, trackingNumber: string): FedexProofOfDeliveryOutcome {
  const fail = (error: WismoError): FedexProofOfDeliveryOutcome => ({
    trackingNumber,
    ok: false,
    error: error.forTrackingNumber(trackingNumber),
  });
  const parsed = fedexTrackingDocumentsResponseSchema.safeParse(body);
  if (httpStatus === 401 || httpStatus === 403)
    return fail(fedexRequestError(httpStatus, parsed.success ? (parsed.data.errors ?? []) : []));
  if (!parsed.success)
    return fail(
      new BadResponseError(
        `FedEx proof-of-delivery response did not have the expected shape (HTTP ${httpStatus}; ${issuesText(parsed.error)})`,
        { ...CARRIER, httpStatus },
      ),
    );
  const output = parsed.data.output;
  if (httpStatus < 200 || httpStatus >= 300 || !output) return fail(fedexRequestError(httpStatus, parsed.data.errors ?? []));
  const documents = output.documents ?? output.document ?? [];
  const alerts = alertList(output.alerts);
  if (documents.length === 0) {
    const detail = alerts.length > 0 ? ` (${alerts.join('; ')})` : '';
    return fail(
      new NotFoundError(
        `FedEx has no signature proof of delivery for ${trackingNumber}${detail}; it exists once the parcel is delivered.`,
        { ...CARRIER, httpStatus },
      ),
    );
  }
  return {
    trackingNumber,
    ok: true,
    document: {
      trackingNumber,
      documentType: clean(output.documentType) ?? 'SIGNATURE_PROOF_OF_DELIVERY',
      format: clean(output.documentFormat) ?? 'PDF',
      documents,
      alerts,
      virtual: alerts.some((alert) => alert.startsWith('VIRTUAL.RESPONSE')),
    },
  };
}
