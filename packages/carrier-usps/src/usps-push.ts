import {
  checkFreshness,
  PUSH_RECEIVER_SPECIFICATION_VERSION,
  pushBodyRejected,
  pushBodyText,
  pushHeader,
  pushRejected,
  pushResultFromOutcomes,
  readPushJson,
  verifyHmacSha256,
  WismoError,
  type PushParseResult,
  type PushReceiver,
} from '@wismo/core';
import { z } from 'zod';
import { USPS_CARRIER_ID, USPS_PRODUCTION_BASE_URL } from './usps-carrier';
import { parseUspsTrackResponse } from './parse-usps-response';

/*
 * USPS Subscriptions-Tracking v3 (every source is third-party: hookdeck/webhook-skills `skills/usps-webhooks`; the
 * official portal could not be read). USPS POSTs an envelope `{subscriptionId, subscriptionType, timestamp,
 * payload: "<stringified JSON>", links}` with `X-HMAC` (alias `hmac-header`) = Base64(HMAC-SHA256(secret,
 * timestamp + payload)). A listener USPS cannot reach is `SUSPENDED`; an idle subscription is deleted after 30 days.
 */

export const USPS_SUBSCRIPTIONS_PATH = '/subscriptions-tracking/v3/subscriptions';
/** Deliveries signed further than this from now are refused (USPS publishes no retry schedule; 15 minutes of skew). */
export const USPS_PUSH_DEFAULT_TOLERANCE_MS = 15 * 60_000;

const envelopeSchema = z.object({
  subscriptionId: z.string().optional(),
  subscriptionType: z.string().optional(),
  timestamp: z.union([z.string(), z.number()]),
  payload: z.string(),
});

/** ISO text, or epoch seconds / milliseconds. */
function timestampOf(value: string | number): Date | null {
  const numeric = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (Number.isFinite(numeric)) return new Date(numeric < 1e12 ? numeric * 1000 : numeric);
  const parsed = Date.parse(String(value));
  return Number.isNaN(parsed) ? null : new Date(parsed);
}

export interface UspsPushSettings {
  /** The 32-character `secret` given when the subscription was created. */
  secret: string;
  /** Default `USPS_PUSH_DEFAULT_TOLERANCE_MS`. */
  toleranceMs?: number;
}

/**
 * Pure: a USPS envelope → a partial update per delivery. The payload is read as a Tracking v3 detail answer by the
 * poll parser (third-party sources say it has that shape); whether it carries every scan is not confirmed, so the
 * store merges it and polls soon after. Never throws.
 */
export function parseUspsPush(body: string, context: { receivedAt: Date }): PushParseResult {
  const json = readPushJson(body);
  const envelope = json.ok ? envelopeSchema.safeParse(json.value) : null;
  if (!envelope?.success) return pushBodyRejected('The USPS push is not an envelope with timestamp and payload.');
  const inner = readPushJson(envelope.data.payload);
  if (!inner.ok) return pushBodyRejected('The USPS push payload is not JSON.');
  const items = Array.isArray(inner.value) ? inner.value : [inner.value];
  const result: PushParseResult = { updates: [], rejects: [] };
  items.forEach((item, index) => {
    const number =
      typeof item === 'object' && item !== null && typeof (item as { trackingNumber?: unknown }).trackingNumber === 'string'
        ? (item as { trackingNumber: string }).trackingNumber.trim()
        : '';
    if (!number) {
      result.rejects.push({ index, trackingNumber: null, code: 'malformed', message: 'A USPS push item without a trackingNumber.' });
      return;
    }
    const part = pushResultFromOutcomes(
      parseUspsTrackResponse({ httpStatus: 200, body: item, trackingNumbers: [number], fetchedAt: context.receivedAt }),
      { complete: false },
    );
    result.updates.push(...part.updates);
    result.rejects.push(...part.rejects.map((reject) => ({ ...reject, index })));
  });
  return result;
}

/** The receiver for `POST /webhooks/carriers/usps`: `X-HMAC` over timestamp + payload, then the timestamp's age. */
export function createUspsPushReceiver(settings: UspsPushSettings): PushReceiver {
  const toleranceMs = settings.toleranceMs ?? USPS_PUSH_DEFAULT_TOLERANCE_MS;
  return {
    specificationVersion: PUSH_RECEIVER_SPECIFICATION_VERSION,
    source: USPS_CARRIER_ID,
    kind: 'carrier',
    verify(request) {
      const signature = pushHeader(request, 'x-hmac') ?? pushHeader(request, 'hmac-header');
      const json = readPushJson(pushBodyText(request));
      const envelope = json.ok ? envelopeSchema.safeParse(json.value) : null;
      if (!envelope?.success) return pushRejected('malformed', 'The USPS push is not an envelope with timestamp and payload.');
      const timestamp = String(envelope.data.timestamp);
      const signed = verifyHmacSha256({
        header: 'X-HMAC',
        signature,
        secret: settings.secret,
        signed: [timestamp, envelope.data.payload],
        encoding: 'base64',
      });
      if (!signed.ok) return signed;
      // Signature first: an attacker learns nothing about the window from an unsigned body.
      const fresh = checkFreshness(timestampOf(envelope.data.timestamp), request.receivedAt, toleranceMs);
      return fresh.ok ? { ok: true, deliveryId: null, sentAt: fresh.sentAt } : fresh;
    },
    parse: parseUspsPush,
  };
}

// ------------------------------------------------------------------------------------------------ subscriptions

export type UspsSubscriptionFilter = { trackingNumbers: string[] } | { MID: string } | { STID: string };

export interface UspsSubscriptionOptions {
  /** A token with scope `subscriptions-tracking`. */
  accessToken: () => Promise<string>;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export interface UspsSubscription {
  subscriptionId: string;
  /** `ACTIVE`, `SUSPENDED` (USPS could not reach the listener), … as USPS says. */
  status: string | null;
  listenerURL: string | null;
}

const subscriptionSchema = z
  .object({
    subscriptionId: z.string().optional(),
    subscriptionID: z.string().optional(),
    id: z.string().optional(),
    status: z.string().optional(),
    subscriptionStatus: z.string().optional(),
    listenerURL: z.string().optional(),
  })
  .passthrough();

function subscriptionOf(body: unknown): UspsSubscription | null {
  const parsed = subscriptionSchema.safeParse(body);
  if (!parsed.success) return null;
  const id = parsed.data.subscriptionId ?? parsed.data.subscriptionID ?? parsed.data.id;
  if (!id) return null;
  return {
    subscriptionId: id,
    status: parsed.data.status ?? parsed.data.subscriptionStatus ?? null,
    listenerURL: parsed.data.listenerURL ?? null,
  };
}

async function call(options: UspsSubscriptionOptions, method: string, path: string, body?: unknown): Promise<unknown> {
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const url = `${(options.baseUrl ?? USPS_PRODUCTION_BASE_URL).replace(/\/+$/, '')}${USPS_SUBSCRIPTIONS_PATH}${path}`;
  let response: Response;
  try {
    response = await fetchFunction(url, {
      method,
      headers: { Authorization: `Bearer ${await options.accessToken()}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new WismoError('carrier_unavailable', 'USPS Subscriptions did not answer', {
      carrierId: USPS_CARRIER_ID,
      retryable: true,
      cause: error,
    });
  }
  const text = await response.text();
  if (!response.ok) {
    const status = response.status;
    const code =
      status === 401 || status === 403
        ? 'auth_failed'
        : status === 404
          ? 'not_found'
          : status === 429
            ? 'rate_limited'
            : status >= 500
              ? 'carrier_unavailable'
              : 'bad_response';
    throw new WismoError(code, `USPS Subscriptions answered HTTP ${status} to ${method} ${USPS_SUBSCRIPTIONS_PATH}${path ? '/{id}' : ''}`, {
      carrierId: USPS_CARRIER_ID,
      httpStatus: status,
      retryable: code === 'rate_limited' || code === 'carrier_unavailable',
    });
  }
  const json = text ? readPushJson(text) : { ok: true as const, value: null };
  return json.ok ? json.value : null;
}

/** `POST /subscriptions-tracking/v3/subscriptions`: USPS pushes matching parcels to `listenerURL`, signed with `secret`. */
export async function subscribeUspsTracking(
  options: UspsSubscriptionOptions & {
    listenerURL: string;
    /** 32 characters (USPS's rule); also the `createUspsPushReceiver` secret. */
    secret: string;
    filter: UspsSubscriptionFilter;
    subscriptionName?: string;
    adminEmails?: string[];
  },
): Promise<UspsSubscription> {
  if (options.secret.length !== 32)
    throw new WismoError('configuration', 'The USPS subscription secret must be 32 characters long.', { carrierId: USPS_CARRIER_ID });
  const answer = await call(options, 'POST', '', {
    ...(options.subscriptionName ? { subscriptionName: options.subscriptionName } : {}),
    listenerURL: options.listenerURL,
    secret: options.secret,
    adminNotification: (options.adminEmails ?? []).map((email) => ({ email })),
    filterProperties: options.filter,
  });
  const subscription = subscriptionOf(answer);
  if (!subscription)
    throw new WismoError('bad_response', 'USPS Subscriptions answered without a subscription id', { carrierId: USPS_CARRIER_ID });
  return subscription;
}

export async function getUspsSubscription(options: UspsSubscriptionOptions & { subscriptionId: string }): Promise<UspsSubscription> {
  const answer = await call(options, 'GET', `/${encodeURIComponent(options.subscriptionId)}`);
  return subscriptionOf(answer) ?? { subscriptionId: options.subscriptionId, status: null, listenerURL: null };
}

export async function deleteUspsSubscription(options: UspsSubscriptionOptions & { subscriptionId: string }): Promise<void> {
  await call(options, 'DELETE', `/${encodeURIComponent(options.subscriptionId)}`);
}

/**
 * `SUSPENDED` recovery: USPS suspends a subscription whose listener it could not reach and publishes no way to resume
 * it, so a suspended one is deleted and created again with the same filter (a deleted one is only created again). Pushes lost meanwhile are not replayed:
 * poll the subscription's parcels afterwards (the scheduler's slow poll does it in time; a refresh does it now).
 */
export async function recoverUspsSubscription(
  options: Parameters<typeof subscribeUspsTracking>[0] & { subscriptionId: string },
): Promise<{ recovered: boolean; subscription: UspsSubscription }> {
  let current: UspsSubscription | null;
  try {
    current = await getUspsSubscription(options);
  } catch (error) {
    // Deleted after 30 idle days: nothing to delete, only to create again.
    if (!WismoError.isInstance(error) || error.code !== 'not_found') throw error;
    current = null;
  }
  if (current && current.status?.toUpperCase() !== 'SUSPENDED') return { recovered: false, subscription: current };
  if (current) await deleteUspsSubscription(options);
  return { recovered: true, subscription: await subscribeUspsTracking(options) };
}
