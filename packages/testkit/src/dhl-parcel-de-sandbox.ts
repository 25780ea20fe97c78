import {
  DHL_PARCEL_DE_CAPABILITIES,
  DHL_PARCEL_DE_MAX_PIECES_PER_REQUEST,
  DHL_PARCEL_DE_PIECE_DETAIL_REQUEST,
  DHL_PARCEL_DE_SANDBOX_LOGIN,
  DHL_PARCEL_DE_TRACK_PATH,
  dhlParcelDeXmlParser,
} from '@wismo/carrier-dhlparcelde/internal';
import type { Journey, JourneyEvent, Milestone } from './journeys';
import { basicCredentials, htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import type { SandboxCredentials } from './sandbox-types';
import { zonedTime } from './zoned-time';

/*
 * DHL Parcel DE Shipment Tracking (`GET /parcel/de/tracking/v0/shipments?xml=<data request="d-get-piece-detail" …/>`),
 * as karrio's notes of a live sandbox test and the recorded answer in packages/carrier-dhlparcelde/src/__fixtures__
 * show it: HTTP Basic for the developer-portal app, DHL's sandbox login (`zt12345` / `geheim`) inside the XML (any
 * other login: root `code="5"` "Login failed" in an HTTP 200), up to 20 `;`-separated piece codes, XML answers with
 * `DD.MM.YYYY HH:mm` German wall-clock times, ICE/RIC/standard-event-code triples from DHL's table, not found as
 * root `code="100"`. The sandbox's API-key credential is `key:secret` (the Basic pair).
 */

interface ParcelDeEventText {
  ice: string;
  ric: string;
  standardEventCode: string;
  text: string;
  short: string;
}

const EVENTS: Record<Milestone, ParcelDeEventText> = {
  label_created: {
    ice: 'PARCV',
    ric: 'NRQRD',
    standardEventCode: 'VA',
    text: 'The instruction data for this shipment have been provided by the sender to DHL electronically',
    short: 'Electronic advice',
  },
  picked_up: {
    ice: 'SHRCU',
    ric: 'NRQRD',
    standardEventCode: 'ES',
    text: 'The shipment has been posted by the sender at the retail outlet',
    short: 'Posting',
  },
  departed_origin: {
    ice: 'LDTMV',
    ric: 'MVMTV',
    standardEventCode: 'AA',
    text: 'The shipment has been processed in the parcel center of origin',
    short: 'Parcel center of origin',
  },
  arrived_hub: {
    ice: 'ULFMV',
    ric: 'UNLDD',
    standardEventCode: 'EE',
    text: 'The shipment has been processed in the parcel center',
    short: 'Parcel center',
  },
  departed_hub: {
    ice: 'LDTMV',
    ric: 'MVMTV',
    standardEventCode: 'AA',
    text: 'The shipment is being prepared for onward transport',
    short: 'Onward transport',
  },
  arrived_destination: {
    ice: 'ULFMV',
    ric: 'UNLDD',
    standardEventCode: 'EE',
    text: 'The shipment has been processed in the destination parcel center',
    short: 'Destination parcel center',
  },
  out_for_delivery: {
    ice: 'SRTED',
    ric: 'NRQRD',
    standardEventCode: 'PO',
    text: 'The shipment has been loaded onto the delivery vehicle',
    short: 'In delivery',
  },
  delivered: {
    ice: 'DLVRD',
    ric: 'ACCPT',
    standardEventCode: 'ZU',
    text: 'The shipment has been successfully delivered',
    short: 'Delivery successful',
  },
  attempt_failed: {
    ice: 'NTDEL',
    ric: 'NHOME',
    standardEventCode: 'ZN',
    text: 'The recipient was not present. The shipment could not be delivered',
    short: 'Recipient not at home',
  },
  exception: {
    ice: 'EXPHD',
    ric: 'BDADD',
    standardEventCode: 'BV',
    text: 'The address is incomplete. The shipment is held while DHL checks it',
    short: 'Address problem',
  },
  export: {
    ice: 'SRTED',
    ric: 'FWEXH',
    standardEventCode: 'AA',
    text: 'The shipment has been processed in the export parcel center',
    short: 'Export',
  },
  import: {
    ice: 'ULFMV',
    ric: 'OARRV',
    standardEventCode: 'EE',
    text: 'The shipment has arrived in the destination country',
    short: 'Arrived in destination country',
  },
  customs_processing: {
    ice: 'ICPRC',
    ric: 'NRQRD',
    standardEventCode: 'ZO',
    text: 'The shipment is being processed by customs',
    short: 'Customs clearance',
  },
  customs_held: {
    ice: 'HLDCU',
    ric: 'NORSN',
    standardEventCode: 'BV',
    text: 'The shipment is pending completion of customs inspection.',
    short: 'Held by customs',
  },
  refused: {
    ice: 'DLVRF',
    ric: 'NTORD',
    standardEventCode: 'ZN',
    text: 'The recipient refused to accept the shipment',
    short: 'Delivery refused',
  },
  return_started: {
    ice: 'RETRN',
    ric: 'NHOME',
    standardEventCode: 'ZN',
    text: 'The shipment is on its way back to the sender',
    short: 'Return to sender',
  },
  return_arrived_hub: {
    ice: 'ULFMV',
    ric: 'UNLDD',
    standardEventCode: 'EE',
    text: 'The return shipment has been processed in the parcel center',
    short: 'Return: parcel center',
  },
  return_arrived_origin: {
    ice: 'ULFMV',
    ric: 'UNLDD',
    standardEventCode: 'EE',
    text: 'The return shipment has been processed in the destination parcel center',
    short: 'Return: destination parcel center',
  },
  returned: {
    ice: 'DLVRD',
    ric: 'ACCPT',
    standardEventCode: 'ZU',
    text: 'The return shipment has been delivered to the sender',
    short: 'Returned to sender',
  },
  ready_for_pickup: {
    ice: 'CNRFC',
    ric: 'PCKST',
    standardEventCode: 'ZF',
    text: 'The shipment is ready for pick-up at the PACKSTATION',
    short: 'Ready for pick-up at PACKSTATION',
  },
};

/** Milestones of the way back: DHL marks them `ruecksendung="true"`. */
const RETURN_LEG: ReadonlySet<Milestone> = new Set(['return_arrived_hub', 'return_arrived_origin', 'returned']);

const COUNTRY_NAMES: Readonly<Record<string, { en: string; de: string }>> = {
  DE: { en: 'Germany', de: 'Deutschland' },
  US: { en: 'United States', de: 'USA' },
  CN: { en: 'China', de: 'China' },
  GB: { en: 'United Kingdom', de: 'Großbritannien' },
};

type Language = 'en' | 'de';

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attributes(fields: Record<string, string>, indent: string): string {
  return Object.entries(fields)
    .map(([name, value]) => `${indent}${name}="${escape(value)}"`)
    .join('\n');
}

/** `DD.MM.YYYY HH:mm`, the wall clock in the event's zone. */
function stamp(epochMs: number, zone: string): string {
  const { date, time } = zonedTime(epochMs, zone);
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)} ${time.slice(0, 5)}`;
}

function day(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

function eventXml(event: JourneyEvent, language: Language): string {
  const text = EVENTS[event.milestone];
  const country = COUNTRY_NAMES[event.place.countryCode]?.[language] ?? event.place.countryCode;
  const inDelivery = event.milestone === 'out_for_delivery' || event.milestone === 'label_created';
  const location = event.milestone === 'ready_for_pickup' ? `Packstation 105 ${event.place.city}` : inDelivery ? '' : event.place.city;
  return `      <data name="piece-event"\n${attributes(
    {
      'event-timestamp': stamp(event.at, event.place.zone),
      'event-status': text.text,
      'event-text': text.text,
      'event-short-status': text.short,
      ice: text.ice,
      ric: text.ric,
      'event-location': location,
      'event-country': inDelivery ? '' : country,
      'standard-event-code': text.standardEventCode,
      ruecksendung: RETURN_LEG.has(event.milestone) ? 'true' : 'false',
    },
    '        ',
  )}\n      />`;
}

function pieceXml(journey: Journey, language: Language): string {
  const newest = journey.events[0]!;
  const latest = EVENTS[newest.milestone];
  const delivered = newest.milestone === 'delivered' || newest.milestone === 'returned';
  const returning = journey.events.some((event) => RETURN_LEG.has(event.milestone));
  const identifier = journey.trackingNumber.startsWith('00') ? journey.trackingNumber.slice(2) : journey.trackingNumber;
  const fields: Record<string, string> = {
    'error-status': '0',
    'piece-identifier': identifier,
    'identifier-type': '2',
    'piece-code': journey.trackingNumber,
    'event-location': '',
    'event-country': journey.destination.countryCode,
    'status-timestamp': stamp(newest.at, newest.place.zone),
    status: latest.text,
    'short-status': latest.short,
    'recipient-name': delivered ? (newest.milestone === 'returned' ? 'Versand' : 'Mustermann') : '',
    'recipient-id': delivered ? '1' : '',
    'recipient-id-text': delivered ? 'recipient' : '',
    'pan-recipient-city': `${journey.destination.postalCode ?? ''} ${journey.destination.city}`.trim(),
    'pan-recipient-postalcode': journey.destination.postalCode ?? '',
    'product-code': '00',
    'product-name': journey.international ? 'DHL PAKET International' : 'DHL PAKET (parcel)',
    'delivery-event-flag': delivered ? '1' : '0',
    'international-flag': journey.international ? '1' : '0',
    ice: latest.ice,
    ric: latest.ric,
    'standard-event-code': latest.standardEventCode,
    'dest-country': journey.destination.countryCode,
    'origin-country': journey.origin.countryCode,
    'searched-piece-code': journey.trackingNumber,
    ruecksendung: returning ? 'true' : 'false',
  };
  const estimate = journey.estimate;
  if (estimate && !delivered) {
    fields['delivery-date'] = day(estimate.date);
    if (estimate.kind === 'window' && estimate.from !== null && estimate.to !== null) {
      // `HH:mm` on the delivery day; a window that runs past midnight ends on the next day's full stamp.
      const to = zonedTime(estimate.to, journey.destination.zone);
      fields['delivery-timeframe-from'] = zonedTime(estimate.from, journey.destination.zone).time.slice(0, 5);
      fields['delivery-timeframe-to'] = to.date === estimate.date ? to.time.slice(0, 5) : stamp(estimate.to, journey.destination.zone);
    }
  }
  // The event list runs oldest first.
  const events = [...journey.events]
    .reverse()
    .map((event) => eventXml(event, language))
    .join('\n');
  return `  <data name="piece-shipment"\n${attributes(fields, '    ')}\n  >\n    <data name="piece-event-list"\n      piece-identifier="${identifier}"\n      ruecksendung="${returning}"\n    >\n${events}\n    </data>\n  </data>`;
}

function resultXml(code: string, error: string | null, body = ''): string {
  const errorAttribute = error ? ` error="${escape(error)}"` : '';
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<data name="piece-shipment-list" code="${code}"${errorAttribute} request-id="wismo-sandbox"`;
  return body ? `${head}>\n${body}\n</data>\n` : `${head}/>\n`;
}

function xmlAnswer(status: number, body: string): SandboxAnswer {
  return { status, headers: { 'Content-Type': 'application/xml; charset=UTF-8' }, body };
}

/** The attributes of the request's `<data>` element, or null when `?xml=` is missing or not XML. */
function requestOf(url: URL): Record<string, string> | null {
  const xml = url.searchParams.get('xml');
  if (!xml) return null;
  try {
    const parsed = dhlParcelDeXmlParser.parse(xml) as { data?: unknown };
    return typeof parsed.data === 'object' && parsed.data !== null ? (parsed.data as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/** Problem bodies of DHL's API gateway (JSON) for what the gateway itself refuses. */
function gatewayProblem(status: number, title: string, detail: string): SandboxAnswer {
  return { status, headers: { 'Content-Type': 'application/problem+json' }, body: { status, title, detail } };
}

const PIECE_CODE = /^[A-Z0-9]{8,39}$/;

export const dhlParcelDeSandbox: SandboxCarrier = {
  id: 'dhlparcelde',
  name: 'DHL Paket (Parcel DE XML)',
  documentedRateLimit: DHL_PARCEL_DE_CAPABILITIES.rateLimit,
  tokenLifetimeSeconds: null,
  tokenPath: null,
  // DHL Paket numbers are DHL's: core's detection names them `dhl` (the Unified adapter); this API is the other way in.
  detectedAs: 'dhl',
  endpointOf(request) {
    return request.method === 'GET' && request.url.pathname === DHL_PARCEL_DE_TRACK_PATH ? 'track' : null;
  },
  unknownEndpoint: () => gatewayProblem(404, 'Not Found', 'The requested resource was not found.'),
  // The Basic pair (developer-portal key and secret), as one `key:secret` sandbox credential.
  apiKeyOf(request) {
    const basic = basicCredentials(request);
    return basic ? `${basic.clientId}:${basic.clientSecret}` : null;
  },
  adapterCredentials(credential: SandboxCredentials) {
    const pair = 'apiKey' in credential ? credential.apiKey : `${credential.clientId}:${credential.clientSecret}`;
    const colon = pair.indexOf(':');
    return {
      apiKey: colon < 0 ? pair : pair.slice(0, colon),
      apiSecret: colon < 0 ? '' : pair.slice(colon + 1),
      username: DHL_PARCEL_DE_SANDBOX_LOGIN.username,
      password: DHL_PARCEL_DE_SANDBOX_LOGIN.password,
    };
  },
  unauthorised: () => gatewayProblem(401, 'Unauthorized', 'Invalid credentials'),
  readTrackingRequest(request) {
    const xml = requestOf(request.url);
    if (!xml || xml.request !== DHL_PARCEL_DE_PIECE_DETAIL_REQUEST)
      return { refused: xmlAnswer(200, resultXml('-3', 'Unknown request type')) };
    // The business login lives in the XML: a wrong one is answered inside an HTTP 200, like every result code.
    if (xml.appname !== DHL_PARCEL_DE_SANDBOX_LOGIN.username || xml.password !== DHL_PARCEL_DE_SANDBOX_LOGIN.password)
      return { refused: xmlAnswer(200, resultXml('5', 'Login failed')) };
    const numbers = (xml['piece-code'] ?? '').split(';').filter((code) => code !== '');
    if (numbers.length === 0) return { refused: xmlAnswer(200, resultXml('45', 'No piece-code given')) };
    if (numbers.length > DHL_PARCEL_DE_MAX_PIECES_PER_REQUEST || numbers.some((code) => !PIECE_CODE.test(code)))
      return { refused: xmlAnswer(200, resultXml('41', 'IDC checksum invalid')) };
    return { numbers };
  },
  trackAnswer(request, numbers: TrackedNumber[]) {
    const language: Language = requestOf(request.url)?.['language-code'] === 'de' ? 'de' : 'en';
    const pieces = numbers.filter((tracked) => tracked.journey !== null).map((tracked) => pieceXml(tracked.journey!, language));
    // Unknown pieces are left out of a batch answer; none known is DHL's "No data found".
    if (pieces.length === 0) return xmlAnswer(200, resultXml('100', 'No data found'));
    return xmlAnswer(200, resultXml('0', null, pieces.join('\n')));
  },
  rateLimited: (retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter, 'Content-Type': 'application/problem+json' },
    body: { status: 429, title: 'Too Many Requests', detail: 'Too many requests within defined time period, please try again later.' },
  }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    return gatewayProblem(
      status,
      status === 503 ? 'Service Unavailable' : 'Internal Server Error',
      'The service is temporarily unavailable, please try again later.',
    );
  },
};
