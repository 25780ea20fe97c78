import {
  BadResponseError,
  NotFoundError,
  WismoError,
  approximateEpochMs,
  buildShipment,
  contactFor,
  createEvent,
  createLocation,
  errorOutcome,
  successOutcome,
} from '@wismo/core';
import type { CarrierParseInput, CarrierTime, EstimatedDelivery, Leg, Shipment, TrackOutcome } from '@wismo/core';
import {
  carrierEstimateBetween,
  dailyQuota,
  describeCarrierMessages,
  describeErrorListText,
  entriesForNumbers,
  kindOfStatus,
  parseBodyWithSchema,
  parseMidnightAsDate,
  requestError,
  trimmedText,
  zodIssuesText,
  type RequestErrorKind,
} from '@wismo/core/internal';
import type { z } from 'zod';
import * as api from './fedex-api';
import { FEDEX_CARRIER_ID, FEDEX_CARRIER_NAME, FEDEX_CONTACT, fedexTrackingUrl, normaliseFedexTrackingNumber } from './fedex-constants';
import { mapFedexEvent, mapFedexLatestStatus } from './map-fedex-status';

/** Everything FedEx said about one requested number: the chosen trackResult as a wismo outcome, and the others. */
export interface FedexNumberResult {
  trackingNumber: string;
  outcome: TrackOutcome;
  /** FedEx's `trackingNumberUniqueId` of the chosen trackResult, e.g. `2460425000~776094337676~FX`. */
  uniqueId: string | null;
  /** The other trackResults (a reused number), most recent first; pass a `uniqueId` back to FedEx to track that one. */
  alternatives: Array<{ uniqueId: string | null; shipment: Shipment }>;
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

const CARRIER = { carrierId: FEDEX_CARRIER_ID } as const;
const DOCUMENT_UNAVAILABLE = 'TRACKINGDOCUMENT.DOCUMENT.UNAVAILABLE';
/** Dates FedEx uses to say when a result was shipped or last active, for choosing between duplicate results. */
const ACTIVITY_DATE_TYPES: ReadonlySet<string> = new Set([
  'ACTUAL_DELIVERY',
  'ACTUAL_PICKUP',
  'ACTUAL_TENDER',
  'SHIP',
  'SHIPMENT_DATA_RECEIVED',
  'ANTICIPATED_TENDER',
]);

/** A spent daily quota ("Daily transaction quota exceeded. Retry after 12:00AM GMT") waits until 00:00 GMT. */
export const fedexDailyQuota = dailyQuota({
  carrierId: FEDEX_CARRIER_ID,
  isSpent: ({ message }) => /daily (transaction )?quota/i.test(message ?? ''),
  message: (resetMs) =>
    `FedEx daily transaction quota is used up; FedEx accepts requests again after 00:00 GMT (in about ${Math.ceil(resetMs / 3_600_000)} h). Ask FedEx for a higher quota or track less often.`,
});

/**
 * Reads a FedEx time: with an offset → `instant`; without → `local` (never given a `Z`). FedEx writes date-only values
 * as midnight (the spec's dateAndTimes example is "2007-09-27T00:00:00" for a field documented as "Format: YYYY-MM-DD"):
 * exactly midnight without an offset is a `date`. Real SHIP/ACTUAL_PICKUP/window values come as "T00:00:00-06:00"
 * (FedEx's head-office zone) while real scans carry the scan location's offset: with `midnightMeansDate` (shipment
 * dates, windows) midnight with an offset is a `date` as well.
 */
export function parseFedexTime(value: string | null | undefined, midnightMeansDate = false): CarrierTime | null {
  return parseMidnightAsDate(value, { evenWithOffset: midnightMeansDate });
}

/**
 * For the transport: the FedEx `errors[]` of an error body (or a gateway's words: its 429 comes as plain text) as one
 * message and its codes. A spent daily quota must not be retried within the run: the transport is told so, and how
 * long to wait.
 */
export function describeFedexErrorBody(body: string, now = new Date()) {
  return fedexDailyQuota.describe(describeErrorListText(body, { separator: ': ', plainTextUpTo: 300 }), now);
}

/**
 * FedEx error codes by what they mean. Beside these, any code holding NOTFOUND is `not_found`, and TRACKINGNUMBER.INVALID…
 * or TRACKINGNUMBER.EMPTY… `invalid_number`.
 */
const FEDEX_ERROR_CODES: Readonly<Record<string, RequestErrorKind>> = {
  'NOT.AUTHORIZED.ERROR': 'auth_failed',
  'FORBIDDEN.ERROR': 'auth_failed',
  [DOCUMENT_UNAVAILABLE]: 'not_found',
  'SERVICE.UNAVAILABLE.ERROR': 'carrier_unavailable',
  'INTERNAL.SERVER.ERROR': 'carrier_unavailable',
};

function kindOfFedexCode(code: string): RequestErrorKind | undefined {
  if (code.includes('NOTFOUND')) return 'not_found';
  return /TRACKINGNUMBER\.(INVALID|EMPTY)/.test(code) ? 'invalid_number' : FEDEX_ERROR_CODES[code];
}

/** The error for a request FedEx refused with a top-level `errors[]`, or for one number's trackResult `error`. */
export function fedexRequestError(httpStatus: number, errors: readonly api.FedexError[], trackingNumber?: string, now = new Date()) {
  const { detail, codes } = describeCarrierMessages(errors, ': ');
  const because = detail ? ` (${detail})` : '';
  const error = requestError({
    ...CARRIER,
    httpStatus,
    carrierCodes: codes,
    trackingNumber,
    kindOfCode: kindOfFedexCode,
    // A 404 without a code FedEx explains is a wrong URL, not an unknown number.
    kindOfStatus: (status) => (status === 404 ? undefined : kindOfStatus(status)),
    messages: {
      auth_failed: `FedEx rejected the credentials (HTTP ${httpStatus})${because}. Check the client id and secret and that the project has the Track API.`,
      not_found: codes.includes(DOCUMENT_UNAVAILABLE)
        ? `FedEx has no proof-of-delivery document for this number yet${because}.`
        : `FedEx has no tracking data for ${trackingNumber ?? 'the requested number'}${because}. Check the number; a new label can take a few hours to appear.`,
      invalid_number: `FedEx says ${trackingNumber ?? 'the requested number'} is not a valid tracking number${because}.`,
      rate_limited: `FedEx is rate limiting requests (HTTP 429)${because}`,
      carrier_unavailable: `FedEx could not answer (HTTP ${httpStatus})${because}. Try again later.`,
      bad_response: trackingNumber
        ? `FedEx could not track ${trackingNumber}${because}.`
        : `FedEx refused the tracking request (HTTP ${httpStatus})${because}.`,
    },
  });
  return fedexDailyQuota.refine(error, now);
}

function locationOf(address: api.FedexAddress | null | undefined) {
  return address ? createLocation({ ...address, region: address.stateOrProvinceCode }) : null;
}

function dateOfType(result: api.FedexTrackResult, type: string): string | null {
  return trimmedText(result.dateAndTimes?.find((entry) => entry.type === type)?.dateTime);
}

/**
 * The carrier's estimate, most specific first: an agreed APPOINTMENT_DELIVERY, the estimatedDeliveryTimeWindow, the
 * ESTIMATED_DELIVERY date, then the COMMITMENT ("by"). standardTransitTimeWindow is the service's standard transit
 * time, not an estimate for this parcel, and is not used.
 */
function estimatedDeliveryOf(result: api.FedexTrackResult): EstimatedDelivery | null {
  const appointment = parseFedexTime(dateOfType(result, 'APPOINTMENT_DELIVERY'), true);
  const window = result.estimatedDeliveryTimeWindow?.window;
  const estimated = parseFedexTime(dateOfType(result, 'ESTIMATED_DELIVERY'), true);
  return (
    carrierEstimateBetween(appointment, appointment) ??
    carrierEstimateBetween(parseFedexTime(window?.begins, true), parseFedexTime(window?.ends, true)) ??
    carrierEstimateBetween(estimated, estimated) ??
    carrierEstimateBetween(null, parseFedexTime(dateOfType(result, 'COMMITMENT'), true))
  );
}

/** FedEx Ground Economy (SmartPost) and other partner deliveries: the partner's part as a last-mile leg. */
function legsOf(result: api.FedexTrackResult, eventTypes: ReadonlySet<string>): Leg[] {
  const partner = result.additionalTrackingInfo?.packageIdentifiers?.find((identifier) => identifier.type === 'PARTNER_CARRIER_NUMBER');
  const trackingNumber = partner ? (trimmedText(partner.values?.[0]) ?? trimmedText(partner.value)) : null;
  const isSmartPost = result.serviceDetail?.type === 'SMART_POST' || result.trackingNumberInfo?.carrierCode === 'FXSP';
  // AX and OX are scans at USPS, AC at Canada Post.
  const scannedByUsps = eventTypes.has('AX') || eventTypes.has('OX');
  if (scannedByUsps || result.serviceCommitMessage?.type?.startsWith('USPS_') || (trackingNumber && isSmartPost))
    return [{ carrier: 'usps', carrierName: 'USPS', trackingNumber, role: 'last_mile' }];
  if (eventTypes.has('AC')) return [{ carrier: 'canadapost', carrierName: 'Canada Post', trackingNumber, role: 'last_mile' }];
  return trackingNumber ? [{ carrier: 'unknown', carrierName: null, trackingNumber, role: 'last_mile' }] : [];
}

function eventsOf(result: api.FedexTrackResult) {
  const latestCode = trimmedText(result.latestStatusDetail?.code)?.toUpperCase() ?? null;
  let latestReason = result.latestStatusDetail?.ancillaryDetails?.map((detail) => trimmedText(detail.reason)).find(Boolean) ?? null;
  const eventTypes = new Set<string>();
  const events = (result.scanEvents ?? []).map((scan) => {
    const eventType = trimmedText(scan.eventType)?.toUpperCase() ?? null;
    const derivedStatusCode = trimmedText(scan.derivedStatusCode);
    const exceptionCode = trimmedText(scan.exceptionCode);
    const delayType = trimmedText(scan.delayDetail?.type);
    if (eventType) eventTypes.add(eventType);
    // The latest status's ancillary reason explains the newest scan of the same type, unless it has a reason of its own.
    let ancillaryReason: string | null = null;
    if (latestReason && eventType !== null && eventType === latestCode) {
      if (!exceptionCode) ancillaryReason = latestReason;
      latestReason = null;
    }
    const main = trimmedText(scan.eventDescription) ?? trimmedText(scan.derivedStatus);
    const reason = trimmedText(scan.exceptionDescription);
    return createEvent({
      time: parseFedexTime(scan.date),
      description: main && reason && reason.toLowerCase() !== main.toLowerCase() ? `${main}: ${reason}` : (main ?? reason ?? ''),
      code: eventType ?? derivedStatusCode,
      codes: { eventType, derivedStatusCode, exceptionCode, ancillaryReason, delayType, locationType: trimmedText(scan.locationType) },
      location: locationOf(scan.scanLocation),
      mapped: mapFedexEvent({ eventType, derivedStatusCode, exceptionCode, ancillaryReason, delayType }),
    });
  });
  return { events, eventTypes };
}

/** One FedEx trackResult as a wismo shipment (pure). */
function shipmentOf(result: api.FedexTrackResult, trackingNumber: string, input: CarrierParseInput, raw: unknown): Shipment {
  const { events, eventTypes } = eventsOf(result);
  const latest = result.latestStatusDetail;
  const origin = locationOf(result.originLocation?.locationContactAndAddress?.address) ?? locationOf(result.shipperInformation?.address);
  const destination =
    locationOf(result.destinationLocation?.locationContactAndAddress?.address) ??
    locationOf(result.recipientInformation?.address) ??
    locationOf(result.lastUpdatedDestinationAddress);
  const details = result.deliveryDetails;
  const hasSpod = (result.availableImages ?? []).some((image) => image.type === 'SIGNATURE_PROOF_OF_DELIVERY');
  const service = result.serviceDetail;
  const isReturn = Boolean(trimmedText(result.returnDetail?.authorizationName) || result.returnDetail?.reasonDetail?.length);
  const shipment = buildShipment({
    carrier: FEDEX_CARRIER_ID,
    trackingNumber,
    events,
    eventsNewestFirst: true,
    carrierStatus: mapFedexLatestStatus(latest?.code, latest?.derivedCode),
    estimatedDelivery: estimatedDeliveryOf(result),
    deliveredAt: parseFedexTime(dateOfType(result, 'ACTUAL_DELIVERY'), true),
    signedBy: trimmedText(details?.signedByName) ?? trimmedText(details?.receivedByName),
    proofOfDelivery: { available: hasSpod, signatureAvailable: hasSpod, deliveryLocation: trimmedText(details?.locationDescription) },
    service: service
      ? { code: trimmedText(service.type), name: trimmedText(service.description) ?? trimmedText(service.shortDescription) }
      : null,
    origin,
    destination,
    legs: legsOf(result, eventTypes),
    direction: isReturn ? 'return' : undefined,
    contact: contactFor({ contact: FEDEX_CONTACT }, destination?.countryCode ?? origin?.countryCode),
    trackingUrl: fedexTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? raw : undefined,
  });
  // Where it was left only means something once it is delivered; `signedBy` stays as FedEx sent it (as in every adapter).
  if (shipment.status !== 'delivered' && shipment.status !== 'returned') shipment.proofOfDelivery.deliveryLocation = null;
  return shipment;
}

/** How recent a result is: its newest scan, else its latest shipment date (pickup, tender, ship, delivery). */
function recencyOf(result: api.FedexTrackResult, shipment: Shipment): number {
  let newest = shipment.events.length > 0 ? approximateEpochMs(shipment.events[0]!) : Number.NEGATIVE_INFINITY;
  for (const entry of result.dateAndTimes ?? []) {
    const time = entry.type && ACTIVITY_DATE_TYPES.has(entry.type) ? parseFedexTime(entry.dateTime, true) : null;
    if (time) newest = Math.max(newest, approximateEpochMs(time));
  }
  return newest;
}

export function fedexErrorResult(trackingNumber: string, error: WismoError): FedexNumberResult {
  return { trackingNumber, outcome: errorOutcome(trackingNumber, error), uniqueId: null, alternatives: [] };
}

function hasTrackingData(result: api.FedexTrackResult): boolean {
  const latest = result.latestStatusDetail;
  return Boolean(result.scanEvents?.length || latest?.code || latest?.derivedCode || result.dateAndTimes?.length);
}

/**
 * One number's `completeTrackResults` entry. Several trackResults (FedEx reuses numbers) are ranked by recency — the
 * newest scan, else the latest pickup/ship/delivery date — and the most recent is the outcome; ties keep FedEx's
 * order. The others are `alternatives`. Results that carry only an `error` count only when nothing else came.
 */
function resolveNumber(trackingNumber: string, complete: unknown, input: CarrierParseInput): FedexNumberResult {
  const parsedComplete = api.fedexCompleteTrackResultSchema.safeParse(complete);
  const candidates: Array<{ result: api.FedexTrackResult; shipment: Shipment; recency: number }> = [];
  let firstError: api.FedexError | null = null;
  let shapeProblem = parsedComplete.success ? null : zodIssuesText(parsedComplete.error);
  for (const trackResult of parsedComplete.data?.trackResults ?? []) {
    const parsed = api.fedexTrackResultSchema.safeParse(trackResult);
    if (!parsed.success) shapeProblem ??= zodIssuesText(parsed.error);
    // The spec example carries an `error` beside full data: data wins.
    else if (!hasTrackingData(parsed.data) && trimmedText(parsed.data.error?.code)) firstError ??= parsed.data.error!;
    else candidates.push({ result: parsed.data, shipment: shipmentOf(parsed.data, trackingNumber, input, complete), recency: 0 });
  }
  if (candidates.length === 0) {
    const why = shapeProblem ? `did not have the expected shape (${shapeProblem})` : 'had no trackResults';
    const options = { ...CARRIER, httpStatus: 200, trackingNumber };
    const error = firstError
      ? fedexRequestError(200, [firstError], trackingNumber)
      : new BadResponseError(`FedEx result for ${trackingNumber} ${why}`, options);
    return fedexErrorResult(trackingNumber, error);
  }
  if (candidates.length > 1) {
    for (const candidate of candidates) candidate.recency = recencyOf(candidate.result, candidate.shipment);
    // Array sort is stable: equally recent results keep FedEx's order.
    candidates.sort((a, b) => b.recency - a.recency);
  }
  const [chosen, ...others] = candidates.map(({ result, shipment }) => ({
    uniqueId: trimmedText(result.trackingNumberInfo?.trackingNumberUniqueId),
    shipment,
  }));
  return { trackingNumber, outcome: successOutcome(chosen!.shipment), uniqueId: chosen!.uniqueId, alternatives: others };
}

/** The `output` of a FedEx answer, or the error the answer stands for (a refusal, an error list, another shape). */
function outputOf<Output>(
  schema: z.ZodType<{ output?: Output | null; errors?: api.FedexError[] | null }>,
  httpStatus: number,
  body: unknown,
): Output | WismoError {
  const envelope = parseBodyWithSchema(schema, body, { id: FEDEX_CARRIER_ID, name: FEDEX_CARRIER_NAME }, httpStatus);
  // Whatever the body (an OAuth error, FedEx's errors[], a gateway page): 401 and 403 refused the credentials.
  if (WismoError.isInstance(envelope)) return httpStatus === 401 || httpStatus === 403 ? fedexRequestError(httpStatus, []) : envelope;
  const isAnswer = httpStatus >= 200 && httpStatus < 300 && envelope.output;
  return isAnswer ? envelope.output! : fedexRequestError(httpStatus, envelope.errors ?? []);
}

/**
 * Pure: the HTTP status and parsed body of `POST /track/v1/trackingnumbers` → one result per requested number, in
 * order, with the alternatives FedEx sent for duplicate numbers. Never throws: surprising bodies become `bad_response`.
 * Results are matched to numbers by `completeTrackResults[].trackingNumber` (spaces ignored, case-insensitive); when
 * FedEx echoes a number in another form, an unmatched result at the same position is used.
 */
export function parseFedexTrackResults(input: CarrierParseInput): FedexNumberResult[] {
  const { httpStatus, body, trackingNumbers } = input;
  const output = outputOf(api.fedexTrackResponseSchema, httpStatus, body);
  if (WismoError.isInstance(output)) return trackingNumbers.map((number) => fedexErrorResult(number, output));
  const completes = entriesForNumbers(
    trackingNumbers,
    output.completeTrackResults,
    (entry) => [(entry as { trackingNumber?: unknown } | null)?.trackingNumber],
    { canonical: normaliseFedexTrackingNumber, samePosition: true },
  );
  const alerts = output.alerts.join('; ');
  return trackingNumbers.map((trackingNumber, position) => {
    if (completes[position] !== undefined) return resolveNumber(trackingNumber, completes[position], input);
    const options = { ...CARRIER, httpStatus, trackingNumber };
    return fedexErrorResult(
      trackingNumber,
      /NOTFOUND/i.test(alerts)
        ? new NotFoundError(`FedEx has no tracking data for ${trackingNumber} (${alerts}).`, options)
        : new BadResponseError(`FedEx sent no result for ${trackingNumber}.`, options),
    );
  });
}

/** Pure: like `parseFedexTrackResults`, keeping only the outcomes (what `CarrierAdapter.track` returns). */
export function parseFedexTrackResponse(input: CarrierParseInput): TrackOutcome[] {
  return parseFedexTrackResults(input).map((result) => result.outcome);
}

/** Pure: the answer of `POST /track/v1/trackingdocuments` for one number. Never throws. */
export function parseFedexProofOfDeliveryResponse(httpStatus: number, body: unknown, trackingNumber: string): FedexProofOfDeliveryOutcome {
  const output = outputOf(api.fedexTrackingDocumentsResponseSchema, httpStatus, body);
  if (WismoError.isInstance(output)) return { trackingNumber, ok: false, error: output.forTrackingNumber(trackingNumber) };
  const { alerts } = output;
  const documents = output.documents ?? output.document ?? [];
  if (documents.length === 0) {
    const detail = alerts.length > 0 ? ` (${alerts.join('; ')})` : '';
    const message = `FedEx has no signature proof of delivery for ${trackingNumber}${detail}; it exists once the parcel is delivered.`;
    return { trackingNumber, ok: false, error: new NotFoundError(message, { ...CARRIER, httpStatus, trackingNumber }) };
  }
  const documentType = trimmedText(output.documentType) ?? 'SIGNATURE_PROOF_OF_DELIVERY';
  const virtual = alerts.some((alert) => alert.startsWith('VIRTUAL.RESPONSE'));
  const document = { trackingNumber, documentType, format: trimmedText(output.documentFormat) ?? 'PDF', documents, alerts, virtual };
  return { trackingNumber, ok: true, document };
}
