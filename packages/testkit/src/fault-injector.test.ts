import { describe, expect, it } from 'vitest';
import { createFaultInjector, DEFAULT_TIMEOUT_AFTER_MS, type FaultKind } from './fault-injector';

function draws(injector: ReturnType<typeof createFaultInjector>, count: number, canExpireToken = true): Array<FaultKind | null> {
  return Array.from({ length: count }, () => injector.draw(canExpireToken));
}

describe('createFaultInjector', () => {
  it('draws nothing without faults', () => {
    const injector = createFaultInjector(undefined, 1);
    expect(injector.active).toBe(false);
    expect(draws(injector, 100).every((fault) => fault === null)).toBe(true);
    expect(injector.timeoutAfterMs).toBe(DEFAULT_TIMEOUT_AFTER_MS);
  });

  it('repeats the same sequence for the same seed, another for another seed', () => {
    const faults = { serverErrorRate: 0.2, timeoutRate: 0.1, malformedRate: 0.1, expiredTokenRate: 0.1 };
    expect(draws(createFaultInjector({ ...faults, seed: 42 }, 1), 200)).toEqual(
      draws(createFaultInjector({ ...faults, seed: 42 }, 7), 200),
    );
    expect(draws(createFaultInjector(faults, 42), 200)).toEqual(draws(createFaultInjector({ ...faults, seed: 42 }, 1), 200));
    expect(draws(createFaultInjector({ ...faults, seed: 42 }, 1), 200)).not.toEqual(
      draws(createFaultInjector({ ...faults, seed: 43 }, 1), 200),
    );
  });

  it('injects each fault at its rate', () => {
    const injector = createFaultInjector(
      { serverErrorRate: 0.2, timeoutRate: 0.05, malformedRate: 0.1, expiredTokenRate: 0.15, seed: 9 },
      1,
    );
    const counts = new Map<FaultKind | null, number>();
    for (const fault of draws(injector, 20_000)) counts.set(fault, (counts.get(fault) ?? 0) + 1);
    expect(counts.get('server_error')! / 20_000).toBeCloseTo(0.2, 1);
    expect(counts.get('timeout')! / 20_000).toBeCloseTo(0.05, 1);
    expect(counts.get('malformed')! / 20_000).toBeCloseTo(0.1, 1);
    expect(counts.get('expired_token')! / 20_000).toBeCloseTo(0.15, 1);
    expect(counts.get(null)! / 20_000).toBeCloseTo(0.5, 1);
  });

  it('expires no token where there is none to expire', () => {
    const injector = createFaultInjector({ expiredTokenRate: 1 }, 3);
    expect(draws(injector, 50, false).every((fault) => fault === null)).toBe(true);
    expect(draws(injector, 50, true).every((fault) => fault === 'expired_token')).toBe(true);
  });

  it('rejects rates outside 0…1 or adding up to more than 1', () => {
    expect(() => createFaultInjector({ serverErrorRate: 1.2 }, 1)).toThrow(/serverErrorRate/);
    expect(() => createFaultInjector({ timeoutRate: -0.1 }, 1)).toThrow(/timeoutRate/);
    expect(() => createFaultInjector({ serverErrorRate: 0.6, malformedRate: 0.6 }, 1)).toThrow(/more than 1/);
    expect(() => createFaultInjector({ timeoutAfterMs: -1 }, 1)).toThrow(/timeoutAfterMs/);
  });
});
