import { createTracker } from '@wismo/core';
import { createWismoServer, type WismoServer } from '@wismo/server';
import { createStore, type Store } from '@wismo/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRAND } from '../../server/src/__fixtures__/server-fixtures';
import { testEngines, type TestDatabase } from '../../store/src/__fixtures__/test-stores';
import { createBridgeReceivers } from './create-bridge-receivers';
import {
  AFTERSHIP_SECRET,
  AFTERSHIP_SIGNATURE,
  EASYPOST_SECRET,
  EASYPOST_V2_PATH,
  EASYPOST_V2_SIGNATURE,
  EASYPOST_V2_TIMESTAMP,
  fixtureBytes,
  SEVENTEEN_TRACK_KEY,
  SEVENTEEN_TRACK_SIGN,
  SHIP24_SECRET,
  tampered,
} from './__fixtures__/bridge-fixtures';

const BASE = 'http://wismo.test';
/** Five seconds after EasyPost's signed X-Timestamp, so its v2 window holds. */
const NOW = new Date('2026-12-05T13:10:10Z');
const ENVIRONMENT = {
  WISMO_AFTERSHIP_WEBHOOK_SECRET: AFTERSHIP_SECRET,
  WISMO_EASYPOST_WEBHOOK_SECRET: EASYPOST_SECRET,
  WISMO_SHIP24_WEBHOOK_SECRET: SHIP24_SECRET,
  WISMO_17TRACK_API_KEY: SEVENTEEN_TRACK_KEY,
};

/** Each vendor's signed delivery: the fixture bytes with the openssl-computed headers. */
const DELIVERIES = [
  {
    source: 'aftership',
    fixture: 'aftership-tracking-update.json',
    headers: { 'aftership-hmac-sha256': AFTERSHIP_SIGNATURE },
    carrier: 'ups',
    number: '1Z999AA10123456784',
    status: 'out_for_delivery',
  },
  {
    source: 'easypost',
    fixture: 'easypost-tracker-updated.json',
    headers: { 'x-timestamp': EASYPOST_V2_TIMESTAMP, 'x-path': EASYPOST_V2_PATH, 'x-hmac-signature-v2': EASYPOST_V2_SIGNATURE },
    carrier: 'usps',
    number: '9400100000000000000000',
    status: 'delivered',
  },
  {
    source: 'ship24',
    fixture: 'ship24-tracking-events.json',
    headers: { authorization: `Bearer ${SHIP24_SECRET}` },
    carrier: 'dhl',
    number: '00340434161094042557',
    status: 'out_for_delivery',
  },
  {
    source: '17track',
    fixture: 'seventeen-track-tracking-updated.json',
    headers: { sign: SEVENTEEN_TRACK_SIGN },
    // China Post (17TRACK carrier 3011) hands over to USPS (21051), which wismo can poll.
    carrier: 'usps',
    number: 'RR123456785CN',
    status: 'in_transit',
  },
] as const;

describe.each(testEngines())(
  'aggregator bridges end to end (signed webhook → POST /webhooks/aggregators/{source} → store) on $name',
  (engine) => {
    let database: TestDatabase;
    let store: Store;
    let server: WismoServer;
    let now = NOW;

    const post = (source: string, body: Uint8Array, headers: Record<string, string>) =>
      server.app.request(`${BASE}/webhooks/aggregators/${source}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: Buffer.from(body),
      });

    beforeAll(async () => {
      if (!engine.available) return;
      database = engine.create();
      store = await createStore({ url: database.url, clock: () => now, random: () => 0.5 });
      server = createWismoServer({
        tracker: createTracker({ carriers: [] }),
        store,
        apiKeys: ['wk_test_bridges_0123456789'],
        brand: BRAND,
        now: () => now,
        push: { receivers: createBridgeReceivers(ENVIRONMENT) },
      });
      for (const delivery of DELIVERIES) await store.shop().watch(delivery.number, { carrier: delivery.carrier });
    });
    afterAll(async () => {
      await store?.close();
      await database?.drop();
    });
    if (!engine.available) {
      it.skip(`${engine.name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
      return;
    }

    it.each(DELIVERIES)('$source: a signed delivery changes the stored tracking; its replay is a duplicate', async (delivery) => {
      const body = fixtureBytes(delivery.fixture);
      const response = await post(delivery.source, body, delivery.headers);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ received: true, duplicate: false, applied: 1, rejected: 0 });
      const stored = await store.shop().findTracking(delivery.carrier, delivery.number);
      expect(stored?.status).toBe(delivery.status);
      expect(stored?.watchedBy).toBe('push');
      expect(stored?.shipment?.events.length).toBeGreaterThan(0);

      const replay = await post(delivery.source, body, delivery.headers);
      expect(replay.status).toBe(200);
      expect(await replay.json()).toMatchObject({ duplicate: true, applied: 0 });
    });

    it('refuses tampered bodies and stale EasyPost timestamps with 401 and changes nothing', async () => {
      // Ship24's bearer secret does not sign the body, so only the three signing schemes can catch a tampered one.
      for (const delivery of DELIVERIES.filter((each) => each.source !== 'ship24')) {
        const before = await store.shop().findTracking(delivery.carrier, delivery.number);
        const response = await post(delivery.source, tampered(fixtureBytes(delivery.fixture)), delivery.headers);
        expect(response.status, delivery.source).toBe(401);
        const text = await response.text();
        for (const secret of Object.values(ENVIRONMENT)) expect(text).not.toContain(secret);
        expect((await store.shop().findTracking(delivery.carrier, delivery.number))?.updatedAt).toBe(before?.updatedAt);
      }
      const easypost = DELIVERIES[1];
      now = new Date(NOW.getTime() + 10 * 60_000);
      try {
        const stale = await post('easypost', fixtureBytes(easypost.fixture), easypost.headers);
        expect(stale.status).toBe(401);
        expect(await stale.json()).toMatchObject({ detail: expect.stringContaining('tolerance') });
      } finally {
        now = NOW;
      }
      const wrongBearer = await post('ship24', fixtureBytes(DELIVERIES[2].fixture), { authorization: 'Bearer not-the-secret' });
      expect(wrongBearer.status).toBe(401);
    });
  },
);
