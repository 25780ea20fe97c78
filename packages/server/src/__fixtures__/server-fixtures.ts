import { createHmac } from 'node:crypto';
import {
  AuthFailedError,
  BadResponseError,
  buildShipment,
  CARRIER_ADAPTER_SPECIFICATION_VERSION,
  CarrierUnavailableError,
  createEvent,
  createTracker,
  InvalidNumberError,
  instantTime,
  NotFoundError,
  RateLimitedError,
  type CarrierAdapter,
  type Logger,
  type Tracker,
  type TrackOutcome,
  type WismoError,
} from '@wismo/core';
import { createInMemoryOrderSource, type OrderInput, type OrderSource } from '@wismo/order-view';
import { createSandboxClock, SANDBOX_NUMBERS, startSandboxCarriers, type RunningSandboxCarriers } from '@wismo/testkit';
import { createStore, type Store } from '@wismo/store';
import type { TestDatabase } from '../../../store/src/__fixtures__/test-stores';
import { createWismoServer, type WismoServer, type WismoServerOptions } from '../create-server';
import type { BrandOptions } from '../page/brand';

/** Tuesday morning in Berlin: the sandbox clock stands still here, so dates on pages are fixed. */
export const FIXED_NOW = new Date('2026-03-31T08:00:00Z');

export const API_KEY = 'wk_test_0123456789abcdef';

export const BRAND: BrandOptions = {
  name: 'Nordlicht Outdoor',
  colors: { primary: '#0b5cad', background: '#ffffff', text: '#1f2328' },
  defaultLocale: 'en',
  timeZone: 'Europe/Berlin',
};

/** Numbers of the `acme` fake carrier that fail, by the error they fail with. */
export const ACME = {
  delivered: 'ACME0001',
  notFound: 'ACME0404',
  invalid: 'ACME0422',
  rateLimited: 'ACME0429',
  unavailable: 'ACME0503',
  authFailed: 'ACME0401',
  badResponse: 'ACME0502',
} as const;

/** A secret the fake carrier's auth error quotes: it must never reach a response or a log line unredacted. */
export const CARRIER_SECRET = 'acme-client-secret-8f3b2a91c0d4';

/** An in-memory carrier whose numbers fail in every documented way. */
export function createAcmeCarrier(): CarrierAdapter {
  const failures: Record<string, (number: string) => WismoError> = {
    [ACME.notFound]: (number) => new NotFoundError(`${number} unknown`, { carrierId: 'acme', trackingNumber: number }),
    [ACME.invalid]: (number) => new InvalidNumberError(`${number} invalid`, { carrierId: 'acme', trackingNumber: number }),
    [ACME.rateLimited]: (number) => new RateLimitedError('slow down', { carrierId: 'acme', trackingNumber: number, retryAfterMs: 12_000 }),
    [ACME.unavailable]: (number) => new CarrierUnavailableError('acme is down (503)', { carrierId: 'acme', trackingNumber: number }),
    [ACME.authFailed]: (number) =>
      new AuthFailedError(`acme rejected client_secret=${CARRIER_SECRET}`, { carrierId: 'acme', trackingNumber: number, httpStatus: 401 }),
    [ACME.badResponse]: (number) => new BadResponseError('acme sent <html>', { carrierId: 'acme', trackingNumber: number }),
  };
  return {
    specificationVersion: CARRIER_ADAPTER_SPECIFICATION_VERSION,
    id: 'acme',
    name: 'Acme Parcel',
    contact: { default: { phone: '+1 555 0100', url: 'https://acme.example/help' } },
    capabilities: {
      maxNumbersPerRequest: 10,
      rateLimit: { requests: 1000, intervalMs: 1000 },
      webhooks: false,
      proofOfDelivery: false,
      estimatedDelivery: false,
    },
    trackingUrl: (number) => `https://acme.example/track/${number}`,
    async track(numbers): Promise<TrackOutcome[]> {
      return numbers.map((trackingNumber) => {
        const failure = failures[trackingNumber];
        if (failure) return { trackingNumber, ok: false, error: failure(trackingNumber) };
        if (trackingNumber !== ACME.delivered)
          return { trackingNumber, ok: false, error: new NotFoundError('unknown', { carrierId: 'acme', trackingNumber }) };
        const event = createEvent({
          time: instantTime('2026-03-30T10:00:00', '+02:00'),
          code: 'DL',
          description: 'Delivered',
          mapped: { status: 'delivered' },
        });
        return {
          trackingNumber,
          ok: true,
          shipment: buildShipment({ carrier: 'acme', trackingNumber, events: [event], fetchedAt: FIXED_NOW }),
        };
      });
    },
  };
}

export function testOrders(): OrderInput[] {
  return [
    {
      id: 'ord_1001',
      number: '1001',
      placedAt: '2026-03-27T09:12:00+01:00',
      customer: { id: 'cus_1', name: 'Anna Schmidt', email: 'anna.schmidt@example.de', locale: 'de-DE', timeZone: 'Europe/Berlin' },
      shippingAddress: { city: 'Leipzig', region: 'SN', postalCode: '04109', countryCode: 'DE' },
      items: [{ id: 'li_1', name: 'Trailrunner GTX, Gr. 42', quantity: 1 }],
      shipments: [
        { id: 'ful_1', carrier: 'dhl', trackingNumber: SANDBOX_NUMBERS.dhl.in_transit, items: [{ itemId: 'li_1', quantity: 1 }] },
      ],
    },
    {
      id: 'ord_1002',
      number: 'US-1002',
      placedAt: '2026-03-25T14:00:00-04:00',
      customer: { id: 'cus_2', name: 'Jordan Lee', email: 'jordan@example.com', locale: 'en-US', timeZone: 'America/New_York' },
      shippingAddress: { city: 'Seattle', region: 'WA', postalCode: '98101', countryCode: 'US' },
      items: [
        { id: 'li_a', name: 'Down jacket', quantity: 1 },
        { id: 'li_b', name: 'Wool beanie <b>limited</b>', quantity: 2 },
      ],
      shipments: [
        { id: 'ful_a', carrier: 'ups', trackingNumber: SANDBOX_NUMBERS.ups.delivered, items: [{ itemId: 'li_a', quantity: 1 }] },
        { id: 'ful_b', carrier: 'usps', trackingNumber: SANDBOX_NUMBERS.usps.out_for_delivery, items: [{ itemId: 'li_b', quantity: 2 }] },
      ],
    },
  ];
}

export interface TestSetup {
  sandbox: RunningSandboxCarriers;
  tracker: Tracker;
  carriers: CarrierAdapter[];
  orders: OrderSource;
  logLines: string[];
  logger: Logger;
  close(): Promise<void>;
}

/** The testkit's four sandbox carriers (no latency, no rate limits) plus `acme`, on a clock that stands still. */
export async function startTestCarriers(): Promise<TestSetup> {
  const clock = createSandboxClock(FIXED_NOW);
  const sandbox = await startSandboxCarriers({ rateLimits: 'off', latencyMs: 0, clock });
  const carriers = [...sandbox.createAdapters(), createAcmeCarrier()];
  const tracker = createTracker({ carriers });
  const logLines: string[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    logLines.push(`${level} ${message} ${fields ? JSON.stringify(fields) : ''}`);
  const logger: Logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
  return { sandbox, tracker, carriers, orders: createInMemoryOrderSource(testOrders()), logLines, logger, close: () => sandbox.close() };
}

/** What `startStoreServer` started; `close` stops all of it. */
export interface StoreServer {
  setup: TestSetup;
  database: TestDatabase;
  store: Store;
  server: WismoServer;
  close(): Promise<void>;
}

/**
 * The test carriers, a store in a fresh test database and a server over both, store and server on the clock `now`.
 * `seed` fills the store before the server is built; the rest are the server's own options (its log goes to `setup.logLines`).
 */
export async function startStoreServer(
  createDatabase: () => TestDatabase,
  {
    now,
    seed,
    ...serverOptions
  }: Omit<WismoServerOptions, 'tracker' | 'carriers' | 'store' | 'now'> & { now: () => Date; seed?: (store: Store) => Promise<void> },
): Promise<StoreServer> {
  const setup = await startTestCarriers();
  const database = createDatabase();
  const store = await createStore({ url: database.url, clock: now });
  await seed?.(store);
  const server = createWismoServer({
    tracker: setup.tracker,
    carriers: setup.carriers,
    store,
    logger: setup.logger,
    now,
    ...serverOptions,
  });
  return {
    setup,
    database,
    store,
    server,
    async close() {
      await store.close();
      await database.drop();
      await setup.close();
    },
  };
}

/** The Zendesk account and shared secret of the helpdesk fixtures. */
export const ZENDESK = { origin: 'https://acme.zendesk.com', sharedSecret: 'zendesk-shared-secret-for-tests-0123456789' } as const;
export const SESSION_SECRET = 'session-secret-for-tests-0123456789abcdef';

/** A Zendesk Apps framework signed-URL token (HS256 JWT) as Zendesk posts it to the app's first page. */
export function zendeskToken(audience: string, now: Date, secret: string = ZENDESK.sharedSecret): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const issuedAt = Math.floor(now.getTime() / 1000);
  const signingInput = `${encode({ typ: 'JWT', alg: 'HS256' })}.${encode({ iss: new URL(ZENDESK.origin).host, aud: audience, iat: issuedAt, exp: issuedAt + 300, qsh: 'n/a' })}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}
