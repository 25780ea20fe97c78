import {
  AuthFailedError,
  BadResponseError,
  CarrierUnavailableError,
  NotFoundError,
  buildShipment,
  createEvent,
  createLocation,
  dateOnly,
  errorOutcome,
  failAll,
  formatOffset,
  instantOfWallClock,
  instantTime,
  parseCarrierDateTime,
  parseWithSchema,
  zoneOffsetMinutes,
  type CarrierParseInput,
  type EstimatedDelivery,
  type Shipment,
  type TrackOutcome,
} from '@wismo/core';
import { hermesErrorResponseSchema, hermesShipmentInfoResponseSchema, type HermesShipmentInfo } from './hermes-api';
import { HERMES_CARRIER_ID, HERMES_CARRIER_NAME, HERMES_CONTACT, hermesTrackingUrl } from './hermes-carrier';
import { HERMES_RESULT_CODES } from './hermes-status-tables';
import { mapHermesStatus, normaliseHermesCode } from './map-hermes-status';

const carrier = { carrierId: HERMES_CARRIER_ID };

/** Hermes gives its delivery time slots in German time (CET/CEST). */
const GERMAN_TIME_ZONE = 'Europe/Berlin';
const HOUR_MINUTE = /^(\d{2}):(\d{2})$/;

/*
 * Germany's offset on a day, at noon. Zone arithmetic through Intl is the slowest step of normalising, and
 * slots are daytime: the noon offset is the slot's offset except before 04:00 on a DST-change day, which is
 * computed exactly. Bounded: cleared once it holds two years of days.
 */
const noonOffsets = new Map<string, string>();

function germanOffset(date: string, hour: number, minute: number): string {
  if (hour < 4) return formatOffset(zoneOffsetMinutes(GERMAN_TIME_ZONE, instantOfWallClock(date, hour, minute, GERMAN_TIME_ZONE)));
  let offset = noonOffsets.get(date);
  if (offset === undefined) {
    if (noonOffsets.size >= 730) noonOffsets.clear();
    offset = formatOffset(zoneOffsetMinutes(GERMAN_TIME_ZONE, instantOfWallClock(date, 12, 0, GERMAN_TIME_ZONE)));
    noonOffsets.set(date, offset);
  }
  return offset;
}

/** A slot bound (`10:00`, German time) on `date`, as an instant at Germany's offset then; null when unreadable. */
function slotInstant(date: string, value: string | undefined): string | null {
  const match = value ? HOUR_MINUTE.exec(value.trim()) : null;
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return instantTime(`${date}T${match[1]}:${match[2]}:00`, germanOffset(date, hour, minute))?.occurredAt ?? null;
}

/**
 * `deliveryForecast`: a day, and a time slot in German time when Hermes gives one. The slot's zone is
 * documented (CET/CEST), so its bounds are instants; a day alone is a date.
 */
export function hermesEstimatedDelivery(forecast: HermesShipmentInfo['deliveryForecast']): EstimatedDelivery | null {
  const day = dateOnly(forecast?.date ?? '');
  if (!day?.localTime) return null;
  const from = slotInstant(day.localTime, forecast?.timeSlot?.from);
  const to = slotInstant(day.localTime, forecast?.timeSlot?.to);
  if (from && to) return { from, to, timeKind: 'instant', source: 'carrier', confidence: null };
  return { from: day.localTime, to: day.localTime, timeKind: 'date', source: 'carrier', confidence: null };
}

/** One shipment, normalised. Pure. */
function normaliseHermesShipment(info: HermesShipmentInfo, trackingNumber: string, input: CarrierParseInput): Shipment {
  const events = (info.status ?? []).map((status) =>
    createEvent({
      // ISO 8601 with an offset (`2024-01-20T14:30:00+01:00`): an instant. Without one it stays local.
      time: parseCarrierDateTime(status.timestamp),
      description: status.description,
      code: normaliseHermesCode(status.code),
      codes: { code: status.code },
      location: createLocation({
        city: status.scanningUnit?.city,
        countryCode: status.scanningUnit?.countryCode,
        raw: [status.scanningUnit?.name, status.scanningUnit?.city].filter(Boolean).join(', ') || null,
      }),
      mapped: mapHermesStatus(status.code),
    }),
  );
  const receiver = info.receiverAddress;
  return buildShipment({
    carrier: HERMES_CARRIER_ID,
    trackingNumber,
    events,
    // The samples list the oldest status first; times decide, and on a tie the later entry is the newer.
    eventsNewestFirst: false,
    estimatedDelivery: hermesEstimatedDelivery(info.deliveryForecast),
    destination: createLocation({ city: receiver?.city, postalCode: receiver?.zipCode, countryCode: receiver?.countryCode }),
    contact: HERMES_CONTACT.default,
    trackingUrl: info.trackingLink?.trim() || hermesTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
    raw: input.includeRaw ? input.body : undefined,
  });
}

/** `listOfResultCodes` of a request-level error body, as code and message strings. */
function hermesResultCodes(body: unknown): Array<{ code?: string; message?: string }> {
  const parsed = hermesErrorResponseSchema.safeParse(body);
  return parsed.success ? (parsed.data.listOfResultCodes ?? []) : [];
}

/**
 * Pure: one outcome per requested number, in order. Never throws for a surprising body.
 * HTTP 200 with `shipmentinfo[]` (a shipment, or `result.code: e001` for one without data); 401/403 are auth
 * failures whatever the body; other statuses carry `listOfResultCodes`.
 */
export function parseHermesShipmentInfo(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  if (httpStatus === 401 || httpStatus === 403) {
    return failAll(
      trackingNumbers,
      new AuthFailedError(`${HERMES_CARRIER_NAME} rejected the access token (HTTP ${httpStatus})`, { ...carrier, httpStatus }),
    );
  }
  if (httpStatus !== 200) {
    const results = hermesResultCodes(body);
    const codes = results.map((result) => result.code).filter((code): code is string => typeof code === 'string');
    const said = results.map((result) => [result.code, result.message].filter(Boolean).join(' ')).join('; ');
    const message = `${HERMES_CARRIER_NAME} answered HTTP ${httpStatus}${said ? `: ${said}` : ''}`;
    if (codes.some((code) => HERMES_RESULT_CODES.tokenInvalid.has(code) || HERMES_RESULT_CODES.forbidden.has(code))) {
      return failAll(trackingNumbers, new AuthFailedError(message, { ...carrier, httpStatus, carrierCodes: codes }));
    }
    if (httpStatus >= 500)
      return failAll(trackingNumbers, new CarrierUnavailableError(message, { ...carrier, httpStatus, carrierCodes: codes }));
    return failAll(trackingNumbers, new BadResponseError(message, { ...carrier, httpStatus, carrierCodes: codes }));
  }
  let response;
  try {
    response = parseWithSchema(hermesShipmentInfoResponseSchema, body, HERMES_CARRIER_NAME, HERMES_CARRIER_ID, httpStatus);
  } catch (error) {
    return failAll(trackingNumbers, error as BadResponseError);
  }
  const byNumber = new Map<string, HermesShipmentInfo>();
  for (const info of response.shipmentinfo) {
    const id = info.shipmentID?.trim().toUpperCase();
    if (id && !byNumber.has(id)) byNumber.set(id, info);
  }
  return trackingNumbers.map((trackingNumber) => {
    const info = byNumber.get(trackingNumber);
    if (!info) {
      return errorOutcome(
        trackingNumber,
        new BadResponseError(`${HERMES_CARRIER_NAME}'s answer has no entry for ${trackingNumber}`, {
          ...carrier,
          httpStatus,
          trackingNumber,
        }),
      );
    }
    const resultCode = info.result?.code?.trim().toLowerCase();
    if (resultCode && !info.status?.length) {
      const said = info.result?.message?.trim();
      const options = { ...carrier, httpStatus, trackingNumber, carrierCodes: [resultCode] };
      if (resultCode === HERMES_RESULT_CODES.noInformation)
        return errorOutcome(
          trackingNumber,
          new NotFoundError(`${HERMES_CARRIER_NAME} has no information for ${trackingNumber}${said ? `: ${said}` : ''}`, options),
        );
      return errorOutcome(
        trackingNumber,
        new BadResponseError(`${HERMES_CARRIER_NAME} answered ${resultCode} for ${trackingNumber}${said ? `: ${said}` : ''}`, options),
      );
    }
    if (!info.status?.length) {
      return errorOutcome(
        trackingNumber,
        new NotFoundError(`${HERMES_CARRIER_NAME} lists ${trackingNumber} without any status yet`, {
          ...carrier,
          httpStatus,
          trackingNumber,
        }),
      );
    }
    return { trackingNumber, ok: true, shipment: normaliseHermesShipment(info, trackingNumber, input) };
  });
}
