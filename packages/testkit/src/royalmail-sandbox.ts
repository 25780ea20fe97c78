import {
  ROYALMAIL_CAPABILITIES,
  ROYALMAIL_MAILPIECES_PATH,
  ROYALMAIL_MAX_SUMMARY_IDS,
  ROYALMAIL_SUMMARY_PATH,
} from '@wismo/carrier-royalmail/internal';
import type { Journey, JourneyEvent, Milestone, Place } from './journeys';
import { header, htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type SandboxRequest, type TrackedNumber } from './sandbox-carrier';
import { zonedTime } from './zoned-time';

/*
 * Royal Mail Tracking API v2 (`/mailpieces/v2/{id}/events`, `/summary?mailPieceId=…` for up to 30, `/{id}/signature`),
 * headers `X-IBM-Client-Id`, `X-IBM-Client-Secret`, `X-Accept-RMG-Terms`, in the shapes of the recorded answers in
 * packages/carrier-royalmail/src/__fixtures__: `EV…` codes, ISO times with the UK offset, the error envelope with `E…`
 * codes (E1142 with 404 on `/events`, per item inside 200 on `/summary`), E0004 without the terms header.
 */

interface RoyalMailScan {
  code: string;
  name: string;
}

// Codes from the lists in carrier-royalmail's status tables. No Royal Mail code names customs: customs milestones print nothing.
const SCANS: Record<Milestone, RoyalMailScan | null> = {
  label_created: { code: 'EVAIP', name: 'Sender despatching item' },
  picked_up: { code: 'EVPPA', name: 'Item accepted at the Post Office' },
  departed_origin: { code: 'EVODO', name: 'Item despatched to the Mail Centre' },
  arrived_hub: { code: 'EVDAV', name: 'Item Received' },
  departed_hub: { code: 'EVODO', name: 'Item despatched to the Delivery Office' },
  arrived_destination: { code: 'EVIMC', name: 'Item received at the Mail Centre' },
  out_for_delivery: { code: 'EVGPD', name: 'Out for delivery' },
  delivered: { code: 'EVKSP', name: 'Delivered and signed for' },
  attempt_failed: { code: 'EVKNA', name: 'Delivery attempted' },
  exception: { code: 'EVKAA', name: 'Address inaccessible' },
  export: { code: 'EVODO', name: 'Item despatched' },
  import: { code: 'EVDAV', name: 'Item Received' },
  customs_processing: null,
  customs_held: null,
  refused: { code: 'EVKRF', name: 'Recipient refused item' },
  return_started: null,
  return_arrived_hub: null,
  return_arrived_origin: null,
  returned: { code: 'EVRTS', name: 'Returned to sender' },
  ready_for_pickup: { code: 'EVKLC', name: 'Delivered to collection point' },
};

function stamp(epochMs: number, zone: string): string {
  const local = zonedTime(epochMs, zone);
  return `${local.date}T${local.time}${local.offset}`;
}

function officeName(place: Place, milestone: Milestone): string {
  if (milestone === 'ready_for_pickup') return `${place.city} Post Office`;
  return milestone === 'out_for_delivery' || milestone === 'delivered' || milestone === 'attempt_failed'
    ? `${place.city} DO`
    : `${place.city} Mail Centre`;
}

function eventsOf(journey: Journey): Array<Record<string, string>> {
  return journey.events.flatMap((event: JourneyEvent) => {
    const scan = SCANS[event.milestone];
    return scan
      ? [
          {
            eventCode: scan.code,
            eventName: scan.name,
            eventDateTime: stamp(event.at, event.place.zone),
            locationName: officeName(event.place, event.milestone),
          },
        ]
      : [];
  });
}

function summaryOf(mailPieceId: string, journey: Journey, events: Array<Record<string, string>>): Record<string, unknown> {
  const last = events[0];
  return {
    uniqueItemId: mailPieceId,
    oneDBarcode: mailPieceId,
    productId: journey.international ? 'MP1' : 'TPN24',
    productName: journey.international ? 'International Tracked' : 'Tracked 24',
    productCategory: journey.international ? 'INTERNATIONAL' : 'NON-INTERNATIONAL',
    destinationCountryCode: 'GBR',
    originCountryCode: journey.international ? journey.origin.countryCode : 'GBR',
    ...(last
      ? {
          lastEventCode: last.eventCode,
          lastEventName: last.eventName,
          lastEventDateTime: last.eventDateTime,
          lastEventLocationName: last.locationName,
        }
      : {}),
    statusCategory: journey.events[0]!.milestone === 'delivered' ? 'DELIVERED' : 'IN TRANSIT',
  };
}

function estimateOf(journey: Journey): Record<string, string> | null {
  const estimate = journey.estimate;
  if (!estimate) return null;
  const zone = journey.destination.zone;
  if (estimate.kind === 'window' && estimate.from !== null && estimate.to !== null) {
    const from = zonedTime(estimate.from, zone);
    const to = zonedTime(estimate.to, zone);
    return { date: estimate.date, startOfEstimatedWindow: `${from.time}${from.offset}`, endOfEstimatedWindow: `${to.time}${to.offset}` };
  }
  return { date: estimate.date };
}

function notRecognised(mailPieceId: string) {
  return {
    errorCode: 'E1142',
    errorDescription: `Barcode reference ${mailPieceId} isn't recognised`,
    errorCause: 'A mail item with that barcode cannot be located',
    errorResolution: 'Check barcode and resubmit',
  };
}

function envelope(httpCode: number, httpMessage: string, errors: object[]): Record<string, unknown> {
  return { httpCode: String(httpCode), httpMessage, errors };
}

type RoyalMailEndpoint = { kind: 'events' | 'signature'; id: string } | { kind: 'summary' };

const ITEM_PATH = new RegExp(`^${ROYALMAIL_MAILPIECES_PATH}/([^/]+)/(events|signature)$`);

function endpointOf(request: SandboxRequest): RoyalMailEndpoint | null {
  if (request.method !== 'GET') return null;
  if (request.url.pathname === ROYALMAIL_SUMMARY_PATH) return { kind: 'summary' };
  const match = ITEM_PATH.exec(request.url.pathname);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]!);
  } catch {
    id = '';
  }
  return { kind: match[2] as 'events' | 'signature', id };
}

export const royalMailSandbox: SandboxCarrier = {
  id: 'royalmail',
  name: 'Royal Mail',
  documentedRateLimit: ROYALMAIL_CAPABILITIES.rateLimit,
  tokenLifetimeSeconds: null,
  tokenPath: null,
  endpointOf: (request) => (endpointOf(request) ? 'track' : null),
  unknownEndpoint: () => ({
    status: 404,
    body: { httpCode: '404', httpMessage: 'Not Found', moreInformation: 'No resources match requested URI' },
  }),
  // The sandbox's key is `clientId:clientSecret`, the two headers of IBM API Connect (see `adapterCredentials`).
  apiKeyOf(request) {
    const id = header(request, 'X-IBM-Client-Id');
    const secret = header(request, 'X-IBM-Client-Secret');
    return id && secret ? `${id}:${secret}` : null;
  },
  adapterCredentials(credential): Record<string, string> {
    if (!('apiKey' in credential)) return { clientId: credential.clientId, clientSecret: credential.clientSecret };
    const colon = credential.apiKey.indexOf(':');
    return { clientId: credential.apiKey.slice(0, colon), clientSecret: credential.apiKey.slice(colon + 1) };
  },
  // IBM API Connect's answer to an unknown or missing client id.
  unauthorised: () => ({
    status: 401,
    body: { httpCode: '401', httpMessage: 'Unauthorized', moreInformation: 'Client id not registered.' },
  }),
  readTrackingRequest(request) {
    if (header(request, 'X-Accept-RMG-Terms')?.toLowerCase() !== 'yes') {
      return {
        refused: {
          status: 400,
          body: envelope(400, 'Bad Request', [
            {
              errorCode: 'E0004',
              errorDescription: 'Failed header validation for X-Accept-RMG-Terms',
              errorCause: 'The submitted request was not valid against the required header definition',
              errorResolution: 'Please check the API request against the required header definition and re-submit',
            },
          ]),
        },
      };
    }
    const endpoint = endpointOf(request)!;
    if (endpoint.kind !== 'summary') return { numbers: [endpoint.id] };
    const ids = (request.url.searchParams.get('mailPieceId') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (ids.length > ROYALMAIL_MAX_SUMMARY_IDS) {
      return {
        refused: {
          status: 400,
          body: envelope(400, 'Bad Request', [
            {
              errorCode: 'E0013',
              errorDescription: 'Maximum parameters exceeded',
              errorCause: `More than ${ROYALMAIL_MAX_SUMMARY_IDS} mailPieceIds`,
              errorResolution: 'Reduce the number of mailPieceIds and re-submit',
            },
          ]),
        },
      };
    }
    return { numbers: ids };
  },
  trackAnswer(request, numbers: TrackedNumber[]): SandboxAnswer {
    const endpoint = endpointOf(request)!;
    if (endpoint.kind === 'summary') {
      const mailPieces = numbers.map(({ trackingNumber, journey }) => {
        if (!journey) return { mailPieceId: trackingNumber, status: '200', error: notRecognised(trackingNumber) };
        return {
          mailPieceId: trackingNumber,
          status: '200',
          carrierShortName: 'RM',
          carrierFullName: 'Royal Mail Group Ltd',
          summary: summaryOf(trackingNumber, journey, eventsOf(journey)),
        };
      });
      return { status: 200, body: { mailPieces } };
    }
    const { trackingNumber, journey } = numbers[0]!;
    if (!journey) return { status: 404, body: envelope(404, 'Not Found', [notRecognised(trackingNumber)]) };
    const events = eventsOf(journey);
    const delivered = journey.events[0]!.milestone === 'delivered' ? journey.events[0]! : null;
    if (endpoint.kind === 'signature') {
      if (!delivered)
        return {
          status: 404,
          body: envelope(404, 'Not Found', [
            {
              errorCode: 'E1144',
              errorDescription: 'Proof of delivery unavailable',
              errorCause: 'No signature is held for this item',
              errorResolution: 'Check barcode and resubmit',
            },
          ]),
        };
      const signature = {
        uniqueItemId: trackingNumber,
        oneDBarcode: trackingNumber,
        recipientName: 'WISMO',
        signatureDateTime: stamp(delivered.at, delivered.place.zone),
        imageFormat: 'image/svg+xml',
        imageId: String(journey.hash % 1e6).padStart(6, '0'),
        height: 530,
        width: 660,
        image: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      };
      return {
        status: 200,
        body: { mailPieces: { mailPieceId: trackingNumber, carrierShortName: 'RM', carrierFullName: 'Royal Mail Group Ltd', signature } },
      };
    }
    const mailPieces: Record<string, unknown> = {
      mailPieceId: trackingNumber,
      carrierShortName: 'RM',
      carrierFullName: 'Royal Mail Group Ltd',
      summary: summaryOf(trackingNumber, journey, events),
    };
    if (delivered)
      mailPieces.signature = {
        recipientName: 'WISMO',
        signatureDateTime: stamp(delivered.at, delivered.place.zone),
        imageId: String(journey.hash % 1e6).padStart(6, '0'),
      };
    const estimate = estimateOf(journey);
    if (estimate && !delivered) mailPieces.estimatedDelivery = estimate;
    mailPieces.events = events;
    return { status: 200, body: { mailPieces } };
  },
  rateLimited: (retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter },
    body: envelope(429, 'Too Many Requests', [{ errorCode: 'E0010', errorDescription: 'Too many requests' }]),
  }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    return {
      status,
      body: envelope(status, status === 503 ? 'Service Unavailable' : 'Internal Server Error', [
        {
          errorCode: status === 503 ? 'E0001' : 'E0009',
          errorDescription: status === 503 ? 'Service unavailable' : 'Internal server error',
        },
      ]),
    };
  },
};
