import { dateOnly, instantTime, localTime } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { momentOf } from './event-moment';

const iso = (epoch: number) => new Date(epoch).toISOString();

describe('event moments', () => {
  it('keeps an instant exact', () => {
    const moment = momentOf(instantTime('2026-03-30T14:12:00', '+02:00')!, { countryCode: null, fallbackTimeZone: 'UTC' })!;
    expect(moment.exact).toBe(true);
    expect(iso(moment.estimate)).toBe('2026-03-30T12:12:00.000Z');
  });

  it('pins a local wall time exactly when its country has one zone (never read as UTC)', () => {
    const moment = momentOf(localTime('2026-03-30T14:12:00')!, { countryCode: 'DE', fallbackTimeZone: 'America/New_York' })!;
    expect(moment.exact).toBe(true);
    expect(iso(moment.earliest)).toBe('2026-03-30T12:12:00.000Z');
  });

  it('bounds a local wall time by the zones of a multi-zone country', () => {
    const moment = momentOf(localTime('2026-03-31T04:02:00')!, { countryCode: 'US', fallbackTimeZone: 'America/Chicago' })!;
    expect(moment.exact).toBe(false);
    expect(iso(moment.earliest)).toBe('2026-03-31T08:02:00.000Z'); // New York, EDT
    expect(iso(moment.latest)).toBe('2026-03-31T14:02:00.000Z'); // Honolulu, HST
  });

  it('uses the widest bounds when the place is unknown, and spans the whole day for a date', () => {
    const unknown = momentOf(localTime('2026-03-31T04:02:00')!, { countryCode: null, fallbackTimeZone: 'Europe/Berlin' })!;
    expect(iso(unknown.earliest)).toBe('2026-03-30T14:02:00.000Z');
    expect(iso(unknown.latest)).toBe('2026-03-31T16:02:00.000Z');
    expect(iso(unknown.estimate)).toBe('2026-03-31T02:02:00.000Z');
    const day = momentOf(dateOnly('2026-03-31')!, { countryCode: 'NL', fallbackTimeZone: 'UTC' })!;
    expect(iso(day.earliest)).toBe('2026-03-30T22:00:00.000Z');
    expect(iso(day.latest)).toBe('2026-03-31T21:59:59.999Z');
    expect(day.exact).toBe(false);
  });

  it('narrows a wall time to the zone of the region the carrier names (an Illinois scan is Chicago time)', () => {
    const moment = momentOf(localTime('2026-03-31T04:02:00')!, {
      countryCode: 'US',
      regionCode: 'IL',
      fallbackTimeZone: 'America/New_York',
    })!;
    expect(moment.exact).toBe(true);
    expect(iso(moment.estimate)).toBe('2026-03-31T09:02:00.000Z'); // CDT, UTC−5
    // A state split between two zones keeps honest bounds: El Paso is Mountain, Houston Central.
    const texas = momentOf(localTime('2026-03-31T04:02:00')!, {
      countryCode: 'US',
      regionCode: 'US-TX',
      fallbackTimeZone: 'America/New_York',
    })!;
    expect([iso(texas.earliest), iso(texas.latest), texas.exact]).toEqual(['2026-03-31T09:02:00.000Z', '2026-03-31T10:02:00.000Z', false]);
    // A region code we do not know falls back to the country's zones.
    const unknownRegion = momentOf(localTime('2026-03-31T04:02:00')!, {
      countryCode: 'US',
      regionCode: 'Cook County',
      fallbackTimeZone: 'America/Chicago',
    })!;
    expect(unknownRegion.exact).toBe(false);
  });
});
