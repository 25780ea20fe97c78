import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { label, type LabelKey } from '../i18n/labels';
import { applyBaseHeaders, problem, type ProblemStatus } from '../http/request';
import { renderAgentPage, renderMessagePage } from '../render/html';
import { createSessionToken, verifySessionToken, type SessionClaims, type TokenVerification } from '../security/tokens';
import type { ServedOrderView } from '../service/order-view-service';
import { guarded, localeFor, type AdapterContext } from './shared';

/** Helpdesks whose panel is a page of ours inside their sidebar iframe. */
export type IframeHelpdesk = 'zendesk' | 'freshdesk';

export function sessionCookieName(helpdesk: IframeHelpdesk): string {
  return `wismo-${helpdesk}-session`;
}

/**
 * Starts a short-lived session after the helpdesk's own token was verified. The cookie is `__Host-`,
 * HttpOnly, Secure, SameSite=None (the page lives in a third-party iframe) and Partitioned (CHIPS), so it
 * is kept per embedding site; the token is also returned for the page's own links, for browsers that block
 * third-party cookies altogether.
 */
export function issueSession(c: Context, context: AdapterContext, helpdesk: IframeHelpdesk, subject: string): string {
  const token = createSessionToken({ helpdesk, subject, now: context.now(), ttlMs: context.sessionTtlMs }, context.sessionSecret);
  setCookie(c, sessionCookieName(helpdesk), token, {
    httpOnly: true,
    secure: true,
    sameSite: 'None',
    partitioned: true,
    path: '/',
    maxAge: Math.max(1, Math.floor(context.sessionTtlMs / 1000)),
    prefix: 'host',
  });
  return token;
}

/** The session from the `s` link parameter or the cookie; the first valid one wins. */
export function readSession(c: Context, context: AdapterContext, helpdesk: IframeHelpdesk): { verification: TokenVerification<SessionClaims>; token: string | null } {
  const candidates = [c.req.query('s'), getCookie(c, sessionCookieName(helpdesk), 'host')].filter((token): token is string => Boolean(token));
  let verification: TokenVerification<SessionClaims> = verifySessionToken(null, context.sessionSecret, { helpdesk });
  for (const token of candidates) {
    verification = verifySessionToken(token, context.sessionSecret, { helpdesk, now: context.now() });
    if (verification.ok) return { verification, token };
  }
  return { verification, token: null };
}

export function panelHref(context: AdapterContext, helpdesk: IframeHelpdesk, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return `${context.publicBaseUrl}/${helpdesk}/panel?${query.toString()}`;
}

/** CSP for a panel page: nothing but inline styles, no scripts unless a nonce is given, embeddable only by the helpdesk. */
export function applyFrameHeaders(c: Context, frameAncestors: readonly string[], script?: { nonce: string; sources: readonly string[] }): void {
  applyBaseHeaders(c);
  const scriptSource = script ? `; script-src ${[...script.sources, `'nonce-${script.nonce}'`].join(' ')}` : '';
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; img-src https: data:${scriptSource}; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors.join(' ')}`,
  );
}

export function nonce(): string {
  return randomBytes(16).toString('base64');
}

/** An error inside the iframe: a readable page for the agent's browser, problem+json for anything else. */
export function iframeError(c: Context, frameAncestors: readonly string[], status: ProblemStatus, code: string, detail: string, locale: string, text: LabelKey): Response {
  if (!(c.req.header('accept') ?? '').includes('text/html')) return problem(c, status, code, detail);
  applyFrameHeaders(c, frameAncestors);
  return c.html(renderMessagePage(locale, label(locale, text)), status);
}

export interface PanelRequest {
  email?: string;
  orderId?: string;
  locale?: string;
  session: string;
  timeBudgetMs: number;
  frameAncestors: readonly string[];
}

/** The panel page: the customer's orders (the chosen one, else the newest, in full) with links that keep the session. */
export async function respondWithPanel(c: Context, context: AdapterContext, helpdesk: IframeHelpdesk, request: PanelRequest): Promise<Response> {
  const serveds = await guarded(c, context, helpdesk, async (): Promise<ServedOrderView[]> => {
    if (request.email) return context.service.viewsByEmail(request.email, { timeBudgetMs: request.timeBudgetMs });
    if (request.orderId) {
      const served = await context.service.viewById(request.orderId, { timeBudgetMs: request.timeBudgetMs });
      return served ? [served] : [];
    }
    return [];
  });
  if (serveds instanceof Response) {
    return iframeError(c, request.frameAncestors, 503, 'orders_unavailable', 'The order data could not be loaded.', request.locale ?? 'en', 'unavailable');
  }
  const locale = localeFor(request.locale, serveds);
  const html = renderAgentPage(serveds, {
    locale,
    ...(request.email ? { email: request.email } : {}),
    ...(request.orderId ? { selectedOrderId: request.orderId } : {}),
    ...(context.shopName ? { shopName: context.shopName } : {}),
    maxBytes: context.maxResponseBytes[helpdesk],
    hrefForOrder: (orderId) => panelHref(context, helpdesk, { email: request.email, order: orderId, locale: request.locale, s: request.session }),
  });
  applyFrameHeaders(c, request.frameAncestors);
  return c.html(html);
}
