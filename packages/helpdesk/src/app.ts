import { ConfigurationError, registerSecret, type Logger } from '@wismo/core';
import { Hono } from 'hono';
import { registerFreshdesk } from './adapters/freshdesk';
import { registerGladly } from './adapters/gladly';
import { registerGorgias } from './adapters/gorgias';
import { registerHelpScout } from './adapters/helpscout';
import { registerHubSpot } from './adapters/hubspot';
import { registerIntercom } from './adapters/intercom';
import type { AdapterContext, HelpdeskSecrets } from './adapters/shared';
import { registerZendesk } from './adapters/zendesk';
import { registerTriageRoutes } from './triage/triage-routes';
import { createTokenBucketLimiter, type TokenBucketLimiter } from './http/rate-limit';
import {
  DEFAULT_HELPDESK_RATE_LIMIT,
  DEFAULT_SESSION_TTL_MS,
  HELPDESK_MAX_REQUEST_BYTES,
  HELPDESK_MAX_RESPONSE_BYTES,
  HELPDESK_TIME_BUDGETS_MS,
  type HelpdeskName,
} from './limits';
import type { OrderViewService } from './service/order-view-service';

export interface HelpdeskAppOptions {
  service: OrderViewService;
  /** Only helpdesks with secrets get routes; the others answer 404. */
  secrets: HelpdeskSecrets;
  /** The public URL this app is reachable at, including the mount path, e.g. `https://wismo.example.com/helpdesk`. Signatures over URLs (HubSpot, Gladly) and the iframe links use it. */
  publicBaseUrl: string;
  /** Signs the iframe sessions (Zendesk, Freshdesk). At least 32 characters of randomness. */
  sessionSecret: string;
  now?: () => Date;
  /** Per-helpdesk carrier time budgets; defaults in `HELPDESK_TIME_BUDGETS_MS`. */
  timeBudgetsMs?: Partial<Record<HelpdeskName, number>>;
  /** Per-helpdesk request body limits (413 past them); defaults in `HELPDESK_MAX_REQUEST_BYTES`. */
  maxRequestBytes?: Partial<Record<HelpdeskName, number>>;
  /** Per-helpdesk response budgets; defaults in `HELPDESK_MAX_RESPONSE_BYTES`. */
  maxResponseBytes?: Partial<Record<HelpdeskName, number>>;
  /** Iframe session lifetime. Default 15 minutes. */
  sessionTtlMs?: number;
  /**
   * Requests per helpdesk account and minute, as a token bucket (429 with `Retry-After` past it). Default
   * `DEFAULT_HELPDESK_RATE_LIMIT`; `false` turns it off (e.g. when a gateway in front limits already).
   */
  rateLimit?: { requestsPerMinute?: number; burst?: number; maxAccounts?: number } | false;
  /** Signs the suggested replies. */
  shopName?: string;
  /** Gets warnings (carrier failures, order source errors); secrets are redacted. */
  logger?: Logger;
}

function createAccountLimiter(settings: HelpdeskAppOptions['rateLimit'], now: () => Date): TokenBucketLimiter | null {
  if (settings === false) return null;
  const perMinute = settings?.requestsPerMinute ?? DEFAULT_HELPDESK_RATE_LIMIT.requestsPerMinute;
  if (!(perMinute > 0) || !Number.isFinite(perMinute))
    throw new ConfigurationError('createHelpdeskApp: rateLimit.requestsPerMinute must be a positive number (or rateLimit: false).');
  return createTokenBucketLimiter({
    perMinute,
    burst: settings?.burst ?? Math.min(perMinute, DEFAULT_HELPDESK_RATE_LIMIT.burst),
    maxClients: settings?.maxAccounts ?? 1_000,
    now: () => now().getTime(),
  });
}

function configured<T extends { [key: string]: unknown }>(value: T | undefined, ...required: Array<keyof T>): value is T {
  return value !== undefined && required.every((key) => typeof value[key] === 'string' && (value[key] as string).length > 0);
}

/**
 * A hono app with one route group per configured helpdesk: `/gorgias`, `/helpscout`, `/intercom/initialize`
 * + `/intercom/submit`, `/gladly/lookup`, `/hubspot/card`, `/zendesk` + `/zendesk/panel`, `/freshdesk` +
 * `/freshdesk/panel`. Every request is verified (signature on the raw body, or token) before any order is
 * looked up.
 */
export function createHelpdeskApp(options: HelpdeskAppOptions): Hono {
  let publicBaseUrl: URL;
  try {
    publicBaseUrl = new URL(options.publicBaseUrl);
  } catch {
    throw new ConfigurationError(`createHelpdeskApp: publicBaseUrl must be an absolute URL, got ${JSON.stringify(options.publicBaseUrl)}`);
  }
  if (options.secrets.zendesk || options.secrets.freshdesk) {
    if (!options.sessionSecret || options.sessionSecret.length < 32)
      throw new ConfigurationError('createHelpdeskApp: sessionSecret must be at least 32 characters (it signs iframe sessions).');
  }
  const { secrets } = options;
  for (const value of [
    secrets.gorgias?.apiKey,
    secrets.helpScout?.secretKey,
    secrets.intercom?.clientSecret,
    secrets.gladly?.signingKey,
    secrets.hubspot?.clientSecret,
    secrets.zendesk?.sharedSecret,
    secrets.freshdesk?.sharedSecret,
    options.sessionSecret,
  ]) {
    registerSecret(value);
  }

  const now = options.now ?? (() => new Date());
  const context: AdapterContext = {
    service: options.service,
    secrets,
    publicBaseUrl: publicBaseUrl.href.replace(/\/+$/, ''),
    sessionSecret: options.sessionSecret,
    now,
    budgets: { ...HELPDESK_TIME_BUDGETS_MS, ...options.timeBudgetsMs },
    maxRequestBytes: { ...HELPDESK_MAX_REQUEST_BYTES, ...options.maxRequestBytes },
    maxResponseBytes: { ...HELPDESK_MAX_RESPONSE_BYTES, ...options.maxResponseBytes },
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    limiter: createAccountLimiter(options.rateLimit, now),
    ...(options.shopName ? { shopName: options.shopName } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };

  const app = new Hono();
  if (configured(secrets.gorgias, 'apiKey')) registerGorgias(app, context, secrets.gorgias);
  if (configured(secrets.helpScout, 'secretKey')) registerHelpScout(app, context, secrets.helpScout);
  if (configured(secrets.intercom, 'clientSecret')) registerIntercom(app, context, secrets.intercom);
  if (configured(secrets.gladly, 'signingKey')) registerGladly(app, context, secrets.gladly);
  if (configured(secrets.hubspot, 'clientSecret')) registerHubSpot(app, context, secrets.hubspot);
  if (secrets.zendesk && (secrets.zendesk.sharedSecret || secrets.zendesk.publicKey)) registerZendesk(app, context, secrets.zendesk);
  if (configured(secrets.freshdesk, 'sharedSecret')) registerFreshdesk(app, context, secrets.freshdesk);
  // POST /{helpdesk}/triage beside each configured panel.
  registerTriageRoutes(app, context);
  return app;
}
