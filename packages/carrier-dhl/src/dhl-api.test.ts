import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dhlTrackResponseSchema } from './dhl-api';
import { describeDhlProblem } from './parse-dhl-response';

const FIXTURES = new URL('./__fixtures__/', import.meta.url);
const bodies = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, body: JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Record<string, unknown> }));

describe('dhlTrackResponseSchema', () => {
  it('accepts every tracking fixture, keeping every event', () => {
    const answers = bodies.filter(({ body }) => Array.isArray(body.shipments));
    expect(answers.length).toBeGreaterThanOrEqual(10);
    for (const { file, body } of answers) {
      const parsed = dhlTrackResponseSchema.safeParse(body);
      expect(parsed.success, file).toBe(true);
      const shipments = body.shipments as Array<{ events?: unknown[] }>;
      expect(parsed.data?.shipments.map((shipment) => shipment.events?.length)).toEqual(
        shipments.map((shipment) => shipment.events?.length),
      );
    }
  });

  it('says where a body does not fit', () => {
    const body = JSON.parse(readFileSync(new URL('delivered-parcel-de-real-german.json', FIXTURES), 'utf8')) as {
      shipments: Array<{ events: Array<Record<string, unknown>> }>;
    };
    body.shipments[0]!.events[2]!.statusCode = 7;
    expect(dhlTrackResponseSchema.safeParse(body).error?.issues[0]?.path).toEqual(['shipments', 0, 'events', 2, 'statusCode']);
    expect(dhlTrackResponseSchema.safeParse([]).success).toBe(false);
    expect(dhlTrackResponseSchema.safeParse({}).error?.issues[0]?.path).toEqual(['shipments']);
  });
});

describe('describeDhlProblem', () => {
  it('accepts every error fixture', () => {
    const problems = bodies.filter(({ file }) => file.includes('error'));
    expect(problems.length).toBeGreaterThanOrEqual(4);
    for (const { file, body } of problems) expect(describeDhlProblem(body).isProblem, file).toBe(true);
  });
});
