import { LAPOSTE_CAPABILITIES, LAPOSTE_MAX_IDS_PER_REQUEST, LAPOSTE_TRACK_PATH } from '@wismo/carrier-laposte/internal';
import type { Journey, JourneyEvent, Milestone } from './journeys';
import { header, htmlErrorPage, type SandboxAnswer, type SandboxCarrier, type TrackedNumber } from './sandbox-carrier';
import { instantOfLocal, zonedTime } from './zoned-time';

/*
 * La Poste Suivi v2 (`GET /suivi/v2/idships/{id},{id}…?lang=…`, header `X-Okapi-Key`), in the shapes of La
 * Poste's swagger and the recorded Colissimo answer in packages/carrier-laposte/src/__fixtures__: events newest
 * first with offsets, the five-step timeline, `estimDate`/`estimHourMin`/`estimHourMax`, `returnCode` bodies.
 * One id: 200 with the object, or 404 `returnCode: 104`; several: 207 with an array of unitary answers.
 */

interface LaposteEventText {
  code: string;
  label: string;
  /** The timeline step the code belongs to (rigwild/suivi-poste). */
  step: 1 | 2 | 3 | 4 | 5;
}

// Labels from the recorded answer where the code appears there; the others in the same style.
const EVENTS: Record<Milestone, LaposteEventText> = {
  label_created: {
    code: 'DR1',
    label: 'Votre Colissimo va bientôt nous être confié ! Il est en cours de préparation chez votre expéditeur.',
    step: 1,
  },
  picked_up: { code: 'PC1', label: 'Votre colis a été déposé dans un point postal.', step: 2 },
  departed_origin: { code: 'ET1', label: 'Votre colis est en transit sur nos plateformes logistiques.', step: 3 },
  arrived_hub: { code: 'ET1', label: 'Votre colis est en transit sur nos plateformes logistiques.', step: 3 },
  departed_hub: { code: 'ET1', label: "Votre colis est en cours d'acheminement.", step: 3 },
  arrived_destination: { code: 'ET1', label: "Votre colis est en cours d'acheminement.", step: 3 },
  out_for_delivery: {
    code: 'MD2',
    label: 'Votre colis est dans le site de livraison qui dessert votre adresse. Nous le préparons pour le mettre en livraison.',
    step: 4,
  },
  delivered: { code: 'DI1', label: 'Votre colis est livré.', step: 5 },
  attempt_failed: { code: 'ND1', label: "Votre colis n'a pas pu être livré en votre absence. Il vous sera présenté à nouveau.", step: 4 },
  exception: {
    code: 'PB1',
    label: 'Votre colis a subi un incident lors de son acheminement. Nous mettons tout en œuvre pour régler la situation.',
    step: 3,
  },
  export: {
    code: 'ET2',
    label: 'Votre colis est prêt à partir de son territoire d’expédition. Il va être remis au transporteur pour son acheminement.',
    step: 3,
  },
  import: { code: 'ET3', label: 'Votre colis est arrivé dans le pays du destinataire.', step: 3 },
  customs_processing: { code: 'DO1', label: 'Votre colis est en cours de dédouanement dans le pays de destination.', step: 3 },
  customs_held: { code: 'DO3', label: 'Votre colis est retenu en douane. Des documents complémentaires sont nécessaires.', step: 3 },
  refused: { code: 'ND1', label: "Votre colis n'a pas pu être livré : le destinataire l'a refusé.", step: 4 },
  return_started: { code: 'RE1', label: "Votre colis est retourné à l'expéditeur.", step: 4 },
  return_arrived_hub: { code: 'RE1', label: "Votre colis est en cours de retour vers l'expéditeur.", step: 4 },
  return_arrived_origin: { code: 'RE1', label: "Votre colis est en cours de retour vers l'expéditeur.", step: 4 },
  returned: { code: 'DI2', label: "Votre colis a été livré à l'expéditeur.", step: 5 },
  ready_for_pickup: {
    code: 'AG1',
    label: 'Votre colis vous attend dans votre bureau de poste. Il y sera disponible pendant 15 jours.',
    step: 4,
  },
};

const STEP_LABELS = [
  'Votre colis est entre nos mains.',
  'Il est en chemin.',
  'Votre colis est arrivé sur son site de livraison.',
  'Nous préparons votre colis pour sa livraison.',
  'Votre colis a été livré',
];

const KO_MILESTONES: ReadonlySet<Milestone> = new Set(['attempt_failed', 'exception', 'customs_held', 'refused']);

function stamp(epochMs: number, zone: string): string {
  const local = zonedTime(epochMs, zone);
  return `${local.date}T${local.time}${local.offset}`;
}

function shipmentOf(journey: Journey, idShip: string): Record<string, unknown> {
  const events = journey.events.map((event: JourneyEvent) => ({
    code: EVENTS[event.milestone].code,
    label: EVENTS[event.milestone].label,
    date: stamp(event.at, event.place.zone),
  }));
  const newest = journey.events[0]!;
  const reached = Math.max(...journey.events.map((event) => EVENTS[event.milestone].step));
  const firstOfStep = (step: number) => [...journey.events].reverse().find((event) => EVENTS[event.milestone].step === step);
  const timeline = STEP_LABELS.map((shortLabel, index) => {
    const id = index + 1;
    const at = firstOfStep(id);
    const step: Record<string, unknown> = {
      shortLabel,
      longLabel: '',
      id,
      country: at ? at.place.countryCode : '',
      status: id <= reached,
      type: id === reached && KO_MILESTONES.has(newest.milestone) ? -1 : 1,
    };
    if (at && id === 5) step.date = stamp(at.at, at.place.zone);
    return step;
  });
  const delivered = newest.milestone === 'delivered' || newest.milestone === 'returned';
  const shipment: Record<string, unknown> = {
    idShip,
    holder: 4,
    product: journey.international ? 'Colissimo International' : 'Colissimo Domicile - sans signature',
    isFinal: delivered,
  };
  const entered = journey.events.find((event) => event.milestone === 'picked_up');
  if (entered) shipment.entryDate = stamp(entered.at, entered.place.zone);
  if (delivered) shipment.deliveryDate = stamp(newest.at, newest.place.zone);
  const estimate = journey.estimate;
  const zone = journey.destination.zone;
  if (estimate) {
    shipment.estimDate = stamp(instantOfLocal(estimate.date, 0, 0, zone), zone);
    if (estimate.kind === 'window' && estimate.from !== null && estimate.to !== null) {
      shipment.estimHourMin = stamp(estimate.from, zone);
      shipment.estimHourMax = stamp(estimate.to, zone);
    }
  }
  shipment.timeline = timeline;
  shipment.event = events;
  const contextData: Record<string, unknown> = {
    deliveryChoice: { deliveryChoice: 0 },
    originCountry: journey.origin.countryCode,
    arrivalCountry: journey.destination.countryCode,
  };
  if (newest.milestone === 'ready_for_pickup')
    contextData.removalPoint = { name: `${journey.destination.city.toUpperCase()} BP`, type: 'BDP' };
  shipment.contextData = contextData;
  shipment.url = `https://www.laposte.fr/outils/suivre-vos-envois?code=${idShip}`;
  return shipment;
}

const NOT_YET_AVAILABLE =
  "Votre suivi n'est pas encore disponible. Si vous avez déposé votre envoi, les informations de suivi peuvent être affichées avec un délai, veuillez réessayer ultérieurement.";
const INVALID =
  'Le numéro que vous avez saisi n’est pas valide. Nous vous invitons à vérifier votre saisie, en particulier le nombre de caractères.';

function languageOf(url: URL): string {
  return url.searchParams.get('lang') ?? 'fr_FR';
}

function unitary(journey: Journey | null, idShip: string, lang: string): Record<string, unknown> {
  if (!journey) return { returnCode: 104, returnMessage: NOT_YET_AVAILABLE, lang, scope: 'open', idShip };
  return { lang, scope: 'open', returnCode: 200, shipment: shipmentOf(journey, idShip) };
}

const ID_SHIP = /^[A-Za-z0-9]{11,15}$/;

export const laposteSandbox: SandboxCarrier = {
  id: 'laposte',
  name: 'La Poste / Colissimo',
  // Okapi's standard quota: 100 calls a minute.
  documentedRateLimit: LAPOSTE_CAPABILITIES.rateLimit,
  tokenLifetimeSeconds: null,
  tokenPath: null,
  endpointOf(request) {
    return request.method === 'GET' && request.url.pathname.startsWith(`${LAPOSTE_TRACK_PATH}/`) ? 'track' : null;
  },
  unknownEndpoint: () => ({ status: 404, body: { code: 'NOT_FOUND', message: 'Resource not found' } }),
  apiKeyOf: (request) => header(request, 'X-Okapi-Key') ?? null,
  unauthorised: () => ({ status: 401, body: { code: 'UNAUTHORIZED', message: 'Invalid credentials.' } }),
  readTrackingRequest(request) {
    let ids: string[];
    try {
      ids = decodeURIComponent(request.url.pathname.slice(LAPOSTE_TRACK_PATH.length + 1)).split(',');
    } catch {
      ids = [''];
    }
    const lang = languageOf(request.url);
    const bad = ids.find((id) => !ID_SHIP.test(id));
    if (bad !== undefined || ids.length > LAPOSTE_MAX_IDS_PER_REQUEST) {
      return {
        refused: { status: 400, body: { returnCode: 400, returnMessage: INVALID, lang, scope: 'open', idShip: bad ?? ids.join(',') } },
      };
    }
    return { numbers: ids };
  },
  trackAnswer(request, numbers: TrackedNumber[]): SandboxAnswer {
    const lang = languageOf(request.url);
    const answers = numbers.map(({ trackingNumber, journey }) => unitary(journey, trackingNumber.toUpperCase(), lang));
    if (answers.length > 1) return { status: 207, body: answers };
    return { status: answers[0]!.returnCode === 104 ? 404 : 200, body: answers[0] };
  },
  // Okapi's wording; whether it sends Retry-After is not documented, the sandbox does (in scaled seconds).
  rateLimited: (retryAfter) => ({
    status: 429,
    headers: { 'Retry-After': retryAfter },
    body: { code: 'TOO_MANY_REQUESTS', message: 'max quota reached 100 calls per minute' },
  }),
  serverError(status) {
    if (status === 502) return htmlErrorPage(502, 'Bad Gateway');
    return {
      status,
      body: { code: status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', message: 'The service is temporarily unavailable.' },
    };
  },
};
