import type { Hono } from 'hono';
import { verifyFreshdeskToken } from '../security/signatures';
import { iframeError, issueSession, readSession, respondWithPanel } from './iframe';
import { requestLocale, stringField, type AdapterContext, type HelpdeskSecrets } from './shared';

/**
 * Freshdesk (Freshworks app, `ticket_sidebar` placeholder). Freshdesk signs nothing for iframes, so wismo
 * uses a signed URL: the app's serverless function keeps the shared secret in a secure iparam and returns
 * `{base}/freshdesk?email=…&ts=…&sig=…` with sig = hex(HMAC-SHA256(secret, "wismo-freshdesk-v1\n" + ts +
 * "\n" + email)); the sidebar page loads it in an iframe. The URL is valid for 5 minutes and only for that
 * email; the secret never reaches the browser. After that, a short-lived session bound to the email.
 */

type FreshdeskSecrets = NonNullable<HelpdeskSecrets['freshdesk']>;

/** Where Freshdesk renders app iframes; override with `secrets.freshdesk.frameAncestors`. */
export const FRESHDESK_FRAME_ANCESTORS = ['https://*.freshdesk.com', 'https://*.freshworks.com', 'https://*.myfreshworks.com', 'https://*.freshworksapi.com'];

export function registerFreshdesk(app: Hono, context: AdapterContext, secrets: FreshdeskSecrets): void {
  const frameAncestors = secrets.frameAncestors ?? FRESHDESK_FRAME_ANCESTORS;

  app.get('/freshdesk', async (c) => {
    const locale = requestLocale(c);
    const email = stringField(c.req.query('email'));
    const verification = verifyFreshdeskToken(
      { ...(email ? { email } : {}), ts: c.req.query('ts') ?? '', sig: c.req.query('sig') ?? '' },
      secrets.sharedSecret,
      { now: context.now(), ...(secrets.tokenMaxAgeMs !== undefined ? { maxAgeMs: secrets.tokenMaxAgeMs } : {}) },
    );
    if (!verification.ok || !email) {
      const failure = verification.ok ? { reason: 'invalid_signature', detail: 'The panel URL has no email.' } : verification;
      return iframeError(c, frameAncestors, 401, failure.reason, failure.detail, locale ?? 'en', 'sessionExpired');
    }
    const session = issueSession(c, context, 'freshdesk', email);
    return respondWithPanel(c, context, 'freshdesk', { email, locale, session, timeBudgetMs: context.budgets.freshdesk, frameAncestors });
  });

  app.get('/freshdesk/panel', async (c) => {
    const locale = requestLocale(c);
    const { verification, token } = readSession(c, context, 'freshdesk');
    if (!verification.ok || !token) {
      const failure = verification.ok ? { reason: 'missing_token', detail: 'No session.' } : verification;
      return iframeError(c, frameAncestors, 401, failure.reason, failure.detail, locale ?? 'en', 'sessionExpired');
    }
    // The session is bound to the signed email: it opens that customer's orders and no one else's.
    return respondWithPanel(c, context, 'freshdesk', {
      email: verification.claims.sub,
      orderId: stringField(c.req.query('order')),
      locale,
      session: token,
      timeBudgetMs: context.budgets.freshdesk,
      frameAncestors,
    });
  });
}
