import { describe, expect, it } from 'vitest';
import { WISMO_CARRIERS, WISMO_CARRIER_IDS, isWismoCarrierId } from './carrier-registry';
import { SANDBOX_CARRIERS } from './start-sandbox-carriers';
import { SANDBOX_CARRIER_IDS } from './sandbox-types';

describe('the carrier registry', () => {
  it('registers each carrier under its own id, with its credentials and their environment variables', () => {
    for (const id of WISMO_CARRIER_IDS) {
      const { carrier, create } = WISMO_CARRIERS[id];
      expect(carrier.id).toBe(id);
      expect(carrier.credentials.length).toBeGreaterThan(0);
      for (const credential of carrier.credentials) expect(credential.environmentVariable).toMatch(/^[A-Z][A-Z0-9_]+$/);
      // Building never throws, even without credentials: they are checked when first used.
      expect(create({}).id).toBe(id);
    }
    expect(isWismoCarrierId('ups')).toBe(true);
    expect(isWismoCarrierId('constructor')).toBe(false);
  });

  it('has a sandbox for every registered carrier, and the sandbox list is the registry', () => {
    expect([...SANDBOX_CARRIER_IDS]).toEqual(WISMO_CARRIER_IDS);
    for (const id of WISMO_CARRIER_IDS) expect(SANDBOX_CARRIERS[id]).toBeDefined();
  });
});
