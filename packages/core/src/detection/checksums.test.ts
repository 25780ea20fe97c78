import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCheckDigit,
  glsCheckDigit,
  isKnownChecksum,
  luhnCheckDigit,
  mod10CheckDigit,
  mod3736CheckDigit,
  mod7CheckDigit,
  s10CheckDigit,
  sumProductCheckDigit,
  verifyCheckDigit,
} from './checksums';
import type { ChecksumDefinition } from './tracking-number-definition';

const GS1: ChecksumDefinition = { name: 'mod10', evens_multiplier: 3, odds_multiplier: 1 };
const UPS: ChecksumDefinition = { name: 'mod10', evens_multiplier: 1, odds_multiplier: 2 };
const DHL_PAKET: ChecksumDefinition = { name: 'mod10', evens_multiplier: 4, odds_multiplier: 9 };
const FEDEX_12: ChecksumDefinition = {
  name: 'sum_product_with_weightings_and_modulo',
  weightings: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1],
  modulo1: 11,
  modulo2: 10,
};
const S10: ChecksumDefinition = { name: 's10', weightings: [8, 6, 4, 2, 3, 5, 9, 7], modulo: 11 };
const DPD: ChecksumDefinition = { name: 'mod_37_36', modulo: 36, alphabet: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' };

describe('check digits on published examples', () => {
  it.each([
    // GS1 GLN example (ecosio.com/de/blog/gln-pruefziffer-berechnen): 12 digits, rightmost weighted 3.
    [
      'mod10 3-1 from the right (GLN 4260304620007)',
      () => mod10CheckDigit('426030462000', { name: 'mod10', evens_multiplier: 1, odds_multiplier: 3 }),
      '7',
    ],
    // paketda.de "Prüfziffer DHL 12-stellig", example 201298452277.
    ['mod10 4-9 (DHL Paket 201298452277)', () => mod10CheckDigit('20129845227', DHL_PAKET), '7'],
    // paketda.de "20-stellige DHL-Paketnummern", example 00340433836442636597 (SSCC without AI).
    ['mod10 3-1 (SSCC 340433836442636597)', () => mod10CheckDigit('34043383644263659', GS1), '7'],
    // UPS letters count as (charCode - 3) % 10; data test number 1Z879E930346834440.
    ['mod10 1-2 with letters (UPS 1Z879E930346834440)', () => mod10CheckDigit('879E93034683444', UPS), '0'],
    // USPS IMpb N weighs from the right (reverse): data test number 9400111206206406260787.
    ['mod10 reverse (USPS 9400111206206406260787)', () => mod10CheckDigit('940011120620640626078', { ...GS1, reverse: true }), '7'],
    ['mod7 (DHL Express 73891051146)', () => mod7CheckDigit('7389105114'), '6'],
    // UPU S10 (and Royal Mail COSS Spec 03): RB123456785GB, and FQ087430672GB from the RM Tracking API example.
    ['s10 (RB123456785GB)', () => s10CheckDigit('12345678', S10), '5'],
    ['s10 (FQ087430672GB)', () => s10CheckDigit('08743067', S10), '2'],
    ['sum product mod 11 mod 10 (FedEx 986578788855)', () => sumProductCheckDigit('98657878885', FEDEX_12), '5'],
    // DPD Parcel Label Specification: data test numbers 09980000020033F and 0998000002003 4D.
    ['mod 37,36 (DPD 09980000020033F)', () => mod3736CheckDigit('09980000020033', DPD), 'F'],
    ['mod 37,36 (DPD 09980000020034D)', () => mod3736CheckDigit('09980000020034', DPD), 'D'],
    // The classic Luhn example 79927398713 and Purolator 320595463938 (data).
    ['luhn (79927398713)', () => luhnCheckDigit('7992739871'), '3'],
    ['luhn (Purolator 320595463938)', () => luhnCheckDigit('32059546393'), '8'],
    // GLS: weights 3-1 from the left plus one: 3*6 + 1*5 + 1 = 24, so 6.
    ['gls (11111111111)', () => glsCheckDigit('11111111111'), '6'],
  ])('%s', (_name, compute, expected) => {
    expect(compute()).toBe(expected);
  });
});

describe('verifyCheckDigit', () => {
  it('rejects every algorithm it does not know, whatever the digits', () => {
    expect(isKnownChecksum('mod11')).toBe(false);
    expect(computeCheckDigit({ name: 'mod11' }, '1234')).toBeNull();
    for (const digit of '0123456789') expect(verifyCheckDigit({ name: 'mod11' }, '1234', digit)).toBe(false);
  });

  it('rejects inherited object keys as algorithm names', () => {
    expect(isKnownChecksum('toString')).toBe(false);
    expect(verifyCheckDigit({ name: 'constructor' }, '1', '1')).toBe(false);
  });

  it('rejects serials the algorithm cannot read', () => {
    expect(verifyCheckDigit({ name: 'mod7' }, '12A', '0')).toBe(false);
    expect(verifyCheckDigit(S10, '1234567X', '0')).toBe(false);
    expect(verifyCheckDigit(DPD, '0998-0000', 'F')).toBe(false);
    expect(verifyCheckDigit({ name: 'sum_product_with_weightings_and_modulo', weightings: [1] }, '1', '1')).toBe(false);
  });
});

// Every algorithm, with the parameters the data uses.
const ALGORITHMS: ReadonlyArray<[string, ChecksumDefinition, fc.Arbitrary<string>, string]> = [
  ['mod10 3-1', GS1, fc.stringMatching(/^[0-9]{10,33}$/), '0123456789'],
  ['mod10 1-3', { name: 'mod10', evens_multiplier: 1, odds_multiplier: 3 }, fc.stringMatching(/^[0-9]{10,21}$/), '0123456789'],
  ['mod10 1-2 (UPS)', UPS, fc.stringMatching(/^[0-9A-Z]{15}$/), '0123456789'],
  ['mod10 3-1 reverse', { ...GS1, reverse: true }, fc.stringMatching(/^[0-9]{19,33}$/), '0123456789'],
  ['mod10 4-9', DHL_PAKET, fc.stringMatching(/^[0-9]{11}$/), '0123456789'],
  ['mod7', { name: 'mod7', modulo: 7 }, fc.stringMatching(/^[0-9]{9,10}$/), '0123456'],
  ['s10', S10, fc.stringMatching(/^[0-9]{8}$/), '0123456789'],
  ['sum product', FEDEX_12, fc.stringMatching(/^[0-9]{11}$/), '0123456789'],
  ['mod 37,36', DPD, fc.stringMatching(/^[0-9A-Z]{14,27}$/), '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  ['luhn', { name: 'luhn', modulo: 10 }, fc.stringMatching(/^[0-9]{10,11}$/), '0123456789'],
  ['gls', { name: 'gls' }, fc.stringMatching(/^[0-9]{11}$/), '0123456789'],
];

describe('check digits round-trip (property)', () => {
  it.each(ALGORITHMS)('%s: the computed check character verifies and every other one is rejected', (_name, checksum, serials, alphabet) => {
    fc.assert(
      fc.property(serials, (serial) => {
        const checkDigit = computeCheckDigit(checksum, serial);
        expect(checkDigit).not.toBeNull();
        expect(alphabet).toContain(checkDigit);
        for (const other of alphabet) expect(verifyCheckDigit(checksum, serial, other)).toBe(other === checkDigit);
      }),
      { numRuns: 200 },
    );
  });
});

function mutateAt(serial: string, position: number, replacement: string): string {
  return serial.slice(0, position) + replacement + serial.slice(position + 1);
}

/** A serial, one position in it, and a different digit for that position. */
const mutation = (serials: fc.Arbitrary<string>) =>
  serials.chain((serial) =>
    fc.tuple(fc.constant(serial), fc.nat(serial.length - 1), fc.integer({ min: 1, max: 9 })).map(([value, position, shift]) => {
      const original = Number(value[position]);
      return { serial: value, position, original, replacement: (original + shift) % 10 };
    }),
  );

describe('a single changed digit (property)', () => {
  // Weights coprime with 10 (1, 3, 7, 9), Luhn, GLS and ISO 7064 catch every single substitution.
  it.each([
    ['mod10 3-1', GS1],
    ['mod10 3-1 reverse', { ...GS1, reverse: true }],
    ['luhn', { name: 'luhn' }],
    ['gls', { name: 'gls' }],
    ['mod 37,36', DPD],
  ] as const)('%s: always breaks the check digit', (_name, checksum) => {
    fc.assert(
      fc.property(mutation(fc.stringMatching(/^[0-9]{11,20}$/)), ({ serial, position, replacement }) => {
        const checkDigit = computeCheckDigit(checksum, serial) as string;
        expect(verifyCheckDigit(checksum, mutateAt(serial, position, String(replacement)), checkDigit)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('mod7: breaks it unless the digit moved by exactly 7 (10^k is never a multiple of 7)', () => {
    fc.assert(
      fc.property(mutation(fc.stringMatching(/^[0-9]{9,10}$/)), ({ serial, position, original, replacement }) => {
        const checkDigit = mod7CheckDigit(serial) as string;
        const stillValid = verifyCheckDigit({ name: 'mod7' }, mutateAt(serial, position, String(replacement)), checkDigit);
        expect(stillValid).toBe(Math.abs(original - replacement) === 7);
      }),
      { numRuns: 300 },
    );
  });

  it('mod10 with an even weight (UPS 1-2, DHL Paket 4-9): breaks it unless an evenly weighted digit moved by 5', () => {
    for (const checksum of [UPS, DHL_PAKET]) {
      fc.assert(
        fc.property(mutation(fc.stringMatching(/^[0-9]{11,15}$/)), ({ serial, position, original, replacement }) => {
          const weight = (position % 2 === 0 ? checksum.evens_multiplier : checksum.odds_multiplier) ?? 1;
          const stillValid = verifyCheckDigit(
            checksum,
            mutateAt(serial, position, String(replacement)),
            mod10CheckDigit(serial, checksum) as string,
          );
          expect(stillValid).toBe((weight * Math.abs(original - replacement)) % 10 === 0);
        }),
        { numRuns: 300 },
      );
    }
  });
});
