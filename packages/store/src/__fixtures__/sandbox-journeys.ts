import { createTracker, type Tracker, type TrackManyItem } from '@wismo/core';
import {
  ADVANCING_SCHEDULE,
  createSandboxClock,
  startSandboxCarriers,
  type RunningSandboxCarriers,
  type SandboxCarrierId,
  type SandboxClock,
  type SandboxScenario,
} from '@wismo/testkit';
import { createStore } from '../create-store';
import { createScheduler } from '../scheduler/create-scheduler';
import type { RefreshPolicy, Store } from '../store-types';

const HOUR = 3_600_000;

/**
 * The sandbox set-up the policy test and the polling-economy bench share. Labels are created at 18:00 in the
 * customer's zone (a parcel handed over in the evening), so the sandbox's `advancing` journey puts it out for
 * delivery at 06:00 and delivers it at 12:00 two days later.
 * - US carriers (UPS, FedEx, USPS): customers in America/Chicago, label 2026-01-13 00:00Z (18:00 CST);
 * - DHL: customers in Europe/Berlin, label 2026-01-12 17:00Z (18:00 CET).
 * The clock starts at the earlier label time, so US parcels are first "not found" for seven hours.
 */
export const US_LABEL_AT = Date.parse('2026-01-13T00:00:00Z');
export const DHL_LABEL_AT = Date.parse('2026-01-12T17:00:00Z');
export const SIMULATION_START = DHL_LABEL_AT;

export interface SandboxJourneys {
  clock: SandboxClock;
  tracker: Tracker;
  /** Numbers sent upstream, per tracking number, since the start. */
  requestsByNumber: Map<string, Array<{ at: number }>>;
  sandboxes: RunningSandboxCarriers[];
  labelAtOf(carrier: SandboxCarrierId): number;
  timeZoneOf(carrier: SandboxCarrierId): string;
  close(): Promise<void>;
}

export async function startSandboxJourneys(): Promise<SandboxJourneys> {
  const clock = createSandboxClock(new Date(SIMULATION_START));
  const us = await startSandboxCarriers({
    carriers: ['ups', 'fedex', 'usps'],
    clock,
    advancingStart: new Date(US_LABEL_AT),
    rateLimits: 'off',
  });
  const dhl = await startSandboxCarriers({ carriers: ['dhl'], clock, advancingStart: new Date(DHL_LABEL_AT), rateLimits: 'off' });
  const inner = createTracker({ carriers: [...us.createAdapters({ retries: 0 }), ...dhl.createAdapters({ retries: 0 })], cache: false });
  const requestsByNumber = new Map<string, Array<{ at: number }>>();
  // Counts what reaches the carriers: one entry per number per check.
  const tracker: Tracker = {
    ...inner,
    carriers: inner.carriers,
    async trackMany(items, options) {
      const at = clock.now().getTime();
      for (const item of items) {
        const trackingNumber = typeof item === 'string' ? item : (item as TrackManyItem).trackingNumber;
        const list = requestsByNumber.get(trackingNumber) ?? [];
        list.push({ at });
        requestsByNumber.set(trackingNumber, list);
      }
      return inner.trackMany(items, options);
    },
  };
  return {
    clock,
    tracker,
    requestsByNumber,
    sandboxes: [us, dhl],
    labelAtOf: (carrier) => (carrier === 'dhl' ? DHL_LABEL_AT : US_LABEL_AT),
    timeZoneOf: (carrier) => (carrier === 'dhl' ? 'Europe/Berlin' : 'America/Chicago'),
    async close() {
      await Promise.all([us.close(), dhl.close()]);
    },
  };
}

export interface WatchedParcel {
  carrier: SandboxCarrierId;
  scenario: SandboxScenario;
  trackingNumber: string;
  trackingId: string;
}

/** Watches `perScenario` numbers of each scenario of each carrier (with the customer's time zone). */
export async function watchSandboxParcels(
  store: Store,
  journeys: SandboxJourneys,
  scenarios: readonly SandboxScenario[],
  perScenario: number,
): Promise<WatchedParcel[]> {
  const parcels: WatchedParcel[] = [];
  for (const sandbox of journeys.sandboxes) {
    for (const carrier of Object.keys(sandbox.baseUrls) as SandboxCarrierId[]) {
      for (const scenario of scenarios) {
        for (const trackingNumber of sandbox.generateNumbers(carrier, perScenario, scenario)) {
          const tracking = await store.shop().watch(trackingNumber, {
            carrier,
            customer: { timeZone: journeys.timeZoneOf(carrier), locale: carrier === 'dhl' ? 'de-DE' : 'en-US' },
          });
          parcels.push({ carrier, scenario, trackingNumber: tracking.trackingNumber, trackingId: tracking.id });
        }
      }
    }
  }
  return parcels;
}

/** Runs the scheduler from the clock's now until `untilMs`, jumping from one due check to the next. */
export async function runSchedulerUntil(
  store: Store,
  journeys: SandboxJourneys,
  untilMs: number,
  policy?: Partial<RefreshPolicy>,
): Promise<number> {
  const scheduler = createScheduler({
    store,
    tracker: journeys.tracker,
    clock: () => journeys.clock.now(),
    policy,
    workerId: 'simulation',
  });
  let rounds = 0;
  for (;;) {
    const next = (await store.shop().counts()).nextDue[0];
    if (!next) break;
    const dueAt = Math.max(journeys.clock.now().getTime(), Date.parse(next.nextCheckAt));
    if (dueAt > untilMs) break;
    journeys.clock.set(new Date(dueAt));
    await scheduler.runOnce();
    rounds += 1;
  }
  journeys.clock.set(new Date(untilMs));
  return rounds;
}

/**
 * What aggregators do: every parcel checked every `intervalMs` from its label until the tracker reports it
 * delivered (or `untilMs`). The tracker alone, no store. Returns the requests per number.
 */
export async function runFixedPoll(
  journeys: SandboxJourneys,
  numbers: ReadonlyArray<{ carrier: SandboxCarrierId; trackingNumber: string }>,
  intervalMs: number,
  untilMs: number,
): Promise<Map<string, number>> {
  const requests = new Map<string, number>();
  const pending = new Set(numbers.map((parcel) => parcel.trackingNumber));
  const carrierOf = new Map(numbers.map((parcel) => [parcel.trackingNumber, parcel.carrier]));
  // Each parcel polls on its own phase from its label (the first poll at the label time).
  const nextAt = new Map(numbers.map((parcel) => [parcel.trackingNumber, journeys.labelAtOf(parcel.carrier)]));
  for (;;) {
    const due = [...pending].filter((number) => nextAt.get(number)! <= journeys.clock.now().getTime());
    if (due.length > 0) {
      const outcomes = await journeys.tracker.trackMany(
        due.map((trackingNumber) => ({ trackingNumber, carrier: carrierOf.get(trackingNumber) })),
        { refresh: true },
      );
      outcomes.forEach((outcome, index) => {
        const number = due[index]!;
        requests.set(number, (requests.get(number) ?? 0) + 1);
        nextAt.set(number, nextAt.get(number)! + intervalMs);
        if (outcome.ok && outcome.shipment.status === 'delivered') pending.delete(number);
      });
    }
    if (pending.size === 0) break;
    const soonest = Math.min(...[...pending].map((number) => nextAt.get(number)!));
    if (soonest > untilMs) break;
    journeys.clock.set(new Date(soonest));
  }
  return requests;
}

/** The instants of the advancing journey's milestones for a carrier. */
export function advancingMilestones(labelAtMs: number): Array<{ milestone: string; status: string; at: number }> {
  return ADVANCING_SCHEDULE.map((step) => ({ milestone: step.milestone, status: step.status, at: labelAtMs + step.afterHours * HOUR }));
}

export async function openSimulationStore(
  url: string,
  policy?: Partial<RefreshPolicy>,
  seed = 42,
): Promise<{ store: Store; clockRef: { journeys: SandboxJourneys | null } }> {
  const clockRef: { journeys: SandboxJourneys | null } = { journeys: null };
  let state = seed >>> 0;
  // A seeded jitter source: the simulation gives the same figures on every run.
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const store = await createStore({
    url,
    clock: () => clockRef.journeys?.clock.now() ?? new Date(SIMULATION_START),
    refreshPolicy: policy,
    random,
  });
  return { store, clockRef };
}
