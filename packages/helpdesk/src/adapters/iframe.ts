import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { label, type LabelKey } from '../i18n/labels';
import { applyBaseHeaders, decodeUtf8, problem, readRawBody, type ProblemStatus } from '../http/request';
import { renderAgentPage, renderMessagePage } from '../render/html';
import { base64Url, constantTimeEqual, hmac } from '../security/crypto';
import { createSessionToken, verifySessionToken, type SessionClaims, type TokenVerification } from '../security/tokens';
import type { ServedOrderView } from '../service/order-view-service';
import { guarded, localeFor, requestLocale, stringField, takeRateLimit, type AdapterContext } from './shared';

/** Helpdesks whose panel is a page of ours inside their sidebar iframe. */
export type IframeHelpdesk = 'zendesk' | 'freshdesk';

/**
 * A session that is not yet bound to a ticket requester (Zendesk's first load, before ZAF named the
 * requester) lives only as long as the bootstrap page needs to ask for the email.
 */
export const UNBOUND_SESSION_TTL_MS = 2 * 60_000;

export function sessionCookieName(helpdesk: IframeHelpdesk): string {
  return `wismo-${helpdesk}-session`;
}

/** The requester a session is bound to, as a keyed hash: the email itself never goes into a token. */
export function requesterHash(context: AdapterContext, email: string): string {
  return base64Url(hmac('sha256', context.sessionSecret, 'wismo-helpdesk-requester.v1.', email.trim().toLowerCase())).slice(0, 32);
}

/**
 * Starts a short-lived session after the helpdesk's own token was verified. It travels in the bodies of
 * the panel's own forms (never in a URL) and, as a fallback, in a `__Host-` cookie: HttpOnly, Secure,
 * SameSite=None (the page lives in a third-party iframe) and Partitioned (CHIPS), kept per embedding site.
 * With `requesterEmail` the session opens that customer's orders and no one else's.
 */
export function issueSession(
  c: Context,
  context: AdapterContext,
  helpdesk: IframeHelpdesk,
  subject: string,
  requesterEmail?: string,
): string {
  const ttlMs = requesterEmail ? context.sessionTtlMs : Math.min(context.sessionTtlMs, UNBOUND_SESSION_TTL_MS);
  const token = createSessionToken(
    { helpdesk, subject, ...(requesterEmail ? { requester: requesterHash(context, requesterEmail) } : {}), now: context.now(), ttlMs },
    context.sessionSecret,
  );
  setCookie(c, sessionCookieName(helpdesk), token, {
    httpOnly: true,
    secure: true,
    sameSite: 'None',
    partitioned: true,
    path: '/',
    maxAge: Math.max(1, Math.floor(ttlMs / 1000)),
    prefix: 'host',
  });
  return token;
}

/** The session from the form's `s` field or the cookie; the first valid one wins. */
export function readSession(
  c: Context,
  context: AdapterContext,
  helpdesk: IframeHelpdesk,
  fromForm: string | undefined,
): { verification: TokenVerification<SessionClaims>; token: string | null } {
  const candidates = [fromForm, getCookie(c, sessionCookieName(helpdesk), 'host')].filter((token): token is string => Boolean(token));
  let verification: TokenVerification<SessionClaims> = verifySessionToken(null, context.sessionSecret, { helpdesk });
  for (const token of candidates) {
    verification = verifySessionToken(token, context.sessionSecret, { helpdesk, now: context.now() });
    if (verification.ok) return { verification, token };
  }
  return { verification, token: null };
}

/** Where the panel's forms post: `{base}/{helpdesk}/panel` (no query: nothing personal in the URL). */
export function panelUrl(context: AdapterContext, helpdesk: IframeHelpdesk): string {
  return `${context.publicBaseUrl}/${helpdesk}/panel`;
}

function originOf(url: string): string {
  return new URL(url).origin;
}

/** CSP for a panel page: nothing but inline styles, no scripts unless a nonce is given, forms only to the panel, embeddable only by the helpdesk. */
export function applyFrameHeaders(
  c: Context,
  frameAncestors: readonly string[],
  options: { script?: { nonce: string; sources: readonly string[] }; formAction?: string } = {},
): void {
  applyBaseHeaders(c);
  const scriptSource = options.script ? `; script-src ${[...options.script.sources, `'nonce-${options.script.nonce}'`].join(' ')}` : '';
  const formAction = options.formAction ? originOf(options.formAction) : "'none'";
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; img-src https: data:${scriptSource}; base-uri 'none'; form-action ${formAction}; frame-ancestors ${frameAncestors.join(' ')}`,
  );
}

export function nonce(): string {
  return randomBytes(16).toString('base64');
}

/** An error inside the iframe: a readable page for the agent's browser, problem+json for anything else. */
export function iframeError(
  c: Context,
  frameAncestors: readonly string[],
  status: ProblemStatus,
  code: string,
  detail: string,
  locale: string,
  text: LabelKey,
): Response {
  if (!(c.req.header('accept') ?? '').includes('text/html')) return problem(c, status, code, detail);
  applyFrameHeaders(c, frameAncestors);
  return c.html(renderMessagePage(locale, label(locale, text)), status);
}

/** Form fields of an iframe request (urlencoded or multipart), read within the helpdesk's body limit. */
export async function readFormFields(
  c: Context,
  maxBytes: number,
): Promise<{ ok: true; fields: Record<string, string> } | { ok: false; detail: string }> {
  if (c.req.method !== 'POST') return { ok: true, fields: {} };
  const read = await readRawBody(c.req.raw, maxBytes);
  if (!read.ok) return { ok: false, detail: read.detail };
  const contentType = c.req.header('content-type') ?? '';
  if (contentType.includes('application/json')) {
    try {
      const body: unknown = JSON.parse(decodeUtf8(read.bytes) ?? '');
      if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
        return {
          ok: true,
          fields: Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
        };
      }
    } catch {
      // Not JSON: no fields.
    }
    return { ok: true, fields: {} };
  }
  return { ok: true, fields: Object.fromEntries(new URLSearchParams(decodeUtf8(read.bytes) ?? '')) };
}

export interface PanelRequest {
  /** The requester's email: the customer whose orders are shown. */
  email: string;
  orderId?: string;
  locale?: string;
  /** A session bound to `email`: it goes into the page's forms. */
  session: string;
  timeBudgetMs: number;
  frameAncestors: readonly string[];
}

/** The panel page: the customer's orders (the chosen one, else the newest, in full), the others as buttons that post with the session. */
export async function respondWithPanel(
  c: Context,
  context: AdapterContext,
  helpdesk: IframeHelpdesk,
  request: PanelRequest,
): Promise<Response> {
  const serveds = await guarded(c, context, helpdesk, (): Promise<ServedOrderView[]> =>
    context.service.viewsByEmail(request.email, { timeBudgetMs: request.timeBudgetMs }),
  );
  if (serveds instanceof Response) {
    return iframeError(
      c,
      request.frameAncestors,
      503,
      'orders_unavailable',
      'The order data could not be loaded.',
      request.locale ?? 'en',
      'unavailable',
    );
  }
  const locale = localeFor(request.locale, serveds);
  const action = panelUrl(context, helpdesk);
  const html = renderAgentPage(serveds, {
    locale,
    email: request.email,
    ...(request.orderId ? { selectedOrderId: request.orderId } : {}),
    ...(context.shopName ? { shopName: context.shopName } : {}),
    maxBytes: context.maxResponseBytes[helpdesk],
    orderForm: { action, fields: { s: request.session, ...(request.locale ? { locale: request.locale } : {}) } },
  });
  applyFrameHeaders(c, request.frameAncestors, { formAction: action });
  return c.html(html);
}

/**
 * `POST {base}/{helpdesk}/panel`: navigation inside the iframe. The session comes in the form (or the
 * cookie). A session bound to a requester opens that customer's orders only; an unbound one (Zendesk's
 * bootstrap) is bound here to the email ZAF named. The session's subject (the account) names the rate-limit bucket.
 */
export async function handlePanelPost(
  c: Context,
  context: AdapterContext,
  helpdesk: IframeHelpdesk,
  frameAncestors: readonly string[],
): Promise<Response> {
  const form = await readFormFields(c, context.maxRequestBytes[helpdesk]);
  const locale = requestLocale(c, form.ok ? form.fields.locale : undefined);
  if (!form.ok) return iframeError(c, frameAncestors, 413, 'body_too_large', form.detail, locale ?? 'en', 'unavailable');
  const { verification, token } = readSession(c, context, helpdesk, stringField(form.fields.s));
  if (!verification.ok)
    return iframeError(c, frameAncestors, 401, verification.reason, verification.detail, locale ?? 'en', 'sessionExpired');
  const claims = verification.claims;
  const waitSeconds = takeRateLimit(c, context, helpdesk, claims.sub);
  if (waitSeconds !== null)
    return iframeError(
      c,
      frameAncestors,
      429,
      'too_many_requests',
      `Too many requests for this ${helpdesk} account; retry after ${waitSeconds} s.`,
      locale ?? 'en',
      'unavailable',
    );

  const orderId = stringField(form.fields.order);
  let email = stringField(form.fields.email);
  if (claims.rq === undefined) {
    // Unbound: the bootstrap page posts the requester's email once; from here on the session is bound to it.
    if (!email)
      return iframeError(
        c,
        frameAncestors,
        400,
        'missing_email',
        'Post the ticket requester’s email (field "email").',
        locale ?? 'en',
        'unavailable',
      );
  } else {
    if (email && !constantTimeEqual(requesterHash(context, email), claims.rq)) {
      return iframeError(
        c,
        frameAncestors,
        403,
        'other_requester',
        'This session belongs to another ticket’s requester: reopen the panel.',
        locale ?? 'en',
        'sessionExpired',
      );
    }
    if (!email && orderId) {
      // The chosen order tells whose orders to list, once it is known to be this requester's.
      const served = await guarded(c, context, helpdesk, () =>
        context.service.viewById(orderId, { timeBudgetMs: context.budgets[helpdesk] }),
      );
      if (served instanceof Response)
        return iframeError(
          c,
          frameAncestors,
          503,
          'orders_unavailable',
          'The order data could not be loaded.',
          locale ?? 'en',
          'unavailable',
        );
      if (served && constantTimeEqual(requesterHash(context, served.view.customer.email), claims.rq)) email = served.view.customer.email;
    }
    if (!email)
      return iframeError(
        c,
        frameAncestors,
        404,
        'order_not_found',
        'No order of this ticket’s requester has this id.',
        locale ?? 'en',
        'orderNotFound',
      );
  }
  const session = claims.rq === undefined || !token ? issueSession(c, context, helpdesk, claims.sub, email) : token;
  return respondWithPanel(c, context, helpdesk, {
    email,
    ...(orderId ? { orderId } : {}),
    ...(locale ? { locale } : {}),
    session,
    timeBudgetMs: context.budgets[helpdesk],
    frameAncestors,
  });
}
