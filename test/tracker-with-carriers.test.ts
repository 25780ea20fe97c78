import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracker, type Tracker } from '@wismo/core';
import { createDhl } from '@wismo/carrier-dhl';
import { createFedex } from '@wismo/carrier-fedex';
import { createUps } from '@wismo/carrier-ups';
import { createUsps } from '@wismo/carrier-usps';
import { startReplayCarriers, type RunningSandbox } from './support/replay-carriers';

// The four real adapters, over real HTTP on loopback, against servers that replay the carriers' payloads.
describe('tracker with the four carrier adapters', () => {
  let sandbox: RunningSandbox;
  let tracker: Tracker;

  beforeAll(async () => {
    sandbox = await startReplayCarriers();
    const credentials = { clientId: 'integration-client', clientSecret: 'integration-secret-value' };
    tracker = createTracker({
      carriers: [
        createUps({ ...credentials, baseUrl: sandbox.baseUrls.ups }),
        createFedex({ ...credentials, baseUrl: sandbox.baseUrls.fedex }),
        createUsps({ ...credentials, baseUrl: sandbox.baseUrls.usps }),
        createDhl({ apiKey: 'integration-api-key', baseUrl: sandbox.baseUrls.dhl, rateLimit: { requests: 50, intervalMs: 1000 } }),
      ],
    });
  });
  afterAll(() => sandbox.close());

  it('tracks every replayed number of every carrier to a shipment', async () => {
    const items = Object.entries(sandbox.numbers).flatMap(([carrier, numbers]) =>
      numbers.map((trackingNumber) => ({ trackingNumber, carrier })),
    );
    expect(items.length).toBeGreaterThan(30);
    const outcomes = await tracker.trackMany(items);
    const failures = outcomes
      .filter((outcome) => !outcome.ok)
      .map((outcome) => `${outcome.carrier} ${outcome.trackingNumber}: ${outcome.error?.message}`);
    expect(failures).toEqual([]);
    outcomes.forEach((outcome, index) => expect(outcome.shipment?.carrier).toBe(items[index]!.carrier));
  });

  it('routes numbers to their carrier by detection when none is given', async () => {
    const shipments = await Promise.all([
      tracker.track('1z 1442 yy72 2901 4688'), // UPS sample of the official Postman collection, spaced and lower case as people paste it
      tracker.track('470800204932'), // DHL Paket, 12 digits with its 4-9 check digit (the real German sample)
      tracker.track('9400 1091 0425 0532 9085 87'), // USPS IMpb of the real parcel-locker sample
      tracker.track('776094337676'), // FedEx Express 12 digits (mod 11 check)
    ]);
    expect(shipments.map((shipment) => shipment.carrier)).toEqual(['ups', 'dhl', 'usps', 'fedex']);
    expect(shipments[0]!.trackingNumber).toBe('1Z1442YY7229014688');
  });

  it('a caller-supplied carrier wins over detection, and unknown numbers are typed not_found', async () => {
    await expect(tracker.track('470800204932', { carrier: 'ups' })).rejects.toMatchObject({ code: 'not_found', carrierId: 'ups' });
    const outcomes = await tracker.trackMany([
      { trackingNumber: '123456789012', carrier: 'fedex' },
      { trackingNumber: '9400100000000000000000', carrier: 'usps' },
      { trackingNumber: 'JJD000000000000000', carrier: 'dhl' },
    ]);
    expect(outcomes.map((outcome) => outcome.error?.code)).toEqual(['not_found', 'not_found', 'not_found']);
  });
});
