// `pnpm bench store-polling`: carrier requests per parcel from label to delivered, over the sandbox's advancing
// journeys (UPS, FedEx, USPS, DHL; real adapters over loopback HTTP; a controlled clock), the store's refresh
// policy against a fixed 2-hour poll (what hosted aggregators do), in the same run.
// Goal: at most a quarter of the fixed poll's requests, with out-for-delivery noticed within an hour.
//
// Labels are created at 18:00 in the customer's zone (see packages/store/src/__fixtures__/sandbox-journeys.ts),
// so the journey puts the parcel out for delivery at 06:00 and delivers it at 12:00 two days later. "Label to
// delivered" counts the checks from the label until the check that saw the parcel delivered; checks of the
// number before its label (not found yet) and the one confirmation check after delivery are reported apart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RefreshPolicy } from '../../packages/store/src/index';
import {
  advancingMilestones,
  openSimulationStore,
  runFixedPoll,
  runSchedulerUntil,
  SIMULATION_START,
  startSandboxJourneys,
  watchSandboxParcels,
} from '../../packages/store/src/__fixtures__/sandbox-journeys';

const PER_CARRIER = Number(process.env.WISMO_BENCH_POLLING_PARCELS ?? 10);
const HOUR = 3_600_000;
const DAYS = 4;

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

export default async function runPollingEconomyBenchmark(): Promise<void> {
  await runWithPolicy('the default policy', undefined);
  // The trade-off: checking every 2 h while out for delivery notices "delivered" sooner and costs requests.
  await runWithPolicy('variant: out for delivery every 2 h', { outForDeliveryMs: 2 * HOUR });
}

async function runWithPolicy(label: string, policy: Partial<RefreshPolicy> | undefined): Promise<void> {
  // The goals are the default policy's; a variant is reported beside them.
  const judged = (met: boolean, goal: string) =>
    policy ? `${goal} is the default policy's: reported` : `${goal}: ${met ? 'met' : 'NOT met'}`;
  const directory = mkdtempSync(join(tmpdir(), 'wismo-bench-polling-'));
  const { store, clockRef } = await openSimulationStore(`sqlite:${join(directory, 'wismo.db')}`, policy);
  const journeys = await startSandboxJourneys();
  clockRef.journeys = journeys;
  try {
    const parcels = await watchSandboxParcels(store, journeys, ['advancing'], PER_CARRIER);
    await runSchedulerUntil(store, journeys, SIMULATION_START + DAYS * 24 * HOUR, policy);
    const policyCounts: number[] = [];
    const beforeLabel: number[] = [];
    const afterDelivered: number[] = [];
    const outForDeliveryDelays: number[] = [];
    const deliveredDelays: number[] = [];
    for (const parcel of parcels) {
      const labelAt = journeys.labelAtOf(parcel.carrier);
      const milestones = advancingMilestones(labelAt);
      const transitions = await store.shop().listTransitions(parcel.trackingId);
      const deliveredNoticed = Date.parse(transitions.find((transition) => transition.to.status === 'delivered')!.detectedAt);
      const ofdNoticed = Date.parse(transitions.find((transition) => transition.to.status === 'out_for_delivery')!.detectedAt);
      outForDeliveryDelays.push(ofdNoticed - milestones.find((milestone) => milestone.milestone === 'out_for_delivery')!.at);
      deliveredDelays.push(deliveredNoticed - milestones.find((milestone) => milestone.milestone === 'delivered')!.at);
      const requests = journeys.requestsByNumber.get(parcel.trackingNumber) ?? [];
      policyCounts.push(requests.filter((request) => request.at >= labelAt && request.at <= deliveredNoticed).length);
      beforeLabel.push(requests.filter((request) => request.at < labelAt).length);
      afterDelivered.push(requests.filter((request) => request.at > deliveredNoticed).length);
    }

    // The same parcels, polled every two hours from their label by the tracker alone.
    journeys.clock.set(new Date(SIMULATION_START));
    const fixed = await runFixedPoll(journeys, parcels, 2 * HOUR, SIMULATION_START + DAYS * 24 * HOUR);
    const fixedCounts = parcels.map((parcel) => fixed.get(parcel.trackingNumber) ?? 0);

    const policyAverage = average(policyCounts);
    const fixedAverage = average(fixedCounts);
    const ratio = policyAverage / fixedAverage;
    const worstOfdMinutes = Math.max(...outForDeliveryDelays) / 60_000;
    console.log(
      `Polling economy, ${label}, over the sandbox's advancing journeys: ${parcels.length} parcels (${PER_CARRIER} each of UPS, FedEx, USPS, DHL), label → out for delivery 36 h → delivered 42 h\n` +
        `  fixed 2-hour poll (tracker alone): ${fixedAverage.toFixed(2)} requests per parcel from label to delivered (min ${Math.min(...fixedCounts)}, max ${Math.max(...fixedCounts)})\n` +
        `  store refresh policy: ${policyAverage.toFixed(2)} requests per parcel from label to delivered (min ${Math.min(...policyCounts)}, max ${Math.max(...policyCounts)}); ` +
        `also ${average(beforeLabel).toFixed(2)} not-found checks before the label and ${average(afterDelivered).toFixed(2)} confirmation check(s) after delivery\n` +
        `  ratio ${ratio.toFixed(3)} (${judged(ratio <= 0.25, 'goal ≤ 0.25')}); out for delivery noticed after at most ${worstOfdMinutes.toFixed(0)} min (average ${(average(outForDeliveryDelays) / 60_000).toFixed(0)} min; ${judged(worstOfdMinutes <= 60, 'goal ≤ 60 min')}); delivered noticed after ${(average(deliveredDelays) / 60_000).toFixed(0)} min on average`,
    );
  } finally {
    await store.close();
    await journeys.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
