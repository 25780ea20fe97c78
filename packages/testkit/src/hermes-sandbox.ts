import { HERMES_CAPABILITIES, HERMES_MAX_IDS_PER_REQUEST, HERMES_TRACK_PATH } from '@wismo/carrier-hermes/internal';
import type { Journey, JourneyEvent, Milestone, Place } from './journeys';
import { formFields, header, htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import { zonedTime } from './zoned-time';

/*
 * Hermes Germany's Shipment Info API (`GET /services/hsi/shipmentinfo?shipmentID=…`, bearer token) and its
 * password-grant token endpoint, in the shapes of Hermes' OpenAPI files and the answers in
 * packages/carrier-hermes/src/__fixtures__: statuses oldest first with offsets, 4-digit codes with Hermes'
 * English texts, `deliveryForecast` with a slot in German time, `result.code: e001` for unknown ids.
 */

export const HERMES_SANDBOX_TOKEN_PATH = '/authorization-facade/oauth2/access_token';

/** The one business-customer account the sandbox knows (the password grant also checks the client pair). */
export const HERMES_SANDBOX_USER = { username: 'wismo-sandbox-hermes-user', password: 'wismo-sandbox-hermes-password' } as const;

interface HermesStatusText {
  code: string;
  /** `{place}` is the scanning unit's city. */
  text: string;
}

const STATUSES: Record<Milestone, HermesStatusText> = {
  label_created: { code: '0000', text: 'The shipment has been notified to Hermes electronically.' },
  picked_up: { code: '1000', text: 'The shipment has left the clients warehouse.' },
  departed_origin: { code: '1510', text: 'The shipment has been sorted in the logistics center {place}.' },
  arrived_hub: { code: '1510', text: 'The shipment has been sorted in the logistics center {place}.' },
  departed_hub: { code: '1510', text: 'The shipment has been sorted in the logistics center {place}.' },
  arrived_destination: { code: '2000', text: 'The shipment has arrived in the distribution center {place}.' },
  out_for_delivery: { code: '3000', text: 'The shipment has gone out on a delivery route. Delivery is expected today.' },
  delivered: { code: '3500', text: 'The shipment has been delivered.' },
  attempt_failed: { code: '3731', text: 'The recipient was not present. Hermes will make another delivery attempt.' },
  exception: { code: '3740', text: 'The shipment will be stopped due to a possible damage.' },
  export: { code: '1710', text: 'Customs Export for the shipment was created.' },
  import: { code: '1610', text: 'Shipment is in international transit and located in {place}.' },
  customs_processing: { code: '1610', text: 'Shipment is in international transit and located in {place}.' },
  customs_held: { code: '1730', text: 'Shipment is held by customs in {place}.' },
  refused: {
    code: '3710',
    text: 'The shipment was not accepted when delivery was attempted and its on way back to the nearest Hermes distribution centre.',
  },
  return_started: { code: '6081', text: 'The shipment will be returned to the client.' },
  return_arrived_hub: { code: '6089', text: 'The shipment has been sorted in the logistics center {place}.' },
  return_arrived_origin: { code: '6089', text: 'The shipment has been sorted in the logistics center {place}.' },
  returned: { code: '7500', text: 'The return/return shipment has arrived at the client.' },
  ready_for_pickup: { code: '3410', text: 'The shipment is available for collection from the Hermes ParcelShop {place}.' },
};

const ALPHA3: Readonly<Record<string, string>> = { DE: 'DEU', CN: 'CHN', GB: 'GBR', FR: 'FRA', US: 'USA', NL: 'NLD' };

function statusOf(event: JourneyEvent): Record<string, unknown> {
  const local = zonedTime(event.at, event.place.zone);
  const status = STATUSES[event.milestone];
  const shop = event.milestone === 'ready_for_pickup' ? `Kiosk ${event.place.city}` : event.place.city;
  return {
    timestamp: `${local.date}T${local.time}${local.offset}`,
    code: status.code,
    description: status.text.replace('{place}', shop),
    scanningUnit: {
      name: event.milestone === 'ready_for_pickup' ? `Hermes PaketShop ${shop}` : 'Hermes Germany',
      city: event.place.city,
      countryCode: ALPHA3[event.place.countryCode] ?? event.place.countryCode,
    },
  };
}

function infoOf(journey: Journey, shipmentID: string): Record<string, unknown> {
  const destination: Place = journey.destination;
  const info: Record<string, unknown> = {
    shipmentID,
    clientReference: `ORDER-${journey.hash % 100_000}`,
    trackingLink: `https://www.myhermes.de/tracking/${shipmentID}`,
    receiverAddress: {
      city: destination.city,
      zipCode: destination.postalCode ?? '',
      countryCode: ALPHA3[destination.countryCode] ?? destination.countryCode,
    },
  };
  const estimate = journey.estimate;
  if (estimate) {
    const forecast: Record<string, unknown> = { fixed: estimate.kind === 'window', date: estimate.date };
    if (estimate.kind === 'window' && estimate.from !== null && estimate.to !== null) {
      // German wall time, as Hermes writes the slot.
      forecast.timeSlot = {
        from: zonedTime(estimate.from, 'Europe/Berlin').time.slice(0, 5),
        to: zonedTime(estimate.to, 'Europe/Berlin').time.slice(0, 5),
      };
    }
    info.deliveryForecast = forecast;
  }
  // Hermes lists statuses oldest first.
  info.status = [...journey.events].reverse().map(statusOf);
  return info;
}

function resultCodes(code: string, message: string): { listOfResultCodes: Array<{ code: string; message: string }> } {
  return { listOfResultCodes: [{ code, message }] };
}

export const hermesSandbox: SandboxCarrier = {
  id: 'hermes',
  name: 'Hermes',
  documentedRateLimit: HERMES_CAPABILITIES.rateLimit,
  // One hour, sent as the string "3599".
  tokenLifetimeSeconds: 3599,
  tokenPath: HERMES_SANDBOX_TOKEN_PATH,
  endpointOf(request) {
    if (request.method === 'POST' && request.url.pathname === HERMES_SANDBOX_TOKEN_PATH) return 'token';
    if (request.method === 'GET' && request.url.pathname === HERMES_TRACK_PATH) return 'track';
    return null;
  },
  unknownEndpoint: () => ({ status: 404, body: resultCodes('e002', 'Query not successful') }),
  clientCredentialsOf(request) {
    const fields = formFields(request);
    if (fields.grant_type !== 'password')
      return { refused: { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' } } };
    // A wrong user or password is `invalid_grant` (HTTP 400), as Hermes' auth spec lists it; the server checks the client pair.
    if (
      fields.username !== HERMES_SANDBOX_USER.username ||
      fields.password !== HERMES_SANDBOX_USER.password ||
      !fields.client_id ||
      !fields.client_secret
    )
      return { refused: { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid user credentials' } } };
    return { clientId: fields.client_id, clientSecret: fields.client_secret };
  },
  tokenIssued(accessToken) {
    return {
      status: 200,
      body: {
        access_token: accessToken,
        expires_in: '3599',
        refresh_token: `${accessToken}.refresh`,
        scope: 'openid',
        token_type: 'Bearer',
      },
    };
  },
  tokenRefused: () => ({ status: 401, body: { error: 'invalid_client', error_description: 'Invalid client credentials' } }),
  unauthorised: (reason) => ({
    status: 401,
    body: reason === 'expired' ? resultCodes('e903', 'Token expired') : resultCodes('e902', 'Token invalid'),
  }),
  readTrackingRequest(request) {
    const ids = request.url.searchParams.getAll('shipmentID').map((id) => id.trim());
    if (ids.length === 0 || ids.some((id) => id === ''))
      return { refused: { status: 400, body: resultCodes('e005', 'Validation error: shipmentID') } };
    if (ids.length > HERMES_MAX_IDS_PER_REQUEST)
      return { refused: { status: 400, body: resultCodes('e006', `Validation error: at most ${HERMES_MAX_IDS_PER_REQUEST} shipmentIDs`) } };
    if (!/^(DE|EN)$/i.test(header(request, 'Accept-Language') ?? 'DE'))
      return { refused: { status: 400, body: resultCodes('e009', 'Unsupported language') } };
    return { numbers: ids };
  },
  trackAnswer(_request, numbers: TrackedNumber[]): SandboxAnswer {
    const shipmentinfo = numbers.map(({ trackingNumber, journey }) =>
      journey
        ? infoOf(journey, trackingNumber)
        : { shipmentID: trackingNumber, result: { code: 'e001', message: 'There is no information for the entered value.' } },
    );
    return { status: 200, body: { shipmentinfo } };
  },
  rateLimited: (retryAfter) => ({ status: 429, headers: { 'Retry-After': retryAfter }, body: resultCodes('e999', 'Too many requests') }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    return { status, body: resultCodes('e999', 'Internal error') };
  },
};
