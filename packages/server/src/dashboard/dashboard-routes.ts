import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ACTORS, SHIPMENT_STATUSES, SUBSTATUS_CODES, type CarrierCapabilities } from '@wismo/core';
import type { Language } from '@wismo/order-view';
import {
  AT_RISK_KINDS,
  atRisk,
  atRiskCounts,
  carrierPerformance,
  dashboardHealth,
  dashboardReport,
  DEFAULT_EXPIRING_WITHIN_MS,
  DEFAULT_SHOP_ID,
  onTimeTrend,
  parseWindow,
  percentileOfCounts,
  REQUEST_ERROR_KINDS,
  StoreError,
  updateEffects,
  type AtRiskParcel,
  type AtRiskQuery,
  type LanePerformance,
  type RequestErrorKind,
  type Store,
} from '@wismo/store';
import { requestHeader } from '../api/auth';
import { ProblemError } from '../api/problem';
import { problemResponses } from '../api/routes';
import type { ResolvedBrand } from '../page/brand';
import type { Html } from '../page/layout';
import { negotiatePageLocale } from '../page/locale';
import { applyPageSecurityHeaders } from '../page/security-headers';
import { createDashboardLogin, type DashboardLogin } from './dashboard-login';
import {
  renderAtRiskPage,
  renderCarriersPage,
  renderDashboardError,
  renderHealthPage,
  renderMessage,
  renderUpdatesPage,
  renderSignIn,
  word,
  type DashboardRenderContext,
} from './dashboard-pages';

export interface DashboardMountOptions {
  /** Signs the dashboard's login links (`POST /v1/dashboard/login-links`). At least 32 characters. */
  loginSecret: string;
  /** How long a login link and its session cookie last. Default 12 hours. */
  loginTtlMs?: number;
}

export interface DashboardDependencies extends DashboardMountOptions {
  store: Store;
  /** The shop of the request's API key. */
  shopOf(c: Context): Promise<string>;
  /** Throws a 401 problem unless `Authorization: Bearer <key>` names a valid key. */
  checkApiKey(c: Context): void | Promise<void>;
  basePath: string;
  /** The server's public URL with its base path ('' when unknown: links are then relative). */
  publicBase: string;
  brand: ResolvedBrand;
  css: string;
  carriers: ReadonlyArray<{ id: string; name: string }>;
  /** The carriers' documented limits and quotas, for the health page (the tracker's adapters). */
  carrierCapabilities?: ReadonlyArray<{ id: string; capabilities: CarrierCapabilities }>;
  now: () => Date;
  /** The tracking page's order view of an order of the default shop (with a fresh access token). */
  orderPageHref?: (orderId: string, language: Language) => string;
}

const COOKIE = 'wismo_dashboard';
/** The periods the updates page offers. */
const UPDATE_WINDOWS = ['7d', '30d', '90d'];
const PAGE_SIZE = 50;
const EXPORT_PAGE = 500;
const SECURITY = [{ bearerAuth: [] }];

// ------------------------------------------------------------ JSON schemas (/v1/stats)
const AtRiskQuerySchema = z.object({
  kind: z.enum(AT_RISK_KINDS).optional().openapi({ description: 'One reason only; default any.' }),
  carrier: z.string().trim().min(1).max(40).optional(),
  service: z.string().trim().min(1).max(100).optional().openapi({ description: "The carrier's service code, exactly." }),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional()
    .openapi({ description: 'Destination country, ISO 3166-1 alpha-2.', example: 'DE' }),
  minAgeHours: z.coerce.number().min(0).max(1_000_000).optional().openapi({ description: 'Watched at least this many hours ago.' }),
  actor: z.enum(ACTORS).optional().openapi({ description: 'Who must act next.' }),
  cursor: z.string().max(200).optional().openapi({ description: "The previous page's `nextCursor`." }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: '1..500, default 50.' }),
});

const AtRiskParcelSchema = z
  .object({
    trackingId: z.string(),
    carrier: z.string().nullable(),
    trackingNumber: z.string(),
    orderId: z.string().nullable(),
    status: z.enum(SHIPMENT_STATUSES),
    substatus: z.enum(SUBSTATUS_CODES),
    actor: z.enum(ACTORS),
    kinds: z.array(z.enum(AT_RISK_KINDS)),
    service: z.string().nullable(),
    destinationCountry: z.string().nullable(),
    watchedAt: z.string(),
    lastCheckedAt: z.string().nullable(),
    ageHours: z.number().int(),
    pickupDeadline: z.string().nullable().openapi({ description: 'Waiting at a pickup point: the last day to collect it (UTC day).' }),
  })
  .openapi('AtRiskParcel');

const AtRiskPageSchema = z.object({ items: z.array(AtRiskParcelSchema), nextCursor: z.string().nullable() }).openapi('AtRiskPage');

const CarriersQuerySchema = z.object({
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .openapi({ description: 'Only deliveries made on or after this day.', example: '2026-11-01' }),
});

const LanePerformanceSchema = z
  .object({
    carrier: z.string(),
    service: z.string().nullable(),
    originCountry: z.string(),
    destinationCountry: z.string(),
    sampleSize: z.number().int(),
    promisedCount: z.number().int(),
    onTimeCount: z.number().int(),
    onTimeRate: z.number().nullable().openapi({ description: 'On time against the promise (0..1); null without promises.' }),
    firstEtaCount: z.number().int().openapi({ description: 'Deliveries whose carrier had given an ETA.' }),
    onTimeFirstEtaCount: z.number().int(),
    onTimeFirstEtaRate: z
      .number()
      .nullable()
      .openapi({ description: "On time against the carrier's first ETA (0..1); null when no delivery had one." }),
    transitDaysP50: z.number().int(),
    transitDaysP90: z.number().int(),
    transitDayCounts: z.array(z.number().int()).openapi({ description: 'Deliveries per transit time (index = days).' }),
    firstAttemptRate: z.number(),
    exceptionRate: z.number(),
  })
  .openapi('LanePerformance');

const LoginLinkSchema = z
  .object({ url: z.string(), expiresAt: z.string() })
  .openapi('DashboardLoginLink', { description: 'Open `url` in a browser: it signs in to the dashboard until `expiresAt`.' });

export const atRiskStatsRoute = createRoute({
  method: 'get',
  path: '/v1/stats/at-risk',
  operationId: 'listAtRiskParcels',
  tags: ['Stats'],
  summary: 'Parcels at risk now',
  description:
    'Watched parcels that are stalled, late, never scanned, in exception, waiting at a pickup point or returning, filtered, in pages (keyset, by tracking id).',
  security: SECURITY,
  request: { query: AtRiskQuerySchema },
  responses: {
    200: { description: 'A page of parcels', content: { 'application/json': { schema: AtRiskPageSchema } } },
    ...problemResponses(['invalid_request', 'unauthorized']),
  },
});

export const carrierStatsRoute = createRoute({
  method: 'get',
  path: '/v1/stats/carriers',
  operationId: 'carrierPerformance',
  tags: ['Stats'],
  summary: 'Carrier performance per service and lane',
  description:
    'From finished deliveries: sample size, on-time rate against the promise, transit-time p50/p90, first-attempt and exception rates.',
  security: SECURITY,
  request: { query: CarriersQuerySchema },
  responses: {
    200: {
      description: 'Lanes',
      content: { 'application/json': { schema: z.object({ lanes: z.array(LanePerformanceSchema) }).openapi('CarrierPerformance') } },
    },
    ...problemResponses(['invalid_request', 'unauthorized']),
  },
});

export const dashboardLoginLinkRoute = createRoute({
  method: 'post',
  path: '/v1/dashboard/login-links',
  operationId: 'createDashboardLoginLink',
  tags: ['Stats'],
  summary: 'A login link to the dashboard',
  description: "A signed link to the dashboard of the API key's shop, valid for the configured time. Share it only with the shop's staff.",
  security: SECURITY,
  responses: {
    201: { description: 'The link', content: { 'application/json': { schema: LoginLinkSchema } } },
    ...problemResponses(['unauthorized']),
  },
});

const WindowQuerySchema = z.object({
  since: z
    .string()
    .regex(/^\d{1,4}[hdw]$/)
    .optional()
    .openapi({ description: 'The window back from now: a number and h, d or w. Default 30d.', example: '30d' }),
});

const CountSchema = z.number().int();
const NotificationFiguresSchema = z
  .object({
    milestone: z.string(),
    channel: z.string(),
    total: CountSchema,
    pending: CountSchema,
    sent: CountSchema,
    failed: CountSchema,
    dropped: CountSchema,
    confirmedDelivered: CountSchema,
  })
  .openapi('NotificationFigures');

const UpdateEffectsSchema = z
  .object({
    since: z.string(),
    until: z.string(),
    notifications: z.array(NotificationFiguresSchema),
    totals: z.object({
      total: CountSchema,
      pending: CountSchema,
      sent: CountSchema,
      failed: CountSchema,
      dropped: CountSchema,
      confirmedDelivered: CountSchema,
      deliveryRate: z.number().nullable(),
      failureRate: z.number().nullable(),
    }),
    optOuts: z.array(z.object({ channel: z.string(), source: z.string(), count: CountSchema })),
    skips: z.array(z.object({ reason: z.string(), count: CountSchema })),
    lookups: z.object({
      trackingPageViews: CountSchema,
      helpdeskPanelLookups: CountSchema,
      ordersPlaced: CountSchema,
      trackingPageViewsPerOrder: z.number().nullable(),
      helpdeskPanelLookupsPerOrder: z.number().nullable(),
    }),
    proactive: z.object({
      orders: CountSchema,
      updatedBeforeContact: CountSchema,
      contactedFirst: CountSchema,
      contactedWithoutUpdate: CountSchema,
      share: z.number().nullable().openapi({ description: 'Orders updated before any helpdesk contact ÷ orders updated or in contact.' }),
    }),
  })
  .openapi('UpdateEffects');

const CarrierAccountRequestsSchema = z
  .object({
    carrier: z.string(),
    account: z.string(),
    thisHour: CountSchema.openapi({ description: 'HTTP requests sent since the start of the current UTC hour.' }),
    previousHour: CountSchema,
    today: CountSchema.openapi({ description: 'Since 00:00 UTC.' }),
    peakPerMinuteToday: CountSchema.openapi({ description: 'The busiest minute since 00:00 UTC.' }),
    errorsToday: z.record(z.enum(REQUEST_ERROR_KINDS as [RequestErrorKind, ...RequestErrorKind[]]), CountSchema).openapi({
      description: 'Failed requests since 00:00 UTC by kind; every kind is present.',
    }),
  })
  .openapi('CarrierAccountRequests', {
    description: 'The HTTP requests the adapters sent to one carrier account (token requests and retries included).',
  });

const DashboardHealthSchema = z
  .object({
    now: z.string(),
    carriers: z.array(
      z.object({
        carrier: z.string().nullable(),
        watched: CountSchema,
        watchedByPush: CountSchema,
        checkedLastHour: CountSchema,
        due: CountSchema,
        oldestDueAt: z.string().nullable(),
        notFound: CountSchema,
        failing: CountSchema,
      }),
    ),
    scheduler: z.object({ due: CountSchema, oldestDueAt: z.string().nullable(), lagSeconds: CountSchema }),
    failedNotifications: CountSchema,
    failedWebhookDeliveries: CountSchema,
    carrierRequests: z.array(CarrierAccountRequestsSchema),
  })
  .openapi('DashboardHealth');

const DashboardReportSchema = z
  .object({
    shopId: z.string(),
    since: z.string(),
    until: z.string(),
    atRisk: z.record(z.enum(AT_RISK_KINDS), CountSchema),
    carriers: z.array(LanePerformanceSchema),
    updates: UpdateEffectsSchema,
    health: DashboardHealthSchema,
  })
  .openapi('DashboardReport');

export const updatesStatsRoute = createRoute({
  method: 'get',
  path: '/v1/stats/updates',
  operationId: 'updateEffects',
  tags: ['Stats'],
  summary: 'What the proactive updates did',
  description:
    'Messages by milestone and channel with delivery and failure rates, opt-outs, tracking-page views and helpdesk panel look-ups per order, and the share of orders updated before any contact.',
  security: SECURITY,
  request: { query: WindowQuerySchema },
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: UpdateEffectsSchema } } },
    ...problemResponses(['invalid_request', 'unauthorized']),
  },
});

export const healthStatsRoute = createRoute({
  method: 'get',
  path: '/v1/stats/health',
  operationId: 'dashboardHealth',
  tags: ['Stats'],
  summary: 'Health of the watching',
  description:
    "Per carrier: watched parcels, push watching, checks in the last hour, failing parcels; the scheduler's backlog; the HTTP requests sent to each carrier account this hour, the previous hour and today (UTC), with the busiest minute and the errors by kind.",
  security: SECURITY,
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: DashboardHealthSchema } } },
    ...problemResponses(['unauthorized']),
  },
});

export const reportStatsRoute = createRoute({
  method: 'get',
  path: '/v1/stats/report',
  operationId: 'dashboardReport',
  tags: ['Stats'],
  summary: 'Every dashboard figure for a window',
  description: 'At-risk counts, carrier performance, what the updates did and health: what `wismo report` writes.',
  security: SECURITY,
  request: { query: WindowQuerySchema },
  responses: {
    200: { description: 'The report', content: { 'application/json': { schema: DashboardReportSchema } } },
    ...problemResponses(['invalid_request', 'unauthorized']),
  },
});

// ------------------------------------------------------------ helpers
function invalidRequest(error: unknown): never {
  if (error instanceof StoreError && error.code === 'invalid_input') {
    throw new ProblemError('invalid_request', {
      errors: error.issues.length
        ? error.issues.map((issue) => ({ path: `query.${issue.path}`, message: issue.message }))
        : [{ path: 'query', message: error.message }],
    });
  }
  throw error;
}

/** One CSV field (RFC 4180); text a spreadsheet would run as a formula is prefixed with `'`. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (fields: ReadonlyArray<string | number | null>) => `${fields.map(csvField).join(',')}\r\n`;

const AT_RISK_CSV_HEADER = [
  'tracking_id',
  'carrier',
  'tracking_number',
  'order_id',
  'status',
  'substatus',
  'actor',
  'reasons',
  'service',
  'destination_country',
  'watched_at',
  'last_checked_at',
  'age_hours',
  'pickup_deadline',
];

function atRiskCsvLine(item: AtRiskParcel): string {
  return csvLine([
    item.trackingId,
    item.carrier,
    item.trackingNumber,
    item.orderId,
    item.status,
    item.substatus,
    item.actor,
    item.kinds.join(';'),
    item.service,
    item.destinationCountry,
    item.watchedAt,
    item.lastCheckedAt,
    item.ageHours,
    item.pickupDeadline,
  ]);
}

function lanesCsv(lanes: readonly LanePerformance[]): string {
  return (
    csvLine([
      'carrier',
      'service',
      'origin_country',
      'destination_country',
      'sample_size',
      'promised_count',
      'on_time_count',
      'on_time_rate',
      'first_eta_count',
      'on_time_first_eta_count',
      'on_time_first_eta_rate',
      'transit_days_p50',
      'transit_days_p90',
      'first_attempt_rate',
      'exception_rate',
    ]) +
    lanes
      .map((lane) =>
        csvLine([
          lane.carrier,
          lane.service,
          lane.originCountry,
          lane.destinationCountry,
          lane.sampleSize,
          lane.promisedCount,
          lane.onTimeCount,
          lane.onTimeRate,
          lane.firstEtaCount,
          lane.onTimeFirstEtaCount,
          lane.onTimeFirstEtaRate,
          lane.transitDaysP50,
          lane.transitDaysP90,
          lane.firstAttemptRate,
          lane.exceptionRate,
        ]),
      )
      .join('')
  );
}

const CSV_HEADERS = (name: string) => ({
  'Content-Type': 'text/csv; charset=utf-8',
  'Content-Disposition': `attachment; filename="${name}"`,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
});

/** The query's non-empty values, as the at-risk and carrier pages accept them. */
function pageParams(c: Context, names: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of names) {
    const value = c.req.query(name)?.trim();
    if (value) params[name] = value.slice(0, 200);
  }
  return params;
}

function atRiskQueryOf(params: Readonly<Record<string, string>>): AtRiskQuery {
  return {
    ...(params.kind ? { kind: params.kind as AtRiskQuery['kind'] } : {}),
    ...(params.carrier ? { carrier: params.carrier } : {}),
    ...(params.service ? { service: params.service } : {}),
    ...(params.country ? { country: params.country } : {}),
    ...(params.minAgeHours ? { minAgeHours: Number(params.minAgeHours) } : {}),
    ...(params.actor ? { actor: params.actor as AtRiskQuery['actor'] } : {}),
    ...(params.cursor ? { cursor: params.cursor } : {}),
  };
}

/**
 * The operations dashboard: `/dashboard/at-risk` and `/dashboard/carriers` (server-rendered, five languages,
 * CSV with `?format=csv`) behind an API key or a signed login link, and their JSON twins under `/v1/stats`.
 */
export function registerDashboardRoutes(app: OpenAPIHono, deps: DashboardDependencies): DashboardLogin {
  const login = createDashboardLogin({
    loginSecret: deps.loginSecret,
    now: deps.now,
    ...(deps.loginTtlMs ? { ttlMs: deps.loginTtlMs } : {}),
  });
  const cookiePath = `${deps.basePath}/dashboard`;

  // ---------------------------------------------------------- JSON twins (the /v1 middleware checked the key)
  app.openapi(atRiskStatsRoute, async (c) => {
    const query = c.req.valid('query');
    const shopId = await deps.shopOf(c);
    const page = await atRisk(deps.store, shopId, { ...query, now: deps.now() }).catch(invalidRequest);
    return c.json(page, 200, { 'Cache-Control': 'no-store' });
  });
  app.openapi(carrierStatsRoute, async (c) => {
    const query = c.req.valid('query');
    const shopId = await deps.shopOf(c);
    const lanes = await carrierPerformance(deps.store, shopId, query).catch(invalidRequest);
    return c.json({ lanes }, 200, { 'Cache-Control': 'no-store' });
  });
  const windowStart = (since: string | undefined) => {
    try {
      return new Date(deps.now().getTime() - parseWindow(since ?? '30d'));
    } catch (error) {
      return invalidRequest(error);
    }
  };
  app.openapi(updatesStatsRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const figures = await updateEffects(deps.store, shopId, { since: windowStart(c.req.valid('query').since), now: deps.now() });
    return c.json(figures, 200, { 'Cache-Control': 'no-store' });
  });
  app.openapi(healthStatsRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    return c.json(await dashboardHealth(deps.store, shopId, { now: deps.now() }), 200, { 'Cache-Control': 'no-store' });
  });
  app.openapi(reportStatsRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const report = await dashboardReport(deps.store, shopId, { since: windowStart(c.req.valid('query').since), now: deps.now() });
    return c.json(report, 200, { 'Cache-Control': 'no-store' });
  });
  app.openapi(dashboardLoginLinkRoute, async (c) => {
    const shopId = await deps.shopOf(c);
    const { token, expiresAt } = login.issue(shopId);
    return c.json(
      { url: `${deps.publicBase}/dashboard/at-risk?token=${encodeURIComponent(token)}`, expiresAt: expiresAt.toISOString() },
      201,
      { 'Cache-Control': 'no-store' },
    );
  });

  // ---------------------------------------------------------- pages
  function contextOf(c: Context, path: string, params: Record<string, string>): DashboardRenderContext {
    const { language, locale } = negotiatePageLocale({
      queryLanguage: c.req.query('lang'),
      acceptLanguage: c.req.header('accept-language'),
      defaultLanguage: deps.brand.defaultLanguage,
    });
    return { brand: deps.brand, css: deps.css, language, locale, basePath: deps.basePath, carriers: deps.carriers, path, params };
  }

  async function respond(c: Context, page: Html, status: 200 | 400 | 401 | 404 = 200): Promise<Response> {
    // The dashboard is never framed (its links carry nothing secret, but its data is the shop's).
    applyPageSecurityHeaders(c, "'none'");
    c.header('Cache-Control', 'no-store');
    return c.html(await page, status);
  }

  /** The shop of the API key, of the session cookie, or null (a 401 page). An invalid API key is a 401 problem. */
  async function shopOfRequest(c: Context): Promise<string | null> {
    if (requestHeader(c, 'authorization')) {
      await deps.checkApiKey(c);
      return deps.shopOf(c);
    }
    const cookie = getCookie(c, COOKIE);
    return cookie ? (login.verify(cookie)?.shopId ?? null) : null;
  }

  /**
   * Runs a page for a signed-in shop. A `?token=` login link is checked, set as an HttpOnly cookie and
   * removed from the address with a redirect, so it stays out of history and logs of later requests.
   */
  function page(path: string, handler: (c: Context, shopId: string, context: DashboardRenderContext) => Promise<Response>) {
    return async (c: Context): Promise<Response> => {
      const context = contextOf(c, path, {});
      const token = c.req.query('token');
      if (token !== undefined) {
        const session = login.verify(token);
        if (!session) return respond(c, renderSignIn(context), 401);
        setCookie(c, COOKIE, token, {
          path: cookiePath,
          httpOnly: true,
          sameSite: 'Strict',
          secure: new URL(c.req.url).protocol === 'https:',
          // Relative (Max-Age), so that a browser whose clock differs from the server's keeps it as long.
          maxAge: Math.max(1, Math.floor((session.expiresAt.getTime() - deps.now().getTime()) / 1000)),
        });
        const target = new URL(c.req.url);
        target.searchParams.delete('token');
        c.header('Cache-Control', 'no-store');
        return c.redirect(`${target.pathname}${target.search}`, 303);
      }
      const shopId = await shopOfRequest(c);
      if (!shopId) {
        c.header('WWW-Authenticate', 'Bearer realm="wismo"');
        return respond(c, renderSignIn(context), 401);
      }
      return handler(c, shopId, context);
    };
  }

  app.get('/dashboard', (c) => c.redirect(`${cookiePath}/at-risk${new URL(c.req.url).search}`, 302));

  app.get(
    '/dashboard/at-risk',
    page('at-risk', async (c, shopId, base) => {
      const params = pageParams(c, ['kind', 'carrier', 'service', 'country', 'minAgeHours', 'actor', 'cursor']);
      const context = { ...base, params };
      const query = atRiskQueryOf(params);
      const now = deps.now();
      if (c.req.query('format') === 'csv') {
        // The whole list, all pages: the first is read before answering, so bad filters are still a 400.
        let next: string | null;
        let first: string;
        try {
          const page = await atRisk(deps.store, shopId, { ...query, cursor: undefined, limit: EXPORT_PAGE, now });
          first = AT_RISK_CSV_HEADER.join(',') + '\r\n' + page.items.map(atRiskCsvLine).join('');
          next = page.nextCursor;
        } catch (error) {
          if (error instanceof StoreError) return respond(c, renderDashboardError(context, [error.message]), 400);
          throw error;
        }
        const encoder = new TextEncoder();
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(encoder.encode(first));
            if (!next) controller.close();
          },
          async pull(controller) {
            if (!next) return;
            const page = await atRisk(deps.store, shopId, { ...query, cursor: next, limit: EXPORT_PAGE, now });
            controller.enqueue(encoder.encode(page.items.map(atRiskCsvLine).join('')));
            next = page.nextCursor;
            if (!next) controller.close();
          },
        });
        return new Response(stream, { status: 200, headers: CSV_HEADERS('wismo-at-risk.csv') });
      }
      try {
        const [result, counts] = await Promise.all([
          atRisk(deps.store, shopId, { ...query, limit: PAGE_SIZE, now }),
          atRiskCounts(deps.store, shopId, { now }),
        ]);
        return respond(c, renderAtRiskPage(context, result, counts));
      } catch (error) {
        if (error instanceof StoreError) return respond(c, renderDashboardError(context, [error.message]), 400);
        throw error;
      }
    }),
  );

  app.get(
    '/dashboard/carriers',
    page('carriers', async (c, shopId, base) => {
      const params = pageParams(c, ['since', 'carrier']);
      const context = { ...base, params };
      let lanes: LanePerformance[];
      try {
        lanes = await carrierPerformance(deps.store, shopId, params.since ? { since: params.since } : {});
      } catch (error) {
        if (error instanceof StoreError) return respond(c, renderDashboardError(context, [error.message]), 400);
        throw error;
      }
      if (params.carrier) lanes = lanes.filter((lane) => lane.carrier === params.carrier);
      if (c.req.query('format') === 'csv')
        return new Response(lanesCsv(lanes), { status: 200, headers: CSV_HEADERS('wismo-carriers.csv') });
      const counts: number[] = [];
      for (const lane of lanes)
        lane.transitDayCounts.forEach((count, days) => {
          while (counts.length <= days) counts.push(0);
          counts[days]! += count;
        });
      const trend = await onTimeTrend(deps.store, shopId, { now: deps.now() });
      if (params.carrier) trend.carriers = trend.carriers.filter((series) => series.carrier === params.carrier);
      return respond(
        c,
        renderCarriersPage(context, lanes, { counts, p50: percentileOfCounts(counts, 0.5), p90: percentileOfCounts(counts, 0.9) }, trend),
      );
    }),
  );

  app.get(
    '/dashboard/updates',
    page('updates', async (c, shopId, base) => {
      const params = pageParams(c, ['since']);
      const context = { ...base, params };
      const window = UPDATE_WINDOWS.includes(params.since ?? '') ? params.since! : '30d';
      const figures = await updateEffects(deps.store, shopId, {
        since: new Date(deps.now().getTime() - parseWindow(window)),
        now: deps.now(),
      });
      return respond(c, renderUpdatesPage({ ...context, params: { since: window } }, figures, UPDATE_WINDOWS));
    }),
  );

  app.get(
    '/dashboard/health',
    page('health', async (c, shopId, context) => {
      const [health, subscriptions] = await Promise.all([
        dashboardHealth(deps.store, shopId, { now: deps.now() }),
        deps.store.pushSubscriptions.summary({ shopId, now: deps.now(), expiringWithinMs: DEFAULT_EXPIRING_WITHIN_MS }),
      ]);
      const expiringWithinDays = Math.round(DEFAULT_EXPIRING_WITHIN_MS / 86_400_000);
      return respond(
        c,
        renderHealthPage(context, health, deps.carrierCapabilities ?? [], health.carrierRequests, {
          expiringWithinDays,
          carriers: subscriptions,
        }),
      );
    }),
  );

  // The order view of a row: the tracking page's order page (the default shop's orders), unlocked for staff.
  app.get(
    '/dashboard/orders/:id',
    page('at-risk', async (c, shopId, context) => {
      const orderId = c.req.param('id') ?? '';
      const order = orderId ? await deps.store.shop(shopId).orders.getOrderById(orderId) : null;
      if (!order || shopId !== DEFAULT_SHOP_ID || !deps.orderPageHref)
        return respond(c, renderMessage(context, word(context, 'order.unavailable'), orderId), 404);
      c.header('Cache-Control', 'no-store');
      return c.redirect(deps.orderPageHref(order.id, context.language), 303);
    }),
  );

  return login;
}
