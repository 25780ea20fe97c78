// A worker process for the crash-safety test: the parent kills it with SIGKILL part-way.
// Usage: node --import tsx crash-child.ts <ingest|claim> <store url>
// Prints "committed <n>" after each committed transaction, so the parent knows what must have survived.
import { createStore } from '../create-store';
import { answerAfter, TEST_JOURNEY } from './parcel-answers';

const [mode, url] = process.argv.slice(2);
if ((mode !== 'ingest' && mode !== 'claim') || !url) {
  console.error('usage: crash-child.ts <ingest|claim> <store url>');
  process.exit(2);
}

export const CRASH_BATCH = 10;
const CHECKED_AT = new Date('2026-03-20T00:00:00Z');

const store = await createStore({ url, clock: () => CHECKED_AT, random: () => 0.5 });
const trackings = (await store.shop().listTrackings({ limit: 500 })).items;
let committed = 0;

if (mode === 'ingest') {
  // Every parcel's journey, one scan at a time, ten parcels per transaction.
  for (let scans = 1; scans <= TEST_JOURNEY.length; scans++) {
    for (let index = 0; index < trackings.length; index += CRASH_BATCH) {
      const batch = trackings.slice(index, index + CRASH_BATCH);
      await store.ingestMany(
        batch.map((tracking) => ({
          trackingId: tracking.id,
          shipment: answerAfter(tracking.trackingNumber, scans),
          checkedAt: CHECKED_AT,
        })),
      );
      committed += 1;
      process.stdout.write(`committed ${committed}\n`);
    }
  }
} else {
  // The scheduler's loop: claim a batch under a lease, "track" it (the full journey), ingest it.
  for (;;) {
    const claimed = await store.claimDue({ limit: CRASH_BATCH, now: CHECKED_AT, workerId: `child-${process.pid}`, leaseMs: 60_000 });
    if (claimed.length === 0) break;
    process.stdout.write(`claimed ${claimed.map((claim) => claim.id).join(',')}\n`);
    await store.ingestMany(
      claimed.map((claim) => ({
        trackingId: claim.id,
        shipment: answerAfter(claim.trackingNumber, TEST_JOURNEY.length),
        checkedAt: CHECKED_AT,
      })),
    );
    committed += 1;
    process.stdout.write(`committed ${committed}\n`);
  }
}
await store.close();
process.stdout.write('done\n');
