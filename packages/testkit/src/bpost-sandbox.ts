import { BPOST_DEFAULT_RATE_LIMIT, BPOST_TRACKING_PATH, BPOST_TRACKING_SUFFIX } from '@wismo/carrier-bpost/internal';
import type { Journey, JourneyEvent, Milestone } from './journeys';
import { basicCredentials, htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import { zonedTime } from './zoned-time';

/*
 * bpost item tracking (`GET /services/trackedmail/item/{itemCode}/trackingInfo`, HTTP Basic), in the shapes of
 * the recorded answers in packages/carrier-bpost/src/__fixtures__: `itemTracking` with `stateInfo` oldest first,
 * times ISO 8601 with offset (sometimes milliseconds), `systemException` for unexpected errors, an empty answer
 * for an item bpost does not know.
 */

interface BpostState {
  code: string;
  description: string;
}

// T00, L00, U01 in bpost's words (recorded answer); the other descriptions are composed in the same style.
const SORTED: BpostState = { code: 'T00', description: 'Sorted - sorted_out' };
const HELD: BpostState = { code: 'B00', description: 'Held - on_hold' };

/** bpost documents no code for label data, customs or returns: label data has no state, the rest is sorting or a hold. */
const STATE_OF: Record<Milestone, BpostState | null> = {
  label_created: null,
  picked_up: SORTED,
  departed_origin: SORTED,
  arrived_hub: SORTED,
  departed_hub: SORTED,
  arrived_destination: SORTED,
  out_for_delivery: { code: 'L00', description: 'BoundToRound - out_for_distribution' },
  delivered: { code: 'U01', description: 'DistributedNormally - regular' },
  attempt_failed: { code: 'B03', description: 'NotDelivered - addressee_absent' },
  exception: HELD,
  export: SORTED,
  import: SORTED,
  customs_processing: SORTED,
  customs_held: HELD,
  refused: { code: 'B05', description: 'NotDelivered - refused' },
  return_started: SORTED,
  return_arrived_hub: SORTED,
  return_arrived_origin: SORTED,
  returned: SORTED,
  ready_for_pickup: { code: 'N74', description: 'AvailableInPickupPoint - to_collect' },
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function stamp(epochMs: number, zone: string): string {
  const local = zonedTime(epochMs, zone);
  return `${local.date}T${local.time}${local.offset}`;
}

function address(tag: string, name: string, place: Journey['origin']): string {
  return `<${tag}><ns2:name>${escapeXml(name)}</ns2:name><ns2:address><ns2:streetName>RUE DE LA LOI</ns2:streetName><ns2:houseNumber>16</ns2:houseNumber><ns2:postalCode>${place.postalCode ?? ''}</ns2:postalCode><ns2:city>${escapeXml(place.city.toUpperCase())}</ns2:city><ns2:countryCode>${place.countryCode}</ns2:countryCode></ns2:address></${tag}>`;
}

function stateInfo(event: JourneyEvent, state: BpostState): string {
  return `<stateInfo><time>${stamp(event.at, event.place.zone)}</time><stateCode>${state.code}</stateCode><stateDescription>${state.description}</stateDescription></stateInfo>`;
}

function itemTracking(journey: Journey): string {
  const states = [...journey.events].reverse().flatMap((event) => {
    const state = STATE_OF[event.milestone];
    return state ? [stateInfo(event, state)] : [];
  });
  const delivered = journey.events[0]?.milestone === 'delivered';
  const estimate = journey.estimate;
  const window =
    !delivered && estimate
      ? estimate.kind === 'window' && estimate.from !== null && estimate.to !== null
        ? `<deliveryTimeWindow><plannedDeliveryDateWindowStart>${stamp(estimate.from, journey.destination.zone)}</plannedDeliveryDateWindowStart><plannedDeliveryDateWindowEnd>${stamp(estimate.to, journey.destination.zone)}</plannedDeliveryDateWindowEnd></deliveryTimeWindow>`
        : `<deliveryTimeWindow><plannedDeliveryDateWindowStart>${estimate.date}</plannedDeliveryDateWindowStart><plannedDeliveryDateWindowEnd>${estimate.date}</plannedDeliveryDateWindowEnd></deliveryTimeWindow>`
      : '';
  const pickup = journey.events.some((event) => event.milestone === 'ready_for_pickup')
    ? `<pickupPoint><id>${100000 + (journey.hash % 900000)}</id><name>POINT POSTE ${escapeXml(journey.destination.city.toUpperCase())}</name><streetName>GRAND-PLACE</streetName><houseNumber>1</houseNumber><postalCode>${journey.destination.postalCode ?? ''}</postalCode><city>${escapeXml(journey.destination.city.toUpperCase())}</city></pickupPoint>`
    : '';
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<itemTracking xmlns="http://schema.post.be/tracking/v1/" xmlns:ns2="http://schema.post.be/announcement/common/v1/">',
    `<itemCode>${journey.trackingNumber}</itemCode>`,
    address('sender', 'WISMO SANDBOX SHOP', journey.origin),
    address('addressee', 'WISMO SANDBOX CUSTOMER', journey.destination),
    `<cityOrCountryOfdeparture>${escapeXml(journey.origin.city.toUpperCase())}</cityOrCountryOfdeparture>`,
    `<cityOrCountryOfDestination>${escapeXml(journey.destination.city.toUpperCase())}</cityOrCountryOfDestination>`,
    window,
    ...states,
    `<trackingId>${journey.hash.toString(36)}</trackingId>`,
    pickup,
    '</itemTracking>',
  ].join('');
}

const XML_HEADERS = { 'Content-Type': 'application/xml; charset=UTF-8' };

function systemException(): SandboxAnswer {
  return {
    status: 500,
    headers: XML_HEADERS,
    body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><systemException xmlns="http://schema.post.be/api/shm/common/v2/" xmlns:ns2="http://schema.post.be/common/exception/v1/"><ns2:message>An unexpected error occurred while executing the request! Please try again in a few moments. If the problem persist, please contact our support and provide the following token information 0b5e3c1a-sandbox</ns2:message><ns2:timestamp>2026-01-15+01:00</ns2:timestamp></systemException>`,
  };
}

const ITEM_PATH = new RegExp(`^${BPOST_TRACKING_PATH}/([^/]+)${BPOST_TRACKING_SUFFIX}$`);

export const bpostSandbox: SandboxCarrier = {
  id: 'bpost',
  name: 'bpost',
  documentedRateLimit: BPOST_DEFAULT_RATE_LIMIT,
  tokenLifetimeSeconds: null,
  tokenPath: null,
  endpointOf: (request) => (request.method === 'GET' && ITEM_PATH.test(request.url.pathname) ? 'track' : null),
  unknownEndpoint: () => htmlErrorPage(404, 'Not Found'),
  // HTTP Basic account id and passphrase, held by the sandbox as one `account:passphrase` key.
  apiKeyOf(request) {
    const credentials = basicCredentials(request);
    return credentials ? `${credentials.clientId}:${credentials.clientSecret}` : null;
  },
  unauthorised: () => htmlErrorPage(401, 'Unauthorized'),
  readTrackingRequest(request) {
    let itemCode: string;
    try {
      itemCode = decodeURIComponent(ITEM_PATH.exec(request.url.pathname)![1]!);
    } catch {
      itemCode = '';
    }
    if (!/^[A-Za-z0-9]{8,40}$/.test(itemCode))
      return { refused: { status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'Invalid item code' } };
    return { numbers: [itemCode] };
  },
  trackAnswer(_request, [tracked]: TrackedNumber[]) {
    // An item bpost does not know: "Empty XML" (bpost's support article on the tracking web service).
    if (!tracked!.journey) return { status: 200, headers: XML_HEADERS, body: '' };
    return { status: 200, headers: XML_HEADERS, body: itemTracking(tracked!.journey) };
  },
  // bpost publishes no over-limit answer; a gateway's 429 with Retry-After is what any HTTP client sees.
  rateLimited: (retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter, 'Content-Type': 'text/plain' },
    body: 'Too Many Requests',
  }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    if (status === 503) return htmlErrorPage(503, 'Service Unavailable');
    return systemException();
  },
  adapterCredentials(credential): Record<string, string> {
    if (!('apiKey' in credential)) return { accountId: credential.clientId, passphrase: credential.clientSecret };
    const colon = credential.apiKey.indexOf(':');
    return { accountId: credential.apiKey.slice(0, colon), passphrase: credential.apiKey.slice(colon + 1) };
  },
};
