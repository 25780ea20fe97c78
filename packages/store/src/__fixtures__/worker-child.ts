// The worker of the memory benchmark, run as its own process so that its peak RSS is its own:
//   node --import <exit hook> --import tsx worker-child.ts <store url> <fedex adapter settings as JSON>
// It runs refresh rounds until nothing is due, pages through the operations queries, and prints a JSON summary.
import { createFedex } from '@wismo/carrier-fedex';
import { createTracker } from '@wismo/core';
import { createScheduler } from '../scheduler/create-scheduler';
import { createStore } from '../create-store';

const [url, settingsJson] = process.argv.slice(2);
if (!url || !settingsJson) {
  console.error('usage: worker-child.ts <store url> <fedex settings JSON>');
  process.exit(2);
}
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const phases: Record<string, number> = {};
const store = await createStore({ url });
phases.opened = peakMb();
const tracker = createTracker({
  carriers: [createFedex({ ...(JSON.parse(settingsJson) as Record<string, unknown>), retries: 0 })],
  cache: false,
});
const scheduler = createScheduler({ store, tracker, batchSize: 200 });
const started = Date.now();
let claimed = 0;
let changed = 0;
let outbox = 0;
for (;;) {
  const round = await scheduler.runOnce();
  if (round.claimed === 0) break;
  claimed += round.claimed;
  changed += round.changed;
  outbox += round.eventCount;
}
const roundMs = Date.now() - started;
phases.rounds = peakMb();
// Operations queries over the whole table: counts, and a few pages of a filter.
const counts = await store.shop().counts();
phases.counts = peakMb();
let pages = 0;
let cursor: string | undefined;
do {
  const page = await store.shop().listTrackings({ status: 'delivered', limit: 500, cursor });
  cursor = page.nextCursor ?? undefined;
  pages += 1;
} while (cursor && pages < 20);
phases.pages = peakMb();
await store.close();
process.stdout.write(
  `${JSON.stringify({ claimed, changed, outbox, roundMs, active: counts.active, stopped: counts.stopped, byStatus: counts.byStatus, pages, peakMbAfter: phases })}\n`,
);
