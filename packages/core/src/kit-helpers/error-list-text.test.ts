import { describe, expect, it } from 'vitest';
import { describeErrorListText } from './error-list-text';

describe('describeErrorListText', () => {
  it('reads errors[] as one message and its codes', () => {
    const body = JSON.stringify({
      transactionId: 't',
      errors: [{ code: 'NOT.AUTHORIZED.ERROR', message: 'Access token expired.' }, { code: ' SECOND ' }, { message: 'words only' }],
    });
    expect(describeErrorListText(body)).toEqual({
      message: 'NOT.AUTHORIZED.ERROR Access token expired.; SECOND; words only',
      codes: ['NOT.AUTHORIZED.ERROR', 'SECOND'],
    });
    expect(describeErrorListText(body, { separator: ': ' })?.message).toBe(
      'NOT.AUTHORIZED.ERROR: Access token expired.; SECOND; words only',
    );
  });

  it('reads errors[] as far as it goes: an entry of another shape is empty, an empty list says nothing but no codes', () => {
    expect(describeErrorListText('{"errors":[42,{"code":"A","message":7}]}')).toEqual({ message: 'A', codes: ['A'] });
    expect(describeErrorListText('{"errors":[]}')).toEqual({ message: undefined, codes: [] });
  });

  it("reads a gateway's { message } when there is no errors[]", () => {
    expect(describeErrorListText('{"message":"Too Many Requests"}')).toEqual({ message: 'Too Many Requests' });
    expect(describeErrorListText('{"errors":"nonsense","message":"Too Many Requests"}')).toEqual({ message: 'Too Many Requests' });
  });

  it('says nothing for an empty body, HTML and other JSON', () => {
    expect(describeErrorListText('')).toBeUndefined();
    expect(describeErrorListText('  <html><body>Bad gateway</body></html>')).toBeUndefined();
    expect(describeErrorListText('{"fault":{}}')).toBeUndefined();
    expect(describeErrorListText('"quota exceeded"', { plainTextUpTo: 300 })).toBeUndefined();
    expect(describeErrorListText('[1,2]')).toBeUndefined();
  });

  it('keeps plain text only up to plainTextUpTo characters', () => {
    const text = 'Daily transaction quota exceeded. Retry after 12:00AM GMT';
    expect(describeErrorListText(text)).toBeUndefined();
    expect(describeErrorListText(` ${text} `, { plainTextUpTo: 300 })).toEqual({ message: text });
    expect(describeErrorListText('x'.repeat(301), { plainTextUpTo: 300 })).toBeUndefined();
  });
});
