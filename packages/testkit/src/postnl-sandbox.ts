import { POSTNL_DEFAULT_RATE_LIMIT, POSTNL_SIGNATURE_PATH, POSTNL_STATUS_PATH, POSTNL_TIME_ZONE } from '@wismo/carrier-postnl/internal';
import type { Journey, JourneyEvent, Milestone, Place } from './journeys';
import { header, htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import { zonedTime } from './zoned-time';

/*
 * PostNL Shipping Status v2 (`GET /shipment/v2/status/barcode/{barcode}`, header `apikey`), in the shapes of
 * PostNL's ShippingStatus spec and the answers in packages/carrier-postnl/src/__fixtures__: `CompleteStatus`
 * (with `detail=true`) or `CurrentStatus`, `{}` for empty values, `DD-MM-YYYY HH:mm:ss` Dutch wall-clock times
 * without an offset, event and status codes from PostNL's own table, and not found as HTTP 200 with an empty
 * status and warning 2.
 */

interface PostnlScan {
  code: string;
  description: string;
  /** The status PostNL's table assigns the event, and its phase. */
  status: string;
  statusDescription: string;
  phase: string;
  phaseDescription: string;
}

function scan(code: string, description: string, status: string, statusDescription: string, phase: string): PostnlScan {
  const phases: Record<string, string> = {
    '1': 'Collection',
    '2': 'Sorting',
    '3': 'Distribution',
    '4': 'Delivered',
    '99': 'Not applicable',
  };
  return { code, description, status, statusDescription, phase, phaseDescription: phases[phase]! };
}

const SCANS: Record<Milestone, PostnlScan> = {
  label_created: scan('A01', 'Shipment expected, but not yet arrived at PostNL', '1', 'Shipment pre-alerted', '1'),
  picked_up: scan('B01', 'Shipment received by PostNL', '2', 'Shipment accepted', '1'),
  departed_origin: scan('J06', 'Shipment sorted in sorting centre', '5', 'Shipment sorted', '2'),
  arrived_hub: scan('J01', 'Shipment has been sorted', '5', 'Shipment sorted', '2'),
  departed_hub: scan('Q13', 'Parcel placed on transport', '5', 'Shipment sorted', '2'),
  arrived_destination: scan('J27', 'Shipment sorted by the depot', '5', 'Shipment sorted', '2'),
  out_for_delivery: scan('J05', 'Driver is en route', '7', 'Shipment out for delivery', '3'),
  delivered: scan('I01', 'Shipment delivered', '11', 'Shipment delivered', '4'),
  attempt_failed: scan('Y02', 'We missed you; shipment not delivered', '8', 'Shipment not delivered', '3'),
  exception: scan('Y12', 'Address incorrect, PostNL will contact sender', '8', 'Shipment not delivered', '3'),
  export: scan('A75', 'Shipment is en route to the Netherlands', '31', 'Shipment ready for transport to country of destination', '1'),
  import: scan('A76', 'Shipment arrived in the Netherlands', '20', 'Shipment in clearance process', '3'),
  customs_processing: scan('X60', 'Import declaration submitted by PostNL', '9', 'Shipment at customs', '3'),
  customs_held: scan('X63', 'Shipment delayed due to sample check at customs clearance', '9', 'Shipment at customs', '3'),
  refused: scan('Y03', 'Shipment refused by addressee', '8', 'Shipment not delivered', '3'),
  return_started: scan('H01', 'Refused at delivery; return shipment to sender', '8', 'Shipment not delivered', '3'),
  return_arrived_hub: scan('X21', 'Return shipment received in distribution centre', '5', 'Shipment sorted', '2'),
  return_arrived_origin: scan('I07', 'Return shipment sorted, will be transferred to sender', '11', 'Shipment delivered', '4'),
  returned: scan('J63', 'Return shipment delivered', '11', 'Shipment delivered', '4'),
  ready_for_pickup: scan('J02', 'Shipment to be collected at PostNL outlet', '12', 'Shipment at pick-up location', '4'),
};

/** `08-11-2022 10:13:20`: Dutch wall-clock time, no offset, whatever country the scan was in. */
function postnlTimeStamp(epochMs: number): string {
  const local = zonedTime(epochMs, POSTNL_TIME_ZONE);
  const [year, month, day] = local.date.split('-');
  return `${day}-${month}-${year} ${local.time}`;
}

function isoLocal(epochMs: number): string {
  const local = zonedTime(epochMs, POSTNL_TIME_ZONE);
  return `${local.date}T${local.time}`;
}

function eventOf(event: JourneyEvent, hash: number): Record<string, unknown> {
  const { code, description } = SCANS[event.milestone];
  const location = String(170_000 + ((hash >>> 4) % 9_000));
  return {
    Code: code,
    Description: description,
    DestinationLocationCode: location,
    LocationCode: location,
    RouteCode: {},
    RouteName: {},
    TimeStamp: postnlTimeStamp(event.at),
  };
}

function address(type: string, place: Place, companyName: unknown = {}): Record<string, unknown> {
  return {
    AddressType: type,
    City: place.city,
    CompanyName: companyName,
    CountryCode: place.countryCode,
    HouseNumber: {},
    Street: {},
    Zipcode: place.postalCode ?? {},
  };
}

function statusOf(milestone: Milestone, at: number): Record<string, string> {
  const current = SCANS[milestone];
  return {
    TimeStamp: postnlTimeStamp(at),
    StatusCode: current.status,
    StatusDescription: current.statusDescription,
    PhaseCode: current.phase,
    PhaseDescription: current.phaseDescription,
  };
}

function shipmentOf(journey: Journey, detail: boolean): Record<string, unknown> {
  const newest = journey.events[0]!;
  const addresses = [address('01', journey.destination), address('02', journey.origin, 'wismo sandbox shop')];
  if (newest.milestone === 'ready_for_pickup')
    addresses.push(address('09', journey.destination, `PostNL-punt ${journey.destination.city}`));
  const shipment: Record<string, unknown> = {
    MainBarcode: journey.trackingNumber,
    Barcode: journey.trackingNumber,
    ShipmentAmount: '1',
    ShipmentCounter: '1',
    ProductCode: journey.international ? '004944' : '003085',
    ProductDescription: journey.international ? 'Parcels, import' : 'Standard shipment',
    Reference: {},
    Address: addresses,
  };
  const estimate = journey.estimate;
  if (estimate) {
    shipment.DeliveryDate = estimate.date;
    if (estimate.kind === 'window' && estimate.from !== null && estimate.to !== null)
      shipment.Expectation = { ETAFrom: isoLocal(estimate.from), ETATo: isoLocal(estimate.to) };
  }
  if (detail) {
    shipment.Event = journey.events.map((event) => eventOf(event, journey.hash));
    shipment.OldStatus = journey.events.map((event) => statusOf(event.milestone, event.at));
  }
  shipment.Status = statusOf(newest.milestone, newest.at);
  return shipment;
}

function fault(status: number, faultstring: string, errorcode: string): SandboxAnswer {
  return { status, body: { fault: { faultstring, detail: { errorcode } } } };
}

const BARCODE_PATH = new RegExp(`^${POSTNL_STATUS_PATH}/([^/]*)$`);
const SIGNATURE_PATH = new RegExp(`^${POSTNL_SIGNATURE_PATH}/([^/]*)$`);
/** A 1×1 PNG: PostNL's spec example is a PNG too, though its text says GIF. */
const SIGNATURE_IMAGE = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** `GET …/status/signature/{barcode}`: delivered parcels were signed for; otherwise PostNL's warning (an object, not a list). */
function signatureAnswer(tracked: TrackedNumber): SandboxAnswer {
  const newest = tracked.journey?.events[0];
  if (!newest || newest.milestone !== 'delivered')
    return { status: 200, body: { Warnings: { Warning: { Message: 'No signature found', Code: '2' } } } };
  return {
    status: 200,
    body: { Signature: { Barcode: tracked.trackingNumber, SignatureDate: isoLocal(newest.at), SignatureImage: SIGNATURE_IMAGE } },
  };
}

export const postnlSandbox: SandboxCarrier = {
  id: 'postnl',
  name: 'PostNL',
  documentedRateLimit: POSTNL_DEFAULT_RATE_LIMIT,
  tokenLifetimeSeconds: null,
  tokenPath: null,
  documentedCheckDigit: false,
  endpointOf: (request) =>
    request.method === 'GET' && (BARCODE_PATH.test(request.url.pathname) || SIGNATURE_PATH.test(request.url.pathname)) ? 'track' : null,
  // The gateway's answer to a path it does not serve (Apigee's standard fault; PostNL documents none).
  unknownEndpoint: (request) =>
    fault(
      404,
      `Unable to identify proxy for host: default and url: ${request.url.pathname}`,
      'messaging.adaptors.http.flow.ApplicationNotFound',
    ),
  apiKeyOf: (request) => header(request, 'apikey') ?? null,
  unauthorised: (reason) => ({
    status: 401,
    // The spec's text for a missing key; for an unknown key PostNL documents no body, so the same shape says so.
    body: {
      message: reason === 'missing' ? "Failed to resolve API Key variable 'request.header.apikey'" : 'Invalid ApiKey',
      http_status_code: 401,
    },
  }),
  readTrackingRequest(request) {
    let barcode: string;
    try {
      barcode = decodeURIComponent((BARCODE_PATH.exec(request.url.pathname) ?? SIGNATURE_PATH.exec(request.url.pathname))![1]!).trim();
    } catch {
      barcode = '';
    }
    if (!barcode) return { refused: fault(400, 'no barcode supplied in path', 'Validation Fault') };
    const detail = request.url.searchParams.get('detail');
    if (detail !== null && detail !== 'true' && detail !== 'false')
      return { refused: fault(400, `Invalid value for detail: ${detail}`, 'Validation Fault') };
    return { numbers: [barcode] };
  },
  trackAnswer(request, [tracked]: TrackedNumber[]) {
    if (SIGNATURE_PATH.test(request.url.pathname)) return signatureAnswer(tracked!);
    const detail = request.url.searchParams.get('detail') === 'true';
    const envelope = detail ? 'CompleteStatus' : 'CurrentStatus';
    const { journey } = tracked!;
    // Not found: HTTP 200, an empty status object and warning 2 (recorded answer and spec example).
    if (!journey) return { status: 200, body: { [envelope]: {}, Warnings: [{ Message: 'No shipment found', Code: '2' }] } };
    return { status: 200, body: { [envelope]: { Shipment: shipmentOf(journey, detail) } } };
  },
  // PostNL documents the body, not a Retry-After; the sandbox adds one so that paced clients can recover.
  rateLimited: (retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter },
    body: { message: 'Too many requests. Rate limit exceeded!', http_status_code: 429 },
  }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    return fault(
      status,
      status === 503 ? 'The Service is temporarily unavailable' : 'Internal Server Error',
      'messaging.adaptors.http.flow.ServiceUnavailable',
    );
  },
};
