import { ConfigurationError } from '@wismo/core';
import type { Hono } from 'hono';
import { label } from '../i18n/labels';
import { escapeHtml } from '../render/html';
import { verifyZendeskToken, type ZendeskAlgorithm, type ZendeskTokenOptions } from '../security/tokens';
import { applyFrameHeaders, handlePanelPost, iframeError, issueSession, nonce, panelUrl, readFormFields, respondWithPanel } from './iframe';
import { publicUrl, requestLocale, stringField, takeRateLimit, type AdapterContext, type HelpdeskSecrets } from './shared';

/**
 * Zendesk Apps framework, `ticket_sidebar` location pointing at `{base}/zendesk` with `"signedUrls": true`.
 * Zendesk POSTs the first load with a form field `token` (ZAF JWT,
 * https://developer.zendesk.com/documentation/apps/build-an-app/building-a-server-side-app/part-5-secure-the-app);
 * it is verified once, then a short-lived session carries later navigation in the bodies of the panel's forms.
 * The first page asks ZAF for the ticket requester's email and the agent's locale (the token carries
 * neither) and POSTs them to the panel, which binds the session to that requester.
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

/**
 * The Zendesk account must be named: the app's key pair (RS256) and a shared secret may be used by every
 * account that installs the app, so without `appOrigin` a token of any account would open this shop's orders.
 */
export function assertZendeskAccount(secrets: ZendeskSecrets): void {
  const origin = secrets.appOrigin;
  let url: URL | null = null;
  try {
    url = origin ? new URL(origin) : null;
  } catch {
    url = null;
  }
  if (!url || url.protocol !== 'https:' || url.pathname !== '/' || url.search !== '' || !ZENDESK_HOST.test(url.host)) {
    throw new ConfigurationError(
      `Zendesk needs secrets.zendesk.appOrigin, the account's https://<subdomain>.zendesk.com origin${origin ? ` (got ${JSON.stringify(origin)})` : ''}: without it a token issued by any Zendesk account would open this shop's orders.`,
    );
  }
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
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The first page when Zendesk named no customer: it asks ZAF for the ticket requester's email and the agent's
 * locale and POSTs them, with the unbound session, to the panel. Nothing personal goes into a URL.
 */
function bootstrapPage(action: string, session: string, scriptNonce: string, locale: string): string {
  const loading = label(locale, 'orders');
  const script = `(function(){var action=${scriptJson(action)};var session=${scriptJson(session)};var client=window.ZAFClient&&window.ZAFClient.init();if(!client){return;}client.get(['ticket.requester.email','currentUser.locale']).then(function(data){var fields={s:session,email:data['ticket.requester.email']||'',locale:data['currentUser.locale']||''};var form=document.createElement('form');form.method='post';form.action=action;Object.keys(fields).forEach(function(name){var input=document.createElement('input');input.type='hidden';input.name=name;input.value=fields[name];form.appendChild(input);});document.body.appendChild(form);form.submit();});})();`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>${escapeHtml(loading)}</title><script src="${ZAF_SDK}" nonce="${scriptNonce}"></script></head><body><main><p role="status">…</p><noscript>${escapeHtml(
    label(locale, 'unavailable'),
  )}</noscript></main><script nonce="${scriptNonce}">${script}</script></body></html>`;
}

export function registerZendesk(app: Hono, context: AdapterContext, secrets: ZendeskSecrets): void {
  assertZendeskAccount(secrets);
  const frameAncestors = zendeskFrameAncestors(secrets);
  const appUrl = publicUrl(context, '/zendesk');

  app.post('/zendesk', async (c) => {
    const form = await readFormFields(c, context.maxRequestBytes.zendesk);
    const locale = requestLocale(c, form.ok ? form.fields.locale : undefined) ?? 'en';
    if (!form.ok) return iframeError(c, frameAncestors, 413, 'body_too_large', form.detail, locale, 'unavailable');
    const { fields } = form;
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const token = stringField(fields.token) ?? bearer;
    const verification = verifyZendeskToken(token, zendeskTokenOptions(secrets, appUrl, context.now()));
    if (!verification.ok) return iframeError(c, frameAncestors, 401, verification.reason, verification.detail, locale, 'sessionExpired');
    const account = verification.claims.iss.toLowerCase();
    const waitSeconds = takeRateLimit(c, context, 'zendesk', account);
    if (waitSeconds !== null)
      return iframeError(
        c,
        frameAncestors,
        429,
        'too_many_requests',
        `Too many requests for this Zendesk account; retry after ${waitSeconds} s.`,
        locale,
        'unavailable',
      );

    // The customer only ever comes from the posted body: never from the URL.
    const email = stringField(fields.email);
    const agentLocale = requestLocale(c, stringField(fields.locale));
    if (email) {
      const session = issueSession(c, context, 'zendesk', account, email);
      return respondWithPanel(c, context, 'zendesk', {
        email,
        ...(stringField(fields.order) ? { orderId: stringField(fields.order)! } : {}),
        ...(agentLocale ? { locale: agentLocale } : {}),
        session,
        timeBudgetMs: context.budgets.zendesk,
        frameAncestors,
      });
    }
    const session = issueSession(c, context, 'zendesk', account);
    const scriptNonce = nonce();
    const action = panelUrl(context, 'zendesk');
    applyFrameHeaders(c, frameAncestors, { script: { nonce: scriptNonce, sources: [ZAF_SDK_ORIGIN] }, formAction: action });
    return c.html(bootstrapPage(action, session, scriptNonce, locale));
  });

  app.post('/zendesk/panel', (c) => handlePanelPost(c, context, 'zendesk', frameAncestors));
}
