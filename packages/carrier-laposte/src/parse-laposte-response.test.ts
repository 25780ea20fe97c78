import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { laposteErrorMessage, parseLaposteTrackResponse } from './parse-laposte-response';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
const FETCHED_AT = new Date('2026-03-26T12:00:00.000Z');

function parse(httpStatus: number, body: unknown, trackingNumbers: string[]) {
  return parseLaposteTrackResponse({ httpStatus, body, trackingNumbers, fetchedAt: FETCHED_AT });
}

describe('parseLaposteTrackResponse', () => {
  it('the recorded sample as an array and its element alone (the real single-id body) give the same shipment', () => {
    const array = fixture('delivered-colissimo-suivi-v2.json') as unknown[];
    const [fromArray] = parse(200, array, ['EW112720413FR']);
    const [fromObject] = parse(200, array[0], ['EW112720413FR']);
    expect(fromArray).toEqual(fromObject);
    expect(fromArray!.ok && fromArray!.shipment.status).toBe('delivered');
  });

  it('401 and 403 are auth_failed for every number whatever the body', () => {
    for (const status of [401, 403]) {
      for (const body of [
        fixture('composed-401-okapi-invalid-key.json'),
        fixture('delivered-colissimo-suivi-v2.json'),
        '<html></html>',
        undefined,
      ]) {
        const outcomes = parse(status, body, ['6A26000000022', '6A26000000033']);
        expect(outcomes.map((outcome) => !outcome.ok && outcome.error.code)).toEqual(['auth_failed', 'auth_failed']);
      }
    }
  });

  it('each unitary returnCode without a shipment is a typed error', () => {
    const answer = (returnCode: number | string) => ({ returnCode, returnMessage: 'message', idShip: '6A26000000022' });
    const codeOf = (returnCode: number | string) => {
      const [outcome] = parse(207, [answer(returnCode)], ['6A26000000022']);
      return !outcome!.ok && [outcome!.error.code, outcome!.error.carrierCodes];
    };
    expect(codeOf(104)).toEqual(['not_found', ['104']]);
    expect(codeOf(105)).toEqual(['not_found', ['105']]);
    expect(codeOf(101)).toEqual(['not_found', ['101']]);
    expect(codeOf(109)).toEqual(['not_found', ['109']]);
    expect(codeOf('400')).toEqual(['invalid_number', ['400']]);
    expect(codeOf(504)).toEqual(['carrier_unavailable', ['504']]);
    expect(codeOf(777)).toEqual(['bad_response', ['777']]);
  });

  it('a shape La Poste never sends is bad_response, not a throw; other statuses too', () => {
    expect(parse(200, 'text', ['6A26000000022'])[0]).toMatchObject({ ok: false, error: { code: 'bad_response' } });
    expect(parse(200, { shipment: { event: 'not a list' }, idShip: '6A26000000022' }, ['6A26000000022'])[0]!.ok).toBe(true);
    expect(parse(302, {}, ['6A26000000022'])[0]).toMatchObject({ ok: false, error: { code: 'bad_response', httpStatus: 302 } });
  });

  it('answers are matched by idShip, not by position', () => {
    const found = (fixture('composed-207-found-and-not-found.json') as unknown[]).slice().reverse();
    const outcomes = parse(207, found, ['6A26000000022', '6A26000000404']);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok])).toEqual([
      ['6A26000000022', true],
      ['6A26000000404', false],
    ]);
  });

  it('with no event mapped, the furthest timeline step gives the status', () => {
    const body = {
      returnCode: 200,
      shipment: {
        idShip: '6A26000000022',
        event: [{ code: 'XX1', label: 'new', date: '2026-03-25T10:00:00+01:00' }],
        timeline: [
          { id: 1, status: true, type: 1 },
          { id: 2, status: true, type: 1 },
          { id: 3, status: false, type: 1 },
        ],
      },
    };
    const [outcome] = parse(200, body, ['6A26000000022']);
    expect(outcome!.ok && [outcome!.shipment.status, outcome!.shipment.substatus, outcome!.shipment.events[0]!.unmapped]).toEqual([
      'in_transit',
      'picked_up',
      true,
    ]);
  });

  it('a time without an offset stays local (never a Z)', () => {
    const body = {
      returnCode: 200,
      shipment: { idShip: '6A26000000022', event: [{ code: 'ET1', label: 'x', date: '2026-03-25T10:00:00' }] },
    };
    const [outcome] = parse(200, body, ['6A26000000022']);
    expect(outcome!.ok && outcome!.shipment.events[0]).toMatchObject({
      timeKind: 'local',
      occurredAt: null,
      localTime: '2026-03-25T10:00:00',
    });
  });

  it('laposteErrorMessage reads returnMessage, message and codes', () => {
    expect(laposteErrorMessage(fixture('composed-429-quota.json'))).toEqual({
      message: 'max quota reached 100 calls per minute',
      code: 'TOO_MANY_REQUESTS',
    });
    expect(laposteErrorMessage(fixture('error-400-invalid-number.json')).code).toBe('400');
    expect(laposteErrorMessage('nope')).toEqual({});
  });
});
