import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uspsErrorSchema, uspsTrackingDetailsSchema, uspsTrackingEventSchema } from './usps-api';

const FIXTURES = new URL('./__fixtures__/', import.meta.url);
const bodies = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, body: JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Record<string, unknown> }));

describe('uspsTrackingDetailsSchema', () => {
  it('accepts every detail fixture with all its events', () => {
    const details = bodies.filter(({ body }) => Array.isArray(body.trackingEvents));
    expect(details.length).toBeGreaterThan(8);
    for (const { file, body } of details) {
      const parsed = uspsTrackingDetailsSchema.safeParse(body);
      expect(parsed.success, file).toBe(true);
      expect(parsed.data?.trackingEvents).toHaveLength((body.trackingEvents as unknown[]).length);
    }
  });

  it('accepts unknown fields (leaving them out) and the string booleans of real responses', () => {
    const parsed = uspsTrackingDetailsSchema.safeParse({
      trackingNumber: '1',
      proofOfDeliveryEnabled: 'false',
      somethingNew: { nested: true },
      trackingEvents: [],
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data).not.toHaveProperty('somethingNew');
  });

  it('rejects a field of the wrong type, naming it', () => {
    expect(uspsTrackingDetailsSchema.safeParse({ trackingNumber: 1, trackingEvents: [] }).success).toBe(false);
    expect(uspsTrackingDetailsSchema.safeParse({ trackingEvents: 'none' }).success).toBe(false);
    const wrongEvent = uspsTrackingDetailsSchema.safeParse({ trackingEvents: [{}, {}, { eventType: 42 }] });
    expect(wrongEvent.error?.issues[0]?.path).toEqual(['trackingEvents', 2, 'eventType']);
  });
});

describe('uspsTrackingEventSchema', () => {
  it('takes numeric and string event codes, and rejects events that are not objects', () => {
    expect(uspsTrackingEventSchema.safeParse({ eventCode: 1 }).success).toBe(true);
    expect(uspsTrackingEventSchema.safeParse({ eventCode: '01', authorizedAgent: 'false' }).success).toBe(true);
    for (const value of [null, 'Delivered', 3, []]) expect(uspsTrackingEventSchema.safeParse(value).success).toBe(false);
  });
});

describe('uspsErrorSchema', () => {
  it('accepts every error fixture', () => {
    const errors = bodies.filter(({ body }) => 'error' in body);
    expect(errors.length).toBeGreaterThan(3);
    for (const { file, body } of errors) expect(uspsErrorSchema.safeParse(body).success, file).toBe(true);
  });
});
