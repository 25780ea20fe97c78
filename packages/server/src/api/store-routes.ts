import { createHash } from 'node:crypto';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { logSafely, normaliseTrackingNumber, type CarrierAdapter, type Logger, type Shipment, type Tracker } from '@wismo/core';
import { createOrderViewService, type OrderViewService } from '@wismo/helpdesk';
import type { CarrierDirectory, DeliveryHistory, OrderView } from '@wismo/order-view';
import { DEFAULT_SHOP_ID, type ShopStore, type Store, type TrackedShipment } from '@wismo/store';
import type { ServedOrderViewLike } from '../service';
import { ViewCache } from '../view-cache';
import { createKeyVerifier, requestHeader, type ApiKeys } from './auth';
import { ProblemError } from './problem';
import { orderViewRoute, problemResponses } from './routes';
import {
  DEFAULT_TRACKINGS_PAGE,
  OrderParamsSchema,
  OrderSchema,
  TrackingListQuerySchema,
  TrackingPageSchema,
  TrackingParamsSchema,
  TrackingSchema,
  UpsertOrderResponseSchema,
  WatchRequestSchema,
} from './store-schemas';

/**
 * Which shop an API key belongs to: a map from key to shop id, or a function. Keys it does not name (and
 * every key when it is left out) belong to the default shop, so a single-shop install never notices.
 */
export type ShopOfApiKey =
  Readonly<Record<string, string>> | ((apiKey: string) => string | null | undefined | Promise<string | null | undefined>);

export interface StoreApiDependencies {
  store: Store;
  /** The server's configured keys (the store's own keys are checked by the store). */
  apiKeys?: ApiKeys;
  shopOfApiKey?: ShopOfApiKey;
  tracker: Tracker;
  carriers: readonly CarrierAdapter[] | CarrierDirectory;
  viewCache: { ttlMs?: number; max?: number };
  timeBudgetMs?: number;
  logger?: Logger;
  now: () => Date;
  /** Called after an order changed, so that other caches (the tracking page's) drop it. */
  onOrderChanged?: () => void;
}

const SECURITY = [{ bearerAuth: [] }];
const API_HEADERS = { 'Cache-Control': 'no-store' } as const;
const JSON_TEXT_HEADERS = { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'no-store' } as const;

export const watchTrackingRoute = createRoute({
  method: 'post',
  path: '/v1/trackings',
  operationId: 'watchTracking',
  tags: ['Trackings'],
  summary: 'Watch a tracking number',
  description:
    'The store keeps the parcel and the worker checks it on its refresh schedule, recording every change. Idempotent on carrier + number: watching a number again answers the existing tracking with 200 (201 when it is new). Without `carrier`, the carrier is detected from the number among the configured ones. A number that fits several of them (e.g. a 20-digit DHL Paket number that also passes USPS’s check) is watched with `carrier: null`, and the first carrier that knows it settles it on the first check; a repeated request without `carrier` answers that same tracking with 200, before and after the carrier is settled. Send `carrier` to avoid the extra requests of the first check.',
  security: SECURITY,
  request: { body: { required: true, content: { 'application/json': { schema: WatchRequestSchema } } } },
  responses: {
    200: { description: 'Already watched: the existing tracking', content: { 'application/json': { schema: TrackingSchema } } },
    201: { description: 'Now watched', content: { 'application/json': { schema: TrackingSchema } } },
    ...problemResponses([
      'invalid_request',
      'unauthorized',
      'unsupported_carrier',
      'detection_failed',
      'payload_too_large',
      'unsupported_media_type',
    ]),
  },
});

export const getTrackingRoute = createRoute({
  method: 'get',
  path: '/v1/trackings/{id}',
  operationId: 'getTracking',
  tags: ['Trackings'],
  summary: 'A watched tracking',
  description:
    'The tracking as the store knows it: the last carrier answer, when it was checked and when it is checked next. No carrier is called.',
  security: SECURITY,
  request: { params: TrackingParamsSchema },
  responses: {
    200: { description: 'The tracking', content: { 'application/json': { schema: TrackingSchema } } },
    ...problemResponses(['invalid_request', 'unauthorized', 'tracking_not_found']),
  },
});

export const listTrackingsRoute = createRoute({
  method: 'get',
  path: '/v1/trackings',
  operationId: 'listTrackings',
  tags: ['Trackings'],
  summary: 'List watched trackings',
  description: 'The shop’s trackings, filtered by status, carrier or delay (stalled, late, never scanned, exception), a page at a time.',
  security: SECURITY,
  request: { query: TrackingListQuerySchema },
  responses: {
    200: { description: 'One page', content: { 'application/json': { schema: TrackingPageSchema } } },
    ...problemResponses(['invalid_request', 'unauthorized']),
  },
});

export const unwatchTrackingRoute = createRoute({
  method: 'delete',
  path: '/v1/trackings/{id}',
  operationId: 'unwatchTracking',
  tags: ['Trackings'],
  summary: 'Stop watching a tracking',
  description: 'No further checks are scheduled. The tracking and its history stay readable (with `stoppedReason: "unwatched"`).',
  security: SECURITY,
  request: { params: TrackingParamsSchema },
  responses: {
    204: { description: 'No longer watched' },
    ...problemResponses(['invalid_request', 'unauthorized', 'tracking_not_found']),
  },
});

export const upsertOrderRoute = createRoute({
  method: 'put',
  path: '/v1/orders/{id}',
  operationId: 'upsertOrder',
  tags: ['Orders'],
  summary: 'Create or replace an order',
  description:
    'Stores the order with its customer and items (validated as @wismo/order-view reads orders); every parcel with a tracking number is watched. The body’s `id` must be the id in the path.',
  security: SECURITY,
  request: { params: OrderParamsSchema, body: { required: true, content: { 'application/json': { schema: OrderSchema } } } },
  responses: {
    200: { description: 'The order replaced an earlier version', content: { 'application/json': { schema: UpsertOrderResponseSchema } } },
    201: { description: 'The order is new', content: { 'application/json': { schema: UpsertOrderResponseSchema } } },
    ...problemResponses(['invalid_request', 'unauthorized', 'payload_too_large', 'unsupported_media_type']),
  },
});

function withoutRaw(shipment: Shipment | null): Omit<Shipment, 'raw'> | null {
  if (!shipment || !('raw' in shipment)) return shipment;
  const { raw: _raw, ...rest } = shipment;
  return rest;
}

function trackingBody(tracking: TrackedShipment) {
  return { ...tracking, shipment: withoutRaw(tracking.shipment) };
}

function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * Resolves the shop of the request's (already verified) API key. A key map is kept by digest, so the
 * keys themselves are not held in a second place.
 */
function createShopResolver(
  store: Store,
  apiKeys: ApiKeys | undefined,
  shopOfApiKey: ShopOfApiKey | undefined,
): (c: Context) => Promise<string> {
  const byDigest =
    shopOfApiKey && typeof shopOfApiKey !== 'function'
      ? new Map(Object.entries(shopOfApiKey).map(([key, shop]) => [digest(key), shop]))
      : null;
  const configured = apiKeys ? createKeyVerifier(apiKeys) : () => false;
  return async (c) => {
    const match = /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i.exec(requestHeader(c, 'authorization') ?? '');
    if (!match) return DEFAULT_SHOP_ID;
    const key = match[1]!;
    // Configured keys are mapped (or belong to the default shop); a key the store issued names its shop.
    if (await configured(key)) {
      if (byDigest) return byDigest.get(digest(key)) ?? DEFAULT_SHOP_ID;
      if (typeof shopOfApiKey === 'function') return (await shopOfApiKey(key)) ?? DEFAULT_SHOP_ID;
      return DEFAULT_SHOP_ID;
    }
    const issued = await store.verifyApiKey(key);
    // The bearer check let the request through, so an unknown key here means it was revoked meanwhile.
    if (!issued)
      throw new ProblemError('unauthorized', {
        detail: 'The API key is not valid.',
        headers: { 'WWW-Authenticate': 'Bearer realm="wismo", error="invalid_token"' },
      });
    return issued.shopId;
  };
}

/**
 * The keys the server accepts with a store: the configured ones, plus the keys the store issued
 * (`shop.createApiKey()`), which it checks by hash.
 */
export function withStoreApiKeys(apiKeys: ApiKeys | undefined, store: Store): ApiKeys {
  const configured = apiKeys ? createKeyVerifier(apiKeys) : () => false;
  return async (key) => (await configured(key)) || (await store.verifyApiKey(key)) !== null;
}

/** Orders that carry the same id in the view cache stay apart per shop. */
function viewKey(shopId: string, orderId: string, locale: string | undefined): string {
  return `${shopId}\u0000${orderId}\u0000${locale ?? ''}`;
}

/**
 * The store's routes: `/v1/trackings` (watch, read, list, unwatch), `PUT /v1/orders/{id}`, and
 * `GET /v1/orders/{id}/view` reading the order from the store. Every query goes through the shop of the
 * request's API key (`store.shop(shopId)`), so no answer crosses shops: another shop's tracking is a 404.
 */
export interface StoreRoutes {
  clearViews(): void;
  shopOf(c: Context): Promise<string>;
  orderView(shopId: string, orderId: string): Promise<OrderView | null>;
}

export function registerStoreRoutes(app: OpenAPIHono, deps: StoreApiDependencies): StoreRoutes {
  const shopOf = createShopResolver(deps.store, deps.apiKeys, deps.shopOfApiKey);
  const shops = new Map<string, { shop: ShopStore; service: Promise<OrderViewService> }>();
  const views = new ViewCache<ServedOrderViewLike>(deps.viewCache);

  function shopHandle(shopId: string) {
    let entry = shops.get(shopId);
    if (!entry) {
      const shop = deps.store.shop(shopId);
      // Each shop's views come from its own orders and its own delivery history (loaded once, on first use).
      const service = shop
        .deliveryHistory()
        .catch((error: unknown): DeliveryHistory | undefined => {
          logSafely(
            deps.logger,
            'warn',
            `wismo server: delivery history of shop ${shopId} could not be loaded; views predict no ETA from history`,
            { message: (error as Error)?.message },
          );
          return undefined;
        })
        .then((history) =>
          createOrderViewService({
            orders: shop.orders,
            tracker: deps.tracker,
            carriers: deps.carriers,
            ...(history ? { history } : {}),
            ...(deps.timeBudgetMs !== undefined ? { timeBudgetMs: deps.timeBudgetMs } : {}),
            ...(deps.logger ? { logger: deps.logger } : {}),
            now: deps.now,
          }),
        );
      entry = { shop, service };
      shops.set(shopId, entry);
    }
    return entry;
  }

  async function shopFor(c: Context): Promise<ShopStore> {
    return shopHandle(await shopOf(c)).shop;
  }

  async function trackingOrNotFound(shop: ShopStore, id: string): Promise<TrackedShipment> {
    const tracking = await shop.getTracking(id);
    if (!tracking) throw new ProblemError('tracking_not_found', { detail: `This shop watches no tracking with id ${id}.` });
    return tracking;
  }

  app.openapi(watchTrackingRoute, async (c) => {
    const body = c.req.valid('json');
    const shop = await shopFor(c);
    const trackingNumber = normaliseTrackingNumber(body.trackingNumber);
    let carrier = body.carrier;
    if (carrier && !deps.tracker.carriers.has(carrier)) {
      throw new ProblemError('unsupported_carrier', {
        detail: `This server has no adapter for "${carrier}"; configured: ${[...deps.tracker.carriers.keys()].join(', ') || 'none'}.`,
        carrier,
      });
    }
    let candidates: string[] = [];
    if (!carrier) {
      const detection = deps.tracker.candidatesFor(trackingNumber);
      if (detection.candidates.length === 0)
        throw new ProblemError('detection_failed', {
          detail: `No configured carrier uses the format of ${trackingNumber}; name the carrier.`,
        });
      if (detection.ambiguous) candidates = detection.candidates;
      else carrier = detection.candidates[0];
    }
    let existing: TrackedShipment | null = null;
    if (carrier) existing = await shop.findTracking(carrier, trackingNumber);
    else {
      // An ambiguous number is watched without a carrier until its first answer settles it. A repeat finds that
      // tracking, still without a carrier or under the carrier it was settled on (candidates in detection order).
      for (const candidate of [null, ...candidates]) {
        existing = await shop.findTracking(candidate, trackingNumber);
        if (existing) break;
      }
      if (existing?.carrier) carrier = existing.carrier;
    }
    // `watch` is idempotent on (shop, carrier, number): a known number keeps its id (and is re-activated
    // when it had been unwatched), so a repeated request is answered 200 with the same tracking.
    const tracking = await shop.watch(trackingNumber, {
      ...(carrier ? { carrier } : {}),
      ...(body.orderId ? { orderId: body.orderId } : {}),
      ...(body.customer ? { customer: body.customer } : {}),
    });
    return c.json(trackingBody(tracking), existing ? 200 : 201, API_HEADERS);
  });

  app.openapi(getTrackingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const tracking = await trackingOrNotFound(await shopFor(c), id);
    return c.json(trackingBody(tracking), 200, API_HEADERS);
  });

  app.openapi(listTrackingsRoute, async (c) => {
    const query = c.req.valid('query');
    const shop = await shopFor(c);
    const page = await shop.listTrackings({
      ...(query.status ? { status: query.status } : {}),
      ...(query.carrier ? { carrier: query.carrier } : {}),
      ...(query.delay ? { delay: query.delay } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      limit: query.limit ?? DEFAULT_TRACKINGS_PAGE,
    });
    return c.json({ items: page.items.map(trackingBody), nextCursor: page.nextCursor }, 200, API_HEADERS);
  });

  app.openapi(unwatchTrackingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const shop = await shopFor(c);
    if (!(await shop.unwatch(id, 'unwatched'))) {
      await trackingOrNotFound(shop, id);
    }
    return c.body(null, 204, API_HEADERS);
  });

  app.openapi(upsertOrderRoute, async (c) => {
    const { id } = c.req.valid('param');
    const order = c.req.valid('json');
    if (order.id !== id) {
      throw new ProblemError('invalid_request', {
        errors: [{ path: 'body.id', message: `Expected the id in the path (${id}), got ${order.id}` }],
      });
    }
    const shopId = await shopOf(c);
    const { shop } = shopHandle(shopId);
    const before = await shop.orders.getOrderById(id);
    const stored = await shop.upsertOrder(order);
    views.clear();
    deps.onOrderChanged?.();
    const watched: TrackedShipment[] = [];
    for (const parcel of stored.shipments) {
      if (!parcel.trackingNumber) continue;
      const tracking = await shop.findTracking(parcel.carrier, normaliseTrackingNumber(parcel.trackingNumber));
      if (tracking) watched.push(tracking);
    }
    return c.json({ order: stored, watched: watched.map(trackingBody) }, before ? 200 : 201, API_HEADERS);
  });

  app.openapi(orderViewRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { locale } = c.req.valid('query');
    const shopId = await shopOf(c);
    const served = await views.get(
      viewKey(shopId, id, locale),
      async () => {
        const service = await shopHandle(shopId).service;
        const result = await service.viewById(id, locale ? { locale } : undefined);
        return result ? { view: result.view, stale: result.stale, generatedAt: result.generatedAt } : null;
      },
      (value) => !value.stale,
    );
    if (!served) throw new ProblemError('order_not_found', { detail: `This shop has no order with id ${id}.` });
    return new Response(served.json(), { status: 200, headers: JSON_TEXT_HEADERS }) as never;
  });

  return {
    clearViews: () => views.clear(),
    shopOf,
    // The notification preview renders from the same views (cached, per shop).
    async orderView(shopId: string, orderId: string) {
      const service = await shopHandle(shopId).service;
      return (await service.viewById(orderId))?.view ?? null;
    },
  };
}

/** Without a store the store's routes answer 501 (and are left out of the OpenAPI document). */
export function registerStoreNotConfigured(app: OpenAPIHono): void {
  const refuse = () => {
    throw new ProblemError('store_not_configured');
  };
  app.on(['GET', 'POST'], '/v1/trackings', refuse);
  app.on(['GET', 'DELETE'], '/v1/trackings/:id', refuse);
  app.put('/v1/orders/:id', refuse);
}
