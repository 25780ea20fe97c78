import { describe, expect, it } from 'vitest';
import { formatClock } from './format';

describe('formatClock in the helpdesk panels', () => {
  it('writes French and Dutch times as those languages do, never "4:30"', () => {
    expect(formatClock('04:30', 'fr')).toBe('04:30');
    expect(formatClock('04:30:00', 'nl-BE')).toBe('04:30');
    expect(formatClock('14:05', 'es')).toBe('14:05');
  });

  it('keeps the 12-hour clock where the locale uses one', () => {
    expect(formatClock('16:05', 'en-US')).toMatch(/^4:05\s?PM$/);
  });
});
