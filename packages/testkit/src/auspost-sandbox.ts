import {
  AUSPOST_CAPABILITIES,
  AUSPOST_INVALID_TRACKING_ID_CODE,
  AUSPOST_MAX_IDS_PER_REQUEST,
  AUSPOST_TOO_MANY_IDS_CODE,
  AUSPOST_TRACK_PATH,
} from '@wismo/carrier-auspost/internal';
import type { Journey, JourneyEvent, Milestone, Place } from './journeys';
import { basicCredentials, header, htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import { zonedTime } from './zoned-time';

/*
 * Australia Post Shipping & Tracking API (`GET /shipping/v1/track?tracking_ids=…`, Basic auth + `Account-Number`), in
 * the shapes of the recorded answer in packages/carrier-auspost/src/__fixtures__: `tracking_results[]` with
 * `trackable_items[]` of articles, events newest first with `date` carrying its offset, `ESB-10001` per unknown id
 * inside HTTP 200, `51101` for more than ten ids. The API has no event codes: the texts below are the key.
 */

/** Event descriptions; `{place}` is the facility's suburb and state. Customs texts are not in any source: none printed. */
const TEXTS: Record<Milestone, string | null> = {
  label_created: 'Shipping information received by Australia Post',
  picked_up: 'Received by Australia Post',
  departed_origin: 'In transit to next facility in {next}',
  arrived_hub: 'Arrived at facility',
  departed_hub: 'In transit to next facility in {next}',
  arrived_destination: 'Item processed at facility',
  out_for_delivery: 'Onboard for delivery',
  delivered: 'Delivered - Left in a safe place',
  attempt_failed: 'Attempted delivery - No one home, card left',
  exception: 'Incorrect address - Unable to deliver',
  export: 'Despatch Parcels from Export Facility',
  import: 'Arrived awaiting clearance (Inbound)',
  customs_processing: 'Item is in Customs',
  customs_held: null,
  refused: null,
  return_started: 'Returning to sender',
  return_arrived_hub: 'Returning to sender',
  return_arrived_origin: 'Returning to sender',
  returned: 'Returned to sender',
  ready_for_pickup: 'Awaiting collection at {place} POST SHOP',
};

/** The article `status` for the newest milestone (karrio's list of Australia Post statuses). */
function articleStatus(milestone: Milestone): string {
  switch (milestone) {
    case 'delivered':
      return 'Delivered';
    case 'out_for_delivery':
      return 'On Board for Delivery';
    case 'attempt_failed':
      return 'Unsuccessful Delivery';
    case 'ready_for_pickup':
      return 'Awaiting collection';
    case 'exception':
      return 'Cannot be delivered';
    case 'label_created':
      return 'Unknown';
    default:
      return 'In transit';
  }
}

function placeText(place: Place): string {
  return place.region ? `${place.city.toUpperCase()} ${place.region}` : `${place.city.toUpperCase()} (${place.countryCode})`;
}

function eventOf(event: JourneyEvent, next: Place | undefined): Record<string, string> | null {
  const text = TEXTS[event.milestone];
  if (text === null) return null;
  const local = zonedTime(event.at, event.place.zone);
  const description = text.replace('{next}', placeText(next ?? event.place)).replace('{place}', event.place.city.toUpperCase());
  const printed: Record<string, string> = {};
  // Australia Post leaves the location out of data-only and in-transit events.
  if (event.milestone !== 'label_created' && !text.includes('{next}')) printed.location = placeText(event.place);
  printed.description = description;
  printed.date = `${local.date}T${local.time}${local.offset}`;
  return printed;
}

function resultOf(trackingId: string, journey: Journey | null): Record<string, unknown> {
  if (!journey) return { tracking_id: trackingId, errors: [{ code: AUSPOST_INVALID_TRACKING_ID_CODE, name: 'Invalid tracking ID' }] };
  // Newest first: the place an in-transit event heads to is the place of the event after it.
  const events = journey.events.map((event, index) => eventOf(event, journey.events[index - 1]?.place)).filter((event) => event !== null);
  const status = articleStatus(journey.events[0]!.milestone);
  return {
    tracking_id: trackingId,
    status,
    trackable_items: [
      { article_id: trackingId, product_type: journey.international ? 'International Standard' : 'Parcel Post', events, status },
    ],
  };
}

export const ausPostSandbox: SandboxCarrier = {
  id: 'auspost',
  name: 'Australia Post',
  documentedRateLimit: AUSPOST_CAPABILITIES.rateLimit,
  tokenLifetimeSeconds: null,
  tokenPath: null,
  endpointOf: (request) => (request.method === 'GET' && request.url.pathname === AUSPOST_TRACK_PATH ? 'track' : null),
  unknownEndpoint: () => ({ status: 404, body: { errors: [{ code: '404', name: 'NOT_FOUND', message: 'Resource not found' }] } }),
  // The sandbox's key is `apiKey:password:accountNumber`: all three must match (see `adapterCredentials`).
  apiKeyOf(request) {
    const basic = basicCredentials(request);
    const account = header(request, 'Account-Number');
    return basic && account ? `${basic.clientId}:${basic.clientSecret}:${account}` : null;
  },
  adapterCredentials(credential): Record<string, string> {
    if (!('apiKey' in credential))
      return { apiKey: credential.clientId, password: credential.clientSecret, accountNumber: credential.username ?? '' };
    const [apiKey = '', password = '', accountNumber = ''] = credential.apiKey.split(':');
    return { apiKey, password, accountNumber };
  },
  // The gateway's answer is not documented; a 401 with the error envelope the API uses elsewhere.
  unauthorised: () => ({ status: 401, body: { errors: [{ code: '401', name: 'UNAUTHORIZED', message: 'Unauthorized' }] } }),
  readTrackingRequest(request) {
    const ids = (request.url.searchParams.get('tracking_ids') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (ids.length > AUSPOST_MAX_IDS_PER_REQUEST) {
      return {
        refused: {
          status: 400,
          body: {
            errors: [
              {
                code: AUSPOST_TOO_MANY_IDS_CODE,
                name: 'TOO_MANY_AP_TRACKING_IDS',
                message: 'The request must contain 10 or less AP article ids, consignment ids, or barcode ids.',
              },
            ],
          },
        },
      };
    }
    return { numbers: ids };
  },
  trackAnswer(_request, numbers: TrackedNumber[]): SandboxAnswer {
    return { status: 200, body: { tracking_results: numbers.map(({ trackingNumber, journey }) => resultOf(trackingNumber, journey)) } };
  },
  rateLimited: (retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter },
    body: { errors: [{ code: '429', name: 'TOO_MANY_REQUESTS', message: 'Too many requests' }] },
  }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    return {
      status,
      body: { errors: [{ code: String(status), name: 'SERVICE_UNAVAILABLE', message: 'The service is temporarily unavailable.' }] },
    };
  },
};
