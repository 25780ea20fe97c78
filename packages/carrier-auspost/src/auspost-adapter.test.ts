import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { createFixtureReplay, isolateNetwork, type ReplayBody } from '@wismo/core/testing';
import { describe, expect, it } from 'vitest';
import { ausPost, createAusPost } from './auspost-adapter';
import { AUSPOST_PRODUCTION_BASE_URL } from './auspost-carrier';

const ORIGIN = 'https://auspost.fixtures.test';
const API_KEY = 'fixture-auspost-key';
const PASSWORD = 'fixture-auspost-password-4d1e';
const ACCOUNT_NUMBER = '0001234567';
const FETCHED_AT = new Date('2026-03-10T00:00:00.000Z');
const BASIC = `Basic ${Buffer.from(`${API_KEY}:${PASSWORD}`).toString('base64')}`;

const fixtures = createFixtureReplay({ fixturesDirectory: new URL('./__fixtures__/', import.meta.url), origin: ORIGIN });

function adapter() {
  return createAusPost({
    apiKey: API_KEY,
    password: PASSWORD,
    accountNumber: ACCOUNT_NUMBER,
    baseUrl: ORIGIN,
    clock: () => FETCHED_AT,
    retries: 0,
    rateLimit: false,
  });
}

/** One track call answered with a fixture; checks Basic auth, Account-Number and the comma-separated ids. */
function replay(ids: string[], name: ReplayBody, status = 200) {
  return fixtures.replay(
    (scope) =>
      scope
        .get('/shipping/v1/track')
        .query({ tracking_ids: ids.join(',') })
        .matchHeader('authorization', BASIC)
        .matchHeader('account-number', ACCOUNT_NUMBER),
    name,
    { status },
  );
}

async function track(ids: string[], name: string, status = 200): Promise<TrackOutcome[]> {
  const scope = replay(ids, name, status);
  const outcomes = await adapter().track(ids);
  expect(scope.isDone()).toBe(true);
  return outcomes;
}

function shipmentOf(outcome: TrackOutcome | undefined): Shipment {
  if (!outcome) throw new Error('no outcome');
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

describe('Australia Post adapter against recorded answers', () => {
  isolateNetwork();

  it('reads three ids of one request: an article in a consignment, an international article and a 20-digit article', async () => {
    const ids = ['ET123456789AU', 'LX123456789US', '00123456789000123400'];
    const outcomes = await track(ids, 'track-multiple-ids.json');
    expect(outcomes.map((outcome) => outcome.trackingNumber)).toEqual(ids);

    const express = shipmentOf(outcomes[0]);
    expect(express.status).toBe('in_transit');
    expect(express.service).toEqual({ code: null, name: 'International Express' });
    expect(express.events).toHaveLength(8);
    expect(express.events[0]).toMatchObject({
      occurredAt: '2021-02-03T08:08:00+11:00',
      timeKind: 'instant',
      description: 'Processed by air carrier',
      status: 'in_transit',
    });
    expect(express.events.at(-1)).toMatchObject({ status: 'info_received', substatus: 'label_created' });

    const international = shipmentOf(outcomes[1]);
    expect(international.status).toBe('delivered');
    expect(international.substatus).toBe('delivered_to_safe_place');
    expect(international.deliveredAt).toEqual({
      occurredAt: '2021-01-21T11:04:27+11:00',
      localTime: '2021-01-21T11:04:27',
      timeKind: 'instant',
    });
    expect(international.events[0]!.location).toMatchObject({ city: 'KEW', region: 'VIC', countryCode: 'AU' });
    // "In transit to next facility in SUNSHINE WEST VIC": matched by its prefix, the place is part of the text.
    expect(international.events[4]).toMatchObject({
      status: 'in_transit',
      unmapped: false,
      raw: { code: 'in transit to next facility in' },
    });
    expect(international.events.at(-1)!.location).toMatchObject({ city: null, raw: 'US-60199, UNITED STATES' });
    expect(international.trackingUrl).toBe('https://auspost.com.au/mypost/track/details/LX123456789US');
    expect(international.events.every((event) => !event.unmapped)).toBe(true);

    const toNewZealand = shipmentOf(outcomes[2]);
    expect(toNewZealand.status).toBe('delivered');
    expect(toNewZealand.events.map((event) => event.substatus)).toContain('customs_processing');
    expect({ express, international, toNewZealand }).toMatchSnapshot();
  });

  it('reports ESB-10001 inside HTTP 200 as not_found for that id', async () => {
    const [outcome] = await track(['7XX1000'], 'per-id-error-ESB-10001.json');
    expect(outcome!.ok).toBe(false);
    if (outcome!.ok) return;
    expect(outcome!.error.code).toBe('not_found');
    expect(outcome!.error.carrierCodes).toEqual(['ESB-10001']);
    expect(outcome!.error.message).toContain('Invalid tracking ID');
  });

  it('reports 51101 (too many ids) as a non-retryable bad_response for every id of the request', async () => {
    const [first, second] = await track(['33LPM0000001', '33LPM0000002'], 'error-51101-too-many-ids.json', 400);
    for (const outcome of [first!, second!]) {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error.code).toBe('bad_response');
      expect(outcome.error.retryable).toBe(false);
      expect(outcome.error.carrierCodes).toEqual(['51101']);
    }
  });

  it('never sends more than ten ids in one request', async () => {
    const ids = Array.from({ length: 12 }, (_, index) => `33LPM00000${String(index).padStart(2, '0')}`);
    const first = fixtures.replay(
      (scope) => scope.get('/shipping/v1/track').query({ tracking_ids: ids.slice(0, 10).join(',') }),
      { body: JSON.stringify({ tracking_results: [] }) },
      { status: 200 },
    );
    const second = fixtures.replay(
      (scope) => scope.get('/shipping/v1/track').query({ tracking_ids: ids.slice(10).join(',') }),
      { body: JSON.stringify({ tracking_results: [] }) },
      { status: 200 },
    );
    const outcomes = await adapter().track(ids);
    expect(first.isDone() && second.isDone()).toBe(true);
    // An answer without a result for an id is not a claim that the id is unknown.
    expect(outcomes.every((outcome) => !outcome.ok && outcome.error.code === 'bad_response')).toBe(true);
  });

  const families: Array<[string, string, string, string | null]> = [
    ['composed-pre-transit.json', '33LPM0000001', 'info_received', 'label_created'],
    ['composed-in-transit.json', '33LPM0000002', 'in_transit', 'in_transit'],
    ['composed-out-for-delivery.json', '33LPM0000003', 'out_for_delivery', 'out_for_delivery'],
    ['composed-failed-attempt.json', '33LPM0000004', 'attempt_failed', 'attempt_failed_recipient_absent'],
    ['composed-awaiting-collection.json', '33LPM0000005', 'available_for_pickup', 'held_at_carrier_facility'],
    ['composed-delivered-signed.json', '33LPM0000006', 'delivered', 'signature_obtained'],
    ['composed-exception-damaged.json', '33LPM0000007', 'exception', 'damaged'],
    ['composed-returned.json', '33LPM0000008', 'returned', 'returned_to_sender'],
  ];
  it.each(families)('%s → %s', async (name, id, status, substatus) => {
    const shipment = shipmentOf((await track([id], name))[0]);
    expect(shipment.status).toBe(status);
    expect(shipment.substatus).toBe(substatus);
    expect(shipment.events.every((event) => !event.unmapped)).toBe(true);
  });

  it('keeps an unknown description as an unmapped event with its text', async () => {
    const shipment = shipmentOf((await track(['33LPM0000009'], 'composed-unknown-description.json'))[0]);
    expect(shipment.events[0]).toMatchObject({ status: 'unknown', unmapped: true, description: 'Parcel redirected via Parcel Connect' });
    expect(shipment.status).toBe('in_transit');
  });

  it('reads a consignment as one shipment whose parcels keep their article ids, delivered only when every parcel is', async () => {
    const shipment = shipmentOf((await track(['2JD000000001'], 'composed-consignment-two-parcels.json'))[0]);
    expect(shipment.events).toHaveLength(4);
    expect(new Set(shipment.events.map((event) => event.raw.codes.articleId))).toEqual(
      new Set(['2JD000000001000010101', '2JD000000001000020102']),
    );
    expect(shipment.status).toBe('out_for_delivery');
    expect(shipment.deliveredAt).toBeNull();
  });

  it('a 401 is auth_failed for every id, with no secret in the error', async () => {
    const outcomes = await track(['33LPM0000001', '33LPM0000002'], 'composed-401-unauthorized.json', 401);
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error.code).toBe('auth_failed');
      expect(JSON.stringify(outcome.error)).not.toContain(PASSWORD);
    }
  });

  it('names all three settings and their environment variables when credentials are missing', async () => {
    const [outcome] = await createAusPost({ baseUrl: ORIGIN, apiKey: '', password: '', accountNumber: '' }).track(['33LPM0000001']);
    expect(outcome!.ok).toBe(false);
    if (outcome!.ok) return;
    expect(outcome!.error.code).toBe('configuration');
    for (const name of ['AUSPOST_API_KEY', 'AUSPOST_PASSWORD', 'AUSPOST_ACCOUNT_NUMBER']) expect(outcome!.error.message).toContain(name);
  });

  it('the default instance points at production and carries the documented batch size', () => {
    expect(ausPost.id).toBe('auspost');
    expect(createAusPost.carrier.baseUrl).toBe(AUSPOST_PRODUCTION_BASE_URL);
    expect(ausPost.capabilities.maxNumbersPerRequest).toBe(10);
  });
});
