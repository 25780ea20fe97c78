import type { TrackingEvent } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { eventFingerprint } from './fingerprint';

describe('eventFingerprint', () => {
  // Stored fingerprints decide which events are new: the text hashed must never change.
  it('keeps the fingerprints already stored (values from the first release of the rule)', () => {
    const scanned: TrackingEvent = {
      occurredAt: '2026-01-12T08:15:00+01:00',
      localTime: '2026-01-12T08:15:00',
      timeKind: 'instant',
      status: 'in_transit',
      substatus: 'in_transit',
      description: 'Arrived at facility',
      location: { raw: null, city: 'Leipzig', region: null, postalCode: '04435', countryCode: 'DE' },
      raw: { code: 'AF', codes: {}, text: null },
      unmapped: false,
    } as TrackingEvent;
    const uncoded: TrackingEvent = {
      ...scanned,
      occurredAt: null,
      localTime: null,
      timeKind: 'date',
      description: 'Label created',
      location: null,
      raw: { code: null, codes: {}, text: null },
    } as TrackingEvent;
    expect(eventFingerprint('dhl', '00340434161094100001', scanned)).toBe('MPXuVKxjYZ7gDkV8b21s40kBZgk');
    expect(eventFingerprint('ups', '1Z999AA10123456784', uncoded)).toBe('rlMeB2gqHHnnQ-4cGkwqPNJWyP0');
  });

  it('tells apart events that differ only in their place or, without a code, their text', () => {
    const base = { occurredAt: '2026-01-12T08:15:00Z', localTime: null, timeKind: 'instant', description: 'Scan' } as const;
    const at = (city: string | null, code: string | null, description = 'Scan') =>
      eventFingerprint('dhl', '1', {
        ...base,
        description,
        location: { raw: null, city, region: null, postalCode: null, countryCode: null },
        raw: { code, codes: {}, text: null },
      } as unknown as TrackingEvent);
    expect(at('Leipzig', 'AF')).not.toBe(at('Halle', 'AF'));
    expect(at('Leipzig', null, 'Scan')).not.toBe(at('Leipzig', null, 'Other scan'));
    expect(at('Leipzig', 'AF', 'Scan')).toBe(at('Leipzig', 'AF', 'Other words'));
  });
});
