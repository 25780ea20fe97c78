import { readFileSync } from 'node:fs';
import { detectCarrier } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { SANDBOX_NUMBERS, SCENARIO_SLOTS, decodeSandboxNumber, generateSandboxNumbers, scenarioOfSlot } from './sandbox-numbers';
import { SANDBOX_CARRIER_IDS, SANDBOX_SCENARIOS, type SandboxCarrierId } from './sandbox-types';
import { SANDBOX_CARRIERS } from './start-sandbox-carriers';

/** The carrier core's detection names for a sandbox carrier's numbers (DHL Parcel DE's are DHL Paket's: `dhl`). */
function detectedCarrier(carrier: SandboxCarrierId): string {
  return SANDBOX_CARRIERS[carrier].detectedAs ?? carrier;
}

const SCENARIOS_AND_MIXED = [...SANDBOX_SCENARIOS, 'mixed'] as const;

describe('generateSandboxNumbers', () => {
  it.each(SANDBOX_CARRIER_IDS)('%s: every number is detected by core as this carrier, with a verified check digit', (carrier) => {
    for (const scenario of SCENARIOS_AND_MIXED) {
      for (const number of generateSandboxNumbers(carrier, 300, scenario)) {
        const [best] = detectCarrier(number);
        const confidence = SANDBOX_CARRIERS[carrier].documentedCheckDigit === false ? 'pattern' : 'checksum';
        expect({ number, carrier: best?.carrier, confidence: best?.confidence }).toEqual({
          number,
          carrier: detectedCarrier(carrier),
          confidence,
        });
      }
    }
  });

  it.each(SANDBOX_CARRIER_IDS)('%s: each number decodes back to the scenario it was made for, and none repeats', (carrier) => {
    const all = new Set<string>();
    for (const scenario of SANDBOX_SCENARIOS) {
      const numbers = generateSandboxNumbers(carrier, 500, scenario);
      expect(new Set(numbers).size).toBe(500);
      for (const number of numbers) {
        expect(decodeSandboxNumber(carrier, number)?.scenario).toBe(scenario);
        all.add(number);
      }
    }
    expect(all.size).toBe(500 * SANDBOX_SCENARIOS.length);
  });

  it('is deterministic: the same arguments give the same numbers, and a longer list extends a shorter one', () => {
    for (const carrier of SANDBOX_CARRIER_IDS) {
      for (const scenario of SCENARIOS_AND_MIXED) {
        const long = generateSandboxNumbers(carrier, 250, scenario);
        expect(generateSandboxNumbers(carrier, 250, scenario)).toEqual(long);
        expect(generateSandboxNumbers(carrier, 37, scenario)).toEqual(long.slice(0, 37));
      }
    }
    expect(generateSandboxNumbers('ups', 3)).toEqual(generateSandboxNumbers('ups', 3, 'mixed'));
  });

  it('mixes scenarios by the documented shares, exactly in every 100 consecutive numbers', () => {
    const numbers = generateSandboxNumbers('fedex', 300, 'mixed');
    for (let block = 0; block < 3; block++) {
      const counts = new Map<string, number>();
      for (const number of numbers.slice(block * 100, block * 100 + 100)) {
        const scenario = decodeSandboxNumber('fedex', number)!.scenario;
        counts.set(scenario, (counts.get(scenario) ?? 0) + 1);
      }
      expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(SCENARIO_SLOTS.map(({ scenario, slots }) => [scenario, slots])));
    }
    expect(SCENARIO_SLOTS.reduce((total, { slots }) => total + slots, 0)).toBe(100);
  });

  it('issues DHL Express waybills for the scenarios only DHL Express words, DHL Paket SSCCs otherwise', () => {
    expect(generateSandboxNumbers('dhl', 5, 'failed_attempt').every((number) => /^\d{10}$/.test(number))).toBe(true);
    expect(generateSandboxNumbers('dhl', 5, 'customs_hold').every((number) => /^\d{10}$/.test(number))).toBe(true);
    expect(generateSandboxNumbers('dhl', 5, 'delivered').every((number) => /^003404\d{14}$/.test(number))).toBe(true);
    expect(decodeSandboxNumber('dhl', SANDBOX_NUMBERS.dhl.failed_attempt)?.dhlService).toBe('express');
    expect(decodeSandboxNumber('dhl', SANDBOX_NUMBERS.dhl.delivered)?.dhlService).toBe('parcel-de');
  });

  it('refuses what it cannot produce', () => {
    expect(() => generateSandboxNumbers('ups', -1)).toThrow(RangeError);
    expect(() => generateSandboxNumbers('ups', 1.5)).toThrow(RangeError);
    expect(() => generateSandboxNumbers('nowhere' as SandboxCarrierId, 1)).toThrow(/unknown sandbox carrier/);
    expect(() => generateSandboxNumbers('ups', 1, 'lost' as never)).toThrow(/unknown scenario/);
    // DHL Express waybills: 10^6 blocks per slot, 2 slots for customs holds.
    expect(() => generateSandboxNumbers('dhl', 2_000_001, 'customs_hold')).toThrow(/at most 2000000/);
    expect(generateSandboxNumbers('usps', 0)).toEqual([]);
  });
});

describe('decodeSandboxNumber', () => {
  it('reads numbers in the carriers’ real formats that the sandbox did not issue (real samples of the adapters)', () => {
    expect(decodeSandboxNumber('ups', '1Z1442YY7229014688')).toMatchObject({ trackingNumber: '1Z1442YY7229014688', slot: 68 });
    expect(decodeSandboxNumber('ups', '1z 1442 yy72 2901 4688')?.trackingNumber).toBe('1Z1442YY7229014688');
    expect(decodeSandboxNumber('fedex', '776094337676')?.slot).toBe(67);
    expect(decodeSandboxNumber('fedex', '377101283611590')).not.toBeNull();
    expect(decodeSandboxNumber('usps', '9400111206206406260787')?.slot).toBe(78);
    expect(decodeSandboxNumber('dhl', '00340434161094015902')?.dhlService).toBe('parcel-de');
    expect(decodeSandboxNumber('dhl', '470800204932')?.dhlService).toBe('parcel-de');
    expect(decodeSandboxNumber('dhl', '3318810025')?.dhlService).toBe('express');
  });

  it('does not know numbers with a wrong check digit or in another carrier’s format (the carrier would not either)', () => {
    for (const carrier of SANDBOX_CARRIER_IDS) {
      for (const number of generateSandboxNumbers(carrier, 50, 'delivered')) {
        const last = Number(number.at(-1));
        expect(decodeSandboxNumber(carrier, `${number.slice(0, -1)}${(last + 1) % 10}`)).toBeNull();
      }
    }
    expect(decodeSandboxNumber('fedex', SANDBOX_NUMBERS.ups.delivered)).toBeNull();
    expect(decodeSandboxNumber('ups', SANDBOX_NUMBERS.fedex.delivered)).toBeNull();
    expect(decodeSandboxNumber('usps', 'LZ123456789CN')).toBeNull();
    expect(decodeSandboxNumber('dhl', 'JJD0099999999')).toBeNull();
  });

  it('maps slots to scenarios in the documented ranges', () => {
    expect(scenarioOfSlot(0)).toBe('delivered');
    expect(scenarioOfSlot(39)).toBe('delivered');
    expect(scenarioOfSlot(40)).toBe('in_transit');
    expect(scenarioOfSlot(87)).toBe('not_found');
    expect(scenarioOfSlot(99)).toBe('advancing');
  });
});

describe('SANDBOX_NUMBERS', () => {
  it('holds one valid number per carrier and scenario: the first generated for it', () => {
    for (const carrier of SANDBOX_CARRIER_IDS) {
      expect(Object.keys(SANDBOX_NUMBERS[carrier]).sort()).toEqual([...SANDBOX_SCENARIOS].sort());
      for (const scenario of SANDBOX_SCENARIOS) {
        const number = SANDBOX_NUMBERS[carrier][scenario];
        expect(number).toBe(generateSandboxNumbers(carrier, 1, scenario)[0]);
        expect(detectCarrier(number)[0]?.carrier).toBe(detectedCarrier(carrier));
        expect(decodeSandboxNumber(carrier, number)?.scenario).toBe(scenario);
      }
    }
  });

  it('README: its vitest example is readme-example.test.ts, word for word', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example = readFileSync(new URL('./readme-example.test.ts', import.meta.url), 'utf8');
    const start = readme.indexOf('```ts\n') + 6;
    expect(example.slice(example.indexOf('\n') + 1)).toBe(readme.slice(start, readme.indexOf('```', start)));
  });

  it('is what the README documents', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const scenario of SANDBOX_SCENARIOS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${scenario}\` |`));
      expect(row, `README row for ${scenario}`).toBeDefined();
      for (const carrier of SANDBOX_CARRIER_IDS) expect(row).toContain(`\`${SANDBOX_NUMBERS[carrier][scenario]}\``);
    }
  });
});
