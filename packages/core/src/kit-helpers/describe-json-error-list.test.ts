import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeJsonErrorList } from './describe-json-error-list';

const schema = z.object({ response: z.object({ errors: z.array(z.object({ code: z.string().optional(), message: z.string() })) }) });
const describeBody = (text: string) => describeJsonErrorList(text, schema, (body) => body.response.errors);

describe('describeJsonErrorList', () => {
  it('joins the list as `CODE message; CODE message` with its codes in order', () => {
    const text = JSON.stringify({
      response: { errors: [{ code: 'A1', message: ' First ' }, { message: 'Second' }, { code: 'B2', message: '' }] },
    });
    expect(describeBody(text)).toEqual({ message: 'A1 First; Second; B2', codes: ['A1', 'B2'] });
  });

  it('is undefined for text that is not JSON, a body of another shape, and an empty list', () => {
    expect(describeBody('<html>Bad gateway</html>')).toBeUndefined();
    expect(describeBody(JSON.stringify({ message: 'no' }))).toBeUndefined();
    expect(describeBody(JSON.stringify({ response: { errors: [] } }))).toBeUndefined();
  });

  it('takes the list from wherever `listOf` finds it, a missing one counting as empty', () => {
    const results = z.object({ results: z.array(z.object({ code: z.string(), message: z.string() })).optional() });
    expect(describeJsonErrorList('{"results":[{"code":"E","message":"m"}]}', results, (body) => body.results)).toEqual({
      message: 'E m',
      codes: ['E'],
    });
    expect(describeJsonErrorList('{}', results, (body) => body.results)).toBeUndefined();
  });
});
