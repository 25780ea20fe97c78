import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { detectCarrier, normaliseTrackingNumber, type Shipment, type Tracker } from '@wismo/core';
import type { OrderViewServiceLike, ServedOrderViewLike } from '../service';
import type { ViewCache } from '../view-cache';
import { PROBLEMS, ProblemError, problemFromWismoError, type ProblemCode } from './problem';
import {
  DetectionSchema,
  DetectParamsSchema,
  OrderViewParamsSchema,
  OrderViewQuerySchema,
  ProblemSchema,
  RefreshQuerySchema,
  ServedOrderViewSchema,
  ShipmentParamsSchema,
  ShipmentSchema,
  TrackManyResponseSchema,
  trackManyRequestSchema,
} from './schemas';

export interface ApiDependencies {
  tracker: Tracker;
  service: OrderViewServiceLike;
  apiViews: ViewCache<ServedOrderViewLike>;
  maxTrackItems: number;
  /** False when the store's routes serve `GET /v1/orders/{id}/view` (per shop). Default true. */
  orderViews?: boolean;
}

const SECURITY = [{ bearerAuth: [] }];

function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } } };
}

export function problemResponses(codes: readonly ProblemCode[]) {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const status = PROBLEMS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), `\`${code}\`: ${PROBLEMS[code].title}`]);
  }
  return Object.fromEntries([...byStatus].map(([status, lines]) => [status, problemResponse(lines.join('; '))]));
}

const COMMON: ProblemCode[] = ['invalid_request', 'unauthorized'];
const CARRIER_FAILURES: ProblemCode[] = [
  'not_found',
  'invalid_number',
  'unsupported_carrier',
  'rate_limited',
  'carrier_unavailable',
  'auth_failed',
  'bad_response',
];

export const trackOneRoute = createRoute({
  method: 'get',
  path: '/v1/shipments/{carrier}/{number}',
  operationId: 'trackShipment',
  tags: ['Shipments'],
  summary: 'Track one shipment',
  description:
    'Tracks one number with the named carrier and returns the normalised shipment. Served from the tracker’s cache unless `refresh=true`.',
  security: SECURITY,
  request: { params: ShipmentParamsSchema, query: RefreshQuerySchema },
  responses: {
    200: { description: 'The shipment', content: { 'application/json': { schema: ShipmentSchema } } },
    ...problemResponses([...COMMON, ...CARRIER_FAILURES]),
  },
});

export function trackManyRoute(maxItems: number) {
  return createRoute({
    method: 'post',
    path: '/v1/shipments/track',
    operationId: 'trackShipments',
    tags: ['Shipments'],
    summary: 'Track many shipments',
    description: `Tracks up to ${maxItems} numbers, batched per carrier. Items without a carrier are detected from the number. One result per item, in order; a failed number carries its problem and never fails the others.`,
    security: SECURITY,
    request: { body: { required: true, content: { 'application/json': { schema: trackManyRequestSchema(maxItems) } } } },
    responses: {
      200: { description: 'One result per item', content: { 'application/json': { schema: TrackManyResponseSchema } } },
      ...problemResponses([...COMMON, 'payload_too_large', 'unsupported_media_type']),
    },
  });
}

export const detectRoute = createRoute({
  method: 'get',
  path: '/v1/detect/{number}',
  operationId: 'detectCarrier',
  tags: ['Detection'],
  summary: 'Detect the carrier of a tracking number',
  description:
    'Every carrier whose number format matches, best first (verified check digit before pattern-only), and which of them this server is configured for. No carrier is called.',
  security: SECURITY,
  request: { params: DetectParamsSchema },
  responses: {
    200: { description: 'The candidates (possibly none)', content: { 'application/json': { schema: DetectionSchema } } },
    ...problemResponses(COMMON),
  },
});

export const orderViewRoute = createRoute({
  method: 'get',
  path: '/v1/orders/{id}/view',
  operationId: 'getOrderView',
  tags: ['Orders'],
  summary: 'The order view of an order',
  description:
    'The order from your `OrderSource` with every parcel tracked: stage, parcels, timeline, delays, ETA and next action. Carriers that do not answer within the time budget leave the last known data, marked `stale`. Views are cached briefly.',
  security: SECURITY,
  request: { params: OrderViewParamsSchema, query: OrderViewQuerySchema },
  responses: {
    200: { description: 'The order view', content: { 'application/json': { schema: ServedOrderViewSchema } } },
    ...problemResponses([...COMMON, 'order_not_found']),
  },
});

function withoutRaw(shipment: Shipment): Omit<Shipment, 'raw'> {
  if (!('raw' in shipment)) return shipment;
  const { raw: _raw, ...rest } = shipment;
  return rest;
}

function problemBody(error: ProblemError) {
  const definition = PROBLEMS[error.code];
  return {
    type: error.code,
    title: definition.title,
    status: definition.status,
    detail: error.message,
    code: error.code,
    carrier: error.init.carrier ?? null,
    ...(error.init.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.init.retryAfterSeconds } : {}),
  };
}

/** API answers are never cached by clients or proxies: they may hold customer data. */
const API_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;
const JSON_TEXT_HEADERS = {
  'Content-Type': 'application/json; charset=UTF-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

/**
 * A pre-serialised JSON body (the cached order view) as the typed route's response, without a second
 * stringify. Built directly with plain-object headers: hono would copy more than one header into a
 * `Headers`, and @hono/node-server writes a plain object straight to the socket.
 */
function jsonText(body: string): never {
  return new Response(body, { status: 200, headers: JSON_TEXT_HEADERS }) as never;
}

function orderViewKey(id: string, locale: string | undefined): string {
  return locale === undefined ? `${id}\u0000` : `${id}\u0000=${locale}`;
}

export function registerApiRoutes(app: OpenAPIHono, deps: ApiDependencies, problemTypeOf: (c: Context, code: ProblemCode) => string): void {
  const { tracker, service, apiViews } = deps;

  app.openapi(trackOneRoute, async (c) => {
    const { carrier, number } = c.req.valid('param');
    const { refresh } = c.req.valid('query');
    if (!tracker.carriers.has(carrier)) {
      throw new ProblemError('unsupported_carrier', {
        detail: `This server has no adapter for "${carrier}"; configured: ${[...tracker.carriers.keys()].join(', ') || 'none'}.`,
        carrier,
      });
    }
    const shipment = await tracker.track(number, { carrier, refresh: refresh ?? false });
    return c.json(withoutRaw(shipment), 200, API_HEADERS);
  });

  app.openapi(trackManyRoute(deps.maxTrackItems), async (c) => {
    const { items, refresh } = c.req.valid('json');
    const outcomes = await tracker.trackMany(
      items.map((item) =>
        item.carrier ? { trackingNumber: item.trackingNumber, carrier: item.carrier } : { trackingNumber: item.trackingNumber },
      ),
      { refresh: refresh ?? false },
    );
    const results = outcomes.map((outcome) => {
      if (outcome.ok)
        return {
          ok: true as const,
          trackingNumber: outcome.trackingNumber,
          carrier: outcome.carrier ?? outcome.shipment.carrier,
          shipment: withoutRaw(outcome.shipment),
        };
      const problem = problemFromWismoError(outcome.error);
      return {
        ok: false as const,
        trackingNumber: outcome.trackingNumber,
        carrier: outcome.carrier,
        problem: { ...problemBody(problem), type: problemTypeOf(c, problem.code) },
      };
    });
    return c.json({ results }, 200, API_HEADERS);
  });

  app.openapi(detectRoute, (c) => {
    const { number } = c.req.valid('param');
    const trackingNumber = normaliseTrackingNumber(number);
    const report = tracker.candidatesFor(trackingNumber);
    const candidates = detectCarrier(trackingNumber).map((candidate) => ({
      carrier: candidate.carrier,
      carrierName: candidate.carrierName,
      format: candidate.format,
      service: candidate.service,
      countryCode: candidate.countryCode,
      confidence: candidate.confidence,
      trackingUrl: candidate.trackingUrl,
      configured: tracker.carriers.has(candidate.carrier),
    }));
    return c.json({ trackingNumber, candidates, configuredCandidates: report.candidates, ambiguous: report.ambiguous }, 200, API_HEADERS);
  });

  if (deps.orderViews === false) return;

  // Hot path: a fresh cached view is answered before validation. Entries are only ever made from validated
  // input and the key is built from the same strings, so a hit stands for a request that passed it.
  app.use(orderViewRoute.getRoutingPath(), async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const cached = apiViews.peek(orderViewKey(c.req.param('id') ?? '', c.req.query('locale')));
    if (cached) return jsonText(cached.json());
    return next();
  });

  app.openapi(orderViewRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { locale } = c.req.valid('query');
    const key = orderViewKey(id, locale);
    const served = await apiViews.get(
      key,
      async () => {
        const result = await service.viewById(id, locale ? { locale } : undefined);
        return result ? { view: result.view, stale: result.stale, generatedAt: result.generatedAt } : null;
      },
      (value) => !value.stale,
    );
    if (!served) throw new ProblemError('order_not_found', { detail: `The order source has no order with id ${id}.` });
    return jsonText(served.json());
  });
}
