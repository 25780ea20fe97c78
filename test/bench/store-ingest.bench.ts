// `pnpm bench store-ingest`: 100,000 shipment updates (parsed Shipments with their events) ingested through the
// store's change detection, against plain batched INSERTs of the same rows into the same database, in the same
// run, batch for batch. Goal on SQLite: at most 3× the plain inserts. The same is reported on PostgreSQL when
// DATABASE_URL is set.
//
// The updates: 25,000 parcels, each answered four times as its journey advances (3, 4, 5 then 6 scans), in
// rounds as a poller sees them; 500 updates per transaction for both sides. The baseline writes what a store
// without change detection would: the answer's shipment row and every event row of the answer.
import { answerAfter, LABEL_AT } from '../../packages/store/src/__fixtures__/parcel-answers';
import { createPlainTables, plainInsert, type AnyDb } from '../../packages/store/src/__fixtures__/plain-inserts';
import { createStore } from '../../packages/store/src/index';
import { openDatabase } from '../../packages/store/src/database/open-database';
import { onEachEngine } from './on-each-engine';

const PARCELS = Number(process.env.WISMO_BENCH_INGEST_PARCELS ?? 25_000);
const ROUNDS = [3, 4, 5, 6];
const BATCH = 500;
const GOAL = 3;

function numberOf(index: number): string {
  return `00340434161${String(100_000_000 + index)}`;
}

async function runOn(engine: 'sqlite' | 'postgres', url: string): Promise<void> {
  const clock = { now: LABEL_AT };
  const store = await createStore({ url, clock: () => new Date(clock.now), random: () => 0.5 });
  const plain = openDatabase(url, { poolSize: 2 });
  const plainDb = plain.db as unknown as AnyDb;
  await createPlainTables(plainDb, engine);
  try {
    const ids: string[] = [];
    const shop = store.shop();
    for (let index = 0; index < PARCELS; index++) ids.push((await shop.watch(numberOf(index), { carrier: 'dhl' })).id);
    let storeMs = 0;
    let plainMs = 0;
    let updates = 0;
    let outboxRows = 0;
    let newEvents = 0;
    for (const scans of ROUNDS) {
      clock.now = LABEL_AT + scans * 12 * 3_600_000;
      for (let start = 0; start < PARCELS; start += BATCH) {
        const answers = ids
          .slice(start, start + BATCH)
          .map((_, offset) => answerAfter(numberOf(start + offset), scans, { fetchedAt: clock.now }));
        // Alternate which side goes first so that neither always meets a warm page cache.
        const runPlain = async () => {
          const started = performance.now();
          await plainInsert(plainDb, engine, answers);
          plainMs += performance.now() - started;
        };
        const runStore = async () => {
          const started = performance.now();
          const results = await store.ingestMany(
            answers.map((shipment, offset) => ({ trackingId: ids[start + offset]!, shipment, checkedAt: new Date(clock.now) })),
          );
          storeMs += performance.now() - started;
          for (const result of results) {
            outboxRows += result.events.length;
            newEvents += result.events.filter((event) => event.type === 'event_added').length;
          }
        };
        if ((start / BATCH) % 2 === 0) {
          await runPlain();
          await runStore();
        } else {
          await runStore();
          await runPlain();
        }
        updates += answers.length;
      }
    }
    // Extra, not part of the 100,000: the same last answers once more (nothing changed), as most polls are.
    let repeatMs = 0;
    let repeatEvents = 0;
    for (let start = 0; start < PARCELS; start += BATCH) {
      const answers = ids
        .slice(start, start + BATCH)
        .map((_, offset) => answerAfter(numberOf(start + offset), ROUNDS.at(-1)!, { fetchedAt: clock.now }));
      const started = performance.now();
      const results = await store.ingestMany(
        answers.map((shipment, offset) => ({ trackingId: ids[start + offset]!, shipment, checkedAt: new Date(clock.now) })),
      );
      repeatMs += performance.now() - started;
      repeatEvents += results.reduce((sum, result) => sum + result.events.length, 0);
    }
    const ratio = storeMs / plainMs;
    console.log(
      `${engine}: ${updates.toLocaleString('en-US')} shipment updates (${PARCELS.toLocaleString('en-US')} parcels × ${ROUNDS.length} answers), ${BATCH} per transaction\n` +
        `  plain batched INSERTs (shipment row + every event row): ${(plainMs / 1000).toFixed(2)} s (${Math.round((updates / plainMs) * 1000).toLocaleString('en-US')} updates/s)\n` +
        `  store.ingestMany (change detection, order-view delay rules, events de-duplicated, transitions, outbox): ${(storeMs / 1000).toFixed(2)} s (${Math.round((updates / storeMs) * 1000).toLocaleString('en-US')} updates/s); ${newEvents.toLocaleString('en-US')} new events, ${outboxRows.toLocaleString('en-US')} outbox rows\n` +
        `  (extra) the last answers again, unchanged: ${Math.round((PARCELS / repeatMs) * 1000).toLocaleString('en-US')} updates/s, ${repeatEvents} outbox rows (must be 0)\n` +
        `  cost ratio ${ratio.toFixed(2)}×${engine === 'sqlite' ? ` (goal ≤ ${GOAL}×: ${ratio <= GOAL ? 'met' : 'NOT met'})` : ' (reported)'}`,
    );
  } finally {
    await store.close();
    await plain.db.destroy();
  }
}

export default async function runStoreIngestBenchmark(): Promise<void> {
  await onEachEngine(runOn);
}
