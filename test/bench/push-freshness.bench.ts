// `pnpm bench push-freshness`: time from a sandbox carrier's scan to the stored change, by push and by polling, in
// the same run, over the sandbox's `advancing` journeys (UPS, FedEx, USPS, DHL).
// - Push: the sandbox carriers push each scan, signed their way, over loopback HTTP to a real wismo server
//   (`POST /webhooks/carriers/{carrier}`), which verifies, stores and ingests it into a SQLite store; the time is wall
//   clock from the moment the scan exists to the moment the server answered after committing it.
// - Polling: the store's scheduler at its refresh policy (packages/store/src/__fixtures__/sandbox-journeys.ts, a
//   controlled clock), the time from each scan to the check that noticed it (simulated time).
// Goal: push under a second end to end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDhlPushReceiver } from '../../packages/carrier-dhl/src/index';
import { createFedexPushReceiver } from '../../packages/carrier-fedex/src/index';
import { createUpsPushReceiver } from '../../packages/carrier-ups/src/index';
import { createUspsPushReceiver } from '../../packages/carrier-usps/src/index';
import { createTracker } from '../../packages/core/src/index';
import { startServer } from '../../packages/server/src/index';
import { createStore } from '../../packages/store/src/index';
import {
  advancingMilestones,
  openSimulationStore,
  runSchedulerUntil,
  SIMULATION_START,
  startSandboxJourneys,
  watchSandboxParcels,
} from '../../packages/store/src/__fixtures__/sandbox-journeys';
import {
  ADVANCING_SCHEDULE,
  createSandboxClock,
  createSandboxPusher,
  startSandboxCarriers,
  type SandboxPushCarrier,
} from '../../packages/testkit/src/index';

const PER_CARRIER = Number(process.env.WISMO_BENCH_PUSH_PARCELS ?? 10);
const HOUR = 3_600_000;
const CARRIERS: SandboxPushCarrier[] = ['ups', 'fedex', 'usps', 'dhl'];
const SECRETS: Record<SandboxPushCarrier, string> = {
  ups: 'bench-ups-credential',
  fedex: 'bench-fedex-security-token',
  usps: 'bench-usps-secret-0123456789abcd',
  dhl: 'bench-dhl-token',
};

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function measurePush(): Promise<{
  latenciesMs: number[];
  requestsMs: number[];
  byCarrier: Record<string, number[]>;
  deliveries: number;
  missed: number;
}> {
  const directory = mkdtempSync(join(tmpdir(), 'wismo-bench-push-'));
  const start = new Date('2026-01-13T00:00:00Z');
  const clock = createSandboxClock(start);
  const sandbox = await startSandboxCarriers({ carriers: CARRIERS, clock, advancingStart: start, rateLimits: 'off', latencyMs: 0 });
  const store = await createStore({ url: `sqlite:${join(directory, 'wismo.db')}`, clock: () => clock.now() });
  const server = await startServer({
    port: 0,
    tracker: createTracker({ carriers: sandbox.createAdapters() }),
    store,
    apiKeys: ['wk_bench_0123456789abcdef'],
    brand: { name: 'Bench', colors: { primary: '#0b5cad', background: '#ffffff', text: '#1f2328' }, defaultLocale: 'en', timeZone: 'UTC' },
    now: () => clock.now(),
    push: {
      receivers: [
        createUpsPushReceiver({ flavour: 'v1', credential: SECRETS.ups }),
        createFedexPushReceiver({ securityToken: SECRETS.fedex }),
        createUspsPushReceiver({ secret: SECRETS.usps, toleranceMs: 24 * HOUR }),
        createDhlPushReceiver({ header: 'x-wismo-dhl-token', token: SECRETS.dhl }),
      ],
    },
  });
  const latenciesMs: number[] = [];
  const requestsMs: number[] = [];
  const byCarrier: Record<string, number[]> = {};
  let deliveries = 0;
  let missed = 0;
  try {
    const pushers = CARRIERS.map((carrier) => createSandboxPusher({ carrier, clock, advancingStart: start, secret: SECRETS[carrier] }));
    const numbers = new Map<SandboxPushCarrier, string[]>();
    for (const pusher of pushers) {
      const list = sandbox.generateNumbers(pusher.carrier, PER_CARRIER, 'advancing');
      numbers.set(pusher.carrier, list);
      for (const number of list) await store.shop().watch(number, { carrier: pusher.carrier });
      pusher.subscribe(`${server.url}/webhooks/carriers/${pusher.carrier}`, list);
    }
    // Each milestone: the clock moves just past the scan, the carriers push, and the change must be in the store.
    for (const step of ADVANCING_SCHEDULE.slice(1)) {
      clock.set(new Date(start.getTime() + step.afterHours * HOUR + 1_000));
      for (const pusher of pushers) {
        const sent = await pusher.flush();
        deliveries += sent.length;
        for (const delivery of sent) {
          if (delivery.status !== 200) missed += 1;
          latenciesMs.push(delivery.elapsedMs);
          requestsMs.push(delivery.requestMs);
          (byCarrier[pusher.carrier] ??= []).push(delivery.elapsedMs);
        }
        for (const number of numbers.get(pusher.carrier)!) {
          const stored = await store.shop().findTracking(pusher.carrier, number);
          if (stored?.status !== step.status) missed += 1;
        }
      }
    }
  } finally {
    await server.close();
    await store.close();
    await sandbox.close();
    rmSync(directory, { recursive: true, force: true });
  }
  return { latenciesMs, requestsMs, byCarrier, deliveries, missed };
}

async function measurePolling(): Promise<number[]> {
  const directory = mkdtempSync(join(tmpdir(), 'wismo-bench-push-poll-'));
  const { store, clockRef } = await openSimulationStore(`sqlite:${join(directory, 'wismo.db')}`);
  const journeys = await startSandboxJourneys();
  clockRef.journeys = journeys;
  const delaysMs: number[] = [];
  try {
    const parcels = await watchSandboxParcels(store, journeys, ['advancing'], PER_CARRIER);
    await runSchedulerUntil(store, journeys, SIMULATION_START + 4 * 24 * HOUR);
    for (const parcel of parcels) {
      const milestones = advancingMilestones(journeys.labelAtOf(parcel.carrier));
      const transitions = await store.shop().listTransitions(parcel.trackingId);
      for (const transition of transitions) {
        // The first scan of the status it moved to: that scan's time to the check that noticed it.
        const scan = milestones.find((milestone) => milestone.status === transition.to.status);
        if (scan) delaysMs.push(Date.parse(transition.detectedAt) - scan.at);
      }
    }
  } finally {
    await store.close();
    await journeys.close();
    rmSync(directory, { recursive: true, force: true });
  }
  return delaysMs;
}

export default async function runPushFreshnessBenchmark(): Promise<void> {
  const push = await measurePush();
  const polling = await measurePolling();
  const pushMedian = quantile(push.latenciesMs, 0.5);
  const pushP95 = quantile(push.latenciesMs, 0.95);
  const pushMax = Math.max(...push.latenciesMs);
  const pollMedian = quantile(polling, 0.5);
  const perCarrier = Object.entries(push.byCarrier)
    .map(([carrier, values]) => `${carrier} p50 ${quantile(values, 0.5).toFixed(1)} ms / max ${Math.max(...values).toFixed(1)} ms`)
    .join('; ');
  console.log(
    `Freshness, scan → stored change, ${PER_CARRIER} advancing parcels each of UPS, FedEx, USPS, DHL\n` +
      `  push (signed delivery over loopback HTTP → verify → store → ingest, SQLite): ${push.deliveries} deliveries, ` +
      `p50 ${pushMedian.toFixed(1)} ms, p95 ${pushP95.toFixed(1)} ms, max ${pushMax.toFixed(1)} ms; ${push.missed} missed\n` +
      `    ${perCarrier}\n` +
      `    one delivery's own request (without waiting behind the round's others): p50 ${quantile(push.requestsMs, 0.5).toFixed(1)} ms, ` +
      `p95 ${quantile(push.requestsMs, 0.95).toFixed(1)} ms, max ${Math.max(...push.requestsMs).toFixed(1)} ms\n` +
      `  polling at the scheduler's refresh policy (simulated time): ${polling.length} status changes, ` +
      `p50 ${(pollMedian / 60_000).toFixed(0)} min, p95 ${(quantile(polling, 0.95) / 60_000).toFixed(0)} min, max ${(Math.max(...polling) / 60_000).toFixed(0)} min\n` +
      `  polling p50 / push p50 = ${(pollMedian / pushMedian).toFixed(0)}×; goal push under 1 s end to end (max): ${pushMax < 1_000 && push.missed === 0 ? 'met' : 'NOT met'}`,
  );
}
