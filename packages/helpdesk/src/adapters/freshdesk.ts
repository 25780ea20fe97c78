import type { Context, Hono } from 'hono';
import { verifyFreshdeskToken } from '../security/signatures';
import { handlePanelPost, iframeError, issueSession, readFormFields, respondWithPanel } from './iframe';
import { requestLocale, stringField, takeRateLimit, type AdapterContext, type HelpdeskSecrets } from './shared';

/**
 * Freshdesk (Freshworks app, `ticket_sidebar` placeholder). Freshdesk signs nothing for iframes, so wismo
 * uses a signed URL: the app's serverless function keeps the shared secret in a secure iparam and returns
 * `{base}/freshdesk?email=…&ts=…&sig=…` with sig = hex(HMAC-SHA256(secret, "wismo-freshdesk-v1\n" + ts +
 * "\n" + email)); the sidebar page loads it in an iframe. The URL is valid for 5 minutes and only for that
 * email; the secret never reaches the browser. The app may also POST the same fields into the iframe, which
 * keeps the email out of every URL. After that, a short-lived session bound to the email, carried in the
 * bodies of the panel's forms.
 */

type FreshdeskSecrets = NonNullable<HelpdeskSecrets['freshdesk']>;

/** Where Freshdesk renders app iframes; override with `secrets.freshdesk.frameAncestors`. */
export const FRESHDESK_FRAME_ANCESTORS = [
  'https://*.freshdesk.com',
  'https://*.freshworks.com',
  'https://*.myfreshworks.com',
  'https://*.freshworksapi.com',
];

export function registerFreshdesk(app: Hono, context: AdapterContext, secrets: FreshdeskSecrets): void {
  const frameAncestors = secrets.frameAncestors ?? FRESHDESK_FRAME_ANCESTORS;

  // The signed URL as the iframe's `src` (GET), or the same fields posted into the iframe (POST: then the
  // email is in no URL at all). Either way it is good for minutes and for that one requester only.
  const open = async (c: Context) => {
    const form = await readFormFields(c, context.maxRequestBytes.freshdesk);
    const field = (name: string) => (c.req.method === 'POST' ? (form.ok ? form.fields[name] : undefined) : c.req.query(name));
    const locale = requestLocale(c, field('locale'));
    if (!form.ok) return iframeError(c, frameAncestors, 413, 'body_too_large', form.detail, locale ?? 'en', 'unavailable');
    const email = stringField(field('email'));
    const verification = verifyFreshdeskToken(
      { ...(email ? { email } : {}), ts: field('ts') ?? '', sig: field('sig') ?? '' },
      secrets.sharedSecret,
      { now: context.now(), ...(secrets.tokenMaxAgeMs !== undefined ? { maxAgeMs: secrets.tokenMaxAgeMs } : {}) },
    );
    if (!verification.ok || !email) {
      const failure = verification.ok ? { reason: 'invalid_signature', detail: 'The panel URL has no email.' } : verification;
      return iframeError(c, frameAncestors, 401, failure.reason, failure.detail, locale ?? 'en', 'sessionExpired');
    }
    const waitSeconds = takeRateLimit(c, context, 'freshdesk', 'freshdesk');
    if (waitSeconds !== null)
      return iframeError(
        c,
        frameAncestors,
        429,
        'too_many_requests',
        `Too many requests for this Freshdesk account; retry after ${waitSeconds} s.`,
        locale ?? 'en',
        'unavailable',
      );
    // The session is bound to the signed email: it opens that customer's orders and no one else's.
    const session = issueSession(c, context, 'freshdesk', 'freshdesk', email);
    return respondWithPanel(c, context, 'freshdesk', {
      email,
      ...(locale ? { locale } : {}),
      session,
      timeBudgetMs: context.budgets.freshdesk,
      frameAncestors,
    });
  };
  app.get('/freshdesk', open);
  app.post('/freshdesk', open);

  app.post('/freshdesk/panel', (c) => handlePanelPost(c, context, 'freshdesk', frameAncestors));
}
