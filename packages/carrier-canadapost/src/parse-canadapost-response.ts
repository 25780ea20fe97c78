import {
  AuthFailedError,
  BadResponseError,
  NotFoundError,
  approximateEpochMs,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  parseWithSchema,
  type CarrierParseInput,
  type EstimatedDelivery,
  type TrackOutcome,
} from '@wismo/core';
import { canadaPostTrackResponseSchema, type CanadaPostOccurrence, type CanadaPostTrackResponse } from './canadapost-api';
import {
  CANADAPOST_AUTH_FAILURE_CODE,
  CANADAPOST_CARRIER_ID,
  CANADAPOST_CARRIER_NAME,
  CANADAPOST_CONTACT,
  CANADAPOST_NO_PIN_HISTORY_CODE,
  canadaPostTrackingUrl,
} from './canadapost-carrier';
import { canadaPostDate, canadaPostEventTime } from './canadapost-time';
import { canadaPostEventKey, mapCanadaPostEvent } from './map-canadapost-status';

const carrier = { carrierId: CANADAPOST_CARRIER_ID };

function eventOf(occurrence: CanadaPostOccurrence) {
  const site = occurrence['event-site']?.trim() || occurrence['event-retail-name']?.trim();
  const province = occurrence['event-province']?.trim();
  return createEvent({
    time: canadaPostEventTime(occurrence['event-date'], occurrence['event-time'], occurrence['event-time-zone'], province),
    description: occurrence['event-description'],
    code: canadaPostEventKey(occurrence['event-identifier']) ?? null,
    // The identifier as sent (`0174`), beside the normalised key.
    codes: occurrence['event-identifier'] ? { identifier: occurrence['event-identifier'] } : undefined,
    location: site || province ? createLocation({ city: site, region: province }) : null,
    mapped: mapCanadaPostEvent(occurrence['event-identifier']),
  });
}

/** `changed-expected-date` (a new promise) wins over `expected-delivery-date`; both are dates. */
function estimateOf(detail: NonNullable<CanadaPostTrackResponse['tracking-detail']>): EstimatedDelivery | null {
  const date = canadaPostDate(detail['changed-expected-date']) ?? canadaPostDate(detail['expected-delivery-date']);
  return date ? { from: date.localTime, to: date.localTime, timeKind: 'date', source: 'carrier', confidence: null } : null;
}

/** Pure: the tracking detail of one PIN, or Canada Post's `<messages>`. Never throws for a surprising body. */
export function parseCanadaPostTrackResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  // The rule every parse function follows: 401 and 403 are auth failures whatever the body says.
  if (httpStatus === 401 || httpStatus === 403) {
    return failAll(
      trackingNumbers,
      new AuthFailedError(`Canada Post rejected the API user name or password (HTTP ${httpStatus})`, { ...carrier, httpStatus }),
    );
  }
  let response: CanadaPostTrackResponse;
  try {
    response = parseWithSchema(canadaPostTrackResponseSchema, body ?? {}, CANADAPOST_CARRIER_NAME, CANADAPOST_CARRIER_ID, httpStatus);
  } catch (error) {
    return failAll(trackingNumbers, error as BadResponseError);
  }
  const messages = response.messages?.message ?? [];
  if (messages.length > 0) {
    const codes = messages.map((message) => message.code?.trim()).filter((code): code is string => Boolean(code));
    const detail = messages.map((message) => [message.code, message.description].filter(Boolean).join(' ')).join('; ');
    const options = { ...carrier, httpStatus, carrierCodes: codes };
    if (codes.includes(CANADAPOST_AUTH_FAILURE_CODE))
      return failAll(trackingNumbers, new AuthFailedError(`Canada Post rejected the credentials (${detail})`, options));
    if (codes.includes(CANADAPOST_NO_PIN_HISTORY_CODE)) {
      return trackingNumbers.map((trackingNumber) =>
        errorOutcome(
          trackingNumber,
          new NotFoundError(`Canada Post has no history for ${trackingNumber} (${detail})`, { ...options, trackingNumber }),
        ),
      );
    }
    return failAll(trackingNumbers, new BadResponseError(`Canada Post refused the request (HTTP ${httpStatus}: ${detail})`, options));
  }
  const detail = response['tracking-detail'];
  if (!detail || httpStatus < 200 || httpStatus >= 300) {
    return failAll(
      trackingNumbers,
      new BadResponseError(`Canada Post answered HTTP ${httpStatus} without a tracking detail`, { ...carrier, httpStatus }),
    );
  }
  const occurrences = detail['significant-events']?.occurrence ?? [];
  // The newest occurrence naming a signatory is who signed (the list is not strictly ordered: buildShipment sorts events).
  const events = occurrences.map(eventOf);
  const signed = occurrences
    .map((occurrence, index) => ({ name: occurrence['signatory-name']?.trim(), event: events[index]! }))
    .filter((entry) => entry.name)
    .sort((a, b) => approximateEpochMs(b.event) - approximateEpochMs(a.event))[0];
  const signatureImage = detail['signature-image-exists']?.trim() === 'true';
  return trackingNumbers.map((trackingNumber) => ({
    trackingNumber,
    ok: true,
    shipment: buildShipment({
      carrier: CANADAPOST_CARRIER_ID,
      trackingNumber,
      events,
      // Mostly newest first, not strictly (research §9): buildShipment sorts by time; the order only breaks ties.
      eventsNewestFirst: true,
      // A tracking detail without any significant event: Canada Post has the shipping data (a label), no scan yet.
      carrierStatus: occurrences.length === 0 ? { status: 'info_received', substatus: 'label_created' } : undefined,
      estimatedDelivery: estimateOf(detail),
      signedBy: signed?.name ?? null,
      proofOfDelivery: { available: signatureImage, signatureAvailable: signatureImage },
      service: { code: null, name: detail['service-name']?.trim() || null },
      destination: detail['destination-postal-id']?.trim()
        ? createLocation({ postalCode: detail['destination-postal-id'], countryCode: 'CA' })
        : null,
      contact: CANADAPOST_CONTACT.byCountry?.CA ?? CANADAPOST_CONTACT.default,
      trackingUrl: canadaPostTrackingUrl(trackingNumber),
      fetchedAt: input.fetchedAt,
      raw: input.includeRaw ? body : undefined,
    }),
  }));
}
