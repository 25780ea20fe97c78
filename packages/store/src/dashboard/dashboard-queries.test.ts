import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBSTATUSES, type Actor } from '@wismo/core';
import { createStore } from '../create-store';
import { testEngines, type TestDatabase } from '../__fixtures__/test-stores';
import type { Store } from '../store-types';
import { StoreError } from '../store-error';
import { AT_RISK_KINDS, atRisk, atRiskCounts, type AtRiskKind, type AtRiskQuery } from './at-risk';
import { carrierPerformance } from './carrier-performance';
import {
  buildDashboardSeed,
  expectedAtRisk,
  seedDashboardStore,
  seededKinds,
  SEED_NOW,
  type SeededDelivery,
} from './__fixtures__/seed-dashboard';

const seed = buildDashboardSeed();

function expectedIds(query: Omit<AtRiskQuery, 'cursor' | 'limit' | 'now'>, shopId = 'default'): string[] {
  return expectedAtRisk(seed, query, shopId).map((tracking) => tracking.id);
}

async function allPages(store: Store, query: AtRiskQuery, shopId = 'default'): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await atRisk(store, shopId, { ...query, now: SEED_NOW, ...(cursor ? { cursor } : {}) });
    pages += 1;
    ids.push(...page.items.map((item) => item.trackingId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { ids, pages };
}

/** Nearest-rank percentile over the raw transit times, sorted. */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1]!;
}

function expectedLanes(deliveries: readonly SeededDelivery[]) {
  const groups = new Map<string, SeededDelivery[]>();
  for (const delivery of deliveries) {
    const key = [delivery.carrier, delivery.service ?? '', delivery.originCountry, delivery.destinationCountry].join('|');
    groups.set(key, [...(groups.get(key) ?? []), delivery]);
  }
  return new Map(
    [...groups].map(([key, group]) => {
      const promised = group.filter((delivery) => delivery.promised);
      return [
        key,
        {
          sampleSize: group.length,
          onTimeRate: promised.length ? promised.filter((delivery) => delivery.onTime).length / promised.length : null,
          transitDaysP50: percentile(
            group.map((delivery) => delivery.transitDays),
            0.5,
          ),
          transitDaysP90: percentile(
            group.map((delivery) => delivery.transitDays),
            0.9,
          ),
          firstAttemptRate: group.filter((delivery) => !delivery.failedAttempt).length / group.length,
          exceptionRate: group.filter((delivery) => delivery.exception).length / group.length,
        },
      ];
    }),
  );
}

describe.each(testEngines())('dashboard queries on $name', ({ name, available, create }) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    if (!available) return;
    database = create();
    store = await createStore({ url: database.url, clock: () => SEED_NOW });
    await seedDashboardStore(store, seed);
  });
  afterAll(async () => {
    if (!available) return;
    await store.close();
    await database.drop();
  });

  it.skipIf(!available)('atRisk lists every at-risk parcel of the shop once, across pages, in id order', async () => {
    const expected = expectedIds({});
    expect(expected.length).toBeGreaterThan(50);
    const { ids, pages } = await allPages(store, { limit: 7 });
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 7));
    // The other shop's parcels never show, and its own list is its own.
    expect((await allPages(store, {}, 'other')).ids).toEqual(expectedIds({}, 'other'));
  });

  it.skipIf(!available)('atRisk filters by kind, carrier, service, country, actor and age as the seed says', async () => {
    const queries: Array<Omit<AtRiskQuery, 'cursor' | 'limit' | 'now'>> = [
      { kind: 'stalled' },
      { kind: 'late' },
      { kind: 'never_scanned' },
      { kind: 'exception' },
      { kind: 'pickup_deadline' },
      { kind: 'returning' },
      { carrier: 'ups' },
      { service: 'express' },
      { country: 'NL' },
      { actor: 'recipient' },
      { actor: 'customs' },
      { actor: 'shipper', kind: 'exception' },
      { minAgeHours: 200 },
      { carrier: 'dhl', country: 'DE', minAgeHours: 24 },
    ];
    for (const query of queries) {
      const expected = expectedIds(query);
      const { ids } = await allPages(store, { ...query, limit: 11 });
      expect(ids, JSON.stringify(query)).toEqual(expected);
    }
    expect(expectedIds({ actor: 'customs' }).length).toBeGreaterThan(0);
  });

  it.skipIf(!available)('atRiskCounts counts each reason of the watched parcels', async () => {
    for (const shopId of ['default', 'other']) {
      const counts = await atRiskCounts(store, shopId);
      for (const kind of AT_RISK_KINDS) expect(counts[kind], `${shopId} ${kind}`).toBe(expectedIds({ kind }, shopId).length);
    }
  });

  it.skipIf(!available)('atRisk rows carry the parcel, its reasons and who must act', async () => {
    const page = await atRisk(store, 'default', { kind: 'exception', limit: 3, now: SEED_NOW });
    for (const item of page.items) {
      const seeded = seed.trackings.find((tracking) => tracking.id === item.trackingId)!;
      expect(item).toMatchObject({
        carrier: seeded.carrier,
        trackingNumber: seeded.trackingNumber,
        orderId: seeded.orderId,
        status: 'exception',
        substatus: seeded.substatus,
        actor: SUBSTATUSES[seeded.substatus].actor,
        kinds: seededKinds(seeded),
        service: seeded.service,
        destinationCountry: seeded.country,
        ageHours: Math.floor((SEED_NOW.getTime() - seeded.createdAt) / 3_600_000),
      });
      expect(item.watchedAt).toBe(new Date(seeded.createdAt).toISOString());
    }
  });

  it.skipIf(!available)('atRisk refuses bad input with a typed error', async () => {
    for (const query of [
      { limit: 0 },
      { limit: 501 },
      { kind: 'lost' as AtRiskKind },
      { actor: 'nobody' as Actor },
      { country: 'DEU' },
      { minAgeHours: -1 },
      { cursor: 'not-a-cursor' },
    ]) {
      await expect(atRisk(store, 'default', query), JSON.stringify(query)).rejects.toBeInstanceOf(StoreError);
    }
  });

  it.skipIf(!available)('carrierPerformance matches the figures computed from the seed, lane by lane', async () => {
    const lanes = await carrierPerformance(store, 'default');
    const expected = expectedLanes(seed.deliveries.filter((delivery) => delivery.shopId === 'default'));
    expect(lanes).toHaveLength(expected.size);
    for (const lane of lanes) {
      const key = [lane.carrier, lane.service ?? '', lane.originCountry, lane.destinationCountry].join('|');
      const truth = expected.get(key)!;
      expect(truth, key).toBeDefined();
      expect(lane.sampleSize, key).toBe(truth.sampleSize);
      expect(lane.transitDayCounts.reduce((sum, count) => sum + count, 0)).toBe(truth.sampleSize);
      expect(lane.transitDaysP50, key).toBe(truth.transitDaysP50);
      expect(lane.transitDaysP90, key).toBe(truth.transitDaysP90);
      if (truth.onTimeRate === null) expect(lane.onTimeRate).toBeNull();
      else expect(lane.onTimeRate, key).toBeCloseTo(truth.onTimeRate, 12);
      expect(lane.firstAttemptRate, key).toBeCloseTo(truth.firstAttemptRate, 12);
      expect(lane.exceptionRate, key).toBeCloseTo(truth.exceptionRate, 12);
    }
    // Not every lane is perfect: the seed makes the rates differ.
    expect(new Set(lanes.map((lane) => lane.firstAttemptRate)).size).toBeGreaterThan(1);
  });

  it.skipIf(!available)('carrierPerformance counts deliveries since a day only, and refuses a malformed day', async () => {
    const since = '2026-10-15';
    const lanes = await carrierPerformance(store, 'default', { since });
    const expected = expectedLanes(seed.deliveries.filter((delivery) => delivery.shopId === 'default' && delivery.deliveredOn >= since));
    expect(lanes.reduce((sum, lane) => sum + lane.sampleSize, 0)).toBe(
      [...expected.values()].reduce((sum, lane) => sum + lane.sampleSize, 0),
    );
    expect(lanes.reduce((sum, lane) => sum + lane.sampleSize, 0)).toBeLessThan(
      seed.deliveries.filter((d) => d.shopId === 'default').length,
    );
    await expect(carrierPerformance(store, 'default', { since: '15.10.2026' })).rejects.toBeInstanceOf(StoreError);
  });

  if (!available) it.skip(`${name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
});
