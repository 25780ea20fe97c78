import { describe, expect, it } from 'vitest';
import { formatClock } from './format';

describe('formatClock on the tracking page', () => {
  const at = (locale: string) => formatClock('04:30', { locale, timeZone: 'UTC', today: '2026-04-01' });

  it('writes French and Dutch times as those languages do, never "4:30"', () => {
    expect(at('fr-FR')).toBe('04:30');
    expect(at('nl-NL')).toBe('04:30');
    expect(at('de-DE')).toBe('04:30');
  });

  it('keeps the 12-hour clock where the locale uses one', () => {
    expect(at('en-US')).toMatch(/^4:30\s?AM$/);
  });
});
