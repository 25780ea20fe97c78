import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
    expect(outcome.shipment?.events[0]).toMatchObject({ description: 'Return to Sender: Unclaimed', status: 'returning', raw: { text: 'Return to Sender: Unclaimed' } });
    expect(outcome.shipment?.direction).toBe('return');
  });

  it('builds a shipment from statusCategory alone when there are no events', () => {
    const outcome = parseOne({ trackingNumber: '9400100000000000000000', status: 'Delivered, In/At Mailbox', statusCategory: 'Delivered', trackingEvents: [] });
    expect(outcome.shipment).toMatchObject({ status: 'delivered', substatus: 'delivered', events: [], statusSince: null });
  });

  it('accepts services as a string or an array and booleans as strings', () => {
    expect(parseOne({ ...oneEvent(), services: 'USPS Tracking<SUP>&#174;</SUP>', proofOfDeliveryEnabled: 'true' }).shipment?.proofOfDelivery.available).toBe(true);
    expect(parseOne({ ...oneEvent(), services: ['USPS Tracking'], proofOfDeliveryEnabled: false }).shipment?.proofOfDelivery.available).toBe(false);
  });

  it('answers for the requested spelling even when USPS echoes the number differently', () => {
    const outcome = parseOne({ ...oneEvent(), trackingNumber: '9400 1000 0000 0000 0000 00' });
    expect(outcome.ok).toBe(true);
    expect(outcome.trackingNumber).toBe('9400100000000000000000');
  });

  it('gives bad_response to extra numbers, since one response answers one number', () => {
    const outcomes = parseUspsTrackResponse({ httpStatus: 200, body: oneEvent(), trackingNumbers: ['9400100000000000000000', '9400100000000000000001'], fetchedAt: FETCHED_AT });
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false]);
    expect(outcomes[1]!.error?.code).toBe('bad_response');
  });

  it('keeps the raw body only when asked', () => {
    const body = oneEvent();
    expect(parseUspsTrackResponse({ httpStatus: 200, body, trackingNumbers: ['9400100000000000000000'], includeRaw: true })[0]!.shipment?.raw).toBe(body);
    expect(parseOne(body).shipment?.raw).toBeUndefined();
  });
});

describe('parseUspsTrackResponse: errors', () => {
  it('reads an error body even on HTTP 200', () => {
    expect(parseOne(fixtureJson('composed-not-found-150001.json'), 200).error?.code).toBe('not_found');
  });

  it('treats any undocumented 1500xx code as not_found', () => {
    const outcome = parseOne({ apiVersion: '/tracking/v3', error: { code: '400', message: 'x', errors: [{ code: '150099', detail: 'Something new' }] } }, 400);
    expect(outcome.error?.code).toBe('not_found');
    expect(outcome.error?.carrierCodes).toContain('150099');
  });

  it('reads a 400 about the trackingNumber parameter as invalid_number', () => {
    const body = { apiVersion: '/tracking/v3', error: { code: '400', message: 'Bad Request', errors: [{ status: '400', code: '', title: 'Invalid value', detail: 'Does not match the pattern', source: { parameter: 'trackingNumber' } }] } };
    expect(parseOne(body, 400).error?.code).toBe('invalid_number');
    const byText = { error: { code: '400', message: 'The tracking number is too long.', errors: [] } };
    expect(parseOne(byText, 400).error?.code).toBe('invalid_number');
  });

  it('reads other 400s as bad_response with the carrier message', () => {
    const outcome = parseOne({ apiVersion: 'v3', error: 'UNAUTHORIZED', message: 'Invalid or missing credentials' }, 400);
    expect(outcome.error?.code).toBe('bad_response');
    expect(outcome.error?.message).toContain('Invalid or missing credentials');
    expect(outcome.error?.carrierCodes).toEqual(['UNAUTHORIZED']);
  });

  it('reads a 404 without a readable body as not_found, other statuses as bad_response', () => {
    expect(parseOne({}, 404).error?.code).toBe('not_found');
    expect(parseOne('Not Found', 404).error?.code).toBe('not_found');
    expect(parseOne({}, 405).error?.code).toBe('bad_response');
  });

  it('does not mistake the 404 wording "the tracking number is invalid" for invalid_number', () => {
    const body = { error: { code: '404', message: 'Tracking is not available for this item. This may be because the tracking number is invalid; USPS has not yet received the item.', errors: [] } };
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
