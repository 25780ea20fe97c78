import { describe, expect, it } from 'vitest';
import { rememberByText } from './remember-by-text';

describe('rememberByText', () => {
  it('computes each text once, remembers null results too, and forgets the oldest computed past the limit', () => {
    const seen: string[] = [];
    const upper = rememberByText((text: string) => {
      seen.push(text);
      return text === 'none' ? null : text.toUpperCase();
    }, 2);
    expect(upper('a')).toBe('A');
    expect(upper('a')).toBe('A');
    expect(upper('none')).toBeNull();
    expect(upper('none')).toBeNull();
    expect(seen).toEqual(['a', 'none']);
    upper('b'); // 'a' was computed first, and goes
    upper('none');
    upper('a');
    expect(seen).toEqual(['a', 'none', 'b', 'a']);
  });
});
