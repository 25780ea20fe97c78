import { describe, expect, it } from 'vitest';
import { errorCodesOf, hasAuthErrorCode } from './auth-error-codes';

describe('errorCodesOf', () => {
  it('keeps distinct code-like values in order and drops sentences, blanks and non-strings', () => {
    expect(
      errorCodesOf(['150011', 'invalid_client', '150011', 'The number 9400 is not valid', '', null, undefined, 'a'.repeat(81)]),
    ).toEqual(['150011', 'invalid_client']);
  });
});

describe('hasAuthErrorCode', () => {
  it('recognises the OAuth and gateway codes whatever their case', () => {
    expect(hasAuthErrorCode(['150011', 'INVALID_CLIENT'])).toBe(true);
    expect(hasAuthErrorCode(['Unauthorized'])).toBe(true);
    expect(hasAuthErrorCode(['invalid_request', '404'])).toBe(false);
    expect(hasAuthErrorCode([])).toBe(false);
  });
});
