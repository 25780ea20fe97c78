import { UPS_DEFAULT_RATE_LIMIT, UPS_TOKEN_PATH, UPS_TRACK_PATH } from '@wismo/carrier-ups/internal';
import type { Journey, JourneyEvent, Milestone, Place } from './journeys';
import { basicCredentials, formFields, header, htmlErrorPage, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import { shiftedParts, zonedTime } from './zoned-time';

/*
 * UPS Track API v1 and OAuth, in the shapes of UPS-API/api-documentation `Tracking.yaml` and the real
 * answers in packages/carrier-ups/src/__fixtures__: activities newest first with local `date`/`time` and
 * `gmtDate`/`gmtTime`/`gmtOffset`; codes from the UPS tables (type / 2-character code / 3-digit status).
 */

interface UpsScan {
  type: string;
  code: string;
  statusCode: string;
  description: string;
}

const SCANS: Record<Milestone, UpsScan> = {
  label_created: {
    type: 'M',
    code: 'MP',
    statusCode: '003',
    description: 'Shipper created a label, UPS has not received the package yet. ',
  },
  picked_up: { type: 'I', code: 'PU', statusCode: '038', description: 'Pickup Scan ' },
  departed_origin: { type: 'I', code: 'DP', statusCode: '005', description: 'Departed from Facility' },
  arrived_hub: { type: 'I', code: 'AR', statusCode: '005', description: 'Arrived at Facility' },
  departed_hub: { type: 'I', code: 'DP', statusCode: '005', description: 'Departed from Facility' },
  arrived_destination: { type: 'I', code: 'DS', statusCode: '005', description: 'Destination Scan' },
  out_for_delivery: { type: 'I', code: 'OT', statusCode: '021', description: 'Out For Delivery Today' },
  delivered: { type: 'D', code: 'F4', statusCode: '011', description: 'DELIVERED ' },
  attempt_failed: {
    type: 'X',
    code: '48',
    statusCode: '022',
    description: "The receiver was not available for delivery. We'll make a second attempt the next business day.",
  },
  exception: {
    type: 'X',
    code: 'AG',
    statusCode: '029',
    description: "The address is incomplete. This may delay delivery. We're attempting to update the address.",
  },
  export: { type: 'I', code: 'EP', statusCode: '005', description: 'Export Scan' },
  import: { type: 'I', code: 'IP', statusCode: '005', description: 'Import Scan' },
  customs_processing: {
    type: 'X',
    code: '4C',
    statusCode: '012',
    description: 'UPS is preparing your package for clearance. We will notify you if additional information is needed.',
  },
  customs_held: {
    type: 'X',
    code: 'CT',
    statusCode: '013',
    description: 'Your shipment is being held under the General Order regulations and may be taken into Customs possession.',
  },
  refused: { type: 'X', code: 'KT', statusCode: '064', description: 'The receiver refused the delivery.' },
  return_started: { type: 'X', code: 'DL', statusCode: '033', description: 'The package will be returned to the sender.' },
  return_arrived_hub: { type: 'I', code: 'AR', statusCode: '035', description: 'Arrived at Facility' },
  return_arrived_origin: { type: 'I', code: 'DS', statusCode: '035', description: 'Destination Scan' },
  returned: { type: 'D', code: 'F4', statusCode: '034', description: 'Returned to Sender' },
  ready_for_pickup: { type: 'D', code: '2Q', statusCode: '161', description: 'Delivered to UPS Access Point™' },
};

/** `currentStatus.description` for each status code UPS uses above (UPS Status/Description table). */
const CURRENT_STATUS_TEXT: Readonly<Record<string, string>> = {
  '003': 'Shipment Ready for UPS',
  '005': 'On the Way',
  '011': 'Delivered',
  '012': 'Clearance in Progress',
  '013': 'Exception',
  '021': 'Out for Delivery',
  '022': 'First Attempt Made',
  '029': 'Exception: Action Required',
  '033': 'Return to Sender Requested',
  '034': 'Returned to Sender',
  '035': 'Returning to Sender',
  '038': 'Picked Up by UPS',
  '064': 'Delivery Refused',
  '161': 'Delivered to UPS Access Point™',
};

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_match, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}

function compactDate(date: string): string {
  return date.replaceAll('-', '');
}

function compactTime(time: string): string {
  return time.replaceAll(':', '');
}

function address(place: Place, upper: boolean): Record<string, string> {
  const result: Record<string, string> = { city: upper ? place.city.toUpperCase() : titleCase(place.city) };
  if (place.region) result.stateProvince = place.region;
  if (upper && place.postalCode) result.postalCode = place.postalCode;
  result.countryCode = place.countryCode;
  result.country = place.countryCode;
  return result;
}

function activity(event: JourneyEvent): Record<string, unknown> {
  const scan = SCANS[event.milestone];
  const local = zonedTime(event.at, event.place.zone);
  const gmt = shiftedParts(event.at, 0);
  const location =
    event.milestone === 'label_created'
      ? { address: { countryCode: event.place.countryCode, country: event.place.countryCode } }
      : { address: address(event.place, false) };
  return {
    location,
    status: { type: scan.type, description: scan.description, code: scan.code, statusCode: scan.statusCode },
    date: compactDate(local.date),
    time: compactTime(local.time),
    gmtDate: compactDate(gmt.date),
    gmtOffset: local.offset,
    gmtTime: gmt.time,
  };
}

function packageOf(journey: Journey): Record<string, unknown> {
  const newest = journey.events[0]!;
  const scan = SCANS[newest.milestone];
  const item: Record<string, unknown> = { trackingNumber: journey.trackingNumber };
  const estimate = journey.estimate;
  if (newest.milestone === 'delivered') {
    const local = zonedTime(newest.at, newest.place.zone);
    item.deliveryDate = [{ type: 'DEL', date: compactDate(local.date) }];
    item.deliveryTime = { type: 'DEL', endTime: compactTime(local.time) };
    item.deliveryInformation = { location: 'Front Door', receivedBy: '' };
  } else if (estimate) {
    const dates: Array<{ type: string; date: string }> = [{ type: 'SDD', date: compactDate(estimate.date) }];
    if (newest.milestone === 'attempt_failed') {
      // The attempt was on the scheduled day; the next attempt is the rescheduled date.
      dates[0] = { type: 'SDD', date: compactDate(zonedTime(newest.at, journey.destination.zone).date) };
      dates.push({ type: 'RDD', date: compactDate(estimate.date) });
    }
    item.deliveryDate = dates;
    item.deliveryTime =
      estimate.kind === 'window' && estimate.from !== null && estimate.to !== null
        ? {
            type: 'EDW',
            startTime: compactTime(zonedTime(estimate.from, journey.destination.zone).time),
            endTime: compactTime(zonedTime(estimate.to, journey.destination.zone).time),
          }
        : { type: 'EOD' };
  }
  item.activity = journey.events.map(activity);
  item.currentStatus = { description: CURRENT_STATUS_TEXT[scan.statusCode] ?? scan.description.trim(), code: scan.statusCode };
  item.packageAddress = [
    { type: 'ORIGIN', address: address(journey.origin, true) },
    { type: 'DESTINATION', address: address(journey.destination, true) },
  ];
  item.weight = { unitOfMeasurement: 'LBS', weight: (1 + (journey.hash % 90) / 10).toFixed(2) };
  item.service = journey.international ? { code: '007', description: 'UPS Worldwide Express' } : { code: '003', description: 'UPS Ground' };
  item.packageCount = 1;
  return item;
}

function upsErrors(code: string | null, message: string): { response: { errors: Array<{ code?: string; message: string }> } } {
  return { response: { errors: [code === null ? { message } : { code, message }] } };
}

const DETAILS_PATH = new RegExp(`^${UPS_TRACK_PATH}/([^/]+)$`);

export const upsSandbox: SandboxCarrier = {
  id: 'ups',
  name: 'UPS',
  documentedRateLimit: UPS_DEFAULT_RATE_LIMIT,
  // UPS sends `expires_in` as the string "14399" (about 4 h).
  tokenLifetimeSeconds: 14_399,
  tokenPath: UPS_TOKEN_PATH,
  endpointOf(request) {
    if (request.method === 'POST' && request.url.pathname === UPS_TOKEN_PATH) return 'token';
    if (request.method === 'GET' && DETAILS_PATH.test(request.url.pathname)) return 'track';
    return null;
  },
  unknownEndpoint: () => ({ status: 404, body: upsErrors(null, 'Resource not found') }),
  clientCredentialsOf(request) {
    const fields = formFields(request);
    // Sandbox check without a published UPS code: the token endpoint only grants client credentials.
    if (fields.grant_type !== 'client_credentials')
      return { refused: { status: 400, body: upsErrors(null, 'grant_type must be client_credentials') } };
    const credentials = basicCredentials(request);
    return credentials ?? { refused: { status: 401, body: upsErrors('10401', 'ClientId is Invalid') } };
  },
  tokenIssued(accessToken, clientId, issuedAtMs) {
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        issued_at: String(issuedAtMs),
        client_id: clientId,
        access_token: accessToken,
        scope: '',
        expires_in: '14399',
        refresh_count: '0',
        status: 'approved',
      },
    };
  },
  tokenRefused: () => ({ status: 401, body: upsErrors('10401', 'ClientId is Invalid') }),
  // 250002: what UPS answers a missing, unknown or expired bearer token (seen in real logs).
  unauthorised: () => ({ status: 401, body: upsErrors('250002', 'Invalid Authentication Information.') }),
  readTrackingRequest(request) {
    // UPS requires both headers; the code UPS sends for their absence is not published, so none is invented.
    for (const name of ['transId', 'transactionSrc']) {
      if (!header(request, name)) return { refused: { status: 400, body: upsErrors(null, `Missing required header: ${name}`) } };
    }
    const match = DETAILS_PATH.exec(request.url.pathname)!;
    let inquiryNumber: string;
    try {
      inquiryNumber = decodeURIComponent(match[1]!);
    } catch {
      inquiryNumber = '';
    }
    if (!/^[A-Za-z0-9]{7,34}$/.test(inquiryNumber))
      return { refused: { status: 400, body: upsErrors('TV1002', 'Invalid inquiry number') } };
    return { numbers: [inquiryNumber] };
  },
  trackAnswer(_request, [tracked]: TrackedNumber[]) {
    const { trackingNumber, journey } = tracked!;
    if (!journey) {
      // UPS answers an unknown number with HTTP 200 and the TW0001 warning, no package.
      return {
        status: 200,
        body: {
          trackResponse: {
            shipment: [{ inquiryNumber: trackingNumber, warnings: [{ code: 'TW0001', message: 'Tracking Information Not Found' }] }],
          },
        },
      };
    }
    return { status: 200, body: { trackResponse: { shipment: [{ inquiryNumber: trackingNumber, package: [packageOf(journey)] }] } } };
  },
  rateLimited: (retryAfter) => ({ status: 429, headers: { 'Retry-After': retryAfter }, body: upsErrors('10429', 'Too Many Requests') }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    return { status, body: upsErrors(null, status === 503 ? 'Service Unavailable' : 'Internal Server Error') };
  },
};
