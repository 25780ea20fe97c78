import {
  AuthFailedError,
  BadResponseError,
  NotFoundError,
  buildShipment,
  createEvent,
  createLocation,
  errorOutcome,
  failAll,
  parseCarrierDateTime,
  parseWithSchema,
  type CarrierParseInput,
  type Shipment,
  type StatusTableEntry,
  type TrackOutcome,
  type TrackingEvent,
} from '@wismo/core';
import { ausPostTrackResponseSchema, type AusPostArticle, type AusPostTrackResponse } from './auspost-api';
import {
  AUSPOST_CARRIER_ID,
  AUSPOST_CARRIER_NAME,
  AUSPOST_CONTACT,
  AUSPOST_INVALID_TRACKING_ID_CODE,
  AUSPOST_TOO_MANY_IDS_CODE,
  ausPostTrackingUrl,
} from './auspost-carrier';
import { rememberByText } from '@wismo/core/internal';
import { ausPostEventKey, mapAusPostArticleStatus, mapAusPostEventKey } from './map-auspost-status';

const carrier = { carrierId: AUSPOST_CARRIER_ID };
const AUSPOST_CONTACT_IN_AUSTRALIA = AUSPOST_CONTACT.byCountry?.AU ?? AUSPOST_CONTACT.default;
type TrackingResult = NonNullable<AusPostTrackResponse['tracking_results']>[number];
type ApiError = NonNullable<AusPostTrackResponse['errors']>[number];

const AUSTRALIAN_STATES = /^(.+?)\s+(NSW|VIC|QLD|SA|WA|TAS|NT|ACT)$/;

/** The suburb and state of `KEW VIC`; null for other places. */
const australianPlaceOf = rememberByText((trimmed: string): { city: string; region: string } | null => {
  const australian = AUSTRALIAN_STATES.exec(trimmed);
  return australian ? { city: australian[1]!, region: australian[2]! } : null;
});

/** `KEW VIC` is a suburb and a state; other places (`CHICAGO (US)`, `NZ`, `Transit Scan`) are kept as written. */
function locationOf(place: string | undefined) {
  const trimmed = place?.trim();
  if (!trimmed) return null;
  const australian = australianPlaceOf(trimmed);
  if (australian) return createLocation({ city: australian.city, region: australian.region, countryCode: 'AU', raw: place });
  return createLocation({ raw: place });
}

function describe(errors: readonly ApiError[]): string {
  return errors.map((error) => [error.code, error.name, error.message].filter(Boolean).join(' ')).join('; ');
}

/** A trackable item is an article or a consignment of articles; either way, the articles. */
function articlesOf(result: TrackingResult): AusPostArticle[] {
  const articles: AusPostArticle[] = [];
  // A loop, not flatMap: flatMap was a tenth of the normalising time in the profile.
  for (const item of result.trackable_items ?? []) {
    if (item.items && item.items.length > 0) articles.push(...item.items);
    else articles.push(item);
  }
  return articles;
}

function eventsOf(article: AusPostArticle, partOfConsignment: boolean): TrackingEvent[] {
  return (article.events ?? []).map((event) => {
    // Australia Post sends no event codes: the text (its table key) is the raw code.
    const key = event.description ? ausPostEventKey(event.description) : null;
    return createEvent({
      // ISO 8601 with the offset of the place (`2021-01-21T11:04:27+11:00`): instants.
      time: parseCarrierDateTime(event.date),
      description: event.description,
      code: key,
      codes: partOfConsignment && article.article_id ? { articleId: article.article_id } : undefined,
      location: locationOf(event.location),
      mapped: mapAusPostEventKey(key),
    });
  });
}

/** What every shipment of one tracking result shares. */
interface ShipmentFrame {
  trackingNumber: string;
  service: { code: null; name: string | null };
  trackingUrl: string;
  fetchedAt: Date | undefined;
}

function shipmentOfEvents(
  frame: ShipmentFrame,
  events: TrackingEvent[],
  carrierStatus: StatusTableEntry | undefined,
  raw?: unknown,
): Shipment {
  return buildShipment({
    carrier: AUSPOST_CARRIER_ID,
    trackingNumber: frame.trackingNumber,
    service: frame.service,
    contact: AUSPOST_CONTACT_IN_AUSTRALIA,
    trackingUrl: frame.trackingUrl,
    fetchedAt: frame.fetchedAt,
    events,
    carrierStatus,
    raw,
  });
}

function shipmentOf(input: CarrierParseInput, trackingNumber: string, result: TrackingResult): Shipment | null {
  const articles = articlesOf(result);
  if (articles.length === 0) return null;
  const frame: ShipmentFrame = {
    trackingNumber,
    service: { code: null, name: articles[0]!.product_type ?? null },
    trackingUrl: ausPostTrackingUrl(trackingNumber),
    fetchedAt: input.fetchedAt,
  };
  const raw = input.includeRaw ? input.body : undefined;
  if (articles.length === 1) {
    return shipmentOfEvents(frame, eventsOf(articles[0]!, false), mapAusPostArticleStatus(result.status ?? articles[0]!.status), raw);
  }
  // Each parcel's events are made once: the consignment's list and, when it looks delivered, each parcel's own status use them.
  const eventsByArticle = articles.map((article) => eventsOf(article, true));
  const merged = shipmentOfEvents(
    frame,
    ([] as TrackingEvent[]).concat(...eventsByArticle),
    mapAusPostArticleStatus(result.status ?? articles[0]!.status),
    raw,
  );
  if (merged.status !== 'delivered') return merged;
  // A consignment is delivered when all its parcels are: otherwise it has the status of the parcel still on its way.
  for (const [index, article] of articles.entries()) {
    const parcel = shipmentOfEvents(frame, eventsByArticle[index]!, mapAusPostArticleStatus(article.status));
    if (parcel.status !== 'delivered') {
      return { ...merged, status: parcel.status, substatus: parcel.substatus, statusSince: parcel.statusSince, deliveredAt: null };
    }
  }
  return merged;
}

/** Pure: one outcome per requested number, in order. Never throws for a surprising body. */
export function parseAusPostTrackResponse(input: CarrierParseInput): TrackOutcome[] {
  const { httpStatus, body, trackingNumbers } = input;
  // The rule every parse function follows: 401 and 403 are auth failures whatever the body says.
  if (httpStatus === 401 || httpStatus === 403) {
    return failAll(
      trackingNumbers,
      new AuthFailedError(`Australia Post rejected the API key, password or account number (HTTP ${httpStatus})`, {
        ...carrier,
        httpStatus,
      }),
    );
  }
  let response: AusPostTrackResponse;
  try {
    response = parseWithSchema(ausPostTrackResponseSchema, body, AUSPOST_CARRIER_NAME, AUSPOST_CARRIER_ID, httpStatus);
  } catch (error) {
    return failAll(trackingNumbers, error as BadResponseError);
  }
  const requestErrors = response.errors ?? [];
  if (requestErrors.length > 0 || httpStatus < 200 || httpStatus >= 300) {
    const codes = requestErrors.map((error) => error.code).filter((code): code is string => Boolean(code));
    const tooMany = codes.includes(AUSPOST_TOO_MANY_IDS_CODE);
    const message = tooMany
      ? `Australia Post refused the request: more than 10 ids (${describe(requestErrors)})`
      : `Australia Post answered HTTP ${httpStatus}${requestErrors.length > 0 ? `: ${describe(requestErrors)}` : ''}`;
    return failAll(trackingNumbers, new BadResponseError(message, { ...carrier, httpStatus, carrierCodes: codes }));
  }
  const results = new Map<string, TrackingResult>();
  for (const result of response.tracking_results ?? []) results.set(result.tracking_id.trim().toUpperCase(), result);
  return trackingNumbers.map((trackingNumber) => {
    const result = results.get(trackingNumber.toUpperCase());
    if (!result) {
      return errorOutcome(
        trackingNumber,
        new BadResponseError(`Australia Post's answer has no result for ${trackingNumber}`, { ...carrier, httpStatus, trackingNumber }),
      );
    }
    const errors = result.errors ?? [];
    if (errors.length > 0) {
      const codes = errors.map((error) => error.code).filter((code): code is string => Boolean(code));
      const options = { ...carrier, httpStatus, trackingNumber, carrierCodes: codes };
      const error = codes.includes(AUSPOST_INVALID_TRACKING_ID_CODE)
        ? new NotFoundError(`Australia Post does not know ${trackingNumber} (${describe(errors)})`, options)
        : new BadResponseError(`Australia Post reported an error for ${trackingNumber}: ${describe(errors)}`, options);
      return errorOutcome(trackingNumber, error);
    }
    const shipment = shipmentOf(input, trackingNumber, result);
    if (!shipment)
      return errorOutcome(
        trackingNumber,
        new NotFoundError(`Australia Post has no items for ${trackingNumber}`, { ...carrier, httpStatus, trackingNumber }),
      );
    return { trackingNumber, ok: true, shipment };
  });
}
