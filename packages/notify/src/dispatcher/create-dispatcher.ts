import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { logSafely, type CarrierAdapter, type Logger } from '@wismo/core';
import { chunk } from '@wismo/core/internal';
import { buildOrderView, type CarrierDirectory, type OrderView } from '@wismo/order-view';
import type { OutboxEvent, Store, TrackedShipment } from '@wismo/store';
import { storeDatabase, type Database, type StoreDatabase } from '@wismo/store/internal';
import { sql, type Insertable, type Kysely } from 'kysely';
import { ChannelError, type ChannelSendResult, type NotificationChannel } from '../channels/channel-types';
import { renderMessage } from '../messages/render-message';
import { milestonesFromEvent } from '../milestones/milestones-from-event';
import type {
  CustomerChannel,
  MessageLinks,
  MilestoneOccurrence,
  NotificationSettings,
  PlannedMessage,
  PolicyDecision,
  PolicyState,
  RenderedMessage,
} from '../notification-types';
import { checkAtSend, planNotifications, recipientsOf, recipientTimeZone } from '../policy/plan-notifications';
import { shopNotificationSettings, type NotificationSettingsInput } from '../policy/settings';
import type { AddressPolicy } from '../webhooks/address-guard';
import { webhookMessageId, webhookPayloadOf } from '../webhooks/webhook-events';
import { attemptWebhook, nextWebhookAttemptDelay } from '../webhooks/webhook-sender';
import {
  loadPolicyState,
  newRecordId,
  optedOutKeysFrom,
  optOutsOf,
  reachedOfOrders,
  type NotificationRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from './notification-records';
import { createUnsubscribeToken } from './unsubscribe-token';

/** Renders a planned message for its channel (the `messages/` catalogues by default). */
export type RenderMessage = (
  message: PlannedMessage,
  context: { brand: NotificationSettings['brand']; links: MessageLinks },
) => RenderedMessage;

export interface DispatcherLinks {
  /** The public base URL of `@wismo/server` (tracking page and unsubscribe link live there). */
  publicUrl: string;
  /** Signs unsubscribe links (`createUnsubscribeToken`); at least 16 characters; the server verifies with it. */
  unsubscribeSecret: string;
}

export interface DispatcherOptions {
  store: Store;
  /** One adapter per customer channel in use; a message for a missing channel fails with that reason. */
  channels: Partial<Record<CustomerChannel, NotificationChannel>>;
  /** Defaults for shops without stored settings (stored settings win, field by field). */
  settings?: NotificationSettingsInput;
  clock?: () => Date;
  links: DispatcherLinks | ((message: PlannedMessage) => MessageLinks);
  /** Default: `renderMessage` (the catalogues in en, de, nl, fr, es). */
  render?: RenderMessage;
  /** Which non-public webhook destinations are allowed (none by default). */
  webhookAddresses?: AddressPolicy;
  /** Outbox rows per planning transaction, and messages per claim. Default 100. */
  batchSize?: number;
  /** Messages sent at once (match the SMTP pool). Default 5. */
  concurrency?: number;
  /** A claimed message or delivery returns to the queue after this if the worker dies. Default 60 s. */
  leaseMs?: number;
  /** Attempts per message before `failed`. Default 5. */
  maxAttempts?: number;
  /** Waits after failed attempts 1, 2, 3… (±10 % jitter; the last repeats). Default 30 s, 2 min, 10 min, 1 h. */
  retryDelaysMs?: readonly number[];
  /** Carrier names, contacts and tracking links for the words (the adapters or a directory); without it, carrier ids only. */
  carriers?: CarrierDirectory | readonly CarrierAdapter[];
  workerId?: string;
  logger?: Logger;
  random?: () => number;
  /** Pause of `start()` between rounds that found nothing to do. Default 1 s. */
  idleDelayMs?: number;
}

export interface DispatchReport {
  /** Outbox rows read. */
  events: number;
  /** Messages queued, and policy skips recorded. */
  planned: number;
  skipped: number;
  claimed: number;
  sent: number;
  /** Held again (quiet hours at send time), dropped at send time, retried later, failed for good. */
  held: number;
  dropped: number;
  retried: number;
  failed: number;
  webhooksDelivered: number;
  webhooksRetried: number;
  webhooksFailed: number;
}

export interface Dispatcher {
  readonly workerId: string;
  /** Plans from the outbox, then sends what is due, then delivers due webhooks; one pass each. */
  runOnce(): Promise<DispatchReport>;
  /** Runs rounds until `stop()`. */
  start(): void;
  /** Stops after the round in progress; resolves when it has finished. */
  stop(): Promise<void>;
}

type SendState = Pick<PolicyState, 'optedOut' | 'reached'>;

/** The columns of a claimed message that sending reads. */
type ClaimedRow = Pick<NotificationRow, 'id' | 'shop_id' | 'order_id' | 'customer_id' | 'address' | 'attempts' | 'message'>;

const DEFAULT_RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000];
/** How long a sent mark may wait for the next claim to carry it before it is written on its own. */
const MARK_WINDOW_MS = 100;

function emptyReport(): DispatchReport {
  return {
    events: 0,
    planned: 0,
    skipped: 0,
    claimed: 0,
    sent: 0,
    held: 0,
    dropped: 0,
    retried: 0,
    failed: 0,
    webhooksDelivered: 0,
    webhooksRetried: 0,
    webhooksFailed: 0,
  };
}

function errorText(error: unknown): string {
  if (error instanceof ChannelError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs `work` over `items` with at most `limit` at once. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store } = options;
  const database: StoreDatabase = storeDatabase(store);
  const db: Kysely<Database> = database.db;
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const concurrency = Math.max(1, options.concurrency ?? 5);
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const retryDelays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const render = options.render ?? renderMessage;
  const lock = database.engine === 'postgres' ? sql`for update skip locked` : sql``;
  const linksFor =
    typeof options.links === 'function'
      ? options.links
      : (({ publicUrl, unsubscribeSecret }: DispatcherLinks) => {
          const base = publicUrl.replace(/\/+$/, '');
          return (message: PlannedMessage): MessageLinks => ({
            trackingPage: message.facts.trackingNumber
              ? `${base}/track/${encodeURIComponent(message.facts.trackingNumber)}`
              : `${base}/track`,
            unsubscribe: `${base}/notifications/unsubscribe/${createUnsubscribeToken(unsubscribeSecret, {
              shopId: message.shopId,
              customerId: message.recipient.customerId,
              channel: message.recipient.channel,
              address: message.recipient.address,
            })}`,
          });
        })(options.links);

  async function settingsFor(shopId: string): Promise<NotificationSettings> {
    const [stored, shop] = await Promise.all([
      db.selectFrom('notification_settings').select('data').where('shop_id', '=', shopId).executeTakeFirst(),
      db.selectFrom('shops').select('time_zone').where('id', '=', shopId).executeTakeFirst(),
    ]);
    const input = stored ? (JSON.parse(stored.data) as NotificationSettingsInput) : {};
    return shopNotificationSettings(shop?.time_zone ?? 'UTC', options.settings, input);
  }

  // ---- planning: outbox → notifications (+ skips, webhook deliveries), with the cursor, in one transaction

  async function orderView(
    shopId: string,
    orderId: string,
    now: Date,
  ): Promise<{ view: OrderView; trackings: Map<string, TrackedShipment> } | null> {
    const shop = store.shop(shopId);
    const order = await shop.orders.getOrderById(orderId);
    if (!order) return null;
    const page = await shop.listTrackings({ orderId, limit: 500 });
    const trackings = new Map(page.items.map((tracking) => [tracking.id, tracking]));
    const shipments = page.items.flatMap((tracking) => (tracking.shipment ? [tracking.shipment] : []));
    return { view: buildOrderView(order, shipments, { now, ...(options.carriers ? { carriers: options.carriers } : {}) }), trackings };
  }

  async function planBatch(shopId: string, events: readonly OutboxEvent[], now: Date) {
    const settings = await settingsFor(shopId);
    const notifications: Array<Insertable<Database['notifications']>> = [];
    const skips: Array<Insertable<Database['notification_skips']>> = [];
    const replaced: string[] = [];
    const nowMs = now.getTime();
    const byOrder = new Map<string, OutboxEvent[]>();
    for (const event of events) {
      if (event.orderId === null) continue;
      const list = byOrder.get(event.orderId) ?? [];
      list.push(event);
      byOrder.set(event.orderId, list);
    }
    for (const [orderId, orderEvents] of byOrder) {
      const found = await orderView(shopId, orderId, now);
      if (!found) {
        logSafely(options.logger, 'warn', `notify: order ${orderId} of shop ${shopId} is not in the store; its events give no messages`);
        continue;
      }
      const { view, trackings } = found;
      const occurrences: MilestoneOccurrence[] = orderEvents.flatMap((event) =>
        milestonesFromEvent({ event, view, tracking: event.trackingId ? (trackings.get(event.trackingId) ?? null) : null }),
      );
      if (occurrences.length === 0) continue;
      const zone = recipientTimeZone(view.customer.timeZone, null, settings.shopTimeZone);
      const recipients = Object.values(recipientsOf(view.customer, zone));
      const state = await loadPolicyState(db, { shopId, orderId, customerId: view.customer.id, recipients, nowMs });
      const decisions: PolicyDecision[] = planNotifications({ occurrences, customer: view.customer, settings, state, now });
      for (const decision of decisions) {
        if (decision.kind === 'queue') {
          const { message } = decision;
          replaced.push(...decision.replaces);
          notifications.push({
            id: newRecordId('ntf', nowMs),
            shop_id: shopId,
            dedupe_key: message.dedupeKey,
            order_id: message.orderId,
            milestone: message.milestone,
            channel: message.recipient.channel,
            address: message.recipient.address,
            customer_id: message.recipient.customerId,
            status: 'queued',
            send_after: Date.parse(message.sendAfter),
            lease_until: null,
            lease_owner: null,
            attempts: 0,
            last_error: null,
            provider_id: null,
            provider_status: null,
            message: JSON.stringify(message),
            created_at: nowMs,
            updated_at: nowMs,
            sent_at: null,
          });
        } else {
          skips.push({
            id: newRecordId('nsk', nowMs),
            shop_id: shopId,
            order_id: decision.orderId,
            parcel_id: decision.parcelId,
            milestone: decision.milestone,
            channel: decision.channel,
            reason: decision.reason,
            detail: decision.detail ?? null,
            created_at: nowMs,
          });
        }
      }
    }
    const endpoints = await db
      .selectFrom('webhook_endpoints')
      .select(['id', 'event_types'])
      .where('shop_id', '=', shopId)
      .where('disabled_at', 'is', null)
      .execute();
    const deliveries: Array<Insertable<Database['webhook_deliveries']>> = [];
    for (const endpoint of endpoints) {
      const wanted = endpoint.event_types ? new Set(JSON.parse(endpoint.event_types) as string[]) : null;
      for (const event of events) {
        const payload = webhookPayloadOf(event);
        if (wanted && !wanted.has(payload.type)) continue;
        deliveries.push({
          id: newRecordId('dlv', nowMs),
          shop_id: shopId,
          endpoint_id: endpoint.id,
          message_id: webhookMessageId(event),
          event_type: payload.type,
          payload: JSON.stringify(payload),
          status: 'pending',
          attempts: 0,
          next_attempt_at: nowMs,
          lease_until: null,
          last_status_code: null,
          last_error: null,
          attempt_log: '[]',
          created_at: nowMs,
          updated_at: nowMs,
          delivered_at: null,
        });
      }
    }
    return { notifications, skips, replaced, deliveries };
  }

  async function planShop(shopId: string, report: DispatchReport): Promise<void> {
    for (;;) {
      const now = clock();
      const cursor = await db.selectFrom('notification_cursors').select('last_outbox_id').where('shop_id', '=', shopId).executeTakeFirst();
      const after = cursor?.last_outbox_id ?? '0';
      const events = await store.shop(shopId).readOutbox({ after, limit: batchSize });
      if (events.length === 0) return;
      const planned = await planBatch(shopId, events, now);
      const last = events.at(-1)!.id;
      const committed = await database.writeTransaction(async (trx) => {
        // The cursor moves only from where this batch started: a second dispatcher that got there first wins.
        const moved = cursor
          ? await trx
              .updateTable('notification_cursors')
              .set({ last_outbox_id: last, updated_at: now.getTime() })
              .where('shop_id', '=', shopId)
              .where('last_outbox_id', '=', after)
              .executeTakeFirst()
              .then((result) => Number(result.numUpdatedRows))
          : await trx
              .insertInto('notification_cursors')
              .values({ shop_id: shopId, last_outbox_id: last, updated_at: now.getTime() })
              .onConflict((conflict) => conflict.column('shop_id').doNothing())
              .executeTakeFirst()
              .then((result) => Number(result.numInsertedOrUpdatedRows ?? 0));
        if (moved === 0) return false;
        for (const part of chunk(planned.notifications, 200))
          await trx
            .insertInto('notifications')
            .values(part)
            .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
            .execute();
        for (const part of chunk(planned.replaced, 200))
          await trx
            .updateTable('notifications')
            .set({ status: 'dropped', last_error: 'merged_into_digest', updated_at: now.getTime() })
            .where('shop_id', '=', shopId)
            .where('dedupe_key', 'in', part)
            .where('status', '=', 'queued')
            .execute();
        for (const part of chunk(planned.skips, 200)) await trx.insertInto('notification_skips').values(part).execute();
        for (const part of chunk(planned.deliveries, 200))
          await trx
            .insertInto('webhook_deliveries')
            .values(part)
            .onConflict((conflict) => conflict.columns(['endpoint_id', 'message_id']).doNothing())
            .execute();
        return true;
      });
      if (!committed) continue;
      report.events += events.length;
      report.planned += planned.notifications.length;
      report.skipped += planned.skips.length;
    }
  }

  // ---- sending: claim due rows under a lease, re-check, render, send, mark

  /** Claims due rows under a lease; the sent marks waiting so far are written first, in the same transaction. */
  async function claimMessages(now: Date, limit: number, marks: readonly SentMark[]): Promise<ClaimedRow[]> {
    const nowMs = now.getTime();
    return database.writeTransaction(async (trx) => {
      await writeSentMarks(trx, marks);
      const result = await sql<ClaimedRow>`
        update notifications
        set status = 'sending', lease_until = ${nowMs + leaseMs}, lease_owner = ${workerId}, attempts = attempts + 1, updated_at = ${nowMs}
        where id in (
          select id from notifications
          where (status = 'queued' and send_after <= ${nowMs}) or (status = 'sending' and lease_until <= ${nowMs})
          order by send_after
          limit ${limit}
          ${lock}
        )
        returning id, shop_id, order_id, customer_id, address, attempts, message`.execute(trx);
      return result.rows;
    });
  }

  function retryDelay(attempts: number, retryAfterMs: number | null): number {
    const base = retryDelays[Math.min(attempts - 1, retryDelays.length - 1)]!;
    return Math.max(Math.round(base * (0.9 + 0.2 * random())), retryAfterMs ?? 0);
  }

  /** The mark: one UPDATE, its own transaction (autocommit), so no BEGIN/COMMIT round trips on PostgreSQL. */
  async function finish(row: ClaimedRow, values: Partial<Insertable<Database['notifications']>>): Promise<void> {
    await db
      .updateTable('notifications')
      .set({ ...values, lease_until: null, lease_owner: null, updated_at: clock().getTime() })
      .where('id', '=', row.id)
      .execute();
  }

  interface SentMark {
    id: string;
    providerId: string;
    providerStatus: string | null;
    sentAt: number;
    settle: (error?: unknown) => void;
  }
  const pendingMarks: SentMark[] = [];
  let markTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Marks sent with group commit: a mark waits for the next claim, which writes it in its own transaction
   * before claiming (one commit per batch, not one per message), or at most `MARK_WINDOW_MS` for a write of
   * its own when no claim comes (a slow channel), or for the end of the round. Sends never wait for marks;
   * rows sent and not yet marked count against the claim budget of `sendDue`, so the duplicate window stays
   * bounded by the rows in flight.
   */
  function markSent(mark: Omit<SentMark, 'settle'>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      pendingMarks.push({ ...mark, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      markTimer ??= setTimeout(() => void flushSentMarks(), MARK_WINDOW_MS);
    });
  }

  /** The marks waiting so far, for one write. */
  function takeSentMarks(): SentMark[] {
    if (markTimer) clearTimeout(markTimer);
    markTimer = null;
    return pendingMarks.splice(0);
  }

  /** One UPDATE per 500 marks; a mark settles once its transaction has committed (see `settleSentMarks`). */
  async function writeSentMarks(executor: Kysely<Database>, marks: readonly SentMark[]): Promise<void> {
    for (const part of chunk(marks, 500)) {
      const rows = sql.join(part.map((mark) => sql`(${mark.id}, ${mark.providerId}, ${mark.providerStatus}, ${mark.sentAt})`));
      await sql`
        with v(id, provider_id, provider_status, sent_at) as (values ${rows})
        update notifications as n
        set status = 'sent', provider_id = v.provider_id, provider_status = v.provider_status, sent_at = cast(v.sent_at as bigint),
            last_error = null, lease_until = null, lease_owner = null, updated_at = ${clock().getTime()}
        from v
        where n.id = v.id`.execute(executor);
    }
  }

  function settleSentMarks(marks: readonly SentMark[], error?: unknown): void {
    for (const mark of marks) mark.settle(error);
  }

  /** Writes the waiting marks on their own (autocommit: no BEGIN/COMMIT round trips on PostgreSQL). */
  async function flushSentMarks(): Promise<void> {
    const marks = takeSentMarks();
    if (marks.length === 0) return;
    try {
      await writeSentMarks(db, marks);
      settleSentMarks(marks);
    } catch (error) {
      settleSentMarks(marks, error);
    }
  }

  /** Sends one claimed message; a sent one gives its mark on its way, wrapped so that the sender does not wait for it. */
  async function sendOne(
    { row, message, settings, state: sendState }: SendWork,
    report: DispatchReport,
  ): Promise<{ mark: Promise<void> } | undefined> {
    const now = clock();
    const check = checkAtSend(message, { settings, state: sendState, now });
    if (check.kind === 'hold') {
      report.held += 1;
      // Held is not an attempt.
      await finish(row, { status: 'queued', send_after: Date.parse(check.until), attempts: Math.max(0, row.attempts - 1) });
      return;
    }
    if (check.kind === 'drop') {
      report.dropped += 1;
      await finish(row, { status: 'dropped', last_error: check.reason });
      return;
    }
    const channel = options.channels[message.recipient.channel];
    if (!channel) {
      report.failed += 1;
      await finish(row, { status: 'failed', last_error: `no ${message.recipient.channel} channel is configured` });
      return;
    }
    let rendered: RenderedMessage;
    try {
      rendered = render(message, { brand: settings.brand, links: linksFor(message) });
    } catch (error) {
      report.failed += 1;
      await finish(row, { status: 'failed', last_error: `render failed: ${errorText(error)}` });
      return;
    }
    let result: ChannelSendResult;
    try {
      result = await channel.send(rendered);
    } catch (error) {
      const retryable = error instanceof ChannelError ? error.retryable : false;
      if (retryable && row.attempts < maxAttempts) {
        report.retried += 1;
        const wait = retryDelay(row.attempts, error instanceof ChannelError ? error.retryAfterMs : null);
        await finish(row, { status: 'queued', send_after: clock().getTime() + wait, last_error: errorText(error) });
      } else {
        report.failed += 1;
        await finish(row, {
          status: 'failed',
          last_error: `${retryable ? `gave up after ${row.attempts} attempts: ` : ''}${errorText(error)}`,
        });
      }
      logSafely(options.logger, 'warn', `notify: ${message.recipient.channel} message ${row.id} not sent: ${errorText(error)}`);
      return;
    }
    report.sent += 1;
    // Marked with the next group commit; the next send on this connection does not wait for the database; a crash
    // before the mark is the only duplicate window, as before. A failed mark is like that crash: the row is sent
    // again once its lease runs out.
    const mark = markSent({
      id: row.id,
      providerId: result.providerId,
      providerStatus: result.providerStatus,
      sentAt: clock().getTime(),
    }).catch((error: unknown) => logSafely(options.logger, 'error', `notify: marking message ${row.id} sent failed: ${errorText(error)}`));
    return { mark };
  }

  interface SendWork {
    row: ClaimedRow;
    message: PlannedMessage;
    settings: NotificationSettings;
    state: SendState;
  }

  /**
   * Writes `marks` and claims a batch in one transaction, then loads the batch's send-time state in a few
   * queries per shop, not a few per message.
   */
  async function claimWork(report: DispatchReport, limit: number, marks: readonly SentMark[]): Promise<SendWork[]> {
    let claimed: ClaimedRow[];
    try {
      claimed = await claimMessages(clock(), limit, marks);
      settleSentMarks(marks);
    } catch (error) {
      settleSentMarks(marks, error);
      throw error;
    }
    report.claimed += claimed.length;
    const byShop = new Map<string, ClaimedRow[]>();
    for (const row of claimed) {
      const rows = byShop.get(row.shop_id);
      if (rows) rows.push(row);
      else byShop.set(row.shop_id, [row]);
    }
    const work: SendWork[] = [];
    for (const [shopId, rows] of byShop) {
      const [settings, reached, optOuts] = await Promise.all([
        settingsFor(shopId),
        reachedOfOrders(
          db,
          database.engine,
          shopId,
          rows.map((row) => row.order_id),
        ),
        optOutsOf(db, shopId, [...new Set(rows.map((row) => row.customer_id))], [...new Set(rows.map((row) => row.address))]),
      ]);
      for (const row of rows) {
        const message = JSON.parse(row.message) as PlannedMessage;
        work.push({
          row,
          message,
          settings,
          state: { reached: reached.get(row.order_id)!, optedOut: optedOutKeysFrom(optOuts, row.customer_id, [message.recipient]) },
        });
      }
    }
    return work;
  }

  /**
   * `concurrency` senders pull from one queue. The next batch is claimed (and its send-time state loaded) in the
   * background once the queue runs low, so the connections do not idle while the database answers. Rows claimed
   * and not yet marked stay at most `batchSize + concurrency` (one batch plus those on the wire), which bounds
   * the messages a crash can send twice.
   */
  async function sendDue(report: DispatchReport): Promise<void> {
    const queue: SendWork[] = [];
    const marks: Array<Promise<void>> = [];
    const budget = batchSize + concurrency;
    const smallestClaim = Math.min(batchSize, concurrency);
    const lowWater = Math.min(batchSize - 1, Math.max(concurrency * 2, Math.floor(batchSize / 4)));
    let unsettled = 0;
    const waitingForSettle: Array<() => void> = [];
    const settle = () => {
      unsettled -= 1;
      for (const wake of waitingForSettle.splice(0)) wake();
    };
    let exhausted = false;
    let refilling: Promise<void> | null = null;
    const startRefill = () => {
      // The waiting marks are written by this claim's transaction before it claims: their rows leave the budget.
      const limit = Math.min(batchSize, budget - (unsettled - pendingMarks.length));
      if (refilling || exhausted || limit < smallestClaim) return;
      const current = claimWork(report, limit, takeSentMarks()).then((work) => {
        if (work.length < limit) exhausted = true;
        unsettled += work.length;
        queue.push(...work);
      });
      refilling = current;
      // A failed claim stays in `refilling`, so the senders that wait for it stop with its error (as before).
      current.then(
        () => {
          if (refilling === current) refilling = null;
        },
        () => undefined,
      );
    };
    const next = async (): Promise<SendWork | undefined> => {
      for (;;) {
        const work = queue.shift();
        if (work) {
          if (queue.length < lowWater) startRefill();
          return work;
        }
        if (exhausted && !refilling) return undefined;
        startRefill();
        // Either a claim is on its way, or the budget is spent until sends and marks settle.
        await (refilling ?? new Promise<void>((resolve) => waitingForSettle.push(resolve)));
      }
    };
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let work = await next(); work; work = await next()) {
          try {
            const sent = await sendOne(work, report);
            if (sent) marks.push(sent.mark.finally(settle));
            else settle();
          } catch (error) {
            settle();
            // A database error while marking a failure: the lease brings the row back; nothing else is lost.
            logSafely(options.logger, 'error', `notify: message ${work.row.id}: ${errorText(error)}`);
          }
        }
      }),
    );
    await flushSentMarks();
    await Promise.all(marks);
  }

  // ---- webhooks to the shop

  async function claimDeliveries(now: Date): Promise<WebhookDeliveryRow[]> {
    const nowMs = now.getTime();
    return database.writeTransaction(async (trx) => {
      const result = await sql<WebhookDeliveryRow>`
        update webhook_deliveries
        set status = 'delivering', lease_until = ${nowMs + leaseMs}, attempts = attempts + 1, updated_at = ${nowMs}
        where id in (
          select id from webhook_deliveries
          where (status = 'pending' and next_attempt_at <= ${nowMs}) or (status = 'delivering' and lease_until <= ${nowMs})
          order by next_attempt_at
          limit ${batchSize}
          ${lock}
        )
        returning *`.execute(trx);
      return result.rows;
    });
  }

  async function deliverOne(row: WebhookDeliveryRow, endpoint: WebhookEndpointRow | undefined, report: DispatchReport): Promise<void> {
    const now = clock();
    const log = JSON.parse(row.attempt_log) as Array<Record<string, unknown>>;
    const close = (values: Partial<Insertable<Database['webhook_deliveries']>>) =>
      database.writeTransaction((trx) =>
        trx
          .updateTable('webhook_deliveries')
          .set({ ...values, lease_until: null, updated_at: clock().getTime() })
          .where('id', '=', row.id)
          .execute(),
      );
    if (!endpoint || endpoint.disabled_at !== null) {
      report.webhooksFailed += 1;
      await close({
        status: 'failed',
        next_attempt_at: null,
        attempts: row.attempts - 1,
        last_error: `endpoint disabled: ${endpoint?.disabled_reason ?? 'deleted'}`,
      });
      return;
    }
    const secrets = [endpoint.secret];
    if (endpoint.previous_secret && (endpoint.previous_secret_until ?? 0) > now.getTime()) secrets.push(endpoint.previous_secret);
    const result = await attemptWebhook({
      url: endpoint.url,
      id: row.message_id,
      body: row.payload,
      secrets,
      timestampSeconds: Math.floor(now.getTime() / 1000),
      addressPolicy: options.webhookAddresses,
    });
    log.push({ at: now.toISOString(), status: result.status, durationMs: result.durationMs, error: result.error });
    const common = { attempt_log: JSON.stringify(log.slice(-20)), last_status_code: result.status, last_error: result.error };
    if (result.outcome === 'delivered') {
      report.webhooksDelivered += 1;
      await close({ ...common, status: 'delivered', next_attempt_at: null, delivered_at: clock().getTime() });
      return;
    }
    if (result.outcome === 'gone') {
      report.webhooksFailed += 1;
      await database.writeTransaction(async (trx) => {
        await trx
          .updateTable('webhook_endpoints')
          .set({ disabled_at: now.getTime(), disabled_reason: 'the endpoint answered 410 Gone', updated_at: now.getTime() })
          .where('id', '=', endpoint.id)
          .where('disabled_at', 'is', null)
          .execute();
        await trx
          .updateTable('webhook_deliveries')
          .set({ ...common, status: 'failed', next_attempt_at: null, lease_until: null, updated_at: now.getTime() })
          .where('id', '=', row.id)
          .execute();
      });
      return;
    }
    const wait = result.outcome === 'refused' ? null : nextWebhookAttemptDelay(row.attempts, result.retryAfterMs, random);
    if (wait === null) {
      report.webhooksFailed += 1;
      await close({
        ...common,
        status: 'failed',
        next_attempt_at: null,
        last_error: result.outcome === 'refused' ? result.error : `attempts exhausted: ${result.error}`,
      });
      return;
    }
    report.webhooksRetried += 1;
    await close({ ...common, status: 'pending', next_attempt_at: now.getTime() + wait });
  }

  async function deliverDue(report: DispatchReport): Promise<void> {
    for (;;) {
      const claimed = await claimDeliveries(clock());
      if (claimed.length === 0) return;
      const ids = [...new Set(claimed.map((row) => row.endpoint_id))];
      const endpoints = new Map(
        (await db.selectFrom('webhook_endpoints').selectAll().where('id', 'in', ids).execute()).map((row) => [row.id, row]),
      );
      await eachLimited(claimed, concurrency, async (row) => {
        try {
          await deliverOne(row, endpoints.get(row.endpoint_id), report);
        } catch (error) {
          logSafely(options.logger, 'error', `notify: webhook delivery ${row.id}: ${errorText(error)}`);
        }
      });
      if (claimed.length < batchSize) return;
    }
  }

  async function runOnce(): Promise<DispatchReport> {
    const report = emptyReport();
    const shops = await db.selectFrom('shops').select('id').orderBy('id').execute();
    for (const shop of shops) await planShop(shop.id, report);
    await sendDue(report);
    await deliverDue(report);
    return report;
  }

  let running: Promise<void> | null = null;
  let controller: AbortController | null = null;

  return {
    workerId,
    runOnce,
    start() {
      if (running) return;
      controller = new AbortController();
      const signal = controller.signal;
      running = (async () => {
        while (!signal.aborted) {
          let busy = false;
          try {
            const report = await runOnce();
            busy = report.events + report.claimed + report.webhooksDelivered + report.webhooksRetried + report.webhooksFailed > 0;
          } catch (error) {
            logSafely(options.logger, 'error', `notify: dispatcher round failed: ${errorText(error)}`);
          }
          if (!busy && !signal.aborted)
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, options.idleDelayMs ?? 1_000);
              signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
            });
        }
      })();
    },
    async stop() {
      controller?.abort();
      await running;
      running = null;
      controller = null;
    },
  };
}
