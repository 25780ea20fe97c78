import { describe, expect, it } from 'vitest';
import { MAX_CARRIER_TEXT_LENGTH, capText } from './cap-text';

describe('capText', () => {
  it('keeps a text up to the cap, and null or undefined, as they are', () => {
    const atCap = 'x'.repeat(MAX_CARRIER_TEXT_LENGTH);
    expect(capText(atCap)).toBe(atCap);
    expect(capText('Delivered ')).toBe('Delivered ');
    expect(capText(null)).toBeNull();
    expect(capText(undefined)).toBeUndefined();
  });

  it('cuts a longer text at the cap, without trailing spaces, and marks the cut', () => {
    expect(capText(`${'x'.repeat(MAX_CARRIER_TEXT_LENGTH - 2)}  yyy`)).toBe(`${'x'.repeat(MAX_CARRIER_TEXT_LENGTH - 2)}…`);
  });
});
