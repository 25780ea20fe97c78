import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { registerSecret, shipmentSchema, type TrackOutcome } from '@wismo/core';
import { costRatio } from '@wismo/core/testing';
import { describe, expect, it } from 'vitest';
import { MAX_CARRIER_TEXT_LENGTH } from '@wismo/core/internal';
import { describeDhlProblem, errorForStatus, parseDhlTrackResponse } from './parse-dhl-response';

const FETCHED_AT = new Date('2025-01-02T03:04:05.000Z');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as unknown;
}

function parseOne(httpStatus: number, body: unknown, trackingNumber: string): TrackOutcome {
  const outcomes = parseDhlTrackResponse({ httpStatus, body, trackingNumbers: [trackingNumber], fetchedAt: FETCHED_AT });
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]!.trackingNumber).toBe(trackingNumber);
  return outcomes[0]!;
}

function shipmentOf(outcome: TrackOutcome) {
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

/** A minimal one-shipment body. */
function body(shipment: Record<string, unknown>) {
  return { shipments: [{ id: 'N1', service: 'parcel-de', ...shipment }] };
}

describe('parseDhlTrackResponse: answers that are not a shipment', () => {
  it('maps the 404 problem body to not_found', () => {
    const outcome = parseOne(404, fixture('error-404-no-shipment-found.json'), '8264715546');
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({
      code: 'not_found',
      httpStatus: 404,
      retryable: false,
      carrierCodes: [],
      trackingNumber: '8264715546',
    });
    expect(outcome.error!.message).toContain('No shipment with given tracking number found');
  });

  it('maps the 400 problem body to invalid_number', () => {
    const outcome = parseOne(400, fixture('error-400-invalid-input.json'), 'bad number');
    expect(outcome.error).toMatchObject({ code: 'invalid_number', httpStatus: 400, retryable: false });
    expect(outcome.error!.message).toContain("missing mandatory parameter 'trackingNumber'");
  });

  it('maps 401 to auth_failed and 429 to rate_limited', () => {
    expect(parseOne(401, fixture('composed-error-401-unauthorized.json'), 'N1').error).toMatchObject({
      code: 'auth_failed',
      retryable: false,
    });
    expect(parseOne(429, fixture('error-429-too-many-requests.json'), 'N1').error).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      carrierCodes: [],
    });
    expect(parseOne(503, null, 'N1').error).toMatchObject({ code: 'carrier_unavailable', httpStatus: 503 });
  });

  it('does not call a 404 without a problem body not_found: the base URL is likely wrong', () => {
    expect(parseOne(404, null, 'N1').error?.code).toBe('bad_response');
    expect(parseOne(404, { message: 'Unable to identify proxy for host' }, 'N1').error?.code).toBe('bad_response');
  });

  it('reads the gateway fault shape too', () => {
    const fault = {
      fault: {
        faultstring: 'Rate limit quota violation. Quota limit  exceeded.',
        detail: { errorcode: 'policies.ratelimit.QuotaViolation' },
      },
    };
    expect(describeDhlProblem(fault)).toEqual({
      isProblem: true,
      message: 'Rate limit quota violation. Quota limit  exceeded.',
      codes: ['policies.ratelimit.QuotaViolation'],
    });
    expect(errorForStatus(429, fault).carrierCodes).toEqual(['policies.ratelimit.QuotaViolation']);
  });

  it('reports a 200 without shipments array, or of the wrong shape, as bad_response', () => {
    expect(parseOne(200, { unexpected: ['shape'] }, 'N1').error?.code).toBe('bad_response');
    expect(parseOne(200, null, 'N1').error?.code).toBe('bad_response');
    expect(parseOne(200, { shipments: [{ id: 'N1', events: [{ statusCode: 7 }] }] }, 'N1').error?.code).toBe('bad_response');
  });

  it('reports an empty shipment list as not_found', () => {
    expect(parseOne(200, { shipments: [] }, 'N1').error).toMatchObject({ code: 'not_found', httpStatus: 200 });
  });

  it('answers every requested number, in order', () => {
    const outcomes = parseDhlTrackResponse({
      httpStatus: 404,
      body: fixture('error-404-no-shipment-found.json'),
      trackingNumbers: ['A', 'B'],
    });
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.error?.code, outcome.error?.trackingNumber])).toEqual([
      ['A', 'not_found', 'A'],
      ['B', 'not_found', 'B'],
    ]);
  });
});

describe('parseDhlTrackResponse: shipments', () => {
  it('picks the shipment whose id or piece id is the number, ignoring spaces and case', () => {
    const response = {
      shipments: [
        { id: 'OTHER', service: 'freight', events: [{ timestamp: '2024-01-01T10:00:00', statusCode: 'transit' }] },
        {
          id: 'JJD0001',
          service: 'parcel-de',
          details: { pieceIds: ['00340434161094042557'] },
          events: [{ timestamp: '2024-01-02T10:00:00', statusCode: 'delivered' }],
        },
      ],
    };
    expect(shipmentOf(parseOne(200, response, 'jjd 0001')).status).toBe('delivered');
    expect(shipmentOf(parseOne(200, response, '00340434161094042557')).status).toBe('delivered');
    // One number asked, no id matches: DHL resolved it some other way, so its first shipment answers.
    expect(shipmentOf(parseOne(200, response, 'SOMETHING-ELSE')).status).toBe('in_transit');
  });

  it('accepts the numeric id of the spec example and keeps the requested number', () => {
    const shipment = shipmentOf(parseOne(200, fixture('spec-example-express-karrio.json'), '7777777770'));
    expect(shipment.trackingNumber).toBe('7777777770');
  });

  it('turns an unknown statusCode into an unmapped event with the raw code', () => {
    const shipment = shipmentOf(
      parseOne(
        200,
        body({ events: [{ timestamp: '2024-05-01T10:00:00', statusCode: 'return-to-origin', description: 'Returning' }] }),
        'N1',
      ),
    );
    expect(shipment.events[0]).toMatchObject({
      status: 'unknown',
      substatus: 'unknown',
      unmapped: true,
      raw: { code: 'return-to-origin', codes: { statusCode: 'return-to-origin' } },
    });
    expect(shipment.status).toBe('unknown');
  });

  it('keeps DHL’s own "unknown" code mapped (documented) without moving the status', () => {
    const shipment = shipmentOf(
      parseOne(
        200,
        body({
          events: [
            { timestamp: '2024-05-02T10:00:00', statusCode: 'unknown', description: 'Something happened' },
            { timestamp: '2024-05-01T10:00:00', statusCode: 'transit', description: 'On its way' },
          ],
        }),
        'N1',
      ),
    );
    expect(shipment.events[0]).toMatchObject({ status: 'unknown', unmapped: false, raw: { code: 'unknown' } });
    expect(shipment.status).toBe('in_transit');
  });

  it('uses the current status as the only event when DHL sends no event list', () => {
    const shipment = shipmentOf(parseOne(200, fixture('composed-parcel-de-status-only.json'), '00340434161094012345'));
    expect(shipment.events).toHaveLength(1);
    expect(shipment.events[0]).toMatchObject({
      status: 'info_received',
      substatus: 'label_created',
      timeKind: 'local',
      localTime: '2024-03-12T18:03:00',
      occurredAt: null,
    });
    expect(shipment.status).toBe('info_received');
  });

  it('is pending when DHL knows the number but sends neither status nor events', () => {
    const shipment = shipmentOf(parseOne(200, body({}), 'N1'));
    expect(shipment).toMatchObject({ status: 'pending', substatus: 'awaiting_carrier_data', events: [] });
  });

  it('reads times honestly: offset → instant, none → local (never Z), date → date, garbage → no time', () => {
    const shipment = shipmentOf(
      parseOne(
        200,
        body({
          events: [
            { timestamp: '2024-05-04T10:00:00+02:00', statusCode: 'transit', description: 'a' },
            { timestamp: '2024-05-03T10:00:00Z', statusCode: 'transit', description: 'b' },
            { timestamp: '2024-05-02T10:00:00', statusCode: 'transit', description: 'c' },
            { timestamp: '2024-05-01', statusCode: 'transit', description: 'd' },
            { timestamp: 'yesterday', statusCode: 'transit', description: 'e' },
          ],
        }),
        'N1',
      ),
    );
    const byDescription = Object.fromEntries(shipment.events.map((event) => [event.description, event]));
    expect(byDescription.a).toMatchObject({
      timeKind: 'instant',
      occurredAt: '2024-05-04T10:00:00+02:00',
      localTime: '2024-05-04T10:00:00',
    });
    expect(byDescription.b).toMatchObject({ timeKind: 'instant', occurredAt: '2024-05-03T10:00:00Z', localTime: null });
    expect(byDescription.c).toMatchObject({ timeKind: 'local', occurredAt: null, localTime: '2024-05-02T10:00:00' });
    expect(byDescription.d).toMatchObject({ timeKind: 'date', occurredAt: null, localTime: '2024-05-01' });
    expect(byDescription.e).toMatchObject({ timeKind: 'date', occurredAt: null, localTime: null });
  });

  it('gives a window of mixed precision the less precise kind', () => {
    const shipment = shipmentOf(
      parseOne(
        200,
        body({
          estimatedDeliveryTimeFrame: { estimatedFrom: '2024-06-03T09:00:00+02:00', estimatedThrough: '2024-06-03T18:00:00' },
          events: [{ timestamp: '2024-06-02T10:00:00', statusCode: 'transit' }],
        }),
        'N1',
      ),
    );
    expect(shipment.estimatedDelivery).toEqual({
      from: '2024-06-03T09:00:00',
      to: '2024-06-03T18:00:00',
      timeKind: 'local',
      source: 'carrier',
      confidence: null,
    });
  });

  it('uses the single ETA when there is no window', () => {
    const shipment = shipmentOf(
      parseOne(
        200,
        body({ estimatedTimeOfDelivery: '2024-06-03', events: [{ timestamp: '2024-06-02T10:00:00', statusCode: 'transit' }] }),
        'N1',
      ),
    );
    expect(shipment.estimatedDelivery).toEqual({
      from: '2024-06-03',
      to: '2024-06-03',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
  });

  it('keeps addressLocality as raw text, never as a city', () => {
    const shipment = shipmentOf(parseOne(200, fixture('delivered-parcel-de-real-german.json'), '470800204932'));
    expect(shipment.events[0]!.location).toEqual({ city: null, region: null, postalCode: null, countryCode: null, raw: 'Deutschland' });
    expect(shipment.destination).toEqual({ city: null, region: null, postalCode: null, countryCode: 'DE', raw: 'DE' });
  });

  it('keeps the body on raw only when asked', () => {
    const response = fixture('delivered-parcel-de-real-german.json');
    const [withRaw] = parseDhlTrackResponse({ httpStatus: 200, body: response, trackingNumbers: ['470800204932'], includeRaw: true });
    const [withoutRaw] = parseDhlTrackResponse({ httpStatus: 200, body: response, trackingNumbers: ['470800204932'] });
    expect(withRaw!.shipment!.raw).toBe(response);
    expect(withoutRaw!.shipment).not.toHaveProperty('raw');
  });

  it('reads a destination provider hand-over with the local tracking number as a leg', () => {
    const shipment = shipmentOf(parseOne(200, fixture('composed-ecommerce-europe-destination-provider.json'), 'JVGL06287591000934567'));
    expect(shipment.legs).toEqual([
      { carrier: 'bpost', carrierName: 'bpost', trackingNumber: '323211234567890123456789', role: 'last_mile' },
    ]);
  });

  it('does not add a leg for the business unit that already carries the shipment', () => {
    const shipment = shipmentOf(
      parseOne(
        200,
        body({
          details: { provider: { destinationProvider: 'parcel-de' } },
          events: [{ timestamp: '2024-01-01T10:00:00', statusCode: 'transit' }],
        }),
        'N1',
      ),
    );
    expect(shipment.legs).toEqual([]);
  });

  it('recognises a USPS last mile from a 420+ZIP IMpb in the references, without a hand-over scan', () => {
    const shipment = shipmentOf(
      parseOne(
        200,
        {
          shipments: [
            {
              id: 'GM1',
              service: 'ecommerce',
              details: {
                references: { number: '4209024592612903361287040426', type: 'ecommerce-number' },
                pieceIds: ['9261290336128704042634'],
              },
              events: [{ timestamp: '2024-01-01T10:00:00', statusCode: 'transit', description: 'DEPARTURE ORIGIN DHL ECOMMERCE FACILITY' }],
            },
          ],
        },
        'GM1',
      ),
    );
    // The 28-digit reference is no IMpb (wrong length after the prefix); the piece id is.
    expect(shipment.legs).toEqual([{ carrier: 'usps', carrierName: 'USPS', trackingNumber: '9261290336128704042634', role: 'last_mile' }]);
  });

  it('does not invent a USPS leg for a non-eCommerce shipment', () => {
    const shipment = shipmentOf(
      parseOne(
        200,
        body({ details: { pieceIds: ['9261290336128704042634'] }, events: [{ timestamp: '2024-01-01T10:00:00', statusCode: 'transit' }] }),
        'N1',
      ),
    );
    expect(shipment.legs).toEqual([]);
  });

  it('does not read a placeholder signature link as proof of delivery', () => {
    const shipment = shipmentOf(parseOne(200, fixture('spec-example-express-karrio.json'), '7777777770'));
    expect(shipment.proofOfDelivery).toEqual({
      available: true,
      signatureAvailable: false,
      url: 'https://webpod.dhl.com/webPOD/DHLePODRequest',
      deliveryLocation: null,
    });
  });
});

/** Texts that made the Packstation rule quadratic (its phrase again and again with no period), and other odd ones. */
function hostileTexts(size: number): Record<string, string> {
  return {
    'the Packstation phrase without a period': 'liegt in der Filiale '.repeat(size / 21),
    'the PACKSTATION phrase without a period': 'liegt ab sofort in der PACKSTATION 1 '.repeat(size / 37),
    'inner spaces': `a${' '.repeat(size)}.`,
    'odd characters': '\u00a0<\u2028Empfänger'.repeat(size / 12),
    'a long sentence': `${'Die Sendung '.repeat(size / 12)}.`,
  };
}

describe('parseDhlTrackResponse: hostile texts', () => {
  // Relative to a linear baseline measured in the same run (JSON round trip of the same body); the old rule
  // cost about 80 times the baseline at 100,000 characters, and ten times more at 1 MB.
  const BUDGET = 20;

  it.each([10_000, 100_000, 1_000_000])('reads %i-character hostile texts within a linear budget of work', (size) => {
    for (const [label, text] of Object.entries(hostileTexts(size))) {
      const events = ['transit', 'delivered', 'failure'].map((statusCode) => ({
        timestamp: '2024-05-01T10:00:00',
        statusCode,
        status: text,
        description: text,
        remark: text,
      }));
      for (const service of ['parcel-de', 'express', 'ecommerce']) {
        const response = { shipments: [{ id: 'N1', service, status: events[0], events }] };
        const { ratio, costMs, baselineMs } = costRatio(
          () => parseOne(200, response, 'N1'),
          () => JSON.parse(JSON.stringify(response)),
        );
        expect(ratio, `${label}, ${service}: ${costMs.toFixed(3)} ms against a baseline of ${baselineMs.toFixed(3)} ms`).toBeLessThan(
          BUDGET,
        );
      }
      const problem = { title: text, detail: text, status: 400 };
      const { ratio, costMs, baselineMs } = costRatio(
        () => parseOne(400, problem, 'N1'),
        () => JSON.parse(JSON.stringify(problem)),
      );
      expect(ratio, `${label}, problem body: ${costMs.toFixed(3)} ms against ${baselineMs.toFixed(3)} ms`).toBeLessThan(BUDGET);
    }
  });

  it('cuts a text longer than the cap at the cap and marks the cut', () => {
    const long = `Die Sendung ${'x'.repeat(5_000)}`;
    const shipment = shipmentOf(
      parseOne(200, body({ events: [{ timestamp: '2024-05-01T10:00:00', statusCode: 'transit', description: long }] }), 'N1'),
    );
    expect(shipment.events[0]!.description).toHaveLength(MAX_CARRIER_TEXT_LENGTH + 1);
    expect(shipment.events[0]!.description.endsWith('…')).toBe(true);
  });
});

describe('parseDhlTrackResponse: prototype keys', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'reads a statusCode or checkpoint of %s as an unmapped event with the raw code',
    (word) => {
      for (const service of ['parcel-de', 'express', 'no-such-service', word]) {
        const event = { timestamp: '2024-05-01T10:00:00', statusCode: word, statusDetailed: word, status: word, description: 'Something' };
        const shipment = shipmentOf(parseOne(200, { shipments: [{ id: 'N1', service, status: event, events: [event] }] }, 'N1'));
        expect(shipment.events[0]).toMatchObject({ status: 'unknown', substatus: 'unknown', unmapped: true, raw: { code: word } });
        expect(shipment.status).toBe('unknown');
      }
    },
  );
});

describe('parseDhlTrackResponse: the API key echoed back', () => {
  const CANARY = 'canary-dhl-key-7Qx9ZrT2';
  registerSecret(CANARY);

  it.each([
    ['a problem title and detail', 401, { title: `Invalid API key ${CANARY}`, detail: `The key ${CANARY} is not approved.`, status: 401 }],
    ['a problem at 404', 404, { title: CANARY, detail: `No shipment for key=${CANARY}` }],
    ['a 400', 400, { title: `Bad key ${CANARY}`, detail: CANARY }],
    ['a gateway fault', 429, { fault: { faultstring: `Quota for ${CANARY} exceeded`, detail: { errorcode: CANARY } } }],
  ])('keeps it out of every field of the error: %s', (_label, httpStatus, problem) => {
    const error = parseOne(httpStatus, problem, 'N1').error!;
    expect(error).toBeDefined();
    const cliJson = JSON.stringify({ trackingNumber: 'N1', ok: false, error: { ...error.toJSON() } });
    for (const text of [
      JSON.stringify(error),
      inspect(error),
      inspect(error, { showHidden: true, depth: null }),
      cliJson,
      String(error),
      error.stack ?? '',
    ]) {
      expect(text).not.toContain(CANARY);
    }
    for (const value of Object.values(error)) if (typeof value === 'string') expect(value).not.toContain(CANARY);
  });

  it('keeps only codes in carrierCodes, never the free-text title', () => {
    expect(parseOne(404, fixture('error-404-no-shipment-found.json'), 'N1').error?.carrierCodes).toEqual([]);
    expect(parseOne(429, fixture('error-429-too-many-requests.json'), 'N1').error?.carrierCodes).toEqual([]);
    expect(
      errorForStatus(429, { fault: { faultstring: 'Rate limit', detail: { errorcode: 'Quota exceeded for this key' } } }).carrierCodes,
    ).toEqual([]);
  });
});

describe('parseDhlTrackResponse: auth errors and signer', () => {
  it('reads an OAuth-style error body as auth_failed at any status, like every carrier', () => {
    expect(parseOne(400, { error: 'invalid_client', error_description: 'Client authentication failed.' }, 'N1').error?.code).toBe(
      'auth_failed',
    );
    expect(parseOne(401, { error: 'invalid_client', error_description: 'Client authentication failed.' }, 'N1').error?.code).toBe(
      'auth_failed',
    );
    expect(parseOne(403, null, 'N1').error?.code).toBe('auth_failed');
  });

  it('keeps the signer DHL sent, also for a parcel that is not delivered', () => {
    const shipment = shipmentOf(
      parseOne(
        200,
        body({
          details: { proofOfDelivery: { signed: { name: 'M. Muster' } } },
          events: [{ timestamp: '2024-05-01T10:00:00', statusCode: 'transit' }],
        }),
        'N1',
      ),
    );
    expect(shipment).toMatchObject({ status: 'in_transit', signedBy: 'M. Muster' });
  });
});

describe('parseDhlTrackResponse: a destination provider named like a prototype key', () => {
  it.each(['constructor', 'toString', '__proto__'])('keeps %s as the raw provider, never a property of Object', (provider) => {
    const shipment = shipmentOf(
      parseOne(
        200,
        body({
          details: { provider: { destinationProvider: provider } },
          events: [{ timestamp: '2024-01-01T10:00:00', statusCode: 'transit' }],
        }),
        'N1',
      ),
    );
    expect(shipment.legs).toEqual([{ carrier: provider, carrierName: null, trackingNumber: null, role: 'last_mile' }]);
  });
});
