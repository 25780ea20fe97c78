import {
  AuthFailedError,
  BadResponseError,
  NotFoundError,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  instantTime,
  parseCarrierDateTime,
  type CarrierParseInput,
  type EstimatedDelivery,
  type CarrierTime,
  type ShipmentInput,
  type TrackOutcome,
  type TrackingEvent,
  type WismoError,
} from '@wismo/core';
import { describeCarrierMessages, parseBodyWithSchema } from '@wismo/core/internal';
import {
  royalMailErrorResponseSchema,
  royalMailEventsResponseSchema,
  royalMailSignatureResponseSchema,
  royalMailSummaryResponseSchema,
  type RoyalMailError,
  type RoyalMailEventsResponse,
  type RoyalMailSummary,
} from './royalmail-api';
import { ROYALMAIL_CARRIER_ID, ROYALMAIL_CARRIER_NAME, ROYALMAIL_CONTACT, royalMailTrackingUrl } from './royalmail-carrier';
import { mapRoyalMailEvent, mapRoyalMailStatusCategory } from './map-royalmail-status';
import { ROYALMAIL_NOT_FOUND_CODES, ROYALMAIL_NO_SIGNATURE_CODES } from './royalmail-status-tables';

const carrier = { carrierId: ROYALMAIL_CARRIER_ID };
const ROYALMAIL = { id: ROYALMAIL_CARRIER_ID, name: ROYALMAIL_CARRIER_NAME };

/** Royal Mail's `E…` codes for one number: not found (E1142 and the "no tracking" codes) or another failure. */
function royalMailItemError(errors: readonly RoyalMailError[], httpStatus: number, trackingNumber: string | null): WismoError {
  const { detail, codes } = describeCarrierMessages(errors.map((error) => ({ code: error.errorCode, message: error.errorDescription })));
  const options = { ...carrier, httpStatus, trackingNumber, carrierCodes: codes };
  if (codes.some((code) => ROYALMAIL_NOT_FOUND_CODES.has(code))) {
    return new NotFoundError(`Royal Mail has no tracking for ${trackingNumber ?? 'this item'} (${detail})`, options);
  }
  // E0004: a required header (X-Accept-RMG-Terms) or the request shape was refused; E0013: too many ids. Retrying cannot help.
  return new BadResponseError(`Royal Mail refused the request (HTTP ${httpStatus}${detail ? `: ${detail}` : ''})`, options);
}

/** The 401 rule, then Royal Mail's error envelope; null when the body is an answer to parse. */
function royalMailRequestError(httpStatus: number, body: unknown): ((trackingNumber: string) => WismoError) | null {
  if (httpStatus === 401 || httpStatus === 403) {
    const error = new AuthFailedError(`Royal Mail rejected the client id or secret (HTTP ${httpStatus})`, { ...carrier, httpStatus });
    return () => error;
  }
  // A 2xx answer without an `errors` list is an answer: no need to read it as an envelope.
  const ok = httpStatus >= 200 && httpStatus < 300;
  if (ok && !(body !== null && typeof body === 'object' && 'errors' in body)) return null;
  const envelope = royalMailErrorResponseSchema.safeParse(body);
  const errors = envelope.success ? (envelope.data.errors ?? []) : [];
  if (errors.length > 0) return (trackingNumber) => royalMailItemError(errors, httpStatus, trackingNumber);
  if (!ok) {
    const error = new BadResponseError(`Royal Mail answered HTTP ${httpStatus}`, { ...carrier, httpStatus });
    return () => error;
  }
  return null;
}

const TIME_WITH_OFFSET = /^(\d{2}:\d{2}(?::\d{2})?)([+-]\d{2}:?\d{2}|Z)$/;

function windowBound(date: string, bound: string | undefined): string | null {
  const match = bound ? TIME_WITH_OFFSET.exec(bound.trim()) : null;
  if (!match) return null;
  return instantTime(`${date}T${match[1]}`, match[2]!)?.occurredAt ?? null;
}

/**
 * `estimatedDelivery { date, startOfEstimatedWindow: "08:00:00+01:00", endOfEstimatedWindow }`: a window of instants
 * when both bounds carry their offset, else the day alone.
 */
function royalMailEstimatedDelivery(estimate: RoyalMailEventsResponse['mailPieces']['estimatedDelivery']): EstimatedDelivery | null {
  const date = estimate?.date?.trim();
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const from = windowBound(date, estimate!.startOfEstimatedWindow);
  const to = windowBound(date, estimate!.endOfEstimatedWindow);
  if (from && to) return { from, to, timeKind: 'instant', source: 'carrier', confidence: null };
  return { from: date, to: date, timeKind: 'date', source: 'carrier', confidence: null };
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

function serviceOf(summary: RoyalMailSummary | undefined) {
  return summary ? { code: summary.productId ?? null, name: summary.productName ?? null } : null;
}

/** What only `/events` tells: the estimated delivery and whether a signature was taken. */
interface EventsDetail {
  estimatedDelivery: EstimatedDelivery | null;
  signedBy: string | null;
  proofOfDelivery: { available: boolean; signatureAvailable: boolean };
}

// One object literal, not a spread of a shared part plus extras: the spread was a seventh of the normalising time.
function shipmentInput(
  input: CarrierParseInput,
  trackingNumber: string,
  summary: RoyalMailSummary | undefined,
  events: TrackingEvent[],
  detail?: EventsDetail,
): ShipmentInput {
  return {
    carrier: ROYALMAIL_CARRIER_ID,
    trackingNumber,
    events,
    carrierStatus: mapRoyalMailStatusCategory(summary?.statusCategory),
    estimatedDelivery: detail?.estimatedDelivery ?? null,
    signedBy: detail?.signedBy ?? null,
    proofOfDelivery: detail?.proofOfDelivery,
    service: serviceOf(summary),
    origin: summary?.originCountryCode ? createLocation({ countryCode: summary.originCountryCode }) : null,
    destination: summary?.destinationCountryCode ? createLocation({ countryCode: summary.destinationCountryCode }) : null,
    contact: ROYALMAIL_CONTACT.byCountry?.GB ?? ROYALMAIL_CONTACT.default,
    trackingUrl: royalMailTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? input.body : undefined,
  };
}

/** Pure: `/events` for one item (the number of the request). Never throws for a surprising body. */
export function parseRoyalMailEventsResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const failure = royalMailRequestError(httpStatus, body);
  if (failure) return trackingNumbers.map((trackingNumber) => errorOutcome(trackingNumber, failure(trackingNumber)));
  const response = parseBodyWithSchema(royalMailEventsResponseSchema, body, ROYALMAIL, httpStatus);
  if (response instanceof BadResponseError) return failAll(trackingNumbers, response);
  const piece = response.mailPieces;
  return trackingNumbers.map((trackingNumber) => {
    const events = (piece.events ?? []).map((event) => eventOf(event.eventCode, event.eventName, event.eventDateTime, event.locationName));
    const signature = piece.signature;
    const shipment = buildShipment(
      shipmentInput(input, trackingNumber, piece.summary, events, {
        estimatedDelivery: royalMailEstimatedDelivery(piece.estimatedDelivery),
        signedBy: signature?.recipientName ?? null,
        // The signature is fetched separately (`signature()` on the adapter, `/signature`).
        proofOfDelivery: { available: Boolean(signature), signatureAvailable: Boolean(signature?.imageId) },
      }),
    );
    return { trackingNumber, ok: true, shipment };
  });
}

/**
 * Pure: `/summary` for up to 30 items. Each item has its last event only; an unknown one carries `error`
 * (E1142) inside HTTP 200.
 */
export function parseRoyalMailSummaryResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const failure = royalMailRequestError(httpStatus, body);
  if (failure) return trackingNumbers.map((trackingNumber) => errorOutcome(trackingNumber, failure(trackingNumber)));
  const response = parseBodyWithSchema(royalMailSummaryResponseSchema, body, ROYALMAIL, httpStatus);
  if (response instanceof BadResponseError) return failAll(trackingNumbers, response);
  const byId = new Map(response.mailPieces.map((piece) => [piece.mailPieceId?.trim().toUpperCase(), piece]));
  return trackingNumbers.map((trackingNumber) => {
    const piece = byId.get(trackingNumber.toUpperCase());
    if (!piece)
      return errorOutcome(
        trackingNumber,
        new BadResponseError(`Royal Mail's summary has no entry for ${trackingNumber}`, { ...carrier, httpStatus, trackingNumber }),
      );
    if (piece.error) return errorOutcome(trackingNumber, royalMailItemError([piece.error], httpStatus, trackingNumber));
    const summary = piece.summary;
    const events =
      summary?.lastEventCode || summary?.lastEventName
        ? [eventOf(summary.lastEventCode, summary.lastEventName, summary.lastEventDateTime, summary.lastEventLocationName)]
        : [];
    return { trackingNumber, ok: true, shipment: buildShipment(shipmentInput(input, trackingNumber, summary, events)) };
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

export type RoyalMailSignatureOutcome =
  { trackingNumber: string; ok: true; signature: RoyalMailSignature } | { trackingNumber: string; ok: false; error: WismoError };

/** Pure: `/signature`. E1144/E1145 (no proof of delivery) and E1142 are not_found; never throws. */
export function parseRoyalMailSignatureResponse(httpStatus: number, body: unknown, trackingNumber: string): RoyalMailSignatureOutcome {
  const failure = royalMailRequestError(httpStatus, body);
  if (failure) {
    const error = failure(trackingNumber);
    if (error.carrierCodes.some((code) => ROYALMAIL_NO_SIGNATURE_CODES.has(code))) {
      return {
        trackingNumber,
        ok: false,
        error: new NotFoundError(`Royal Mail has no signature for ${trackingNumber} (${error.carrierCodes.join(', ')})`, {
          carrierId: ROYALMAIL_CARRIER_ID,
          httpStatus,
          trackingNumber,
          carrierCodes: error.carrierCodes,
        }),
      };
    }
    return { trackingNumber, ok: false, error };
  }
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
