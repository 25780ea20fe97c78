import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hermesEstimatedDelivery, parseHermesShipmentInfo } from './parse-hermes-response';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
const parse = (httpStatus: number, body: unknown, trackingNumbers: string[]) =>
  parseHermesShipmentInfo({ httpStatus, body, trackingNumbers, fetchedAt: new Date('2026-06-24T12:00:00Z') });

describe('parseHermesShipmentInfo', () => {
  it('401 and 403 are auth_failed for every number whatever the body', () => {
    for (const status of [401, 403]) {
      for (const body of [
        fixture('composed-401-e903-token-expired.json'),
        fixture('composed-token-400-invalid-grant.json'),
        '<html></html>',
        undefined,
      ]) {
        expect(parse(status, body, ['H1', 'H2']).map((outcome) => !outcome.ok && outcome.error.code)).toEqual([
          'auth_failed',
          'auth_failed',
        ]);
      }
    }
  });

  it('request-level result codes: e9xx auth, e999 unavailable, e00x bad request', () => {
    const codeOf = (status: number, code: string) => {
      const [outcome] = parse(status, { listOfResultCodes: [{ code, message: 'x' }] }, ['H1']);
      return !outcome!.ok && [outcome!.error.code, outcome!.error.carrierCodes];
    };
    expect(codeOf(400, 'e902')).toEqual(['auth_failed', ['e902']]);
    expect(codeOf(500, 'e999')).toEqual(['carrier_unavailable', ['e999']]);
    expect(codeOf(400, 'e008')).toEqual(['bad_response', ['e008']]);
  });

  it('a shipment without statuses and without a result code is not found yet, not a crash; other shapes are bad_response', () => {
    expect(parse(200, { shipmentinfo: [{ shipmentID: 'H1' }] }, ['H1'])[0]).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(parse(200, { shipmentinfo: [{ shipmentID: 'H1', result: { code: 'e777' } }] }, ['H1'])[0]).toMatchObject({
      ok: false,
      error: { code: 'bad_response', carrierCodes: ['e777'] },
    });
    expect(parse(200, { nothing: true }, ['H1'])[0]).toMatchObject({ ok: false, error: { code: 'bad_response' } });
    expect(parse(200, { shipmentinfo: [] }, ['H1'])[0]).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });

  it('a timestamp without an offset stays local, never a Z', () => {
    const body = {
      shipmentinfo: [{ shipmentID: 'H1', status: [{ timestamp: '2026-06-24T10:00:00', code: '2000', description: 'arrived' }] }],
    };
    const [outcome] = parse(200, body, ['H1']);
    expect(outcome!.ok && outcome!.shipment.events[0]).toMatchObject({
      timeKind: 'local',
      occurredAt: null,
      localTime: '2026-06-24T10:00:00',
    });
  });
});

describe('hermesEstimatedDelivery', () => {
  it('a winter slot at +01:00, a summer slot at +02:00, a broken slot falls back to the day', () => {
    expect(hermesEstimatedDelivery({ date: '2026-01-13', timeSlot: { from: '10:00', to: '14:00' } })).toMatchObject({
      from: '2026-01-13T10:00:00+01:00',
      to: '2026-01-13T14:00:00+01:00',
      timeKind: 'instant',
    });
    expect(hermesEstimatedDelivery({ date: '2026-06-24', timeSlot: { from: '14:00', to: '16:00' } })).toMatchObject({
      from: '2026-06-24T14:00:00+02:00',
      timeKind: 'instant',
    });
    expect(hermesEstimatedDelivery({ date: '2026-06-24', timeSlot: { from: '25:00', to: '16:00' } })).toMatchObject({
      from: '2026-06-24',
      timeKind: 'date',
    });
    expect(hermesEstimatedDelivery({ date: 'soon' })).toBeNull();
    expect(hermesEstimatedDelivery(undefined)).toBeNull();
  });
});

describe('hermesEstimatedDelivery around the DST change', () => {
  it('a slot before 04:00 on the spring change day gets the exact offset; a later one the day’s', () => {
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST.
    expect(hermesEstimatedDelivery({ date: '2026-03-29', timeSlot: { from: '01:00', to: '05:00' } })).toMatchObject({
      from: '2026-03-29T01:00:00+01:00',
      to: '2026-03-29T05:00:00+02:00',
    });
    expect(hermesEstimatedDelivery({ date: '2026-10-25', timeSlot: { from: '12:00', to: '18:00' } })).toMatchObject({
      from: '2026-10-25T12:00:00+01:00',
    });
  });
});
