import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUnsubscribeToken, UnsubscribeTokenError, verifyUnsubscribeToken } from './unsubscribe-token';

const SECRET = 'unsubscribe-secret-0123456789';
const SUBJECT = { shopId: 'default', customerId: 'cus-1', channel: 'email' as const, address: 'anna@example.de' };

describe('unsubscribe tokens', () => {
  it('round-trips, is URL-safe, and fails with another secret', () => {
    const token = createUnsubscribeToken(SECRET, SUBJECT);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual(SUBJECT);
    expect(() => verifyUnsubscribeToken('another-secret-0123456789', token)).toThrow(UnsubscribeTokenError);
    expect(() => createUnsubscribeToken('short', SUBJECT)).toThrow(/at least 16/);
  });

  it('fuzz: any change to a valid token, or random text, is refused with the typed error only', () => {
    const token = createUnsubscribeToken(SECRET, SUBJECT);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .tuple(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'AbZz09-_.'))
            .map(([index, char]) => token.slice(0, index) + char + token.slice(index + 1)),
        ),
        (candidate) => {
          if (candidate === token) return;
          try {
            const subject = verifyUnsubscribeToken(SECRET, candidate);
            // base64url has spare bits at the end: a change there may decode to the same bytes, and so the same subject.
            expect(subject).toEqual(SUBJECT);
          } catch (error) {
            expect(error).toBeInstanceOf(UnsubscribeTokenError);
            expect((error as Error).message).not.toContain(SECRET);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
