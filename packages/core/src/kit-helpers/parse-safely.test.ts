import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotFoundError } from '../errors';
import { neverThrowing, parseBodyWithSchema } from './parse-safely';

const acme = { id: 'acme', name: 'Acme' };

describe('parseBodyWithSchema', () => {
  it('returns the parsed body, or the bad_response naming the path that did not fit', () => {
    const schema = z.object({ items: z.array(z.string()) });
    expect(parseBodyWithSchema(schema, { items: ['a'], extra: 1 }, acme, 200)).toEqual({ items: ['a'] });
    const error = parseBodyWithSchema(schema, { items: [1] }, acme, 200);
    expect(error).toMatchObject({ code: 'bad_response', carrierId: 'acme', httpStatus: 200 });
    expect((error as Error).message).toContain('items.0');
  });
});

describe('neverThrowing', () => {
  const input = { httpStatus: 200, body: {}, trackingNumbers: ['A1', 'B2'] };

  it('fails every number with a thrown WismoError', () => {
    const outcomes = neverThrowing(acme, () => {
      throw new NotFoundError('gone', { carrierId: 'acme' });
    })(input);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.error?.code])).toEqual([
      ['A1', 'not_found'],
      ['B2', 'not_found'],
    ]);
  });

  it('turns anything else into bad_response, and passes results through', () => {
    const [outcome] = neverThrowing(acme, () => {
      throw new TypeError('x is undefined');
    })(input);
    expect(outcome!.error).toMatchObject({
      code: 'bad_response',
      httpStatus: 200,
      message: 'Acme response could not be read: x is undefined',
    });
    expect(neverThrowing(acme, () => [])(input)).toEqual([]);
  });
});
