import {
  NotFoundError,
  buildShipment,
  contactFor,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  lookupStatus,
  parseCarrierDateTime,
  parseWithSchema,
  sortEventsNewestFirst,
  successOutcome,
  type Leg,
} from '@wismo/core';
import {
  capText,
  carrierEstimateBetween,
  errorCodesOf,
  neverThrowing,
  readGatewayErrorBody,
  requestError,
  returnTripStatus,
} from '@wismo/core/internal';
import { dhlTrackResponseSchema, type DhlEvent, type DhlShipment } from './dhl-api';
import { DHL_CARRIER_ID, DHL_CARRIER_NAME, DHL_CONTACT, DHL_DAILY_QUOTA_DEFAULT, dhlTrackingUrl } from './dhl-carrier';
import { DHL_DESTINATION_PROVIDERS, DHL_EXPRESS_CHECKPOINT_TABLE, DHL_STATUS_CODE_TABLE, DHL_TEXT_RULES } from './dhl-status-tables';

const WHITESPACE = /\s+/g;
const TRAILING_PERIOD = /\.\s*$/;
const CODE_LIKE = /^[A-Za-z0-9_-]{1,40}$/;
const HTTP_URL = /^https?:\/\//i;
/**
 * A USPS IMpb, with or without the `420` + ZIP routing prefix DHL eCommerce labels carry
 * (jkeen/tracking_number_data #101: "the 8 + 22 digit USPS tracking numbers"; IMpb serials start 92–95).
 */
const USPS_IMPB = /^(?:420(?:\d{9}|\d{5}))?(9[2-5](?:\d{20}|\d{24}))$/;

/**
 * The text rules of each coarse code, in list order (the first match wins), built once. `any` joins their patterns in
 * one expression: most events match none, and are then done in one test. A Map, not an object: inherited keys such as
 * "toString" must not count as codes.
 */
const RULE_SETS = new Map(
  Object.keys(DHL_STATUS_CODE_TABLE).map((code) => {
    const rules = DHL_TEXT_RULES.filter((rule) => (rule.statusCodes as readonly string[]).includes(code));
    return [code, { rules, any: rules.length > 0 ? new RegExp(rules.map((rule) => `(?:${rule.pattern.source})`).join('|'), 'i') : null }];
  }),
);

/**
 * Looks an event up: express checkpoint code, then a cited phrase, then the coarse `statusCode`. Gives the code
 * looked up (kept as `raw.code`), the entry (undefined: unmapped), how it was found and the text rule's id.
 */
export function mapDhlEvent(event: DhlEvent, service: string | null | undefined) {
  const statusCode = event.statusCode?.trim() || null;
  if (service === 'express') {
    const checkpoint = event.statusDetailed?.trim() || event.status?.trim() || '';
    const entry = checkpoint.length === 2 ? lookupStatus(DHL_EXPRESS_CHECKPOINT_TABLE, checkpoint) : undefined;
    if (entry) return { code: checkpoint, entry, matchedBy: 'express-checkpoint' };
  }
  const set = statusCode === null ? undefined : RULE_SETS.get(statusCode);
  if (!set) return { code: statusCode, entry: undefined, matchedBy: 'none' };
  // parcel-de repeats the same sentence in `status` and `description`: it is tested once.
  const texts = [capText(event.description), event.status === event.description ? null : capText(event.status), capText(event.remark)];
  // A rule that names services holds for their events only.
  const rule =
    set.any && matches(set.any, texts)
      ? set.rules.find((rule) => (!rule.services || rule.services.includes(service ?? '')) && matches(rule.pattern, texts))
      : undefined;
  if (rule) return { code: statusCode, entry: rule.entry, matchedBy: 'text', ruleId: rule.id };
  return { code: statusCode, entry: lookupStatus(DHL_STATUS_CODE_TABLE, statusCode), matchedBy: 'status-code' };
}

function matches(pattern: RegExp, texts: ReadonlyArray<string | null | undefined>): boolean {
  for (const text of texts) if (text && pattern.test(text)) return true;
  return false;
}

/**
 * Pure: turns one answer of `GET /track/shipments` into one outcome per requested number.
 * Never throws; a body that does not fit becomes `bad_response` for every number.
 */
export const parseDhlTrackResponse = neverThrowing({ id: DHL_CARRIER_ID, name: DHL_CARRIER_NAME }, (input) => {
  const { httpStatus, body, trackingNumbers } = input;
  if (httpStatus < 200 || httpStatus >= 300) return failAll(trackingNumbers, errorForStatus(httpStatus, body, trackingNumbers));
  const { shipments } = parseWithSchema(dhlTrackResponseSchema, body, DHL_CARRIER_NAME, DHL_CARRIER_ID, httpStatus);
  const fetchedAt = input.fetchedAt ?? new Date();
  return trackingNumbers.map((trackingNumber) => {
    const shipment = pickShipment(shipments, trackingNumber, trackingNumbers.length === 1);
    if (shipment) return successOutcome(normaliseDhlShipment(shipment, trackingNumber, fetchedAt, input.includeRaw ? body : undefined));
    const message = `DHL returned no shipment for ${trackingNumber}. New shipments appear 10–30 minutes after the label is created; check the number or pass the right \`service\`.`;
    return errorOutcome(trackingNumber, new NotFoundError(message, { carrierId: DHL_CARRIER_ID, httpStatus, trackingNumber }));
  });
});

/** The error an unsuccessful answer stands for (the API answers RFC 7807 problem bodies). */
export function errorForStatus(httpStatus: number, body: unknown, trackingNumbers: readonly string[] = []) {
  const problem = describeDhlProblem(body);
  // DHL's details end with a period; drop it so our sentence can go on.
  const detail = problem.message ? `: ${problem.message.replace(TRAILING_PERIOD, '')}` : '';
  return requestError({
    carrierId: DHL_CARRIER_ID,
    httpStatus,
    carrierCodes: problem.codes,
    trackingNumber: trackingNumbers.length === 1 ? trackingNumbers[0] : null,
    // A 404 without a problem body is a wrong base URL, not an unknown number; a 408 is not DHL being down.
    kindOfStatus: (status) => {
      if (status === 404) return problem.isProblem ? 'not_found' : undefined;
      if (status === 400) return 'invalid_number';
      return status === 429 ? 'rate_limited' : status >= 500 ? 'carrier_unavailable' : undefined;
    },
    messages: {
      auth_failed: `DHL rejected the API key (HTTP ${httpStatus})${detail}. Check DHL_API_KEY and that the app is approved for Shipment Tracking – Unified.`,
      not_found: `DHL has no shipment for this number${detail}. Numbers show up 10–30 minutes after the label is created and are purged after about 90 days.`,
      invalid_number: `DHL rejected the tracking number as invalid input${detail}. Check the number (and \`service\`, if set).`,
      rate_limited: `DHL is rate limiting requests (HTTP 429)${detail}. The default plan allows 1 call a second and ${DHL_DAILY_QUOTA_DEFAULT} a day (reset 24:00 GMT).`,
      carrier_unavailable: `DHL answered HTTP ${httpStatus}${detail}`,
      bad_response:
        httpStatus === 404
          ? `DHL answered HTTP 404 without a problem body; check that the base URL points at the Unified tracking API`
          : `DHL answered HTTP ${httpStatus}${detail}`,
    },
  });
}

/**
 * The carrier's words and codes from an error body: problem `title`/`detail`, a gateway fault, or an OAuth error.
 * A problem body has no code (its `title` is free text and may echo what was sent), so its codes are empty.
 */
export function describeDhlProblem(body: unknown): { isProblem: boolean; message?: string; codes: string[] } {
  const described = readGatewayErrorBody(body, { separator: ' – ' });
  if (!described) return { isProblem: false, codes: [] };
  return { isProblem: true, message: capText(described.message), codes: errorCodesOf(described.codes) };
}

function comparable(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace(WHITESPACE, '').toUpperCase();
}

/**
 * The shipment answering `trackingNumber`: its own id, else one holding it as a piece id (the API
 * also resolves piece numbers), else, for a one-number request, the first one DHL returned.
 */
function pickShipment(shipments: readonly DhlShipment[], trackingNumber: string, single: boolean): DhlShipment | undefined {
  const wanted = comparable(trackingNumber);
  return (
    shipments.find((shipment) => comparable(shipment.id) === wanted) ??
    shipments.find((shipment) => shipment.details?.pieceIds?.some((piece) => comparable(piece) === wanted)) ??
    (single ? shipments[0] : undefined)
  );
}

/** Pure: one DHL shipment (already checked against `dhlShipmentSchema`) → the normalised `Shipment`. */
function normaliseDhlShipment(shipment: DhlShipment, trackingNumber: string, fetchedAt: Date, raw: unknown) {
  const service = shipment.service ?? null;
  const details = shipment.details ?? null;
  // The current status repeats the newest event; it only stands in when DHL sends no event list.
  const rawEvents = shipment.events?.length ? shipment.events : shipment.status ? [shipment.status] : [];
  const mapped = rawEvents.map((event) => mapDhlEvent(event, service));
  const events = rawEvents.map((event, index) =>
    createEvent({
      time: parseCarrierDateTime(event.timestamp),
      description: capText(event.description ?? event.status ?? event.statusCode),
      code: mapped[index]!.code,
      // Every code field; `status` only when it is a code, not a sentence.
      codes: {
        statusCode: event.statusCode,
        statusDetailed: event.statusDetailed,
        status: event.status && CODE_LIKE.test(event.status) ? event.status : undefined,
      },
      location: toLocation(event.location),
      mapped: mapped[index]!.entry,
    }),
  );
  // A `returnFlag: true` shipment could not be delivered and goes back to the sender: its newest event, a final
  // "delivered", is the delivery back (DHL developer FAQ 47001251142, 47001251916). Older scans may be the outbound trip.
  if (shipment.returnFlag === true) {
    const newest = sortEventsNewestFirst(events)[0];
    const back = newest && returnTripStatus(newest.status);
    if (back) events[events.indexOf(newest)] = { ...newest, ...back };
  }
  const destination = toLocation(shipment.destination);
  const origin = toLocation(shipment.origin);
  const proof = details?.proofOfDelivery;
  const signed = proof?.signed;
  // The spec example fills `signatureUrl` with the placeholder "string": only real links count.
  const documentUrl = httpUrl(proof?.documentUrl);
  const signatureUrl = httpUrl(proof?.signatureUrl);
  const signedAvailable = details?.proofOfDeliverySignedAvailable === true;
  const handedToUsps = mapped.some(({ ruleId }) => ruleId === 'ecommerce-usps-sort-facility');
  return buildShipment({
    carrier: DHL_CARRIER_ID,
    trackingNumber,
    events,
    carrierStatus: lookupStatus(DHL_STATUS_CODE_TABLE, shipment.status?.statusCode?.trim()),
    estimatedDelivery: estimatedDelivery(shipment),
    signedBy: signed
      ? [signed.givenName, signed.familyName].filter((part) => part?.trim()).join(' ') || signed.name || signed.organizationName || null
      : null,
    proofOfDelivery: {
      available: Boolean(documentUrl || signatureUrl || signedAvailable),
      signatureAvailable: Boolean(signatureUrl) || signedAvailable,
      url: documentUrl ?? signatureUrl,
    },
    service: { code: details?.product?.productCode ?? service, name: details?.product?.productName ?? null },
    origin,
    destination,
    legs: legsOf(shipment, handedToUsps),
    direction: shipment.returnFlag === true ? 'return' : 'outbound',
    contact: contactFor({ contact: DHL_CONTACT }, destination?.countryCode ?? origin?.countryCode),
    trackingUrl: dhlTrackingUrl(trackingNumber),
    fetchedAt,
    raw,
  });
}

/**
 * A place as a location. `addressLocality` is free text: a country ("Deutschland") for parcel-de, "street, CITY" in
 * the spec example, "HUB - CITY - COUNTRY" for express; it is kept as the raw location, never taken for a city.
 */
function toLocation(place: DhlEvent['location']) {
  const { addressRegion: region, postalCode, countryCode, addressLocality: raw } = place?.address ?? {};
  return createLocation({ region, postalCode, countryCode, raw });
}

/** The carrier's ETA: the delivery window when DHL gives one, else the single estimate. */
function estimatedDelivery(shipment: DhlShipment) {
  const frame = shipment.estimatedDeliveryTimeFrame;
  const from = parseCarrierDateTime(frame?.estimatedFrom);
  const to = parseCarrierDateTime(frame?.estimatedThrough);
  if (from || to) return carrierEstimateBetween(from, to);
  const estimate = parseCarrierDateTime(shipment.estimatedTimeOfDelivery);
  return carrierEstimateBetween(estimate, estimate);
}

function httpUrl(value: string | null | undefined): string | null {
  return value && HTTP_URL.test(value.trim()) ? value.trim() : null;
}

/**
 * Other carriers' parts of the journey: the destination provider DHL names, and the USPS last mile of
 * DHL eCommerce US parcels ("For packages to the US we work with the U.S. Postal Service", DHL
 * eCommerce FAQ), seen from a USPS number among the references/pieces or the hand-over scan.
 */
function legsOf(shipment: DhlShipment, handedToUsps: boolean): Leg[] {
  const details = shipment.details;
  const references = details?.references ?? [];
  const legs: Leg[] = [];
  const provider = details?.provider?.destinationProvider?.trim();
  if (provider && provider !== shipment.service) {
    const known = DHL_DESTINATION_PROVIDERS[provider];
    const localNumber = references.find((reference) => reference.type === 'local-tracking-number' && reference.number != null)?.number;
    legs.push({
      carrier: known?.carrier ?? provider,
      carrierName: known?.name ?? null,
      trackingNumber: localNumber == null ? null : String(localNumber),
      role: 'last_mile',
    });
  }
  if (shipment.service?.startsWith('ecommerce') && !legs.some((leg) => leg.carrier === 'usps')) {
    const candidates = [...references.map((reference) => String(reference.number ?? '')), ...(details?.pieceIds ?? [])];
    const uspsNumber = candidates.map((candidate) => USPS_IMPB.exec(candidate.replace(WHITESPACE, ''))?.[1]).find(Boolean) ?? null;
    if (uspsNumber || handedToUsps) legs.push({ carrier: 'usps', carrierName: 'USPS', trackingNumber: uspsNumber, role: 'last_mile' });
  }
  return legs;
}
