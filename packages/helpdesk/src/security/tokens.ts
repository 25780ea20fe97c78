import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { base64Url, constantTimeEqual, fromBase64Url, hmac } from './crypto';

export type TokenFailure =
  | 'missing_token'
  | 'malformed_token'
  | 'unsupported_algorithm'
  | 'invalid_signature'
  | 'expired_token'
  | 'token_not_yet_valid'
  | 'invalid_audience'
  | 'invalid_issuer';

export type TokenVerification<Claims> = { ok: true; claims: Claims } | { ok: false; reason: TokenFailure; detail: string };

function failToken<Claims>(reason: TokenFailure, detail: string): TokenVerification<Claims> {
  return { ok: false, reason, detail };
}

function epochMs(now: Date | number | undefined): number {
  return now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime();
}

function parseJsonObject(bytes: Buffer | null): Record<string, unknown> | null {
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Zendesk ZAF JWT
// With `"signedUrls": true` in the app manifest, Zendesk POSTs the first page load with a form field `token`:
// a JWT with `iss` ({subdomain}.zendesk.com), `aud`, `exp`, `iat`, `context`. Zendesk's docs sign it RS256
// with the app's key pair (verify with the app's public key):
// https://developer.zendesk.com/documentation/apps/build-an-app/building-a-server-side-app/part-5-secure-the-app
// HS256 with a shared secret is accepted too (a token minted by the app itself, e.g. ZAF `client.request`
// with a `jwt` option and a secure setting). Only the algorithms configured are accepted; `none` never is.

export type ZendeskAlgorithm = 'HS256' | 'RS256';

export interface ZendeskTokenClaims {
  iss: string;
  aud: string | string[];
  exp: number;
  iat?: number;
  nbf?: number;
  [claim: string]: unknown;
}

export interface ZendeskTokenOptions {
  /** HS256 key. */
  sharedSecret?: string;
  /** RS256 key: the app's public key (PEM). */
  publicKey?: string | KeyObject;
  algorithms: readonly ZendeskAlgorithm[];
  isAllowedIssuer: (iss: string) => boolean;
  isAllowedAudience: (aud: string, iss: string) => boolean;
  now?: Date | number;
  /** Clock skew allowed on exp/nbf/iat, in seconds. Default 60. */
  leewaySeconds?: number;
}

export function verifyZendeskToken(token: string | null | undefined, options: ZendeskTokenOptions): TokenVerification<ZendeskTokenClaims> {
  if (!token) return failToken('missing_token', 'No Zendesk token was sent (form field "token" or Authorization: Bearer).');
  const parts = token.trim().split('.');
  if (parts.length !== 3) return failToken('malformed_token', 'The Zendesk token is not a JWT.');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = parseJsonObject(fromBase64Url(headerPart));
  const claims = parseJsonObject(fromBase64Url(payloadPart));
  const signature = fromBase64Url(signaturePart);
  if (!header || !claims || !signature) return failToken('malformed_token', 'The Zendesk token is not a JWT.');
  const algorithm = header.alg;
  if (typeof algorithm !== 'string' || !(options.algorithms as readonly string[]).includes(algorithm)) {
    return failToken(
      'unsupported_algorithm',
      `Zendesk token algorithm ${String(algorithm)} is not accepted (accepted: ${options.algorithms.join(', ')}).`,
    );
  }
  const signingInput = `${headerPart}.${payloadPart}`;
  if (algorithm === 'HS256') {
    if (!options.sharedSecret) return failToken('unsupported_algorithm', 'HS256 needs a shared secret.');
    const expected = base64Url(hmac('sha256', options.sharedSecret, signingInput));
    if (!constantTimeEqual(signaturePart, expected)) return failToken('invalid_signature', 'The Zendesk token signature does not match.');
  } else {
    if (!options.publicKey) return failToken('unsupported_algorithm', 'RS256 needs the app public key.');
    let valid = false;
    try {
      const key = typeof options.publicKey === 'string' ? createPublicKey(options.publicKey) : options.publicKey;
      valid = verifySignature('RSA-SHA256', Buffer.from(signingInput, 'utf8'), key, signature);
    } catch {
      valid = false;
    }
    if (!valid) return failToken('invalid_signature', 'The Zendesk token signature does not match.');
  }

  const nowSeconds = epochMs(options.now) / 1000;
  const leeway = options.leewaySeconds ?? 60;
  if (typeof claims.exp !== 'number') return failToken('malformed_token', 'The Zendesk token has no exp claim.');
  if (nowSeconds > claims.exp + leeway)
    return failToken('expired_token', `The Zendesk token expired ${Math.round(nowSeconds - claims.exp)} s ago.`);
  if (typeof claims.nbf === 'number' && nowSeconds + leeway < claims.nbf)
    return failToken('token_not_yet_valid', 'The Zendesk token is not valid yet (nbf).');
  if (typeof claims.iat === 'number' && nowSeconds + leeway < claims.iat)
    return failToken('token_not_yet_valid', 'The Zendesk token was issued in the future (iat).');
  if (typeof claims.iss !== 'string' || !options.isAllowedIssuer(claims.iss))
    return failToken('invalid_issuer', 'The Zendesk token issuer is not allowed.');
  const audiences =
    typeof claims.aud === 'string'
      ? [claims.aud]
      : Array.isArray(claims.aud)
        ? claims.aud.filter((aud): aud is string => typeof aud === 'string')
        : [];
  const issuer = claims.iss;
  if (!audiences.some((aud) => options.isAllowedAudience(aud, issuer)))
    return failToken('invalid_audience', 'The Zendesk token audience is not this app.');
  return { ok: true, claims: claims as ZendeskTokenClaims };
}

// ---------------------------------------------------------------------------------------------------
// Sessions for iframe panels (Zendesk, Freshdesk): after the helpdesk's token is verified once, later
// navigation inside the iframe carries a short-lived session instead, as an HttpOnly cookie and, for
// browsers that block third-party cookies, as the `s` query parameter of the panel's own links.
// Format: base64url(JSON claims) "." base64url(HMAC-SHA256(session secret, "wismo-helpdesk-session.v1." + claims)).

export interface SessionClaims {
  /** Which helpdesk the session belongs to; a Zendesk session is not accepted by the Freshdesk panel. */
  h: string;
  /** Who was verified: the Zendesk account (`acme.zendesk.com`), or `freshdesk`. */
  sub: string;
  /**
   * The ticket requester the session is bound to: a keyed hash of the email (never the email itself, since
   * the token travels in pages and cookies). A session without it can only be bound once, to the email the
   * helpdesk names.
   */
  rq?: string;
  /** Issued and expiry time, epoch ms. */
  iat: number;
  exp: number;
}

const SESSION_CONTEXT = 'wismo-helpdesk-session.v1.';

export function createSessionToken(
  input: { helpdesk: string; subject: string; requester?: string; now: Date | number; ttlMs: number },
  secret: string,
): string {
  const issuedAt = epochMs(input.now);
  const claims: SessionClaims = {
    h: input.helpdesk,
    sub: input.subject,
    iat: issuedAt,
    exp: issuedAt + input.ttlMs,
    ...(input.requester ? { rq: input.requester } : {}),
  };
  const payload = base64Url(JSON.stringify(claims));
  return `${payload}.${base64Url(hmac('sha256', secret, SESSION_CONTEXT, payload))}`;
}

export function verifySessionToken(
  token: string | null | undefined,
  secret: string,
  options: { helpdesk: string; now?: Date | number },
): TokenVerification<SessionClaims> {
  if (!token) return failToken('missing_token', 'No session: open the panel from the helpdesk again.');
  const parts = token.split('.');
  if (parts.length !== 2) return failToken('malformed_token', 'The session is malformed.');
  const [payload, mac] = parts as [string, string];
  if (!constantTimeEqual(mac, base64Url(hmac('sha256', secret, SESSION_CONTEXT, payload))))
    return failToken('invalid_signature', 'The session signature does not match.');
  const claims = parseJsonObject(fromBase64Url(payload));
  if (
    !claims ||
    typeof claims.exp !== 'number' ||
    typeof claims.h !== 'string' ||
    typeof claims.sub !== 'string' ||
    typeof claims.iat !== 'number' ||
    (claims.rq !== undefined && typeof claims.rq !== 'string')
  ) {
    return failToken('malformed_token', 'The session is malformed.');
  }
  if (claims.h !== options.helpdesk) return failToken('invalid_audience', 'The session belongs to another helpdesk.');
  if (epochMs(options.now) >= claims.exp)
    return failToken('expired_token', 'The session has expired: open the panel from the helpdesk again.');
  return { ok: true, claims: claims as unknown as SessionClaims };
}
