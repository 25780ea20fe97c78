import {
  CARRIER_ADAPTER_SPECIFICATION_VERSION,
  errorOutcome,
  type CarrierAdapter,
  type CarrierCapabilities,
  type CarrierContactBook,
  type TrackContext,
  type TrackOutcome,
} from './carrier-adapter';
import { loadSetting } from './load-setting';
import { BadResponseError, ConfigurationError, InvalidNumberError, WismoError } from '../errors';
import {
  createHttpClient,
  parseJsonBody,
  type AuthorizationProvider,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type TransportSettings,
} from '../transport/http-client';
import { logSafely } from '../transport/logger';
import { createOAuthClientCredentials } from '../transport/oauth-client-credentials';
import { registerSecret } from '../transport/redact';
import { createSession, type Session, type SessionLoginResult } from './session-auth';
import { chunk } from '../collections/chunk';
import { pauseAfterRateLimit, type RateLimitPause } from '../kit-helpers/pause-after-rate-limit';

/** What every carrier's settings accept beside its credentials. */
export interface CarrierSettings extends TransportSettings {
  /** API origin: the carrier's production URL by default, its sandbox or a mock. */
  baseUrl?: string;
  /** Full URL of the OAuth token endpoint (OAuth carriers). Default: `{baseUrl}{tokenPath}`. */
  authUrl?: string;
  /** e.g. `en-US`; a per-call `locale` wins. Sent in the form the carrier takes. */
  locale?: string;
  /** Clock for `fetchedAt` (tests, reproducible output). Default: `() => new Date()`. */
  clock?: () => Date;
}

/** The string settings of `Settings`: the keys a credential can be read into. */
export type CredentialSetting<Settings> = {
  [Key in keyof Settings]-?: NonNullable<Settings[Key]> extends string ? Key : never;
}[keyof Settings] &
  string;

export interface CredentialDescription {
  /** The documented environment variable read when the setting is absent, e.g. `UPS_CLIENT_ID`. */
  environmentVariable: string;
  /** What it is, for the configuration error: `client id`, `API key`. */
  label: string;
}

/** What a session carrier's `login` gets: the connection, to call its login service with. */
export interface SessionLoginContext<Settings> {
  http: HttpClient;
  settings: Settings;
  credentials: Readonly<Record<string, string>>;
  /** The body of the login answer, read as the description's `readBody` says. */
  readBody(response: HttpResponse): unknown;
  signal?: AbortSignal;
}

export type CarrierAuth<Setting extends string, Settings = CarrierSettings> =
  | { type: 'none' }
  | { type: 'api-key-header'; header: string; apiKey: Setting }
  /** Credentials sent as headers on every call (Royal Mail's client id and secret), computed once from the credentials. */
  | { type: 'headers'; headers(credentials: Readonly<Record<string, string>>): Record<string, string> }
  | { type: 'basic'; username: Setting; password: Setting }
  | {
      type: 'oauth-client-credentials';
      /** Appended to `baseUrl` unless `settings.authUrl` is given. */
      tokenPath: string;
      /** The settings holding the client pair. Default: `clientId` and `clientSecret`. */
      clientId?: Setting;
      clientSecret?: Setting;
      /** `basic`: HTTP Basic header (UPS); `body`: form fields (FedEx, USPS). */
      credentialsIn: 'basic' | 'body';
      scope?: string;
    }
  | {
      /** OAuth password grant (Hermes): client credentials plus a user's name and password. */
      type: 'oauth-password';
      /** The token endpoint: an absolute `tokenUrl` (another host) or a `tokenPath` on `baseUrl`; `settings.authUrl` wins. */
      tokenUrl?: string;
      tokenPath?: string;
      /** Default: `clientId` and `clientSecret`. */
      clientId?: Setting;
      clientSecret?: Setting;
      username: Setting;
      password: Setting;
      credentialsIn: 'basic' | 'body';
      scope?: string;
    }
  | {
      /**
       * A login session (DPD's SOAP LoginService): `login` returns a token and its expiry; the kit caches it per
       * adapter, shares one login between concurrent requests, and logs in again once when a cached token is refused.
       * The token reaches `request` as `batch.sessionToken`, and the headers of `headers` when given.
       */
      type: 'session';
      login(context: SessionLoginContext<Settings>): Promise<SessionLoginResult>;
      headers?(token: string): Record<string, string>;
      /** Log in again this long before the token expires. Default 60 s. */
      refreshMarginMs?: number;
      /** How long a token is used when its expiry is unknown. Default 1 h. */
      fallbackLifetimeMs?: number;
    };

/** One request's worth of numbers, in the carrier's canonical form, with the call's locale already converted. */
export interface CarrierBatch<Settings> {
  trackingNumbers: readonly string[];
  /** The call's locale (else the settings', else the description's default), in the carrier's form. */
  locale: string | undefined;
  settings: Settings;
  credentials: Readonly<Record<string, string>>;
  /** The session token (`auth: { type: 'session' }`), for carriers that send it in the body. */
  sessionToken?: string;
}

/** What a parse function receives: everything it needs, nothing it must fetch. */
export interface CarrierParseInput {
  httpStatus: number;
  /** The parsed body (see `readBody`). */
  body: unknown;
  /** The numbers of this request, as sent (canonical form), in order. */
  trackingNumbers: readonly string[];
  fetchedAt?: Date;
  includeRaw?: boolean;
}

/** A per-number result of a batch pipeline: `TrackOutcome`, or a carrier's richer result (FedEx's alternatives). */
export interface NumberResult {
  trackingNumber: string;
}

/** How `CarrierKit.track` builds and relabels results of type `Result`. */
export interface ResultShape<Result extends NumberResult> {
  parse(input: CarrierParseInput): Result[];
  fail(trackingNumber: string, error: WismoError): Result;
  /** The same result for the number as the caller wrote it. */
  relabel(result: Result, requested: string): Result;
}

/** Where `CarrierKit.track` sends its batches when not to the description's endpoint (Royal Mail's `/summary`). */
export interface CarrierEndpoint<Settings> {
  request(batch: CarrierBatch<Settings>): Omit<HttpRequest, 'signal'>;
  maxNumbersPerRequest: number;
}

/** A side call about one number (a signature, a proof of delivery): an outcome of its own, or a failure. */
export type SideOutcome<Result> = Result | { trackingNumber: string; ok: false; error: WismoError };

export interface SideRequest<Result extends { trackingNumber: string; ok: boolean; error?: WismoError }> {
  /** What the call fetches, for the error of an empty number: `signature` → "An empty tracking number has no signature." */
  what: string;
  /** The request for the number in its canonical form (`normaliseNumber`, accepted by `checkNumber`). */
  request(canonicalNumber: string, credentials: Readonly<Record<string, string>>): Omit<HttpRequest, 'signal'>;
  /** Pure: the answer for the number (`canonicalNumber`; the result is relabelled to the number as the caller wrote it). */
  parse(httpStatus: number, body: unknown, canonicalNumber: string): SideOutcome<Result>;
  signal?: AbortSignal;
}

/** What `extend` gets to build carrier-specific methods on the same connection, and `pauseAfterRateLimit` its pause. */
export interface CarrierKit<Settings> {
  settings: Settings;
  now: () => Date;
  /** The connection (credentials checked, URLs validated), made on first use; throws `ConfigurationError`. */
  connect(): { http: HttpClient; credentials: Readonly<Record<string, string>> };
  /** The body of a response, read as `readBody` says (JSON by default). */
  readBody(response: HttpResponse): unknown;
  /** Any error as the carrier's typed error (`refineError` applied); an unexpected one is logged. */
  asError(error: unknown, logger?: TrackContext['logger']): WismoError;
  /**
   * The `track` pipeline (normalise, check, de-duplicate, chunk, request, parse, relabel) with another result shape
   * (`trackOutcomes(parse)` for plain outcomes of another parse function), and another endpoint when given.
   */
  track<Result extends NumberResult>(
    trackingNumbers: readonly string[],
    context: TrackContext,
    shape: ResultShape<Result>,
    endpoint?: CarrierEndpoint<Settings>,
  ): Promise<Result[]>;
  /** One side call about one number on the same connection; never rejects (an error thrown is the number's failure). */
  requestAbout<Result extends { trackingNumber: string; ok: boolean; error?: WismoError }>(
    trackingNumber: string,
    call: SideRequest<Result>,
  ): Promise<SideOutcome<Result>>;
}

/**
 * A carrier, described: data plus a request builder and a parse function. `defineCarrier` turns it into a
 * `CarrierAdapter` factory; chunking, OAuth, the never-reject rule, locales, logging and redaction are core's.
 */
export interface CarrierDescription<Settings extends CarrierSettings, Extension extends object = object> {
  id: string;
  name: string;
  capabilities: CarrierCapabilities;
  contact: CarrierContactBook;
  trackingUrl(trackingNumber: string): string;
  /** The production origin, used when `settings.baseUrl` is absent. */
  baseUrl: string;
  /** Cleans a configured `baseUrl` (e.g. UPS drops a trailing `/api`); trailing slashes are always removed. */
  normaliseBaseUrl?(baseUrl: string): string;
  /** Credentials by setting name, each with its documented environment variable. */
  credentials: Readonly<Partial<Record<CredentialSetting<Settings>, CredentialDescription>>>;
  /** Where a user gets credentials, ending the configuration error: `an app with the Tracking API on developer.ups.com`. */
  credentialsSource: string;
  auth: CarrierAuth<CredentialSetting<Settings>, Settings>;
  /** How the carrier writes locales: `en_US` (`underscore`) or `en-US` (`hyphen`); `default` when none is given. */
  locale?: { form: 'underscore' | 'hyphen'; default?: string };
  /** The canonical form of a number, sent and used to de-duplicate a batch. Default: trimmed. */
  normaliseNumber?(trackingNumber: string): string;
  /**
   * The form a number must have to be sent, in words the kit completes (`pattern` without the `g` flag):
   * `{ pattern: /^[A-Z0-9]{7,34}$/, rule: 'inquiry numbers are 7 to 34 letters and digits' }` refuses any other number
   * with "UPS inquiry numbers are 7 to 34 letters and digits; this one is not, so it was not sent to UPS."
   */
  numberForm?: { pattern: RegExp; rule: string };
  /** Refuses a number before anything is sent (it gets this error, the others are still tracked); after `numberForm`. */
  checkNumber?(canonicalNumber: string): WismoError | null;
  /** The HTTP request for one batch of at most `capabilities.maxNumbersPerRequest` numbers. */
  request(batch: CarrierBatch<Settings>): Omit<HttpRequest, 'signal'>;
  /** Reads a response body for `parse`. Default: JSON, with an HTML page or broken JSON as `bad_response`. */
  readBody?(response: HttpResponse): unknown;
  /**
   * With the default `readBody`: a 404 whose body is not JSON (an HTML page, nothing) reaches `parse` as no body,
   * for a carrier whose 404 means "not found" whatever its body says (UPS, La Poste).
   */
  unreadable404IsEmpty?: boolean;
  /** Pure: one outcome per requested number, in order. */
  parse(input: CarrierParseInput): TrackOutcome[];
  /** The carrier's own message and codes from an error body, for the transport's errors. */
  describeErrorBody?(body: string, now: Date): ReturnType<NonNullable<HttpClientOptions['describeErrorBody']>>;
  /** Sharpens a transport error (FedEx: a spent daily quota). */
  refineError?(error: WismoError, now: Date): WismoError;
  /** Extra headers for the token request (UPS: `x-merchant-id`). */
  tokenHeaders?(settings: Settings): Record<string, string> | undefined;
  /** The OAuth scope when the settings choose it (USPS: `scope: false` asks for none). Default: `auth.scope`. */
  tokenScope?(settings: Settings): string | undefined;
  /** Carrier-specific methods beside `track`, built on the same connection. */
  extend?(kit: CarrierKit<Settings>): Extension;
  /**
   * When to stop calling the carrier for a while (a spent quota, a 429 that outlived the retries): see
   * `pauseAfterRateLimit`. `kit.now` is the adapter's clock (`settings.clock`, else the system's).
   */
  pauseAfterRateLimit?(kit: CarrierKit<Settings>): RateLimitPause;
}

/** What a carrier needs to be configured, for registries, configuration files and help texts. */
export interface CarrierInfo {
  id: string;
  name: string;
  /** The production origin. */
  baseUrl: string;
  credentials: ReadonlyArray<{ setting: string } & CredentialDescription>;
  credentialsSource: string;
}

export type CarrierFactory<Settings extends CarrierSettings, Extension extends object = object> = ((
  settings?: Settings,
) => CarrierAdapter & Extension) & {
  /** The carrier's identity and credentials, readable without building an adapter. */
  readonly carrier: CarrierInfo;
};

function toCarrierLocale(locale: string | undefined, form: 'underscore' | 'hyphen'): string | undefined {
  const trimmed = locale?.trim();
  if (!trimmed) return undefined;
  return form === 'underscore' ? trimmed.replace('-', '_') : trimmed.replace('_', '-');
}

/** An http(s) origin, or a configuration error naming the setting: a typo is not "carrier unavailable". */
function checkUrl(carrierId: string, carrierName: string, setting: string, value: string): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(value);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    // Whatever precedes an `@` may be a user and password: never echoed.
    const shown = value.replace(/^(.*?\/\/)?[^/@]*@/, '$1…@');
    throw new ConfigurationError(
      `${carrierName}: ${setting} "${shown}" is not an http(s) URL. Leave it out for the production API, or give the sandbox or mock origin, e.g. https://example.test.`,
      {
        carrierId,
      },
    );
  }
  return value;
}

function isAuthFailure(result: NumberResult): boolean {
  const outcome = result as Partial<TrackOutcome>;
  return outcome.ok === false && outcome.error?.code === 'auth_failed';
}

/** The same outcome for the number as the caller wrote it. */
export function relabelOutcome(outcome: TrackOutcome, requested: string): TrackOutcome {
  if (outcome.trackingNumber === requested) return outcome;
  if (outcome.ok) return { trackingNumber: requested, ok: true, shipment: { ...outcome.shipment, trackingNumber: requested } };
  return errorOutcome(requested, outcome.error);
}

/** The result shape of `track`: a parse function's outcomes, relabelled to the numbers as the caller wrote them. */
export function trackOutcomes(parse: (input: CarrierParseInput) => TrackOutcome[]): ResultShape<TrackOutcome> {
  return { parse, fail: errorOutcome, relabel: relabelOutcome };
}

/**
 * Turns a carrier description into a factory of `CarrierAdapter`s. The factory never throws: credentials
 * and URLs are checked when the adapter is first used, and a problem there is a `configuration` error for
 * every number, with the same helpful message for every carrier.
 */
export function defineCarrier<Settings extends CarrierSettings, Extension extends object = object>(
  description: CarrierDescription<Settings, Extension>,
): CarrierFactory<Settings, Extension> {
  const { id, name } = description;
  const credentialEntries = Object.entries(description.credentials) as Array<[string, CredentialDescription]>;
  const normaliseNumber = description.normaliseNumber ?? ((trackingNumber: string) => trackingNumber.trim());
  const { numberForm } = description;
  /** Why a number in canonical form is not sent, or null: `numberForm`, then `checkNumber`. */
  const refusal = (canonicalNumber: string): WismoError | null =>
    numberForm && !numberForm.pattern.test(canonicalNumber)
      ? new InvalidNumberError(`${name} ${numberForm.rule}; this one is not, so it was not sent to ${name}.`, { carrierId: id })
      : (description.checkNumber?.(canonicalNumber) ?? null);

  const carrier: CarrierInfo = {
    id,
    name,
    baseUrl: description.baseUrl,
    credentials: credentialEntries.map(([setting, credential]) => ({ setting, ...credential })),
    credentialsSource: description.credentialsSource,
  };
  const factory = (settings = {} as Settings) => {
    const now = settings.clock ?? (() => new Date());
    let connection: { http: HttpClient; credentials: Readonly<Record<string, string>> } | null = null;

    function resolveCredentials(): Record<string, string> {
      const resolved: Record<string, string> = {};
      const missing: Array<[string, CredentialDescription]> = [];
      for (const [setting, credential] of credentialEntries) {
        const value = loadSetting((settings as Record<string, unknown>)[setting] as string | undefined, credential.environmentVariable);
        if (value === undefined) missing.push([setting, credential]);
        else resolved[setting] = value;
      }
      if (missing.length > 0) {
        const what = missing.map(([, credential]) => credential.label).join(' and ');
        const pass = missing.map(([setting]) => setting).join(', ');
        const variables = missing.map(([, credential]) => credential.environmentVariable).join(' and ');
        throw new ConfigurationError(
          `${name}: no ${what}. Pass { ${pass} } in the ${name} settings or set ${variables}; get them from ${description.credentialsSource}.`,
          { carrierId: id },
        );
      }
      // Re-registered on every use: the registry is bounded, and credentials in use must stay in it.
      for (const value of Object.values(resolved)) registerSecret(value);
      return resolved;
    }

    function authorization(credentials: Record<string, string>, baseUrl: string): AuthorizationProvider | undefined {
      const auth = description.auth;
      switch (auth.type) {
        case 'none':
          return undefined;
        case 'api-key-header':
          return { headers: async () => ({ [auth.header]: credentials[auth.apiKey]! }) };
        case 'headers': {
          const headers = auth.headers(credentials);
          return { headers: async () => headers };
        }
        case 'basic': {
          const encoded = Buffer.from(`${credentials[auth.username]}:${credentials[auth.password]}`).toString('base64');
          registerSecret(encoded);
          return { headers: async () => ({ Authorization: `Basic ${encoded}` }) };
        }
        case 'session':
          // Not a header provider: the session lives beside the request (see `trackBatch`).
          return undefined;
        case 'oauth-password':
        case 'oauth-client-credentials': {
          // The password grant is client credentials plus the resource owner's user name and password.
          const password = auth.type === 'oauth-password';
          return createOAuthClientCredentials({
            carrierId: id,
            carrierName: name,
            tokenUrl: checkUrl(
              id,
              name,
              'authUrl',
              settings.authUrl?.trim() || (password ? auth.tokenUrl : undefined) || `${baseUrl}${auth.tokenPath ?? ''}`,
            ),
            clientId: credentials[auth.clientId ?? 'clientId'],
            clientSecret: credentials[auth.clientSecret ?? 'clientSecret'],
            ...(password ? { resourceOwner: { username: credentials[auth.username], password: credentials[auth.password] } } : {}),
            credentialsIn: auth.credentialsIn,
            scope: description.tokenScope ? description.tokenScope(settings) : auth.scope,
            extraHeaders: description.tokenHeaders?.(settings),
            timeoutMs: settings.timeoutMs,
            retries: settings.retries,
            retryMinDelayMs: settings.retryMinDelayMs,
            retryMaxDelayMs: settings.retryMaxDelayMs,
            logger: settings.logger,
            httpsAgent: settings.httpsAgent,
            requestObserver: settings.requestObserver,
          });
        }
      }
    }

    function connect(): { http: HttpClient; credentials: Readonly<Record<string, string>> } {
      const credentials = resolveCredentials();
      if (connection) return connection;
      const configured = (settings.baseUrl ?? description.baseUrl).trim().replace(/\/+$/, '');
      const baseUrl = checkUrl(id, name, 'baseUrl', description.normaliseBaseUrl ? description.normaliseBaseUrl(configured) : configured);
      const http = createHttpClient({
        timeoutMs: settings.timeoutMs,
        retries: settings.retries,
        retryMinDelayMs: settings.retryMinDelayMs,
        retryMaxDelayMs: settings.retryMaxDelayMs,
        maxRetryAfterMs: settings.maxRetryAfterMs,
        rateLimit: settings.rateLimit,
        rateLimiter: settings.rateLimiter,
        logger: settings.logger,
        httpsAgent: settings.httpsAgent,
        requestObserver: settings.requestObserver,
        carrierId: id,
        carrierName: name,
        baseUrl,
        auth: authorization(credentials, baseUrl),
        defaultRateLimit: description.capabilities.rateLimit,
        describeErrorBody: description.describeErrorBody ? (body) => description.describeErrorBody!(body, now()) : undefined,
      });
      connection = { http, credentials };
      return connection;
    }

    function asError(error: unknown, logger?: TrackContext['logger']): WismoError {
      if (WismoError.isInstance(error)) return description.refineError ? description.refineError(error, now()) : error;
      // Not a carrier problem but a bug in the adapter: still an outcome, never a rejection.
      logSafely(
        logger ?? settings.logger,
        'error',
        `${name}: unexpected error while tracking: ${String((error as Error)?.message ?? error)}`,
        { carrierId: id },
      );
      return new BadResponseError(`${name}: the response could not be processed (unexpected error in the adapter)`, {
        carrierId: id,
        cause: error,
      });
    }

    const readJson = (response: HttpResponse) => parseJsonBody(response, name, id);
    const readBody =
      description.readBody ??
      (description.unreadable404IsEmpty
        ? (response: HttpResponse) => {
            try {
              return readJson(response);
            } catch (error) {
              if (response.status === 404) return undefined;
              throw error;
            }
          }
        : readJson);

    const sessionAuth = description.auth.type === 'session' ? description.auth : null;
    const session: Session | null = sessionAuth
      ? createSession({
          login: (signal) => {
            const { http, credentials } = connect();
            return sessionAuth.login({ http, settings, credentials, readBody, signal });
          },
          now: () => now().getTime(),
          refreshMarginMs: sessionAuth.refreshMarginMs ?? 60_000,
          fallbackLifetimeMs: sessionAuth.fallbackLifetimeMs ?? 3_600_000,
        })
      : null;

    async function trackBatch<Result extends NumberResult>(
      numbers: string[],
      context: TrackContext,
      shape: ResultShape<Result>,
      endpoint: CarrierEndpoint<Settings>,
      retriedLogin = false,
    ): Promise<Result[]> {
      let login: { token: string; fresh: boolean } | undefined;
      // A cached session token the carrier refuses (revoked, expired early): one new login, the batch once more.
      const retryWithNewLogin = () => {
        if (!session || !login || login.fresh || retriedLogin) return null;
        session.invalidate(login.token);
        return trackBatch(numbers, context, shape, endpoint, true);
      };
      try {
        const { http, credentials } = connect();
        login = session ? await session.token(context.signal) : undefined;
        const locale = toCarrierLocale(
          context.locale ?? settings.locale ?? description.locale?.default,
          description.locale?.form ?? 'hyphen',
        );
        const request = endpoint.request({ trackingNumbers: numbers, locale, settings, credentials, sessionToken: login?.token });
        const headers = login && sessionAuth?.headers ? { ...request.headers, ...sessionAuth.headers(login.token) } : request.headers;
        const response = await http.request({ ...request, headers, signal: context.signal });
        const results = shape.parse({
          httpStatus: response.status,
          body: readBody(response),
          trackingNumbers: numbers,
          fetchedAt: now(),
          includeRaw: context.includeRaw,
        });
        return (results.some(isAuthFailure) && retryWithNewLogin()) || results;
      } catch (error) {
        const failure = asError(error, context.logger);
        return (failure.code === 'auth_failed' && retryWithNewLogin()) || numbers.map((number) => shape.fail(number, failure));
      }
    }

    async function track<Result extends NumberResult>(
      trackingNumbers: readonly string[],
      context: TrackContext,
      shape: ResultShape<Result>,
      endpoint: CarrierEndpoint<Settings> = ownEndpoint,
    ): Promise<Result[]> {
      try {
        connect();
      } catch (error) {
        const failure = asError(error, context.logger);
        return trackingNumbers.map((number) => shape.fail(number, failure));
      }
      const canonical = trackingNumbers.map((trackingNumber) => normaliseNumber(String(trackingNumber ?? '')));
      const refused = new Map<string, WismoError>();
      const toSend: string[] = [];
      // Each distinct number is sent once, in batches of the carrier's size, all batches at once (the rate limiter paces them).
      for (const number of new Set(canonical)) {
        if (number === '') continue;
        const problem = refusal(number);
        if (problem) refused.set(number, problem);
        else toSend.push(number);
      }
      const batches = await Promise.all(
        chunk(toSend, Math.max(1, endpoint.maxNumbersPerRequest)).map((numbers) => trackBatch(numbers, context, shape, endpoint)),
      );
      const byNumber = new Map<string, Result>();
      for (const results of batches)
        for (const result of results) if (!byNumber.has(result.trackingNumber)) byNumber.set(result.trackingNumber, result);
      return trackingNumbers.map((requested, index) => {
        const number = canonical[index]!;
        if (number === '')
          return shape.fail(
            requested,
            new InvalidNumberError(`An empty tracking number cannot be tracked by ${name}.`, { carrierId: id, trackingNumber: requested }),
          );
        const problem = refused.get(number);
        if (problem) return shape.fail(requested, problem);
        const result = byNumber.get(number);
        if (!result)
          return shape.fail(
            requested,
            new BadResponseError(`${name} returned no result for this number`, { carrierId: id, trackingNumber: requested }),
          );
        return shape.relabel(result, requested);
      });
    }

    async function requestAbout<Result extends { trackingNumber: string; ok: boolean; error?: WismoError }>(
      trackingNumber: string,
      call: SideRequest<Result>,
    ): Promise<SideOutcome<Result>> {
      const fail = (error: WismoError) => ({ trackingNumber, ok: false as const, error: error.forTrackingNumber(trackingNumber) });
      const number = normaliseNumber(String(trackingNumber ?? ''));
      const options = { carrierId: id, trackingNumber };
      if (number === '') return fail(new InvalidNumberError(`An empty tracking number has no ${call.what}.`, options));
      const refused = refusal(number);
      if (refused) return fail(refused);
      try {
        const { http, credentials } = connect();
        const response = await http.request({ ...call.request(number, credentials), signal: call.signal });
        const result = call.parse(response.status, readBody(response), number);
        return result.ok ? ({ ...result, trackingNumber } as Result) : fail(result.error!);
      } catch (error) {
        return fail(asError(error));
      }
    }

    const ownEndpoint: CarrierEndpoint<Settings> = {
      request: (batch) => description.request(batch),
      maxNumbersPerRequest: description.capabilities.maxNumbersPerRequest,
    };
    const outcomes = trackOutcomes((input) => description.parse(input));
    const kit: CarrierKit<Settings> = { settings, now, connect, readBody, asError, track, requestAbout };
    const adapter: CarrierAdapter = {
      specificationVersion: CARRIER_ADAPTER_SPECIFICATION_VERSION,
      id,
      name,
      contact: description.contact,
      capabilities: description.capabilities,
      trackingUrl: (trackingNumber) => description.trackingUrl(trackingNumber),
      track: (trackingNumbers, context = {}) => track(trackingNumbers, context, outcomes),
    };
    const built = Object.assign(description.extend ? description.extend(kit) : ({} as Extension), adapter);
    return description.pauseAfterRateLimit ? pauseAfterRateLimit(built, description.pauseAfterRateLimit(kit)) : built;
  };
  return Object.assign(factory, { carrier });
}
