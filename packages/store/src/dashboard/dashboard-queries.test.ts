import { describe, expect, it } from 'vitest';
import { SUBSTATUSES, type Actor } from '@wismo/core';
import { testEngines, useTestStore } from '../__fixtures__/test-stores';
import type { Store } from '../store-types';
import { StoreError } from '../store-error';
import { AT_RISK_KINDS, atRisk, atRiskCounts, type AtRiskKind, type AtRiskQuery } from './at-risk';
import { carrierPerformance } from './carrier-performance';
import { dashboardDatabase } from './dashboard-tables';
import { answerAfter, LABEL_AT, TEST_JOURNEY, type TestScan } from '../__fixtures__/parcel-answers';
import {
  buildDashboardSeed,
  buildUpdatesSeed,
  expectedAtRisk,
  seedDashboardStore,
  seededKinds,
  seedUpdateEffects,
  SEED_NOW,
  type SeededDelivery,
  type UpdatesSeed,
} from './__fixtures__/seed-dashboard';
import { dashboardHealth } from './dashboard-health';
import { dashboardReport, parseWindow } from './dashboard-report';
import { updateEffects } from './update-effects';

const seed = buildDashboardSeed();
const updatesSeed = buildUpdatesSeed();
const DAY = 86_400_000;

/** "What the updates did" from the seed, in plain array code. */
function expectedUpdates(updates: UpdatesSeed, sinceMs: number, untilMs: number) {
  const inWindow = (at: number) => at >= sinceMs && at < untilMs;
  const notifications = updates.notifications.filter((notification) => inWindow(notification.createdAt));
  const groups = new Map<
    string,
    { total: number; pending: number; sent: number; failed: number; dropped: number; confirmedDelivered: number }
  >();
  for (const notification of notifications) {
    const key = `${notification.milestone}|${notification.channel}`;
    const group = groups.get(key) ?? { total: 0, pending: 0, sent: 0, failed: 0, dropped: 0, confirmedDelivered: 0 };
    group.total += 1;
    if (notification.status === 'queued') group.pending += 1;
    else group[notification.status] += 1;
    if (notification.status === 'sent' && notification.providerStatus === 'delivered') group.confirmedDelivered += 1;
    groups.set(key, group);
  }
  const firstUpdate = new Map<string, number>();
  for (const notification of updates.notifications)
    if (notification.status === 'sent' && notification.sentAt !== null && inWindow(notification.sentAt))
      firstUpdate.set(notification.orderId, Math.min(firstUpdate.get(notification.orderId) ?? Infinity, notification.sentAt));
  const firstContact = new Map<string, number>();
  for (const lookup of updates.lookups)
    if (lookup.source === 'helpdesk_panel' && inWindow(lookup.at))
      firstContact.set(lookup.orderId, Math.min(firstContact.get(lookup.orderId) ?? Infinity, lookup.at));
  const orders = new Set([...firstUpdate.keys(), ...firstContact.keys()]);
  const before = [...orders].filter(
    (order) => firstUpdate.has(order) && (!firstContact.has(order) || firstUpdate.get(order)! < firstContact.get(order)!),
  );
  const sent = notifications.filter((notification) => notification.status === 'sent').length;
  const failed = notifications.filter((notification) => notification.status === 'failed').length;
  const views = updates.lookups.filter((lookup) => lookup.source === 'tracking_page' && inWindow(lookup.at)).length;
  const placed = updates.orders.filter((order) => inWindow(order.placedAt)).length;
  return {
    groups,
    sent,
    failed,
    deliveryRate: sent / (sent + failed),
    views,
    contacts: updates.lookups.filter((lookup) => lookup.source === 'helpdesk_panel' && inWindow(lookup.at)).length,
    placed,
    orders: orders.size,
    before: before.length,
    withoutUpdate: [...orders].filter((order) => !firstUpdate.has(order)).length,
    optOuts: updates.optOuts.filter((optOut) => inWindow(optOut.createdAt)).length,
    skips: updates.skips.filter((skip) => inWindow(skip.createdAt)).length,
  };
}

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
      const withEta = group.filter((delivery) => delivery.firstEtaOn !== null);
      return [
        key,
        {
          sampleSize: group.length,
          onTimeRate: promised.length ? promised.filter((delivery) => delivery.onTime).length / promised.length : null,
          firstEtaCount: withEta.length,
          onTimeFirstEtaRate: withEta.length
            ? withEta.filter((delivery) => delivery.deliveredOn <= delivery.firstEtaOn!).length / withEta.length
            : null,
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
  let store: Store;
  useTestStore({ available, create }, SEED_NOW, async (opened) => {
    store = opened;
    await seedDashboardStore(store, seed);
    await seedUpdateEffects(store, updatesSeed);
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
      const counts = await atRiskCounts(store, shopId, { now: SEED_NOW });
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
      expect(lane.firstEtaCount, key).toBe(truth.firstEtaCount);
      if (truth.onTimeFirstEtaRate === null) expect(lane.onTimeFirstEtaRate).toBeNull();
      else expect(lane.onTimeFirstEtaRate, key).toBeCloseTo(truth.onTimeFirstEtaRate, 12);
      expect(lane.exceptionRate, key).toBeCloseTo(truth.exceptionRate, 12);
    }
    // Not every lane is perfect: the seed makes the rates differ.
    expect(new Set(lanes.map((lane) => lane.firstAttemptRate)).size).toBeGreaterThan(1);
    expect(new Set(lanes.map((lane) => lane.onTimeFirstEtaRate)).size).toBeGreaterThan(1);
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

  it.skipIf(!available)('ingest records the first carrier ETA, the lane columns, the pickup arrival and the delivery flags', async () => {
    const { db } = dashboardDatabase(store);
    await db.insertInto('shops').values({ id: 'ingested', name: null, time_zone: 'UTC', created_at: 0, delay_thresholds: null }).execute();
    const shop = store.shop('ingested');
    // A journey with a failed attempt before the delivery: first ETA the 17th, then the 19th; delivered the 18th.
    const journey: TestScan[] = [
      ...TEST_JOURNEY.slice(0, 5),
      {
        afterHours: 46,
        code: 'NA',
        status: 'attempt_failed',
        substatus: 'attempt_failed_recipient_absent',
        description: 'Nobody home',
        city: 'München',
      },
      { ...TEST_JOURNEY[5]!, afterHours: 50 },
    ];
    const parcel = await shop.watch('00340434161200000001', { carrier: 'dhl' });
    for (const [scans, eta] of [
      [2, '2026-03-17'],
      [4, '2026-03-19'],
      [7, null],
    ] as const) {
      const shipment = answerAfter('00340434161200000001', scans, { eta, journey });
      await store.ingest({ trackingId: parcel.id, shipment, checkedAt: new Date(shipment.fetchedAt) });
    }
    const row = await db.selectFrom('trackings').selectAll().where('id', '=', parcel.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ service: 'V01PAK', destination_country: 'DE', first_eta_on: '2026-03-17', pickup_since: null });
    const lanes = await carrierPerformance(store, 'ingested');
    expect(lanes).toHaveLength(1);
    expect(lanes[0]).toMatchObject({ sampleSize: 1, firstEtaCount: 1, onTimeFirstEtaCount: 0, onTimeFirstEtaRate: 0, firstAttemptRate: 0 });

    // Waiting at a pickup point since hour 20: listed from 2 days before the 7-day hold ends, with its deadline.
    const pickupJourney: TestScan[] = [
      ...TEST_JOURNEY.slice(0, 2),
      {
        afterHours: 20,
        code: 'PKP',
        status: 'available_for_pickup',
        substatus: 'arrived_at_pickup_point',
        description: 'At the Packstation',
        city: 'Kassel',
      },
    ];
    const waiting = await shop.watch('00340434161200000002', { carrier: 'dhl' });
    const atPickup = answerAfter('00340434161200000002', 3, { journey: pickupJourney });
    await store.ingest({ trackingId: waiting.id, shipment: atPickup, checkedAt: new Date(atPickup.fetchedAt) });
    const arrivedMs = LABEL_AT + 20 * 3_600_000;
    const stored = await db.selectFrom('trackings').select('pickup_since').where('id', '=', waiting.id).executeTakeFirstOrThrow();
    expect(Number(stored.pickup_since)).toBe(arrivedMs);
    const early = await atRisk(store, 'ingested', { kind: 'pickup_deadline', now: new Date(arrivedMs + 86_400_000) });
    expect(early.items).toEqual([]);
    const late = await atRisk(store, 'ingested', {
      kind: 'pickup_deadline',
      service: 'V01PAK',
      country: 'de',
      now: new Date(arrivedMs + 6 * 86_400_000),
    });
    expect(late.items.map((item) => [item.trackingId, item.pickupDeadline])).toEqual([[waiting.id, '2026-03-24']]);
    // USPS keeps parcels 15 days; a shop can set its own figures.
    const configured = await atRisk(store, 'ingested', {
      kind: 'pickup_deadline',
      now: new Date(arrivedMs + 6 * 86_400_000),
      pickup: { holdDays: { dhl: 14 } },
    });
    expect(configured.items).toEqual([]);
    // A long hold (30 days: past 32-bit milliseconds) still compares right on both engines.
    const longHold = await atRisk(store, 'ingested', {
      kind: 'pickup_deadline',
      now: new Date(arrivedMs + 29 * 86_400_000),
      pickup: { holdDays: { dhl: 30 } },
    });
    expect(longHold.items.map((item) => item.pickupDeadline)).toEqual(['2026-04-16']);
  });

  it.skipIf(!available)('updateEffects counts messages, opt-outs, look-ups and updates before contact as the seed says', async () => {
    for (const days of [7, 30, 90]) {
      const since = new Date(SEED_NOW.getTime() - days * DAY);
      const figures = await updateEffects(store, 'default', { since, now: SEED_NOW });
      const truth = expectedUpdates(updatesSeed, since.getTime(), SEED_NOW.getTime());
      expect(figures.notifications.map((row) => `${row.milestone}|${row.channel}`).sort()).toEqual([...truth.groups.keys()].sort());
      for (const row of figures.notifications) {
        const { milestone, channel, ...counts } = row;
        expect(counts, `${milestone}|${channel}`).toEqual(truth.groups.get(`${milestone}|${channel}`));
      }
      expect(figures.totals.sent).toBe(truth.sent);
      expect(figures.totals.failed).toBe(truth.failed);
      expect(figures.totals.deliveryRate).toBeCloseTo(truth.deliveryRate, 12);
      expect(figures.lookups).toMatchObject({
        trackingPageViews: truth.views,
        helpdeskPanelLookups: truth.contacts,
        ordersPlaced: truth.placed,
      });
      expect(figures.lookups.trackingPageViewsPerOrder).toBeCloseTo(truth.views / truth.placed, 12);
      expect(figures.proactive.orders, `${days} days`).toBe(truth.orders);
      expect(figures.proactive.updatedBeforeContact, `${days} days`).toBe(truth.before);
      expect(figures.proactive.share).toBeCloseTo(truth.before / truth.orders, 12);
      expect(figures.optOuts.reduce((sum, row) => sum + row.count, 0)).toBe(truth.optOuts);
      expect(figures.skips.reduce((sum, row) => sum + row.count, 0)).toBe(truth.skips);
    }
    // The seed has contacts before and after updates, and a contact without any update.
    const all = await updateEffects(store, 'default', { since: new Date(SEED_NOW.getTime() - 90 * DAY), now: SEED_NOW });
    expect(all.proactive.contactedFirst).toBeGreaterThan(0);
    const truth = expectedUpdates(updatesSeed, SEED_NOW.getTime() - 90 * DAY, SEED_NOW.getTime());
    expect(all.proactive.contactedWithoutUpdate).toBe(truth.withoutUpdate);
    expect(all.proactive.contactedWithoutUpdate + all.proactive.contactedFirst + all.proactive.updatedBeforeContact).toBe(truth.orders);
    expect(all.proactive.updatedBeforeContact).toBeLessThan(all.proactive.orders);
    await expect(updateEffects(store, 'default', { since: new Date(SEED_NOW.getTime() + DAY), now: SEED_NOW })).rejects.toBeInstanceOf(
      StoreError,
    );
  });

  it.skipIf(!available)('dashboardHealth shows the backlog and how late it runs, per carrier', async () => {
    const later = new Date(SEED_NOW.getTime() + 2 * 3_600_000);
    const health = await dashboardHealth(store, 'default', { now: later });
    const watched = seed.trackings.filter((tracking) => tracking.shopId === 'default' && tracking.stoppedReason === null);
    for (const carrier of health.carriers) {
      const mine = watched.filter((tracking) => tracking.carrier === carrier.carrier);
      // Every seeded watched parcel was due an hour after SEED_NOW and checked an hour before it.
      expect(carrier).toMatchObject({ watched: mine.length, watchedByPush: 0, due: mine.length, checkedLastHour: 0 });
      expect(carrier.oldestDueAt).toBe(new Date(SEED_NOW.getTime() + 3_600_000).toISOString());
    }
    expect(health.carriers.reduce((sum, carrier) => sum + carrier.watched, 0)).toBe(watched.length);
    expect(health.scheduler).toEqual({
      due: watched.length,
      oldestDueAt: new Date(SEED_NOW.getTime() + 3_600_000).toISOString(),
      lagSeconds: 3600,
    });
    const atSeed = await dashboardHealth(store, 'default', { now: SEED_NOW });
    expect(atSeed.scheduler.due).toBe(0);
    expect(atSeed.carriers.reduce((sum, carrier) => sum + carrier.checkedLastHour, 0)).toBe(watched.length);
    expect(atSeed.failedNotifications).toBe(updatesSeed.notifications.filter((notification) => notification.status === 'failed').length);
  });

  it.skipIf(!available)('dashboardReport gathers the same figures; parseWindow reads 30d, 12h, 2w', async () => {
    const since = new Date(SEED_NOW.getTime() - 30 * DAY);
    const report = await dashboardReport(store, 'default', { since, now: SEED_NOW });
    expect(report.atRisk).toEqual(await atRiskCounts(store, 'default', { now: SEED_NOW }));
    expect(report.carriers).toEqual(await carrierPerformance(store, 'default', { since: since.toISOString().slice(0, 10) }));
    expect(report.updates).toEqual(await updateEffects(store, 'default', { since, now: SEED_NOW }));
    expect(parseWindow('30d')).toBe(30 * DAY);
    expect(parseWindow('12h')).toBe(12 * 3_600_000);
    expect(parseWindow('2w')).toBe(14 * DAY);
    for (const bad of ['30', '0d', 'd', '30x', '-1d']) expect(() => parseWindow(bad), bad).toThrow(StoreError);
  });

  if (!available) it.skip(`${name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
});
