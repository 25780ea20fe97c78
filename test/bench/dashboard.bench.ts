// `pnpm bench dashboard`: the operations dashboard on a store of 1,000,000 parcels (one shop), SQLite and
// PostgreSQL (when DATABASE_URL is set). Each page is timed against a plain indexed SELECT of the same rows in
// the same run (alternating, medians of at least 7 rounds). Goal: at most 3× for every page.
//
// The store: 1,000,000 trackings (60 % delivered and finished, ~12 % at risk: stalled, late, never scanned, in
// exception, waiting at a pickup point, returning), 600,000 deliveries over 180 days. Seeded with one
// INSERT … SELECT per 100,000 rows generated inside the database (not through ingest), then ANALYZE.
//
// What is compared (the baseline reads the rows the page reads, by primary key or by the same index, and
// brings them to JavaScript; it neither filters, aggregates nor renders):
//   - at-risk list (first page; filtered by carrier, country and kind; a page deep in the list): `atRisk`
//     against selecting the same 50 rows by primary key;
//   - at-risk counts: `atRiskCounts` against selecting the flag columns of the same at-risk rows;
//   - the at-risk page (`GET /dashboard/at-risk`: list + counts + HTML) against both plain selects;
//   - carrier performance (last 30 days, and all 180): `carrierPerformance` against selecting the columns it
//     aggregates of the same delivery rows; the carriers page (`GET /dashboard/carriers`, last 30 days and without
//     `since`: every delivery) the same way.
import { createTracker } from '../../packages/core/src/index';
import { createWismoServer } from '../../packages/server/src/index';
import {
  plainAtRiskRows,
  plainDeliveryRows,
  plainRowsById,
  seedLargeDashboardStore,
} from '../../packages/store/src/dashboard/__fixtures__/seed-large-store';
import { atRisk, atRiskCounts, carrierPerformance, createStore, type AtRiskQuery } from '../../packages/store/src/index';
import type { ComparisonResult } from './compare';
import { onEachEngine } from './on-each-engine';

const PARCELS = Number(process.env.WISMO_BENCH_DASHBOARD_PARCELS ?? 1_000_000);
const GOAL = 3;
const NOW = new Date('2026-12-01T12:00:00.000Z');
const API_KEY = 'wk_bench_dashboard_0123456789abcdef';
const DAY_MS = 86_400_000;
const MIN_ROUNDS = 7;
const MAX_ROUNDS = 400;
const MIN_MS = 2_000;

/**
 * Times the candidate against the baseline, alternating them (which goes first alternates too) for at least
 * `MIN_ROUNDS` rounds and `MIN_MS`, and compares the medians. Unlike tinybench's 64 samples per task, a page
 * that takes a second is timed a handful of times, not for minutes.
 */
async function compareAgainstBaseline(comparison: {
  title: string;
  baseline: { name: string; run: () => Promise<unknown> };
  candidate: { name: string; run: () => Promise<unknown> };
  maxCostRatio: number;
}): Promise<ComparisonResult> {
  const baselineMs: number[] = [];
  const candidateMs: number[] = [];
  const time = async (run: () => Promise<unknown>, into: number[]) => {
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  };
  await comparison.baseline.run();
  await comparison.candidate.run();
  const started = performance.now();
  for (let round = 0; round < MAX_ROUNDS && (round < MIN_ROUNDS || performance.now() - started < MIN_MS); round++) {
    if (round % 2 === 0) {
      await time(comparison.baseline.run, baselineMs);
      await time(comparison.candidate.run, candidateMs);
    } else {
      await time(comparison.candidate.run, candidateMs);
      await time(comparison.baseline.run, baselineMs);
    }
  }
  const baseline = median(baselineMs);
  const candidate = median(candidateMs);
  const costRatio = candidate / baseline;
  const goalMet = costRatio <= comparison.maxCostRatio;
  console.log(
    `${comparison.title}\n  ${comparison.baseline.name}: ${baseline.toFixed(2)} ms\n  ${comparison.candidate.name}: ${candidate.toFixed(2)} ms\n` +
      `  cost ratio ${costRatio.toFixed(2)}× over ${baselineMs.length} rounds (goal ≤ ${comparison.maxCostRatio}×: ${goalMet ? 'met' : 'NOT met'})`,
  );
  return { title: comparison.title, baselineOpsPerSecond: 1000 / baseline, candidateOpsPerSecond: 1000 / candidate, costRatio, goalMet };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function runOn(engine: 'sqlite' | 'postgres', url: string): Promise<ComparisonResult[]> {
  const store = await createStore({ url, clock: () => NOW });
  const results: ComparisonResult[] = [];
  try {
    const seedStarted = performance.now();
    await seedLargeDashboardStore(store, PARCELS, NOW);
    console.log(
      `${engine}: seeded ${PARCELS.toLocaleString('en-US')} parcels in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    const server = createWismoServer({
      tracker: createTracker({ carriers: [] }),
      store,
      apiKeys: [API_KEY],
      brand: {
        name: 'Bench shop',
        colors: { primary: '#0b5cad', background: '#ffffff', text: '#1f2328' },
        defaultLocale: 'en',
        timeZone: 'UTC',
      },
      dashboard: { loginSecret: 'dashboard-bench-login-secret-0123456789abcdef' },
      rateLimit: false,
      now: () => NOW,
    });
    const get = async (path: string) => {
      const response = await server.app.request(`http://bench.test${path}`, { headers: { authorization: `Bearer ${API_KEY}` } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
      return body;
    };
    const byPrimaryKey = (ids: readonly string[]) => () => plainRowsById(store, ids);
    const countedRows = () => plainAtRiskRows(store, 'default');

    // A cursor about half-way down the list, for a deep page.
    let deepCursor: string | null = null;
    {
      let cursor: string | undefined;
      for (let page = 0; page < 40; page++) {
        const result = await atRisk(store, 'default', { limit: 500, now: NOW, ...(cursor ? { cursor } : {}) });
        cursor = result.nextCursor ?? undefined;
        if (!cursor) break;
      }
      deepCursor = cursor ?? null;
    }
    const lists: Array<{ title: string; query: AtRiskQuery }> = [
      { title: 'first page', query: {} },
      { title: 'filtered: carrier ups, country NL, in exception', query: { carrier: 'ups', country: 'NL', kind: 'exception' } },
      { title: 'filtered: service express, recipient must act', query: { service: 'express', actor: 'recipient' } },
      { title: 'a page 20,000 rows deep', query: deepCursor ? { cursor: deepCursor } : {} },
    ];
    for (const { title, query } of lists) {
      const page = await atRisk(store, 'default', { ...query, limit: 50, now: NOW });
      if (page.items.length === 0) throw new Error(`${title}: no rows`);
      results.push(
        await compareAgainstBaseline({
          title: `${engine}: at-risk list, ${title} (${page.items.length} rows)`,
          baseline: { name: 'plain SELECT of the same rows by primary key', run: byPrimaryKey(page.items.map((item) => item.trackingId)) },
          candidate: { name: 'atRisk', run: () => atRisk(store, 'default', { ...query, limit: 50, now: NOW }) },
          maxCostRatio: GOAL,
        }),
      );
    }
    const counted = (await countedRows()).length;
    results.push(
      await compareAgainstBaseline({
        title: `${engine}: at-risk counts over ${counted.toLocaleString('en-US')} at-risk rows`,
        baseline: { name: 'plain SELECT of the same rows (flag columns, partial index)', run: countedRows },
        candidate: { name: 'atRiskCounts', run: () => atRiskCounts(store, 'default', { now: NOW }) },
        maxCostRatio: GOAL,
      }),
    );
    const firstIds = (await atRisk(store, 'default', { limit: 50, now: NOW })).items.map((item) => item.trackingId);
    results.push(
      await compareAgainstBaseline({
        title: `${engine}: the at-risk page, GET /dashboard/at-risk (list + counts + HTML)`,
        baseline: {
          name: 'plain SELECTs of the same rows (50 by primary key + the counted rows)',
          run: () => Promise.all([byPrimaryKey(firstIds)(), countedRows()]),
        },
        candidate: { name: 'GET /dashboard/at-risk', run: () => get('/dashboard/at-risk') },
        maxCostRatio: GOAL,
      }),
    );

    const deliveryRows = (since: string | null) => () => plainDeliveryRows(store, 'default', since);
    const since30 = new Date(NOW.getTime() - 30 * DAY_MS).toISOString().slice(0, 10);
    for (const since of [since30, null]) {
      const rows = (await deliveryRows(since)()).length;
      results.push(
        await compareAgainstBaseline({
          title: `${engine}: carrier performance, ${since ? 'last 30 days' : 'all 180 days'} (${rows.toLocaleString('en-US')} deliveries)`,
          baseline: { name: 'plain SELECT of the same delivery rows', run: deliveryRows(since) },
          candidate: { name: 'carrierPerformance', run: () => carrierPerformance(store, 'default', since ? { since } : {}) },
          maxCostRatio: GOAL,
        }),
      );
    }
    // Without `since` the page reads every delivery of the shop (what a first visit shows).
    for (const since of [since30, null]) {
      const path = since ? `/dashboard/carriers?since=${since}` : '/dashboard/carriers';
      results.push(
        await compareAgainstBaseline({
          title: `${engine}: the carriers page, GET ${path} (figures + charts + tables)`,
          baseline: { name: 'plain SELECT of the same delivery rows', run: deliveryRows(since) },
          candidate: { name: 'GET /dashboard/carriers', run: () => get(path) },
          maxCostRatio: GOAL,
        }),
      );
    }
  } finally {
    await store.close();
  }
  return results;
}

export default async function runDashboardBenchmark(): Promise<void> {
  const summary = (await onEachEngine(runOn)).flat();
  const missed = summary.filter((result) => result.goalMet === false);
  console.log(
    `\ndashboard: ${summary.length - missed.length} of ${summary.length} pages within ${GOAL}× of the plain SELECT${missed.length ? `; NOT met: ${missed.map((result) => result.title).join('; ')}` : ''}`,
  );
}
