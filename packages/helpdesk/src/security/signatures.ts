import { constantTimeEqual, hmac, sha256Hex, type Bytes } from './crypto';

/**
 * Request verification for each helpdesk: pure functions over the raw request bytes. None of them throws
 * on hostile input, none logs, and every comparison of a received signature runs in constant time.
 */

export type VerificationFailure =
  | 'missing_signature'
  | 'malformed_signature'
  | 'invalid_signature'
  | 'missing_timestamp'
  | 'invalid_timestamp'
  | 'stale_timestamp'
  | 'unsupported_algorithm'
  | 'missing_credentials'
  | 'invalid_credentials';

export type Verification = { ok: true } | { ok: false; reason: VerificationFailure; detail: string };

function fail(reason: VerificationFailure, detail: string): Verification {
  return { ok: false, reason, detail };
}

function epochMs(now: Date | number | undefined): number {
  return now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime();
}

// ---------------------------------------------------------------------------------------------------
// Help Scout (legacy dynamic apps)
// https://developer.helpscout.com/apps/legacy-custom-apps/dynamic/ : header X-HelpScout-Signature, computed
// "exactly like webhooks": base64(HMAC-SHA1(raw body, secret key)); official PHP library
// helpscout/helpscout-apps-php (DynamicApp::isSignatureValid).

/** True when `signature` is base64(HMAC-SHA1(rawBody, secretKey)). */
export function verifyHelpScoutSignature(rawBody: Bytes, signature: string | null | undefined, secretKey: string): boolean {
  if (!signature || !secretKey) return false;
  const expected = hmac('sha1', secretKey, rawBody).toString('base64');
  return constantTimeEqual(signature.trim(), expected);
}

// ---------------------------------------------------------------------------------------------------
// Intercom Canvas Kit: header X-Body-Signature = hex(HMAC-SHA256(raw body, the app's client secret)).
// https://community.intercom.com/api-webhooks-23/how-do-i-authenticate-a-request-e-g-initialize-request-coming-from-a-canvas-kit-app-on-our-back-end-2258

/** True when `signature` is hex(HMAC-SHA256(rawBody, clientSecret)) (either letter case). */
export function verifyIntercomSignature(rawBody: Bytes, signature: string | null | undefined, clientSecret: string): boolean {
  if (!signature || !clientSecret) return false;
  const expected = hmac('sha256', clientSecret, rawBody).toString('hex');
  return constantTimeEqual(signature.trim().toLowerCase(), expected);
}

// ---------------------------------------------------------------------------------------------------
// HubSpot signature v3
// https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation
// base64(HMAC-SHA256(client secret, method + URI + raw body + timestamp)), X-HubSpot-Request-Timestamp in
// milliseconds; reject requests older than 5 minutes. In the URI, HubSpot decodes these %-escapes before
// signing: %3A : %2F / %3F ? %40 @ %21 ! %24 $ %27 ' %28 ( %29 ) %2A * %2C , %3B ;

export const HUBSPOT_MAX_AGE_MS = 5 * 60_000;

const HUBSPOT_DECODED: Readonly<Record<string, string>> = {
  '3A': ':',
  '2F': '/',
  '3F': '?',
  '40': '@',
  '21': '!',
  '24': '$',
  '27': "'",
  '28': '(',
  '29': ')',
  '2A': '*',
  '2C': ',',
  '3B': ';',
};

/** The URI as HubSpot signs it: the listed %-escapes decoded, the fragment dropped. */
export function hubSpotSignedUri(uri: string): string {
  const withoutFragment = uri.split('#')[0] ?? '';
  return withoutFragment.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (match, hex: string) => HUBSPOT_DECODED[hex.toUpperCase()] ?? match,
  );
}

export interface HubSpotSignatureInput {
  method: string;
  /** The full URI HubSpot called (scheme, host, path and query), e.g. `https://wismo.example.com/helpdesk/hubspot/card?portalId=1`. */
  uri: string;
  rawBody: Bytes;
  /** X-HubSpot-Signature-v3 */
  signature: string | null | undefined;
  /** X-HubSpot-Request-Timestamp (milliseconds since the epoch). */
  timestamp: string | null | undefined;
  clientSecret: string;
  now?: Date | number;
  /** Default 5 minutes, HubSpot's documented limit. */
  maxAgeMs?: number;
}

export function verifyHubSpotSignatureV3(input: HubSpotSignatureInput): Verification {
  const { signature, timestamp, clientSecret } = input;
  if (!signature) return fail('missing_signature', 'The X-HubSpot-Signature-v3 header is missing.');
  if (!timestamp) return fail('missing_timestamp', 'The X-HubSpot-Request-Timestamp header is missing.');
  if (!/^\d{1,16}$/.test(timestamp.trim()))
    return fail('invalid_timestamp', 'X-HubSpot-Request-Timestamp must be milliseconds since the epoch.');
  const sentAt = Number(timestamp.trim());
  const maxAgeMs = input.maxAgeMs ?? HUBSPOT_MAX_AGE_MS;
  const ageMs = epochMs(input.now) - sentAt;
  if (ageMs > maxAgeMs) {
    return fail(
      'stale_timestamp',
      `X-HubSpot-Request-Timestamp is ${Math.round(ageMs / 1000)} s old; HubSpot requests older than ${Math.round(maxAgeMs / 1000)} s are rejected.`,
    );
  }
  if (-ageMs > maxAgeMs) return fail('stale_timestamp', `X-HubSpot-Request-Timestamp is ${Math.round(-ageMs / 1000)} s in the future.`);
  if (!clientSecret) return fail('invalid_signature', 'No HubSpot client secret is configured.');
  const expected = hmac(
    'sha256',
    clientSecret,
    `${input.method.toUpperCase()}${hubSpotSignedUri(input.uri)}`,
    input.rawBody,
    timestamp.trim(),
  ).toString('base64');
  return constantTimeEqual(signature.trim(), expected)
    ? { ok: true }
    : fail('invalid_signature', 'X-HubSpot-Signature-v3 does not match the request.');
}

// ---------------------------------------------------------------------------------------------------
// Gladly Lookup Adaptor request signing
// https://help.gladly.com/developer-tutorials/docs/request-signing ; the steps as implemented by Gladly's own
// sample (github.com/gladly/lookup-practice helpers/index.js) and upsidelab/spree_gladly (Auth::SignatureValidator):
//   canonical = METHOD \n path \n sorted query \n (name:value \n for each signed header) \n signed-header list \n sha256hex(body)
//   key       = HMAC-SHA256(signing key, YYYYMMDD of Gladly-Time)
//   signature = hex(HMAC-SHA256(key, "hmac-sha256\n" + Gladly-Time + "\n" + sha256hex(canonical)))
// Headers: Gladly-Time: 20190213T214016Z, Gladly-Authorization: SigningAlgorithm=hmac-sha256,
// SignedHeaders=accept;content-type;…, Signature=<hex>. The signed header list is read from the request,
// never hard-coded (Gladly's docs warn that some requests sign more headers).

export const GLADLY_DEFAULT_MAX_AGE_MS = 5 * 60_000;

export interface GladlyAuthorization {
  algorithm: string;
  signedHeaders: string[];
  signature: string;
}

export function parseGladlyAuthorization(header: string | null | undefined): GladlyAuthorization | null {
  if (!header) return null;
  const fields = new Map<string, string>();
  for (const part of header.split(',')) {
    const index = part.indexOf('=');
    if (index <= 0) return null;
    fields.set(part.slice(0, index).trim().toLowerCase(), part.slice(index + 1).trim());
  }
  const algorithm = fields.get('signingalgorithm');
  const signedHeaders = fields.get('signedheaders');
  const signature = fields.get('signature');
  if (!algorithm || !signedHeaders || !signature) return null;
  const names = signedHeaders.split(';').map((name) => name.trim().toLowerCase());
  if (names.some((name) => !/^[a-z0-9-]+$/.test(name))) return null;
  return { algorithm: algorithm.toLowerCase(), signedHeaders: names, signature };
}

/** `20190213T214016Z` → epoch ms; null when malformed. */
export function parseGladlyTime(value: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const epoch = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  return Number.isNaN(epoch) ? null : epoch;
}

/** Query parameters sorted (case-sensitive), as `name=value` joined by `&`; the raw encoding is kept. */
export function gladlyCanonicalQuery(rawQuery: string): string {
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  if (!query) return '';
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .sort()
    .join('&');
}

export interface GladlySignatureInput {
  method: string;
  /** The URI path as configured in Gladly, e.g. `/helpdesk/gladly/lookup`. */
  path: string;
  /** The raw query string, with or without `?`. */
  query?: string;
  /** Header lookup by (case-insensitive) name. */
  header: (name: string) => string | null | undefined;
  rawBody: Bytes;
  signingKey: string;
  now?: Date | number;
  /** How far Gladly-Time may be from now; default 5 minutes, `null` turns the check off. */
  maxAgeMs?: number | null;
}

export function gladlyCanonicalRequest(
  input: Pick<GladlySignatureInput, 'method' | 'path' | 'query' | 'header' | 'rawBody'>,
  signedHeaders: readonly string[],
): string {
  const headerLines = signedHeaders.map((name) => `${name}:${(input.header(name) ?? '').trim()}\n`).join('');
  return `${input.method.toUpperCase()}\n${input.path}\n${gladlyCanonicalQuery(input.query ?? '')}\n${headerLines}\n${signedHeaders.join(';')}\n${sha256Hex(input.rawBody)}`;
}

/** The hex signature Gladly sends for this request (exported for tests and tooling). */
export function gladlySignature(
  input: Pick<GladlySignatureInput, 'method' | 'path' | 'query' | 'header' | 'rawBody' | 'signingKey'>,
  signedHeaders: readonly string[],
  gladlyTime: string,
): string {
  const key = hmac('sha256', input.signingKey, gladlyTime.slice(0, 8));
  const stringToSign = `hmac-sha256\n${gladlyTime}\n${sha256Hex(gladlyCanonicalRequest(input, signedHeaders))}`;
  return hmac('sha256', key, stringToSign).toString('hex');
}

export function verifyGladlySignature(input: GladlySignatureInput): Verification {
  const authorizationHeader = input.header('gladly-authorization');
  if (!authorizationHeader) return fail('missing_signature', 'The Gladly-Authorization header is missing.');
  const authorization = parseGladlyAuthorization(authorizationHeader);
  if (!authorization)
    return fail('malformed_signature', 'The Gladly-Authorization header is not "SigningAlgorithm=…, SignedHeaders=…, Signature=…".');
  if (authorization.algorithm !== 'hmac-sha256')
    return fail('unsupported_algorithm', `Gladly signing algorithm ${authorization.algorithm} is not supported (hmac-sha256 is).`);
  const gladlyTime = input.header('gladly-time')?.trim();
  if (!gladlyTime) return fail('missing_timestamp', 'The Gladly-Time header is missing.');
  const sentAt = parseGladlyTime(gladlyTime);
  if (sentAt === null) return fail('invalid_timestamp', 'Gladly-Time must look like 20190213T214016Z.');
  const maxAgeMs = input.maxAgeMs === undefined ? GLADLY_DEFAULT_MAX_AGE_MS : input.maxAgeMs;
  if (maxAgeMs !== null) {
    const skew = Math.abs(epochMs(input.now) - sentAt);
    if (skew > maxAgeMs)
      return fail(
        'stale_timestamp',
        `Gladly-Time is ${Math.round(skew / 1000)} s away from now; at most ${Math.round(maxAgeMs / 1000)} s are accepted.`,
      );
  }
  if (!input.signingKey) return fail('invalid_signature', 'No Gladly signing key is configured.');
  const expected = gladlySignature(input, authorization.signedHeaders, gladlyTime);
  return constantTimeEqual(authorization.signature.toLowerCase(), expected)
    ? { ok: true }
    : fail('invalid_signature', 'The Gladly-Authorization signature does not match the request.');
}

// ---------------------------------------------------------------------------------------------------
// Gorgias HTTP integration: Gorgias signs nothing; the integration sends headers we configure
// (https://developers.gorgias.com/reference/the-integration-object). We accept the API key as
// `Authorization: Bearer <key>`, as the password (or user) of `Authorization: Basic …`, or as `X-Wismo-Api-Key`.

export function verifyGorgiasRequest(headers: { authorization?: string | null; apiKey?: string | null }, apiKey: string): Verification {
  const candidates: string[] = [];
  if (headers.apiKey) candidates.push(headers.apiKey.trim());
  const authorization = headers.authorization?.trim();
  if (authorization) {
    const [scheme, value = ''] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() === 'bearer') candidates.push(value);
    else if (scheme?.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) candidates.push(decoded.slice(colon + 1), decoded.slice(0, colon));
    }
  }
  if (candidates.length === 0)
    return fail('missing_credentials', 'Send the API key as "Authorization: Bearer <key>", Basic auth, or X-Wismo-Api-Key.');
  if (!apiKey) return fail('invalid_credentials', 'No Gorgias API key is configured.');
  // Every candidate is compared, so timing does not tell which form matched.
  let matched = false;
  for (const candidate of candidates) matched = constantTimeEqual(candidate, apiKey) || matched;
  return matched ? { ok: true } : fail('invalid_credentials', 'The API key does not match.');
}

// ---------------------------------------------------------------------------------------------------
// Freshdesk: the helpdesk signs nothing. wismo's scheme: the Freshworks app's serverless function holds the
// shared secret in a secure iparam and signs the panel URL it gives the sidebar iframe:
//   sig = hex(HMAC-SHA256(shared secret, "wismo-freshdesk-v1\n" + ts + "\n" + email)), ts in Unix seconds.
// The secret never reaches the browser; a URL is only good for `maxAgeMs` (default 5 minutes).

export const FRESHDESK_TOKEN_MAX_AGE_MS = 5 * 60_000;

export interface FreshdeskToken {
  email: string;
  /** Unix seconds, as text. */
  ts: string;
  sig: string;
}

export function freshdeskTokenSignature(email: string, ts: string, sharedSecret: string): string {
  return hmac('sha256', sharedSecret, `wismo-freshdesk-v1\n${ts}\n${email}`).toString('hex');
}

/** What the Freshworks serverless function computes (also handy for tests and other embedders). */
export function createFreshdeskToken(email: string, sharedSecret: string, now: Date | number = Date.now()): FreshdeskToken {
  const ts = String(Math.floor(epochMs(now) / 1000));
  return { email, ts, sig: freshdeskTokenSignature(email, ts, sharedSecret) };
}

export function verifyFreshdeskToken(
  token: Partial<FreshdeskToken>,
  sharedSecret: string,
  options: { now?: Date | number; maxAgeMs?: number } = {},
): Verification {
  if (!token.sig) return fail('missing_signature', 'The panel URL has no sig parameter.');
  if (!token.ts) return fail('missing_timestamp', 'The panel URL has no ts parameter.');
  if (!/^\d{1,12}$/.test(token.ts)) return fail('invalid_timestamp', 'ts must be Unix seconds.');
  if (!token.email) return fail('invalid_signature', 'The panel URL has no email parameter.');
  const maxAgeMs = options.maxAgeMs ?? FRESHDESK_TOKEN_MAX_AGE_MS;
  const skew = epochMs(options.now) - Number(token.ts) * 1000;
  if (skew > maxAgeMs)
    return fail(
      'stale_timestamp',
      `The panel URL was signed ${Math.round(skew / 1000)} s ago; it is valid for ${Math.round(maxAgeMs / 1000)} s.`,
    );
  if (-skew > maxAgeMs) return fail('stale_timestamp', 'The panel URL is signed for a time in the future.');
  if (!sharedSecret) return fail('invalid_signature', 'No Freshdesk shared secret is configured.');
  const expected = freshdeskTokenSignature(token.email, token.ts, sharedSecret);
  return constantTimeEqual(token.sig.trim().toLowerCase(), expected)
    ? { ok: true }
    : fail('invalid_signature', 'The panel URL signature does not match.');
}
