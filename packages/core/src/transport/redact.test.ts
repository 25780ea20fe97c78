import { describe, expect, it } from 'vitest';
import { MAXIMUM_REGISTERED_SECRETS, redactText, registerSecret, registeredSecretCount } from './redact';

describe('the secret registry', () => {
  it('stays bounded when a long-running server registers a fresh token every hour for years', () => {
    const hour = 3_600_000;
    let now = Date.UTC(2026, 0, 1);
    registerSecret('long-lived-client-secret-0b7e');
    // Three years of hourly tokens from four carriers, each registered with its expiry.
    for (let index = 0; index < 3 * 365 * 24 * 4; index++) {
      if (index % 4 === 0) now += hour;
      registerSecret(`token-${index}-${'x'.repeat(24)}`, { expiresAtMs: now + hour, now: () => now });
      // Adapters re-register their credentials on every call, which keeps them registered.
      if (index % 50 === 0) registerSecret('long-lived-client-secret-0b7e', { now: () => now });
    }
    expect(registeredSecretCount()).toBeLessThanOrEqual(MAXIMUM_REGISTERED_SECRETS);
    expect(redactText('secret=long-lived-client-secret-0b7e')).not.toContain('long-lived-client-secret-0b7e');
    // The newest token is still redacted; one from years ago has been dropped.
    const newest = `token-${3 * 365 * 24 * 4 - 1}-${'x'.repeat(24)}`;
    expect(redactText(`seen ${newest}`)).toBe('seen [redacted]');
    expect(redactText(`seen token-0-${'x'.repeat(24)}`)).toContain('token-0-');
  });

  it('ignores values too short to be secrets', () => {
    const before = registeredSecretCount();
    registerSecret('abc');
    registerSecret(undefined);
    expect(registeredSecretCount()).toBe(before);
  });
});
