import { parseCarrierDateTime } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { bpostEstimatedDelivery } from './parse-bpost-response';

describe('bpost times', () => {
  it('keeps the offset bpost gives, with or without milliseconds', () => {
    expect(parseCarrierDateTime('2012-11-22T23:19:29+01:00')).toEqual({
      occurredAt: '2012-11-22T23:19:29+01:00',
      localTime: '2012-11-22T23:19:29',
      timeKind: 'instant',
    });
    expect(parseCarrierDateTime('2012-11-23T07:11:18.923+01:00')?.occurredAt).toBe('2012-11-23T07:11:18+01:00');
  });

  it('never stamps a time without offset with Z', () => {
    expect(parseCarrierDateTime('2012-11-23T07:11:18')).toEqual({ occurredAt: null, localTime: '2012-11-23T07:11:18', timeKind: 'local' });
    expect(parseCarrierDateTime('not a time')).toBeNull();
  });

  it('reads the planned window at the precision given', () => {
    expect(
      bpostEstimatedDelivery({
        plannedDeliveryDateWindowStart: '2025-11-04T09:00:00+01:00',
        plannedDeliveryDateWindowEnd: '2025-11-04T13:00:00+01:00',
      }),
    ).toMatchObject({
      from: '2025-11-04T09:00:00+01:00',
      to: '2025-11-04T13:00:00+01:00',
      timeKind: 'instant',
    });
    expect(bpostEstimatedDelivery({ plannedDeliveryDateWindowStart: '2025-11-04' })).toMatchObject({
      from: '2025-11-04',
      to: null,
      timeKind: 'date',
    });
    expect(bpostEstimatedDelivery(undefined)).toBeNull();
  });
});
