import { createHmac, timingSafeEqual } from 'node:crypto';
import { CUSTOMER_CHANNELS, type CustomerChannel } from '../notification-types';

/** Who an unsubscribe link is for. */
export interface UnsubscribeSubject {
  shopId: string;
  customerId: string;
  channel: CustomerChannel;
  address: string;
}

export class UnsubscribeTokenError extends Error {
  override readonly name = 'UnsubscribeTokenError';
  readonly code = 'invalid_unsubscribe_token';
  constructor(message: string) {
    super(message);
  }
}

const MINIMUM_SECRET_LENGTH = 16;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`wismo-unsubscribe.${payload}`).digest();
}

function checkSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MINIMUM_SECRET_LENGTH)
    throw new UnsubscribeTokenError(`The unsubscribe secret must be at least ${MINIMUM_SECRET_LENGTH} characters`);
}

/**
 * A link token that needs no database lookup to trust: base64url(JSON) + `.` + base64url(HMAC-SHA256). It does
 * not expire: an unsubscribe link in an old email must still work (RFC 8058 asks for a lasting link).
 */
export function createUnsubscribeToken(secret: string, subject: UnsubscribeSubject): string {
  checkSecret(secret);
  const payload = Buffer.from(JSON.stringify([subject.shopId, subject.customerId, subject.channel, subject.address])).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The subject of a valid token; throws `UnsubscribeTokenError` (without the secret) otherwise. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeSubject {
  checkSecret(secret);
  if (typeof token !== 'string' || token.length > 2048) throw new UnsubscribeTokenError('The unsubscribe link is malformed');
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signature))
    throw new UnsubscribeTokenError('The unsubscribe link is malformed');
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new UnsubscribeTokenError('The unsubscribe link is not valid');
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new UnsubscribeTokenError('The unsubscribe link is malformed');
  }
  if (
    !Array.isArray(fields) ||
    fields.length !== 4 ||
    !fields.every((field) => typeof field === 'string') ||
    !(CUSTOMER_CHANNELS as readonly string[]).includes(fields[2] as string)
  )
    throw new UnsubscribeTokenError('The unsubscribe link is malformed');
  const [shopId, customerId, channel, address] = fields as [string, string, CustomerChannel, string];
  return { shopId, customerId, channel, address };
}
