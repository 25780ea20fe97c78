import { describe, expect, it } from 'vitest';
import { createTokenBucket, retryAfterHeader } from './token-bucket';

function fakeTime(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('createTokenBucket', () => {
  it('lets a burst of exactly `requests` through, then refuses and says when the next token is due', () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ requests: 5, intervalMs: 1000 }, 1, time.now);
    for (let index = 0; index < 5; index++) expect(bucket.take()).toEqual({ allowed: true });
    const refused = bucket.take();
    expect(refused.allowed).toBe(false);
    // A token every 200 ms; 100 ms of arrival jitter are forgiven (0.5 token).
    expect(refused.allowed === false && refused.retryAfterMs).toBeCloseTo(100, 5);
    time.advance(100);
    expect(bucket.take().allowed).toBe(true);
    expect(bucket.take().allowed).toBe(false);
  });

  it('never passes more than the documented rate over time', () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ requests: 4, intervalMs: 1000 }, 1, time.now);
    let passed = 0;
    // A client hammering every millisecond for 10 s.
    for (let ms = 0; ms < 10_000; ms++) {
      if (bucket.take().allowed) passed++;
      time.advance(1);
    }
    // The initial burst of 4, then 4 a second (plus at most the one the jitter slack lets in early).
    expect(passed).toBeGreaterThanOrEqual(4 + 39);
    expect(passed).toBeLessThanOrEqual(4 + 41);
  });

  it('compresses the window by timeScale', () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ requests: 1, intervalMs: 60_000 }, 100, time.now);
    expect(bucket.take().allowed).toBe(true);
    const refused = bucket.take();
    // 60 s / 100 = 600 ms per token, minus 100 ms of slack.
    expect(refused.allowed === false && refused.retryAfterMs).toBeCloseTo(500, 5);
    time.advance(500);
    expect(bucket.take().allowed).toBe(true);
  });

  it('rejects a limit that cannot be enforced', () => {
    expect(() => createTokenBucket({ requests: 0, intervalMs: 1000 })).toThrow(RangeError);
    expect(() => createTokenBucket({ requests: 1, intervalMs: 0 })).toThrow(RangeError);
    expect(() => createTokenBucket({ requests: 1, intervalMs: 1000 }, 0)).toThrow(RangeError);
  });
});

describe('retryAfterHeader', () => {
  it('gives whole seconds, rounded up, as carriers send them', () => {
    expect(retryAfterHeader(1)).toBe('1');
    expect(retryAfterHeader(1000)).toBe('1');
    expect(retryAfterHeader(1001)).toBe('2');
    expect(retryAfterHeader(4_900)).toBe('5');
  });

  it('scales the carrier’s whole seconds down by timeScale (decimal seconds, as core reads them)', () => {
    // 20 ms real at 10x = 200 ms carrier time → 1 s → 0.1 s real.
    expect(retryAfterHeader(20, 10)).toBe('0.1');
    // 150 ms real at 10x = 1.5 s → 2 s → 0.2 s.
    expect(retryAfterHeader(150, 10)).toBe('0.2');
    expect(retryAfterHeader(5, 1000)).toBe('0.005');
  });
});
