import { describe, expect, it } from 'vitest';
import { readGatewayErrorBody, readGatewayErrorText } from './gateway-error-body';

describe('readGatewayErrorBody', () => {
  it('reads an Apigee fault with its code', () => {
    const fault = { fault: { faultstring: ' Rate limit quota violation. ', detail: { errorcode: 'policies.ratelimit.QuotaViolation' } } };
    expect(readGatewayErrorBody(fault)).toEqual({
      form: 'apigee-fault',
      message: 'Rate limit quota violation.',
      codes: ['policies.ratelimit.QuotaViolation'],
    });
  });

  it('keeps the code as sent, trimmed', () => {
    expect(readGatewayErrorBody({ fault: { faultstring: 'x', detail: { errorcode: ' Validation Fault ' } } })?.codes).toEqual([
      'Validation Fault',
    ]);
    expect(readGatewayErrorBody({ fault: { faultstring: 'x', detail: { errorcode: ' ' } } })?.codes).toEqual([]);
  });

  it('joins a problem’s title and detail with the separator', () => {
    const problem = { title: 'No result found', status: 404, detail: 'No shipment with given tracking number found.' };
    expect(readGatewayErrorBody(problem, { separator: ' – ' })).toEqual({
      form: 'problem',
      message: 'No result found – No shipment with given tracking number found.',
      codes: [],
    });
    expect(readGatewayErrorBody({ title: 'Bad Request' })?.message).toBe('Bad Request');
  });

  it('reads an OAuth error and a bare message', () => {
    expect(readGatewayErrorBody({ error: 'invalid_client', error_description: 'Client authentication failed.' })).toEqual({
      form: 'oauth-error',
      message: 'Client authentication failed.',
      codes: ['invalid_client'],
    });
    expect(readGatewayErrorBody({ message: 'Invalid API Key' })).toBeUndefined();
    expect(readGatewayErrorBody({ message: 'Invalid API Key', http_status_code: 401 }, { bareMessage: true })).toEqual({
      form: 'message',
      message: 'Invalid API Key',
      codes: [],
    });
  });

  it('gives undefined for anything else', () => {
    for (const body of [null, 'text', 42, [], {}, { title: ' ' }, { shipments: [] }]) expect(readGatewayErrorBody(body)).toBeUndefined();
    expect(readGatewayErrorBody({ message: ' ' }, { bareMessage: true })).toBeUndefined();
  });

  it('reads JSON text, and nothing from text that is not JSON', () => {
    expect(readGatewayErrorText('{"title":"Unauthorized"}')?.message).toBe('Unauthorized');
    expect(readGatewayErrorText('<html>')).toBeUndefined();
  });
});
