import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCarrier } from './detect-carrier';
import { normaliseTrackingNumber } from './normalise-tracking-number';

describe('normaliseTrackingNumber', () => {
  it.each([
    ['1z 5r8 939-0357.567127', '1Z5R89390357567127'],
    ['  rb123456785gb\n', 'RB123456785GB'],
    ['0307\u00a01790\u20110005\u20132348\u20143741', '03071790000523483741'],
    ['1LS7119013618127-1', '1LS71190136181271'],
    ['', ''],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseTrackingNumber(input)).toBe(expected);
  });

  it('keeps characters that are not separators, so stray text matches no format', () => {
    expect(normaliseTrackingNumber('1Z/5R8#')).toBe('1Z/5R8#');
  });

  it('is idempotent and leaves no separator or lower-case letter (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (input) => {
        const once = normaliseTrackingNumber(input);
        expect(normaliseTrackingNumber(once)).toBe(once);
        expect(once).not.toMatch(/[\s\-.]/);
        expect(once).toBe(once.toUpperCase());
      }),
    );
  });

  it('makes detection independent of separators and case (property)', () => {
    const digitsOrLetters = fc.stringMatching(/^[0-9A-Za-z]{8,34}$/);
    const separator = fc.constantFrom(' ', '-', '.', '  ', '\t');
    fc.assert(
      fc.property(digitsOrLetters, separator, fc.nat(8), (value, between, every) => {
        const step = every + 1;
        const spaced = value.replace(new RegExp(`(.{${step}})`, 'g'), `$1${between}`);
        expect(detectCarrier(spaced)).toEqual(detectCarrier(value.toUpperCase()));
      }),
      { numRuns: 300 },
    );
  });
});
