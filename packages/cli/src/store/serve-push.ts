import { BRIDGE_ENVIRONMENT, createBridgeReceivers } from '@wismo/bridges';
import { createDhlPushReceiver } from '@wismo/carrier-dhl';
import { createFedexPushReceiver } from '@wismo/carrier-fedex';
import { createUpsPushReceiver, createUpsPushSubscriber } from '@wismo/carrier-ups';
import { UPS_TOKEN_PATH } from '@wismo/carrier-ups/internal';
import { createUspsPushReceiver, createUspsPushSubscriber } from '@wismo/carrier-usps';
import { USPS_TOKEN_PATH } from '@wismo/carrier-usps/internal';
import type { PushReceiver, PushSubscriber } from '@wismo/core';
import { createOAuthClientCredentials, type OAuthClientCredentialsOptions } from '@wismo/core/internal';
import type { WismoConfig } from '../config';
import { usageError } from '../errors';

/** `--public-url` of `wismo serve` and `wismo worker` falls back to this variable. */
export const PUBLIC_URL_ENV = 'WISMO_PUBLIC_URL';

/**
 * The public origin from `--public-url`, else `WISMO_PUBLIC_URL` (an empty variable, as Compose's `${X:-}` gives,
 * counts as unset): an absolute http(s) URL, or a usage error.
 */
export function readPublicUrl(option: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const publicUrl = option ?? (env[PUBLIC_URL_ENV]?.trim() || undefined);
  if (publicUrl !== undefined && !/^https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?$/.test(publicUrl))
    throw usageError(`--public-url must be an absolute http(s) URL such as https://track.example.com, not "${publicUrl}".`);
  return publicUrl;
}

/** The variables that turn each carrier's push receiver on in `wismo serve`. Values are secrets: never printed. */
export const CARRIER_PUSH_ENVIRONMENT = {
  /** UPS Track Alert v1: the `credential` given in the subscription's destination. */
  upsCredential: 'WISMO_UPS_PUSH_CREDENTIAL',
  /** UPS Track Alert v2: the webhook client id and secret set in the UPS portal (UPS fetches a token from us). */
  upsClientId: 'WISMO_UPS_PUSH_CLIENT_ID',
  upsClientSecret: 'WISMO_UPS_PUSH_CLIENT_SECRET',
  /** FedEx: the webhook project's security token. */
  fedexSecurityToken: 'WISMO_FEDEX_PUSH_SECURITY_TOKEN',
  /** USPS: the 32-character subscription secret. */
  uspsSecret: 'WISMO_USPS_PUSH_SECRET',
  /** DHL: the token, and the header named at subscription (default `x-wismo-dhl-token`). */
  dhlToken: 'WISMO_DHL_PUSH_TOKEN',
  dhlHeader: 'WISMO_DHL_PUSH_HEADER',
} as const;

/** For `wismo serve --help`. */
export const SERVE_PUSH_HELP = `
Push receivers (mounted when their variables are set; needs a store):
  POST /webhooks/carriers/ups        ${CARRIER_PUSH_ENVIRONMENT.upsCredential} (Track Alert v1), or
                                     ${CARRIER_PUSH_ENVIRONMENT.upsClientId} + ${CARRIER_PUSH_ENVIRONMENT.upsClientSecret} (v2, token at …/ups/token)
  POST /webhooks/carriers/fedex      ${CARRIER_PUSH_ENVIRONMENT.fedexSecurityToken}
  POST /webhooks/carriers/usps       ${CARRIER_PUSH_ENVIRONMENT.uspsSecret} (32 characters)
  POST /webhooks/carriers/dhl        ${CARRIER_PUSH_ENVIRONMENT.dhlToken} (header: ${CARRIER_PUSH_ENVIRONMENT.dhlHeader}, default x-wismo-dhl-token)
  POST /webhooks/aggregators/aftership  ${BRIDGE_ENVIRONMENT.aftership}
  POST /webhooks/aggregators/easypost   ${BRIDGE_ENVIRONMENT.easypost} (WISMO_EASYPOST_REQUIRE_V2=1 refuses the legacy signature)
  POST /webhooks/aggregators/ship24     ${BRIDGE_ENVIRONMENT.ship24}
  POST /webhooks/aggregators/17track    ${BRIDGE_ENVIRONMENT['17track']}
With --worker and --public-url, parcels watched by push on UPS (v1 or v2) or USPS are subscribed to these routes
with the carrier's API credentials from the config, and the subscriptions renewed before they expire (separate
\`wismo worker\` processes do it when given the same variables and --public-url / $${PUBLIC_URL_ENV}).
The values are secrets: wismo never prints them.`;

/** For `wismo worker --help`: the workers subscribe, `wismo serve` receives. */
export const WORKER_PUSH_HELP = `
Carrier push: with --public-url (or $${PUBLIC_URL_ENV}) pointing at \`wismo serve\`, parcels watched by push on UPS or USPS
are subscribed to its receivers and the subscriptions renewed, with the carrier's API credentials from the config and
the same variables as the server: ${CARRIER_PUSH_ENVIRONMENT.upsCredential} (UPS Track Alert v1) or
${CARRIER_PUSH_ENVIRONMENT.upsClientId} + ${CARRIER_PUSH_ENVIRONMENT.upsClientSecret} (v2), ${CARRIER_PUSH_ENVIRONMENT.uspsSecret}. The values are secrets: never printed.`;

/**
 * The carrier and aggregator receivers whose variables are set. A half-configured carrier (a UPS v2 client id
 * without its secret, a USPS secret of the wrong length) is a usage error naming the variable, never its value.
 */
export function readServePushReceivers(env: Readonly<Record<string, string | undefined>>): PushReceiver[] {
  const value = (name: string) => env[name]?.trim() || undefined;
  const names = CARRIER_PUSH_ENVIRONMENT;
  const receivers: PushReceiver[] = [];

  const upsCredential = value(names.upsCredential);
  const upsClientId = value(names.upsClientId);
  const upsClientSecret = value(names.upsClientSecret);
  if (upsCredential && (upsClientId || upsClientSecret))
    throw usageError(
      `Set either ${names.upsCredential} (Track Alert v1) or ${names.upsClientId} + ${names.upsClientSecret} (v2), not both.`,
    );
  if (Boolean(upsClientId) !== Boolean(upsClientSecret))
    throw usageError(`UPS Track Alert v2 needs both ${names.upsClientId} and ${names.upsClientSecret}.`);
  if (upsCredential) receivers.push(createUpsPushReceiver({ flavour: 'v1', credential: upsCredential }));
  if (upsClientId && upsClientSecret)
    receivers.push(createUpsPushReceiver({ flavour: 'v2', clientId: upsClientId, clientSecret: upsClientSecret }));

  const fedexToken = value(names.fedexSecurityToken);
  if (fedexToken) receivers.push(createFedexPushReceiver({ securityToken: fedexToken }));

  const uspsSecret = value(names.uspsSecret);
  if (uspsSecret && uspsSecret.length !== 32)
    throw usageError(`${names.uspsSecret} must be 32 characters long (USPS's rule for the subscription secret).`);
  if (uspsSecret) receivers.push(createUspsPushReceiver({ secret: uspsSecret }));

  const dhlToken = value(names.dhlToken);
  if (dhlToken) receivers.push(createDhlPushReceiver({ header: value(names.dhlHeader) ?? 'x-wismo-dhl-token', token: dhlToken }));

  return [...receivers, ...createBridgeReceivers(env)];
}

/** USPS's OAuth scope for the Subscriptions-Tracking API (the tracking scope does not cover it). */
const USPS_SUBSCRIPTIONS_SCOPE = 'subscriptions-tracking';

/** True when a carrier's push variables are set, so a worker without a public URL should say it subscribes nothing. */
export function hasPushSubscriberVariables(env: Readonly<Record<string, string | undefined>>): boolean {
  const names = CARRIER_PUSH_ENVIRONMENT;
  return [names.upsCredential, names.upsClientId, names.uspsSecret].some((name) => Boolean(env[name]?.trim()));
}

/**
 * The configured `baseUrl` (if any) and a token source for a carrier's push API, from the settings its tracking
 * adapter gets: `authUrl`, else the token path on `baseUrl` or the carrier's production host.
 */
function pushApiAccess(
  settings: Record<string, unknown>,
  carrier: Pick<OAuthClientCredentialsOptions, 'carrierId' | 'carrierName' | 'credentialsIn' | 'scope'> & {
    defaultBaseUrl: string;
    tokenPath: string;
  },
): { baseUrl: string | undefined; accessToken: () => Promise<string> } {
  const text = (key: string) => (typeof settings[key] === 'string' ? (settings[key] as string) : undefined);
  const baseUrl = text('baseUrl');
  const tokens = createOAuthClientCredentials({
    carrierId: carrier.carrierId,
    carrierName: carrier.carrierName,
    tokenUrl: text('authUrl') ?? `${baseUrl ?? carrier.defaultBaseUrl}${carrier.tokenPath}`,
    clientId: text('clientId'),
    clientSecret: text('clientSecret'),
    credentialsIn: carrier.credentialsIn,
    ...(carrier.scope ? { scope: carrier.scope } : {}),
  });
  return { baseUrl, accessToken: () => tokens.token() };
}

/**
 * The carrier accounts that subscribe by number, for `wismo serve --worker` and `wismo worker` (both modes): UPS
 * Track Alert when its push receiver and its API credentials are configured, USPS likewise. The carriers push to
 * `publicUrl`, so without one nothing is subscribed. Tokens come from the carrier's OAuth endpoint with the
 * configured credentials. The variables get the receivers' checks, so a worker refuses what `wismo serve` would.
 */
export function readServePushSubscribers(options: {
  config: WismoConfig;
  env: Readonly<Record<string, string | undefined>>;
  publicUrl: string | undefined;
}): PushSubscriber[] {
  const value = (name: string) => options.env[name]?.trim() || undefined;
  const names = CARRIER_PUSH_ENVIRONMENT;
  if (!options.publicUrl) return [];
  readServePushReceivers(options.env);
  const listener = (carrier: string) => `${options.publicUrl!.replace(/\/+$/, '')}/webhooks/carriers/${carrier}`;
  const subscribers: PushSubscriber[] = [];

  const ups = options.config.carriers.ups;
  const upsCredential = value(names.upsCredential);
  const upsV2 = value(names.upsClientId) !== undefined;
  if (ups && (upsCredential || upsV2)) {
    const { baseUrl, accessToken } = pushApiAccess(ups, {
      carrierId: 'ups',
      carrierName: 'UPS',
      defaultBaseUrl: 'https://onlinetools.ups.com',
      tokenPath: UPS_TOKEN_PATH,
      credentialsIn: 'basic',
    });
    subscribers.push(
      createUpsPushSubscriber({
        accessToken,
        ...(baseUrl ? { baseUrl } : {}),
        ...(upsCredential ? { flavour: 'v1', destination: { url: listener('ups'), credential: upsCredential } } : { flavour: 'v2' }),
      }),
    );
  }

  const usps = options.config.carriers.usps;
  const uspsSecret = value(names.uspsSecret);
  if (usps && uspsSecret) {
    const { baseUrl, accessToken } = pushApiAccess(usps, {
      carrierId: 'usps',
      carrierName: 'USPS',
      defaultBaseUrl: 'https://apis.usps.com',
      tokenPath: USPS_TOKEN_PATH,
      credentialsIn: 'body',
      scope: USPS_SUBSCRIPTIONS_SCOPE,
    });
    subscribers.push(
      createUspsPushSubscriber({
        accessToken,
        ...(baseUrl ? { baseUrl } : {}),
        listenerURL: listener('usps'),
        secret: uspsSecret,
      }),
    );
  }
  return subscribers;
}
