import { randomBytes } from 'node:crypto';
import { chunk } from '@wismo/core/internal';
import type { StoreEngine } from '@wismo/store';
import type { Database } from '@wismo/store/internal';
import { sql, type Kysely, type Selectable } from 'kysely';
import { MILESTONES, type Milestone, type PlannedMessage, type PolicyState, type Recipient } from '../notification-types';
import { parcelKey, recipientKey } from '../policy/plan-notifications';
import { localDay } from '../policy/quiet-hours';

export type NotificationRow = Selectable<Database['notifications']>;
export type WebhookDeliveryRow = Selectable<Database['webhook_deliveries']>;
export type WebhookEndpointRow = Selectable<Database['webhook_endpoints']>;

/** Statuses of a message that counts as notified (queued or on its way or gone). */
export const LIVE_STATUSES = ['queued', 'sending', 'sent'] as const;

/** `<prefix>_` + base-36 time + random: sortable by creation, unique across processes. */
export function newRecordId(prefix: string, nowMs: number): string {
  return `${prefix}_${nowMs.toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}

const KNOWN_MILESTONES: ReadonlySet<string> = new Set(MILESTONES);

function add(map: Map<string, Set<Milestone>>, key: string, milestone: string): void {
  if (!KNOWN_MILESTONES.has(milestone)) return;
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(milestone as Milestone);
}

function plain(map: Map<string, Set<Milestone>>): Record<string, Milestone[]> {
  return Object.fromEntries([...map].map(([key, set]) => [key, [...set]]));
}

/** Recipient keys (`channel:address`) of this customer that opted out, by customer id or by address. */
export async function optedOutKeys(
  db: Kysely<Database>,
  shopId: string,
  customerId: string,
  recipients: readonly Recipient[],
): Promise<string[]> {
  const optOuts = await optOutsOf(
    db,
    shopId,
    [customerId],
    recipients.map((recipient) => recipient.address),
  );
  return optedOutKeysFrom(optOuts, customerId, recipients);
}

type OptOutRow = Pick<Selectable<Database['notification_opt_outs']>, 'customer_id' | 'channel' | 'address'>;

/** The opt-outs of any of these customers or addresses (one query for a whole claim batch). */
export async function optOutsOf(
  db: Kysely<Database>,
  shopId: string,
  customerIds: readonly string[],
  addresses: readonly string[],
): Promise<OptOutRow[]> {
  if (customerIds.length === 0 && addresses.length === 0) return [];
  return db
    .selectFrom('notification_opt_outs')
    .select(['customer_id', 'channel', 'address'])
    .where('shop_id', '=', shopId)
    .where((builder) =>
      builder.or([
        ...(customerIds.length > 0 ? [builder('customer_id', 'in', [...customerIds])] : []),
        ...(addresses.length > 0 ? [builder('address', 'in', [...addresses])] : []),
      ]),
    )
    .execute();
}

export function optedOutKeysFrom(optOuts: readonly OptOutRow[], customerId: string, recipients: readonly Recipient[]): string[] {
  const addresses = new Set(recipients.map((recipient) => recipient.address));
  const keys = new Set<string>();
  for (const row of optOuts) {
    if (row.customer_id !== customerId && !addresses.has(row.address)) continue;
    keys.add(recipientKey(row.channel as Recipient['channel'], row.address));
    // Opted out as a customer: whatever address the order now carries for that channel.
    if (row.customer_id === customerId)
      for (const recipient of recipients)
        if (recipient.channel === row.channel) keys.add(recipientKey(recipient.channel, recipient.address));
  }
  return [...keys];
}

function parcelKeysOf(orderId: string, parcelIds: readonly string[]): string[] {
  return parcelIds.length === 0 ? [parcelKey(orderId, null)] : parcelIds.map((parcelId) => parcelKey(orderId, parcelId));
}

function addReached(reached: Map<string, Set<Milestone>>, keys: readonly string[], milestone: string): void {
  // A reminder is planned, not reached: it must not overtake the pickup it reminds of.
  if (milestone !== 'pickup_reminder') for (const key of keys) add(reached, key, milestone);
}

export interface OrderProgress {
  /** Milestones reached per parcel key (every planned or skipped one). */
  reached: Record<string, Milestone[]>;
  /** Milestones queued or sent per parcel key. */
  notified: Record<string, Milestone[]>;
  pending: PlannedMessage[];
}

/** The milestones parcels of these orders reached without a message (skipped), which count as reached. */
function skipsOfOrders(db: Kysely<Database>, shopId: string, orderIds: readonly string[]) {
  return db
    .selectFrom('notification_skips')
    .select(['order_id', 'parcel_id', 'milestone'])
    .where('shop_id', '=', shopId)
    .where('order_id', 'in', orderIds)
    .execute();
}

/** Progress of one order. */
export async function orderProgress(db: Kysely<Database>, shopId: string, orderId: string): Promise<OrderProgress> {
  return (await ordersProgress(db, shopId, [orderId])).get(orderId)!;
}

/** Progress of several orders of a shop in two queries (a claim batch). */
export async function ordersProgress(
  db: Kysely<Database>,
  shopId: string,
  orderIds: readonly string[],
): Promise<Map<string, OrderProgress>> {
  const ids = [...new Set(orderIds)];
  const result = new Map<
    string,
    { reached: Map<string, Set<Milestone>>; notified: Map<string, Set<Milestone>>; pending: PlannedMessage[] }
  >();
  for (const id of ids) result.set(id, { reached: new Map(), notified: new Map(), pending: [] });
  for (const part of chunk(ids, 500)) {
    const [rows, skips] = await Promise.all([
      db
        .selectFrom('notifications')
        .select(['order_id', 'milestone', 'status', 'message'])
        .where('shop_id', '=', shopId)
        .where('order_id', 'in', part)
        .execute(),
      skipsOfOrders(db, shopId, part),
    ]);
    for (const row of rows) {
      const progress = result.get(row.order_id)!;
      const message = JSON.parse(row.message) as PlannedMessage;
      const keys = parcelKeysOf(row.order_id, message.parcelIds);
      addReached(progress.reached, keys, row.milestone);
      if ((LIVE_STATUSES as readonly string[]).includes(row.status)) for (const key of keys) add(progress.notified, key, row.milestone);
      if (row.status === 'queued') progress.pending.push(message);
    }
    for (const skip of skips) addReached(result.get(skip.order_id)!.reached, [parcelKey(skip.order_id, skip.parcel_id)], skip.milestone);
  }
  return new Map(
    [...result].map(([id, progress]) => [
      id,
      { reached: plain(progress.reached), notified: plain(progress.notified), pending: progress.pending },
    ]),
  );
}

/**
 * Milestones reached per parcel key of several orders of a shop: all the send-time check needs of their
 * progress, in two queries for a claim batch. The database hands over each message's parcels (a few bytes of
 * its JSON), not the whole message to parse.
 */
export async function reachedOfOrders(
  db: Kysely<Database>,
  engine: StoreEngine,
  shopId: string,
  orderIds: readonly string[],
): Promise<Map<string, Record<string, Milestone[]>>> {
  const ids = [...new Set(orderIds)];
  const reached = new Map(ids.map((id) => [id, new Map<string, Set<Milestone>>()]));
  const parcelIds =
    engine === 'postgres' ? sql<string>`cast(message as json) ->> 'parcelIds'` : sql<string>`json_extract(message, '$.parcelIds')`;
  for (const part of chunk(ids, 500)) {
    const [rows, skips] = await Promise.all([
      db
        .selectFrom('notifications')
        .select(['order_id', 'milestone', parcelIds.as('parcel_ids')])
        .where('shop_id', '=', shopId)
        .where('order_id', 'in', part)
        .execute(),
      skipsOfOrders(db, shopId, part),
    ]);
    for (const row of rows)
      addReached(reached.get(row.order_id)!, parcelKeysOf(row.order_id, JSON.parse(row.parcel_ids) as string[]), row.milestone);
    for (const skip of skips) addReached(reached.get(skip.order_id)!, [parcelKey(skip.order_id, skip.parcel_id)], skip.milestone);
  }
  return new Map([...reached].map(([id, map]) => [id, plain(map)]));
}

/** Messages queued or sent per recipient per local day (the daily cap), over the last two days. */
export async function sentPerDay(
  db: Kysely<Database>,
  shopId: string,
  recipients: readonly Recipient[],
  nowMs: number,
): Promise<Record<string, Record<string, number>>> {
  const result: Record<string, Record<string, number>> = {};
  for (const recipient of recipients) {
    const rows = await db
      .selectFrom('notifications')
      .select(['send_after', 'sent_at', 'status'])
      .where('shop_id', '=', shopId)
      .where('channel', '=', recipient.channel)
      .where('address', '=', recipient.address)
      .where('status', 'in', [...LIVE_STATUSES])
      .where('created_at', '>=', nowMs - 2 * 86_400_000)
      .execute();
    const days: Record<string, number> = {};
    for (const row of rows) {
      const day = localDay(new Date(Number(row.sent_at ?? row.send_after)), recipient.timeZone);
      days[day] = (days[day] ?? 0) + 1;
    }
    result[recipientKey(recipient.channel, recipient.address)] = days;
  }
  return result;
}

/** The policy's snapshot for one order and its recipients. */
export async function loadPolicyState(
  db: Kysely<Database>,
  input: { shopId: string; orderId: string; customerId: string; recipients: readonly Recipient[]; nowMs: number },
): Promise<PolicyState> {
  const [progress, optedOut, perDay] = await Promise.all([
    orderProgress(db, input.shopId, input.orderId),
    optedOutKeys(db, input.shopId, input.customerId, input.recipients),
    sentPerDay(db, input.shopId, input.recipients, input.nowMs),
  ]);
  return { notified: progress.notified, reached: progress.reached, pending: progress.pending, optedOut, sentPerDay: perDay };
}
