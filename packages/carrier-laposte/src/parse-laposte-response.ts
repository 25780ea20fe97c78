import type { WismoError } from '@wismo/core';
import {
  AuthFailedError,
  BadResponseError,
  CarrierUnavailableError,
  InvalidNumberError,
  NotFoundError,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  parseCarrierDateTime,
  parseWithSchema,
  type CarrierParseInput,
  type CarrierTime,
  type EstimatedDelivery,
  type Shipment,
  type TrackOutcome,
} from '@wismo/core';
import { laposteTrackResponseSchema, laposteUnitaryResponseSchema, type LaposteShipment, type LaposteUnitaryResponse } from './laposte-api';
import { LAPOSTE_CARRIER_ID, LAPOSTE_CARRIER_NAME, LAPOSTE_CONTACT, laposteTrackingUrl } from './laposte-carrier';
import { LAPOSTE_RETURN_CODES } from './laposte-status-tables';
import { mapLaposteEventCode, mapLaposteTimeline } from './map-laposte-status';

const carrier = { carrierId: LAPOSTE_CARRIER_ID };

/** `holder`: who carries it. */
const HOLDERS: Readonly<Record<number, string>> = { 1: 'Courrier', 3: 'Chronopost', 4: 'Colissimo' };

/** The error a unitary answer without a shipment stands for. */
function unitaryError(answer: LaposteUnitaryResponse, trackingNumber: string, httpStatus: number): WismoError {
  const code = answer.returnCode === undefined ? null : String(answer.returnCode).trim();
  const said = answer.returnMessage?.trim() ? `: ${answer.returnMessage.trim()}` : '';
  const options = { ...carrier, httpStatus, trackingNumber, carrierCodes: code ? [code] : [] };
  if (code && LAPOSTE_RETURN_CODES.invalid.has(code)) {
    return new InvalidNumberError(`La Poste says ${trackingNumber} is not a valid number${said}`, options);
  }
  if (code && LAPOSTE_RETURN_CODES.notFound.has(code)) {
    return new NotFoundError(`La Poste has no tracking for ${trackingNumber} (returnCode ${code})${said}`, options);
  }
  if (code && LAPOSTE_RETURN_CODES.unavailable.has(code)) {
    return new CarrierUnavailableError(`La Poste could not answer for ${trackingNumber} (returnCode ${code})${said}`, options);
  }
  return new BadResponseError(`La Poste answered returnCode ${code ?? '(none)'} without a shipment for ${trackingNumber}${said}`, options);
}

/**
 * `estimDate` is the expected day (a date-time in the swagger); `estimHourMin`/`estimHourMax` narrow it to a
 * window when La Poste gives one.
 */
function laposteEstimatedDelivery(shipment: LaposteShipment): EstimatedDelivery | null {
  const from = parseCarrierDateTime(shipment.estimHourMin) ?? parseCarrierDateTime(shipment.estimDate);
  const to = parseCarrierDateTime(shipment.estimHourMax) ?? from;
  if (!from || !to) return null;
  const timeKind = from.timeKind === to.timeKind ? from.timeKind : 'local';
  const value = (time: CarrierTime) => (timeKind === 'instant' ? time.occurredAt : time.localTime);
  return { from: value(from), to: value(to), timeKind, source: 'carrier', confidence: null };
}

/** One shipment, normalised. Pure. Suivi v2 writes times with an offset (`2023-03-09T09:38:00+01:00`): instants. */
function normaliseLaposteShipment(shipment: LaposteShipment, trackingNumber: string, input: CarrierParseInput): Shipment {
  const events = (shipment.event ?? []).map((event) =>
    createEvent({
      time: parseCarrierDateTime(event.date),
      description: event.label,
      code: event.code?.trim() || null,
      codes: { code: event.code },
      mapped: mapLaposteEventCode(event.code),
    }),
  );
  const context = shipment.contextData;
  const removalPoint = context?.removalPoint?.name?.trim()
    ? [context.removalPoint.name.trim(), context.removalPoint.type?.trim()].filter(Boolean).join(' ') // e.g. "BUREAU DE POSTE X BDP"
    : null;
  const holder = shipment.holder !== undefined ? (HOLDERS[shipment.holder] ?? String(shipment.holder)) : null;
  return buildShipment({
    carrier: LAPOSTE_CARRIER_ID,
    trackingNumber,
    events,
    eventsNewestFirst: true,
    carrierStatus: mapLaposteTimeline(shipment.timeline),
    estimatedDelivery: laposteEstimatedDelivery(shipment),
    deliveredAt: parseCarrierDateTime(shipment.deliveryDate),
    proofOfDelivery: { deliveryLocation: removalPoint },
    service: shipment.product || holder ? { code: holder, name: shipment.product?.trim() || null } : null,
    origin: createLocation({ countryCode: context?.originCountry }),
    // A pickup point, when the parcel waits at one (AG1), is where the recipient goes.
    destination: createLocation({ countryCode: context?.arrivalCountry, raw: removalPoint }),
    contact: LAPOSTE_CONTACT.default,
    trackingUrl: shipment.url?.trim() || laposteTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? input.body : undefined,
  });
}

/**
 * Pure: one outcome per requested number, in order. Never throws for a surprising body.
 * HTTP 200 (one id, object or array), 207 (several ids: an array of unitary answers), 404 (returnCode 104),
 * 400 (returnCode 400); 401/403 are auth failures whatever the body.
 */
export function parseLaposteTrackResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  const options = { ...carrier, httpStatus };
  if (httpStatus === 401 || httpStatus === 403) {
    return failAll(trackingNumbers, new AuthFailedError(`${LAPOSTE_CARRIER_NAME} rejected the Okapi key (HTTP ${httpStatus})`, options));
  }
  // A 404 without a readable body (the gateway's own page) still means "unknown".
  if (httpStatus === 404 && (body === undefined || body === null || typeof body !== 'object')) {
    return failAll(trackingNumbers, new NotFoundError(`La Poste has no tracking for this number (HTTP 404)`, options));
  }
  if (![200, 207, 400, 404].includes(httpStatus)) {
    return failAll(trackingNumbers, new BadResponseError(`${LAPOSTE_CARRIER_NAME} answered HTTP ${httpStatus}`, options));
  }
  let answers: LaposteUnitaryResponse[];
  try {
    answers = Array.isArray(body)
      ? parseWithSchema(laposteTrackResponseSchema, body, LAPOSTE_CARRIER_NAME, LAPOSTE_CARRIER_ID, httpStatus)
      : [parseWithSchema(laposteUnitaryResponseSchema, body, LAPOSTE_CARRIER_NAME, LAPOSTE_CARRIER_ID, httpStatus)];
  } catch (error) {
    return failAll(trackingNumbers, error as BadResponseError);
  }
  const byNumber = new Map<string, LaposteUnitaryResponse>();
  for (const answer of answers) {
    const id = (answer.shipment?.idShip ?? answer.idShip)?.trim().toUpperCase();
    if (id && !byNumber.has(id)) byNumber.set(id, answer);
  }
  return trackingNumbers.map((trackingNumber) => {
    // One id asked, one answer without an id (a bare 404 body): it is that id's answer.
    const answer = byNumber.get(trackingNumber) ?? (trackingNumbers.length === 1 && answers.length === 1 ? answers[0] : undefined);
    if (!answer) {
      const missing = new BadResponseError(`La Poste's answer (HTTP ${httpStatus}) has no entry for ${trackingNumber}`, {
        ...options,
        trackingNumber,
      });
      return errorOutcome(trackingNumber, missing);
    }
    if (!answer.shipment) return errorOutcome(trackingNumber, unitaryError(answer, trackingNumber, httpStatus));
    return { trackingNumber, ok: true, shipment: normaliseLaposteShipment(answer.shipment, trackingNumber, input) };
  });
}

/** The carrier's words from an error body (429, 5xx), for the transport's error message. */
export function laposteErrorMessage(body: unknown): { message?: string; code?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const message = [record.returnMessage, record.message, record.error_description].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  const code = [record.returnCode, record.code].find((value) => typeof value === 'string' || typeof value === 'number');
  return { message: message?.trim(), code: code === undefined ? undefined : String(code) };
}
