import { GLS_DEFAULT_RATE_LIMIT, GLS_DELIVERY_INFO_PATH, GLS_TOKEN_PATH, GLS_TRACK_PATH } from '@wismo/carrier-gls/internal';
import { glsCheckDigit } from './check-digits';
import type { Journey, JourneyEvent, Milestone } from './journeys';
import {
  basicCredentials,
  formFields,
  htmlErrorPage,
  type SandboxAnswer,
  type SandboxCarrier,
  type TrackedNumber,
} from './sandbox-carrier';
import type { SandboxRateLimit } from './sandbox-types';
import { zonedTime } from './zoned-time';

/*
 * GLS Track And Trace V1 and the GLS Authentication API v2, in the shapes of the T&T OpenAPI 1.0.7 and the
 * answers in packages/carrier-gls/src/__fixtures__: `parcels[]` with `requested`/`unitno`, the parcel `status`
 * enum, `TYPE.REASON` event codes newest first, offsets without a colon (`+0100`), `E_404_01` inside HTTP 200,
 * Apigee faults for 401/429 and problem details for 400/404.
 * Event codes GLS documents are used where one fits; the others are made up in the same form (GLS publishes the
 * full list only behind credentials), and the parcel `status` of the newest event is always a documented one.
 */

interface GlsScan {
  code: string;
  description: string;
  /** The parcel status once this is the newest event. */
  status: string;
}

const SCANS: Record<Milestone, GlsScan> = {
  label_created: {
    code: 'INTIAL.PREADVICE',
    description: 'The parcel data was entered into the GLS IT system; the parcel was not yet handed over to GLS.',
    status: 'PREADVICE',
  },
  picked_up: { code: 'INTIAL.NORMAL', description: 'The parcel was handed over to GLS.', status: 'INTRANSIT' },
  departed_origin: { code: 'INTRAN.OUTBOUND', description: 'The parcel has left the parcel center.', status: 'INTRANSIT' },
  arrived_hub: { code: 'INWARE.NORMAL', description: 'The parcel has reached the parcel center.', status: 'INWAREHOUSE' },
  departed_hub: { code: 'INTRAN.OUTBOUND', description: 'The parcel has left the parcel center.', status: 'INTRANSIT' },
  arrived_destination: { code: 'INWARE.NORMAL', description: 'The parcel has reached the parcel center.', status: 'INWAREHOUSE' },
  out_for_delivery: { code: 'INDELV.NORMAL', description: 'The parcel is expected to be delivered during the day.', status: 'INDELIVERY' },
  delivered: { code: 'DELIVD.NORMAL', description: 'The parcel has been delivered.', status: 'DELIVERED' },
  attempt_failed: {
    code: 'NOTDEL.NOTATHOME',
    description: 'The parcel could not be delivered as the consignee was absent.',
    status: 'NOTDELIVERED',
  },
  exception: {
    code: 'NOTDEL.WRONGADDR',
    description: 'The parcel could not be delivered as the address was incorrect.',
    status: 'NOTDELIVERED',
  },
  export: { code: 'INTRAN.EXPORT', description: 'The parcel has left the country of origin.', status: 'INTRANSIT' },
  import: { code: 'INWARE.IMPORT', description: 'The parcel has reached the destination country.', status: 'INWAREHOUSE' },
  customs_processing: { code: 'INWARE.CUSTOMS', description: 'The parcel is being cleared by customs.', status: 'INWAREHOUSE' },
  customs_held: { code: 'INWARE.CUSTOMSHOLD', description: 'The parcel is held by customs.', status: 'INWAREHOUSE' },
  refused: { code: 'NOTDEL.REFUSED', description: 'The consignee refused to accept the parcel.', status: 'NOTDELIVERED' },
  return_started: { code: 'RETURN.NORMAL', description: 'The parcel is on its way back to the sender.', status: 'INTRANSIT' },
  return_arrived_hub: { code: 'INWARE.NORMAL', description: 'The parcel has reached the parcel center.', status: 'INWAREHOUSE' },
  return_arrived_origin: { code: 'INWARE.NORMAL', description: 'The parcel has reached the parcel center.', status: 'INWAREHOUSE' },
  // GLS's status enum has no return status: the closed history is all a returned parcel shows.
  returned: { code: 'RETURN.DELIVERED', description: 'The parcel has been returned to the sender.', status: 'FINAL' },
  ready_for_pickup: {
    code: 'DELIVD.PARCELSHOP',
    description: 'The parcel has been delivered at the ParcelShop (see ParcelShop information).',
    status: 'DELIVEREDPS',
  },
};

/** `2025-03-12T16:00:00+0100`: GLS writes the offset without a colon. */
function glsDateTime(epochMs: number, zone: string): string {
  const local = zonedTime(epochMs, zone);
  return `${local.date}T${local.time}${local.offset.replace(':', '')}`;
}

function eventOf(event: JourneyEvent): Record<string, string> {
  const scan = SCANS[event.milestone];
  const known = event.milestone !== 'label_created';
  return {
    code: scan.code,
    city: known ? event.place.city : '',
    postalCode: known ? (event.place.postalCode ?? '') : '',
    country: event.place.countryCode,
    description: scan.description,
    eventDateTime: glsDateTime(event.at, event.place.zone),
  };
}

function parcelOf(requested: string, journey: Journey): Record<string, unknown> {
  const newest = journey.events[0]!;
  return {
    requested,
    // The API answers with the 11-digit unit number, without the label's check digit.
    unitno: journey.trackingNumber.slice(0, 11),
    status: SCANS[newest.milestone].status,
    statusDateTime: glsDateTime(newest.at, newest.place.zone),
    events: journey.events.map(eventOf),
  };
}

function problem(status: number, title: string, detail: string, instance: string): SandboxAnswer {
  return { status, body: { type: 'about:blank', title, status, detail, instance } };
}

function apigeeFault(status: number, faultstring: string, errorcode: string, headers?: Record<string, string>): SandboxAnswer {
  return { status, body: { fault: { faultstring, detail: { errorcode } } }, ...(headers ? { headers } : {}) };
}

const TRACK_PATH = new RegExp(`^${GLS_TRACK_PATH.replace(/\/references$/, '')}/(references|trackids)/([^/]+)$`);
const DELIVERY_INFO = new RegExp(`^${GLS_DELIVERY_INFO_PATH}/([^/]+)$`);
const DAY_MS = 86_400_000;

/** `GET …/deliveryinfo/parcelid/{unitno}`: the ParcelShop of a parcel waiting at one, checked against the destination postal code. */
function deliveryInfoAnswer(request: { url: URL }, tracked: TrackedNumber): SandboxAnswer {
  const postalCode = request.url.searchParams.get('originaldestinationpostalcode');
  if (!postalCode)
    return problem(400, 'Bad Request', "Required parameter 'originaldestinationpostalcode' is not present.", request.url.pathname);
  const journey = tracked.journey;
  if (!journey) return { status: 200, body: { errorCode: 'E_404_01', errorMessage: 'Resource Not Found' } };
  if (journey.destination.postalCode !== postalCode)
    return { status: 200, body: { errorCode: 'E_400_03', errorMessage: 'Wrong Postal Code' } };
  if (journey.events[0]!.milestone !== 'ready_for_pickup')
    return { status: 200, body: { errorCode: 'E_404_02', errorMessage: 'No Delivery Info' } };
  const parcelshopId = String(2_760_000_000 + (journey.hash % 1_000_000));
  return {
    status: 200,
    body: {
      parcelshopDelivery: {
        parcelshopId,
        partnerId: 'GLS_DE',
        _links: {
          parcelShopManagement: {
            href: `https://api.gls-group.net/parcel-shop-management/v2/active-public-parcel-shops/GLS_DE/${parcelshopId}`,
            templated: false,
          },
        },
      },
    },
  };
}

export const glsSandbox: SandboxCarrier = {
  id: 'gls',
  name: 'GLS',
  documentedRateLimit: GLS_DEFAULT_RATE_LIMIT,
  // "Tokens are valid for up to four hours" (Authentication API v2; `expires_in` 14400, a number).
  tokenLifetimeSeconds: 14_400,
  tokenPath: GLS_TOKEN_PATH,
  endpointOf(request) {
    if (request.method === 'POST' && request.url.pathname === GLS_TOKEN_PATH) return 'token';
    if (request.method === 'GET' && (TRACK_PATH.test(request.url.pathname) || DELIVERY_INFO.test(request.url.pathname))) return 'track';
    return null;
  },
  unknownEndpoint: (request) =>
    problem(404, 'Not Found', `No static resource ${request.url.pathname.replace(/^\//, '')}.`, request.url.pathname),
  clientCredentialsOf(request) {
    const fields = formFields(request);
    // The spec documents `{ errors: [...] }` for 400 without the fields of an error: none are invented beyond a message.
    if (fields.grant_type !== 'client_credentials')
      return { refused: { status: 400, body: { errors: [{ message: 'grant_type must be client_credentials' }] } } };
    const basic = basicCredentials(request);
    if (basic) return basic;
    if (fields.client_id && fields.client_secret) return { clientId: fields.client_id, clientSecret: fields.client_secret };
    return { refused: { status: 401, body: { ErrorCode: 'invalid_client', Error: 'Client credentials are invalid' } } };
  },
  tokenIssued: (accessToken) => ({ status: 200, body: { token_type: 'Bearer', access_token: accessToken, expires_in: 14_400 } }),
  // Apigee's OAuthV2 answer to unknown client credentials (GLS documents none of its own).
  tokenRefused: () => ({ status: 401, body: { ErrorCode: 'invalid_client', Error: 'Client credentials are invalid' } }),
  unauthorised(reason) {
    // The expired-token fault is the spec's; for a missing or unknown token GLS documents nothing: Apigee Verify-JWT's.
    if (reason === 'expired') return apigeeFault(401, 'The Token has expired: policy(Verify-JWT)', 'steps.jwt.TokenExpired');
    return apigeeFault(401, 'Invalid token: policy(Verify-JWT)', 'steps.jwt.InvalidToken');
  },
  readTrackingRequest(request) {
    const deliveryInfo = DELIVERY_INFO.exec(request.url.pathname);
    if (deliveryInfo) {
      // The unit number has no check digit; the sandbox's numbers are the 12-digit label numbers.
      const unitno = deliveryInfo[1]!;
      return { numbers: [/^\d{11}$/.test(unitno) ? `${unitno}${glsCheckDigit(unitno)}` : unitno] };
    }
    const match = TRACK_PATH.exec(request.url.pathname)!;
    for (const name of ['showLinks', 'showEvents']) {
      const value = request.url.searchParams.get(name);
      if (value !== null && value !== 'true' && value !== 'false') {
        return { refused: problem(400, 'Bad Request', `Failed to convert '${name}' with value: '${value}'`, request.url.pathname) };
      }
    }
    let numbers: string[];
    try {
      numbers = decodeURIComponent(match[2]!).split(',');
    } catch {
      numbers = [];
    }
    const kind = match[1] === 'trackids' ? 'parcel ids' : 'references';
    if (numbers.length > 10)
      return {
        refused: problem(
          400,
          'Bad Request',
          `Provided ${kind} of size '${numbers.length}' is more than allowed limit of 10`,
          request.url.pathname,
        ),
      };
    if (numbers.some((number) => number.trim() === ''))
      return { refused: problem(400, 'Bad Request', `Provided ${kind} must not be empty`, request.url.pathname) };
    return { numbers };
  },
  trackAnswer(request, tracked: TrackedNumber[]) {
    if (DELIVERY_INFO.test(request.url.pathname)) return deliveryInfoAnswer(request, tracked[0]!);
    const showEvents = request.url.searchParams.get('showEvents') !== 'false';
    const parcels = tracked.map(({ trackingNumber, journey }) => {
      if (!journey) return { requested: trackingNumber, errorCode: 'E_404_01', errorMessage: 'Resource Not Found' };
      const parcel = parcelOf(trackingNumber, journey);
      if (!showEvents) delete parcel.events;
      return parcel;
    });
    return { status: 200, body: { parcels } };
  },
  rateLimited(retryAfter: string, limit?: SandboxRateLimit | null) {
    // The documented daily quota: Apigee's QuotaViolation, with no Retry-After (the spec's example).
    if (!limit || limit.intervalMs >= DAY_MS) {
      return apigeeFault(
        429,
        'Rate limit quota violation. Quota limit  exceeded. Identifier : wismo-sandbox',
        'policies.ratelimit.QuotaViolation',
      );
    }
    // A shorter limit set for a test: Apigee's spike arrest, which does say when to come back (not documented by GLS).
    return apigeeFault(429, 'Spike arrest violation. Allowed rate : wismo-sandbox', 'policies.ratelimit.SpikeArrestViolation', {
      'Retry-After': retryAfter,
    });
  },
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    return problem(
      status,
      status === 503 ? 'Service Unavailable' : 'Internal Server Error',
      'An unexpected error occurred.',
      GLS_TRACK_PATH,
    );
  },
};
