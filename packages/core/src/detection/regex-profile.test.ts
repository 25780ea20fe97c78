import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simplifyRegexForNormalisedInput } from './compile-formats';
import { getDefaultCarrierDetector } from './detect-carrier';
import { profileRegex } from './regex-profile';

const DIGIT_BITS = Math.log2(36 / 10);
const LITERAL_BITS = Math.log2(36);

describe('profileRegex', () => {
  it('reads lengths, first characters and bits of a fixed format', () => {
    const profile = profileRegex('1Z(?<SerialNumber>[0-9]{15})(?<CheckDigit>[0-9])');
    expect(profile.minimumLength).toBe(18);
    expect(profile.maximumLength).toBe(18);
    expect([...(profile.firstCharacters ?? [])]).toEqual(['1']);
    expect(profile.specificityBits).toBeCloseTo(2 * LITERAL_BITS + 16 * DIGIT_BITS, 6);
  });

  it('takes the union over alternatives and optional parts, and the least constraining path', () => {
    const profile = profileRegex('(?:420[0-9]{5})?(?:92|93|AB)[0-9]{2,4}');
    expect(profile.minimumLength).toBe(4);
    expect(profile.maximumLength).toBe(14);
    expect(new Set(profile.firstCharacters)).toEqual(new Set(['4', '9', 'A']));
    expect(profile.specificityBits).toBeCloseTo(2 * LITERAL_BITS + 2 * DIGIT_BITS, 6);
    // A 14-character match went through the 420 prefix: it pins down more.
    expect(profile.bitsForLength(14)).toBeCloseTo(5 * LITERAL_BITS + 9 * DIGIT_BITS, 6);
    // Lengths the pattern cannot produce fall back to the overall minimum.
    expect(profile.bitsForLength(40)).toBe(profile.specificityBits);
  });

  it('lets lookarounds and word boundaries constrain nothing', () => {
    const profile = profileRegex('(?=[0-9]*[A-Z])\\b[0-9A-Z]{8}');
    expect(profile).toMatchObject({ minimumLength: 8, maximumLength: 8, specificityBits: 0 });
    expect(profile.firstCharacters?.size).toBe(36);
  });

  it('counts unbounded repetitions as unbounded', () => {
    expect(profileRegex('A[0-9]+').maximumLength).toBe(Infinity);
    expect(profileRegex('A[0-9]{3,}').minimumLength).toBe(4);
  });

  it('reads negated classes and escapes', () => {
    const profile = profileRegex('[^0-9]\\d');
    expect(profile.firstCharacters?.has('A')).toBe(true);
    expect(profile.firstCharacters?.has('5')).toBe(false);
    expect(profile.minimumLength).toBe(2);
  });

  it.each(['(a)\\1', '\\p{L}', '(?<name>a', '[a-', 'a{2'])('falls back to "anything goes" on %j, which never skips a format', (source) => {
    const profile = profileRegex(source);
    expect(profile.minimumLength).toBe(0);
    expect(profile.maximumLength).toBe(Infinity);
    expect(profile.firstCharacters).toBeNull();
  });
});

describe('simplifyRegexForNormalisedInput', () => {
  it.each([
    ['\\s*1\\s*Z\\s*(?<S>([0-9]\\s*){3})', '1Z(?<S>([0-9]){3})'],
    ['[0-9A-Z\\s]{10}\\s*', '[0-9A-Z\\s]{10}'],
    ['1LS7[0-9]{5}-\\s*1\\s*', '1LS7[0-9]{5}1'],
    ['A-?B\\-C\\.D', 'ABCD'],
    ['[A-Z]\\s[0-9]', '[A-Z]\\s[0-9]'],
  ])('rewrites %j to %j', (source, expected) => {
    expect(simplifyRegexForNormalisedInput(source)).toBe(expected);
  });
});

describe('the pre-filter never skips a number its format matches (property)', () => {
  const formats = getDefaultCarrierDetector().formats;
  const generated = formats.flatMap((format) => {
    try {
      return [{ format, arbitrary: fc.stringMatching(format.regex) }];
    } catch {
      // fast-check cannot generate from lookaheads; those formats are covered by their test numbers.
      return [];
    }
  });

  it('generates from most formats', () => {
    expect(generated.length).toBeGreaterThan(formats.length - 8);
  });

  it.each(generated.map(({ format, arbitrary }) => [format.formatId ?? format.definition.name, format, arbitrary] as const))(
    '%s',
    (_id, format, arbitrary) => {
      fc.assert(
        fc.property(arbitrary, (value) => {
          const { profile } = format;
          expect(value.length).toBeGreaterThanOrEqual(profile.minimumLength);
          expect(value.length).toBeLessThanOrEqual(profile.maximumLength);
          if (profile.firstCharacters) expect(profile.firstCharacters.has(value[0] as string)).toBe(true);
          expect(profile.bitsForLength(value.length)).toBeGreaterThanOrEqual(profile.specificityBits - 1e-9);
        }),
        { numRuns: 50 },
      );
    },
  );
});
