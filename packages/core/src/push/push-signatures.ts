import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { PushRequest, PushVerification, PushVerificationFailure } from './push-receiver';

type Bytes = string | Uint8Array;

/** HMAC-SHA256 over the parts, concatenated as bytes (strings as UTF-8). */
export function hmacSha256(secret: Bytes, ...parts: Bytes[]): Buffer {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/**
 * Compares two secrets or signatures in constant time, whatever their lengths: both are hashed to 32 bytes first,
 * so neither the content nor the length of the expected value leaks through timing.
 */
export function constantTimeEqual(received: Bytes, expected: Bytes): boolean {
  const left = createHash('sha256').update(received).digest();
  const right = createHash('sha256').update(expected).digest();
  // The lengths are compared too, after the constant-time part: equal digests of unequal inputs cannot happen.
  return timingSafeEqual(left, right) && Buffer.byteLength(received) === Buffer.byteLength(expected);
}

/** A header by name, case-insensitively, trimmed. */
export function pushHeader(request: Pick<PushRequest, 'headers'>, name: string): string | undefined {
  return request.headers[name.toLowerCase()]?.trim();
}

/** The body as UTF-8 text (what parsers read once the bytes are verified). */
export function pushBodyText(request: Pick<PushRequest, 'body'>): string {
  return Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength).toString('utf8');
}

export function pushRejected(failure: PushVerificationFailure, message: string): PushVerification {
  return { ok: false, failure, message };
}

export const PUSH_ACCEPTED: PushVerification = Object.freeze({ ok: true, deliveryId: null, sentAt: null });

export interface HmacCheck {
  /** Where the signature came from, for the message (`fdx-signature`). Never the value. */
  header: string;
  /** The received signature; undefined when the header was absent. */
  signature: string | undefined;
  secret: Bytes;
  /** What the sender signs, in order (e.g. `[timestamp, payload]`). */
  signed: Bytes[];
  encoding: 'base64' | 'hex';
  /** A scheme prefix on the header value (`hmac-sha256-hex=`), stripped before comparing. */
  prefix?: string;
}

/**
 * Checks an HMAC-SHA256 signature in constant time. Base64 is compared as the decoded bytes (so padding variants
 * agree); hex case-insensitively. A missing header is `missing_signature`, anything else wrong is `bad_signature`.
 */
export function verifyHmacSha256(check: HmacCheck): PushVerification {
  if (check.signature === undefined || check.signature.trim() === '')
    return pushRejected('missing_signature', `The ${check.header} header is missing.`);
  let value = check.signature.trim();
  if (check.prefix) {
    if (!value.startsWith(check.prefix)) return pushRejected('bad_signature', `The ${check.header} header does not match the body.`);
    value = value.slice(check.prefix.length);
  }
  const expected = hmacSha256(check.secret, ...check.signed);
  const received =
    check.encoding === 'hex'
      ? /^[0-9a-f]*$/i.test(value)
        ? Buffer.from(value, 'hex')
        : Buffer.alloc(0)
      : /^[A-Za-z0-9+/_-]*={0,2}$/.test(value)
        ? Buffer.from(value, 'base64')
        : Buffer.alloc(0);
  return constantTimeEqual(received, expected)
    ? PUSH_ACCEPTED
    : pushRejected('bad_signature', `The ${check.header} header does not match the body.`);
}

/** Checks a static secret the sender puts in a header (UPS v1 `credential`, DHL's named header, Ship24's bearer). */
export function verifyStaticToken(header: string, received: string | undefined, expected: string): PushVerification {
  if (received === undefined || received === '') return pushRejected('missing_signature', `The ${header} header is missing.`);
  return constantTimeEqual(received, expected)
    ? PUSH_ACCEPTED
    : pushRejected('bad_signature', `The ${header} header is not the configured one.`);
}

/**
 * Refuses a delivery whose signed timestamp is further than `toleranceMs` from `receivedAt`, either way: a replay
 * of an old delivery cannot pass with its original (valid) signature after the window.
 */
export function checkFreshness(sentAt: Date | null, receivedAt: Date, toleranceMs: number): PushVerification {
  if (sentAt === null || Number.isNaN(sentAt.getTime())) return pushRejected('malformed', 'The signed timestamp is missing or unreadable.');
  const skewMs = Math.abs(receivedAt.getTime() - sentAt.getTime());
  if (skewMs > toleranceMs)
    return pushRejected(
      'stale',
      `The delivery was signed ${Math.round(skewMs / 1000)} s away from now (tolerance ${toleranceMs / 1000} s).`,
    );
  return { ok: true, deliveryId: null, sentAt };
}

/** The digest that identifies a delivery when the sender gives no id of its own: a retry of the same bytes dedupes. */
export function pushBodyDigest(body: Bytes): string {
  return createHash('sha256').update(body).digest('hex');
}

export interface ReplayGuard {
  /** True the first time a key is seen within the window; false for a repeat. */
  firstSeen(key: string, now: Date): boolean;
}

/**
 * An in-memory replay window for receivers used without a store (the store keeps receipts in `push_receipts`
 * instead). Oldest keys leave first once `maxKeys` is reached.
 */
export function createReplayGuard(options: { windowMs: number; maxKeys?: number }): ReplayGuard {
  const seen = new Map<string, number>();
  const maxKeys = options.maxKeys ?? 100_000;
  return {
    firstSeen(key, now) {
      const nowMs = now.getTime();
      for (const [oldKey, at] of seen) {
        if (nowMs - at <= options.windowMs && seen.size < maxKeys) break;
        seen.delete(oldKey);
      }
      if (seen.has(key)) return false;
      seen.set(key, nowMs);
      return true;
    },
  };
}
