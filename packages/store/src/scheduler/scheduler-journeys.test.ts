import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_EXPECTED_OUTCOMES, SANDBOX_SCENARIOS, type SandboxScenario } from '@wismo/testkit';
import {
  advancingMilestones,
  openSimulationStore,
  runSchedulerUntil,
  SIMULATION_START,
  startSandboxJourneys,
  watchSandboxParcels,
  type SandboxJourneys,
  type WatchedParcel,
} from '../__fixtures__/sandbox-journeys';
import { sqliteTestDatabase, type TestDatabase } from '../__fixtures__/test-stores';
import type { Store } from '../store-types';
import { DEFAULT_REFRESH_POLICY } from './refresh-policy';

const HOUR = 3_600_000;
const DAYS = 4;
const policy = DEFAULT_REFRESH_POLICY;
const slack = 1 + policy.jitterRatio;

/** The longest a milestone may go unnoticed, by the policy row in force before it happened. */
const NOTICE_BOUND_MS: Record<string, number> = {
  label_created: policy.notFoundMaxMs * slack,
  picked_up: policy.beforeFirstScanMs * slack,
  departed_origin: Math.max(policy.inTransitMs, policy.etaWaitCapMs) * slack,
  arrived_hub: Math.max(policy.inTransitMs, policy.etaWaitCapMs) * slack,
  departed_hub: Math.max(policy.inTransitMs, policy.etaWaitCapMs) * slack,
  arrived_destination: Math.max(policy.inTransitMs, policy.etaWaitCapMs) * slack,
  // The goal: out for delivery noticed within the hour.
  out_for_delivery: HOUR,
  delivered: policy.outForDeliveryMs * slack,
};

describe('the refresh policy on the sandbox journeys (controlled clock, real adapters over HTTP, a real SQLite file)', () => {
  let journeys: SandboxJourneys;
  let database: TestDatabase;
  let store: Store;
  let parcels: WatchedParcel[];

  beforeAll(async () => {
    database = sqliteTestDatabase();
    const opened = await openSimulationStore(database.url);
    store = opened.store;
    journeys = await startSandboxJourneys();
    opened.clockRef.journeys = journeys;
    parcels = await watchSandboxParcels(store, journeys, SANDBOX_SCENARIOS, 2);
    await runSchedulerUntil(store, journeys, SIMULATION_START + DAYS * 24 * HOUR);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await journeys?.close();
    await database?.drop();
  });

  it('notices every milestone of the advancing journey within the policy delay, out for delivery within the hour', async () => {
    const advancing = parcels.filter((parcel) => parcel.scenario === 'advancing');
    expect(advancing).toHaveLength(8);
    const report: string[] = [];
    for (const parcel of advancing) {
      const labelAt = journeys.labelAtOf(parcel.carrier);
      const events = (await store.shop().listEvents(parcel.trackingId)).reverse();
      const milestones = advancingMilestones(labelAt);
      expect(events, `${parcel.carrier} ${parcel.trackingNumber}`).toHaveLength(milestones.length);
      const delays = milestones.map((milestone, index) => {
        const noticedAt = Date.parse(events[index]!.recordedAt);
        const delay = noticedAt - milestone.at;
        expect(delay, `${parcel.carrier} ${milestone.milestone} noticed ${(delay / HOUR).toFixed(2)} h late`).toBeGreaterThanOrEqual(0);
        expect(delay, `${parcel.carrier} ${milestone.milestone} noticed ${(delay / HOUR).toFixed(2)} h late`).toBeLessThanOrEqual(
          NOTICE_BOUND_MS[milestone.milestone]!,
        );
        return `${milestone.milestone} +${(delay / HOUR).toFixed(1)}h`;
      });
      const transitions = await store.shop().listTransitions(parcel.trackingId);
      // A label scanned between two checks may be seen together with the pickup: the label status is then skipped.
      const statuses = transitions.map((transition) => transition.to.status);
      expect([
        ['info_received', 'in_transit', 'out_for_delivery', 'delivered'],
        ['in_transit', 'out_for_delivery', 'delivered'],
      ]).toContainEqual(statuses);
      const requests = journeys.requestsByNumber.get(parcel.trackingNumber)!;
      const deliveredAt = milestones[milestones.length - 1]!.at;
      const labelToDelivered = requests.filter(
        (request) => request.at >= labelAt && request.at <= deliveredAt + NOTICE_BOUND_MS.delivered!,
      ).length;
      report.push(
        `${parcel.carrier} ${parcel.trackingNumber}: ${requests.length} requests in ${DAYS} days (${labelToDelivered} from label to delivered noticed); ${delays.join(', ')}`,
      );
      const tracking = await store.shop().getTracking(parcel.trackingId);
      // Delivered, confirmed once a day later, then stopped.
      expect(tracking).toMatchObject({ status: 'delivered', stoppedReason: 'finished', nextCheckAt: null });
    }
    console.warn(`[policy] advancing parcels:\n  ${report.join('\n  ')}`);
  });

  it('notices every static scenario at the first check, and reports requests per parcel', async () => {
    const report: string[] = [];
    for (const scenario of SANDBOX_SCENARIOS.filter(
      (candidate): candidate is Exclude<SandboxScenario, 'advancing'> => candidate !== 'advancing',
    )) {
      const ofScenario = parcels.filter((parcel) => parcel.scenario === scenario);
      const counts: number[] = [];
      for (const parcel of ofScenario) {
        const expected = SANDBOX_EXPECTED_OUTCOMES[parcel.carrier][scenario];
        const tracking = (await store.shop().getTracking(parcel.trackingId))!;
        const requests = journeys.requestsByNumber.get(parcel.trackingNumber)!;
        counts.push(requests.length);
        expect(requests[0]!.at, `${parcel.carrier} ${scenario}: first check at watch time`).toBe(SIMULATION_START);
        if (expected.error) {
          expect(tracking.status).toBe('pending');
          expect(tracking.notFoundCount).toBe(requests.length);
          continue;
        }
        const [first] = await store.shop().listTransitions(parcel.trackingId);
        expect(first, `${parcel.carrier} ${scenario}`).toMatchObject({
          to: { status: expected.status },
          detectedAt: new Date(SIMULATION_START).toISOString(),
        });
        expect(tracking.status).toBe(expected.status);
      }
      report.push(
        `${scenario}: ${(counts.reduce((sum, count) => sum + count, 0) / counts.length).toFixed(1)} requests per parcel (min ${Math.min(...counts)}, max ${Math.max(...counts)})`,
      );
    }
    console.warn(`[policy] static scenarios over ${DAYS} days:\n  ${report.join('\n  ')}`);
    const delivered = parcels.filter((parcel) => parcel.scenario === 'delivered');
    // Delivered already: one check, one confirmation a day later, then stop.
    for (const parcel of delivered) expect(journeys.requestsByNumber.get(parcel.trackingNumber)).toHaveLength(2);
  });
});
