import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createTracker, type CarrierAdapter } from '@wismo/core';
import type { OrderInput } from '@wismo/order-view';
import type { OutboxEvent, Store } from '@wismo/store';
import type { RunningSandboxCarriers, SandboxCarrierId } from '@wismo/testkit';
import { writeLine, type CliContext } from '../context';
import { describeOutboxEvent } from '../commands/worker';
import { describeStoreUrl } from '../store/open-store';
import { startDemoNotifications } from './demo-notifications';

const HOUR_MS = 3_600_000;

/** How far the demo moves the sandbox clock while it watches: past the end of every advancing journey (42 h). */
export const DEMO_WATCH_HORIZON_HOURS = 48;

/** How long after the last check the dispatcher may still run, so that a message held overnight goes out. */
const NOTIFY_DRAIN_HOURS = 14;

/** What a fixed poll every two hours (hosted aggregators' habit) would cost over the same hours. */
const FIXED_POLL_HOURS = 2;

/**
 * The refresh policy's jitter, fixed: parcels that travel together are checked together, so the demo's split
 * order always shows one digest for its two parcels, whatever the run.
 */
const DEMO_RANDOM = () => 0.5;

export interface DemoStore {
  store: Store;
  description: string;
  /** Closes the store; on PostgreSQL also drops the demo's own schema. */
  dispose(): Promise<void>;
}

/**
 * The demo's store: a SQLite file in its temporary directory, or — when `DATABASE_URL` is set — a schema
 * of its own in that PostgreSQL database (`wismo_demo_<random>`, dropped at the end), so a demo never
 * mixes with data already there and leaves nothing behind.
 */
export async function openDemoStore(context: CliContext, workDirectory: string, clock: () => Date): Promise<DemoStore> {
  const { createStore } = await import('@wismo/store');
  const databaseUrl = context.env.DATABASE_URL;
  if (!databaseUrl) {
    const url = `sqlite:${join(workDirectory, 'wismo.db')}`;
    const store = await createStore({ url, clock, random: DEMO_RANDOM });
    return { store, description: 'embedded SQLite (a temporary file)', dispose: () => store.close() };
  }
  const schema = `wismo_demo_${randomBytes(4).toString('hex')}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const url = `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}schema=${schema}`;
    const store = await createStore({ url, clock, random: DEMO_RANDOM });
    return {
      store,
      description: `PostgreSQL ${describeStoreUrl(databaseUrl)} (schema ${schema}, dropped at the end)`,
      dispose: async () => {
        try {
          await store.close();
        } finally {
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.end());
        }
      },
    };
  } catch (error) {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
    throw error;
  }
}

function offsetLabel(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return `+${String(Math.floor(minutes / 60)).padStart(2, ' ')}h${String(minutes % 60).padStart(2, '0')}`;
}

export interface WatchDemoInput {
  store: Store;
  sandbox: RunningSandboxCarriers;
  orders: readonly OrderInput[];
  context: CliContext;
  adapters: CarrierAdapter[];
  decode: (carrier: SandboxCarrierId, number: string) => { scenario: string } | null;
  /** Run the notification dispatcher beside the scheduler (an SMTP server and a webhook receiver on loopback). Default true. */
  notify?: boolean;
}

/**
 * The store at work: the parcels whose sandbox journeys advance with the clock are watched, then the
 * sandbox clock jumps from one due check to the next (the refresh policy decides when) for two days, and
 * every change the scheduler detects is printed as it happens. Beside it the notification dispatcher runs on
 * the same clock (demo-notifications.ts) and each message is printed as the loopback SMTP server receives
 * it; after the last check the clock moves on only to the next held message, so a message held overnight
 * goes out in the customer's morning. The other sandbox scenarios are snapshots placed relative to "now",
 * so they would appear to change whenever the clock moves; they are stored afterwards, with their orders.
 * The clock is put back at the end.
 */
export async function watchDemoOrders({
  store,
  sandbox,
  orders,
  context,
  adapters,
  decode,
  notify = true,
}: WatchDemoInput): Promise<{ checks: number; events: number; parcels: number }> {
  const { createScheduler } = await import('@wismo/store');
  const out = (text = '') => writeLine(context.stdout, text);
  const shop = store.shop();
  const parcels = orders.flatMap((order) =>
    (order.shipments ?? [])
      .filter(
        (parcel) => parcel.trackingNumber && decode(parcel.carrier as SandboxCarrierId, parcel.trackingNumber)?.scenario === 'advancing',
      )
      .map((parcel) => ({ orderId: order.id, carrier: parcel.carrier, trackingNumber: parcel.trackingNumber! })),
  );
  const moving = new Set(parcels.map((parcel) => parcel.trackingNumber));
  // The orders of the moving parcels are stored first, so that the dispatcher knows each customer (name,
  // language, time zone). Only their moving parcels and those not shipped yet: the snapshot scenarios would
  // seem to change whenever the clock moves, so they join later, with every other order.
  for (const order of orders) {
    if (!(order.shipments ?? []).some((shipment) => shipment.trackingNumber && moving.has(shipment.trackingNumber))) continue;
    await shop.upsertOrder({
      ...order,
      shipments: (order.shipments ?? []).filter((shipment) => !shipment.trackingNumber || moving.has(shipment.trackingNumber)),
    });
  }
  const labels = new Map<string, string>();
  for (const parcel of parcels) {
    const tracking = await shop.watch(parcel.trackingNumber, { carrier: parcel.carrier, orderId: parcel.orderId });
    labels.set(tracking.id, `${parcel.carrier.toUpperCase().padEnd(5)} ${parcel.trackingNumber}`);
  }
  out(`\nWatching ${parcels.length} parcels on the move (orders ${[...new Set(parcels.map((parcel) => parcel.orderId))].join(', ')}).`);
  const startMs = sandbox.clock.now().getTime();
  const notifications = notify ? await startDemoNotifications({ store, clock: () => sandbox.clock.now(), startMs, context }) : null;
  out(
    `The sandbox clock jumps to each next due check for ${DEMO_WATCH_HORIZON_HOURS} hours; changes as the worker detects them${notifications ? ', and each message as it arrives' : ''}:`,
  );

  const endMs = startMs + DEMO_WATCH_HORIZON_HOURS * HOUR_MS;
  // Held messages may wait for the morning after the last check: the dispatcher alone runs on until then.
  const drainEndMs = endMs + NOTIFY_DRAIN_HOURS * HOUR_MS;
  // No cache: each due check must reach the (sandbox) carrier, as the worker's do.
  const tracker = createTracker({ carriers: adapters, cache: false });
  const scheduler = createScheduler({ store, tracker, clock: () => sandbox.clock.now(), workerId: 'wismo-demo' });
  let checks = 0;
  let events = 0;
  const print = (event: OutboxEvent) => {
    events += 1;
    const label = (event.trackingId && labels.get(event.trackingId)) ?? '';
    out(`  ${offsetLabel(sandbox.clock.now().getTime() - startMs)}  ${label}  ${describeOutboxEvent(event)}`);
  };
  try {
    for (let round = 0; round < 1_000; round += 1) {
      const nowMs = sandbox.clock.now().getTime();
      if (nowMs <= endMs) {
        const report = await scheduler.runOnce();
        checks += report.checked;
        for (const event of report.events) print(event);
      }
      await notifications?.runOnce();
      const due = (await shop.counts()).nextDue[0];
      const nextCheckMs = due ? Date.parse(due.nextCheckAt) : Number.POSITIVE_INFINITY;
      const nextMessageMs = (await notifications?.nextDueMs()) ?? Number.POSITIVE_INFINITY;
      const nextMs = Math.min(
        nextCheckMs <= endMs ? nextCheckMs : Number.POSITIVE_INFINITY,
        nextMessageMs <= drainEndMs ? nextMessageMs : Number.POSITIVE_INFINITY,
      );
      if (nextMs === Number.POSITIVE_INFINITY) break;
      // Due already but not claimed (a lease still running): move on a minute rather than spin.
      sandbox.clock.set(new Date(nextMs > nowMs ? nextMs : nowMs + 60_000));
    }
  } finally {
    // The rest of the demo (the server's pages) shows the sandbox as it was when the watch began.
    sandbox.clock.set(new Date(startMs));
    await notifications?.close();
  }
  const fixedPoll = parcels.length * Math.ceil(DEMO_WATCH_HORIZON_HOURS / FIXED_POLL_HOURS);
  out(
    `${checks} carrier checks for ${parcels.length} parcels over ${DEMO_WATCH_HORIZON_HOURS} sandbox hours, ${events} changes recorded (a fixed ${FIXED_POLL_HOURS}-hour poll would make ${fixedPoll} checks).`,
  );
  if (notifications) out(notifications.summary());
  return { checks, events, parcels: parcels.length };
}

/** Every demo order goes into the store, so the server's API and pages read them from it. */
export async function storeDemoOrders(store: Store, orders: readonly OrderInput[]): Promise<number> {
  const shop = store.shop();
  for (const order of orders) await shop.upsertOrder(order);
  return orders.length;
}
