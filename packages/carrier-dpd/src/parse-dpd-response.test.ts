import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDpdBody } from './dpd-api';
import { parseDpdTrackingResponse } from './parse-dpd-response';

const FETCHED_AT = new Date('2026-01-15T12:00:00Z');

function body(name: string): unknown {
  return readDpdBody({ status: 200, body: readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8') });
}

function parse(httpStatus: number, parsedBody: unknown, trackingNumbers = ['05308801410058']) {
  return parseDpdTrackingResponse({ httpStatus, body: parsedBody, trackingNumbers, fetchedAt: FETCHED_AT });
}

describe('parseDpdTrackingResponse', () => {
  it('is pure: the same body gives the same outcome', () => {
    const parsed = body('parcellifecycle-getTrackingData-response.xml');
    expect(parse(200, parsed)).toEqual(parse(200, parsed));
  });

  it('keeps the raw body only when asked', () => {
    const parsed = body('composed-delivered.xml');
    const [without] = parse(200, parsed);
    const [withRaw] = parseDpdTrackingResponse({
      httpStatus: 200,
      body: parsed,
      trackingNumbers: ['05308801410058'],
      fetchedAt: FETCHED_AT,
      includeRaw: true,
    });
    expect(without!.shipment?.raw).toBeUndefined();
    expect(withRaw!.shipment?.raw).toBe(parsed);
  });

  it('401 and 403 are auth_failed for every number whatever the body', () => {
    for (const httpStatus of [401, 403]) {
      for (const parsedBody of [body('parcellifecycle-getTrackingData-response.xml'), undefined, { error: 'invalid_client' }]) {
        const outcomes = parse(httpStatus, parsedBody, ['05308801410058', '01234567890128']);
        expect(outcomes.map((outcome) => outcome.error?.code)).toEqual(['auth_failed', 'auth_failed']);
      }
    }
  });

  it('a SOAP authentication fault is auth_failed with DPD codes and words', () => {
    const [outcome] = parse(200, body('soap-fault-authentication.xml'));
    expect(outcome!.error).toMatchObject({
      code: 'auth_failed',
      retryable: false,
      carrierCodes: ['DELICOM_ERR_AUTHENTICATION', 'soap:Server'],
    });
    expect(outcome!.error!.message).toBe(
      'DPD rejected the login (HTTP 200: Authentication failure, check delisId and password; Fault occured). Check the delisId and password of your DPD Web Connect account.',
    );
  });

  it('a body without the SOAP envelope is bad_response; an empty one too', () => {
    expect(parse(200, { unexpected: ['shape'] })[0]!.error?.code).toBe('bad_response');
    expect(parse(200, undefined)[0]!.error?.code).toBe('bad_response');
    expect(parse(200, { Envelope: { Body: {} } })[0]!.error?.code).toBe('bad_response');
  });

  it('a non-2xx answer without a fault is bad_response', () => {
    expect(parse(404, body('composed-delivered.xml'))[0]!.error).toMatchObject({ code: 'bad_response', httpStatus: 404 });
  });

  it('skips steps not reached yet and statusInfo entries that are not objects', () => {
    const parsed = body('composed-out-for-delivery.xml') as {
      Envelope: { Body: { getTrackingDataResponse: { trackingresult: { statusInfo: unknown[] } } } };
    };
    parsed.Envelope.Body.getTrackingDataResponse.trackingresult.statusInfo.push('garbage');
    const shipment = parse(200, parsed)[0]!.shipment!;
    expect(shipment.events.map((event) => event.raw.code)).toEqual(['Courier', 'Depot', 'BetweenDepots', 'PickedUp']);
  });

  it('keeps an event whose date cannot be read, without a time', () => {
    const parsed = body('composed-in-transit-at-depot.xml') as {
      Envelope: { Body: { getTrackingDataResponse: { trackingresult: { statusInfo: Array<{ date?: { content: string } }> } } } };
    };
    parsed.Envelope.Body.getTrackingDataResponse.trackingresult.statusInfo[0]!.date = { content: '2025-11-03 18:02' };
    const shipment = parse(200, parsed)[0]!.shipment!;
    expect(shipment.events).toHaveLength(3);
    expect(shipment.events.find((event) => event.raw.code === 'PickedUp')).toMatchObject({ localTime: null, occurredAt: null });
  });
});
