import { describe, expect, it } from 'vitest';
import { pushSubscriptionRefused } from './push-subscriptions';

describe('pushSubscriptionRefused', () => {
  it.each([
    [401, 'auth_failed', false],
    [403, 'auth_failed', false],
    [429, 'rate_limited', true],
    [500, 'carrier_unavailable', true],
    [503, 'carrier_unavailable', true],
    [400, 'bad_response', false],
    [404, 'bad_response', false],
  ])('reads HTTP %i as %s (retryable: %s)', (httpStatus, code, retryable) => {
    const error = pushSubscriptionRefused('refused', { carrierId: 'ups', httpStatus });
    expect(error).toMatchObject({ code, retryable, httpStatus, carrierId: 'ups', message: 'refused' });
  });

  it('keeps the carrier codes and the retry delay', () => {
    const error = pushSubscriptionRefused('refused', { carrierId: 'ups', httpStatus: 429, retryAfterMs: 7000, carrierCodes: ['VSS100'] });
    expect(error).toMatchObject({ retryAfterMs: 7000, carrierCodes: ['VSS100'] });
  });
});
