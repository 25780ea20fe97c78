import { describe, expect, it } from 'vitest';
import { dateOnly, localTime, parseCarrierDateTime } from '../time/carrier-time';
import { carrierEstimate, carrierEstimateBetween } from './carrier-estimate';

describe('carrierEstimate', () => {
  it('is the carrier’s estimate, without a confidence', () => {
    expect(carrierEstimate('2026-01-14', '2026-01-14', 'date')).toEqual({
      from: '2026-01-14',
      to: '2026-01-14',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
  });
});

describe('carrierEstimateBetween', () => {
  it('gives both ends at the coarser precision', () => {
    const instant = parseCarrierDateTime('2026-01-14T09:00:00+01:00');
    const local = localTime('2026-01-14T17:00:00');
    expect(carrierEstimateBetween(instant, parseCarrierDateTime('2026-01-14T12:00:00+01:00'))).toMatchObject({
      from: '2026-01-14T09:00:00+01:00',
      to: '2026-01-14T12:00:00+01:00',
      timeKind: 'instant',
    });
    expect(carrierEstimateBetween(instant, local)).toMatchObject({
      from: '2026-01-14T09:00:00',
      to: '2026-01-14T17:00:00',
      timeKind: 'local',
    });
    expect(carrierEstimateBetween(instant, dateOnly('2026-01-15'))).toMatchObject({
      from: '2026-01-14',
      to: '2026-01-15',
      timeKind: 'date',
    });
    expect(carrierEstimateBetween(null, local)).toMatchObject({ from: null, to: '2026-01-14T17:00:00', timeKind: 'local' });
    expect(carrierEstimateBetween(null, null)).toBeNull();
  });
});
