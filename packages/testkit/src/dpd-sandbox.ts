import { DPD_DEFAULT_RATE_LIMIT, DPD_LOGIN_PATH, DPD_TRACKING_PATH } from '@wismo/carrier-dpd/internal';
import type { Journey, JourneyEvent, Milestone } from './journeys';
import { htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type SandboxRequest, type TrackedNumber } from './sandbox-carrier';
import { zonedTime } from './zoned-time';

/*
 * DPD shipper web services (research/carriers.md §5), in the shapes of the recorded answers in
 * packages/carrier-dpd/src/__fixtures__: SOAP `LoginService/V2_1 getAuth` (delisId + password → authToken,
 * authTokenExpires local), `ParcelLifeCycleService/V2_0 getTrackingData` with the token in the SOAP header,
 * `statusInfo` oldest first with `M/D/YYYY h:mm:ss AM/PM` dates and no zone, SOAP Faults with HTTP 500.
 */

interface DpdStep {
  status: string;
  label: string;
  description: string;
}

const STEPS = {
  PickedUp: { status: 'PickedUp', label: 'Parcel handed to DPD', description: 'DPD has received your parcel.' },
  BetweenDepots: { status: 'BetweenDepots', label: 'In transit', description: 'The parcel is at the parcel dispatch centre.' },
  Depot: { status: 'Depot', label: 'Parcel out for delivery', description: 'At parcel delivery centre.' },
  Courier: {
    status: 'Courier',
    label: 'Parcel out for delivery',
    description: 'The parcel has left the parcel delivery centre and is on its way to the consignee.',
  },
  ParcelShop: { status: 'ParcelShop', label: 'Parcel out for delivery', description: 'Delivered by driver to Pickup parcelshop' },
  DeliveryFailure: {
    status: 'DeliveryFailure',
    label: 'Parcel out for delivery',
    description: 'Unfortunately we have not been able to deliver your parcel.',
  },
  Delivered: { status: 'Delivered', label: 'Delivered', description: 'Your parcel has been delivered.' },
} as const satisfies Record<string, DpdStep>;

/**
 * DPD documents no pre-transit, customs, exception or return state: label data is a list of steps not reached
 * yet, customs and returns travel "between depots", an exception is a failed delivery.
 */
const STEP_OF: Record<Milestone, DpdStep | null> = {
  label_created: null,
  picked_up: STEPS.PickedUp,
  departed_origin: STEPS.BetweenDepots,
  arrived_hub: STEPS.BetweenDepots,
  departed_hub: STEPS.BetweenDepots,
  arrived_destination: STEPS.Depot,
  out_for_delivery: STEPS.Courier,
  delivered: STEPS.Delivered,
  attempt_failed: STEPS.DeliveryFailure,
  exception: STEPS.DeliveryFailure,
  export: STEPS.BetweenDepots,
  import: STEPS.BetweenDepots,
  customs_processing: STEPS.BetweenDepots,
  customs_held: STEPS.BetweenDepots,
  refused: STEPS.DeliveryFailure,
  return_started: STEPS.BetweenDepots,
  return_arrived_hub: STEPS.BetweenDepots,
  return_arrived_origin: STEPS.BetweenDepots,
  returned: STEPS.BetweenDepots,
  ready_for_pickup: STEPS.ParcelShop,
};

const NOT_REACHED: readonly DpdStep[] = [STEPS.PickedUp, STEPS.BetweenDepots, STEPS.Depot, STEPS.Courier, STEPS.Delivered];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of the first `<name>` element of a SOAP request (unqualified, as DPD's requests have them). */
function elementText(body: string, name: string): string | null {
  const match = new RegExp(`<(?:\\w+:)?${name}>([^<]*)</(?:\\w+:)?${name}>`).exec(body);
  return match ? unescapeXml(match[1]!.trim()) : null;
}

/** `8/19/2021 5:11:26 PM`, as DPD writes dates with messageLanguage en_US. */
function usDateTime(epochMs: number, zone: string): string {
  const { date, time } = zonedTime(epochMs, zone);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second] = time.split(':') as [string, string, string];
  const hour24 = Number(hour);
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${month}/${day}/${year} ${hour12}:${minute}:${second} ${hour24 < 12 ? 'AM' : 'PM'}`;
}

function contentLine(tag: string, content: string, bold: boolean): string {
  return `<${tag}><content>${escapeXml(content)}</content><bold>${bold}</bold><paragraph>false</paragraph></${tag}>`;
}

function statusInfo(step: DpdStep, event: JourneyEvent | null, current: boolean): string {
  const reached = event !== null;
  return [
    '<statusInfo>',
    `<status>${step.status}</status>`,
    contentLine('label', step.label, true),
    `<description>${contentLine('content', step.description, false)}</description>`,
    `<statusHasBeenReached>${reached}</statusHasBeenReached>`,
    `<isCurrentStatus>${current}</isCurrentStatus>`,
    '<showContactInfo>true</showContactInfo>',
    event ? contentLine('location', `${event.place.city} (${event.place.countryCode})`, true) : '',
    event ? contentLine('date', usDateTime(event.at, event.place.zone), true) : '',
    '</statusInfo>',
  ].join('');
}

function envelope(inner: string): string {
  return `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>${inner}</soap:Body></soap:Envelope>`;
}

const XML_HEADERS = { 'Content-Type': 'text/xml; charset=utf-8' };

function trackingResult(journey: Journey | null): string {
  if (!journey) return '<trackingresult/>';
  // DPD lists steps oldest first; the journey is newest first.
  const happened = [...journey.events].reverse().flatMap((event) => {
    const step = STEP_OF[event.milestone];
    return step ? [{ step, event }] : [];
  });
  const service = journey.events.some((event) => event.milestone === 'ready_for_pickup') ? 'DPD PARCELSHOP DELIVERY' : 'DPD CLASSIC';
  const reachedSteps = happened.map(({ step, event }, index) => statusInfo(step, event, index === happened.length - 1));
  const pending = happened.length === 0 ? NOT_REACHED.map((step) => statusInfo(step, null, false)) : [];
  return [
    '<trackingresult><shipmentInfo><serviceDescription>',
    contentLine('label', 'Your DPD service:', false),
    contentLine('content', service, false),
    '</serviceDescription><status>SHIPMENT</status><statusHasBeenReached>false</statusHasBeenReached><isCurrentStatus>false</isCurrentStatus><showContactInfo>false</showContactInfo></shipmentInfo>',
    ...reachedSteps,
    ...pending,
    '</trackingresult>',
  ].join('');
}

/** DPD's answer to a wrong delisId/password and to an unknown or expired token (HTTP 500, SOAP 1.1). */
function authenticationFault(): SandboxAnswer {
  return {
    status: 500,
    headers: XML_HEADERS,
    body: envelope(
      '<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Fault occured</faultstring><detail><ns:authenticationFault xmlns:ns="http://dpd.com/common/service/types/Authentication/2.0"><errorCode>DELICOM_ERR_AUTHENTICATION</errorCode><errorMessage>Authentication failure, check delisId and password.</errorMessage></ns:authenticationFault></detail></soap:Fault>',
    ),
  };
}

function clientFault(message: string): SandboxAnswer {
  return {
    status: 500,
    headers: XML_HEADERS,
    body: envelope(`<soap:Fault><faultcode>soap:Client</faultcode><faultstring>${escapeXml(message)}</faultstring></soap:Fault>`),
  };
}

function serverFault(): SandboxAnswer {
  return {
    status: 500,
    headers: XML_HEADERS,
    body: envelope('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Fault occured</faultstring></soap:Fault>'),
  };
}

/** `authTokenExpires`: local Brussels time with hundredths, no offset (`2020-05-08T13:02:56.06`). */
function expiryStamp(epochMs: number): string {
  const { date, time } = zonedTime(epochMs, 'Europe/Brussels');
  return `${date}T${time}.00`;
}

const TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

export const dpdSandbox: SandboxCarrier = {
  id: 'dpd',
  name: 'DPD',
  documentedRateLimit: DPD_DEFAULT_RATE_LIMIT,
  // DPD login tokens are valid for a day.
  tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
  tokenPath: DPD_LOGIN_PATH,
  endpointOf(request) {
    if (request.method !== 'POST') return null;
    if (request.url.pathname === DPD_LOGIN_PATH) return 'token';
    if (request.url.pathname === DPD_TRACKING_PATH) return 'track';
    return null;
  },
  unknownEndpoint: () => htmlErrorPage(404, 'Not Found'),
  clientCredentialsOf(request: SandboxRequest) {
    const delisId = elementText(request.body, 'delisId');
    const password = elementText(request.body, 'password');
    if (!request.body.includes('getAuth') || delisId === null || password === null)
      return { refused: clientFault('Unmarshalling Error: getAuth with delisId and password expected') };
    return { clientId: delisId, clientSecret: password };
  },
  tokenIssued(accessToken, clientId, issuedAtMs) {
    return {
      status: 200,
      headers: XML_HEADERS,
      body: envelope(
        `<getAuthResponse xmlns="http://dpd.com/common/service/types/LoginService/2.1"><return><delisId>${escapeXml(clientId)}</delisId><customerUid>${escapeXml(clientId)}</customerUid><authToken>${accessToken}</authToken><depot>0530</depot><authTokenExpires>${expiryStamp(issuedAtMs + TOKEN_LIFETIME_SECONDS * 1000)}</authTokenExpires></return></getAuthResponse>`,
      ),
    };
  },
  tokenRefused: authenticationFault,
  presentedTokenOf: (request) => elementText(request.body, 'authToken'),
  unauthorised: () => authenticationFault(),
  readTrackingRequest(request) {
    const parcelLabelNumber = elementText(request.body, 'parcelLabelNumber');
    if (!request.body.includes('getTrackingData') || !parcelLabelNumber)
      return { refused: clientFault('Unmarshalling Error: getTrackingData with parcelLabelNumber expected') };
    return { numbers: [parcelLabelNumber] };
  },
  trackAnswer(_request, [tracked]: TrackedNumber[]) {
    return {
      status: 200,
      headers: XML_HEADERS,
      body: envelope(
        `<getTrackingDataResponse xmlns="http://dpd.com/common/service/types/ParcelLifeCycleService/2.0">${trackingResult(tracked!.journey)}</getTrackingDataResponse>`,
      ),
    };
  },
  // DPD publishes no over-limit answer; a gateway's 429 with Retry-After is what any HTTP client sees.
  rateLimited: (retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter, 'Content-Type': 'text/plain' },
    body: 'Too Many Requests',
  }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    if (status === 503) return htmlErrorPage(503, 'Service Unavailable');
    return serverFault();
  },
  adapterCredentials: (credential): Record<string, string> =>
    'clientId' in credential ? { delisId: credential.clientId, password: credential.clientSecret } : { apiKey: credential.apiKey },
};
