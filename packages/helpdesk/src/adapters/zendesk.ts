import type { Hono } from 'hono';
import { label } from '../i18n/labels';
import { decodeUtf8, parseJson, readRawBody } from '../http/request';
import { escapeHtml } from '../render/html';
import { verifyZendeskToken, type ZendeskAlgorithm, type ZendeskTokenOptions } from '../security/tokens';
import { applyFrameHeaders, iframeError, issueSession, nonce, panelHref, readSession, respondWithPanel } from './iframe';
import { isRecord, publicUrl, requestLocale, stringField, type AdapterContext, type HelpdeskSecrets } from './shared';

/**
 * Zendesk Apps framework, `ticket_sidebar` location pointing at `{base}/zendesk` with `"signedUrls": true`.
 * Zendesk POSTs the first load with a form field `token` (ZAF JWT,
 * https://developer.zendesk.com/documentation/apps/build-an-app/building-a-server-side-app/part-5-secure-the-app);
 * it is verified once, then a short-lived session carries later navigation. The first page asks ZAF for the
 * ticket requester's email and the agent's locale (the token carries neither) and moves on to the panel.
 */

const ZAF_SDK = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';
const ZAF_SDK_ORIGIN = 'https://static.zdassets.com';
const ZENDESK_HOST = /^[a-z0-9][a-z0-9-]*\.zendesk\.com$/i;
const INSTALLATION_AUDIENCE = /^https:\/\/([a-z0-9][a-z0-9-]*\.zendesk\.com)\/api\/v2\/apps\/installations\/\d+(?:\.json)?$/i;

type ZendeskSecrets = NonNullable<HelpdeskSecrets['zendesk']>;

function hostOf(origin: string | undefined): string | null {
  if (!origin) return null;
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

export function zendeskFrameAncestors(secrets: ZendeskSecrets): string[] {
  const host = hostOf(secrets.appOrigin);
  return host ? [`https://${host}`] : ['https://*.zendesk.com'];
}

/** How ZAF tokens are checked: algorithm(s), the issuer (the account), the audience (this app or its installation). */
export function zendeskTokenOptions(secrets: ZendeskSecrets, appUrl: string, now: Date): ZendeskTokenOptions {
  const accountHost = hostOf(secrets.appOrigin);
  const algorithms: ZendeskAlgorithm[] = secrets.algorithms ?? (secrets.publicKey ? ['RS256'] : ['HS256']);
  const audiences = secrets.audience === undefined ? null : Array.isArray(secrets.audience) ? secrets.audience : [secrets.audience];
  const ownUrls = new Set([appUrl, `${appUrl}/`]);
  return {
    sharedSecret: secrets.sharedSecret,
    ...(secrets.publicKey ? { publicKey: secrets.publicKey } : {}),
    algorithms,
    now,
    isAllowedIssuer: (iss) => (accountHost ? iss.toLowerCase() === accountHost : ZENDESK_HOST.test(iss)),
    isAllowedAudience: (aud, iss) => {
      if (audiences) return audiences.includes(aud);
      if (ownUrls.has(aud)) return true;
      const installation = INSTALLATION_AUDIENCE.exec(aud);
      return installation !== null && installation[1]!.toLowerCase() === iss.toLowerCase();
    },
  };
}

/** JSON for an inline script: `<` escaped so no value can close the script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function bootstrapPage(panelUrl: string, scriptNonce: string, locale: string): string {
  const loading = label(locale, 'orders');
  const script = `(function(){var panel=${scriptJson(panelUrl)};var client=window.ZAFClient&&window.ZAFClient.init();if(!client){return;}client.get(['ticket.requester.email','currentUser.locale']).then(function(data){var email=data['ticket.requester.email']||'';var locale=data['currentUser.locale']||'';window.location.replace(panel+'&email='+encodeURIComponent(email)+'&locale='+encodeURIComponent(locale));});})();`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>${escapeHtml(loading)}</title><script src="${ZAF_SDK}" nonce="${scriptNonce}"></script></head><body><main><p role="status">…</p><noscript>${escapeHtml(
    label(locale, 'unavailable'),
  )}</noscript></main><script nonce="${scriptNonce}">${script}</script></body></html>`;
}

export function registerZendesk(app: Hono, context: AdapterContext, secrets: ZendeskSecrets): void {
  const frameAncestors = zendeskFrameAncestors(secrets);
  const appUrl = publicUrl(context, '/zendesk');

  app.post('/zendesk', async (c) => {
    const locale = requestLocale(c) ?? 'en';
    const read = await readRawBody(c.req.raw, context.maxRequestBytes.zendesk);
    if (!read.ok) return iframeError(c, frameAncestors, 413, 'body_too_large', read.detail, locale, 'unavailable');
    const contentType = c.req.header('content-type') ?? '';
    let fields: Record<string, unknown> = {};
    if (contentType.includes('application/json')) {
      const body = parseJson(read.bytes);
      if (isRecord(body)) fields = body;
    } else {
      fields = Object.fromEntries(new URLSearchParams(decodeUtf8(read.bytes) ?? ''));
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const token = stringField(fields.token) ?? bearer;
    const verification = verifyZendeskToken(token, zendeskTokenOptions(secrets, appUrl, context.now()));
    if (!verification.ok) return iframeError(c, frameAncestors, 401, verification.reason, verification.detail, locale, 'sessionExpired');

    const session = issueSession(c, context, 'zendesk', verification.claims.iss);
    const email = stringField(fields.email) ?? stringField(c.req.query('email'));
    const orderId = stringField(fields.order) ?? stringField(c.req.query('order'));
    const agentLocale = requestLocale(c, stringField(fields.locale));
    if (email || orderId) {
      return respondWithPanel(c, context, 'zendesk', { email, orderId, locale: agentLocale, session, timeBudgetMs: context.budgets.zendesk, frameAncestors });
    }
    const scriptNonce = nonce();
    applyFrameHeaders(c, frameAncestors, { nonce: scriptNonce, sources: [ZAF_SDK_ORIGIN] });
    return c.html(bootstrapPage(panelHref(context, 'zendesk', { s: session }), scriptNonce, locale));
  });

  app.get('/zendesk/panel', async (c) => {
    const locale = requestLocale(c);
    const { verification, token } = readSession(c, context, 'zendesk');
    if (!verification.ok || !token) {
      const failure = verification.ok ? { reason: 'missing_token', detail: 'No session.' } : verification;
      return iframeError(c, frameAncestors, 401, failure.reason, failure.detail, locale ?? 'en', 'sessionExpired');
    }
    return respondWithPanel(c, context, 'zendesk', {
      email: stringField(c.req.query('email')),
      orderId: stringField(c.req.query('order')),
      locale,
      session: token,
      timeBudgetMs: context.budgets.zendesk,
      frameAncestors,
    });
  });
}
