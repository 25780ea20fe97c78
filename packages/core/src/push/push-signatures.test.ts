import { describe, expect, it } from 'vitest';
import { checkFreshness, constantTimeEqual, createReplayGuard, hmacSha256, verifyHmacSha256, verifyStaticToken } from './push-signatures';

// RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
const RFC4231_HEX = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
const RFC4231_BASE64 = Buffer.from(RFC4231_HEX, 'hex').toString('base64');

describe('hmacSha256 and verifyHmacSha256', () => {
  it('matches the published RFC 4231 vector, in parts too', () => {
    expect(hmacSha256('Jefe', 'what do ya want for nothing?').toString('hex')).toBe(RFC4231_HEX);
    expect(hmacSha256('Jefe', 'what do ya ', Buffer.from('want for nothing?')).toString('hex')).toBe(RFC4231_HEX);
  });

  it('accepts the vector as base64 and as hex (any case, with a scheme prefix)', () => {
    const base = { header: 'x-signature', secret: 'Jefe', signed: ['what do ya want for nothing?'] };
    expect(verifyHmacSha256({ ...base, signature: RFC4231_BASE64, encoding: 'base64' })).toMatchObject({ ok: true });
    expect(verifyHmacSha256({ ...base, signature: RFC4231_HEX.toUpperCase(), encoding: 'hex' })).toMatchObject({ ok: true });
    expect(
      verifyHmacSha256({ ...base, signature: `hmac-sha256-hex=${RFC4231_HEX}`, encoding: 'hex', prefix: 'hmac-sha256-hex=' }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('refuses a tampered body, a wrong secret, a truncated, garbled or missing signature', () => {
    const base = { header: 'x-signature', signature: RFC4231_BASE64, encoding: 'base64' as const };
    expect(verifyHmacSha256({ ...base, secret: 'Jefe', signed: ['what do ya want for nothing!'] })).toMatchObject({
      failure: 'bad_signature',
    });
    expect(verifyHmacSha256({ ...base, secret: 'jefe', signed: ['what do ya want for nothing?'] })).toMatchObject({
      failure: 'bad_signature',
    });
    const signed = ['what do ya want for nothing?'];
    expect(verifyHmacSha256({ ...base, secret: 'Jefe', signed, signature: RFC4231_BASE64.slice(0, -4) })).toMatchObject({
      failure: 'bad_signature',
    });
    expect(verifyHmacSha256({ ...base, secret: 'Jefe', signed, signature: '%%%' })).toMatchObject({ failure: 'bad_signature' });
    expect(verifyHmacSha256({ ...base, secret: 'Jefe', signed, signature: undefined })).toMatchObject({ failure: 'missing_signature' });
    const refused = verifyHmacSha256({ ...base, secret: 'Jefe-secret', signed, signature: 'AAAA' });
    expect(JSON.stringify(refused)).not.toMatch(/Jefe|AAAA/);
  });
});

describe('constantTimeEqual and verifyStaticToken', () => {
  it('compares content and length', () => {
    expect(constantTimeEqual('token', 'token')).toBe(true);
    expect(constantTimeEqual('token', 'token ')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(verifyStaticToken('x-token', 'abc', 'abc')).toMatchObject({ ok: true });
    expect(verifyStaticToken('x-token', 'abd', 'abc')).toMatchObject({ failure: 'bad_signature' });
    expect(verifyStaticToken('x-token', undefined, 'abc')).toMatchObject({ failure: 'missing_signature' });
  });
});

describe('checkFreshness and createReplayGuard', () => {
  const now = new Date('2026-12-05T01:00:00Z');

  it('refuses timestamps outside the window either way', () => {
    expect(checkFreshness(new Date('2026-12-05T00:55:01Z'), now, 300_000)).toMatchObject({ ok: true });
    expect(checkFreshness(new Date('2026-12-05T00:54:59Z'), now, 300_000)).toMatchObject({ failure: 'stale' });
    expect(checkFreshness(new Date('2026-12-05T01:05:01Z'), now, 300_000)).toMatchObject({ failure: 'stale' });
    expect(checkFreshness(null, now, 300_000)).toMatchObject({ failure: 'malformed' });
  });

  it('sees a key once per window', () => {
    const guard = createReplayGuard({ windowMs: 60_000 });
    expect(guard.firstSeen('a', now)).toBe(true);
    expect(guard.firstSeen('a', new Date(now.getTime() + 59_000))).toBe(false);
    expect(guard.firstSeen('a', new Date(now.getTime() + 61_000))).toBe(true);
  });
});
