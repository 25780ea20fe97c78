import { describe, expect, it } from 'vitest';
import { trimmedText } from './trimmed-text';

describe('trimmedText', () => {
  it('trims a text and makes an empty or absent one null', () => {
    expect(trimmedText('  MEMPHIS ')).toBe('MEMPHIS');
    expect(trimmedText('   ')).toBeNull();
    expect(trimmedText('')).toBeNull();
    expect(trimmedText(null)).toBeNull();
    expect(trimmedText(undefined)).toBeNull();
  });
});
