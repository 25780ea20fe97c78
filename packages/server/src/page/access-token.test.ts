import { describe, expect, it } from 'vitest';
import { createAccessTokens } from './access-token';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The same signature bytes written another way: the last character's unused low bits flipped. */
function withTrailingBitsChanged(signature: string): string {
  // 32 bytes are 43 base64url characters: the last one carries 4 bits of data and 2 unused bits.
  const last = ALPHABET.indexOf(signature.at(-1)!);
  return `${signature.slice(0, -1)}${ALPHABET[last ^ 0b01]}`;
}

describe('order-page access tokens', () => {
  const tokens = createAccessTokens({ secret: 'page-secret-for-tests-0123456789abcdef', now: () => 1_000_000 });

  it('round-trips the order id until the token expires', () => {
    const token = tokens.issue('ord_1001');
    expect(tokens.verify(token)).toBe('ord_1001');
    const later = createAccessTokens({ secret: 'page-secret-for-tests-0123456789abcdef', now: () => 1_000_000 + 30 * 60_000 });
    expect(later.verify(token)).toBeNull();
  });

  it('accepts only the canonical encoding of the signature', () => {
    const token = tokens.issue('ord_1001');
    const [id, expiry, signature] = token.split('.') as [string, string, string];
    const variants = [
      withTrailingBitsChanged(signature),
      `${signature}=`,
      signature.replace(/-/g, '+').replace(/_/g, '/') + (signature.includes('-') || signature.includes('_') ? '' : '='),
      `${signature.slice(0, 10)}!${signature.slice(10)}`,
      ` ${signature}`,
    ];
    for (const variant of variants) {
      expect(variant).not.toBe(signature);
      // Each variant decodes to the very same bytes: only the text differs.
      expect(Buffer.from(variant, 'base64url').equals(Buffer.from(signature, 'base64url')), variant).toBe(true);
      expect(tokens.verify(`${id}.${expiry}.${variant}`), variant).toBeNull();
    }
  });

  it('refuses tokens whose id or expiry were changed', () => {
    const token = tokens.issue('ord_1001');
    const [, expiry, signature] = token.split('.') as [string, string, string];
    expect(tokens.verify(`${Buffer.from('ord_1002').toString('base64url')}.${expiry}.${signature}`)).toBeNull();
    expect(tokens.verify(token.replace(`.${expiry}.`, `.${(parseInt(expiry, 36) + 1).toString(36)}.`))).toBeNull();
    expect(tokens.verify('a.b')).toBeNull();
  });
});
