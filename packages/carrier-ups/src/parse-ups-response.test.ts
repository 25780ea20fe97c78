import { readFileSync } from 'node:fs';
import { shipmentSchema } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { parseUpsTrackResponse, upsRequestError } from './parse-ups-response';

const FETCHED_AT = new Date('2026-01-15T12:00:00.000Z');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
}

function parse(body: unknown, trackingNumbers: string[] = ['1Z1442YY7229014688'], httpStatus = 200) {
  return parseUpsTrackResponse({ httpStatus, body, trackingNumbers, fetchedAt: FETCHED_AT });
}

function packageBody(item: Record<string, unknown>, inquiryNumber = '1Z1442YY7229014688') {
  return { trackResponse: { shipment: [{ inquiryNumber, package: [{ trackingNumber: inquiryNumber, ...item }] }] } };
}

describe('parseUpsTrackResponse: whole-request answers', () => {
  it.each([
    [400, 'error-TV1002-invalid-inquiry-number.json', 'invalid_number'],
    [400, 'error-250003-invalid-access-license.json', 'auth_failed'],
    [404, 'composed-404-not-found.json', 'not_found'],
    [200, 'warning-TW0001-tracking-information-not-found.json', 'not_found'],
  ])('HTTP %i %s → %s, for every number of the request', (status, name, code) => {
    const outcomes = parse(fixture(name), ['1Z1442YY7229014688', '1Z999AA10123456784'], status);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.error?.code, outcome.error?.trackingNumber])).toEqual([
      ['1Z1442YY7229014688', code, '1Z1442YY7229014688'],
      ['1Z999AA10123456784', code, '1Z999AA10123456784'],
    ]);
  });

  it('maps 10429 to rate_limited and unknown error codes to bad_response with the carrier codes', () => {
    const limited = parse({ response: { errors: [{ code: '10429', message: 'Too Many Requests' }] } }, undefined, 400)[0]!;
    expect(limited.error).toMatchObject({ code: 'rate_limited', retryable: true, carrierCodes: ['10429'] });
    const other = parse({ response: { errors: [{ code: 190001, message: 'Something else' }] } }, undefined, 400)[0]!;
    expect(other.error).toMatchObject({ code: 'bad_response', httpStatus: 400, carrierCodes: ['190001'] });
    expect(other.error?.message).toContain('190001 Something else');
  });

  it('treats an error list in a 200 answer as a failed request', () => {
    expect(parse(fixture('error-TV1002-invalid-inquiry-number.json'))[0]!.error?.code).toBe('invalid_number');
  });

  it('reports a 404 without a body as not_found and other non-2xx answers without a body as bad_response', () => {
    expect(parse(undefined, undefined, 404)[0]!.error?.code).toBe('not_found');
    expect(parse(undefined, undefined, 409)[0]!.error).toMatchObject({ code: 'bad_response', httpStatus: 409 });
  });

  it('reports a body of the wrong shape as bad_response, never throwing', () => {
    for (const body of [
      { unexpected: ['shape'] },
      { trackResponse: {} },
      { trackResponse: { shipment: [{ package: ['text'] }] } },
      'text',
      null,
      42,
    ]) {
      const [outcome] = parse(body);
      expect(outcome!.ok).toBe(false);
      expect(outcome!.error?.code).toBe('bad_response');
    }
  });

  it('names the shipment warnings on not_found, and TV1002 in a warning as invalid_number', () => {
    const warned = parse({
      trackResponse: {
        shipment: [{ inquiryNumber: '1Z1442YY7229014688', warnings: [{ code: 'TV1002', message: 'Invalid inquiry number' }] }],
      },
    })[0]!;
    expect(warned.error).toMatchObject({ code: 'invalid_number', carrierCodes: ['TV1002'] });
    const empty = parse({ trackResponse: { shipment: [{ inquiryNumber: '1Z1442YY7229014688', package: [] }] } })[0]!;
    expect(empty.error).toMatchObject({ code: 'not_found', carrierCodes: [] });
  });

  it('builds the right error for a request-level code', () => {
    expect(upsRequestError(503, []).code).toBe('bad_response');
    expect(upsRequestError(200, [{ code: 'TW0001', message: 'Tracking Information Not Found' }]).code).toBe('not_found');
  });
});

describe('parseUpsTrackResponse: shipments', () => {
  it('matches shipments to numbers when several are answered, whatever their order', () => {
    const body = {
      trackResponse: {
        shipment: [
          { inquiryNumber: '1Z999AA10123456784', warnings: [{ code: 'TW0001', message: 'Tracking Information Not Found' }] },
          {
            inquiryNumber: '1Z1442YY7229014688',
            package: [
              {
                trackingNumber: '1Z1442YY7229014688',
                activity: [{ status: { type: 'D', code: 'F4', statusCode: '011' }, date: '20220126' }],
              },
            ],
          },
        ],
      },
    };
    const outcomes = parse(body, ['1Z1442YY7229014688', '1Z999AA10123456784', '1ZNOTASKEDFOR0000']);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.shipment.status : outcome.error.code))).toEqual([
      'delivered',
      'not_found',
      'not_found',
    ]);
  });

  it('picks the package asked for out of a multi-package shipment, else the first', () => {
    const body = {
      trackResponse: {
        shipment: [
          {
            inquiryNumber: '1ZLEAD0000000001',
            package: [
              {
                trackingNumber: '1ZLEAD0000000001',
                activity: [{ status: { type: 'I', code: 'AR', statusCode: '005' }, date: '20250101', time: '100000' }],
              },
              {
                trackingNumber: '1ZCHILD000000002',
                activity: [{ status: { type: 'D', code: 'F4', statusCode: '011' }, date: '20250102', time: '100000' }],
              },
            ],
          },
        ],
      },
    };
    expect(parse(body, ['1ZCHILD000000002'])[0]!.shipment?.status).toBe('delivered');
    expect(parse(body, ['1ZLEAD0000000001'])[0]!.shipment?.status).toBe('in_transit');
  });

  it('uses currentStatus when there are no activities (its code is the 3-digit status code)', () => {
    const [outcome] = parse(
      packageBody({ currentStatus: { description: 'Delivered', code: '011' }, deliveryDate: [{ type: 'DEL', date: '20250102' }] }),
    );
    expect(outcome!.shipment).toMatchObject({
      status: 'delivered',
      events: [],
      deliveredAt: { occurredAt: null, localTime: '2025-01-02', timeKind: 'date' },
    });
    const [typed] = parse(packageBody({ currentStatus: { type: 'X', code: 'AG', statusCode: '029' } }));
    expect(typed!.shipment).toMatchObject({ status: 'exception', substatus: 'address_problem' });
    const [none] = parse(packageBody({}));
    expect(none!.shipment).toMatchObject({ status: 'pending', substatus: 'awaiting_carrier_data', events: [] });
  });

  it('turns malformed activities into unmapped or partial events instead of failing', () => {
    const [outcome] = parse(
      packageBody({
        activity: [
          { status: 'delivered', date: 20220126 },
          'not an object',
          null,
          { status: { type: 'I', code: 42, statusCode: '005' }, date: '20220125', time: '250000', location: { address: 'Paramus' } },
          {
            status: { type: 'D', code: 'F4', statusCode: '011' },
            date: '20220126',
            time: '163000',
            location: { address: { city: 'PARAMUS', countryCode: 'USA' } },
          },
        ],
      }),
    );
    const shipment = shipmentSchema.parse(outcome!.shipment);
    expect(shipment.status).toBe('delivered');
    expect(shipment.events).toHaveLength(3);
    const [delivered, ...rest] = shipment.events;
    expect(delivered).toMatchObject({ status: 'delivered', location: { city: 'PARAMUS', countryCode: 'US' } });
    // The in-transit scan with a number for its code and an impossible hour keeps what is readable.
    expect(rest.find((event) => event.raw.code === 'I//005')).toMatchObject({
      status: 'in_transit',
      timeKind: 'date',
      occurredAt: null,
      localTime: null,
      location: null,
    });
    // An activity with nothing readable: unmapped, kept.
    expect(rest.find((event) => event.raw.code === '//')).toMatchObject({ status: 'unknown', unmapped: true });
  });

  it('accepts single objects where UPS documents arrays', () => {
    const body = {
      trackResponse: {
        shipment: {
          inquiryNumber: '1Z1442YY7229014688',
          package: {
            trackingNumber: '1Z1442YY7229014688',
            activity: { status: { type: 'D', code: 'F4', statusCode: '011' }, date: '20220126', time: '163000' },
            deliveryDate: { type: 'DEL', date: '20220126' },
          },
        },
      },
    };
    expect(parse(body)[0]!.shipment).toMatchObject({ status: 'delivered', events: [{ raw: { code: 'D/F4/011' } }] });
  });

  it('drops a surprising package field instead of failing the answer', () => {
    const [outcome] = parse(
      packageBody({
        service: 'UPS Ground',
        deliveryDate: 'tomorrow',
        packageAddress: 7,
        activity: [{ status: { type: 'I', code: 'AR', statusCode: '005' }, date: '20250101' }],
      }),
    );
    expect(outcome!.shipment).toMatchObject({ status: 'in_transit', service: null, estimatedDelivery: null, origin: null });
  });

  it('keeps the body as raw only when asked', () => {
    const body = fixture('delivered-official-postman-example.json');
    expect(
      parseUpsTrackResponse({ httpStatus: 200, body, trackingNumbers: ['1Z1442YY7229014688'], fetchedAt: FETCHED_AT, includeRaw: true })[0]!
        .shipment?.raw,
    ).toBe(body);
    expect(parse(body)[0]!.shipment).not.toHaveProperty('raw');
  });

  it('reads USPS alternate numbers as a last-mile leg, once; other alternate numbers are not legs', () => {
    const [outcome] = parse(
      packageBody({
        alternateTrackingNumber: [
          { number: '9241990000003349952296622', type: 'USPS_PIC' },
          { number: '9241990000003349952296622', type: 'USPS_PIC' },
          { number: '1Z1442YY7229014699' },
          { number: 'MI123456', type: 'MI' },
        ],
      }),
    );
    expect(outcome!.shipment?.legs).toEqual([
      { carrier: 'usps', carrierName: 'USPS', trackingNumber: '9241990000003349952296622', role: 'last_mile' },
    ]);
  });
});

describe('activities of a surprising shape', () => {
  it('drops values of the wrong type and keeps the rest of the activity', () => {
    const body = packageBody({
      activity: [
        {
          date: '20250101',
          time: 100000,
          gmtOffset: '-05:00',
          location: { address: { city: 'X', postalCode: 7 }, slic: '1234' },
          status: { type: 'I', code: 'AR', extra: true },
        },
        'not an activity',
        [],
      ],
    });
    const [outcome] = parse(body);
    const shipment = shipmentSchema.parse(outcome!.shipment);
    // Only the object became an event: the string and the array hold nothing to show.
    expect(shipment.events).toHaveLength(1);
    expect(shipment.events[0]).toMatchObject({ timeKind: 'date', localTime: '2025-01-01', location: { city: 'X', postalCode: null } });
    expect(shipment.events[0]!.raw.codes).toEqual({ type: 'I', code: 'AR' });
  });
});
