import { describe, expect, it } from 'vitest';
import { testEngines, useTestStore } from '../__fixtures__/test-stores';
import type { Store } from '../store-types';
import { StoreError } from '../store-error';
import { buildDashboardSeed, seedDashboardStore, SEED_NOW, type SeededDelivery } from './__fixtures__/seed-dashboard';
import { onTimeTrend } from './on-time-trend';

const seed = buildDashboardSeed();

/** The truth from the seed: every delivery placed in its week by counting days back from `now`'s Monday. */
function expectedTrend(deliveries: readonly SeededDelivery[], weeks: number, now: Date) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const daysSinceMonday = (today.getUTCDay() + 6) % 7;
  const lastMonday = new Date(today);
  lastMonday.setUTCDate(today.getUTCDate() - daysSinceMonday);
  const truth = new Map<string, Array<{ promised: number; onTime: number }>>();
  for (const delivery of deliveries) {
    const delivered = new Date(`${delivery.deliveredOn}T12:00:00Z`);
    if (delivered > now) continue;
    const daysBack = Math.round(
      (lastMonday.getTime() - Date.UTC(delivered.getUTCFullYear(), delivered.getUTCMonth(), delivered.getUTCDate())) / 86_400_000,
    );
    const weeksBack = Math.ceil(daysBack / 7);
    if (weeksBack >= weeks) continue;
    const points = truth.get(delivery.carrier) ?? Array.from({ length: weeks }, () => ({ promised: 0, onTime: 0 }));
    truth.set(delivery.carrier, points);
    const point = points[weeks - 1 - weeksBack]!;
    if (delivery.promised) point.promised += 1;
    if (delivery.onTime) point.onTime += 1;
  }
  return truth;
}

describe.each(testEngines())('onTimeTrend on $name', ({ name, available, create }) => {
  let store: Store;
  useTestStore({ available, create }, SEED_NOW, async (opened) => {
    store = opened;
    await seedDashboardStore(store, seed);
  });

  it.skipIf(!available)('gives each carrier its on-time rate per week, as computed from the seed', async () => {
    for (const weeks of [1, 4, 13, 26]) {
      const trend = await onTimeTrend(store, 'default', { weeks, now: SEED_NOW });
      const truth = expectedTrend(
        seed.deliveries.filter((delivery) => delivery.shopId === 'default'),
        weeks,
        SEED_NOW,
      );
      expect(trend.weeks).toHaveLength(weeks);
      // Mondays, a week apart, the last one the Monday of SEED_NOW (2026-11-30).
      expect(trend.weeks.at(-1)).toBe('2026-11-30');
      for (const week of trend.weeks) expect(new Date(`${week}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(trend.carriers.map((series) => series.carrier)).toEqual([...truth.keys()].sort());
      for (const series of trend.carriers) {
        const points = truth.get(series.carrier)!;
        expect(
          series.points.map((point) => [point.promisedCount, point.onTimeCount]),
          `${weeks} weeks, ${series.carrier}`,
        ).toEqual(points.map((point) => [point.promised, point.onTime]));
        for (const point of series.points)
          expect(point.onTimeRate).toBe(point.promisedCount === 0 ? null : point.onTimeCount / point.promisedCount);
      }
    }
    // The seed's deliveries span 90 days: 13 weeks leave its first days out, 26 take them all.
    const all = await onTimeTrend(store, 'default', { weeks: 26, now: SEED_NOW });
    const quarter = await onTimeTrend(store, 'default', { weeks: 13, now: SEED_NOW });
    const total = (trend: typeof all) =>
      trend.carriers.reduce((sum, series) => sum + series.points.reduce((inner, point) => inner + point.promisedCount, 0), 0);
    expect(total(all)).toBe(seed.deliveries.filter((delivery) => delivery.shopId === 'default' && delivery.promised).length);
    expect(total(quarter)).toBeLessThan(total(all));
    // Rates differ from week to week (a flat line would test nothing).
    expect(new Set(quarter.carriers[0]!.points.map((point) => point.onTimeRate)).size).toBeGreaterThan(2);
  });

  it.skipIf(!available)("keeps to the shop's own deliveries and refuses a window it does not offer", async () => {
    const other = await onTimeTrend(store, 'other', { weeks: 26, now: SEED_NOW });
    const truth = expectedTrend(
      seed.deliveries.filter((delivery) => delivery.shopId === 'other'),
      26,
      SEED_NOW,
    );
    expect(other.carriers.map((series) => series.points.map((point) => point.promisedCount))).toEqual(
      [...truth.keys()].sort().map((carrier) => truth.get(carrier)!.map((point) => point.promised)),
    );
    for (const weeks of [0, 27, 2.5]) await expect(onTimeTrend(store, 'default', { weeks })).rejects.toBeInstanceOf(StoreError);
  });

  if (!available) it.skip(`${name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
});
