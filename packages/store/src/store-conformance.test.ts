import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerAfter, LABEL_AT, momentAfterScan, TEST_JOURNEY } from './__fixtures__/parcel-answers';
import { testEngines, type TestDatabase } from './__fixtures__/test-stores';
import { createStore } from './create-store';
import { MIGRATIONS } from './database/migrations';
import type { DomainEventType, Store } from './store-types';

const HOUR = 3_600_000;
const DHL_NUMBER = '00340434161094100001';

function types(events: ReadonlyArray<{ type: DomainEventType }>): DomainEventType[] {
  return events.map((event) => event.type);
}

for (const engine of testEngines()) {
  describe.skipIf(!engine.available)(`store conformance on ${engine.name}`, () => {
    let database: TestDatabase;
    let now: number;
    const stores: Store[] = [];
    const open = async (extra: { random?: () => number } = {}) => {
      const store = await createStore({ url: database.url, clock: () => new Date(now), random: extra.random ?? (() => 0.5) });
      stores.push(store);
      return store;
    };

    beforeEach(() => {
      database = engine.create();
      now = LABEL_AT;
    });
    afterEach(async () => {
      await Promise.all(stores.splice(0).map((store) => store.close()));
      await database.drop();
    });

    it('migrates from empty; opening again applies nothing and keeps the data', async () => {
      const store = await open();
      expect(store.engine).toBe(engine.name);
      expect(await store.schemaVersion()).toBe(MIGRATIONS.length);
      await store.shop().watch(DHL_NUMBER, { carrier: 'dhl' });
      // Two stores starting at once: on PostgreSQL they wait on the advisory lock, on SQLite on the write lock (in
      // each store's own thread, so the wait does not block this one).
      const [second, third] = await Promise.all([open(), open()]);
      expect(await second!.schemaVersion()).toBe(MIGRATIONS.length);
      expect(await third!.schemaVersion()).toBe(MIGRATIONS.length);
      expect((await second!.shop().listTrackings()).items.map((item) => item.trackingNumber)).toEqual([DHL_NUMBER]);
      expect(await store.shop().getShop()).toMatchObject({ id: 'default', timeZone: 'UTC' });
    });

    it('watch is idempotent on (shop, carrier, number), normalises the number and detects an unambiguous carrier', async () => {
      const store = await open();
      const shop = store.shop();
      const first = await shop.watch('0034 0434 1610 9410 0001', { carrier: 'DHL' });
      const again = await shop.watch(DHL_NUMBER, { carrier: 'dhl', orderId: 'ord-1' });
      expect(again.id).toBe(first.id);
      expect(again.orderId).toBe('ord-1');
      expect(first).toMatchObject({
        carrier: 'dhl',
        trackingNumber: DHL_NUMBER,
        status: 'pending',
        nextCheckAt: new Date(now).toISOString(),
        stoppedReason: null,
      });
      const ups = await shop.watch('1ZW0004S0318207000');
      expect(ups.carrier).toBe('ups');
      const ambiguous = await shop.watch('00340400000271828009');
      expect(ambiguous.carrier).toBeNull();
      expect((await shop.watch('00340400000271828009')).id).toBe(ambiguous.id);
      expect(await shop.findTracking(null, '00340400000271828009')).toMatchObject({ id: ambiguous.id });
      // The first answer settles the carrier; watching the number again finds that tracking, not a new one.
      await store.ingest({ trackingId: ambiguous.id, shipment: answerAfter('00340400000271828009', 2), checkedAt: new Date(now) });
      expect(await shop.watch('00340400000271828009')).toMatchObject({ id: ambiguous.id, carrier: 'dhl' });
      expect((await shop.watchMany([{ trackingNumber: '00340400000271828009' }]))[0]).toMatchObject({ id: ambiguous.id, carrier: 'dhl' });
      expect(await shop.findTracking(null, '00340400000271828009')).toBeNull();
      await expect(shop.watch('??')).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it('watchMany watches a list in order, idempotently, and re-activates an unwatched number', async () => {
      const shop = (await open()).shop();
      const first = await shop.watch(DHL_NUMBER, { carrier: 'dhl' });
      await shop.unwatch(first.id);
      const numbers = Array.from({ length: 1_200 }, (_, index) => `00340434161094${String(600_000 + index)}`);
      const watched = await shop.watchMany([
        { trackingNumber: DHL_NUMBER, carrier: 'dhl' },
        ...numbers.map((trackingNumber) => ({ trackingNumber, carrier: 'dhl' })),
        { trackingNumber: numbers[0]!, carrier: 'dhl' },
      ]);
      expect(watched).toHaveLength(numbers.length + 2);
      expect(watched[0]).toMatchObject({ id: first.id, stoppedReason: null });
      expect(watched.slice(1, -1).map((tracking) => tracking.trackingNumber)).toEqual(numbers);
      expect(watched.at(-1)!.id).toBe(watched[1]!.id);
      expect((await shop.counts()).active).toBe(numbers.length + 1);
      expect(
        (await shop.watchMany(numbers.slice(0, 3).map((trackingNumber) => ({ trackingNumber, carrier: 'dhl' })))).map(
          (tracking) => tracking.id,
        ),
      ).toEqual(watched.slice(1, 4).map((tracking) => tracking.id));
    });

    it('ingests an answer into events, a transition and outbox rows in one go; the same answer again changes nothing', async () => {
      const store = await open();
      const shop = store.shop();
      const tracking = await shop.watch(DHL_NUMBER, { carrier: 'dhl' });
      now = momentAfterScan(2).getTime();
      const answer = answerAfter(DHL_NUMBER, 3, { eta: '2026-03-18' });
      const first = await store.ingest({ trackingId: tracking.id, shipment: answer, checkedAt: new Date(now) });
      expect(first.changed).toBe(true);
      expect(types(first.events)).toEqual(['status_changed', 'event_added', 'event_added', 'event_added', 'eta_changed']);
      expect(first.events[0]!.payload).toMatchObject({
        from: { status: 'pending' },
        to: { status: 'in_transit', substatus: 'arrived_at_facility' },
        sequence: 1,
      });
      expect(
        first.events.map((event) =>
          event.type === 'event_added' ? (event.payload as { event: { raw: { code: string } } }).event.raw.code : null,
        ),
      ).toEqual([null, 'PRE', 'PU', 'AF', null]);

      const stored = await shop.getTracking(tracking.id);
      expect(stored).toMatchObject({ status: 'in_transit', substatus: 'arrived_at_facility', lastCheckedAt: new Date(now).toISOString() });
      expect(stored!.shipment!.events).toHaveLength(3);
      expect(await shop.listEvents(tracking.id)).toHaveLength(3);
      expect(await shop.listTransitions(tracking.id)).toEqual([
        expect.objectContaining({
          sequence: 1,
          from: { status: 'pending', substatus: 'awaiting_carrier_data' },
          to: { status: 'in_transit', substatus: 'arrived_at_facility' },
        }),
      ]);

      const outboxBefore = await store.readOutbox({ limit: 1000 });
      // Read back, each `event_added` row carries its event again (stored once, in the events table).
      expect(outboxBefore).toEqual(first.events);
      now += HOUR;
      const repeat = await store.ingest({ trackingId: tracking.id, shipment: answer, checkedAt: new Date(now) });
      expect(repeat).toMatchObject({ changed: false, events: [] });
      expect(await store.readOutbox({ limit: 1000 })).toEqual(outboxBefore);
      expect(await shop.listEvents(tracking.id)).toHaveLength(3);
      expect(await shop.listTransitions(tracking.id)).toHaveLength(1);
    });

    it('an older answer arriving late never moves the parcel back and adds nothing', async () => {
      const store = await open();
      const shop = store.shop();
      const tracking = await shop.watch(DHL_NUMBER, { carrier: 'dhl' });
      now = momentAfterScan(4).getTime();
      await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, 5), checkedAt: new Date(now) });
      const outboxBefore = await store.readOutbox({ limit: 1000 });
      const stale = await store.ingest({
        trackingId: tracking.id,
        shipment: answerAfter(DHL_NUMBER, 2),
        checkedAt: new Date(now + 60_000),
      });
      expect(stale).toMatchObject({ changed: false, events: [] });
      expect(await shop.getTracking(tracking.id)).toMatchObject({ status: 'out_for_delivery' });
      expect(await store.readOutbox({ limit: 1000 })).toEqual(outboxBefore);
      expect(await shop.listTransitions(tracking.id)).toHaveLength(1);
    });

    it('an older answer with a scan the newer one dropped adds the scan but keeps the newer status', async () => {
      const store = await open();
      const tracking = await store.shop().watch(DHL_NUMBER, { carrier: 'dhl' });
      now = momentAfterScan(4).getTime();
      const newer = answerAfter(DHL_NUMBER, 5);
      // The carrier's newer answer lists only its last two scans.
      await store.ingest({ trackingId: tracking.id, shipment: { ...newer, events: newer.events.slice(0, 2) }, checkedAt: new Date(now) });
      const older = await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, 3), checkedAt: new Date(now) });
      expect(types(older.events)).toEqual(['event_added', 'event_added', 'event_added']);
      const stored = await store.shop().getTracking(tracking.id);
      expect(stored!.status).toBe('out_for_delivery');
      expect(stored!.shipment!.events.map((event) => event.raw.code)).toEqual(['OFD', 'DF', 'AF', 'PU', 'PRE']);
    });

    it('walks a journey to delivered: one transition per status, delivered once, the finished delivery feeds DeliveryHistory', async () => {
      const store = await open();
      const shop = store.shop();
      const tracking = await shop.watch(DHL_NUMBER, { carrier: 'dhl' });
      const seen: DomainEventType[] = [];
      for (let scans = 1; scans <= TEST_JOURNEY.length; scans++) {
        now = momentAfterScan(scans - 1).getTime();
        const result = await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, scans), checkedAt: new Date(now) });
        seen.push(...types(result.events));
      }
      expect(seen.filter((type) => type === 'status_changed')).toHaveLength(4);
      expect(seen.filter((type) => type === 'delivered')).toHaveLength(1);
      expect(seen.filter((type) => type === 'event_added')).toHaveLength(TEST_JOURNEY.length);
      const transitions = await shop.listTransitions(tracking.id);
      expect(transitions.map((transition) => transition.to.status)).toEqual([
        'info_received',
        'in_transit',
        'out_for_delivery',
        'delivered',
      ]);
      expect(transitions.map((transition) => transition.sequence)).toEqual([1, 2, 3, 4]);
      const delivered = await shop.getTracking(tracking.id);
      // One late confirmation check a day after delivery, then the scheduler stops.
      expect(delivered!.nextCheckAt).toBe(new Date(now + 24 * HOUR).toISOString());
      now += 24 * HOUR;
      const confirmation = await store.ingest({
        trackingId: tracking.id,
        shipment: answerAfter(DHL_NUMBER, TEST_JOURNEY.length),
        checkedAt: new Date(now),
      });
      expect(confirmation).toMatchObject({ changed: false, events: [], nextCheckAt: null, stoppedReason: 'finished' });

      const history = await shop.deliveryHistory();
      expect(history.summarise({ carrier: 'DHL', originCountry: 'de', destinationCountry: 'DE' })).toEqual({
        sampleSize: 1,
        transitDayCounts: [0, 0, 1],
        promisedCount: 0,
        onTimeCount: 0,
      });
      expect(history.summarise({ carrier: 'ups' }).sampleSize).toBe(0);
      expect((await store.shop('other').deliveryHistory()).summarise({ carrier: 'dhl' }).sampleSize).toBe(0);
    });

    it('notices a stalled parcel from the order view rules and lists it under delay=stalled', async () => {
      const store = await open();
      const shop = store.shop();
      const tracking = await shop.watch(DHL_NUMBER, { carrier: 'dhl', customer: { timeZone: 'Europe/Berlin' } });
      now = momentAfterScan(3).getTime();
      const answer = answerAfter(DHL_NUMBER, 4);
      expect(types((await store.ingest({ trackingId: tracking.id, shipment: answer, checkedAt: new Date(now) })).events)).not.toContain(
        'delay_detected',
      );
      now += 80 * HOUR;
      const later = await store.ingest({
        trackingId: tracking.id,
        shipment: { ...answer, fetchedAt: new Date(now).toISOString() },
        checkedAt: new Date(now),
      });
      expect(types(later.events)).toEqual(['delay_detected']);
      expect(later.events[0]!.payload).toMatchObject({ kind: 'stalled', reason: 'no_scan_while_moving' });
      expect((await shop.listTrackings({ delay: 'stalled' })).items.map((item) => item.id)).toEqual([tracking.id]);
      expect((await shop.listTrackings({ delay: 'late' })).items).toEqual([]);
      expect((await shop.counts()).byDelay.stalled).toBe(1);
      // Still stalled an hour later: nothing new.
      now += HOUR;
      expect((await store.ingest({ trackingId: tracking.id, shipment: answer, checkedAt: new Date(now) })).events).toEqual([]);
    });

    it('uses the delay thresholds of the store and of each shop (the shop’s win), and refuses invalid ones', async () => {
      const store = await createStore({
        url: database.url,
        clock: () => new Date(now),
        random: () => 0.5,
        delayThresholds: { default: { stalledInTransitHours: 24 } },
      });
      stores.push(store);
      // Three scans, the last 12 h after the label; checked 20 h and 30 h after that scan.
      const answer = answerAfter(DHL_NUMBER, 3);
      const ingestAt = async (shopId: string, hoursAfterLastScan: number) => {
        const shop = store.shop(shopId);
        const tracking = await shop.watch(DHL_NUMBER, { carrier: 'dhl' });
        now = LABEL_AT + (12 + hoursAfterLastScan) * HOUR;
        const result = await store.ingest({ trackingId: tracking.id, shipment: answer, checkedAt: new Date(now) });
        return result.events.filter((event) => event.type === 'delay_detected').map((event) => (event.payload as { kind: string }).kind);
      };
      const north = await store.shop('north').ensureShop({ delayThresholds: { carriers: { dhl: { stalledInTransitHours: 12 } } } });
      expect(north.delayThresholds).toEqual({ carriers: { dhl: { stalledInTransitHours: 12 } } });
      expect((await store.shop().getShop())!.delayThresholds).toBeNull();
      // The default shop uses the store's 24 h, not order-view's 72 h; shop north its own 12 h for DHL.
      expect(await ingestAt('default', 20)).toEqual([]);
      expect(await ingestAt('north', 20)).toEqual(['stalled']);
      expect(await ingestAt('default', 30)).toEqual(['stalled']);
      expect((await store.shop('north').listTrackings({ delay: 'stalled' })).items).toHaveLength(1);
      // The same parcel in a store with the defaults is not stalled after 30 h.
      const plain = await open();
      const tracking = await plain.shop('plain').watch(DHL_NUMBER, { carrier: 'dhl' });
      expect(
        (await plain.ingest({ trackingId: tracking.id, shipment: answer, checkedAt: new Date(now) })).events.map((e) => e.type),
      ).not.toContain('delay_detected');

      await expect(
        store.shop('north').ensureShop({ delayThresholds: { default: { stalledInTransitHour: 12 } as never } }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
      });
      await expect(store.shop('north').ensureShop({ delayThresholds: { default: { stalledInTransitHours: -1 } } })).rejects.toMatchObject({
        code: 'invalid_input',
      });
      // Back to the store's thresholds.
      expect((await store.shop('north').ensureShop({ delayThresholds: null })).delayThresholds).toBeNull();
    });

    it('orders: upsert validates, watches the parcels, serves OrderSource lookups, and a relabelled parcel is announced', async () => {
      const store = await open();
      const shop = store.shop();
      const order = {
        id: 'ord-1042',
        number: '1042',
        placedAt: '2026-03-15T10:00:00+01:00',
        customer: { id: 'cus-1', email: 'Anna@Example.de', name: 'Anna Schmidt', locale: 'de-DE', timeZone: 'Europe/Berlin' },
        shippingAddress: { city: 'München', region: 'BY', postalCode: '80331', countryCode: 'DE' },
        items: [{ id: 'li-1', name: 'Tasse', quantity: 1 }],
        promisedDeliveryDate: '2026-03-19',
        shipments: [{ id: 'ful-1', carrier: 'dhl', trackingNumber: DHL_NUMBER, items: [{ itemId: 'li-1', quantity: 1 }] }],
      };
      await shop.upsertOrder(order);
      expect((await shop.orders.getOrderByNumber(' #1042 '))?.id).toBe('ord-1042');
      expect((await shop.orders.getOrderById('ord-1042'))?.customer.name).toBe('Anna Schmidt');
      expect((await shop.orders.findOrdersByCustomerEmail('anna@example.DE')).map((found) => found.id)).toEqual(['ord-1042']);
      expect(await store.shop('other-shop').orders.getOrderById('ord-1042')).toBeNull();
      const tracking = await shop.findTracking('dhl', DHL_NUMBER);
      expect(tracking).toMatchObject({ orderId: 'ord-1042', orderShipmentId: 'ful-1' });
      expect((await shop.listTrackings({ orderId: 'ord-1042' })).items.map((item) => item.id)).toEqual([tracking!.id]);

      now = momentAfterScan(1).getTime();
      const picked = await store.ingest({ trackingId: tracking!.id, shipment: answerAfter(DHL_NUMBER, 2), checkedAt: new Date(now) });
      expect(picked.events.find((event) => event.type === 'order_stage_changed')?.payload).toMatchObject({ from: null, to: 'in_transit' });

      await expect(shop.upsertOrder({ ...order, customer: { ...order.customer, timeZone: 'Mars/Olympus' } })).rejects.toMatchObject({
        code: 'invalid_input',
        issues: [expect.objectContaining({ path: 'customer.timeZone' })],
      });

      const relabelled = '00340434161094100002';
      await shop.upsertOrder({ ...order, shipments: [{ ...order.shipments[0]!, trackingNumber: relabelled }] });
      const changed = (await store.readOutbox({ limit: 1000 })).filter((event) => event.type === 'tracking_number_changed');
      expect(changed).toHaveLength(1);
      expect(changed[0]!.payload).toEqual({ carrier: 'dhl', from: DHL_NUMBER, to: relabelled, cause: 'order_updated' });
      expect(await shop.getTracking(tracking!.id)).toMatchObject({ stoppedReason: 'replaced', nextCheckAt: null });
      // Upserting the same order again announces nothing new.
      await shop.upsertOrder({ ...order, shipments: [{ ...order.shipments[0]!, trackingNumber: relabelled }] });
      expect((await store.readOutbox({ limit: 1000 })).filter((event) => event.type === 'tracking_number_changed')).toHaveLength(1);
    });

    it('keeps shops apart: trackings, outbox, counts and API keys', async () => {
      const store = await open();
      const alpha = store.shop('alpha');
      const beta = store.shop('beta');
      const mine = await alpha.watch(DHL_NUMBER, { carrier: 'dhl' });
      const theirs = await beta.watch(DHL_NUMBER, { carrier: 'dhl' });
      expect(theirs.id).not.toBe(mine.id);
      now = momentAfterScan(1).getTime();
      await store.ingest({ trackingId: mine.id, shipment: answerAfter(DHL_NUMBER, 2), checkedAt: new Date(now) });
      expect(await beta.getTracking(mine.id)).toBeNull();
      expect(await beta.unwatch(mine.id)).toBe(false);
      expect(await beta.listEvents(mine.id)).toEqual([]);
      expect((await beta.listTrackings()).items.map((item) => item.id)).toEqual([theirs.id]);
      expect(await beta.readOutbox()).toEqual([]);
      expect((await alpha.readOutbox()).every((event) => event.shopId === 'alpha')).toBe(true);
      expect((await beta.counts()).byStatus).toEqual({ pending: 1 });

      const key = await alpha.createApiKey({ name: 'helpdesk' });
      expect(key.key).toMatch(/^wsk_[0-9a-z]{16}_[A-Za-z0-9_-]{32}$/);
      expect(await store.verifyApiKey(key.key)).toEqual({ shopId: 'alpha', keyId: key.id });
      expect(await store.verifyApiKey(`${key.key.slice(0, -1)}${key.key.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
      expect(await store.verifyApiKey('wsk_nonsense')).toBeNull();
      expect(await beta.revokeApiKey(key.id)).toBe(false);
      expect(JSON.stringify(await alpha.listApiKeys())).not.toContain(key.key.slice(`wsk_${key.id}_`.length));
      expect(await alpha.revokeApiKey(key.id)).toBe(true);
      expect(await store.verifyApiKey(key.key)).toBeNull();
    });

    it('pages with a cursor in creation order and filters by status and carrier', async () => {
      const store = await open();
      const shop = store.shop();
      const ids: string[] = [];
      for (let index = 0; index < 25; index++) {
        const number = `00340434161094${String(200_000 + index)}`;
        const tracking = await shop.watch(number, { carrier: index % 5 === 0 ? 'ups' : 'dhl' });
        ids.push(tracking.id);
        if (index % 3 === 0) await store.ingest({ trackingId: tracking.id, shipment: answerAfter(number, 2), checkedAt: new Date(now) });
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await shop.listTrackings({ limit: 10, cursor });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(ids);
      const inTransit = await shop.listTrackings({ status: 'in_transit', limit: 100 });
      expect(inTransit.items.map((item) => item.id)).toEqual(ids.filter((_, index) => index % 3 === 0));
      expect((await shop.listTrackings({ carrier: 'ups', limit: 2 })).items.map((item) => item.id)).toEqual([ids[0], ids[5]]);
      await expect(shop.listTrackings({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it('claims due shipments under a lease: claimed rows are not handed out again until the lease ends', async () => {
      const store = await open();
      const shop = store.shop();
      for (let index = 0; index < 6; index++)
        await shop.watch(`00340434161094${String(300_000 + index)}`, { carrier: index < 4 ? 'dhl' : 'ups' });
      expect(await store.dueCarriers(new Date(now))).toEqual(
        expect.arrayContaining([
          { carrier: 'dhl', due: 4 },
          { carrier: 'ups', due: 2 },
        ]),
      );
      const first = await store.claimDue({ carrier: 'dhl', limit: 3, now: new Date(now), workerId: 'w1', leaseMs: 60_000 });
      const second = await store.claimDue({ carrier: 'dhl', limit: 3, now: new Date(now), workerId: 'w2', leaseMs: 60_000 });
      expect(first).toHaveLength(3);
      expect(second).toHaveLength(1);
      expect(new Set([...first, ...second].map((claim) => claim.id)).size).toBe(4);
      expect(await store.claimDue({ carrier: 'dhl', limit: 10, now: new Date(now + 30_000), workerId: 'w3' })).toEqual([]);
      // The worker died: after the lease the shipments are due again.
      expect(await store.claimDue({ carrier: 'dhl', limit: 10, now: new Date(now + 61_000), workerId: 'w3' })).toHaveLength(4);
      expect(await store.claimDue({ limit: 10, now: new Date(now), workerId: 'w4' })).toHaveLength(2);
    });

    it.skipIf(engine.name !== 'postgres')('two workers claiming at the same time never get the same shipment (SKIP LOCKED)', async () => {
      const seed = await open();
      const shop = seed.shop();
      const total = 400;
      for (let index = 0; index < total; index += 50) {
        await Promise.all(
          Array.from({ length: 50 }, (_, offset) => shop.watch(`00340434161094${String(400_000 + index + offset)}`, { carrier: 'dhl' })),
        );
      }
      const [workerA, workerB] = await Promise.all([open(), open()]);
      const claimedBy = new Map<string, string>();
      async function work(store: Store, workerId: string) {
        for (;;) {
          const batch = await store.claimDue({ carrier: 'dhl', limit: 7, now: new Date(now), workerId });
          if (batch.length === 0) return;
          for (const claim of batch) {
            expect(claimedBy.has(claim.id), `${claim.id} claimed twice`).toBe(false);
            claimedBy.set(claim.id, workerId);
          }
          await store.ingestMany(
            batch.map((claim) => ({
              trackingId: claim.id,
              error: { code: 'carrier_unavailable', message: 'down' },
              checkedAt: new Date(now),
            })),
          );
        }
      }
      await Promise.all([work(workerA!, 'a'), work(workerB!, 'b'), work(workerA!, 'a2'), work(workerB!, 'b2')]);
      expect(claimedBy.size).toBe(total);
      const perWorker = [...claimedBy.values()].reduce<Record<string, number>>(
        (counts, worker) => ({ ...counts, [worker]: (counts[worker] ?? 0) + 1 }),
        {},
      );
      expect(Object.keys(perWorker).length).toBeGreaterThan(1);
    });

    it('backs off on not_found and gives up after the documented time; other errors retry sooner', async () => {
      const store = await open();
      const tracking = await store.shop().watch(DHL_NUMBER, { carrier: 'dhl' });
      const gaps: number[] = [];
      let result;
      do {
        result = await store.ingest({
          trackingId: tracking.id,
          error: { code: 'not_found', message: 'no data' },
          checkedAt: new Date(now),
        });
        if (result.nextCheckAt) {
          gaps.push((Date.parse(result.nextCheckAt) - now) / HOUR);
          now = Date.parse(result.nextCheckAt);
        }
      } while (result.nextCheckAt);
      expect(gaps.slice(0, 5)).toEqual([1, 2, 4, 8, 12]);
      expect(result.stoppedReason).toBe('not_found');
      expect(now - LABEL_AT).toBeGreaterThanOrEqual(7 * 24 * HOUR);
      const other = await store.shop().watch('1ZW0004S0318207000');
      const failed = await store.ingest({
        trackingId: other.id,
        error: { code: 'rate_limited', message: '429' },
        checkedAt: new Date(now),
      });
      expect(Date.parse(failed.nextCheckAt!) - now).toBe(15 * 60_000);
    });

    it('unwatch stops checks but keeps history; watching again resumes', async () => {
      const store = await open();
      const shop = store.shop();
      const tracking = await shop.watch(DHL_NUMBER, { carrier: 'dhl' });
      await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, 2), checkedAt: new Date(now) });
      expect(await shop.unwatch(tracking.id)).toBe(true);
      expect(await shop.getTracking(tracking.id)).toMatchObject({ stoppedReason: 'unwatched', nextCheckAt: null, status: 'in_transit' });
      expect(await store.claimDue({ limit: 10, now: new Date(now + 100 * HOUR), workerId: 'w' })).toEqual([]);
      // A late answer still lands (nothing is lost) but does not restart the checks.
      const late = await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, 3), checkedAt: new Date(now) });
      expect(late.nextCheckAt).toBeNull();
      expect((await shop.watch(DHL_NUMBER, { carrier: 'dhl' })).stoppedReason).toBeNull();
      await expect(
        store.ingest({ trackingId: 'trk_unknown', error: { code: 'x', message: 'y' }, checkedAt: new Date(now) }),
      ).rejects.toMatchObject({ code: 'not_found' });
    });

    it('archives parcels finished before the cut-off: events and transitions go, the finished delivery stays', async () => {
      const store = await open();
      const shop = store.shop();
      const tracking = await shop.watch(DHL_NUMBER, { carrier: 'dhl' });
      const active = await shop.watch('1ZW0004S0318207000');
      now = momentAfterScan(5).getTime();
      await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, 6), checkedAt: new Date(now) });
      now += 24 * HOUR;
      await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, 6), checkedAt: new Date(now) });
      expect(await store.archive({ olderThan: new Date(now - 48 * HOUR) })).toMatchObject({ archivedTrackings: 0 });
      now += 400 * 24 * HOUR;
      const result = await store.archive({ olderThan: new Date(now - 395 * 24 * HOUR) });
      expect(result).toMatchObject({ archivedTrackings: 1, deletedEvents: TEST_JOURNEY.length, deletedTransitions: 1 });
      expect(result.deletedOutbox).toBeGreaterThan(0);
      expect(await shop.getTracking(tracking.id)).toBeNull();
      expect(await shop.getTracking(active.id)).not.toBeNull();
      expect((await shop.deliveryHistory()).summarise({ carrier: 'dhl' }).sampleSize).toBe(1);
    });

    it("an outbox row newer than the cut-off still reads its event after the parcel's events were archived", async () => {
      const store = await open();
      const tracking = await store.shop().watch(DHL_NUMBER, { carrier: 'dhl' });
      now = momentAfterScan(5).getTime();
      const delivered = answerAfter(DHL_NUMBER, 6);
      await store.ingest({ trackingId: tracking.id, shipment: delivered, checkedAt: new Date(now) });
      // The confirmation check, days later, brings one more (late) scan.
      now += 3 * 24 * HOUR;
      const lateScan = {
        ...delivered.events[0]!,
        description: 'Proof of delivery scanned',
        raw: { ...delivered.events[0]!.raw, code: 'POD' },
      };
      const late = await store.ingest({
        trackingId: tracking.id,
        shipment: { ...delivered, events: [lateScan, ...delivered.events], fetchedAt: new Date(now).toISOString() },
        checkedAt: new Date(now),
      });
      expect(types(late.events)).toEqual(['event_added']);
      expect(await store.shop().getTracking(tracking.id)).toMatchObject({ nextCheckAt: null });
      const result = await store.archive({ olderThan: new Date(now - 24 * HOUR) });
      expect(result).toMatchObject({ archivedTrackings: 1, deletedEvents: TEST_JOURNEY.length + 1 });
      const outbox = await store.readOutbox({ limit: 1000 });
      expect(outbox).toEqual(late.events);
      expect((outbox[0]!.payload as { event: { description: string } }).event.description).toBe('Proof of delivery scanned');
    });

    it.skipIf(engine.name !== 'postgres')(
      'partitions events and transitions by month and creates the coming months on demand',
      async () => {
        const store = await open();
        const created = await store.ensurePartitions({ monthsAhead: 14, now: new Date(now) });
        expect(created).toContain('events_2027_05');
        expect(await store.ensurePartitions({ monthsAhead: 14, now: new Date(now) })).toEqual([]);
        const tracking = await store.shop().watch(DHL_NUMBER, { carrier: 'dhl' });
        now = momentAfterScan(2).getTime();
        await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, 3), checkedAt: new Date(now) });
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        try {
          const schema = new URL(database.url).searchParams.get('schema');
          const rows = await client.query(
            `select tableoid::regclass::text as partition, count(*)::int as n from "${schema}".events group by 1`,
          );
          expect(rows.rows).toEqual([{ partition: expect.stringMatching(/events_2026_03$/), n: 3 }]);
        } finally {
          await client.end();
        }
      },
    );

    it.skipIf(engine.name !== 'postgres')(
      'creates a month late: its rows move out of the default partition, nothing is lost or duplicated',
      async () => {
        // Migration made partitions around today only, so these March 2026 rows land in the default partitions.
        const store = await open();
        const shop = store.shop();
        const tracking = await shop.watch(DHL_NUMBER, { carrier: 'dhl' });
        now = momentAfterScan(2).getTime();
        await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, 3), checkedAt: new Date(now) });
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        const schema = new URL(database.url).searchParams.get('schema');
        const partitions = async (table: string) =>
          (
            await client.query(
              `select tableoid::regclass::text as partition, count(*)::int as n from "${schema}".${table} group by 1 order by 1`,
            )
          ).rows.map((row: { partition: string; n: number }) => `${row.partition.split('.').pop()}:${row.n}`);
        try {
          expect(await partitions('events')).toEqual(['events_default:3']);
          expect(await partitions('transitions')).toEqual(['transitions_default:1']);

          const created = await store.ensurePartitions({ monthsAhead: 1, now: new Date(now) });
          expect(created).toEqual(expect.arrayContaining(['events_2026_03', 'transitions_2026_03']));
          expect(await partitions('events')).toEqual(['events_2026_03:3']);
          expect(await partitions('transitions')).toEqual(['transitions_2026_03:1']);

          // De-duplication still holds across the move; the next scan goes into the new partition.
          const repeat = await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, 3), checkedAt: new Date(now) });
          expect(repeat.events).toEqual([]);
          now = momentAfterScan(3).getTime();
          await store.ingest({ trackingId: tracking.id, shipment: answerAfter(DHL_NUMBER, 4), checkedAt: new Date(now) });
          expect(await partitions('events')).toEqual(['events_2026_03:4']);
          expect(await shop.listEvents(tracking.id)).toHaveLength(4);
        } finally {
          await client.end();
        }
      },
    );
  });
}
