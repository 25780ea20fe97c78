import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors';
import { createFakeCarrierAdapter } from '../tracker/fake-carrier-adapter';
import { pauseAfterRateLimit, type RateLimitPause } from './pause-after-rate-limit';

const quotaSpent = new RateLimitedError('quota spent', { carrierId: 'fake', httpStatus: 429, retryAfterMs: 60_000 });

function setup(oneAtATime: boolean) {
  let nowMs = 1_000_000;
  const carrier = createFakeCarrierAdapter({ statuses: { A: 'in_transit', C: 'delivered' }, failures: { B: quotaSpent } });
  const pause: RateLimitPause = {
    pauseMs: (error) => (error.code === 'rate_limited' ? error.retryAfterMs : null),
    pausedError: (waitMs, trackingNumber) => new RateLimitedError(`paused for ${waitMs} ms`, { retryAfterMs: waitMs, trackingNumber }),
    now: () => nowMs,
    oneAtATime,
  };
  const adapter = pauseAfterRateLimit(carrier, pause);
  return { carrier, adapter, advance: (ms: number) => (nowMs += ms) };
}

describe('pauseAfterRateLimit', () => {
  it('answers rate_limited without calling the carrier until the pause ends, then calls again', async () => {
    const { carrier, adapter, advance } = setup(false);
    const first = await adapter.track(['A', 'B']);
    expect(first.map((outcome) => outcome.ok)).toEqual([true, false]);
    advance(59_000);
    const paused = await adapter.track(['A', 'C']);
    expect(paused.map((outcome) => [outcome.trackingNumber, outcome.error?.code, outcome.error?.retryAfterMs])).toEqual([
      ['A', 'rate_limited', 1_000],
      ['C', 'rate_limited', 1_000],
    ]);
    expect(carrier.batches).toEqual([['A', 'B']]);
    advance(1_000);
    expect((await adapter.track(['C']))[0]!.ok).toBe(true);
    expect(carrier.batches).toEqual([['A', 'B'], ['C']]);
  });

  it('one at a time: the numbers after the rate-limited one in the same call are not sent', async () => {
    const { carrier, adapter } = setup(true);
    const outcomes = await adapter.track(['A', 'B', 'C']);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok ? 'ok' : outcome.error.message])).toEqual([
      ['A', 'ok'],
      ['B', 'quota spent'],
      ['C', 'paused for 60000 ms'],
    ]);
    expect(carrier.batches).toEqual([['A'], ['B']]);
  });

  it('keeps the identity and the other methods of the adapter', () => {
    const { carrier, adapter } = setup(false);
    expect(adapter.id).toBe(carrier.id);
    expect(adapter.batches).toBe(carrier.batches);
  });
});
