import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { logSafely, normaliseTrackingNumber, WismoError, type Logger, type Tracker } from '@wismo/core';
import { normaliseEmail, SUPPORTED_LANGUAGES, type Language, type Order, type OrderSource } from '@wismo/order-view';
import type { OrderViewServiceLike, ServedOrderViewLike } from '../service';
import { clientKeyOf, type ClientKeyOptions, type TokenBucketLimiter } from '../rate-limit';
import type { ViewCache } from '../view-cache';
import type { AccessTokens } from './access-token';
import type { ResolvedBrand } from './brand';
import { createPageLinks } from './layout';
import { isLanguage, negotiatePageLocale } from './locale';
import { buildParcelOnlyView, type ParcelViewOptions } from './parcel-view';
import {
  renderMessagePage,
  renderOrderFormPage,
  renderOrderPage,
  renderParcelPage,
  renderTrackFormPage,
  type FormState,
  type Html,
  type RenderContext,
} from './render';
import { applyPageSecurityHeaders } from './security-headers';
import { say } from './words';

export interface PageDependencies {
  basePath: string;
  brand: ResolvedBrand;
  css: string;
  tracker: Tracker;
  orders: OrderSource;
  service: OrderViewServiceLike;
  carriers: ParcelViewOptions['carriers'];
  carrierList: readonly { id: string; name: string }[];
  history: ParcelViewOptions['history'];
  limiter: TokenBucketLimiter | null;
  clientKey: ClientKeyOptions;
  pageViews: ViewCache<ServedOrderViewLike>;
  accessTokens: AccessTokens;
  allowPostcodeLookup: boolean;
  /** CSP `frame-ancestors` of the tracking page. */
  frameAncestors: string;
  logger: Logger | undefined;
  now: () => Date;
  /** Called for each order page shown (the dashboard counts tracking-page views per order). */
  onOrderViewed?: (orderId: string) => void;
}

/** An order number as it may appear in a link: no `@`, so never an email typed into the wrong field. */
const ORDER_NUMBER_SHAPE = /^[#A-Za-z0-9][A-Za-z0-9 ._/-]{0,63}$/;

/**
 * Query parameters a language link keeps, each only in its own shape (`access` is the short-lived order-page
 * token, not personal data). Whatever else a visitor typed, an email above all, stays out of the links.
 */
const LINKED_QUERY_PARAMETERS: ReadonlyArray<readonly [string, RegExp]> = [
  ['number', /^[A-Za-z0-9][A-Za-z0-9 .-]{0,63}$/],
  ['carrier', /^[a-z0-9][a-z0-9_-]{0,39}$/],
  ['orderNumber', ORDER_NUMBER_SHAPE],
  ['access', /^[A-Za-z0-9_-]{1,700}\.[a-z0-9]{1,12}\.[A-Za-z0-9_-]{43}$/],
];

const TRACKING_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 .-]{0,63}$/;
const CARRIER_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

function digestEquals(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

function normalisePostcode(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** Whether the visitor's email or postcode matches the order's (compared in constant time). */
export function proofMatches(order: Order, proof: { email?: string; postcode?: string }, allowPostcode: boolean): boolean {
  let matched = false;
  if (proof.email && digestEquals(normaliseEmail(order.customer.email), normaliseEmail(proof.email))) matched = true;
  const postalCode = order.shippingAddress?.postalCode;
  if (
    allowPostcode &&
    proof.postcode &&
    postalCode &&
    normalisePostcode(proof.postcode) !== '' &&
    digestEquals(normalisePostcode(postalCode), normalisePostcode(proof.postcode))
  )
    matched = true;
  return matched;
}

export function registerPageRoutes(app: Hono, deps: PageDependencies): void {
  const { basePath } = deps;

  const securityHeaders: MiddlewareHandler = async (c, next) => {
    await next();
    applyPageSecurityHeaders(c, deps.frameAncestors);
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    c.header('Vary', 'Accept-Language');
  };

  /**
   * The route for `/path` and for each language's `/de/path`: static prefixes rather than a `:lang` regex
   * parameter keep every route within hono's fastest router.
   */
  function both(method: 'get' | 'post', path: string, handler: (c: Context) => Promise<Response> | Response): void {
    for (const pattern of [path, ...SUPPORTED_LANGUAGES.map((language) => `/${language}${path}`)]) {
      app.use(pattern, securityHeaders);
      app[method](pattern, handler);
    }
  }

  function contextFor(c: Context): RenderContext {
    const urlLanguage = urlLanguageOf(c, basePath);
    const { language, locale } = negotiatePageLocale({
      urlLanguage,
      queryLanguage: c.req.query('lang'),
      acceptLanguage: c.req.header('accept-language'),
      defaultLanguage: deps.brand.defaultLanguage,
    });
    const links = createPageLinks(basePath, language);
    const url = new URL(c.req.url);
    // This page in another language: the path without base and language, the query without `lang`.
    let rest = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    if (urlLanguage && rest.startsWith(`/${urlLanguage}/`)) rest = rest.slice(urlLanguage.length + 1);
    // Only parameters that name what is shown are carried over: never an email or a postcode.
    const query = new URLSearchParams();
    for (const [name, shape] of LINKED_QUERY_PARAMETERS) {
      const value = url.searchParams.get(name);
      if (value !== null && shape.test(value)) query.set(name, value);
    }
    const search = c.req.method === 'GET' && query.size > 0 ? `?${query.toString()}` : '';
    return {
      brand: deps.brand,
      css: deps.css,
      language,
      locale,
      links,
      languageHref: (target: Language) => `${links.to(rest, target)}${search}`,
      carriers: deps.carrierList,
      now: deps.now(),
    };
  }

  async function respond(
    c: Context,
    body: Html,
    status: 200 | 400 | 404 | 422 | 429 | 503 = 200,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return c.html(await body, status);
  }

  /** One lookup from this client, or the 429 page. */
  async function limited(c: Context, context: RenderContext): Promise<Response | null> {
    if (!deps.limiter) return null;
    const result = deps.limiter.take(clientKeyOf(c, deps.clientKey));
    if (result.allowed) return null;
    const seconds = String(result.retryAfterSeconds);
    return respond(
      c,
      renderMessagePage(context, say(context.language, 'limit.title'), say(context.language, 'limit.text', { seconds })),
      429,
      { 'Retry-After': seconds },
    );
  }

  // ------------------------------------------------------------ the form

  both('get', '/track', async (c) => {
    const context = contextFor(c);
    const number = c.req.query('number');
    if (number === undefined) return respond(c, renderTrackFormPage(context));
    // The form submits here with GET: redirect to the parcel's own (bookmarkable) address.
    const trimmed = number.trim();
    const carrier = c.req.query('carrier')?.trim() ?? '';
    if (!TRACKING_NUMBER.test(trimmed)) {
      return respond(
        c,
        renderTrackFormPage(context, {
          trackingNumber: number.slice(0, 64),
          carrier,
          trackErrors: { trackingNumber: say(context.language, 'form.error.trackingNumber') },
        }),
        400,
      );
    }
    const normalised = encodeURIComponent(normaliseTrackingNumber(trimmed));
    const target = carrier && CARRIER_ID.test(carrier) ? `/track/${carrier}/${normalised}` : `/track/${normalised}`;
    return c.redirect(context.links.to(target), 303);
  });

  // ------------------------------------------------------------ the parcel tier

  async function parcelPage(c: Context, carrier: string | undefined, rawNumber: string): Promise<Response> {
    const context = contextFor(c);
    const number = rawNumber.trim();
    // A path that is not a parcel's address (anything may be typed there, an email too) is not linked
    // again: the language links of these answers lead to the form.
    const formLinks = (target: Language) => context.links.to('/track', target);
    if (!TRACKING_NUMBER.test(number)) {
      context.languageHref = formLinks;
      return respond(
        c,
        renderTrackFormPage(context, {
          trackingNumber: number.slice(0, 64),
          trackErrors: { trackingNumber: say(context.language, 'form.error.trackingNumber') },
        }),
        400,
      );
    }
    if (carrier !== undefined && (!CARRIER_ID.test(carrier) || !deps.tracker.carriers.has(carrier))) {
      context.languageHref = formLinks;
      return respond(
        c,
        renderMessagePage(context, say(context.language, 'parcel.notFound.title'), say(context.language, 'parcel.unknownCarrier.text'), {
          withTrackForm: true,
          trackState: { trackingNumber: number },
        }),
        404,
      );
    }
    const blocked = await limited(c, context);
    if (blocked) return blocked;
    const trackState: FormState = { trackingNumber: number, carrier };
    try {
      const shipment = await deps.tracker.track(number, carrier ? { carrier } : {});
      const view = buildParcelOnlyView(shipment, {
        carriers: deps.carriers,
        history: deps.history,
        timeZone: deps.brand.timeZone,
        locale: context.locale,
        now: context.now,
      });
      c.header('Cache-Control', 'private, no-cache');
      return respond(c, renderParcelPage(context, view));
    } catch (error) {
      if (!WismoError.isInstance(error)) throw error;
      const carrierName =
        deps.carrierList.find((entry) => entry.id === (error.carrierId ?? carrier))?.name ?? error.carrierId ?? carrier ?? '';
      const shown = normaliseTrackingNumber(number);
      switch (error.code) {
        case 'not_found':
          return respond(
            c,
            renderMessagePage(
              context,
              say(context.language, 'parcel.notFound.title'),
              say(context.language, 'parcel.notFound.text', { number: shown }),
              { withTrackForm: true, trackState },
            ),
            404,
          );
        case 'invalid_number':
          return respond(
            c,
            renderMessagePage(
              context,
              say(context.language, 'parcel.notFound.title'),
              say(context.language, 'parcel.invalid.text', { number: shown, carrier: carrierName }),
              { withTrackForm: true, trackState },
            ),
            404,
          );
        case 'detection_failed':
          return respond(
            c,
            renderMessagePage(
              context,
              say(context.language, 'parcel.notFound.title'),
              say(context.language, 'parcel.detect.text', { number: shown }),
              { withTrackForm: true, trackState },
            ),
            422,
          );
        case 'unsupported_carrier':
          return respond(
            c,
            renderMessagePage(
              context,
              say(context.language, 'parcel.notFound.title'),
              say(context.language, 'parcel.unknownCarrier.text'),
              { withTrackForm: true, trackState },
            ),
            404,
          );
        default:
          logSafely(
            deps.logger,
            'warn',
            `tracking page: ${error.carrierId ?? 'carrier'} lookup failed with ${error.code}: ${error.message}`,
          );
          return respond(
            c,
            renderMessagePage(context, say(context.language, 'parcel.unavailable.title'), say(context.language, 'parcel.unavailable.text')),
            503,
            { 'Retry-After': '60' },
          );
      }
    }
  }

  both('get', '/track/:number', (c) => parcelPage(c, undefined, c.req.param('number') ?? ''));
  both('get', '/track/:carrier/:number', (c) => parcelPage(c, c.req.param('carrier'), c.req.param('number') ?? ''));

  // ------------------------------------------------------------ the order tier

  async function lookUpOrder(c: Context, input: { orderNumber?: string; email?: string; postcode?: string }): Promise<Response> {
    const context = contextFor(c);
    const state: FormState = {
      orderNumber: input.orderNumber?.slice(0, 64),
      email: input.email?.slice(0, 254),
      postcode: input.postcode?.slice(0, 16),
      focus: 'order',
    };
    const orderNumber = input.orderNumber?.trim() ?? '';
    const email = input.email?.trim() ?? '';
    const postcode = deps.allowPostcodeLookup ? (input.postcode?.trim() ?? '') : '';
    const errors: FormState['orderErrors'] = {};
    if (orderNumber === '' || orderNumber.length > 64) errors.orderNumber = say(context.language, 'form.error.orderNumber');
    if ((email === '' && postcode === '') || email.length > 254 || postcode.length > 16)
      errors.emailOrPostcode = say(context.language, 'form.error.emailOrPostcode');
    if (errors.orderNumber || errors.emailOrPostcode)
      return respond(c, renderOrderFormPage(context, { ...state, orderErrors: errors }), 422);

    const blocked = await limited(c, context);
    if (blocked) return blocked;
    const order = await deps.orders.getOrderByNumber(orderNumber);
    // One answer for "no such order" and "wrong email/postcode": the form does not reveal which orders exist.
    if (!order || !proofMatches(order, { email, postcode }, deps.allowPostcodeLookup)) {
      return respond(
        c,
        renderOrderFormPage(context, { ...state, orderErrors: { form: say(context.language, 'form.error.noMatch') } }),
        404,
      );
    }
    const token = deps.accessTokens.issue(order.id);
    return c.redirect(`${context.links.to('/orders/view')}?access=${encodeURIComponent(token)}`, 303);
  }

  // The email and postcode are accepted from the form's POST only: in a URL they would end up in browser
  // history, proxy and server logs. A GET link may name the order number, which prefills the form.
  both('get', '/orders/lookup', async (c) => {
    const query = c.req.query();
    const orderNumber = query.orderNumber?.trim().slice(0, 64);
    if (query.email !== undefined || query.postcode !== undefined) {
      const cleaned = new URL(c.req.url);
      const keep = orderNumber && ORDER_NUMBER_SHAPE.test(orderNumber) ? orderNumber : undefined;
      cleaned.search = keep ? `?${new URLSearchParams({ orderNumber: keep }).toString()}` : '';
      return c.redirect(`${cleaned.pathname}${cleaned.search}`, 303);
    }
    return respond(c, renderOrderFormPage(contextFor(c), orderNumber ? { orderNumber } : {}));
  });

  both('post', '/orders/lookup', async (c) => {
    let form: Record<string, unknown> = {};
    try {
      form = await c.req.parseBody();
    } catch {
      form = {};
    }
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return lookUpOrder(c, { orderNumber: text(form.orderNumber), email: text(form.email), postcode: text(form.postcode) });
  });

  both('get', '/orders/view', async (c) => {
    const context = contextFor(c);
    const orderId = deps.accessTokens.verify(c.req.query('access') ?? '');
    if (!orderId) return respond(c, renderOrderFormPage(context, { orderNotice: say(context.language, 'form.error.expired') }));
    const [order, served] = await Promise.all([
      deps.orders.getOrderById(orderId),
      deps.pageViews.get(
        `page\u0000${orderId}`,
        () => deps.service.viewById(orderId),
        (value) => !value.stale,
      ),
    ]);
    if (!order || !served) return respond(c, renderOrderFormPage(context, { orderNotice: say(context.language, 'form.error.expired') }));
    deps.onOrderViewed?.(orderId);
    c.header('Cache-Control', 'no-store');
    return respond(
      c,
      renderOrderPage(context, {
        view: served.value.view,
        stale: served.value.stale,
        items: order.items.map((item) => ({ id: item.id, name: item.name, quantity: item.quantity })),
      }),
    );
  });

  app.get('/', (c) => c.redirect(`${basePath}/track`, 302));
  for (const language of SUPPORTED_LANGUAGES) app.get(`/${language}`, (c) => c.redirect(`${basePath}/${language}/track`, 302));
}

/** The language named by the path's first segment (`/de/track/…`), if any. */
function urlLanguageOf(c: Context, basePath: string): Language | null {
  const path = c.req.path;
  const segment = (path.startsWith(basePath) ? path.slice(basePath.length) : path).split('/')[1];
  return isLanguage(segment) ? segment : null;
}

/** The 404 page for paths that are not the API. */
export async function renderNotFoundPage(
  c: Context,
  deps: Pick<PageDependencies, 'basePath' | 'brand' | 'css' | 'carrierList' | 'now' | 'frameAncestors'>,
): Promise<Response> {
  const { language, locale } = negotiatePageLocale({
    urlLanguage: urlLanguageOf(c, deps.basePath),
    acceptLanguage: c.req.header('accept-language'),
    defaultLanguage: deps.brand.defaultLanguage,
  });
  const links = createPageLinks(deps.basePath, language);
  const context: RenderContext = {
    brand: deps.brand,
    css: deps.css,
    language,
    locale,
    links,
    languageHref: (target) => links.to('/track', target),
    carriers: deps.carrierList,
    now: deps.now(),
  };
  applyPageSecurityHeaders(c, deps.frameAncestors);
  return c.html(await renderMessagePage(context, say(language, 'page.notFound.title'), say(language, 'page.notFound.text')), 404);
}
