import { readFileSync, readdirSync } from 'node:fs';
import { parseCarrierDateTime } from '@wismo/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fedexTrackResultSchema, isFedexTrackResult } from './fedex-api';
import { parseFedexTime } from './parse-fedex-response';

/*
 * The hot path skips zod and the general time parser for FedEx's usual shapes. These properties keep the shortcuts
 * exactly equivalent to what they replace.
 */

type Json = unknown;
const fixturesDirectory = new URL('./__fixtures__/', import.meta.url);

function allTrackResults(): Json[] {
  const results: Json[] = [];
  for (const name of readdirSync(fixturesDirectory)) {
    if (!name.endsWith('.json')) continue;
    const body = JSON.parse(readFileSync(new URL(name, fixturesDirectory), 'utf8')) as { output?: { completeTrackResults?: Array<{ trackResults?: Json[] }> } };
    for (const complete of body.output?.completeTrackResults ?? []) results.push(...(complete.trackResults ?? []));
  }
  return results;
}

function pathsOf(value: Json, prefix: Array<string | number> = [], into: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return into;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    into.push(path);
    pathsOf(child, path, into);
  }
  return into;
}

function replaceAt(root: Json, path: Array<string | number>, replacement: Json): void {
  let target = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, Json>;
  target[path.at(-1)!] = replacement;
}

describe('isFedexTrackResult', () => {
  const samples = allTrackResults();

  it('accepts every trackResult of the fixtures, as zod does', () => {
    expect(samples.length).toBeGreaterThan(10);
    for (const sample of samples) {
      expect(isFedexTrackResult(sample)).toBe(true);
      expect(fedexTrackResultSchema.safeParse(sample).success).toBe(true);
    }
  });

  it('agrees with fedexTrackResultSchema on fixtures with any one value replaced', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant([]), fc.constant({})), (sampleIndex, pathIndex, replacement) => {
        const value = structuredClone(samples[sampleIndex % samples.length]);
        const paths = pathsOf(value);
        replaceAt(value, paths[pathIndex % paths.length]!, replacement);
        expect(isFedexTrackResult(value)).toBe(fedexTrackResultSchema.safeParse(value).success);
      }),
      { numRuns: 3_000 },
    );
  });

  it('agrees with fedexTrackResultSchema on arbitrary values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(isFedexTrackResult(value)).toBe(fedexTrackResultSchema.safeParse(value).success);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('parseFedexTime fast path', () => {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');

  it('reads ISO times with an offset exactly as parseCarrierDateTime does', () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 1850, max: 3050 }),
          month: fc.integer({ min: 0, max: 13 }),
          day: fc.integer({ min: 0, max: 32 }),
          hour: fc.integer({ min: 0, max: 25 }),
          minute: fc.integer({ min: 0, max: 61 }),
          second: fc.integer({ min: 0, max: 61 }),
          sign: fc.constantFrom('+', '-'),
          offsetHours: fc.integer({ min: 0, max: 16 }),
          offsetMinutes: fc.constantFrom(0, 30, 45, 60),
        }),
        (parts) => {
          const text = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}${parts.sign}${pad(parts.offsetHours)}:${pad(parts.offsetMinutes)}`;
          // Midnight is FedEx's date placeholder only for shipment dates; for scans both readers must agree.
          expect(parseFedexTime(text)).toEqual(parseCarrierDateTime(text));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('handles leap days like the general parser', () => {
    for (const text of ['2024-02-29T10:00:00-05:00', '2023-02-29T10:00:00-05:00', '2000-02-29T10:00:00+01:00', '2100-02-29T10:00:00+01:00']) {
      expect(parseFedexTime(text)).toEqual(parseCarrierDateTime(text));
    }
  });
});
