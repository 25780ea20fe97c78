import { createSeededRandom, type RandomSource } from './seeded-random';
import type { SandboxFaults } from './sandbox-types';

export type FaultKind = 'server_error' | 'timeout' | 'malformed' | 'expired_token';

export const DEFAULT_TIMEOUT_AFTER_MS = 30_000;

export interface FaultInjector {
  /**
   * Draws the fault for one tracking request, or null. `canExpireToken` says whether the request carries an
   * OAuth token the fault may expire (not for API-key carriers, nor a token just issued after such a fault).
   */
  draw(canExpireToken: boolean): FaultKind | null;
  /** A second draw in [0, 1) from the same sequence (which 5xx, which malformed body). */
  pick(): number;
  readonly timeoutAfterMs: number;
  readonly active: boolean;
}

function rate(value: number | undefined, name: string): number {
  if (value === undefined) return 0;
  if (!(value >= 0 && value <= 1)) throw new RangeError(`faults.${name} must be between 0 and 1`);
  return value;
}

/**
 * One seeded sequence per carrier: the same seed and the same order of requests give the same faults.
 * The rates are shares of tracking requests; they add up (a request gets at most one fault).
 */
export function createFaultInjector(faults: SandboxFaults | undefined, defaultSeed: number): FaultInjector {
  const serverErrorRate = rate(faults?.serverErrorRate, 'serverErrorRate');
  const timeoutRate = rate(faults?.timeoutRate, 'timeoutRate');
  const malformedRate = rate(faults?.malformedRate, 'malformedRate');
  const expiredTokenRate = rate(faults?.expiredTokenRate, 'expiredTokenRate');
  if (serverErrorRate + timeoutRate + malformedRate + expiredTokenRate > 1 + 1e-9)
    throw new RangeError('faults: the rates add up to more than 1');
  const timeoutAfterMs = faults?.timeoutAfterMs ?? DEFAULT_TIMEOUT_AFTER_MS;
  if (!(timeoutAfterMs >= 0)) throw new RangeError('faults.timeoutAfterMs must be ≥ 0');
  const random: RandomSource = createSeededRandom(faults?.seed ?? defaultSeed);
  const active = serverErrorRate + timeoutRate + malformedRate + expiredTokenRate > 0;
  return {
    timeoutAfterMs,
    active,
    pick: random,
    draw(canExpireToken) {
      if (!active) return null;
      let threshold = random();
      if ((threshold -= serverErrorRate) < 0) return 'server_error';
      if ((threshold -= timeoutRate) < 0) return 'timeout';
      if ((threshold -= malformedRate) < 0) return 'malformed';
      if ((threshold -= expiredTokenRate) < 0) return canExpireToken ? 'expired_token' : null;
      return null;
    },
  };
}
