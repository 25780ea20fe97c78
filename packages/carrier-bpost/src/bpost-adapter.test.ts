import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { createFixtureReplay, isolateNetwork, type ReplayBody } from '@wismo/core/testing';
import { describe, expect, it } from 'vitest';
import { createBpost } from './bpost-adapter';

const ORIGIN = 'https://bpost.fixtures.test';
const ACCOUNT_ID = '107423';
const PASSPHRASE = 'fixture-bpost-passphrase-6d1e';
const FETCHED_AT = new Date('2026-01-15T12:00:00.000Z');
const SAMPLE_ITEM = '323212345659900040669030';
const COMPOSED_ITEM = '323299901259900012345630';
const BASIC = `Basic ${Buffer.from(`${ACCOUNT_ID}:${PASSPHRASE}`).toString('base64')}`;

const fixtures = createFixtureReplay({ fixturesDirectory: new URL('./__fixtures__/', import.meta.url), origin: ORIGIN });

function adapter(settings: Parameters<typeof createBpost>[0] = {}) {
  return createBpost({
    accountId: ACCOUNT_ID,
    passphrase: PASSPHRASE,
    baseUrl: ORIGIN,
    clock: () => FETCHED_AT,
    retries: 0,
    rateLimit: false,
    ...settings,
  });
}

function replay(itemCode: string, body: ReplayBody, status = 200) {
  return fixtures.replay(
    (scope) => scope.get(`/services/trackedmail/item/${itemCode}/trackingInfo`).matchHeader('authorization', BASIC),
    body,
    { status },
  );
}

async function trackFixture(name: ReplayBody, itemCode = COMPOSED_ITEM, status = 200): Promise<TrackOutcome> {
  const scope = replay(itemCode, name, status);
  const outcomes = await adapter().track([itemCode]);
  expect(scope.isDone()).toBe(true);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

function shipmentOf(outcome: TrackOutcome): Shipment {
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

isolateNetwork();

describe('the recorded samples (karrio)', () => {
  it('itemTracking-delivered: oldest-first states, the last one decides; instants with their offset', async () => {
    const shipment = shipmentOf(await trackFixture('itemTracking-delivered.xml', SAMPLE_ITEM));
    expect([shipment.status, shipment.substatus]).toEqual(['delivered', 'delivered']);
    expect(shipment.events.map((event) => [event.raw.code, event.status, event.occurredAt, event.localTime, event.timeKind])).toEqual([
      ['U01', 'delivered', '2012-11-23T09:31:07+01:00', '2012-11-23T09:31:07', 'instant'],
      // L00 is out for delivery (bpost: BoundToRound - out_for_distribution), not karrio's "on hold".
      ['L00', 'out_for_delivery', '2012-11-23T07:11:18+01:00', '2012-11-23T07:11:18', 'instant'],
      ['T00', 'in_transit', '2012-11-22T23:19:29+01:00', '2012-11-22T23:19:29', 'instant'],
    ]);
    expect(shipment.deliveredAt).toEqual({
      occurredAt: '2012-11-23T09:31:07+01:00',
      localTime: '2012-11-23T09:31:07',
      timeKind: 'instant',
    });
    expect(shipment.origin).toMatchObject({ city: 'BRUSSELS', postalCode: '1000', countryCode: 'BE' });
    // Sent to a bpost pickup point: that is where it goes.
    expect(shipment.destination).toMatchObject({
      city: 'IXELLES / ELSENE',
      postalCode: '1050',
      raw: 'LIBRAIRIE WILSON, RUE WASHINGTON / WASHINGTONSTRAAT 66, 1050 IXELLES / ELSENE',
    });
    expect(shipment.trackingUrl).toBe('https://track.bpost.cloud/btr/web/#/search?itemCode=323212345659900040669030&lang=EN');
    expect(shipment).toMatchSnapshot();
  });

  it.each([200, 500])('systemException (HTTP %i): carrier_unavailable, retryable, with bpost’s words', async (status) => {
    const outcome = await trackFixture('systemException.xml', SAMPLE_ITEM, status);
    expect(outcome.error).toMatchObject({ code: 'carrier_unavailable', retryable: true, httpStatus: status });
    expect(outcome.error!.message).toContain('An unexpected error occurred while executing the request!');
  });
});

describe('composed fixtures, one per status family', () => {
  it.each([
    ['composed-pre-transit-no-state.xml', 'info_received', 'label_created'],
    ['composed-in-transit-sorted-window.xml', 'in_transit', 'arrived_at_facility'],
    ['composed-out-for-delivery.xml', 'out_for_delivery', 'out_for_delivery'],
    ['composed-failed-attempt.xml', 'attempt_failed', 'attempt_failed'],
    ['composed-ready-for-pickup-parcel-point.xml', 'available_for_pickup', 'arrived_at_pickup_point'],
    ['composed-exception-held.xml', 'exception', 'held_by_carrier'],
  ])('%s → %s/%s', async (name, status, substatus) => {
    const shipment = shipmentOf(await trackFixture(name));
    expect([shipment.status, shipment.substatus]).toEqual([status, substatus]);
    expect(shipment).toMatchSnapshot();
  });

  it('the planned delivery window is the estimate, as instants', async () => {
    const shipment = shipmentOf(await trackFixture('composed-out-for-delivery.xml'));
    expect(shipment.estimatedDelivery).toEqual({
      from: '2025-11-04T09:00:00+01:00',
      to: '2025-11-04T13:00:00+01:00',
      timeKind: 'instant',
      source: 'carrier',
      confidence: null,
    });
  });

  it('an unknown state code is kept unmapped with its code and words', async () => {
    const shipment = shipmentOf(await trackFixture('composed-unknown-code.xml'));
    expect(shipment.events[0]).toMatchObject({
      status: 'unknown',
      unmapped: true,
      raw: { code: 'Z99' },
      description: 'Composed - code absent from the table',
    });
  });

  it.each([
    [{ body: '' }, 200, 'not_found'],
    [{ body: 'No item found for this barcode' }, 404, 'not_found'],
    ['composed-business-exception.xml', 400, 'bad_response'],
    [{ body: '<?xml version="1.0"?><somethingElse/>' }, 200, 'bad_response'],
  ] as const)('%j (HTTP %i) → %s', async (body, status, code) => {
    const outcome = await trackFixture(body as ReplayBody, COMPOSED_ITEM, status);
    expect(outcome.error?.code).toBe(code);
  });

  it('a business exception keeps its code', async () => {
    const outcome = await trackFixture('composed-business-exception.xml', COMPOSED_ITEM, 400);
    expect(outcome.error).toMatchObject({ carrierCodes: ['COMPOSED_INVALID_ITEM_CODE'], retryable: false });
  });
});

describe('numbers, credentials and errors', () => {
  it('sends the item code without spaces, upper case, and keeps the caller’s spelling', async () => {
    replay('CE123456785BE', 'composed-out-for-delivery.xml');
    const [outcome] = await adapter().track(['ce 1234 5678 5be']);
    expect(outcome).toMatchObject({ trackingNumber: 'ce 1234 5678 5be', ok: true });
  });

  it('refuses a malformed code without a request', async () => {
    const [outcome] = await adapter().track(['12/34']);
    expect(outcome!.error?.code).toBe('invalid_number');
  });

  it('a 401 is auth_failed and never shows the passphrase', async () => {
    const outcome = await trackFixture({ body: '<html><body>401 Unauthorized</body></html>' }, COMPOSED_ITEM, 401);
    expect(outcome.error).toMatchObject({ code: 'auth_failed', retryable: false });
    expect(JSON.stringify(outcome.error)).not.toContain(PASSPHRASE);
  });

  it('without credentials: one configuration error naming the variables', async () => {
    const saved = { id: process.env.BPOST_ACCOUNT_ID, passphrase: process.env.BPOST_PASSPHRASE };
    delete process.env.BPOST_ACCOUNT_ID;
    delete process.env.BPOST_PASSPHRASE;
    try {
      const [outcome] = await createBpost({ baseUrl: ORIGIN }).track([COMPOSED_ITEM]);
      expect(outcome!.error?.code).toBe('configuration');
      expect(outcome!.error?.message).toContain('BPOST_ACCOUNT_ID and BPOST_PASSPHRASE');
    } finally {
      if (saved.id !== undefined) process.env.BPOST_ACCOUNT_ID = saved.id;
      if (saved.passphrase !== undefined) process.env.BPOST_PASSPHRASE = saved.passphrase;
    }
  });
});
