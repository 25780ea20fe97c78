import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDhlTrackResponse } from './check-dhl-response';
import { dhlTrackResponseSchema } from './dhl-api';

const FIXTURES = new URL('./__fixtures__/', import.meta.url);
const bodies: unknown[] = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as unknown);

type Path = Array<string | number>;

/** Every path inside a JSON value, the root included. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

/** A copy of `value` with `replacement` at `path` (`undefined` deletes the key). */
function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

function zodAccepts(value: unknown): boolean {
  return dhlTrackResponseSchema.safeParse(value).success;
}

function checkAccepts(value: unknown): boolean {
  return checkDhlTrackResponse(value) === null;
}

describe('checkDhlTrackResponse, the structural twin of dhlTrackResponseSchema', () => {
  it('agrees with the zod schema on every fixture', () => {
    for (const body of bodies) expect(checkAccepts(body)).toBe(zodAccepts(body));
    expect(bodies.filter(checkAccepts).length).toBeGreaterThanOrEqual(10);
  });

  it('agrees with the zod schema when any value of any fixture is replaced by another JSON value', () => {
    const replacement = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant([]),
      fc.constant({}),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant({}))),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.nat(bodies.length - 1), fc.nat(), replacement, (bodyIndex, pathIndex, value) => {
        const body = bodies[bodyIndex]!;
        const paths = pathsOf(body);
        const mutated = replaceAt(body, paths[pathIndex % paths.length]!, value);
        expect(checkAccepts(mutated)).toBe(zodAccepts(mutated));
      }),
      { numRuns: 3000 },
    );
  });

  it('says where a body does not fit', () => {
    const body = JSON.parse(readFileSync(new URL('delivered-parcel-de-real-german.json', FIXTURES), 'utf8')) as { shipments: Array<{ events: Array<Record<string, unknown>> }> };
    body.shipments[0]!.events[2]!.statusCode = 7;
    expect(checkDhlTrackResponse(body)).toBe('shipments.0.events.2.statusCode: expected a string');
    expect(checkDhlTrackResponse([])).toBe('(root): expected an object');
    expect(checkDhlTrackResponse({})).toBe('shipments: expected an array');
  });
});
