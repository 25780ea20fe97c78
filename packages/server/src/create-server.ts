import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import {
  ConfigurationError,
  logSafely,
  registerSecret,
  type CarrierAdapter,
  type Logger,
  type PushReceiver,
  type Tracker,
} from '@wismo/core';
import {
  createHelpdeskApp,
  createOrderViewService,
  type HelpdeskAppOptions,
  type HelpdeskSecrets,
  type OrderViewService,
} from '@wismo/helpdesk';
import type { CarrierDirectory, DeliveryHistory, OrderSource } from '@wismo/order-view';
import type { Store } from '@wismo/store';
import { createBearerCheck, requestHeader, type ApiKeys } from './api/auth';
import { buildProblem, PROBLEMS, ProblemError, toProblemError, type ProblemCode, type ValidationIssue } from './api/problem';
import { registerApiRoutes } from './api/routes';
import { registerTriageRoutes } from './api/triage-routes';
import { registerStoreNotConfigured, registerStoreRoutes, withStoreApiKeys, type ShopOfApiKey } from './api/store-routes';
import { registerNotifyRoutes } from './api/notify-routes';
import { registerPushRoutes } from './api/carrier-webhook-routes';
import { createNotificationAdmin, type NotificationSettingsInput } from '@wismo/notify';
import { DEFAULT_MAX_TRACK_ITEMS } from './api/schemas';
import { createAccessTokens } from './page/access-token';
import { resolveBrand, type BrandOptions, type ResolvedBrand } from './page/brand';
import { pageCss } from './page/layout';
import { registerPageRoutes, renderNotFoundPage } from './page/routes';
import { applyPageSecurityHeaders } from './page/security-headers';
import { createTokenBucketLimiter, type ClientKeyOptions, type TokenBucketLimiter } from './rate-limit';
import type { ServedOrderViewLike } from './service';
import { ViewCache } from './view-cache';
import { registerDashboardRoutes, type DashboardMountOptions } from './dashboard/dashboard-routes';
import { createLookupRecorder, withHelpdeskLookups } from './dashboard/record-lookups';

export interface HelpdeskMountOptions {
  /** Only helpdesks with secrets get routes. */
  secrets: HelpdeskSecrets;
  /**
   * The public URL of the panels, e.g. `https://track.example.com/helpdesk` (`/helpdesk` is appended when
   * missing). Signatures over URLs (HubSpot, Gladly) and the iframe links use it. Default: the server's
   * `publicBaseUrl` + `/helpdesk`.
   */
  publicBaseUrl?: string;
  /** Signs the iframe sessions (Zendesk, Freshdesk). At least 32 characters of randomness. */
  sessionSecret: string;
  /** Further options of `createHelpdeskApp` (time budgets, body limits, session lifetime, …). */
  app?: Omit<HelpdeskAppOptions, 'service' | 'secrets' | 'publicBaseUrl' | 'sessionSecret'>;
}

export interface WismoServerOptions extends ClientKeyOptions {
  tracker: Tracker;
  /** Your orders (shop, OMS, ERP). Default with a `store`: the default shop's orders in the store. */
  orders?: OrderSource;
  /**
   * The store (@wismo/store): mounts `/v1/trackings` and `PUT /v1/orders/{id}`, and `GET /v1/orders/{id}/view`
   * reads orders from it, per shop. Without one those routes answer 501 `store_not_configured`.
   */
  store?: Store;
  /**
   * Notifications (@wismo/notify), with a `store`: mounts the settings, preview, webhook-endpoint and opt-out
   * routes, the unsubscribe page the dispatcher's links point at (`/notifications/unsubscribe/{token}`), and
   * Twilio's status callback (`POST /webhooks/twilio/status`) when `twilioAuthToken` is given.
   */
  notifications?: {
    /** The dispatcher's `links.unsubscribeSecret` (at least 16 characters). */
    unsubscribeSecret: string;
    twilioAuthToken?: string;
    /** Defaults for shops without stored settings (as given to the dispatcher). */
    settings?: NotificationSettingsInput;
  };
  /** Which shop each API key belongs to (a map key → shop id, or a function); other keys: the default shop. */
  shopOfApiKey?: ShopOfApiKey;
  /**
   * Push receivers, with a `store`: carriers' (`createUpsPushReceiver`, …) at `POST /webhooks/carriers/{source}`,
   * aggregator bridges at `POST /webhooks/aggregators/{source}`. Each delivery is verified on its raw body, stored,
   * de-duplicated and ingested; a bad signature is 401.
   */
  push?: {
    receivers: readonly PushReceiver[];
    /** Largest accepted push body. Default 1 MiB. */
    maxBodyBytes?: number;
    /** After a partial push (UPS Track Alert), the next poll is at most this far ahead. Default 10 minutes. */
    partialFollowUpMs?: number;
  };
  /** Carrier names, contacts and tracking links for views: the adapters or a directory. Default: the tracker's adapters. */
  carriers?: readonly CarrierAdapter[] | CarrierDirectory;
  /** Past deliveries, for predicted ETAs. */
  history?: DeliveryHistory;
  /** Keys accepted as `Authorization: Bearer <key>` on `/v1`, or a function that checks one. With a `store`, the keys it issued are accepted too (and may leave this empty). */
  apiKeys: ApiKeys;
  brand: BrandOptions;
  /** Mounts the helpdesk panels of @wismo/helpdesk under `/helpdesk`. */
  helpdesk?: HelpdeskMountOptions;
  /**
   * The operations dashboard, with a `store`: `/dashboard/at-risk` and `/dashboard/carriers` (behind an API key
   * or a login link from `POST /v1/dashboard/login-links`) and their JSON under `/v1/stats`.
   */
  dashboard?: DashboardMountOptions;
  /**
   * Token buckets. Tracking-page lookups per client (tracking number or order lookups): default 30 a minute.
   * `api`: requests on `/v1` per API key, default `DEFAULT_API_RATE_LIMIT` (600 a minute, bursts of 100);
   * past it, 429 `too_many_requests` with `Retry-After`. `false` turns one (or, at the top, all) off.
   */
  rateLimit?:
    | {
        lookupsPerMinute?: number;
        burst?: number;
        maxClients?: number;
        api?: { requestsPerMinute?: number; burst?: number; maxKeys?: number } | false;
      }
    | false;
  /** Where the app is mounted when requests arrive with a prefix (`/wismo`): routes and links include it. */
  basePath?: string;
  /**
   * The server's public origin, e.g. `https://track.example.com` (`basePath` is appended); used for problem
   * type URIs, the OpenAPI `servers` and the helpdesk panels. Default: none, and those URLs are relative —
   * never built from the request's Host header.
   */
  publicBaseUrl?: string;
  /** Signs the short-lived order-page access tokens. Set it when several instances serve one site; default: random per process. */
  pageSecret?: string;
  /** How long an unlocked order page stays viewable without a new lookup. Default 30 minutes. */
  orderAccessTtlMs?: number;
  /** Allow unlocking an order with its postcode (weaker than the email). Default true. */
  allowPostcodeLookup?: boolean;
  /** CSP `frame-ancestors` of the tracking page, e.g. `'self' https://shop.example.com`. Default `'self'`. */
  frameAncestors?: string;
  /** Use this order-view service instead of creating one (e.g. to share it with other code). */
  service?: OrderViewService;
  /** Time allowed for carriers before a view is answered from the last known data (passed to the service). */
  timeBudgetMs?: number;
  /** Short cache of built order views and their JSON. Default `{ ttlMs: 5000, max: 1000 }`; `false` turns it off. */
  viewCache?: { ttlMs?: number; max?: number } | false;
  /** Largest accepted request body in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Most numbers per `POST /v1/shipments/track`. Default 100. */
  maxTrackItems?: number;
  logger?: Logger;
  now?: () => Date;
}

export interface WismoServer {
  /** The hono app (an `OpenAPIHono`): mount it, or add your own routes. */
  app: OpenAPIHono;
  /** The web-standard fetch handler: `(request) => Response`. */
  fetch: (request: Request, env?: unknown, executionContext?: ExecutionContextLike) => Response | Promise<Response>;
  /** The order-view service shared by the API, the tracking page and the helpdesk panels. */
  service: OrderViewService;
  /** The brand as the page uses it, with any colour adjustments. */
  brand: ResolvedBrand;
  /** The OpenAPI 3.1 document (the same one `GET /openapi.json` serves). */
  openApiDocument(serverUrl?: string): ReturnType<OpenAPIHono['getOpenAPI31Document']>;
  /** Drops cached order views (e.g. after an order changed). */
  clearViewCache(): void;
}

interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

const API_DESCRIPTION = `Shipment tracking over UPS, FedEx, USPS and DHL in one normalised status model, carrier detection, and order views from your order source.

**Authentication:** \`Authorization: Bearer <API key>\` on every \`/v1\` endpoint.

**Errors** are RFC 9457 problem details (\`application/problem+json\`) with a stable \`code\`: validation 400 (\`invalid_request\`, every failing field in \`errors\`), 401, 404 (\`not_found\`, \`order_not_found\`, \`unsupported_carrier\`), 422 (\`invalid_number\`, \`detection_failed\`), 429 with \`Retry-After\` (\`rate_limited\` by the carrier), 502 (\`auth_failed\`: the server's carrier credentials were refused; \`bad_response\`), 503 (\`carrier_unavailable\`).`;

function normaliseBasePath(value: string | undefined): string {
  if (!value || value === '/') return '';
  const trimmed = `/${value.replace(/^\/+|\/+$/g, '')}`;
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed)) throw new ConfigurationError(`basePath must be a path like /wismo (got "${value}")`);
  return trimmed;
}

/**
 * The configured public URL without a trailing slash, or null. Absolute URLs the server writes come from
 * it and never from the request's Host header, which any client chooses.
 */
function normalisePublicBaseUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError('publicBaseUrl must be an absolute http(s) URL such as https://track.example.com');
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new ConfigurationError(
      'publicBaseUrl must be an absolute http(s) URL without query, fragment or credentials, such as https://track.example.com',
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Requests on `/v1` per API key and minute, unless `rateLimit.api` says otherwise. */
export const DEFAULT_API_RATE_LIMIT = { requestsPerMinute: 600, burst: 100 } as const;

function createApiKeyLimiter(
  settings: { requestsPerMinute?: number; burst?: number; maxKeys?: number } | undefined,
  now: () => Date,
): TokenBucketLimiter {
  const perMinute = settings?.requestsPerMinute ?? DEFAULT_API_RATE_LIMIT.requestsPerMinute;
  if (!(perMinute > 0) || !Number.isFinite(perMinute))
    throw new ConfigurationError('rateLimit.api.requestsPerMinute must be a positive number (or rateLimit.api: false)');
  return createTokenBucketLimiter({
    perMinute,
    burst: settings?.burst ?? Math.min(perMinute, DEFAULT_API_RATE_LIMIT.burst),
    maxClients: settings?.maxKeys ?? 10_000,
    now: () => now().getTime(),
  });
}

/** The key of an accepted `Authorization: Bearer <key>` header. */
function bearerKeyOf(c: Context): string {
  return /^Bearer[ ]+(\S+)/i.exec(requestHeader(c, 'authorization') ?? '')?.[1] ?? '';
}

function formatIssuePath(target: string, path: readonly PropertyKey[]): string {
  let text = target === 'param' ? 'path' : target === 'json' ? 'body' : target;
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`;
  return text;
}

function issuesOf(error: z.ZodError, target: string): ValidationIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({ path: formatIssuePath(target, issue.path), message: issue.message }));
}

/**
 * The wismo server as a hono app: the REST API under `/v1` with its OpenAPI 3.1 document at
 * `/openapi.json`, the branded tracking page (`/track`, `/orders/lookup`), and the helpdesk panels under
 * `/helpdesk`. `fetch` is a web-standard handler for Node (`startServer`), Express, Fastify, Next.js route
 * handlers or any fetch runtime.
 */
export function createWismoServer(options: WismoServerOptions): WismoServer {
  if (!options.tracker) throw new ConfigurationError('createWismoServer: `tracker` is required');
  const orders = options.orders ?? options.store?.shop().orders;
  if (!orders) throw new ConfigurationError('createWismoServer: `orders` (an OrderSource) or a `store` is required');
  if (
    !options.apiKeys ||
    (!options.store && Array.isArray(options.apiKeys) && options.apiKeys.filter((key) => key.length > 0).length === 0)
  ) {
    throw new ConfigurationError('createWismoServer: `apiKeys` needs at least one key (or a function that checks keys)');
  }
  // Whatever wismo logs or puts in an error message goes through core's redaction: register our secrets too.
  if (Array.isArray(options.apiKeys)) for (const key of options.apiKeys) registerSecret(key);
  registerSecret(options.pageSecret);
  registerSecret(options.helpdesk?.sessionSecret);
  const basePath = normaliseBasePath(options.basePath);
  const publicBaseUrl = normalisePublicBaseUrl(options.publicBaseUrl);
  // Without a configured public URL, links are relative (RFC 9457 allows a relative `type` reference).
  const absoluteBase = `${publicBaseUrl ?? ''}${basePath}`;
  const frameAncestors = options.frameAncestors ?? "'self'";
  const brand = resolveBrand(options.brand);
  for (const adjustment of brand.adjustments) logSafely(options.logger, 'warn', `wismo server: ${adjustment}`);
  const css = pageCss(brand);
  const now = options.now ?? (() => new Date());
  const carriers = options.carriers ?? [...options.tracker.carriers.values()];
  const service =
    options.service ??
    createOrderViewService({
      orders,
      tracker: options.tracker,
      carriers,
      ...(options.history ? { history: options.history } : {}),
      ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      now,
    });
  const cacheSettings = options.viewCache === false ? { ttlMs: 0 } : (options.viewCache ?? {});
  const apiViews = new ViewCache<ServedOrderViewLike>(cacheSettings);
  const pageViews = new ViewCache<ServedOrderViewLike>(cacheSettings);
  const limiter =
    options.rateLimit === false
      ? null
      : createTokenBucketLimiter({
          perMinute: options.rateLimit?.lookupsPerMinute ?? 30,
          burst: options.rateLimit?.burst,
          maxClients: options.rateLimit?.maxClients,
        });
  const apiSettings = options.rateLimit === false ? false : options.rateLimit?.api;
  const apiLimiter = apiSettings === false ? null : createApiKeyLimiter(apiSettings, now);
  const carrierList = [...options.tracker.carriers.values()].map((adapter) => ({ id: adapter.id, name: adapter.name }));

  const problemTypeBase = `${absoluteBase}/problems/`;
  const problemTypeOf = (_c: Context, code: ProblemCode) => `${problemTypeBase}${code}`;
  const isApiPath = (c: Context) => {
    const path = new URL(c.req.url).pathname.slice(basePath.length);
    return path.startsWith('/v1/') || path === '/v1' || path === '/openapi.json';
  };

  function problemResponse(c: Context, error: ProblemError): Response {
    const problem = buildProblem(error.code, error.init, { typeBase: problemTypeBase, instance: new URL(c.req.url).pathname });
    return new Response(JSON.stringify(problem), {
      status: problem.status,
      headers: {
        'Content-Type': 'application/problem+json',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...error.init.headers,
      },
    });
  }

  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw new ProblemError('invalid_request', { errors: issuesOf(result.error, result.target) });
      return undefined;
    },
  });

  const onError = async (error: Error, c: Context): Promise<Response> => {
    let problem = toProblemError(error);
    if (!problem && error instanceof HTTPException) {
      if (error.status === 400) problem = new ProblemError('invalid_request', { detail: error.message || PROBLEMS.invalid_request.detail });
      else if (error.status === 413) problem = new ProblemError('payload_too_large');
      else if (error.status === 415) problem = new ProblemError('unsupported_media_type');
      else return error.getResponse();
    }
    if (!problem || problem.code === 'internal_error' || problem.status >= 500) {
      logSafely(
        options.logger,
        problem ? 'warn' : 'error',
        `wismo server: ${c.req.method} ${new URL(c.req.url).pathname} failed: ${error.message}`,
        problem ? { code: problem.code } : undefined,
      );
    }
    problem ??= new ProblemError('internal_error');
    if (isApiPath(c)) return problemResponse(c, problem);
    applyPageSecurityHeaders(c, frameAncestors);
    return c.html(
      await html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${PROBLEMS[problem.code].title}</title></head><body><main><h1>${PROBLEMS[problem.code].title}</h1><p>${PROBLEMS[problem.code].detail}</p></main></body></html>`,
      problem.status as 500,
    );
  };
  app.onError(onError);

  // ------------------------------------------------------------ REST API
  const checkBearer = createBearerCheck(options.store ? withStoreApiKeys(options.apiKeys, options.store) : options.apiKeys);
  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes ?? 64 * 1024,
    onError: () => {
      throw new ProblemError('payload_too_large', {
        detail: `The request body is larger than ${options.maxBodyBytes ?? 64 * 1024} bytes.`,
      });
    },
  });
  // One middleware for the whole API (each one more costs on every request). Handlers set their own
  // headers as plain objects (`API_HEADERS`): prepared `Headers`, or touching `c.res` afterwards, would turn
  // @hono/node-server's lightweight response into a full one. Only requests that may carry a body go
  // through the body limit: asking a GET for its body makes @hono/node-server build a full web Request.
  app.use('/v1/*', async (c, next) => {
    const checking = checkBearer(c);
    if (checking) await checking;
    // Per key, after the key was accepted: unknown keys cannot fill the limiter's memory.
    if (apiLimiter) {
      const taken = apiLimiter.take(bearerKeyOf(c));
      if (!taken.allowed) {
        const seconds = taken.retryAfterSeconds;
        throw new ProblemError('too_many_requests', {
          detail: `This API key made too many requests; retry after ${seconds} s.`,
          retryAfterSeconds: seconds,
          headers: { 'Retry-After': String(seconds) },
        });
      }
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return limitBody(c, next);
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key configured on the server.',
  });
  registerApiRoutes(
    app,
    {
      tracker: options.tracker,
      service,
      apiViews,
      maxTrackItems: options.maxTrackItems ?? DEFAULT_MAX_TRACK_ITEMS,
      orderViews: !options.store,
    },
    problemTypeOf,
  );
  registerTriageRoutes(app, { orders, service, shopName: brand.name, ...(options.logger ? { logger: options.logger } : {}) });
  const storeRoutes = options.store
    ? registerStoreRoutes(app, {
        store: options.store,
        apiKeys: options.apiKeys,
        ...(options.shopOfApiKey ? { shopOfApiKey: options.shopOfApiKey } : {}),
        tracker: options.tracker,
        carriers,
        viewCache: cacheSettings,
        ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
        now,
        onOrderChanged: () => pageViews.clear(),
      })
    : (registerStoreNotConfigured(app), null);
  if (options.notifications) {
    if (!options.store || !storeRoutes) throw new ConfigurationError('notifications need a `store` (their settings and queue live in it)');
    registerNotifyRoutes(app, {
      admin: createNotificationAdmin(options.store, {
        clock: now,
        ...(options.notifications.settings ? { settings: options.notifications.settings } : {}),
      }),
      shopOf: storeRoutes.shopOf,
      orderView: storeRoutes.orderView,
      unsubscribeSecret: options.notifications.unsubscribeSecret,
      ...(options.notifications.twilioAuthToken ? { twilioAuthToken: options.notifications.twilioAuthToken } : {}),
      publicBase: absoluteBase,
    });
  }

  if (options.push && options.push.receivers.length > 0) {
    if (!options.store) throw new ConfigurationError('push receivers need a `store` (pushes are stored and ingested there)');
    for (const [kind, pathPrefix, tag] of [
      ['carrier', '/webhooks/carriers', 'Carrier push'],
      ['aggregator', '/webhooks/aggregators', 'Aggregator push'],
    ] as const) {
      registerPushRoutes(app, {
        pathPrefix,
        tag,
        receivers: options.push.receivers.filter((receiver) => receiver.kind === kind),
        store: options.store,
        maxBodyBytes: options.push.maxBodyBytes ?? 1024 * 1024,
        problemTypeBase,
        ...(options.push.partialFollowUpMs !== undefined ? { partialFollowUpMs: options.push.partialFollowUpMs } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
        now,
      });
    }
  }

  const documentConfig = (serverUrl: string) => ({
    openapi: '3.1.0',
    info: { title: 'wismo API', version: '1.0.0', description: API_DESCRIPTION, license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: serverUrl }],
    tags: [
      { name: 'Shipments', description: 'Tracking through the configured carrier adapters.' },
      { name: 'Detection', description: 'Which carrier a number belongs to.' },
      { name: 'Orders', description: 'Order views from your order source.' },
      { name: 'Triage', description: 'Helpdesk tickets: intent, skill, priority and the suggested reply.' },
      ...(options.store
        ? [{ name: 'Trackings', description: 'Tracking numbers the store watches: checked on a schedule, every change recorded.' }]
        : []),
      ...(options.notifications
        ? [
            { name: 'Notifications', description: 'Milestone messages to customers: settings, previews, opt-outs.' },
            { name: 'Webhooks', description: 'Signed webhooks (Standard Webhooks) to your own systems.' },
          ]
        : []),
      ...(options.push?.receivers.some((receiver) => receiver.kind === 'carrier')
        ? [{ name: 'Carrier push', description: 'Deliveries from carriers’ push APIs (UPS Track Alert, FedEx, USPS, DHL).' }]
        : []),
      ...(options.push?.receivers.some((receiver) => receiver.kind === 'aggregator')
        ? [{ name: 'Aggregator push', description: 'Webhooks from hosted tracking aggregators, bridged into the store.' }]
        : []),
      ...(options.dashboard && options.store
        ? [{ name: 'Stats', description: 'The operations dashboard’s figures: parcels at risk and carrier performance.' }]
        : []),
    ],
  });
  app.doc31('/openapi.json', () => documentConfig(absoluteBase || '/'));

  app.get('/problems/:code', async (c) => {
    const code = c.req.param('code');
    if (!Object.hasOwn(PROBLEMS, code)) return c.notFound();
    const definition = PROBLEMS[code as ProblemCode];
    applyPageSecurityHeaders(c, frameAncestors);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.html(
      await html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${code}</title></head><body><main><h1>${definition.title}</h1><p>HTTP ${definition.status}, <code>code: "${code}"</code></p><p>${definition.detail}</p></main></body></html>`,
    );
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  // Tracking-page views and helpdesk look-ups of the store's orders, for the dashboard.
  const recordLookup = options.store && !options.orders ? createLookupRecorder(options.store, options.logger, now) : null;

  // ------------------------------------------------------------ helpdesk panels
  if (options.helpdesk) {
    const configuredUrl = options.helpdesk.publicBaseUrl ?? (publicBaseUrl ? absoluteBase : undefined);
    if (!configuredUrl) throw new ConfigurationError('helpdesk.publicBaseUrl (or publicBaseUrl) is required to mount the helpdesk panels');
    const trimmed = configuredUrl.replace(/\/+$/, '');
    const publicUrl = trimmed.endsWith('/helpdesk') ? trimmed : `${trimmed}/helpdesk`;
    const helpdeskApp = createHelpdeskApp({
      shopName: brand.name,
      ...(options.logger ? { logger: options.logger } : {}),
      ...options.helpdesk.app,
      service: recordLookup ? withHelpdeskLookups(service, recordLookup) : service,
      secrets: options.helpdesk.secrets,
      publicBaseUrl: publicUrl,
      sessionSecret: options.helpdesk.sessionSecret,
      now,
    });
    app.route('/helpdesk', helpdeskApp as unknown as Hono);
  }

  // ------------------------------------------------------------ tracking page
  const pageDependencies = {
    basePath,
    brand,
    css,
    tracker: options.tracker,
    orders,
    service,
    carriers,
    carrierList,
    history: options.history,
    limiter,
    clientKey: { trustProxy: options.trustProxy, clientKey: options.clientKey },
    pageViews,
    accessTokens: createAccessTokens({ secret: options.pageSecret, ttlMs: options.orderAccessTtlMs }),
    allowPostcodeLookup: options.allowPostcodeLookup ?? true,
    frameAncestors,
    logger: options.logger,
    now,
    ...(recordLookup ? { onOrderViewed: (orderId: string) => recordLookup('tracking_page', orderId) } : {}),
  };
  registerPageRoutes(app as unknown as Hono, pageDependencies);

  // ------------------------------------------------------------ operations dashboard
  if (options.dashboard) {
    if (!options.store || !storeRoutes) throw new ConfigurationError('dashboard needs a `store` (its figures come from it)');
    registerSecret(options.dashboard.loginSecret);
    registerDashboardRoutes(app, {
      ...options.dashboard,
      store: options.store,
      shopOf: storeRoutes.shopOf,
      checkApiKey: checkBearer,
      basePath,
      publicBase: absoluteBase,
      brand,
      css,
      carriers: carrierList,
      carrierCapabilities: [...options.tracker.carriers.values()],
      now,
      // Only when the tracking page reads the store's default shop (not a separate `orders` source).
      ...(options.orders
        ? {}
        : {
            orderPageHref: (orderId: string, language: string) =>
              `${basePath}/${language}/orders/view?access=${encodeURIComponent(pageDependencies.accessTokens.issue(orderId))}`,
          }),
    });
  }

  const notFound = (c: Context) =>
    isApiPath(c) ? problemResponse(c, new ProblemError('route_not_found')) : renderNotFoundPage(c, pageDependencies);
  app.notFound(notFound);

  let root: OpenAPIHono = app;
  if (basePath) {
    root = new OpenAPIHono();
    root.route(basePath, app);
    root.notFound(notFound);
    root.onError(onError);
  }

  return {
    app: root,
    fetch: (request, env, executionContext) => root.fetch(request, env as object | undefined, executionContext as never),
    service,
    brand,
    openApiDocument: (serverUrl = absoluteBase || '/') => app.getOpenAPI31Document(documentConfig(serverUrl)),
    clearViewCache: () => {
      apiViews.clear();
      pageViews.clear();
      storeRoutes?.clearViews();
    },
  };
}
