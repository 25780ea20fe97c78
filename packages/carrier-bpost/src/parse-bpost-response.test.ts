import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBpostBody } from './bpost-api';
import { parseBpostTrackingResponse } from './parse-bpost-response';

const FETCHED_AT = new Date('2026-01-15T12:00:00Z');

function body(name: string): unknown {
  return readBpostBody({ status: 200, body: readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8') });
}

function parse(httpStatus: number, parsedBody: unknown, trackingNumbers = ['323212345659900040669030']) {
  return parseBpostTrackingResponse({ httpStatus, body: parsedBody, trackingNumbers, fetchedAt: FETCHED_AT });
}

describe('readBpostBody', () => {
  it('reads stateInfo as an array even when there is one', () => {
    expect(body('composed-in-transit-sorted-window.xml')).toMatchObject({ itemTracking: { stateInfo: [{ stateCode: 'T00' }] } });
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>Maintenance</body></html>', /HTML page/],
    ['JSON', '{"unexpected":["shape"]}', /not XML/],
    ['a body cut short', '<itemTracking><itemCode>1</itemCode><stateInfo>', /ends before its root element is closed/],
  ])('refuses %s as bad_response', (_what, text, message) => {
    expect(() => readBpostBody({ status: 200, body: text })).toThrow(message);
  });

  it('an empty body or a 404 reads as nothing (not found)', () => {
    expect(readBpostBody({ status: 200, body: '' })).toBeUndefined();
    expect(readBpostBody({ status: 404, body: 'No item found for this barcode' })).toBeUndefined();
  });
});

describe('parseBpostTrackingResponse', () => {
  it('is pure and keeps the raw body only when asked', () => {
    const parsed = body('itemTracking-delivered.xml');
    expect(parse(200, parsed)).toEqual(parse(200, parsed));
    expect(parse(200, parsed)[0]!.shipment?.raw).toBeUndefined();
    expect(
      parseBpostTrackingResponse({ httpStatus: 200, body: parsed, trackingNumbers: ['x'], fetchedAt: FETCHED_AT, includeRaw: true })[0]!
        .shipment?.raw,
    ).toBe(parsed);
  });

  it('401 and 403 are auth_failed for every number whatever the body', () => {
    for (const httpStatus of [401, 403]) {
      for (const parsedBody of [body('itemTracking-delivered.xml'), body('systemException.xml'), undefined, { error: 'invalid_client' }]) {
        expect(parse(httpStatus, parsedBody, ['a', 'b']).map((outcome) => outcome.error?.code)).toEqual(['auth_failed', 'auth_failed']);
      }
    }
  });

  it('a systemException is carrier_unavailable with the support token in the message', () => {
    const [outcome] = parse(200, body('systemException.xml'));
    expect(outcome!.error).toMatchObject({ code: 'carrier_unavailable', retryable: true });
    expect(outcome!.error!.message).toContain('f35c0f13-538f-41ae-99aa-932bc3141109');
  });

  it('a JSON-shaped body is bad_response', () => {
    expect(parse(200, { unexpected: ['shape'] })[0]!.error?.code).toBe('bad_response');
  });

  it('skips stateInfo entries that are not objects, keeps the rest', () => {
    const parsed = body('composed-out-for-delivery.xml') as { itemTracking: { stateInfo: unknown[] } };
    parsed.itemTracking.stateInfo.push('garbage');
    expect(parse(200, parsed)[0]!.shipment!.events.map((event) => event.raw.code)).toEqual(['L00', 'T00']);
  });
});
