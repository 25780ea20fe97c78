import { AuthFailedError, BadResponseError, parseJsonBody, parseWithSchema, registerSecret, type CarrierKit } from '@wismo/core';
import { hermesTokenResponseSchema } from './hermes-api';
import { HERMES_CARRIER_ID, HERMES_CARRIER_NAME } from './hermes-carrier';

/*
 * Hermes grants tokens only for `password`, `authorization_code` and `refresh_token` — not client
 * credentials, the one grant core's kit wires — so the password grant lives here: one token per adapter,
 * fetched once for concurrent callers, renewed a minute before it expires and after a 401.
 */

/** Hermes documents an access token lifetime of one hour; used when `expires_in` is missing. */
const DEFAULT_LIFETIME_SECONDS = 3600;
const REFRESH_MARGIN_MS = 60_000;

export interface HermesTokenSettings {
  authUrl?: string;
}

export interface HermesTokens {
  /** The current token, or null before the first `ensure`. */
  current(): string | null;
  /** A valid token, fetched when missing or expiring; throws a WismoError (auth_failed, configuration, …). */
  ensure(signal?: AbortSignal): Promise<string>;
  /** Forget the token (after a 401). */
  invalidate(): void;
  /** Token requests sent (tests). */
  readonly requestCount: number;
}

export function createHermesTokens(kit: CarrierKit<HermesTokenSettings>, defaultAuthUrl: string): HermesTokens {
  let token: { value: string; expiresAtMs: number } | null = null;
  let pending: Promise<string> | null = null;
  let requestCount = 0;

  async function fetchToken(signal?: AbortSignal): Promise<string> {
    const { http, credentials } = kit.connect();
    requestCount += 1;
    const form = {
      grant_type: 'password',
      client_id: credentials.clientId!,
      client_secret: credentials.clientSecret!,
      username: credentials.username!,
      password: credentials.password!,
    };
    const response = await http.request({ method: 'POST', url: kit.settings.authUrl?.trim() || defaultAuthUrl, form, signal });
    // 400 invalid_grant / unsupported_grant_type: the credentials, not the request, are wrong.
    if (response.status === 400) {
      throw new AuthFailedError(
        `${HERMES_CARRIER_NAME} refused the credentials (HTTP 400); check the client id, secret, user name and password`,
        { carrierId: HERMES_CARRIER_ID, httpStatus: 400 },
      );
    }
    if (response.status < 200 || response.status >= 300) {
      throw new BadResponseError(`${HERMES_CARRIER_NAME} token endpoint answered HTTP ${response.status}`, {
        carrierId: HERMES_CARRIER_ID,
        httpStatus: response.status,
      });
    }
    const body = parseWithSchema(
      hermesTokenResponseSchema,
      parseJsonBody(response, HERMES_CARRIER_NAME, HERMES_CARRIER_ID),
      HERMES_CARRIER_NAME,
      HERMES_CARRIER_ID,
      response.status,
    );
    const lifetimeSeconds = body.expires_in === undefined ? DEFAULT_LIFETIME_SECONDS : Number(body.expires_in);
    const expiresAtMs = kit.now().getTime() + lifetimeSeconds * 1000;
    // The bearer token is a secret too: redacted from logs and errors until it expires.
    registerSecret(body.access_token, { expiresAtMs, now: () => kit.now().getTime() });
    token = { value: body.access_token, expiresAtMs };
    return body.access_token;
  }

  return {
    current: () => token?.value ?? null,
    async ensure(signal) {
      if (token && token.expiresAtMs - REFRESH_MARGIN_MS > kit.now().getTime()) return token.value;
      pending ??= fetchToken(signal).finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate() {
      token = null;
    },
    get requestCount() {
      return requestCount;
    },
  };
}
