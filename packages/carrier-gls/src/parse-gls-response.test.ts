import { readFileSync } from 'node:fs';
import { shipmentSchema, type TrackOutcome } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { millisecondsUntilUtcMidnight } from '@wismo/core/internal';
import { parseGlsTrackResponse } from './parse-gls-response';

const FETCHED_AT = new Date('2025-03-11T15:00:00.000Z');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
}

function parseOne(name: string, trackingNumber: string, httpStatus = 200): TrackOutcome {
  const outcomes = parseGlsTrackResponse({ httpStatus, body: fixture(name), trackingNumbers: [trackingNumber], fetchedAt: FETCHED_AT });
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

function shipment(name: string, trackingNumber: string) {
  const outcome = parseOne(name, trackingNumber);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

describe('every status family, composed in the shape of the spec', () => {
  it.each([
    ['composed-out-for-delivery.json', '36301917600', 'out_for_delivery', 'out_for_delivery'],
    ['composed-delivered.json', '36301917601', 'delivered', 'delivered'],
    ['composed-not-delivered.json', '36301917602', 'attempt_failed', 'attempt_failed'],
    ['composed-not-picked-up.json', '36301917603', 'exception', 'carrier_exception'],
    ['composed-cancelled.json', '36301917604', 'cancelled', 'cancelled'],
    ['composed-rerouted-parcelbox.json', '36301917605', 'in_transit', 'rerouted'],
  ])('%s → %s / %s', (name, number, status, substatus) => {
    const result = shipment(name, number);
    expect(result.status).toBe(status);
    expect(result.substatus).toBe(substatus);
    expect(result).toMatchSnapshot();
  });

  it('an undocumented event at the parcel statusDateTime takes the parcel status, and says so in its codes', () => {
    const result = shipment('composed-delivered.json', '36301917601');
    const [delivered, outForDelivery] = result.events;
    expect(delivered).toMatchObject({
      status: 'delivered',
      unmapped: false,
      raw: { code: 'DELIVD.NORMAL', codes: { code: 'DELIVD.NORMAL', parcelStatus: 'DELIVERED' } },
    });
    // Not at the status change and not in the table: kept raw, never guessed.
    expect(outForDelivery).toMatchObject({ status: 'unknown', unmapped: true, raw: { code: 'INDELV.NORMAL' } });
    expect(result.deliveredAt).toEqual({ occurredAt: '2025-03-11T13:18:44+01:00', localTime: '2025-03-11T13:18:44', timeKind: 'instant' });
    expect(result.contact?.url).toBe('https://www.gls-pakete.de/');
  });

  it('FINAL after a return: GLS has no return status, so the return event stays unmapped and nothing is invented', () => {
    const result = shipment('composed-final-after-return.json', '36301917606');
    expect(result.events[0]).toMatchObject({ status: 'unknown', unmapped: true, raw: { code: 'RETURN.NORMAL' } });
    // The newest mapped event is the handover: FINAL ("history closed") moves nothing.
    expect(result.status).toBe('in_transit');
    expect(result.events).toHaveLength(4);
  });

  it('an unknown code keeps its raw code and does not move the shipment', () => {
    const result = shipment('composed-unknown-code.json', '36301917596');
    const unknown = result.events.find((event) => event.raw.code === 'ZZZZZZ.UNDOCUMENTED');
    expect(unknown).toMatchObject({
      status: 'unknown',
      substatus: 'unknown',
      unmapped: true,
      description: 'An event GLS has not documented.',
    });
    expect(result.status).toBe('in_transit');
  });
});

describe('error answers', () => {
  it.each([401, 403])('HTTP %i is auth_failed for every number, whatever the body', (status) => {
    for (const body of [fixture('spec-401-token-expired-apigee.json'), '<html>denied</html>', undefined, { error: 'invalid_client' }]) {
      const outcomes = parseGlsTrackResponse({
        httpStatus: status,
        body,
        trackingNumbers: ['36301917596', '42249028960'],
        fetchedAt: FETCHED_AT,
      });
      expect(outcomes.map((outcome) => outcome.error?.code)).toEqual(['auth_failed', 'auth_failed']);
    }
  });

  it('a QuotaViolation points retryAfterMs at the next 00:00 GMT', () => {
    const outcome = parseOne('spec-429-quota-violation-apigee.json', '36301917596', 429);
    expect(outcome.error).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      retryAfterMs: 9 * 3_600_000,
      carrierCodes: ['policies.ratelimit.QuotaViolation'],
    });
    expect(millisecondsUntilUtcMidnight(Date.parse('2025-03-11T23:59:59.000Z'))).toBe(1000);
  });

  it('a 500 is carrier_unavailable; a body without parcels is bad_response; a parcel error E_500_01 is retryable', () => {
    expect(parseOne('spec-400-too-many-references.json', '1', 500).error?.code).toBe('carrier_unavailable');
    expect(parseGlsTrackResponse({ httpStatus: 200, body: { shipments: [] }, trackingNumbers: ['36301917596'] })[0]!.error?.code).toBe(
      'bad_response',
    );
    const [internal] = parseGlsTrackResponse({
      httpStatus: 200,
      body: { parcels: [{ requested: '36301917596', errorCode: 'E_500_01', errorMessage: 'Internal Server Error' }] },
      trackingNumbers: ['36301917596'],
    });
    expect(internal!.error).toMatchObject({ code: 'carrier_unavailable', retryable: true, carrierCodes: ['E_500_01'] });
  });

  it('a number GLS left out of its answer is an error outcome, not dropped', () => {
    const outcomes = parseGlsTrackResponse({
      httpStatus: 200,
      body: fixture('in-transit-karrio.json'),
      trackingNumbers: ['36301917596', '42249028960'],
    });
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok, outcome.error?.code])).toEqual([
      ['36301917596', true, undefined],
      ['42249028960', false, 'bad_response'],
    ]);
  });

  it('odd leaves are dropped, not fatal: a null event and a numeric city', () => {
    const body = {
      parcels: [
        {
          requested: '36301917596',
          unitno: '36301917596',
          status: 'INTRANSIT',
          statusDateTime: 'soon',
          events: [null, { code: 'INTIAL.NORMAL', city: 42, eventDateTime: '2024-10-07T10:46:14+0200' }],
        },
      ],
    };
    const [outcome] = parseGlsTrackResponse({ httpStatus: 200, body, trackingNumbers: ['36301917596'] });
    expect(outcome!.ok).toBe(true);
    expect(outcome!.shipment!.events).toHaveLength(1);
    expect(outcome!.shipment!.events[0]!.location).toBeNull();
  });

  it('keeps the raw body only when asked', () => {
    const body = fixture('in-transit-karrio.json');
    const [withRaw] = parseGlsTrackResponse({ httpStatus: 200, body, trackingNumbers: ['36301917596'], includeRaw: true });
    expect(withRaw!.shipment!.raw).toBe(body);
  });
});
