import { USPS_DEFAULT_RATE_LIMIT, USPS_TOKEN_PATH, USPS_TRACKING_PATH } from '@wismo/carrier-usps/internal';
import type { Journey, JourneyEvent, Milestone } from './journeys';
import { formFields, htmlErrorPage, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import { shiftedParts, zonedTime } from './zoned-time';

/*
 * USPS Tracking v3 (`expand=DETAIL`) and OAuth, in the shapes of the v3 OpenAPI and the real answers in
 * packages/carrier-usps/src/__fixtures__: strings for booleans, `eventTimestamp` local without offset,
 * `GMTTimestamp` in UTC and `GMTOffset`; label events without GMT fields; Pub 199 event codes.
 */

interface UspsScan {
  /** null: international scans USPS sends without a code (Pub 199 App. G-5 codes are not in our sources). */
  eventCode: string | null;
  eventType: string;
  /** Where the scan is made: a distribution center name rather than the city. */
  facility?: 'distribution_center' | 'none' | 'international_service_center';
}

const SCANS: Record<Milestone, UspsScan> = {
  label_created: { eventCode: 'GX', eventType: 'Shipping Label Created, USPS Awaiting Item' },
  picked_up: { eventCode: '03', eventType: 'USPS in possession of item' },
  departed_origin: { eventCode: '10', eventType: 'Arrived at USPS Regional Origin Facility', facility: 'distribution_center' },
  arrived_hub: { eventCode: 'A1', eventType: 'Arrived at USPS Regional Facility', facility: 'distribution_center' },
  departed_hub: { eventCode: 'TL', eventType: 'In Transit to Next Facility', facility: 'none' },
  arrived_destination: { eventCode: '07', eventType: 'Arrived at Post Office' },
  out_for_delivery: { eventCode: 'OF', eventType: 'Out for Delivery' },
  delivered: { eventCode: '01', eventType: 'Delivered, Front Door/Porch' },
  attempt_failed: { eventCode: '56', eventType: 'Notice Left (No Authorized Recipient Available)' },
  exception: { eventCode: '05', eventType: 'Undeliverable as Addressed' },
  export: { eventCode: null, eventType: 'Processed Through Facility' },
  import: { eventCode: null, eventType: 'Inbound Into Customs', facility: 'international_service_center' },
  customs_processing: { eventCode: null, eventType: 'Customs Clearance', facility: 'international_service_center' },
  customs_held: { eventCode: null, eventType: 'Held in Customs', facility: 'international_service_center' },
  refused: { eventCode: '04', eventType: 'Refused' },
  return_started: { eventCode: '09', eventType: 'Return to Sender' },
  return_arrived_hub: { eventCode: 'A1', eventType: 'Arrived at USPS Regional Facility', facility: 'distribution_center' },
  return_arrived_origin: { eventCode: '07', eventType: 'Arrived at Post Office' },
  returned: { eventCode: '01', eventType: 'Delivered, To Original Sender' },
  ready_for_pickup: { eventCode: '16', eventType: 'Available for Pickup' },
};

/** `statusCategory` shown for the newest scan (USPS.com progress labels; "Moving Through Network" in v3 answers). */
const CATEGORY: Record<Milestone, string> = {
  label_created: 'Pre-Shipment',
  picked_up: 'Accepted',
  departed_origin: 'Moving Through Network',
  arrived_hub: 'Moving Through Network',
  departed_hub: 'Moving Through Network',
  arrived_destination: 'Moving Through Network',
  out_for_delivery: 'Out for Delivery',
  delivered: 'Delivered',
  attempt_failed: 'Delivery Attempt',
  exception: 'Alert',
  export: 'Moving Through Network',
  import: 'Moving Through Network',
  customs_processing: 'Moving Through Network',
  customs_held: 'Alert',
  refused: 'Alert',
  return_started: 'Return to Sender',
  return_arrived_hub: 'Return to Sender',
  return_arrived_origin: 'Return to Sender',
  returned: 'Delivered',
  ready_for_pickup: 'Available for Pickup',
};

function facilityName(event: JourneyEvent, scan: UspsScan): string | null {
  switch (scan.facility) {
    case 'none':
      return null;
    case 'distribution_center':
      return `${event.place.city} ${event.place.region ?? ''} DISTRIBUTION CENTER`.replace(/\s+/g, ' ');
    case 'international_service_center':
      return `ISC ${event.place.city} ${event.place.region ?? ''}(USPS)`.replace(/\s+\(/, '(');
    default:
      return event.place.city;
  }
}

const COUNTRY_NAMES: Readonly<Record<string, string>> = { CN: 'CHINA', DE: 'GERMANY', GB: 'UNITED KINGDOM' };

function trackingEvent(event: JourneyEvent): Record<string, unknown> {
  const scan = SCANS[event.milestone];
  const local = zonedTime(event.at, event.place.zone);
  const domestic = event.place.countryCode === 'US';
  // Post office scans name the town with state and ZIP; facility scans only the facility.
  const atPostOffice = scan.facility === undefined && domestic;
  const result: Record<string, unknown> = { eventType: scan.eventType, eventTimestamp: `${local.date}T${local.time}` };
  // Label events (and shipping-partner scans) come without GMT fields in real answers.
  if (event.milestone !== 'label_created') {
    const gmt = shiftedParts(event.at, 0);
    result.GMTTimestamp = `${gmt.date}T${gmt.time}Z`;
    result.GMTOffset = local.offset;
  }
  result.eventCountry = domestic ? null : (COUNTRY_NAMES[event.place.countryCode] ?? event.place.countryCode);
  result.eventCity = facilityName(event, scan);
  result.eventState = atPostOffice ? event.place.region : null;
  result.eventZIP = atPostOffice ? event.place.postalCode : null;
  result.firm = null;
  result.name = null;
  result.authorizedAgent = 'false';
  result.eventCode = scan.eventCode;
  result.additionalProp = null;
  return result;
}

/** `10:05am`, as USPS.com shows delivery windows. */
function timeOfDay(time: string): string {
  const hours = Number(time.slice(0, 2));
  return `${hours % 12 === 0 ? 12 : hours % 12}:${time.slice(3, 5)}${hours < 12 ? 'am' : 'pm'}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function statusSummary(journey: Journey, newest: JourneyEvent): string {
  const local = zonedTime(newest.at, newest.place.zone);
  const where = `${newest.place.city}${newest.place.region ? `, ${newest.place.region}` : ''}${newest.place.postalCode && newest.place.countryCode === 'US' ? ` ${newest.place.postalCode}` : ''}`;
  const when = `${timeOfDay(local.time)} on ${MONTHS[Number(local.date.slice(5, 7)) - 1]} ${Number(local.date.slice(8, 10))}, ${local.date.slice(0, 4)}`;
  switch (newest.milestone) {
    case 'delivered':
      return `Your item was delivered at the front door or porch at ${when} in ${where}.`;
    case 'out_for_delivery':
      return `Your item is out for delivery at ${when} in ${where}.`;
    case 'label_created':
      return `A shipping label has been prepared for your item at ${when} in ${where}. This does not indicate receipt by the USPS or the actual mailing date.`;
    case 'customs_held':
      return `Your item is being held in customs at ${when} at ${facilityName(newest, SCANS.customs_held)}.`;
    default:
      return `Your item ${SCANS[newest.milestone].eventType.toLowerCase()} at ${when} in ${where}.`.replace(/ +/g, ' ');
  }
}

function detail(journey: Journey): Record<string, unknown> {
  const newest = journey.events[0]!;
  const newestScan = SCANS[newest.milestone];
  const first = journey.events[journey.events.length - 1]!;
  const intake = journey.events.find((event) => event.milestone === 'picked_up');
  const body: Record<string, unknown> = {
    destinationCity: journey.destination.city,
    destinationState: journey.destination.region,
    destinationZIP: journey.destination.postalCode,
    emailEnabled: 'true',
    kahalaIndicator: 'false',
    mailClass: journey.international ? 'First-Class Package International Service' : 'USPS Ground Advantage<SUP>&#153;</SUP>',
    mailType: journey.international ? 'INTERNATIONAL_INBOUND' : 'DM',
    originCity: journey.international ? null : journey.origin.city,
    originState: journey.international ? null : journey.origin.region,
    originZIP: journey.international ? null : journey.origin.postalCode,
    proofOfDeliveryEnabled: newest.milestone === 'delivered' ? 'true' : 'false',
    restoreEnabled: 'false',
    RRAMEnabled: 'false',
    RREEnabled: 'false',
    services: ['USPS Tracking<SUP>&#174;</SUP>'],
    serviceTypeCode: journey.international ? '' : '001',
    status: newestScan.eventType,
    statusCategory: CATEGORY[newest.milestone],
    statusSummary: statusSummary(journey, newest),
    tableCode: 'T',
  };
  if (journey.international) body.originCountry = journey.origin.countryCode;
  const estimate = journey.estimate;
  if (estimate) {
    if (estimate.kind === 'window' && estimate.from !== null && estimate.to !== null) {
      body.predictedDeliveryDate = estimate.date;
      body.predictedDeliveryWindowStartTime = timeOfDay(zonedTime(estimate.from, journey.destination.zone).time);
      body.predictedDeliveryWindowEndTime = timeOfDay(zonedTime(estimate.to, journey.destination.zone).time);
    } else {
      // Midnight: USPS promises the day, not a time.
      body.expectedDeliveryTimeStamp = `${estimate.date}T00:00:00`;
      body.expectedDeliveryType = 'Expected Delivery By';
    }
  }
  body.uniqueMailPieceID = String(100_000_000 + (journey.hash % 900_000_000));
  const intakeTime = zonedTime((intake ?? first).at, (intake ?? first).place.zone);
  body.mailPieceIntakeDate = `${intakeTime.date} ${intakeTime.time}.000000`;
  body.trackingEvents = journey.events.map(trackingEvent);
  body.trackingNumber = journey.trackingNumber;
  return body;
}

function uspsError(status: number, message: string, errors: Array<Record<string, string>>): Record<string, unknown> {
  return { apiVersion: '/tracking/v3', error: { code: String(status), message, errors } };
}

const NOT_FOUND_TEXT = 'The tracking number may be incorrect or the status update is not yet available.';
const TRACKING_PATH = new RegExp(`^${USPS_TRACKING_PATH}/([^/]+)$`);

export const uspsSandbox: SandboxCarrier = {
  id: 'usps',
  name: 'USPS',
  documentedRateLimit: USPS_DEFAULT_RATE_LIMIT,
  // 8 hours.
  tokenLifetimeSeconds: 28_800,
  tokenPath: USPS_TOKEN_PATH,
  endpointOf(request) {
    if (request.method === 'POST' && request.url.pathname === USPS_TOKEN_PATH) return 'token';
    if (request.method === 'GET' && TRACKING_PATH.test(request.url.pathname)) return 'track';
    return null;
  },
  unknownEndpoint: () => ({
    status: 404,
    body: uspsError(404, 'Not Found', [
      { status: '404', code: '404', title: 'Not Found', detail: 'The requested resource was not found.' },
    ]),
  }),
  clientCredentialsOf(request) {
    const fields = formFields(request);
    if (fields.grant_type !== 'client_credentials')
      return { refused: { status: 400, body: { error: 'unsupported_grant_type', error_description: 'The grant type is not supported.' } } };
    if (!fields.client_id || !fields.client_secret) return { refused: this.tokenRefused!() };
    return { clientId: fields.client_id, clientSecret: fields.client_secret };
  },
  tokenIssued: (accessToken, clientId, issuedAtMs) => ({
    status: 200,
    body: {
      access_token: accessToken,
      token_type: 'Bearer',
      issued_at: issuedAtMs,
      expires_in: 28_800,
      status: 'approved',
      scope: 'tracking',
      issuer: 'api.usps.com',
      client_id: clientId,
      application_name: 'wismo sandbox',
      api_products: '[Tracking]',
    },
  }),
  tokenRefused: () => ({
    status: 401,
    body: {
      error: 'invalid_client',
      error_description: 'Client authentication failed.',
      error_uri: 'https://datatracker.ietf.org/doc/html/rfc6749#page-45',
    },
  }),
  unauthorised(reason) {
    return {
      status: 401,
      headers: {
        'WWW-Authenticate': `Bearer error="invalid_token", error_description="${reason === 'expired' ? 'The access token expired' : 'The access token is invalid'}"`,
      },
      body: uspsError(401, 'Unauthorized', [
        {
          status: '401',
          code: '401',
          title: 'Unauthorized',
          detail: reason === 'expired' ? 'The access token expired.' : 'The access token is missing or invalid.',
        },
      ]),
    };
  },
  readTrackingRequest(request) {
    const match = TRACKING_PATH.exec(request.url.pathname)!;
    let trackingNumber: string;
    try {
      trackingNumber = decodeURIComponent(match[1]!).trim();
    } catch {
      trackingNumber = '';
    }
    if (trackingNumber === '') {
      return {
        refused: {
          status: 400,
          body: uspsError(400, 'Bad Request', [
            { status: '400', code: '400', title: 'trackingNumber is required', source: 'trackingNumber' },
          ]),
        },
      };
    }
    return { numbers: [trackingNumber] };
  },
  trackAnswer(request, [tracked]: TrackedNumber[]) {
    const { journey } = tracked!;
    if (!journey) {
      // USPS answers unknown numbers with HTTP 400 and code 150002.
      return { status: 400, body: uspsError(400, NOT_FOUND_TEXT, [{ status: '400', code: '150002', title: NOT_FOUND_TEXT, detail: '' }]) };
    }
    if ((request.url.searchParams.get('expand') ?? 'SUMMARY').toUpperCase() !== 'DETAIL') {
      // The default, SUMMARY: sentences without events.
      const newest = journey.events[0]!;
      return {
        status: 200,
        body: {
          trackingNumber: journey.trackingNumber,
          statusCategory: CATEGORY[newest.milestone],
          statusSummary: statusSummary(journey, newest),
        },
      };
    }
    return { status: 200, body: detail(journey) };
  },
  rateLimited: (retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter },
    body: uspsError(429, 'Too Many Requests', [
      {
        status: '429',
        code: 'TOO_MANY_REQUESTS',
        title: 'Too Many Requests',
        detail: 'The number of requests exceeds the quota of this application.',
      },
    ]),
  }),
  serverError(status, retryAfter) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    // The v3 spec documents 503 with Retry-After.
    return status === 503
      ? {
          status,
          headers: { 'Retry-After': retryAfter },
          body: uspsError(503, 'Service Unavailable', [{ status: '503', code: '503', title: 'Service Unavailable' }]),
        }
      : { status, body: uspsError(500, 'Internal Server Error', [{ status: '500', code: '500', title: 'Internal Server Error' }]) };
  },
};
