import { describe, expect, it } from 'vitest';
import { answerAfter, TEST_JOURNEY } from '../__fixtures__/parcel-answers';
import { shipmentJson } from './shipment-json';

describe('shipmentJson', () => {
  const stringify = (value: unknown) => JSON.stringify(value);

  it('writes the same text as JSON.stringify at every step of a journey', () => {
    for (let scans = 0; scans <= TEST_JOURNEY.length; scans++) {
      const shipment = answerAfter('00340434161100000001', scans, { fetchedAt: Date.parse('2026-03-20T08:00:00Z') });
      expect(shipmentJson(shipment, stringify)).toBe(JSON.stringify(shipment));
    }
  });

  it('uses the given text of each event in place', () => {
    const shipment = answerAfter('00340434161100000001', 3, { fetchedAt: Date.parse('2026-03-20T08:00:00Z') });
    const parsed = JSON.parse(shipmentJson(shipment, (event) => JSON.stringify({ code: event.raw.code }))) as { events: unknown[] };
    expect(parsed.events).toEqual(shipment.events.map((event) => ({ code: event.raw.code })));
  });

  it('falls back to JSON.stringify when a carrier text holds the placeholder', () => {
    const shipment = answerAfter('00340434161100000001', 2, { fetchedAt: Date.parse('2026-03-20T08:00:00Z') });
    const odd = { ...shipment, signedBy: '\u0000wismo:events\u0000' };
    expect(shipmentJson(odd, stringify)).toBe(JSON.stringify(odd));
  });
});
