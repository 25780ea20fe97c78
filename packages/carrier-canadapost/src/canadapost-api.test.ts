import { BadResponseError } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { readCanadaPostBody } from './canadapost-api';

describe('readCanadaPostBody', () => {
  it('types XML that the validator passes but the parser refuses (an element named prototype): bad_response, not a plain Error', () => {
    const body =
      '<tracking-detail xmlns="http://www.canadapost.ca/ws/track-v2"><pin>1000000000000002</pin><prototype>x</prototype></tracking-detail>';
    let thrown: unknown;
    try {
      readCanadaPostBody({ status: 200, body });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadResponseError);
    expect((thrown as BadResponseError).code).toBe('bad_response');
  });

  it('still reads a well-formed tracking detail', () => {
    const body = '<tracking-detail xmlns="http://www.canadapost.ca/ws/track-v2"><pin>1000000000000002</pin></tracking-detail>';
    expect(readCanadaPostBody({ status: 200, body })).toMatchObject({ 'tracking-detail': { pin: '1000000000000002' } });
  });
});
