import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { createFixtureReplay, isolateNetwork, type ReplayBody } from '@wismo/core/testing';
import { describe, expect, it } from 'vitest';
import { createLaposte, laposte, laposteLanguage } from './laposte-adapter';

const ORIGIN = 'https://laposte.fixtures.test';
const API_KEY = 'fixture-okapi-key-51f0c2';
const FETCHED_AT = new Date('2026-03-26T12:00:30.000Z');

const fixtures = createFixtureReplay({ fixturesDirectory: new URL('./__fixtures__/', import.meta.url), origin: ORIGIN });

function adapter(settings: Parameters<typeof createLaposte>[0] = {}) {
  return createLaposte({ apiKey: API_KEY, baseUrl: ORIGIN, clock: () => FETCHED_AT, retries: 0, rateLimit: false, ...settings });
}

/** One Suivi v2 call for these ids, answered with a fixture; checks the key header and the language. */
function replay(ids: string, name: ReplayBody, status = 200, lang = 'fr_FR', headers?: Record<string, string>) {
  return fixtures.replay(
    (scope) =>
      scope.get(`/suivi/v2/idships/${ids}`).query({ lang }).matchHeader('x-okapi-key', API_KEY).matchHeader('accept', 'application/json'),
    name,
    { status, headers },
  );
}

async function trackFixture(trackingNumber: string, name: ReplayBody, status = 200): Promise<TrackOutcome> {
  const scope = replay(trackingNumber, name, status);
  const outcomes = await adapter().track([trackingNumber]);
  expect(scope.isDone()).toBe(true);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

function shipmentOf(outcome: TrackOutcome): Shipment {
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

function timeline(shipment: Shipment) {
  return shipment.events.map((event) => `${event.raw.code} ${event.status}/${event.substatus}`);
}

isolateNetwork();

describe('the recorded samples, replayed', () => {
  it('delivered-colissimo-suivi-v2: delivered to Brazil, nine events with offsets, newest first', async () => {
    const shipment = shipmentOf(await trackFixture('EW112720413FR', 'delivered-colissimo-suivi-v2.json'));
    expect(shipment.status).toBe('delivered');
    expect(timeline(shipment)).toEqual([
      'DI1 delivered/delivered',
      'MD2 out_for_delivery/out_for_delivery',
      'ET1 in_transit/in_transit',
      'ET3 in_transit/arrived_in_destination_country',
      'ET2 in_transit/in_transit',
      'ET1 in_transit/in_transit',
      'ET1 in_transit/in_transit',
      'PC1 in_transit/picked_up',
      'DR1 info_received/label_created',
    ]);
    // Every time carries La Poste's offset: instants, the wall clock kept beside them.
    expect(shipment.events.every((event) => event.timeKind === 'instant' && event.occurredAt?.endsWith('+01:00'))).toBe(true);
    expect(shipment.events[5]).toMatchObject({ occurredAt: '2023-02-18T07:34:12+01:00', localTime: '2023-02-18T07:34:12' });
    expect(shipment.deliveredAt).toEqual({
      occurredAt: '2023-03-09T09:38:00+01:00',
      localTime: '2023-03-09T09:38:00',
      timeKind: 'instant',
    });
    // Delivered: no estimate any more, although the answer still has estimDate.
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.service).toEqual({ code: 'Colissimo', name: 'colissimo' });
    expect(shipment.origin?.countryCode).toBe('FR');
    expect(shipment.destination?.countryCode).toBe('BR');
    expect(shipment.trackingUrl).toBe('https://www.laposte.fr/outils/suivre-vos-envois?code=EW112720413FR');
    expect(shipment.events[0]!.description).toBe('Votre colis est livré.');
    expect(shipment).toMatchSnapshot();
  });

  it('error-400-invalid-number: invalid_number with La Poste words, nothing thrown', async () => {
    // The sample's idShip is a 64-character string; a 13-character one that La Poste refused gets the same body.
    const outcome = await trackFixture('6A15602676300', 'error-400-invalid-number.json', 400);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('invalid_number');
    expect(outcome.error.httpStatus).toBe(400);
    expect(outcome.error.carrierCodes).toEqual(['400']);
    expect(outcome.error.message).toContain('n’est pas valide');
  });
});

describe('composed fixtures, one per status family', () => {
  const cases: Array<[string, string, string, string]> = [
    ['6A26000000011', 'composed-pre-transit-label-created.json', 'info_received', 'label_created'],
    ['CB260000003FR', 'composed-in-transit-customs.json', 'in_transit', 'customs_cleared'],
    ['6A26000000022', 'composed-out-for-delivery-window.json', 'out_for_delivery', 'out_for_delivery'],
    ['6A26000000033', 'composed-failed-attempt-non-distribuable.json', 'attempt_failed', 'attempt_failed'],
    ['6A26000000044', 'composed-ready-for-pickup-post-office.json', 'available_for_pickup', 'held_at_carrier_facility'],
    ['6A26000000055', 'composed-exception-problem.json', 'exception', 'carrier_exception'],
    ['6A26000000066', 'composed-returned-to-sender.json', 'returned', 'returned_to_sender'],
  ];
  for (const [number, name, status, substatus] of cases) {
    it(`${name}: ${status}/${substatus}`, async () => {
      const shipment = shipmentOf(await trackFixture(number, name));
      expect([shipment.status, shipment.substatus]).toEqual([status, substatus]);
      expect(shipment.events.every((event) => !event.unmapped)).toBe(true);
      expect(shipment).toMatchSnapshot();
    });
  }

  it('out for delivery: the estimHourMin–estimHourMax window as instants', async () => {
    const shipment = shipmentOf(await trackFixture('6A26000000022', 'composed-out-for-delivery-window.json'));
    expect(shipment.estimatedDelivery).toEqual({
      from: '2026-03-26T12:00:00+01:00',
      to: '2026-03-26T14:00:00+01:00',
      timeKind: 'instant',
      source: 'carrier',
      confidence: null,
    });
  });

  it('in transit abroad: customs events at the destination offset (-04:00), estimDate alone as the estimate', async () => {
    const shipment = shipmentOf(await trackFixture('CB260000003FR', 'composed-in-transit-customs.json'));
    expect(shipment.events[0]).toMatchObject({
      raw: { code: 'DO2' },
      occurredAt: '2026-03-27T08:40:00-04:00',
      localTime: '2026-03-27T08:40:00',
    });
    expect(shipment.estimatedDelivery).toMatchObject({
      from: '2026-03-31T00:00:00-04:00',
      to: '2026-03-31T00:00:00-04:00',
      timeKind: 'instant',
    });
    expect(shipment.destination?.countryCode).toBe('CA');
  });

  it('ready for pickup: the post office (removalPoint) is the destination', async () => {
    const shipment = shipmentOf(await trackFixture('6A26000000044', 'composed-ready-for-pickup-post-office.json'));
    expect(shipment.destination).toMatchObject({ countryCode: 'FR', raw: 'LYON CROIX ROUSSE BP BDP' });
    expect(shipment.proofOfDelivery.deliveryLocation).toBe('LYON CROIX ROUSSE BP BDP');
  });

  it('returned: the delivery back to the sender (DI2) is when it ended, direction return', async () => {
    const shipment = shipmentOf(await trackFixture('6A26000000066', 'composed-returned-to-sender.json'));
    expect(shipment.direction).toBe('return');
    expect(shipment.deliveredAt?.occurredAt).toBe('2026-04-14T10:20:00+02:00');
  });

  it('an undocumented code stays unknown, unmapped, raw code kept; the others still map', async () => {
    const shipment = shipmentOf(await trackFixture('6A26000000077', 'composed-unknown-code.json'));
    expect(shipment.events[0]).toMatchObject({ status: 'unknown', unmapped: true, raw: { code: 'ZZ9' } });
    expect(shipment.status).toBe('in_transit');
  });
});

describe('several ids in one call, errors', () => {
  it('207: one call for two ids, each gets its own answer', async () => {
    const scope = replay('6A26000000022,6A26000000404', 'composed-207-found-and-not-found.json', 207);
    const outcomes = await adapter().track(['6a26000000022', '6A 2600 0000 404']);
    expect(scope.isDone()).toBe(true);
    // Relabelled to the numbers as written.
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok ? outcome.shipment.status : outcome.error.code])).toEqual([
      ['6a26000000022', 'in_transit'],
      ['6A 2600 0000 404', 'not_found'],
    ]);
  });

  it('eleven ids: two calls of at most ten', async () => {
    const numbers = Array.from({ length: 11 }, (_, index) => `6A2600000${String(1000 + index)}`);
    const first = replay(numbers.slice(0, 10).join(','), { body: JSON.stringify([]) }, 207);
    const second = replay(numbers[10]!, { body: JSON.stringify([]) }, 207);
    const outcomes = await adapter().track(numbers);
    expect(first.isDone() && second.isDone()).toBe(true);
    // An answer without an entry for a number is a typed error for it, never a silent drop.
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code))).toEqual(Array(11).fill('bad_response'));
  });

  it('404 returnCode 104: not found, La Poste words and code kept', async () => {
    const outcome = await trackFixture('6A26000000404', 'composed-404-not-yet-available.json', 404);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code: 'not_found', httpStatus: 404, carrierCodes: ['104'], retryable: false });
    expect(outcome.error.message).toContain('pas encore disponible');
  });

  it('404 with an HTML page: still not found', async () => {
    const outcome = await trackFixture('6A26000000404', 'composed-502-gateway.html', 404);
    expect(!outcome.ok && outcome.error.code).toBe('not_found');
  });

  it('401: auth_failed for every number, the key nowhere in the error', async () => {
    const scope = replay('6A26000000022,6A26000000033', 'composed-401-okapi-invalid-key.json', 401);
    const outcomes = await adapter().track(['6A26000000022', '6A26000000033']);
    expect(scope.isDone()).toBe(true);
    for (const outcome of outcomes) {
      expect(!outcome.ok && outcome.error.code).toBe('auth_failed');
      expect(JSON.stringify(outcome)).not.toContain(API_KEY);
    }
  });

  it('429 without Retry-After: waits for the next minute (the quota window), then rate_limited when retries are spent', async () => {
    const scope = replay('6A26000000022', 'composed-429-quota.json', 429);
    const [outcome] = await adapter({ clock: () => new Date('2026-03-26T12:00:59.990Z') }).track(['6A26000000022']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.ok).toBe(false);
    if (outcome!.ok) return;
    expect(outcome!.error).toMatchObject({ code: 'rate_limited', retryable: true });
    expect(outcome!.error.message).toContain('max quota reached 100 calls per minute');
    expect(outcome!.error.retryAfterMs).toBe(10);
  });

  it('an HTML page with 200: bad_response, not a crash', async () => {
    const outcome = await trackFixture('6A26000000022', 'composed-502-gateway.html', 200);
    expect(!outcome.ok && outcome.error.code).toBe('bad_response');
  });

  it('502 gateway page: carrier_unavailable (retryable)', async () => {
    const outcome = await trackFixture('6A26000000022', 'composed-502-gateway.html', 502);
    expect(!outcome.ok && [outcome.error.code, outcome.error.retryable]).toEqual(['carrier_unavailable', true]);
  });

  it('a number that cannot be a La Poste id is refused before sending, the others still go', async () => {
    const scope = replay('6A26000000022', 'composed-out-for-delivery-window.json');
    const outcomes = await adapter().track(['6A26000000022', 'not/a-number', 'ABC']);
    expect(scope.isDone()).toBe(true);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code))).toEqual(['ok', 'invalid_number', 'invalid_number']);
  });
});

describe('settings', () => {
  it('the language: the call locale converted to one La Poste speaks, X-Forwarded-For when given', async () => {
    const scope = fixtures.replay(
      (interceptor) =>
        interceptor
          .get('/suivi/v2/idships/6A26000000022')
          .query({ lang: 'en_GB' })
          .matchHeader('x-forwarded-for', '203.0.113.7')
          .matchHeader('x-okapi-key', API_KEY),
      'composed-out-for-delivery-window.json',
    );
    const [outcome] = await adapter({ forwardedFor: '203.0.113.7' }).track(['6A26000000022'], { locale: 'en-US' });
    expect(scope.isDone()).toBe(true);
    expect(outcome!.ok).toBe(true);
  });

  it('laposteLanguage: exact, by language, else French', () => {
    expect(['de_DE', 'de-AT', 'en-US', 'nl-BE', 'pt-PT', undefined].map(laposteLanguage)).toEqual([
      'de_DE',
      'de_DE',
      'en_GB',
      'nl_NL',
      'fr_FR',
      'fr_FR',
    ]);
  });

  it('a base URL with the swagger server path is accepted', async () => {
    const scope = replay('6A26000000022', 'composed-out-for-delivery-window.json');
    const [outcome] = await adapter({ baseUrl: `${ORIGIN}/suivi/v2/` }).track(['6A26000000022']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.ok).toBe(true);
  });

  it('no key: one configuration error naming LAPOSTE_API_KEY, for every number; the default instance reads the environment lazily', async () => {
    const previous = process.env.LAPOSTE_API_KEY;
    delete process.env.LAPOSTE_API_KEY;
    try {
      const outcomes = await createLaposte({ baseUrl: ORIGIN }).track(['6A26000000022', '6A26000000033']);
      for (const outcome of outcomes) {
        expect(!outcome.ok && outcome.error.code).toBe('configuration');
        expect(!outcome.ok && outcome.error.message).toContain('LAPOSTE_API_KEY');
      }
      expect(laposte.id).toBe('laposte');
    } finally {
      if (previous !== undefined) process.env.LAPOSTE_API_KEY = previous;
    }
  });
});
