import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CARRIER_REQUEST_OUTCOMES, createTracker, type CarrierRequest, type CarrierRequestOutcome } from '@wismo/core';
import { startSandboxCarriers, type RunningSandboxCarriers } from '@wismo/testkit';
import { createStore } from '../create-store';
import { testEngines, useTestStore } from '../__fixtures__/test-stores';
import { carrierRequestCounts, REQUEST_ERROR_KINDS, requestCountsDatabase } from '../dashboard/carrier-requests';
import type { Store } from '../store-types';
import { createCarrierRequestCounter } from './carrier-request-counter';
import { createScheduler } from './create-scheduler';

const HOUR = 3_600_000;
// 14:00 UTC on a day: "today" holds 14 whole hours before the current one.
const NOW = new Date('2026-12-01T14:20:00.000Z');

/** Requests spread over yesterday evening, the previous hour and this hour, with every outcome. */
function syntheticRequests(): Array<{ account: string; request: CarrierRequest }> {
  const requests: Array<{ account: string; request: CarrierRequest }> = [];
  const starts = [NOW.getTime() - 15 * HOUR, NOW.getTime() - HOUR, NOW.getTime() - 10 * 60_000];
  let index = 0;
  for (const start of starts)
    for (const [carrier, account, count] of [
      ['ups', 'default', 40],
      ['ups', 'eu', 13],
      ['dhl', 'default', 25],
    ] as const)
      for (let i = 0; i < count; i++, index++) {
        const outcome = CARRIER_REQUEST_OUTCOMES[index % 11 < 4 ? index % CARRIER_REQUEST_OUTCOMES.length : 0]!;
        // Bunched: the first seconds of each run hold more requests per minute.
        const at = start + Math.floor((i * i * 1_000) / 8);
        requests.push({ account, request: { carrierId: carrier, at, outcome, httpStatus: null } });
      }
  return requests;
}

/** The truth, from the list: per account, the three windows, the busiest minute today and the errors by kind. */
function expectedCounts(requests: ReadonlyArray<{ account: string; request: CarrierRequest }>) {
  const hourStart = Math.floor(NOW.getTime() / HOUR) * HOUR;
  const dayStart = Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate());
  const accounts = new Map<
    string,
    { thisHour: number; previousHour: number; today: number; minutes: Map<number, number>; errors: Map<CarrierRequestOutcome, number> }
  >();
  for (const { account, request } of requests) {
    const key = `${request.carrierId}/${account}`;
    const entry = accounts.get(key) ?? { thisHour: 0, previousHour: 0, today: 0, minutes: new Map(), errors: new Map() };
    accounts.set(key, entry);
    if (request.at >= hourStart) entry.thisHour += 1;
    else if (request.at >= hourStart - HOUR) entry.previousHour += 1;
    if (request.at >= dayStart) {
      entry.today += 1;
      const minute = Math.floor(request.at / 60_000);
      entry.minutes.set(minute, (entry.minutes.get(minute) ?? 0) + 1);
      if (request.outcome !== 'ok') entry.errors.set(request.outcome, (entry.errors.get(request.outcome) ?? 0) + 1);
    }
  }
  return accounts;
}

describe.each(testEngines())('carrier request counts on $name', ({ name, available, create }) => {
  let store: Store;
  useTestStore({ available, create }, NOW, (opened) => (store = opened));

  it.skipIf(!available)('adds the counts of each flush per account and hour, and reads them back per window', async () => {
    expect([...REQUEST_ERROR_KINDS].sort()).toEqual(CARRIER_REQUEST_OUTCOMES.filter((outcome) => outcome !== 'ok').sort());
    const counter = createCarrierRequestCounter({ shopId: 'counted', clock: () => NOW });
    const requests = syntheticRequests();
    const observers = new Map(['default', 'eu'].map((account) => [account, counter.observer(account)]));
    // Three flushes, the middle one cutting through every hour: the second adds to the rows of the first.
    const cuts = [0, Math.floor(requests.length / 3), Math.floor((2 * requests.length) / 3), requests.length];
    const shuffled = [...requests].sort((a, b) => (a.request.at % 7) - (b.request.at % 7));
    for (let part = 0; part < 3; part++) {
      for (const { account, request } of shuffled.slice(cuts[part], cuts[part + 1])) observers.get(account)!.onRequest(request);
      expect(await counter.flush(store)).toBeGreaterThan(0);
    }
    expect(await counter.flush(store)).toBe(0);

    const counts = await carrierRequestCounts(store, 'counted', { now: NOW });
    const truth = expectedCounts(requests);
    expect(counts.map((entry) => `${entry.carrier}/${entry.account}`).sort()).toEqual([...truth.keys()].sort());
    for (const entry of counts) {
      const expected = truth.get(`${entry.carrier}/${entry.account}`)!;
      expect(entry, `${entry.carrier}/${entry.account}`).toMatchObject({
        thisHour: expected.thisHour,
        previousHour: expected.previousHour,
        today: expected.today,
        peakPerMinuteToday: Math.max(...expected.minutes.values()),
      });
      for (const kind of REQUEST_ERROR_KINDS) expect(entry.errorsToday[kind], kind).toBe(expected.errors.get(kind) ?? 0);
    }
    // Yesterday's requests are not today's; another shop sees none of them.
    expect(counts.reduce((sum, entry) => sum + entry.today, 0)).toBeLessThan(requests.length);
    expect(await carrierRequestCounts(store, 'default', { now: NOW })).toEqual([]);
  });

  it.skipIf(!available)('peaks the minutes of several processes on one account together', async () => {
    // Three workers on one account, each flushing on its own: 9 + 7 + 5 requests in 13:05, 12 + 2 + 0 in 13:06.
    const workers = [
      createCarrierRequestCounter({ shopId: 'shared', clock: () => NOW }),
      createCarrierRequestCounter({ shopId: 'shared', clock: () => NOW }),
      createCarrierRequestCounter({ shopId: 'shared', clock: () => NOW }),
    ];
    const minute = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00.000Z`);
    const perWorker = [
      [9, 12],
      [7, 2],
      [5, 0],
    ];
    for (let round = 0; round < 2; round++)
      for (const [index, worker] of workers.entries()) {
        // Half of each worker's requests before the others flush, half after: the flushes interleave.
        const [first, second] = perWorker[index]!;
        const requests = [
          ...Array.from({ length: first! }, () => minute('13:05')),
          ...Array.from({ length: second! }, () => minute('13:06')),
        ];
        const half = requests.filter((_, position) => position % 2 === round);
        for (const at of half) worker.observer().onRequest({ carrierId: 'ups', at: at + 10_000, outcome: 'ok', httpStatus: 200 });
        await worker.flush(store);
      }
    const [counted] = await carrierRequestCounts(store, 'shared', { now: NOW });
    // The combined minutes: 21 in 13:05, 14 in 13:06. Alone, no worker saw more than 12.
    expect(counted).toMatchObject({ carrier: 'ups', account: 'default', previousHour: 35, today: 35, peakPerMinuteToday: 21 });
  });

  it.skipIf(!available)('archive deletes the hourly counts older than their retention, 35 days by default', async () => {
    const counter = createCarrierRequestCounter({ shopId: 'retained', clock: () => NOW });
    const ages = [40 * 24, 36 * 24, 34 * 24, 2];
    for (const hours of ages)
      counter.observer().onRequest({ carrierId: 'dhl', at: NOW.getTime() - hours * HOUR, outcome: 'ok', httpStatus: 200 });
    expect(await counter.flush(store)).toBe(ages.length);
    const hourOf = (hoursAgo: number) => Math.floor((NOW.getTime() - hoursAgo * HOUR) / HOUR) * HOUR;
    const hoursKept = async () => {
      const { db } = requestCountsDatabase(store);
      const rows = await db
        .selectFrom('carrier_request_counts')
        .select('hour_start')
        .where('shop_id', '=', 'retained')
        .orderBy('hour_start')
        .execute();
      return rows.map((row) => Number(row.hour_start));
    };
    expect(await hoursKept()).toEqual(ages.map(hourOf));
    expect((await store.archive({ olderThan: new Date(NOW.getTime() - 365 * 24 * HOUR) })).deletedCarrierRequestCounts).toBe(2);
    expect(await hoursKept()).toEqual([34 * 24, 2].map(hourOf));
    const shorter = await store.archive({ olderThan: new Date(0), carrierRequestCountsOlderThan: new Date(NOW.getTime() - 24 * HOUR) });
    expect(shorter.deletedCarrierRequestCounts).toBe(1);
    expect(await hoursKept()).toHaveLength(1);
  });

  if (!available) it.skip(`${name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
});

describe('the scheduler counts the requests the sandbox carriers received', () => {
  let sandbox: RunningSandboxCarriers;
  let store: Store | undefined;
  beforeAll(async () => {
    sandbox = await startSandboxCarriers({ rateLimits: 'off', latencyMs: 0, faults: { serverErrorRate: 0.2, seed: 7 } });
  });
  afterEach(async () => store?.close());
  afterAll(async () => sandbox?.close());

  it('flushes per batch: every HTTP request (tokens and retries too) and every 5xx, per carrier', async () => {
    store = await createStore({ url: 'memory:' });
    const counter = createCarrierRequestCounter();
    const adapters = sandbox.createAdapters({ requestObserver: counter.observer(), retryMinDelayMs: 1, retryMaxDelayMs: 2 });
    const carriers = ['ups', 'dhl', 'fedex', 'usps'] as const;
    for (const carrier of carriers)
      await store.shop().watchMany(sandbox.generateNumbers(carrier, 12, 'mixed').map((trackingNumber) => ({ trackingNumber, carrier })));
    sandbox.resetStats();
    const flushes: number[] = [];
    const scheduler = createScheduler({
      store,
      tracker: createTracker({ carriers: adapters, cache: false }),
      batchSize: 5,
      requestCounter: { flush: async (target) => flushes.push(await counter.flush(target)) },
    });
    expect((await scheduler.runOnce()).claimed).toBe(48);
    expect(flushes.length).toBeGreaterThanOrEqual(carriers.length * 3);

    const counted = await carrierRequestCounts(store, 'default');
    const stats = sandbox.stats();
    for (const carrier of carriers) {
      const entry = counted.find((row) => row.carrier === carrier)!;
      expect(entry, carrier).toBeDefined();
      expect(entry.account).toBe('default');
      expect(entry.today, carrier).toBe(stats[carrier].requests);
      expect(entry.errorsToday.server, carrier).toBe(stats[carrier].faultsInjected);
    }
    expect(counted.reduce((sum, entry) => sum + entry.errorsToday.server, 0)).toBeGreaterThan(0);
  });
});
