// `pnpm bench store-refresh`: refresh rounds over 100,000 watched shipments (each checked once) against the sandbox
// carriers answering instantly (no latency, no rate limits, real adapters over loopback HTTP), against the
// tracker alone checking the same numbers in the same batches without the store. Goal: at most 1.3×.
//
// Both sides: per carrier, batches of 500 numbers through `tracker.trackMany(…, { refresh: true })`, the four
// carriers in parallel. The store side is `scheduler.runOnce()`: it also claims each batch (a write), and
// ingests the answers (change detection, events, transitions, outbox) into a SQLite file while the next batch
// is being tracked. The sandbox serves 'mixed' scenarios, so about one number in eleven is not found. Both sides
// are warmed up first on other numbers (the side measured first used to pay the JIT warm-up alone).
//
// The parcels are watched and checked in ten slices of a tenth each, the two sides one after the other, the side
// that goes first alternating, as the ingest bench does batch for batch: this machine's speed drifts by a fifth
// over minutes (the same tracker-alone work took 31.5 to 46.8 s of CPU), and two phases of a minute or more each
// measured one after the other turned that drift into ratios from 1.07× to 1.53× for the same code. Each slice's
// parcels are watched just before it (outside the measured time), so the round claims only them; the store holds
// all 100,000 by the last slice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTracker, type Tracker } from '../../packages/core/src/index';
import { createScheduler, createStore } from '../../packages/store/src/index';
import { createSandboxClock, startSandboxCarriers, type SandboxCarrierId } from '../../packages/testkit/src/index';

const SHIPMENTS = Number(process.env.WISMO_BENCH_ROUND_SHIPMENTS ?? 100_000);
const BATCH = 500;
// Two batches per carrier before the measured runs.
const WARM_UP_PER_CARRIER = 2 * BATCH;
const SLICES = 10;
const GOAL = 1.3;
const CARRIERS: SandboxCarrierId[] = ['ups', 'fedex', 'usps', 'dhl'];

/** User plus system CPU time of this process (the sandbox servers run in it too). */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

export default async function runRefreshRoundBenchmark(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'wismo-bench-round-'));
  const clock = createSandboxClock(new Date('2026-01-14T15:00:00Z'));
  const sandbox = await startSandboxCarriers({ clock, rateLimits: 'off', latencyMs: 0, seed: 7 });
  const store = await createStore({ url: `sqlite:${join(directory, 'wismo.db')}`, clock: () => clock.now() });
  try {
    const perCarrier = Math.ceil(SHIPMENTS / CARRIERS.length);
    const numbers = Object.fromEntries(
      CARRIERS.map((carrier) => [carrier, sandbox.generateNumbers(carrier, perCarrier, 'mixed')]),
    ) as Record<SandboxCarrierId, string[]>;

    const trackAlone = async (tracker: Tracker, byCarrier: Record<SandboxCarrierId, string[]>) => {
      let ok = 0;
      await Promise.all(
        CARRIERS.map(async (carrier) => {
          for (let start = 0; start < byCarrier[carrier].length; start += BATCH) {
            const outcomes = await tracker.trackMany(
              byCarrier[carrier].slice(start, start + BATCH).map((trackingNumber) => ({ trackingNumber, carrier })),
              { refresh: true },
            );
            ok += outcomes.filter((outcome) => outcome.ok).length;
          }
        }),
      );
      return ok;
    };

    // Warm-up of both sides on other numbers (and a throwaway store), so neither pays the JIT for the other.
    const warmUpNumbers = Object.fromEntries(
      CARRIERS.map((carrier) => [carrier, sandbox.generateNumbers(carrier, WARM_UP_PER_CARRIER, 'mixed')]),
    ) as Record<SandboxCarrierId, string[]>;
    const warmUpStore = await createStore({ url: `sqlite:${join(directory, 'warm-up.db')}`, clock: () => clock.now() });
    try {
      for (const carrier of CARRIERS)
        await warmUpStore.shop().watchMany(warmUpNumbers[carrier].map((trackingNumber) => ({ trackingNumber, carrier })));
      await trackAlone(createTracker({ carriers: sandbox.createAdapters({ retries: 0 }), cache: false }), warmUpNumbers);
      const warmUpTracker = createTracker({ carriers: sandbox.createAdapters({ retries: 0 }), cache: false });
      await createScheduler({ store: warmUpStore, tracker: warmUpTracker, clock: () => clock.now(), batchSize: BATCH }).runOnce();
    } finally {
      await warmUpStore.close();
    }

    // The tracker alone: the same numbers, the same batches, no store.
    const alone = createTracker({ carriers: sandbox.createAdapters({ retries: 0 }), cache: false });
    const tracker = createTracker({ carriers: sandbox.createAdapters({ retries: 0 }), cache: false });
    const scheduler = createScheduler({ store, tracker, clock: () => clock.now(), batchSize: BATCH });
    let watchMs = 0;
    let aloneMs = 0;
    let aloneCpuMs = 0;
    let aloneOk = 0;
    let roundMs = 0;
    let roundCpuMs = 0;
    const round = { claimed: 0, checked: 0, errors: 0, changed: 0, eventCount: 0 };
    const perSlice = Math.ceil(perCarrier / SLICES);
    for (let slice = 0; slice < SLICES; slice++) {
      const part = Object.fromEntries(
        CARRIERS.map((carrier) => [carrier, numbers[carrier].slice(slice * perSlice, (slice + 1) * perSlice)]),
      ) as Record<SandboxCarrierId, string[]>;
      const watched = performance.now();
      for (const carrier of CARRIERS) await store.shop().watchMany(part[carrier].map((trackingNumber) => ({ trackingNumber, carrier })));
      watchMs += performance.now() - watched;
      const runAlone = async () => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        aloneOk += await trackAlone(alone, part);
        aloneMs += performance.now() - started;
        aloneCpuMs += cpuMs(process.cpuUsage(cpu));
      };
      const runRound = async () => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const report = await scheduler.runOnce();
        roundMs += performance.now() - started;
        roundCpuMs += cpuMs(process.cpuUsage(cpu));
        for (const key of Object.keys(round) as Array<keyof typeof round>) round[key] += report[key];
      };
      if (slice % 2 === 0) {
        await runAlone();
        await runRound();
      } else {
        await runRound();
        await runAlone();
      }
    }
    console.log(
      `  watched ${(perCarrier * CARRIERS.length).toLocaleString('en-US')} numbers (${perCarrier.toLocaleString('en-US')} per carrier) in ${(watchMs / 1000).toFixed(1)} s, a tenth before each slice`,
    );

    const ratio = roundMs / aloneMs;
    const counts = await store.shop().counts();
    console.log(
      `Refresh round of ${round.claimed.toLocaleString('en-US')} watched shipments in ${SLICES} slices, sandbox carriers answering instantly (UPS, FedEx, USPS, DHL in parallel, ${BATCH} per batch)\n` +
        `  tracker alone: ${(aloneMs / 1000).toFixed(1)} s (${Math.round((SHIPMENTS / aloneMs) * 1000).toLocaleString('en-US')} numbers/s, ${aloneOk.toLocaleString('en-US')} answered with a shipment)\n` +
        `  scheduler.runOnce (claim + track + ingest into SQLite): ${(roundMs / 1000).toFixed(1)} s (${Math.round((round.claimed / roundMs) * 1000).toLocaleString('en-US')} numbers/s; ${round.checked.toLocaleString('en-US')} answered, ${round.errors.toLocaleString('en-US')} errors (not found), ${round.changed.toLocaleString('en-US')} changed, ${round.eventCount.toLocaleString('en-US')} outbox rows)\n` +
        `  after the round: ${JSON.stringify(counts.byStatus)}\n` +
        `  cost ratio ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×: ${ratio <= GOAL ? 'met' : 'NOT met'}); ` +
        `CPU time of this process (less sensitive to other load): ${(aloneCpuMs / 1000).toFixed(1)} s vs ${(roundCpuMs / 1000).toFixed(1)} s, ${(roundCpuMs / aloneCpuMs).toFixed(2)}×`,
    );
  } finally {
    await store.close();
    await sandbox.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
