import { describe, expect, it } from 'vitest';
import { buildShipment, createEvent, parseCarrierDateTime } from '@wismo/core';
import { adviceFor, formatCarrierTime, formatShipment } from './format';

describe('times shown honestly', () => {
  it('keeps the offset of an instant, marks a wall time as local, and a date as a date', () => {
    expect(formatCarrierTime(parseCarrierDateTime('2026-03-05T14:02:00+01:00'))).toBe('2026-03-05 14:02 +01:00');
    expect(formatCarrierTime(parseCarrierDateTime('2026-03-05T14:02:30Z'))).toBe('2026-03-05 14:02:30 UTC');
    expect(formatCarrierTime(parseCarrierDateTime('2026-03-05T14:02:00'))).toBe('2026-03-05 14:02 local time');
    expect(formatCarrierTime(parseCarrierDateTime('2026-03-05'))).toBe('2026-03-05 (date only)');
    expect(formatCarrierTime(null)).toBe('—');
  });

  it('prints carrier, status, ETA and the events newest first', () => {
    const shipment = buildShipment({
      carrier: 'dhl',
      trackingNumber: '00340434161094042557',
      events: [
        createEvent({
          time: parseCarrierDateTime('2026-03-05T09:00:00'),
          code: 'pu',
          description: 'Picked up',
          mapped: { status: 'in_transit', substatus: 'picked_up' },
          location: { city: 'Bonn', region: null, postalCode: null, countryCode: 'DE', raw: 'Bonn, Germany' },
        }),
        createEvent({
          time: parseCarrierDateTime('2026-03-06T07:15:00+01:00'),
          code: 'od',
          description: 'Out for delivery',
          mapped: { status: 'out_for_delivery' },
        }),
      ],
      estimatedDelivery: { from: '2026-03-06', to: '2026-03-06', timeKind: 'date', source: 'carrier', confidence: null },
    });
    const text = formatShipment(shipment);
    expect(text).toMatch(/^DHL 00340434161094042557/);
    expect(text).toMatch(/Status\s+out_for_delivery \/ out_for_delivery/);
    expect(text).toMatch(/ETA\s+2026-03-06 \(date only\) \(carrier estimate\)/);
    expect(text.indexOf('Out for delivery')).toBeLessThan(text.indexOf('Picked up'));
    expect(text).toMatch(/2026-03-05 09:00 local time\s+Picked up — Bonn, Germany/);
    expect(text).toMatch(/"local time": the clock where the scan happened/);
    expect(formatShipment(shipment, { maxEvents: 1 })).toMatch(/… 1 earlier event\(s\)/);
  });

  it('gives advice for every error code', () => {
    for (const code of [
      'not_found',
      'invalid_number',
      'detection_failed',
      'unsupported_carrier',
      'auth_failed',
      'rate_limited',
      'carrier_unavailable',
      'bad_response',
    ] as const) {
      expect(adviceFor({ code, carrierId: 'ups', retryAfterMs: 5_000 }).length).toBeGreaterThan(20);
    }
    expect(adviceFor({ code: 'rate_limited', carrierId: 'ups', retryAfterMs: 5_000 })).toMatch(/5 s/);
  });
});
