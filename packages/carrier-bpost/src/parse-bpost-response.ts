import {
  AuthFailedError,
  BadResponseError,
  CarrierUnavailableError,
  NotFoundError,
  WismoError,
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
  type Location,
  type Shipment,
  type TrackOutcome,
  type TrackingEvent,
} from '@wismo/core';
import { bpostTrackingResponseSchema, type BpostItemTracking, type BpostStateInfo, type BpostTrackingResponse } from './bpost-api';
import { BPOST_CARRIER_ID, BPOST_CARRIER_NAME, BPOST_CONTACT, bpostTrackingUrl } from './bpost-carrier';
import { mapBpostState } from './map-bpost-status';

const context = { carrierId: BPOST_CARRIER_ID } as const;

function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * `systemException`: bpost's generic "unexpected error … try again in a few moments" (with a support token),
 * not a not-found: `carrier_unavailable`, retryable.
 */
function bpostSystemError(httpStatus: number, message: string | undefined): WismoError {
  const said = clean(message);
  return new CarrierUnavailableError(`bpost reported an unexpected error (HTTP ${httpStatus})${said ? `: ${said}` : ''}`, {
    ...context,
    httpStatus,
  });
}

/** `businessException{code, message}`: bpost refused the request; its codes are not documented. */
function bpostBusinessError(httpStatus: number, code: string | undefined, message: string | undefined): WismoError {
  const said = [clean(code), clean(message)].filter(Boolean).join(' ');
  return new BadResponseError(`bpost refused the tracking request (HTTP ${httpStatus})${said ? `: ${said}` : ''}`, {
    ...context,
    httpStatus,
    carrierCodes: code ? [clean(code)] : [],
  });
}

function notFound(trackingNumber: string, httpStatus: number, why: string): WismoError {
  return new NotFoundError(`bpost has no tracking information for ${trackingNumber} (${why}). New items can take a few hours to appear.`, {
    ...context,
    httpStatus,
    trackingNumber,
  });
}

function eventOf(state: BpostStateInfo): TrackingEvent {
  const code = state.stateCode?.trim() || null;
  return createEvent({
    // ISO 8601 with an offset, sometimes with milliseconds (dropped): an instant; without an offset it stays local.
    time: parseCarrierDateTime(state.time),
    description: state.stateDescription,
    code,
    codes: { stateCode: code },
    location: createLocation({ raw: state.location }),
    mapped: mapBpostState(code),
  });
}

/** `deliveryTimeWindow`: the planned window, as precise as bpost writes it (instant, local time or date). */
export function bpostEstimatedDelivery(
  window: { plannedDeliveryDateWindowStart?: string; plannedDeliveryDateWindowEnd?: string } | undefined,
): EstimatedDelivery | null {
  const start = parseCarrierDateTime(window?.plannedDeliveryDateWindowStart);
  const end = parseCarrierDateTime(window?.plannedDeliveryDateWindowEnd);
  const kind = start?.timeKind ?? end?.timeKind;
  if (!kind) return null;
  const value = (time: CarrierTime | null) =>
    time && time.timeKind === kind ? (kind === 'instant' ? time.occurredAt : time.localTime) : null;
  return { from: value(start), to: value(end), timeKind: kind, source: 'carrier', confidence: null };
}

const ANNOUNCED_ONLY = { status: 'info_received', substatus: 'label_created' } as const;

type BpostAddress = NonNullable<NonNullable<BpostItemTracking['addressee']>['address']>;

function locationOf(address: BpostAddress | undefined): Location | null {
  if (!address) return null;
  return createLocation({ city: address.city, postalCode: address.postalCode, countryCode: address.countryCode });
}

/** Where the parcel goes: the bpost pickup point when it is sent to one, else the addressee's address. */
function destinationOf(item: BpostItemTracking): Location | null {
  const point = item.pickupPoint;
  if (point && (point.name || point.city)) {
    const street = [clean(point.streetName), clean(point.houseNumber)].filter(Boolean).join(' ');
    const town = [clean(point.postalCode), clean(point.city)].filter(Boolean).join(' ');
    return createLocation({
      city: point.city,
      postalCode: point.postalCode,
      raw: [clean(point.name), street, town].filter(Boolean).join(', '),
    });
  }
  return locationOf(item.addressee?.address);
}

/** Normalises one `itemTracking` into a `Shipment`. Pure. */
function normaliseBpostItem(item: BpostItemTracking, trackingNumber: string, options: { fetchedAt?: Date; raw?: unknown } = {}): Shipment {
  const events = (item.stateInfo ?? []).map(eventOf);
  const destination = destinationOf(item);
  const country = destination?.countryCode ?? 'BE';
  return buildShipment({
    carrier: BPOST_CARRIER_ID,
    trackingNumber,
    events,
    // `stateInfo` comes oldest first (karrio read the first as current: wrong).
    eventsNewestFirst: false,
    // No state yet: bpost has the item's announcement (sender, addressee), not the item.
    carrierStatus: events.length === 0 ? ANNOUNCED_ONLY : undefined,
    estimatedDelivery: bpostEstimatedDelivery(item.deliveryTimeWindow),
    origin: locationOf(item.sender?.address),
    destination,
    contact: BPOST_CONTACT.byCountry?.[country] ?? BPOST_CONTACT.default,
    trackingUrl: bpostTrackingUrl(trackingNumber),
    fetchedAt: options.fetchedAt,
    raw: options.raw,
  });
}

/**
 * Pure: one trackingInfo answer (parsed XML) into an outcome per requested number (bpost takes one).
 * 401/403 → `auth_failed`; 404 or an empty body → `not_found`; an `itemTracking` without states → `info_received`;
 * `systemException` → `carrier_unavailable` (retryable); `businessException` → `bad_response` with its code;
 * XML of another shape → `bad_response`. Never throws.
 */
export function parseBpostTrackingResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  if (httpStatus === 401 || httpStatus === 403) {
    return failAll(
      trackingNumbers,
      new AuthFailedError(`bpost rejected the credentials (HTTP ${httpStatus}). Check the account id and passphrase.`, {
        ...context,
        httpStatus,
      }),
    );
  }
  if (body === undefined || httpStatus === 404) {
    return trackingNumbers.map((trackingNumber) =>
      errorOutcome(trackingNumber, notFound(trackingNumber, httpStatus, httpStatus === 404 ? 'HTTP 404' : 'an empty answer')),
    );
  }
  let parsed: BpostTrackingResponse;
  try {
    parsed = parseWithSchema(bpostTrackingResponseSchema, body, BPOST_CARRIER_NAME, BPOST_CARRIER_ID, httpStatus);
  } catch (error) {
    if (WismoError.isInstance(error)) return failAll(trackingNumbers, error);
    throw error;
  }
  if (parsed.systemException) return failAll(trackingNumbers, bpostSystemError(httpStatus, parsed.systemException.message));
  if (parsed.businessException)
    return failAll(trackingNumbers, bpostBusinessError(httpStatus, parsed.businessException.code, parsed.businessException.message));
  const item = parsed.itemTracking;
  if (!item || httpStatus < 200 || httpStatus >= 300) {
    return failAll(
      trackingNumbers,
      new BadResponseError(`bpost answered HTTP ${httpStatus} without itemTracking or an exception`, { ...context, httpStatus }),
    );
  }
  const fetchedAt = input.fetchedAt ?? new Date();
  return trackingNumbers.map((trackingNumber) => {
    return {
      trackingNumber,
      ok: true,
      shipment: normaliseBpostItem(item, trackingNumber, { fetchedAt, raw: input.includeRaw ? body : undefined }),
    };
  });
}
