import { describe, expect, it } from 'vitest';
import { dateOnly, localTime, parseCarrierDateTime } from '../time/carrier-time';
import { deliverByEstimate } from './deliver-by-estimate';

const estimate = (from: string | null, to: string | null, timeKind: string) => ({
  from,
  to,
  timeKind,
  source: 'carrier',
  confidence: null,
});

describe('deliverByEstimate', () => {
  it('makes an instant or a wall-clock time the end of the window', () => {
    const instant = parseCarrierDateTime('2026-01-14T17:00:00-05:00');
    expect(deliverByEstimate(instant)).toEqual(estimate(null, '2026-01-14T17:00:00-05:00', 'instant'));
    expect(deliverByEstimate(localTime('2026-01-14T17:00:00'))).toEqual(estimate(null, '2026-01-14T17:00:00', 'local'));
  });

  it('reads a date, or a wall clock at midnight, as that whole day', () => {
    expect(deliverByEstimate(dateOnly('2026-01-14'))).toEqual(estimate('2026-01-14', '2026-01-14', 'date'));
    expect(deliverByEstimate(localTime('2026-01-14T00:00:00'))).toEqual(estimate('2026-01-14', '2026-01-14', 'date'));
    // An instant at midnight is a moment, not a day.
    expect(deliverByEstimate(parseCarrierDateTime('2026-01-14T00:00:00+01:00'))?.timeKind).toBe('instant');
  });

  it('is null without a time', () => {
    expect(deliverByEstimate(null)).toBeNull();
    expect(deliverByEstimate({ occurredAt: null, localTime: null, timeKind: 'local' })).toBeNull();
  });
});
