import type { Store } from '@wismo/store';
import { storeDatabase, type Database } from '@wismo/store/internal';
import type { Kysely } from 'kysely';
import { CUSTOMER_CHANNELS, type CustomerChannel, type NotificationSettings } from '../notification-types';
import { shopNotificationSettings, type NotificationSettingsInput } from '../policy/settings';
import { createWebhookSecret } from '../webhooks/standard-webhooks';
import { WEBHOOK_EVENT_TYPES } from '../webhooks/webhook-events';
import { newRecordId, type WebhookDeliveryRow, type WebhookEndpointRow } from './notification-records';
import { verifyUnsubscribeToken, type UnsubscribeSubject } from './unsubscribe-token';

export type NotificationAdminErrorCode = 'not_found' | 'invalid_input' | 'endpoint_disabled';

/** A request the admin functions refuse; `code` maps to an HTTP status in the server (404, 400, 409). */
export class NotificationAdminError extends Error {
  override readonly name = 'NotificationAdminError';
  readonly code: NotificationAdminErrorCode;
  constructor(code: NotificationAdminErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface WebhookEndpointInfo {
  id: string;
  url: string;
  /** Null: every type. */
  eventTypes: string[] | null;
  /** True while a previous secret still signs (during a rotation). */
  rotating: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
}

export interface WebhookDeliveryInfo {
  id: string;
  endpointId: string;
  /** The `webhook-id` header. */
  messageId: string;
  eventType: string;
  status: 'pending' | 'delivering' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  log: Array<{ at: string; status: number | null; durationMs: number; error: string | null }>;
  createdAt: string;
  deliveredAt: string | null;
}

export interface OptOutInfo {
  customerId: string;
  channel: CustomerChannel;
  address: string;
  source: string;
  createdAt: string;
}

/** Functions the server's REST routes call; every one is scoped to a shop. */
export interface NotificationAdmin {
  getSettings(shopId: string): Promise<NotificationSettings>;
  /** Stores the given fields over the current ones (validated); returns the resolved settings. */
  putSettings(shopId: string, input: NotificationSettingsInput): Promise<NotificationSettings>;
  /** The secret is returned here and on rotation only. */
  createWebhookEndpoint(
    shopId: string,
    input: { url: string; eventTypes?: string[] | null },
  ): Promise<WebhookEndpointInfo & { secret: string }>;
  listWebhookEndpoints(shopId: string): Promise<WebhookEndpointInfo[]>;
  /** A new secret; the previous one keeps signing beside it for `overlapMs` (default 24 h). */
  rotateWebhookSecret(
    shopId: string,
    endpointId: string,
    options?: { overlapMs?: number },
  ): Promise<WebhookEndpointInfo & { secret: string }>;
  /** Re-enables an endpoint that was disabled (after a 410). */
  enableWebhookEndpoint(shopId: string, endpointId: string): Promise<WebhookEndpointInfo>;
  listWebhookDeliveries(shopId: string, endpointId: string, options?: { limit?: number }): Promise<WebhookDeliveryInfo[]>;
  /** Sends one delivery again (same `webhook-id`, so a receiver that has it drops it), from the first attempt. */
  replayWebhookDelivery(shopId: string, deliveryId: string): Promise<WebhookDeliveryInfo>;
  optOut(shopId: string, input: { customerId: string; channel: CustomerChannel; address: string; source?: string }): Promise<OptOutInfo>;
  removeOptOut(shopId: string, input: { customerId: string; channel: CustomerChannel }): Promise<boolean>;
  listOptOuts(shopId: string, options?: { customerId?: string }): Promise<OptOutInfo[]>;
  /** An unsubscribe link was followed (or posted one-click): verify the token and record the opt-out. */
  unsubscribe(token: string, unsubscribeSecret: string): Promise<UnsubscribeSubject>;
  /** A Twilio status callback (already verified with `readTwilioStatusCallback`): records the provider status. */
  recordProviderStatus(input: { providerId: string; status: string; errorCode?: string | null }): Promise<boolean>;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());
const KNOWN_TYPES: ReadonlySet<string> = new Set(Object.values(WEBHOOK_EVENT_TYPES));

function endpointInfo(row: WebhookEndpointRow, nowMs: number): WebhookEndpointInfo {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types ? (JSON.parse(row.event_types) as string[]) : null,
    rotating: row.previous_secret !== null && Number(row.previous_secret_until ?? 0) > nowMs,
    disabledAt: iso(row.disabled_at),
    disabledReason: row.disabled_reason,
    createdAt: iso(row.created_at)!,
  };
}

function deliveryInfo(row: WebhookDeliveryRow): WebhookDeliveryInfo {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    messageId: row.message_id,
    eventType: row.event_type,
    status: row.status as WebhookDeliveryInfo['status'],
    attempts: Number(row.attempts),
    nextAttemptAt: iso(row.next_attempt_at),
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastError: row.last_error,
    log: JSON.parse(row.attempt_log) as WebhookDeliveryInfo['log'],
    createdAt: iso(row.created_at)!,
    deliveredAt: iso(row.delivered_at),
  };
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NotificationAdminError('invalid_input', 'The webhook URL cannot be parsed');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new NotificationAdminError('invalid_input', 'A webhook URL is http(s)');
  if (parsed.username || parsed.password) throw new NotificationAdminError('invalid_input', 'A webhook URL must not carry credentials');
  return parsed.toString();
}

function checkChannel(channel: string): CustomerChannel {
  if (!(CUSTOMER_CHANNELS as readonly string[]).includes(channel))
    throw new NotificationAdminError('invalid_input', `Unknown channel "${channel}"`);
  return channel as CustomerChannel;
}

export function createNotificationAdmin(
  store: Store,
  options: { clock?: () => Date; settings?: NotificationSettingsInput } = {},
): NotificationAdmin {
  const { db, writeTransaction } = storeDatabase(store);
  const clock = options.clock ?? (() => new Date());

  async function storedSettings(executor: Kysely<Database>, shopId: string): Promise<NotificationSettingsInput> {
    const row = await executor.selectFrom('notification_settings').select('data').where('shop_id', '=', shopId).executeTakeFirst();
    return row ? (JSON.parse(row.data) as NotificationSettingsInput) : {};
  }

  async function resolved(shopId: string, input: NotificationSettingsInput): Promise<NotificationSettings> {
    const shop = await db.selectFrom('shops').select('time_zone').where('id', '=', shopId).executeTakeFirst();
    return shopNotificationSettings(shop?.time_zone ?? 'UTC', options.settings, input);
  }

  async function endpointRow(shopId: string, endpointId: string): Promise<WebhookEndpointRow> {
    const row = await db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('shop_id', '=', shopId)
      .where('id', '=', endpointId)
      .executeTakeFirst();
    if (!row) throw new NotificationAdminError('not_found', `No webhook endpoint ${endpointId} in this shop`);
    return row;
  }

  async function optOut(
    shopId: string,
    input: { customerId: string; channel: CustomerChannel; address: string; source?: string },
  ): Promise<OptOutInfo> {
    const channel = checkChannel(input.channel);
    if (!input.customerId || !input.address)
      throw new NotificationAdminError('invalid_input', 'An opt-out needs a customer id and an address');
    const nowMs = clock().getTime();
    const address = channel === 'email' ? input.address.trim().toLowerCase() : input.address.replace(/[\s().-]/g, '');
    const source = input.source ?? 'api';
    await writeTransaction((trx) =>
      trx
        .insertInto('notification_opt_outs')
        .values({ shop_id: shopId, customer_id: input.customerId, channel, address, source, created_at: nowMs })
        .onConflict((conflict) => conflict.columns(['shop_id', 'customer_id', 'channel']).doUpdateSet({ address, source }))
        .execute(),
    );
    return { customerId: input.customerId, channel, address, source, createdAt: iso(nowMs)! };
  }

  return {
    async getSettings(shopId) {
      return resolved(shopId, await storedSettings(db, shopId));
    },
    async putSettings(shopId, input) {
      const merged = { ...(await storedSettings(db, shopId)), ...input };
      const settings = await resolved(shopId, merged);
      const nowMs = clock().getTime();
      await writeTransaction((trx) =>
        trx
          .insertInto('notification_settings')
          .values({ shop_id: shopId, data: JSON.stringify(merged), updated_at: nowMs })
          .onConflict((conflict) => conflict.column('shop_id').doUpdateSet({ data: JSON.stringify(merged), updated_at: nowMs }))
          .execute(),
      );
      return settings;
    },
    async createWebhookEndpoint(shopId, input) {
      const url = checkUrl(input.url);
      const eventTypes = input.eventTypes ?? null;
      for (const type of eventTypes ?? [])
        if (!KNOWN_TYPES.has(type)) throw new NotificationAdminError('invalid_input', `Unknown webhook event type "${type}"`);
      const nowMs = clock().getTime();
      const secret = createWebhookSecret();
      const row: WebhookEndpointRow = {
        id: newRecordId('whe', nowMs),
        shop_id: shopId,
        url,
        secret,
        previous_secret: null,
        previous_secret_until: null,
        event_types: eventTypes ? JSON.stringify(eventTypes) : null,
        disabled_at: null,
        disabled_reason: null,
        created_at: nowMs,
        updated_at: nowMs,
      };
      await writeTransaction((trx) => trx.insertInto('webhook_endpoints').values(row).execute());
      return { ...endpointInfo(row, nowMs), secret };
    },
    async listWebhookEndpoints(shopId) {
      const nowMs = clock().getTime();
      const rows = await db.selectFrom('webhook_endpoints').selectAll().where('shop_id', '=', shopId).orderBy('id').execute();
      return rows.map((row) => endpointInfo(row, nowMs));
    },
    async rotateWebhookSecret(shopId, endpointId, rotateOptions = {}) {
      const row = await endpointRow(shopId, endpointId);
      const nowMs = clock().getTime();
      const secret = createWebhookSecret();
      const updated: WebhookEndpointRow = {
        ...row,
        secret,
        previous_secret: row.secret,
        previous_secret_until: nowMs + (rotateOptions.overlapMs ?? 86_400_000),
        updated_at: nowMs,
      };
      await writeTransaction((trx) =>
        trx
          .updateTable('webhook_endpoints')
          .set({
            secret,
            previous_secret: updated.previous_secret,
            previous_secret_until: updated.previous_secret_until,
            updated_at: nowMs,
          })
          .where('id', '=', row.id)
          .execute(),
      );
      return { ...endpointInfo(updated, nowMs), secret };
    },
    async enableWebhookEndpoint(shopId, endpointId) {
      const row = await endpointRow(shopId, endpointId);
      const nowMs = clock().getTime();
      await writeTransaction((trx) =>
        trx
          .updateTable('webhook_endpoints')
          .set({ disabled_at: null, disabled_reason: null, updated_at: nowMs })
          .where('id', '=', row.id)
          .execute(),
      );
      return endpointInfo({ ...row, disabled_at: null, disabled_reason: null }, nowMs);
    },
    async listWebhookDeliveries(shopId, endpointId, listOptions = {}) {
      await endpointRow(shopId, endpointId);
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('endpoint_id', '=', endpointId)
        .orderBy('id', 'desc')
        .limit(Math.min(500, Math.max(1, listOptions.limit ?? 50)))
        .execute();
      return rows.map(deliveryInfo);
    },
    async replayWebhookDelivery(shopId, deliveryId) {
      const row = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('id', '=', deliveryId)
        .executeTakeFirst();
      if (!row) throw new NotificationAdminError('not_found', `No webhook delivery ${deliveryId} in this shop`);
      const endpoint = await endpointRow(shopId, row.endpoint_id);
      if (endpoint.disabled_at !== null)
        throw new NotificationAdminError(
          'endpoint_disabled',
          `The endpoint is disabled (${endpoint.disabled_reason ?? 'no reason'}); enable it first`,
        );
      const nowMs = clock().getTime();
      const values = { status: 'pending', attempts: 0, next_attempt_at: nowMs, lease_until: null, updated_at: nowMs } as const;
      await writeTransaction((trx) => trx.updateTable('webhook_deliveries').set(values).where('id', '=', row.id).execute());
      return deliveryInfo({ ...row, ...values });
    },
    optOut,
    async removeOptOut(shopId, input) {
      const channel = checkChannel(input.channel);
      const result = await writeTransaction((trx) =>
        trx
          .deleteFrom('notification_opt_outs')
          .where('shop_id', '=', shopId)
          .where('customer_id', '=', input.customerId)
          .where('channel', '=', channel)
          .executeTakeFirst(),
      );
      return Number(result.numDeletedRows) > 0;
    },
    async listOptOuts(shopId, listOptions = {}) {
      let query = db.selectFrom('notification_opt_outs').selectAll().where('shop_id', '=', shopId);
      if (listOptions.customerId) query = query.where('customer_id', '=', listOptions.customerId);
      const rows = await query.orderBy('created_at').execute();
      return rows.map((row) => ({
        customerId: row.customer_id,
        channel: row.channel as CustomerChannel,
        address: row.address,
        source: row.source,
        createdAt: iso(row.created_at)!,
      }));
    },
    async unsubscribe(token, unsubscribeSecret) {
      const subject = verifyUnsubscribeToken(unsubscribeSecret, token);
      await optOut(subject.shopId, { ...subject, source: 'unsubscribe_link' });
      return subject;
    },
    async recordProviderStatus(input) {
      const result = await writeTransaction((trx) =>
        trx
          .updateTable('notifications')
          .set({
            provider_status: input.errorCode ? `${input.status} (${input.errorCode})` : input.status,
            updated_at: clock().getTime(),
          })
          .where('provider_id', '=', input.providerId)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
