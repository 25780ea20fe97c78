import { FEDEX_MAX_NUMBERS_PER_REQUEST, FEDEX_RATE_LIMIT } from '@wismo/carrier-fedex/internal';
import type { Journey, JourneyEvent, Milestone, Place } from './journeys';
import { formFields, htmlErrorPage, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import { hashString } from './seeded-random';
import { zonedTime } from './zoned-time';

/*
 * FedEx Track API v1 and OAuth, in the shapes of the FedEx Track OpenAPI 1.0.0 and the real answers in
 * packages/carrier-fedex/src/__fixtures__: ISO times with the scan's offset, shipment dates at FedEx's
 * `T00:00:00-06:00`, eventType + derivedStatusCode (+ exceptionCode) from the FedEx code list.
 */

interface FedexScan {
  eventType: string;
  eventDescription: string;
  derivedStatusCode: string;
  derivedStatus: string;
  locationType: string;
  exceptionCode?: string;
  exceptionDescription?: string;
}

const IN_TRANSIT = { derivedStatusCode: 'IT', derivedStatus: 'In transit' } as const;

const SCANS: Record<Milestone, FedexScan> = {
  label_created: {
    eventType: 'OC',
    eventDescription: 'Shipment information sent to FedEx',
    derivedStatusCode: 'IN',
    derivedStatus: 'Label created',
    locationType: 'CUSTOMER',
  },
  picked_up: {
    eventType: 'PU',
    eventDescription: 'Picked up',
    derivedStatusCode: 'PU',
    derivedStatus: 'Picked up',
    locationType: 'PICKUP_LOCATION',
  },
  departed_origin: {
    eventType: 'DP',
    eventDescription: 'Left FedEx origin facility',
    ...IN_TRANSIT,
    locationType: 'ORIGIN_FEDEX_FACILITY',
  },
  arrived_hub: { eventType: 'AR', eventDescription: 'Arrived at FedEx hub', ...IN_TRANSIT, locationType: 'FEDEX_FACILITY' },
  departed_hub: { eventType: 'DP', eventDescription: 'Departed FedEx hub', ...IN_TRANSIT, locationType: 'FEDEX_FACILITY' },
  arrived_destination: {
    eventType: 'AR',
    eventDescription: 'At local FedEx facility',
    ...IN_TRANSIT,
    locationType: 'DESTINATION_FEDEX_FACILITY',
  },
  out_for_delivery: { eventType: 'OD', eventDescription: 'On FedEx vehicle for delivery', ...IN_TRANSIT, locationType: 'VEHICLE' },
  delivered: {
    eventType: 'DL',
    eventDescription: 'Delivered',
    derivedStatusCode: 'DL',
    derivedStatus: 'Delivered',
    locationType: 'DELIVERY_LOCATION',
  },
  attempt_failed: {
    eventType: 'DE',
    eventDescription: 'Delivery exception',
    derivedStatusCode: 'DE',
    derivedStatus: 'Delivery exception',
    locationType: 'DELIVERY_LOCATION',
    exceptionCode: '08',
    exceptionDescription: 'Customer not available or business closed',
  },
  exception: {
    eventType: 'SE',
    eventDescription: 'Shipment exception',
    derivedStatusCode: 'DE',
    derivedStatus: 'Delivery exception',
    locationType: 'DESTINATION_FEDEX_FACILITY',
    exceptionCode: '099',
    exceptionDescription: 'Unable to deliver',
  },
  export: { eventType: 'DP', eventDescription: 'Departed FedEx hub', ...IN_TRANSIT, locationType: 'FEDEX_FACILITY' },
  import: { eventType: 'AR', eventDescription: 'Arrived at FedEx hub', ...IN_TRANSIT, locationType: 'FEDEX_FACILITY' },
  customs_processing: { eventType: 'CP', eventDescription: 'Clearance in progress', ...IN_TRANSIT, locationType: 'PORT_OF_ENTRY' },
  customs_held: {
    eventType: 'CD',
    eventDescription: 'Clearance delay',
    derivedStatusCode: 'DY',
    derivedStatus: 'Delay',
    locationType: 'PORT_OF_ENTRY',
    exceptionDescription: 'Import clearance delay',
  },
  refused: {
    eventType: 'DE',
    eventDescription: 'Delivery exception',
    derivedStatusCode: 'DE',
    derivedStatus: 'Delivery exception',
    locationType: 'DELIVERY_LOCATION',
    exceptionCode: '07',
    exceptionDescription: 'Delivery was refused by the recipient',
  },
  return_started: {
    eventType: 'RS',
    eventDescription: 'Returning package to shipper',
    ...IN_TRANSIT,
    locationType: 'DESTINATION_FEDEX_FACILITY',
    exceptionDescription: 'Delivery refused by the recipient',
  },
  return_arrived_hub: { eventType: 'AR', eventDescription: 'Arrived at FedEx hub', ...IN_TRANSIT, locationType: 'FEDEX_FACILITY' },
  return_arrived_origin: { eventType: 'OD', eventDescription: 'On FedEx vehicle for delivery', ...IN_TRANSIT, locationType: 'VEHICLE' },
  returned: {
    eventType: 'DL',
    eventDescription: 'Delivered',
    derivedStatusCode: 'DL',
    derivedStatus: 'Delivered',
    locationType: 'DELIVERY_LOCATION',
  },
  ready_for_pickup: {
    eventType: 'HP',
    eventDescription: 'Ready for recipient pickup',
    ...IN_TRANSIT,
    locationType: 'DESTINATION_FEDEX_FACILITY',
    exceptionDescription: 'Package available for pickup at: 1001 MAIN ST',
  },
};

/** `latestStatusDetail.statusByLocale` per derived code, as FedEx words it. */
const STATUS_BY_LOCALE: Readonly<Record<string, string>> = {
  IN: 'Label created',
  PU: 'Picked up',
  IT: 'In transit',
  OD: 'Out for delivery',
  DY: 'Delay',
  DE: 'Delivery exception',
  DL: 'Delivered',
};

const COUNTRY_NAMES: Readonly<Record<string, string>> = { US: 'United States', CN: 'China', DE: 'Germany', GB: 'United Kingdom' };

/** FedEx writes "a day, time unknown" as midnight in its head-office zone. */
function fedexDate(date: string): string {
  return `${date}T00:00:00-06:00`;
}

function isoAt(epochMs: number, zone: string): string {
  const local = zonedTime(epochMs, zone);
  return `${local.date}T${local.time}${local.offset}`;
}

function fedexAddress(place: Place, withPostalCode: boolean): Record<string, unknown> {
  const result: Record<string, unknown> = { city: place.city };
  if (place.region) result.stateOrProvinceCode = place.region;
  if (withPostalCode && place.postalCode) result.postalCode = place.postalCode;
  result.countryCode = place.countryCode;
  result.residential = false;
  result.countryName = COUNTRY_NAMES[place.countryCode] ?? place.countryCode;
  return result;
}

function scanEvent(event: JourneyEvent): Record<string, unknown> {
  const scan = SCANS[event.milestone];
  const customerScan = event.milestone === 'label_created';
  return {
    date: isoAt(event.at, event.place.zone),
    eventType: scan.eventType,
    eventDescription: scan.eventDescription,
    exceptionCode: scan.exceptionCode ?? '',
    exceptionDescription: scan.exceptionDescription ?? '',
    scanLocation: customerScan ? { streetLines: [''], residential: false } : { streetLines: [''], ...fedexAddress(event.place, true) },
    ...(customerScan ? {} : { locationId: String(1000 + (hashString(event.place.city) % 9000)).padStart(4, '0') }),
    locationType: scan.locationType,
    derivedStatusCode: scan.derivedStatusCode,
    derivedStatus: scan.derivedStatus,
  };
}

function trackResult(journey: Journey): Record<string, unknown> {
  const newest = journey.events[0]!;
  const newestScan = SCANS[newest.milestone];
  const oldest = journey.events[journey.events.length - 1]!;
  const pickup = journey.events.find((event) => event.milestone === 'picked_up');
  const ground = !journey.international;
  const latestStatusDetail: Record<string, unknown> = {
    code: newestScan.eventType,
    derivedCode: newestScan.derivedStatusCode === 'IT' && newest.milestone === 'out_for_delivery' ? 'OD' : newestScan.derivedStatusCode,
    statusByLocale: STATUS_BY_LOCALE[newestScan.derivedStatusCode] ?? newestScan.derivedStatus,
    description: newestScan.eventDescription,
    scanLocation: newest.milestone === 'label_created' ? { residential: false } : fedexAddress(newest.place, false),
  };
  if (newest.milestone === 'customs_held') latestStatusDetail.delayDetail = { type: 'CLEARANCE', status: 'DELAYED' };
  const dateAndTimes: Array<{ type: string; dateTime: string }> = [];
  if (newest.milestone === 'delivered' || newest.milestone === 'returned')
    dateAndTimes.push({ type: 'ACTUAL_DELIVERY', dateTime: isoAt(newest.at, newest.place.zone) });
  if (newest.milestone === 'attempt_failed')
    dateAndTimes.push({ type: 'ATTEMPTED_DELIVERY', dateTime: isoAt(newest.at, newest.place.zone) });
  if (journey.estimate) dateAndTimes.push({ type: 'ESTIMATED_DELIVERY', dateTime: fedexDate(journey.estimate.date) });
  if (pickup) dateAndTimes.push({ type: 'ACTUAL_PICKUP', dateTime: isoAt(pickup.at, pickup.place.zone) });
  const shipDate = fedexDate(zonedTime(oldest.at, oldest.place.zone).date);
  dateAndTimes.push(pickup ? { type: 'SHIP', dateTime: shipDate } : { type: 'ANTICIPATED_TENDER', dateTime: shipDate });

  const carrierCode = ground ? 'FDXG' : 'FDXE';
  const result: Record<string, unknown> = {
    trackingNumberInfo: {
      trackingNumber: journey.trackingNumber,
      trackingNumberUniqueId: `12029~${journey.trackingNumber}~${ground ? 'FDEG' : 'FX'}`,
      carrierCode,
    },
    additionalTrackingInfo: { nickname: '', hasAssociatedShipments: false },
    shipperInformation: { contact: {}, address: fedexAddress(journey.origin, false) },
    recipientInformation: { contact: {}, address: fedexAddress(journey.destination, false) },
    latestStatusDetail,
    dateAndTimes,
    availableImages: newest.milestone === 'delivered' ? [{ type: 'SIGNATURE_PROOF_OF_DELIVERY' }] : [],
    scanEvents: journey.events.map(scanEvent),
    deliveryDetails:
      newest.milestone === 'delivered'
        ? { deliveryAttempts: '1', receivedByName: '', locationDescription: 'Residence', locationType: 'RESIDENCE' }
        : { deliveryAttempts: newest.milestone === 'attempt_failed' ? '1' : '0', deliveryToday: newest.milestone === 'out_for_delivery' },
    originLocation: { locationContactAndAddress: { address: fedexAddress(journey.origin, false) } },
    destinationLocation: { locationContactAndAddress: { address: fedexAddress(journey.destination, false) }, locationType: '' },
    serviceDetail: ground
      ? { type: 'FEDEX_GROUND', description: 'FedEx Ground', shortDescription: 'FG' }
      : { type: 'INTERNATIONAL_PRIORITY', description: 'FedEx International Priority', shortDescription: 'IP' },
    goodsClassificationCode: '',
    returnDetail: {},
  };
  const estimate = journey.estimate;
  if (estimate?.kind === 'window' && estimate.from !== null && estimate.to !== null) {
    result.estimatedDeliveryTimeWindow = {
      window: { begins: isoAt(estimate.from, journey.destination.zone), ends: isoAt(estimate.to, journey.destination.zone) },
      type: 'ESTIMATED_DELIVERY',
    };
  }
  return result;
}

function notFoundResult(trackingNumber: string): Record<string, unknown> {
  return {
    trackingNumber,
    trackResults: [
      {
        trackingNumberInfo: { trackingNumber, trackingNumberUniqueId: '', carrierCode: '' },
        error: {
          code: 'TRACKING.TRACKINGNUMBER.NOTFOUND',
          message: 'Tracking number cannot be found. Please correct the tracking number and try again.',
        },
      },
    ],
  };
}

let transactionCounter = 0;

/** FedEx echoes a `transactionId` (a UUID) on every answer. */
function transactionId(): string {
  transactionCounter = (transactionCounter + 1) % 0xffffffff;
  const hex = transactionCounter.toString(16).padStart(12, '0');
  return `5a4d0b1e-0000-4000-8000-${hex}`;
}

function fedexErrors(code: string, message: string): Record<string, unknown> {
  return { transactionId: transactionId(), errors: [{ code, message }] };
}

const TOKEN_PATH = '/oauth/token';
const TRACK_PATH = '/track/v1/trackingnumbers';

export const fedexSandbox: SandboxCarrier = {
  id: 'fedex',
  name: 'FedEx',
  documentedRateLimit: FEDEX_RATE_LIMIT,
  // "expires_in": 3599 (about 60 minutes; FedEx: regenerate the token every hour).
  tokenLifetimeSeconds: 3599,
  tokenPath: TOKEN_PATH,
  endpointOf(request) {
    if (request.method === 'POST' && request.url.pathname === TOKEN_PATH) return 'token';
    if (request.method === 'POST' && request.url.pathname === TRACK_PATH) return 'track';
    return null;
  },
  unknownEndpoint: () => ({
    status: 404,
    body: fedexErrors('NOT.FOUND.ERROR', 'The resource you requested is no longer available. Please modify your request and try again.'),
  }),
  clientCredentialsOf(request) {
    const fields = formFields(request);
    if (fields.grant_type !== 'client_credentials' || !fields.client_id || !fields.client_secret) {
      return {
        refused: {
          status: 401,
          body: fedexErrors(
            'NOT.AUTHORIZED.ERROR',
            'The given client credentials were not valid. Please modify your request and try again.',
          ),
        },
      };
    }
    return { clientId: fields.client_id, clientSecret: fields.client_secret };
  },
  tokenIssued: (accessToken) => ({
    status: 200,
    body: { access_token: accessToken, token_type: 'bearer', expires_in: 3599, scope: 'CXS' },
  }),
  tokenRefused: () => ({
    status: 401,
    body: fedexErrors('NOT.AUTHORIZED.ERROR', 'The given client credentials were not valid. Please modify your request and try again.'),
  }),
  unauthorised(reason) {
    return {
      status: 401,
      body: fedexErrors(
        'NOT.AUTHORIZED.ERROR',
        reason === 'expired'
          ? 'Access token expired. Please modify your request and try again.'
          : 'The given token is not valid. Please modify your request and try again.',
      ),
    };
  },
  readTrackingRequest(request) {
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return { refused: { status: 400, body: fedexErrors('INVALID.INPUT.EXCEPTION', 'Invalid field value in the input') } };
    }
    const info = (body as { trackingInfo?: unknown } | null)?.trackingInfo;
    const numbers = Array.isArray(info)
      ? info
          .map((item) => (item as { trackingNumberInfo?: { trackingNumber?: unknown } } | null)?.trackingNumberInfo?.trackingNumber)
          .map((value) => (typeof value === 'string' ? value.trim() : ''))
      : [];
    if (numbers.length === 0 || numbers.some((number) => number === ''))
      return { refused: { status: 400, body: fedexErrors('TRACKING.TRACKINGNUMBER.EMPTY', 'Please provide tracking number.') } };
    if (numbers.length > FEDEX_MAX_NUMBERS_PER_REQUEST) {
      return {
        refused: {
          status: 400,
          body: fedexErrors('TRACKING.TRACKINGNUMBERS.LIMITEXCEEDED', 'Please limit your inquiry to 30 tracking numbers or references.'),
        },
      };
    }
    return { numbers };
  },
  trackAnswer(_request, numbers: TrackedNumber[]) {
    // Not found is per number, inside an HTTP 200, beside the numbers that were found.
    const completeTrackResults = numbers.map(({ trackingNumber, journey }) =>
      journey ? { trackingNumber, trackResults: [trackResult(journey)] } : notFoundResult(trackingNumber),
    );
    return { status: 200, body: { transactionId: transactionId(), output: { completeTrackResults } } };
  },
  rateLimited: (retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter },
    body: fedexErrors(
      'TOO.MANY.REQUESTS.ERROR',
      'We have received too many requests in a short duration. Please wait a while to try again.',
    ),
  }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    return status === 503
      ? {
          status,
          body: fedexErrors(
            'SERVICE.UNAVAILABLE.ERROR',
            'The service is currently unavailable and we are working to resolve the issue. We apologize for any inconvenience. Please check back at a later time.',
          ),
        }
      : {
          status,
          body: fedexErrors(
            'INTERNAL.SERVER.ERROR',
            'We encountered an unexpected error and are working to resolve the issue. We apologize for any inconvenience. Please check back at a later time.',
          ),
        };
  },
};
