import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { registerSecret, shipmentSchema } from '@wismo/core';
import { costRatio } from '@wismo/core/testing';
import { describe, expect, it } from 'vitest';
import { MAX_CARRIER_TEXT_LENGTH } from '@wismo/core/internal';
import { cleanText, parseUspsTrackResponse } from './parse-usps-response';

const FETCHED_AT = new Date('2025-01-15T12:00:00.000Z');

function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

function parseOne(body: unknown, httpStatus = 200, trackingNumber = '9400100000000000000000') {
  const outcomes = parseUspsTrackResponse({ httpStatus, body, trackingNumbers: [trackingNumber], fetchedAt: FETCHED_AT });
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

const oneEvent = (overrides: Record<string, unknown> = {}) => ({
  trackingNumber: '9400100000000000000000',
  statusCategory: 'Accepted',
  trackingEvents: [{ eventType: 'USPS in possession of item', eventTimestamp: '2024-11-18T11:10:00', eventCode: '03', ...overrides }],
});

describe('parseUspsTrackResponse: surprising payloads', () => {
  it.each([
    ['a body of the wrong shape', { unexpected: ['shape'] }],
    ['an array', [1, 2, 3]],
    ['null', null],
    ['a string', 'OK'],
    ['events that are not objects', { trackingNumber: '9400100000000000000000', trackingEvents: ['Delivered'] }],
    ['the v3 summary shape', { trackingNumber: '9400100000000000000000', eventSummaries: ['Your item was delivered at 12:55 pm'] }],
  ])('turns %s into bad_response', (_label, body) => {
    const outcome = parseOne(body);
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.code).toBe('bad_response');
    expect(outcome.error?.trackingNumber).toBe('9400100000000000000000');
  });

  it('keeps a numeric or unknown event code as an unmapped event', () => {
    const outcome = parseOne(oneEvent({ eventCode: 1 }));
    expect(outcome.shipment?.events[0]).toMatchObject({ status: 'unknown', unmapped: true, raw: { code: '1' } });
    // With no mapped event the shipment falls back to statusCategory ("Accepted").
    expect(outcome.shipment?.status).toBe('in_transit');
    expect(outcome.shipment?.substatus).toBe('picked_up');
  });

  it('uses the code meaning when USPS sends no eventType, and the event stays mapped', () => {
    const outcome = parseOne(oneEvent({ eventType: null, eventCode: '27' }));
    expect(outcome.shipment?.events[0]).toMatchObject({
      description: 'Return to Sender: Unclaimed',
      status: 'returning',
      raw: { text: 'Return to Sender: Unclaimed' },
    });
    expect(outcome.shipment?.direction).toBe('return');
  });

  it('builds a shipment from statusCategory alone when there are no events', () => {
    const outcome = parseOne({
      trackingNumber: '9400100000000000000000',
      status: 'Delivered, In/At Mailbox',
      statusCategory: 'Delivered',
      trackingEvents: [],
    });
    expect(outcome.shipment).toMatchObject({ status: 'delivered', substatus: 'delivered', events: [], statusSince: null });
  });

  it('accepts services as a string or an array and booleans as strings', () => {
    expect(
      parseOne({ ...oneEvent(), services: 'USPS Tracking<SUP>&#174;</SUP>', proofOfDeliveryEnabled: 'true' }).shipment?.proofOfDelivery
        .available,
    ).toBe(true);
    expect(
      parseOne({ ...oneEvent(), services: ['USPS Tracking'], proofOfDeliveryEnabled: false }).shipment?.proofOfDelivery.available,
    ).toBe(false);
  });

  it('answers for the requested spelling even when USPS echoes the number differently', () => {
    const outcome = parseOne({ ...oneEvent(), trackingNumber: '9400 1000 0000 0000 0000 00' });
    expect(outcome.ok).toBe(true);
    expect(outcome.trackingNumber).toBe('9400100000000000000000');
  });

  it('gives bad_response to extra numbers, since one response answers one number', () => {
    const outcomes = parseUspsTrackResponse({
      httpStatus: 200,
      body: oneEvent(),
      trackingNumbers: ['9400100000000000000000', '9400100000000000000001'],
      fetchedAt: FETCHED_AT,
    });
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false]);
    expect(outcomes[1]!.error?.code).toBe('bad_response');
  });

  it('keeps the raw body only when asked', () => {
    const body = oneEvent();
    expect(
      parseUspsTrackResponse({ httpStatus: 200, body, trackingNumbers: ['9400100000000000000000'], includeRaw: true })[0]!.shipment?.raw,
    ).toBe(body);
    expect(parseOne(body).shipment?.raw).toBeUndefined();
  });
});

describe('parseUspsTrackResponse: errors', () => {
  it('reads an error body even on HTTP 200', () => {
    expect(parseOne(fixtureJson('composed-not-found-150001.json'), 200).error?.code).toBe('not_found');
  });

  it('treats any undocumented 1500xx code as not_found', () => {
    const outcome = parseOne(
      { apiVersion: '/tracking/v3', error: { code: '400', message: 'x', errors: [{ code: '150099', detail: 'Something new' }] } },
      400,
    );
    expect(outcome.error?.code).toBe('not_found');
    expect(outcome.error?.carrierCodes).toContain('150099');
  });

  it('reads a 400 about the trackingNumber parameter as invalid_number', () => {
    const body = {
      apiVersion: '/tracking/v3',
      error: {
        code: '400',
        message: 'Bad Request',
        errors: [
          {
            status: '400',
            code: '',
            title: 'Invalid value',
            detail: 'Does not match the pattern',
            source: { parameter: 'trackingNumber' },
          },
        ],
      },
    };
    expect(parseOne(body, 400).error?.code).toBe('invalid_number');
    const byText = { error: { code: '400', message: 'The tracking number is too long.', errors: [] } };
    expect(parseOne(byText, 400).error?.code).toBe('invalid_number');
  });

  it('reads other 400s as bad_response with the carrier message', () => {
    const outcome = parseOne({ apiVersion: 'v3', error: 'INVALID_REQUEST', message: 'The request could not be read' }, 400);
    expect(outcome.error?.code).toBe('bad_response');
    expect(outcome.error?.message).toContain('The request could not be read');
    expect(outcome.error?.carrierCodes).toEqual(['INVALID_REQUEST']);
  });

  it('reads a 404 without a readable body as not_found, other statuses as bad_response', () => {
    expect(parseOne({}, 404).error?.code).toBe('not_found');
    expect(parseOne('Not Found', 404).error?.code).toBe('not_found');
    expect(parseOne({}, 405).error?.code).toBe('bad_response');
  });

  it('does not mistake the 404 wording "the tracking number is invalid" for invalid_number', () => {
    const body = {
      error: {
        code: '404',
        message:
          'Tracking is not available for this item. This may be because the tracking number is invalid; USPS has not yet received the item.',
        errors: [],
      },
    };
    expect(parseOne(body, 404).error?.code).toBe('not_found');
  });
});

describe('cleanText', () => {
  it.each([
    ['Priority Mail<SUP>&reg;</SUP>', 'Priority Mail'],
    ['USPS Ground Advantage<SUP>&#153;</SUP>', 'USPS Ground Advantage'],
    ['Sign up for Informed Delivery<SUP>reg;</SUP> now', 'Sign up for Informed Delivery now'],
    ['Parcel Select&#174; Lightweight', 'Parcel Select Lightweight'],
    ['A &amp; B', 'A & B'],
    ['   ', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

/** Texts that made the old patterns quadratic: runs of `<`, unclosed tags, long inner whitespace, odd spaces. */
function hostileTexts(size: number): Record<string, string> {
  return {
    'a run of <': '<'.repeat(size),
    'unclosed tags': 'a<b'.repeat(size / 3),
    'unclosed <sup> blocks': '<sup>'.repeat(size / 5),
    'many tags': '<b>x</b>'.repeat(size / 8),
    'inner spaces': `a${' '.repeat(size)}a`,
    'inner tabs': `a${'\t'.repeat(size)}b`,
    'no-break spaces after <': '<\u00a0'.repeat(size / 2),
    entities: '&reg;&amp;'.repeat(size / 10),
  };
}

describe('parseUspsTrackResponse: hostile texts', () => {
  // The budget is relative to a linear baseline measured in the same run (JSON round trip of the same body),
  // so a slow machine moves both; the old patterns cost thousands of times the baseline at 10,000 characters.
  const BUDGET = 20;

  it.each([10_000, 100_000, 1_000_000])('reads %i-character hostile texts within a linear budget of work', (size) => {
    for (const [label, text] of Object.entries(hostileTexts(size))) {
      const detailBody = {
        ...oneEvent({ eventType: text, name: text, firm: text, eventCode: '01' }),
        mailClass: text,
        serviceTypeCode: text,
        statusCategory: text,
      };
      const errorBody = {
        apiVersion: '/tracking/v3',
        error: { code: '400', message: text, errors: [{ code: '', title: text, detail: text, source: { parameter: text } }] },
      };
      for (const [httpStatus, body] of [
        [200, detailBody],
        [400, errorBody],
      ] as const) {
        const { ratio, costMs, baselineMs } = costRatio(
          () => parseOne(body, httpStatus),
          () => JSON.parse(JSON.stringify(body)),
        );
        expect(
          ratio,
          `${label}, HTTP ${httpStatus}: ${costMs.toFixed(3)} ms against a baseline of ${baselineMs.toFixed(3)} ms`,
        ).toBeLessThan(BUDGET);
      }
    }
  });

  it('cuts a text longer than the cap at the cap and marks the cut', () => {
    const long = `Priority Mail ${'x'.repeat(5_000)}`;
    const service = parseOne({ ...oneEvent(), mailClass: long }).shipment?.service?.name;
    expect(service?.length).toBe(MAX_CARRIER_TEXT_LENGTH + 1);
    expect(service?.startsWith('Priority Mail xxx')).toBe(true);
    expect(service?.endsWith('…')).toBe(true);
  });
});

describe('parseUspsTrackResponse: prototype keys', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'reads %s as an unknown word, never as a table key',
    (word) => {
      const outcome = parseOne({
        trackingNumber: '9400100000000000000000',
        statusCategory: word,
        trackingEvents: [
          { eventType: word, eventTimestamp: '2024-11-18T11:10:00', eventCode: null },
          { eventType: 'Arrived', eventTimestamp: '2024-11-17T11:10:00', eventCode: word },
        ],
      });
      expect(outcome.ok).toBe(true);
      const shipment = shipmentSchema.parse(outcome.shipment);
      expect(shipment.status).toBe('unknown');
      expect(shipment.events[0]).toMatchObject({
        status: 'unknown',
        substatus: 'unknown',
        unmapped: true,
        raw: { code: null, text: word },
      });
      expect(shipment.events[1]).toMatchObject({
        status: 'unknown',
        substatus: 'unknown',
        unmapped: true,
        raw: { code: word.toUpperCase() },
      });
    },
  );

  it('does not take an error code of "constructor" for a known tracking error', () => {
    const body = {
      apiVersion: '/tracking/v3',
      error: { code: '400', message: 'Bad Request', errors: [{ code: 'constructor', detail: 'odd' }] },
    };
    const outcome = parseOne(body, 400);
    expect(outcome.error?.code).toBe('bad_response');
    expect(outcome.error?.carrierCodes).toContain('constructor');
  });
});

describe('parseUspsTrackResponse: auth errors', () => {
  it.each([401, 403])('reads the OAuth error body at HTTP %i as auth_failed, like every carrier', (httpStatus) => {
    const outcome = parseOne(fixtureJson('oauth-error-invalid-client.json'), httpStatus);
    expect(outcome.error).toMatchObject({ code: 'auth_failed', httpStatus, carrierCodes: ['invalid_client'], retryable: false });
    expect(outcome.error?.message).toContain('Client authentication failed');
  });

  it.each([
    ['an OAuth error code at HTTP 400', 400, { error: 'invalid_client', error_description: 'Client authentication failed.' }],
    ['a gateway UNAUTHORIZED at HTTP 400', 400, { apiVersion: 'v3', error: 'UNAUTHORIZED', message: 'Invalid or missing credentials' }],
    ['a 401 without a readable body', 401, 'Unauthorized'],
    ['a 403 without a readable body', 403, {}],
  ])('reads %s as auth_failed', (_label, httpStatus, body) => {
    expect(parseOne(body, httpStatus).error?.code).toBe('auth_failed');
  });
});

describe('parseUspsTrackResponse: signer', () => {
  it('keeps the signer USPS sent on a parcel that went back to its sender', () => {
    const outcome = parseOne({
      trackingNumber: '9400100000000000000000',
      trackingEvents: [
        { eventType: 'Delivered, To Original Sender', eventTimestamp: '2024-11-20T11:10:00', eventCode: '01', name: 'R JONES' },
      ],
    });
    expect(outcome.shipment).toMatchObject({ status: 'returned', signedBy: 'R JONES' });
  });

  it('keeps a signer USPS sent on an undelivered parcel', () => {
    const outcome = parseOne(oneEvent({ name: 'J SMITH', firm: 'ACME CORP' }));
    expect(outcome.shipment).toMatchObject({ status: 'in_transit', signedBy: 'J SMITH (ACME CORP)' });
  });
});

describe('parseUspsTrackResponse: a secret echoed back', () => {
  const CANARY = 'canary-usps-secret-Kp3Vw8';
  registerSecret(CANARY);

  it.each([
    ['an OAuth error', 401, { error: 'invalid_client', error_description: `Client ${CANARY} authentication failed.` }],
    ['a sentence as the error', 400, { error: `The secret ${CANARY} is wrong`, message: CANARY }],
    [
      'a code that is the secret',
      400,
      {
        apiVersion: '/tracking/v3',
        error: { code: CANARY, message: `Bad ${CANARY}`, errors: [{ code: CANARY, title: CANARY, detail: CANARY }] },
      },
    ],
  ])('keeps it out of every field of the error: %s', (_label, httpStatus, body) => {
    const error = parseOne(body, httpStatus).error!;
    expect(error).toBeDefined();
    const cliJson = JSON.stringify({ trackingNumber: '9400100000000000000000', ok: false, error: { ...error.toJSON() } });
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
    for (const code of error.carrierCodes) expect(code).toMatch(/^([A-Za-z0-9_.:-]+|\[redacted\])$/);
  });
});
