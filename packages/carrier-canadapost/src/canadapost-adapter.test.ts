import { readFileSync } from 'node:fs';
import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { createFixtureReplay, isolateNetwork } from '@wismo/core/testing';
import { describe, expect, it } from 'vitest';
import { canadaPost, canadaPostLanguage, createCanadaPost } from './canadapost-adapter';
import { CANADAPOST_PRODUCTION_BASE_URL } from './canadapost-carrier';
import { unwrapKarrioSample } from './__fixtures__/unwrap-karrio-sample';

const ORIGIN = 'https://canadapost.fixtures.test';
const USERNAME = 'fixture-canadapost-user';
const PASSWORD = 'fixture-canadapost-password-5a9b';
const FETCHED_AT = new Date('2026-03-10T00:00:00.000Z');
const BASIC = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`;

const fixtures = createFixtureReplay({ fixturesDirectory: new URL('./__fixtures__/', import.meta.url), origin: ORIGIN });

function body(name: string): { body: string } {
  return { body: unwrapKarrioSample(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) };
}

async function track(pin: string, name: string, status = 200, locale?: string): Promise<TrackOutcome> {
  const scope = fixtures.replay(
    (nockScope) =>
      nockScope
        .get(`/vis/track/pin/${pin}/detail`)
        .matchHeader('authorization', BASIC)
        .matchHeader('accept', 'application/vnd.cpc.track-v2+xml')
        .matchHeader('accept-language', canadaPostLanguage(locale)),
    body(name),
    { status, headers: { 'Content-Type': 'application/vnd.cpc.track-v2+xml' } },
  );
  const [outcome] = await createCanadaPost({
    username: USERNAME,
    password: PASSWORD,
    baseUrl: ORIGIN,
    clock: () => FETCHED_AT,
    retries: 0,
    rateLimit: false,
  }).track([pin], { locale });
  expect(scope.isDone()).toBe(true);
  return outcome!;
}

function shipmentOf(outcome: TrackOutcome): Shipment {
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

describe('Canada Post adapter against recorded and composed answers', () => {
  isolateNetwork();

  it('reads the recorded tracking detail: zero-padded identifiers, EST instants, unordered events, signatory', async () => {
    const shipment = shipmentOf(await track('7023210039414604', 'tracking-detail-delivered.xml'));
    expect(shipment.status).toBe('delivered');
    expect(shipment.substatus).toBe('signature_obtained');
    expect(shipment.events).toHaveLength(6);
    // Sorted newest first although Canada Post listed 1496 (Feb 1) after 0174 (Feb 3).
    expect(shipment.events.map((event) => event.raw.code)).toEqual(['20', '174', '100', '173', '1496', '20']);
    expect(shipment.events[1]).toMatchObject({
      occurredAt: '2011-02-03T08:27:43-05:00',
      timeKind: 'instant',
      status: 'out_for_delivery',
      raw: { codes: { identifier: '0174' } },
    });
    expect(shipment.events[1]!.location).toMatchObject({ city: 'SAINTE-FOY', region: 'QC' });
    expect(shipment.events[3]).toMatchObject({ status: 'in_transit', substatus: 'address_corrected' });
    expect(shipment.signedBy).toBe('HETU');
    expect(shipment.service).toEqual({ code: null, name: 'Expedited Parcels' });
    expect(shipment.destination).toMatchObject({ postalCode: 'K0J1T0', countryCode: 'CA' });
    expect(shipment.events.every((event) => !event.unmapped)).toBe(true);
    expect(shipment).toMatchSnapshot();
  });

  it('004 No Pin History is not_found', async () => {
    const outcome = await track('1371134583769923', 'error-004-no-pin-history.xml', 404);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: 'not_found', carrierCodes: ['004'] });
  });

  it('E002 is auth_failed even when it does not come with 401, and never shows the password', async () => {
    const outcome = await track('1371134583769923', 'error-E002-auth-failure.xml', 400);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error).toMatchObject({ code: 'auth_failed', carrierCodes: ['E002'] });
      expect(JSON.stringify(outcome.error)).not.toContain(PASSWORD);
    }
  });

  it('another message code is a non-retryable bad_response with the code', async () => {
    const outcome = await track('1000000000000001', 'composed-messages-E999-unexpected.xml', 400);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: 'bad_response', retryable: false, carrierCodes: ['9999'] });
  });

  const families: Array<[string, string, string, string]> = [
    ['composed-pre-transit.xml', '1000000000000001', 'info_received', 'label_created'],
    ['composed-in-transit.xml', '1000000000000002', 'in_transit', 'arrived_at_facility'],
    ['composed-delayed-changed-expected-date.xml', '1000000000000003', 'in_transit', 'delayed'],
    ['composed-out-for-delivery.xml', '1000000000000004', 'out_for_delivery', 'out_for_delivery'],
    ['composed-failed-attempt.xml', '1000000000000005', 'attempt_failed', 'attempt_failed'],
    ['composed-ready-for-pickup.xml', '1000000000000006', 'available_for_pickup', 'held_at_carrier_facility'],
    ['composed-delivered-signed.xml', '1000000000000007', 'delivered', 'signature_obtained'],
    ['composed-exception-held.xml', '1000000000000008', 'exception', 'held_by_carrier'],
  ];
  it.each(families)('%s → %s', async (name, pin, status, substatus) => {
    const shipment = shipmentOf(await track(pin, name));
    expect(shipment.status).toBe(status);
    expect(shipment.substatus).toBe(substatus);
    expect(shipment.events.every((event) => !event.unmapped)).toBe(true);
  });

  it('expected-delivery-date is a date estimate; changed-expected-date replaces it', async () => {
    expect(shipmentOf(await track('1000000000000002', 'composed-in-transit.xml')).estimatedDelivery).toEqual({
      from: '2026-03-06',
      to: '2026-03-06',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
    expect(shipmentOf(await track('1000000000000003', 'composed-delayed-changed-expected-date.xml')).estimatedDelivery).toMatchObject({
      from: '2026-03-09',
      to: '2026-03-09',
    });
  });

  it('turns Canadian zone abbreviations into instants (NST is −03:30), falls back to the province, keeps the rest local', async () => {
    const shipment = shipmentOf(await track('1000000000000010', 'composed-time-zones.xml'));
    const byDate = new Map(shipment.events.map((event) => [event.localTime?.slice(0, 10), event]));
    expect(byDate.get('2026-07-02')).toMatchObject({ occurredAt: '2026-07-02T09:00:00-02:30', timeKind: 'instant' });
    expect(byDate.get('2026-01-15')).toMatchObject({ occurredAt: '2026-01-15T09:00:00-03:30', timeKind: 'instant' });
    expect(byDate.get('2026-07-01')).toMatchObject({ occurredAt: '2026-07-01T09:00:00-07:00' });
    // No zone given: Alberta is on Mountain time, daylight saving in June.
    expect(byDate.get('2026-06-30')).toMatchObject({ occurredAt: '2026-06-30T09:00:00-06:00', timeKind: 'instant' });
    // "ISRAEL" is no Canadian zone and there is no province: local wall time, never stamped.
    expect(byDate.get('2026-06-29')).toMatchObject({ occurredAt: null, localTime: '2026-06-29T09:00:00', timeKind: 'local' });
    expect(byDate.get('2026-06-28')).toMatchObject({ occurredAt: '2026-06-28T09:00:00-04:00' });
  });

  it('keeps an unknown identifier as an unmapped event', async () => {
    const shipment = shipmentOf(await track('1000000000000009', 'composed-unknown-code.xml'));
    expect(shipment.events[0]).toMatchObject({ status: 'unknown', unmapped: true, raw: { code: '9999' } });
  });

  it('asks for French with fr-CA and for English otherwise', async () => {
    shipmentOf(await track('1000000000000002', 'composed-in-transit.xml', 200, 'fr-FR'));
    shipmentOf(await track('1000000000000002', 'composed-in-transit.xml', 200, 'de-DE'));
    expect(canadaPostLanguage('fr-CA')).toBe('fr-CA');
    expect(canadaPostLanguage(undefined)).toBe('en-CA');
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html>\n<html><body><h1>Service Unavailable</h1></body></html>\n'],
    [
      'a cut-off body',
      '<tracking-detail xmlns="http://www.canadapost.ca/ws/track-v2">\n    <pin>1000000000000002</pin>\n    <significant-events>\n',
    ],
  ])('%s with HTTP 200 is bad_response', async (_label, text) => {
    const scope = fixtures.replay((nockScope) => nockScope.get('/vis/track/pin/1000000000000002/detail'), { body: text }, { status: 200 });
    const [outcome] = await createCanadaPost({
      username: USERNAME,
      password: PASSWORD,
      baseUrl: ORIGIN,
      retries: 0,
      rateLimit: false,
    }).track(['1000000000000002']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.ok).toBe(false);
    if (!outcome!.ok) expect(outcome!.error.code).toBe('bad_response');
  });

  it('the default instance points at production', () => {
    expect(canadaPost.id).toBe('canadapost');
    expect(createCanadaPost.carrier.baseUrl).toBe(CANADAPOST_PRODUCTION_BASE_URL);
  });
});
