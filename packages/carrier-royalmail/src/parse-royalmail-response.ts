import {
  AuthFailedError,
  BadResponseError,
  NotFoundError,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  parseWithSchema,
  type CarrierParseInput,
  type EstimatedDelivery,
  type ShipmentInput,
  type TrackOutcome,
  type TrackingEvent,
  type WismoError,
} from '@wismo/core';
import {
  royalMailErrorResponseSchema,
  royalMailEventsResponseSchema,
  royalMailSummaryResponseSchema,
  type RoyalMailError,
  type RoyalMailEventsResponse,
  type RoyalMailSummary,
  type RoyalMailSummaryResponse,
} from './royalmail-api';
import { ROYALMAIL_CARRIER_ID, ROYALMAIL_CARRIER_NAME, ROYALMAIL_CONTACT, royalMailTrackingUrl } from './royalmail-carrier';
import { mapRoyalMailEvent, mapRoyalMailStatusCategory } from './map-royalmail-status';
import { ROYALMAIL_NOT_FOUND_CODES } from './royalmail-status-tables';
import { royalMailEstimatedDelivery, royalMailTime } from './royalmail-time';

const carrier = { carrierId: ROYALMAIL_CARRIER_ID };

function describeErrors(errors: readonly RoyalMailError[]): string {
  return errors.map((error) => [error.errorCode, error.errorDescription].filter(Boolean).join(' ')).join('; ');
}

/** Royal Mail's `E…` codes for one number: not found (E1142 and the "no tracking" codes) or another failure. */
export function royalMailItemError(errors: readonly RoyalMailError[], httpStatus: number, trackingNumber: string | null): WismoError {
  const codes = errors.map((error) => error.errorCode?.trim()).filter((code): code is string => Boolean(code));
  const detail = describeErrors(errors);
  if (codes.some((code) => ROYALMAIL_NOT_FOUND_CODES.has(code))) {
    return new NotFoundError(`Royal Mail has no tracking for ${trackingNumber ?? 'this item'} (${detail})`, {
      ...carrier,
      httpStatus,
      trackingNumber,
      carrierCodes: codes,
    });
  }
  // E0004: a required header (X-Accept-RMG-Terms) or the request shape was refused; E0013: too many ids. Retrying cannot help.
  return new BadResponseError(`Royal Mail refused the request (HTTP ${httpStatus}${detail ? `: ${detail}` : ''})`, {
    ...carrier,
    httpStatus,
    trackingNumber,
    carrierCodes: codes,
  });
}

/** The 401 rule, then Royal Mail's error envelope; null when the body is an answer to parse. */
export function royalMailRequestError(httpStatus: number, body: unknown): ((trackingNumber: string) => WismoError) | null {
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

function eventOf(
  code: string | undefined,
  name: string | undefined,
  dateTime: string | undefined,
  locationName: string | undefined,
): TrackingEvent {
  return createEvent({
    time: royalMailTime(dateTime),
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
  let response: RoyalMailEventsResponse;
  try {
    response = parseWithSchema(royalMailEventsResponseSchema, body, ROYALMAIL_CARRIER_NAME, ROYALMAIL_CARRIER_ID, httpStatus);
  } catch (error) {
    return failAll(trackingNumbers, error as BadResponseError);
  }
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
  let response: RoyalMailSummaryResponse;
  try {
    response = parseWithSchema(royalMailSummaryResponseSchema, body, ROYALMAIL_CARRIER_NAME, ROYALMAIL_CARRIER_ID, httpStatus);
  } catch (error) {
    return failAll(trackingNumbers, error as BadResponseError);
  }
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
