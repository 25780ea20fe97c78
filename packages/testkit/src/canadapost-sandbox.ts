import { CANADAPOST_CAPABILITIES, CANADAPOST_MEDIA_TYPE, CANADAPOST_TRACK_PATH } from '@wismo/carrier-canadapost/internal';
import type { Journey, JourneyEvent, Milestone } from './journeys';
import { basicCredentials, header, htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import { zonedTime } from './zoned-time';

/*
 * Canada Post tracking detail (`GET /vis/track/pin/{pin}/detail`, `application/vnd.cpc.track-v2+xml`, Basic auth,
 * `Accept-language: en-CA|fr-CA`), in the shape of the recorded answer in packages/carrier-canadapost/src/__fixtures__:
 * zero-padded identifiers, `event-date`/`event-time` local with a zone abbreviation, `<messages>` for errors
 * (`004 No Pin History`, `E002 AAA Authentication Failure`).
 */

interface CanadaPostScan {
  identifier: string;
  en: string;
  fr: string;
}

// Identifiers of karrio's buckets; texts of the recorded answer where it has them. No source names a customs, data-only
// or return identifier: those milestones print nothing (a PIN with only shipping data has no significant events yet).
const SCANS: Record<Milestone, CanadaPostScan | null> = {
  label_created: null,
  picked_up: { identifier: '0101', en: 'Item accepted at the Post Office', fr: 'Article accepté au bureau de poste' },
  departed_origin: { identifier: '0100', en: 'Item processed at postal facility', fr: 'Article traité à l’installation postale' },
  arrived_hub: { identifier: '0100', en: 'Item processed at postal facility', fr: 'Article traité à l’installation postale' },
  departed_hub: { identifier: '0100', en: 'Item processed at postal facility', fr: 'Article traité à l’installation postale' },
  arrived_destination: { identifier: '0100', en: 'Item processed at postal facility', fr: 'Article traité à l’installation postale' },
  out_for_delivery: { identifier: '0174', en: 'Item out for delivery', fr: 'Article en cours de livraison' },
  delivered: { identifier: '1496', en: 'Item successfully delivered', fr: 'Article livré avec succès' },
  attempt_failed: { identifier: '0168', en: 'Delivery attempted; notice card left', fr: 'Tentative de livraison; avis laissé' },
  exception: { identifier: '0117', en: 'Item held by Canada Post', fr: 'Article retenu par Postes Canada' },
  export: { identifier: '0100', en: 'Item processed at postal facility', fr: 'Article traité à l’installation postale' },
  import: { identifier: '0100', en: 'Item processed at postal facility', fr: 'Article traité à l’installation postale' },
  customs_processing: null,
  customs_held: null,
  refused: null,
  return_started: null,
  // On the way back the item is processed at facilities like any other; no source names a return identifier.
  return_arrived_hub: { identifier: '0100', en: 'Item processed at postal facility', fr: 'Article traité à l’installation postale' },
  return_arrived_origin: { identifier: '0100', en: 'Item processed at postal facility', fr: 'Article traité à l’installation postale' },
  returned: null,
  ready_for_pickup: {
    identifier: '1410',
    en: 'Item available for pickup at Post Office',
    fr: 'Article prêt à être ramassé au bureau de poste',
  },
};

/** Canada's zone abbreviations by IANA zone: standard and daylight. */
const ZONE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  'America/St_Johns': ['NST', 'NDT'],
  'America/Halifax': ['AST', 'ADT'],
  'America/Toronto': ['EST', 'EDT'],
  'America/Winnipeg': ['CST', 'CDT'],
  'America/Regina': ['CST', 'CST'],
  'America/Edmonton': ['MST', 'MDT'],
  'America/Vancouver': ['PST', 'PDT'],
};

function zoneName(epochMs: number, zone: string): string {
  const names = ZONE_NAMES[zone];
  if (!names) return '';
  const january = zonedTime(Date.UTC(new Date(epochMs).getUTCFullYear(), 0, 15), zone).offset;
  return zonedTime(epochMs, zone).offset === january ? names[0] : names[1];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function occurrence(event: JourneyEvent, french: boolean): string | null {
  const scan = SCANS[event.milestone];
  if (!scan) return null;
  const local = zonedTime(event.at, event.place.zone);
  return `        <occurrence>
            <event-identifier>${scan.identifier}</event-identifier>
            <event-date>${local.date}</event-date>
            <event-time>${local.time}</event-time>
            <event-time-zone>${zoneName(event.at, event.place.zone)}</event-time-zone>
            <event-description>${escapeXml(french ? scan.fr : scan.en)}</event-description>
            <signatory-name>${event.milestone === 'delivered' ? 'WISMO' : ''}</signatory-name>
            <event-site>${escapeXml(event.place.city.toUpperCase())}</event-site>
            <event-province>${event.place.countryCode === 'CA' ? (event.place.region ?? '') : ''}</event-province>
            <event-retail-location-id></event-retail-location-id>
            <event-retail-name></event-retail-name>
        </occurrence>
`;
}

function detailOf(pin: string, journey: Journey, french: boolean): string {
  const delivered = journey.events[0]!.milestone === 'delivered';
  const occurrences = journey.events
    .map((event) => occurrence(event, french))
    .filter((text) => text !== null)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<tracking-detail xmlns="http://www.canadapost.ca/ws/track-v2">
    <pin>${pin}</pin>
    <active-exists>1</active-exists>
    <archive-exists/>
    <changed-expected-date/>
    <destination-postal-id>${escapeXml((journey.destination.postalCode ?? '').replace(/\s+/g, ''))}</destination-postal-id>
    <expected-delivery-date>${journey.estimate && !delivered ? journey.estimate.date : ''}</expected-delivery-date>
    <service-name>${journey.international ? 'International Parcel' : 'Expedited Parcels'}</service-name>
    <service-name-2>${journey.international ? 'Colis international' : 'Colis accélérés'}</service-name-2>
    <signature-image-exists>${delivered}</signature-image-exists>
    <suppress-signature>false</suppress-signature>
    <significant-events>
${occurrences}    </significant-events>
</tracking-detail>
`;
}

function messages(namespace: 'track' | 'messages', code: string, description: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<messages xmlns="http://www.canadapost.ca/ws/${namespace}">\n    <message>\n        <code>${code}</code>\n        <description>${description}</description>\n    </message>\n</messages>\n`;
}

const XML_HEADERS = { 'Content-Type': CANADAPOST_MEDIA_TYPE };
const DETAIL_PATH = new RegExp(`^${CANADAPOST_TRACK_PATH}/([^/]+)/detail$`);

export const canadaPostSandbox: SandboxCarrier = {
  id: 'canadapost',
  name: 'Canada Post',
  documentedRateLimit: CANADAPOST_CAPABILITIES.rateLimit,
  tokenLifetimeSeconds: null,
  tokenPath: null,
  endpointOf: (request) => (request.method === 'GET' && DETAIL_PATH.test(request.url.pathname) ? 'track' : null),
  unknownEndpoint: () => htmlErrorPage(404, 'Not Found'),
  // The sandbox's key is the Basic pair `username:password` (see `adapterCredentials`).
  apiKeyOf(request) {
    const basic = basicCredentials(request);
    return basic ? `${basic.clientId}:${basic.clientSecret}` : null;
  },
  adapterCredentials(credential): Record<string, string> {
    if (!('apiKey' in credential)) return { username: credential.clientId, password: credential.clientSecret };
    const colon = credential.apiKey.indexOf(':');
    return { username: credential.apiKey.slice(0, colon), password: credential.apiKey.slice(colon + 1) };
  },
  unauthorised: () => ({ status: 401, headers: XML_HEADERS, body: messages('messages', 'E002', 'AAA Authentication Failure') }),
  readTrackingRequest(request) {
    if (!(header(request, 'Accept') ?? '').includes(CANADAPOST_MEDIA_TYPE)) {
      // The code Canada Post sends for a wrong Accept is not documented: the gateway's page, no invented code.
      return { refused: htmlErrorPage(406, 'Not Acceptable') };
    }
    let pin: string;
    try {
      pin = decodeURIComponent(DETAIL_PATH.exec(request.url.pathname)![1]!);
    } catch {
      pin = '';
    }
    return { numbers: [pin] };
  },
  answerVaries: ['accept-language'],
  trackAnswer(request, [tracked]: TrackedNumber[]): SandboxAnswer {
    const { trackingNumber, journey } = tracked!;
    if (!journey) return { status: 404, headers: XML_HEADERS, body: messages('track', '004', 'No Pin History') };
    const french = (header(request, 'Accept-language') ?? '').toLowerCase().startsWith('fr');
    return { status: 200, headers: XML_HEADERS, body: detailOf(trackingNumber, journey, french) };
  },
  // Canada Post's bodies for these are not documented: the gateway's HTML pages (the adapter reads the status and Retry-After).
  rateLimited: (retryAfter) => {
    const page = htmlErrorPage(429, 'Too Many Requests');
    return { ...page, headers: { ...page.headers, 'Retry-After': retryAfter } };
  },
  serverError: (status) =>
    htmlErrorPage(status, status === 503 ? 'Service Unavailable' : status === 502 ? 'Bad Gateway' : 'Internal Server Error'),
};
