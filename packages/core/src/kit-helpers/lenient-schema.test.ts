import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { asArray, lenient, lenientList, oneOrMany } from './lenient-schema';

describe('lenient', () => {
  it('keeps a value of the right shape and drops any other, without failing the object', () => {
    const schema = z.object({ city: lenient(z.string()) });
    expect(schema.parse({ city: 'Utrecht' })).toEqual({ city: 'Utrecht' });
    expect(schema.parse({ city: 42 })).toEqual({ city: undefined });
    expect(schema.parse({})).toEqual({ city: undefined });
  });
});

describe('lenientList', () => {
  it('drops the entries that are not the item (and nulls), keeping the others in order', () => {
    const schema = z.object({ events: lenientList(z.object({ code: z.string() })) });
    expect(schema.parse({ events: [{ code: 'A' }, null, 42, { code: 1 }, { code: 'B' }] })).toEqual({
      events: [{ code: 'A' }, { code: 'B' }],
    });
    expect(schema.safeParse({ events: { code: 'A' } }).success).toBe(false);
    expect(schema.safeParse({}).success).toBe(false);
  });
});

describe('oneOrMany', () => {
  it('reads a single object as a one-element array and null as absent', () => {
    const schema = z.object({ items: oneOrMany(z.object({ code: z.string() })) });
    expect(schema.parse({ items: { code: 'A' } })).toEqual({ items: [{ code: 'A' }] });
    expect(schema.parse({ items: [{ code: 'A' }, { code: 'B' }] })).toEqual({ items: [{ code: 'A' }, { code: 'B' }] });
    expect(schema.parse({ items: null })).toEqual({ items: undefined });
    expect(schema.safeParse({ items: [{ code: 1 }] }).success).toBe(false);
  });

  it('asArray leaves arrays alone', () => {
    const list = [1];
    expect(asArray(list)).toBe(list);
    expect(asArray(undefined)).toBeUndefined();
  });
});
