import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Raw request bytes, or text that is hashed as UTF-8. */
export type Bytes = Uint8Array | string;

export function toBuffer(value: Bytes): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/**
 * Compares a received value with the expected one in constant time. Both sides are hashed to 32 bytes
 * first, so `timingSafeEqual` always sees equal lengths and nothing leaks the expected value's length or
 * the position of the first difference.
 */
export function constantTimeEqual(received: Bytes, expected: Bytes): boolean {
  const left = createHash('sha256').update(toBuffer(received)).digest();
  const right = createHash('sha256').update(toBuffer(expected)).digest();
  return timingSafeEqual(left, right);
}

export function hmac(algorithm: 'sha1' | 'sha256', key: Bytes, ...parts: Bytes[]): Buffer {
  const mac = createHmac(algorithm, toBuffer(key));
  for (const part of parts) mac.update(toBuffer(part));
  return mac.digest();
}

export function sha256Hex(value: Bytes): string {
  return createHash('sha256').update(toBuffer(value)).digest('hex');
}

export function base64Url(value: Buffer | string): string {
  return (typeof value === 'string' ? Buffer.from(value, 'utf8') : value).toString('base64url');
}

/**
 * Decodes strict base64url (no padding, no other alphabet, no stray trailing bits); null otherwise. Only
 * the canonical spelling is accepted, so a signature cannot be presented in several spellings.
 */
export function fromBase64Url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}
