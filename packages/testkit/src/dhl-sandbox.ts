import { DHL_CAPABILITIES, DHL_TRACK_PATH } from '@wismo/carrier-dhl/internal';
import type { Journey, JourneyEvent, Milestone, Place } from './journeys';
import { header, htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import { instantOfLocal, zonedTime } from './zoned-time';

/*
 * DHL Shipment Tracking – Unified (`GET /track/shipments`, header `DHL-API-Key`), in the shapes of the
 * Unified OpenAPI and the answers in packages/carrier-dhl/src/__fixtures__. DHL's only code is the coarse
 * `statusCode`; the texts are the ones the sources show DHL sending (the package README lists them).
 * parcel-de prints German wall-clock time without an offset; DHL Express prints offsets.
 */

interface DhlText {
  statusCode: 'pre-transit' | 'transit' | 'delivered' | 'failure' | 'unknown';
  en: string;
  /** German texts where the real parcel-de answer shows them (DHL answers `language=de`). */
  de?: string;
}

const PARCEL_TEXTS: Record<Milestone, DhlText> = {
  label_created: {
    statusCode: 'pre-transit',
    en: 'The instruction data for this shipment have been provided by the sender to DHL electronically',
    de: 'Die Sendung wurde elektronisch angekündigt. Sobald die Sendung von uns bearbeitet wurde, erhalten Sie weitere Informationen.',
  },
  picked_up: {
    statusCode: 'transit',
    en: 'The shipment has been posted by the sender at the retail outlet',
    de: 'Die Sendung wurde vom Absender in der Filiale eingeliefert.',
  },
  departed_origin: {
    statusCode: 'transit',
    en: 'The shipment has been processed in the parcel center of origin',
    de: 'Die Sendung wurde für den Weitertransport vorbereitet.',
  },
  arrived_hub: {
    statusCode: 'transit',
    en: 'The shipment has been processed in the parcel center',
    de: 'Die Sendung wurde von DHL bearbeitet und wird für den Weitertransport in die Region des Empfängers vorbereitet.',
  },
  departed_hub: {
    statusCode: 'transit',
    en: 'The shipment is being prepared for onward transport',
    de: 'Die Sendung wurde für den Weitertransport vorbereitet.',
  },
  arrived_destination: {
    statusCode: 'transit',
    en: 'The shipment has been processed in the destination parcel center',
    de: 'Die Sendung ist in der Region des Empfängers angekommen und wird im nächsten Schritt zur Zustellbasis transportiert.',
  },
  out_for_delivery: {
    statusCode: 'transit',
    en: 'The shipment has been loaded onto the delivery vehicle',
    de: 'Die Sendung wurde in das Zustellfahrzeug geladen. Die Zustellung erfolgt voraussichtlich heute.',
  },
  delivered: { statusCode: 'delivered', en: 'The shipment has been successfully delivered', de: 'Die Sendung wurde zugestellt.' },
  attempt_failed: {
    statusCode: 'failure',
    en: 'The recipient was not present. The shipment could not be delivered',
    de: 'Der Empfänger wurde nicht angetroffen. Die Sendung konnte nicht zugestellt werden.',
  },
  exception: { statusCode: 'failure', en: 'The shipment could not be delivered', de: 'Die Sendung konnte nicht zugestellt werden.' },
  export: { statusCode: 'transit', en: 'The shipment has been processed in the export parcel center' },
  import: { statusCode: 'transit', en: 'The shipment has arrived in the destination country' },
  customs_processing: { statusCode: 'transit', en: 'The shipment is pending completion of customs inspection.' },
  customs_held: { statusCode: 'failure', en: 'The shipment is pending completion of customs inspection.' },
  refused: {
    statusCode: 'failure',
    en: 'The recipient could not be found at the address given',
    de: 'Der Empfänger ist unter der angegebenen Adresse nicht zu ermitteln.',
  },
  return_started: {
    statusCode: 'transit',
    en: 'The shipment is on its way back to the sender',
    de: 'Die Sendung wird an den Absender zurückgesandt.',
  },
  return_arrived_hub: {
    statusCode: 'transit',
    en: 'The shipment has been processed in the parcel center',
    de: 'Die Sendung wurde im Paketzentrum bearbeitet.',
  },
  return_arrived_origin: {
    statusCode: 'transit',
    en: 'The shipment has been processed in the destination parcel center',
    de: 'Die Sendung wurde im Ziel-Paketzentrum bearbeitet.',
  },
  returned: { statusCode: 'delivered', en: 'The shipment has been successfully delivered', de: 'Die Sendung wurde zugestellt.' },
  ready_for_pickup: {
    statusCode: 'transit',
    en: 'The shipment is ready for pick-up at the PACKSTATION',
    de: 'Die Sendung liegt in der PACKSTATION zur Abholung bereit.',
  },
};

interface ExpressText {
  statusCode: DhlText['statusCode'];
  /** `{place}` is replaced by the facility ("LEIPZIG - GERMANY"). */
  description: string;
  /** DHL Express checkpoint code, where the sources agree on its meaning. */
  statusDetailed?: string;
  remark?: string;
  nextSteps?: string;
}

const EXPRESS_TEXTS: Record<Milestone, ExpressText> = {
  label_created: { statusCode: 'pre-transit', description: 'Shipment information received' },
  picked_up: { statusCode: 'transit', description: 'Shipment picked up', statusDetailed: 'PU' },
  departed_origin: { statusCode: 'transit', description: 'Departed Facility in {place}', statusDetailed: 'DF' },
  arrived_hub: { statusCode: 'transit', description: 'Arrived at DHL Sort Facility {place}', statusDetailed: 'AR' },
  departed_hub: { statusCode: 'transit', description: 'Departed Facility in {place}', statusDetailed: 'DF' },
  arrived_destination: { statusCode: 'transit', description: 'Arrived at Delivery Facility in {place}', statusDetailed: 'AR' },
  out_for_delivery: { statusCode: 'transit', description: 'With delivery courier', statusDetailed: 'WC' },
  delivered: { statusCode: 'delivered', description: 'Delivered - Signed for by: RECEPTION' },
  attempt_failed: { statusCode: 'failure', description: 'Delivery attempted; recipient not home' },
  exception: { statusCode: 'failure', description: 'Shipment is on hold' },
  export: { statusCode: 'transit', description: 'Departed Facility in {place}', statusDetailed: 'DF' },
  import: { statusCode: 'transit', description: 'Arrived at DHL Sort Facility {place}', statusDetailed: 'AR' },
  customs_processing: { statusCode: 'transit', description: 'Processed for clearance at {place}' },
  customs_held: {
    statusCode: 'failure',
    description: 'Shipment is on hold',
    remark: 'The shipment is pending completion of customs inspection.',
    nextSteps: 'The status will be updated following customs inspection.',
  },
  refused: { statusCode: 'failure', description: 'Delivery attempted; recipient refused delivery' },
  return_started: { statusCode: 'transit', description: 'Returned to shipper' },
  return_arrived_hub: { statusCode: 'transit', description: 'Arrived at DHL Sort Facility {place}', statusDetailed: 'AR' },
  return_arrived_origin: { statusCode: 'transit', description: 'Arrived at Delivery Facility in {place}', statusDetailed: 'AR' },
  returned: { statusCode: 'delivered', description: 'Delivered - Signed for by: SHIPPER' },
  ready_for_pickup: { statusCode: 'transit', description: 'Awaiting collection at DHL Service Point {place}' },
};

const COUNTRY_NAMES: Readonly<Record<string, { en: string; de: string; express: string }>> = {
  DE: { en: 'Germany', de: 'Deutschland', express: 'GERMANY' },
  US: { en: 'United States', de: 'USA', express: 'USA' },
  CN: { en: 'China', de: 'China', express: 'CHINA MAINLAND' },
  GB: { en: 'United Kingdom', de: 'Großbritannien', express: 'UK' },
};

function countryName(code: string, style: 'en' | 'de' | 'express'): string {
  return COUNTRY_NAMES[code]?.[style] ?? code;
}

function expressPlace(place: Place): string {
  return `${place.city.toUpperCase()}${place.region ? `, ${place.region}` : ''} - ${countryName(place.countryCode, 'express')}`;
}

type Language = 'en' | 'de';

function eventOf(event: JourneyEvent, express: boolean, language: Language): Record<string, unknown> {
  const local = zonedTime(event.at, event.place.zone);
  if (express) {
    const text = EXPRESS_TEXTS[event.milestone];
    const where = expressPlace(event.place);
    const result: Record<string, unknown> = {
      timestamp: `${local.date}T${local.time}${local.offset}`,
      location: { address: { addressLocality: where } },
      statusCode: text.statusCode,
      status: text.statusCode,
    };
    if (text.statusDetailed) result.statusDetailed = text.statusDetailed;
    result.description = text.description.replace('{place}', where);
    if (text.remark) result.remark = text.remark;
    if (text.nextSteps) result.nextSteps = text.nextSteps;
    return result;
  }
  const text = PARCEL_TEXTS[event.milestone];
  const words = language === 'de' && text.de ? text.de : text.en;
  // parcel-de: German wall-clock time without offset, the country as the "locality".
  const result: Record<string, unknown> = { timestamp: `${local.date}T${local.time}` };
  if (event.milestone !== 'label_created' && event.milestone !== 'out_for_delivery') {
    result.location = { address: { addressLocality: countryName(event.place.countryCode, language) } };
  }
  result.statusCode = text.statusCode;
  result.status = words;
  result.description = words;
  return result;
}

function shipmentOf(journey: Journey, express: boolean, language: Language): Record<string, unknown> {
  const events = journey.events.map((event) => eventOf(event, express, language));
  const returned = journey.events.some((event) => event.milestone === 'return_started' || event.milestone === 'returned');
  const newest = journey.events[0]!;
  const shipment: Record<string, unknown> = {};
  if (!express) shipment.serviceUrl = `https://www.dhl.de/de/privatkunden.html?piececode=${journey.trackingNumber}`;
  // DHL FAQ: `returnFlag` marks a shipment that could not be delivered and goes back to the sender.
  if (returned) shipment.returnFlag = true;
  shipment.id = journey.trackingNumber;
  shipment.service = express ? 'express' : 'parcel-de';
  const placeOf = (place: Place) =>
    express
      ? {
          address: {
            countryCode: place.countryCode,
            ...(place.postalCode ? { postalCode: place.postalCode } : {}),
            addressLocality: expressPlace(place),
          },
        }
      : { address: { countryCode: place.countryCode } };
  shipment.origin = placeOf(journey.origin);
  shipment.destination = placeOf(journey.destination);
  shipment.status = events[0];
  const estimate = journey.estimate;
  const zone = journey.destination.zone;
  const stamp = (epochMs: number) => {
    const local = zonedTime(epochMs, zone);
    return express ? `${local.date}T${local.time}${local.offset}` : `${local.date}T${local.time}`;
  };
  if (estimate?.kind === 'window' && estimate.from !== null && estimate.to !== null) {
    shipment.estimatedDeliveryTimeFrame = { estimatedFrom: stamp(estimate.from), estimatedThrough: stamp(estimate.to) };
  } else if (estimate) {
    // A day: "by end of day", as DHL Express words it.
    shipment.estimatedTimeOfDelivery = stamp(instantOfLocal(estimate.date, 18, 0, zone));
    shipment.estimatedTimeOfDeliveryRemark = 'By End of Day';
  }
  const details: Record<string, unknown> = {
    product: { productName: express ? 'EXPRESS WORLDWIDE' : 'DHL PAKET (parcel)' },
    proofOfDeliverySignedAvailable: false,
    totalNumberOfPieces: 1,
    pieceIds: [journey.trackingNumber],
  };
  if (newest.milestone === 'delivered' && express) {
    details.proofOfDelivery = {
      timestamp: stamp(newest.at),
      signatureUrl: `https://webpod.dhl.com/webPOD/DHLePODRequest?type=signature&awb=${journey.trackingNumber}`,
      documentUrl: `https://webpod.dhl.com/webPOD/DHLePODRequest?awb=${journey.trackingNumber}`,
      signed: { '@type': 'Person', familyName: 'RECEPTION' },
    };
    details.proofOfDeliverySignedAvailable = true;
  }
  shipment.details = details;
  shipment.events = events;
  return shipment;
}

function problem(status: number, title: string, detail: string, instance?: string): SandboxAnswer {
  return {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
    body: instance === undefined ? { title, status, detail } : { title, status, detail, instance },
  };
}

export const dhlSandbox: SandboxCarrier = {
  id: 'dhl',
  name: 'DHL',
  // 1 call a second (the default plan; the 250 a day quota is not enforced by the sandbox).
  documentedRateLimit: DHL_CAPABILITIES.rateLimit,
  tokenLifetimeSeconds: null,
  tokenPath: null,
  endpointOf(request) {
    return request.method === 'GET' && request.url.pathname === DHL_TRACK_PATH ? 'track' : null;
  },
  unknownEndpoint: (request) => problem(404, 'Not Found', 'The requested resource was not found.', request.url.pathname),
  apiKeyOf: (request) => header(request, 'DHL-API-Key') ?? request.url.searchParams.get('DHL-API-Key'),
  unauthorised: () => problem(401, 'Unauthorized', 'Unauthorized for given resource.'),
  readTrackingRequest(request) {
    const trackingNumber = request.url.searchParams.get('trackingNumber')?.trim();
    if (!trackingNumber) return { refused: problem(400, 'Invalid input', "Invalid input: missing mandatory parameter 'trackingNumber'") };
    return { numbers: [trackingNumber] };
  },
  trackAnswer(request, [tracked]: TrackedNumber[]) {
    const { trackingNumber, journey } = tracked!;
    const service = request.url.searchParams.get('service');
    const express = journey?.dhlService === 'express';
    // Asked for another business unit: that unit has no shipment with this number.
    if (!journey || (service !== null && service !== (express ? 'express' : 'parcel-de'))) {
      return problem(404, 'No result found', 'No shipment with given tracking number found.', `/shipment/${trackingNumber}`);
    }
    const language: Language = request.url.searchParams.get('language')?.toLowerCase() === 'de' ? 'de' : 'en';
    return { status: 200, body: { shipments: [shipmentOf(journey, express, language)] } };
  },
  rateLimited: (retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter, 'Content-Type': 'application/problem+json' },
    body: { status: 429, title: 'Too Many Requests', detail: 'Too many requests within defined time period, please try again later.' },
  }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    return problem(
      status,
      status === 503 ? 'Service Unavailable' : 'Internal Server Error',
      'The service is temporarily unavailable, please try again later.',
    );
  },
};
