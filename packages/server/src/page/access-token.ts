import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * After a successful order lookup the visitor is redirected to the order page with a short-lived signed
 * token, so that the email or postcode is never in a URL, reloading and switching language work, and the
 * unlock expires. The token holds the order id and the expiry, signed with HMAC-SHA256.
 */
export interface AccessTokens {
  issue(orderId: string): string;
  /** The order id, or null when the token is forged, malformed or expired. */
  verify(token: string): string | null;
}

const VERSION = 'v1';

function base64url(buffer: Buffer): string {
  return buffer.toString('base64url');
}

export function createAccessTokens(options: { secret?: string; ttlMs?: number; now?: () => number } = {}): AccessTokens {
  const secret = options.secret ? Buffer.from(options.secret, 'utf8') : randomBytes(32);
  const ttlMs = options.ttlMs ?? 30 * 60_000;
  const now = options.now ?? Date.now;
  const sign = (payload: string) => createHmac('sha256', secret).update(`${VERSION}.${payload}`).digest();
  return {
    issue(orderId) {
      const payload = `${base64url(Buffer.from(orderId, 'utf8'))}.${(now() + ttlMs).toString(36)}`;
      return `${payload}.${base64url(sign(payload))}`;
    },
    verify(token) {
      if (typeof token !== 'string' || token.length > 1024) return null;
      const parts = token.split('.');
      if (parts.length !== 3) return null;
      const [encodedId, expiry, signature] = parts as [string, string, string];
      // The text is compared, not the decoded bytes: Node's base64 decoder also accepts padding, `+`/`/`,
      // stray characters and other trailing bits, which would make one token valid in many spellings.
      const expected = Buffer.from(base64url(sign(`${encodedId}.${expiry}`)), 'utf8');
      const given = Buffer.from(signature, 'utf8');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const expiresAt = parseInt(expiry, 36);
      if (!Number.isFinite(expiresAt) || expiresAt <= now()) return null;
      const orderId = Buffer.from(encodedId, 'base64url').toString('utf8');
      return orderId.length > 0 ? orderId : null;
    },
  };
}
