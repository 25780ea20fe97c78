import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readUspsTrackingDetails, readUspsTrackingEvent, uspsTrackingDetailsSchema, uspsTrackingEventSchema } from './usps-api';

const FIXTURES = new URL('./__fixtures__/', import.meta.url);
const fixtureEvents: unknown[] = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => (JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as { trackingEvents?: unknown[] }).trackingEvents ?? []);

function readerAccepts(value: unknown): boolean {
  try {
    readUspsTrackingEvent(value, 0);
    return true;
  } catch (error) {
    expect((error as { code?: string }).code).toBe('bad_response');
    return false;
  }
}

describe('readUspsTrackingEvent', () => {
  it('accepts every fixture event, as the schema does', () => {
    expect(fixtureEvents.length).toBeGreaterThan(40);
    for (const event of fixtureEvents) {
      expect(uspsTrackingEventSchema.safeParse(event).success).toBe(true);
      expect(readerAccepts(event)).toBe(true);
    }
  });

  it('accepts and rejects exactly what uspsTrackingEventSchema does', () => {
    const fields = Object.keys(uspsTrackingEventSchema.shape);
    const fieldValue = fc.oneof(fc.string(), fc.constant(null), fc.constant(undefined), fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]));
    fc.assert(
      fc.property(fc.constantFrom(...fixtureEvents), fc.constantFrom(...fields, 'additionalProp'), fieldValue, (event, field, value) => {
        const mutated = { ...(event as object), [field]: value };
        expect(readerAccepts(mutated)).toBe(uspsTrackingEventSchema.safeParse(mutated).success);
      }),
      { numRuns: 2000 },
    );
    for (const value of [null, 'Delivered', 3, [], [{}]]) expect(readerAccepts(value)).toBe(uspsTrackingEventSchema.safeParse(value).success);
  });

  it('names the field that did not fit', () => {
    expect(() => readUspsTrackingEvent({ eventType: 42 }, 7)).toThrow(/trackingEvents\.7\.eventType: expected string/);
  });
});

describe('uspsTrackingDetailsSchema', () => {
  it('accepts unknown fields and the string booleans of real responses', () => {
    const parsed = uspsTrackingDetailsSchema.safeParse({ trackingNumber: '1', proofOfDeliveryEnabled: 'false', somethingNew: { nested: true }, trackingEvents: [] });
    expect(parsed.success).toBe(true);
  });

  it('rejects a field of the wrong type', () => {
    expect(uspsTrackingDetailsSchema.safeParse({ trackingNumber: 1, trackingEvents: [] }).success).toBe(false);
    expect(uspsTrackingDetailsSchema.safeParse({ trackingEvents: 'none' }).success).toBe(false);
  });
});

describe('readUspsTrackingDetails', () => {
  const bodies = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Record<string, unknown>)
    .filter((body) => Array.isArray(body.trackingEvents));

  it('accepts and rejects exactly what uspsTrackingDetailsSchema does', () => {
    const fields = [...Object.keys(uspsTrackingDetailsSchema.shape), 'services', 'status'];
    const fieldValue = fc.oneof(fc.string(), fc.constant(null), fc.constant(undefined), fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]));
    for (const body of bodies) expect(readUspsTrackingDetails(body)).toBe(body);
    fc.assert(
      fc.property(fc.constantFrom(...bodies), fc.constantFrom(...fields), fieldValue, (body, field, value) => {
        const mutated = { ...body, [field]: value };
        expect(readUspsTrackingDetails(mutated) !== null).toBe(uspsTrackingDetailsSchema.safeParse(mutated).success);
      }),
      { numRuns: 2000 },
    );
  });
});
