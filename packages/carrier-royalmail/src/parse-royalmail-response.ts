import {
  AuthFailedError,
  BadResponseError,
  NotFoundError,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  parseCarrierDateTime,
  type CarrierParseInput,
  type CarrierTime,
  type EstimatedDelivery,
  type SideOutcome,
  type TrackOutcome,
  type TrackingEvent,
  type WismoError,
} from '@wismo/core';
import { carrierEstimate, describeCarrierMessages, parseBodyWithSchema } from '@wismo/core/internal';
import {
  royalMailErrorResponseSchema,
  royalMailEventsResponseSchema,
  royalMailSignatureResponseSchema,
  royalMailSummaryResponseSchema,
  type RoyalMailError,
  type RoyalMailEventsResponse,
} from './royalmail-api';
import { ROYALMAIL_CARRIER_ID, ROYALMAIL_CARRIER_NAME, ROYALMAIL_CONTACT, royalMailTrackingUrl } from './royalmail-carrier';
import { mapRoyalMailEvent, mapRoyalMailStatusCategory } from './map-royalmail-status';
import { ROYALMAIL_NOT_FOUND_CODES, ROYALMAIL_NO_SIGNATURE_CODES } from './royalmail-status-tables';

const ROYALMAIL = { id: ROYALMAIL_CARRIER_ID, name: ROYALMAIL_CARRIER_NAME };

/** Royal Mail's `errors` when the answer is a refusal (not 2xx, or a 2xx holding `errors`); null for an answer to parse. */
function refusalOf(httpStatus: number, body: unknown): RoyalMailError[] | null {
  const ok = httpStatus >= 200 && httpStatus < 300;
  // A 2xx answer without an `errors` list is an answer: no need to read it as an envelope.
  if (ok && !(body !== null && typeof body === 'object' && 'errors' in body)) return null;
  const envelope = royalMailErrorResponseSchema.safeParse(body);
  const errors = envelope.success ? (envelope.data.errors ?? []) : [];
  return ok && errors.length === 0 ? null : errors;
}

/**
 * The 401 rule, then Royal Mail's `E…` codes for one number: not found (E1142 and the "no tracking" codes; for a
 * signature also E1144/E1145, no proof of delivery) or another failure.
 */
function royalMailError(errors: readonly RoyalMailError[], httpStatus: number, trackingNumber: string, signature = false): WismoError {
  const options = { carrierId: ROYALMAIL_CARRIER_ID, httpStatus, trackingNumber };
  if (httpStatus === 401 || httpStatus === 403) {
    return new AuthFailedError(`Royal Mail rejected the client id or secret (HTTP ${httpStatus})`, options);
  }
  const { detail, codes } = describeCarrierMessages(errors.map((error) => ({ code: error.errorCode, message: error.errorDescription })));
  const withCodes = { ...options, carrierCodes: codes };
  if (signature && codes.some((code) => ROYALMAIL_NO_SIGNATURE_CODES.has(code))) {
    return new NotFoundError(`Royal Mail has no signature for ${trackingNumber} (${codes.join(', ')})`, withCodes);
  }
  if (codes.some((code) => ROYALMAIL_NOT_FOUND_CODES.has(code))) {
    return new NotFoundError(`Royal Mail has no tracking for ${trackingNumber} (${detail})`, withCodes);
  }
  if (errors.length === 0) return new BadResponseError(`Royal Mail answered HTTP ${httpStatus}`, options);
  // E0004: a required header (X-Accept-RMG-Terms) or the request shape was refused; E0013: too many ids. Retrying cannot help.
  return new BadResponseError(`Royal Mail refused the request (HTTP ${httpStatus}${detail ? `: ${detail}` : ''})`, withCodes);
}

/**
 * `estimatedDelivery { date, startOfEstimatedWindow: "08:00:00+01:00", endOfEstimatedWindow }`: a window of instants
 * when both bounds carry their offset, else the day alone.
 */
function royalMailEstimatedDelivery(estimate: RoyalMailEventsResponse['mailPieces']['estimatedDelivery']): EstimatedDelivery | null {
  const date = estimate?.date?.trim();
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const [from, to] = [estimate!.startOfEstimatedWindow, estimate!.endOfEstimatedWindow].map((bound) =>
    parseCarrierDateTime(bound && `${date}T${bound.trim()}`),
  );
  if (from?.timeKind === 'instant' && to?.timeKind === 'instant') return carrierEstimate(from.occurredAt, to.occurredAt, 'instant');
  return carrierEstimate(date, date, 'date');
}

function eventOf(
  code: string | undefined,
  name: string | undefined,
  dateTime: string | undefined,
  locationName: string | undefined,
): TrackingEvent {
  return createEvent({
    // ISO 8601 with the UK offset (`2016-10-20T10:04:00+01:00`): instants.
    time: parseCarrierDateTime(dateTime),
    description: name,
    code: code?.trim() || null,
    location: locationName?.trim() ? createLocation({ raw: locationName }) : null,
    mapped: mapRoyalMailEvent(code),
  });
}

/**
 * A piece of `/events` (history, estimate, signature) or of `/summary` (last event only) as a shipment. One object
 * literal, not a spread of a shared part plus extras: the spread was a seventh of the normalising time.
 */
function shipmentOutcome(
  input: CarrierParseInput,
  trackingNumber: string,
  events: TrackingEvent[],
  piece: Partial<RoyalMailEventsResponse['mailPieces']>,
): TrackOutcome {
  const { summary, signature } = piece;
  const shipment = buildShipment({
    carrier: ROYALMAIL_CARRIER_ID,
    trackingNumber,
    events,
    carrierStatus: mapRoyalMailStatusCategory(summary?.statusCategory),
    estimatedDelivery: royalMailEstimatedDelivery(piece.estimatedDelivery),
    signedBy: signature?.recipientName ?? null,
    // The signature is fetched separately (`signature()` on the adapter, `/signature`).
    proofOfDelivery: { available: Boolean(signature), signatureAvailable: Boolean(signature?.imageId) },
    service: summary ? { code: summary.productId ?? null, name: summary.productName ?? null } : null,
    origin: summary?.originCountryCode ? createLocation({ countryCode: summary.originCountryCode }) : null,
    destination: summary?.destinationCountryCode ? createLocation({ countryCode: summary.destinationCountryCode }) : null,
    contact: ROYALMAIL_CONTACT.byCountry?.GB ?? ROYALMAIL_CONTACT.default,
    trackingUrl: royalMailTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? input.body : undefined,
  });
  return { trackingNumber, ok: true, shipment };
}

/** Pure: `/events` for one item (the number of the request). Never throws for a surprising body. */
export function parseRoyalMailEventsResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const refusal = refusalOf(httpStatus, body);
  if (refusal)
    return trackingNumbers.map((trackingNumber) => errorOutcome(trackingNumber, royalMailError(refusal, httpStatus, trackingNumber)));
  const response = parseBodyWithSchema(royalMailEventsResponseSchema, body, ROYALMAIL, httpStatus);
  if (response instanceof BadResponseError) return failAll(trackingNumbers, response);
  const piece = response.mailPieces;
  return trackingNumbers.map((trackingNumber) => {
    const events = (piece.events ?? []).map((event) => eventOf(event.eventCode, event.eventName, event.eventDateTime, event.locationName));
    return shipmentOutcome(input, trackingNumber, events, piece);
  });
}

/**
 * Pure: `/summary` for up to 30 items. Each item has its last event only; an unknown one carries `error`
 * (E1142) inside HTTP 200.
 */
export function parseRoyalMailSummaryResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const refusal = refusalOf(httpStatus, body);
  if (refusal)
    return trackingNumbers.map((trackingNumber) => errorOutcome(trackingNumber, royalMailError(refusal, httpStatus, trackingNumber)));
  const response = parseBodyWithSchema(royalMailSummaryResponseSchema, body, ROYALMAIL, httpStatus);
  if (response instanceof BadResponseError) return failAll(trackingNumbers, response);
  const byId = new Map(response.mailPieces.map((piece) => [piece.mailPieceId?.trim().toUpperCase(), piece]));
  return trackingNumbers.map((trackingNumber) => {
    const piece = byId.get(trackingNumber.toUpperCase());
    if (!piece) {
      const options = { carrierId: ROYALMAIL_CARRIER_ID, httpStatus, trackingNumber };
      return errorOutcome(trackingNumber, new BadResponseError(`Royal Mail's summary has no entry for ${trackingNumber}`, options));
    }
    if (piece.error) return errorOutcome(trackingNumber, royalMailError([piece.error], httpStatus, trackingNumber));
    const summary = piece.summary;
    const events =
      summary?.lastEventCode || summary?.lastEventName
        ? [eventOf(summary.lastEventCode, summary.lastEventName, summary.lastEventDateTime, summary.lastEventLocationName)]
        : [];
    return shipmentOutcome(input, trackingNumber, events, piece);
  });
}

export interface RoyalMailSignature {
  recipientName: string | null;
  signedAt: CarrierTime | null;
  /** As Royal Mail sends it, e.g. `image/svg+xml` or `image/png`. */
  imageFormat: string | null;
  /** The image, base64 (or SVG text) as Royal Mail sends it. */
  image: string | null;
}

export type RoyalMailSignatureOutcome = SideOutcome<{ trackingNumber: string; ok: true; signature: RoyalMailSignature }>;

/** Pure: `/signature`. E1144/E1145 (no proof of delivery) and E1142 are not_found; never throws. */
export function parseRoyalMailSignatureResponse(httpStatus: number, body: unknown, trackingNumber: string): RoyalMailSignatureOutcome {
  const refusal = refusalOf(httpStatus, body);
  if (refusal) return { trackingNumber, ok: false, error: royalMailError(refusal, httpStatus, trackingNumber, true) };
  const response = parseBodyWithSchema(royalMailSignatureResponseSchema, body, ROYALMAIL, httpStatus);
  if (response instanceof BadResponseError) return { trackingNumber, ok: false, error: response.forTrackingNumber(trackingNumber) };
  const signature = response.mailPieces.signature;
  return {
    trackingNumber,
    ok: true,
    signature: {
      recipientName: signature.recipientName ?? null,
      signedAt: parseCarrierDateTime(signature.signatureDateTime),
      imageFormat: signature.imageFormat ?? null,
      image: signature.image ?? null,
    },
  };
}
