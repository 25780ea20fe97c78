import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeCarrierMessages, kindOfStatus, readJsonErrorBody, requestError, type RequestErrorInput } from './request-error';

const messages = {
  auth_failed: 'auth',
  invalid_number: 'invalid',
  rate_limited: 'limited',
  not_found: 'unknown number',
  carrier_unavailable: 'down',
  bad_response: 'bad',
};
const acme = (overrides: Partial<RequestErrorInput>): RequestErrorInput => ({ carrierId: 'acme', httpStatus: 400, messages, ...overrides });

describe('requestError', () => {
  it('makes 401 and 403 auth failures whatever the codes say, and keeps codes, number and carrier', () => {
    const error = requestError(acme({ httpStatus: 403, carrierCodes: ['E1'], trackingNumber: 'AC1', kindOfCode: () => 'not_found' }));
    expect(error).toMatchObject({ code: 'auth_failed', message: 'auth', carrierId: 'acme', httpStatus: 403, carrierCodes: ['E1'] });
    expect(error.trackingNumber).toBe('AC1');
    expect(requestError(acme({ carrierCodes: ['invalid_client'] })).code).toBe('auth_failed');
  });

  it('lets the carrier codes decide before the status, the first kind in a fixed order winning', () => {
    const kindOfCode = (code: string) => (({ BAD: 'invalid_number', GONE: 'not_found', SLOW: 'rate_limited' }) as const)[code];
    expect(requestError(acme({ httpStatus: 404, carrierCodes: ['BAD'], kindOfCode })).code).toBe('invalid_number');
    expect(requestError(acme({ httpStatus: 200, carrierCodes: ['GONE', 'SLOW'], kindOfCode })).code).toBe('rate_limited');
    expect(requestError(acme({ httpStatus: 400, carrierCodes: ['OTHER'], kindOfCode })).code).toBe('bad_response');
  });

  it('falls back on the status: 404, 429, 408 and 5xx, anything else a bad response', () => {
    expect(requestError(acme({ httpStatus: 404 })).message).toBe('unknown number');
    expect(requestError(acme({ httpStatus: 429 })).code).toBe('rate_limited');
    expect(requestError(acme({ httpStatus: 408 })).code).toBe('carrier_unavailable');
    expect(requestError(acme({ httpStatus: 503 }))).toMatchObject({ code: 'carrier_unavailable', retryable: true });
    expect(requestError(acme({ httpStatus: 400 }))).toMatchObject({ code: 'bad_response', message: 'bad' });
  });

  it('reads the status as the carrier says when it differs', () => {
    const wrongUrl = requestError(acme({ httpStatus: 404, kindOfStatus: (status) => (status === 404 ? undefined : kindOfStatus(status)) }));
    expect(wrongUrl.code).toBe('bad_response');
  });

  it('uses no kind the carrier gives no message for', () => {
    const { carrier_unavailable: _unworded, ...someMessages } = messages;
    expect(requestError(acme({ httpStatus: 503, messages: someMessages }))).toMatchObject({ code: 'bad_response', retryable: false });
  });
});

describe('describeCarrierMessages', () => {
  it('joins code and message, trims, and skips blanks', () => {
    expect(describeCarrierMessages([{ code: ' A1 ', message: 'First ' }, { code: null, message: 'Second' }, {}])).toEqual({
      detail: 'A1 First; Second',
      codes: ['A1'],
    });
    expect(describeCarrierMessages([{ code: 'X', message: 'y' }], ': ').detail).toBe('X: y');
  });
});

describe('readJsonErrorBody', () => {
  it('reads JSON of the schema and leaves anything else undescribed', () => {
    const schema = z.object({ message: z.string() });
    expect(readJsonErrorBody('{"message":"no"}', schema)).toEqual({ message: 'no' });
    expect(readJsonErrorBody('{"message":1}', schema)).toBeUndefined();
    expect(readJsonErrorBody('<html>', schema)).toBeUndefined();
  });
});
