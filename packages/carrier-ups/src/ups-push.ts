import {
  buildShipment,
  constantTimeEqual,
  createEvent,
  createLocation,
  dateOnly,
  hmacSha256,
  joinCompactDateTime,
  localTime,
  PUSH_RECEIVER_SPECIFICATION_VERSION,
  pushBodyText,
  pushHeader,
  pushRejected,
  pushSubscriptionRefused,
  verifyStaticToken,
  WismoError,
  type EstimatedDelivery,
  type PushHttpAnswer,
  type PushItemReject,
  type PushParseResult,
  type PushReceiver,
  type PushRequest,
  type PushUpdate,
  type PushVerification,
} from '@wismo/core';
import { z } from 'zod';
import { mapUpsStatus } from './map-ups-status';
import { UPS_CARRIER_ID, UPS_PRODUCTION_BASE_URL, upsTrackingUrl } from './ups-carrier';
import { upsActivityTime } from './ups-time';

/*
 * UPS Track Alert (UPS-API/api-documentation `UPSTrackAlert.yaml`, `UPSTrackAlertEnhanced.yaml`): we subscribe up to
 * 100 1Z numbers per call; for 14 days UPS POSTs one scan at a time to our URL. UPS keeps no history and drops events
 * while our endpoint is down, so a push is a partial answer and slow polling stays on.
 */

/** UPS refuses more than 100 numbers in one subscription call (VSS220). */
export const UPS_TRACK_ALERT_BATCH_SIZE = 100;
/** A subscription lasts 14 days; then UPS stops pushing unless we subscribe again. */
export const UPS_TRACK_ALERT_SUBSCRIPTION_MS = 14 * 24 * 3_600_000;
/** Re-subscribe this long before the expiry, so a slow renewal round never leaves a gap. */
export const UPS_TRACK_ALERT_RENEW_MARGIN_MS = 24 * 3_600_000;
const V1_NUMBER = /^1Z[0-9A-Z]{16}$/;
/** v2 also accepts Roadie (1R) numbers. */
const V2_NUMBER = /^1[ZR][0-9A-Z]{16}$/;

// UPS's own v2 examples write `descriptionCode: 021` unquoted: a number is read as its digits (padded when mapped).
const text = z
  .union([z.string(), z.number().transform(String)])
  .optional()
  .catch(undefined);
/** One Track Alert message. Missing values arrive as `""`, which every reader below treats as absent. */
const upsTrackAlertEventSchema = z.object({
  trackingNumber: z.string(),
  localActivityDate: text,
  localActivityTime: text,
  gmtActivityDate: text,
  gmtActivityTime: text,
  activityLocation: z.object({ city: text, stateProvince: text, postalCode: text, country: text }).partial().optional().catch(undefined),
  activityStatus: z.object({ type: text, code: text, description: text, descriptionCode: text }).partial().optional().catch(undefined),
  scheduledDeliveryDate: text,
  actualDeliveryDate: text,
  actualDeliveryTime: text,
  deliveryStartTime: text,
  deliveryEndTime: text,
  deliveryTimeDescription: text,
  receivedBy: text,
});
export type UpsTrackAlertEvent = z.infer<typeof upsTrackAlertEventSchema>;

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The scheduled day, with the delivery window when UPS gives one (times local to the destination, no offset). */
function estimatedDeliveryOf(event: UpsTrackAlertEvent): EstimatedDelivery | null {
  const date = joinCompactDateTime(present(event.scheduledDeliveryDate));
  if (!date) return null;
  const start = present(event.deliveryStartTime);
  const end = present(event.deliveryEndTime);
  if (start || end) {
    return {
      from: start ? joinCompactDateTime(date, start) : null,
      to: end ? joinCompactDateTime(date, end) : null,
      timeKind: 'local',
      source: 'carrier',
      confidence: null,
    };
  }
  return { from: date, to: date, timeKind: 'date', source: 'carrier', confidence: null };
}

/** One Track Alert message as a partial update: the scan, the schedule and the delivery moment it carries. */
export function normaliseUpsTrackAlertEvent(event: UpsTrackAlertEvent, receivedAt: Date): PushUpdate {
  const trackingNumber = event.trackingNumber.replace(/\s+/g, '').toUpperCase();
  const status = event.activityStatus ?? {};
  const mapping = mapUpsStatus({ type: present(status.type), code: present(status.code), statusCode: present(status.descriptionCode) });
  const location = event.activityLocation ?? {};
  const scan = createEvent({
    time: upsActivityTime({
      date: present(event.localActivityDate),
      time: present(event.localActivityTime),
      gmtDate: present(event.gmtActivityDate),
      gmtTime: present(event.gmtActivityTime),
      gmtOffset: undefined,
    }),
    description: present(status.description),
    code: mapping.code,
    codes: { type: status.type, code: status.code, statusCode: status.descriptionCode },
    location: createLocation({
      city: location.city,
      region: location.stateProvince,
      postalCode: location.postalCode,
      countryCode: location.country,
    }),
    mapped: mapping.mapped,
  });
  const deliveredDate = present(event.actualDeliveryDate);
  const deliveredTime = present(event.actualDeliveryTime);
  const deliveredLocal = deliveredDate ? joinCompactDateTime(deliveredDate, deliveredTime) : null;
  return {
    carrier: UPS_CARRIER_ID,
    trackingNumber,
    complete: false,
    shipment: buildShipment({
      carrier: UPS_CARRIER_ID,
      trackingNumber,
      events: [scan],
      estimatedDelivery: estimatedDeliveryOf(event),
      // The scan's own time is better (often an instant); the actual delivery fields are the fallback.
      deliveredAt:
        scan.status === 'delivered' || !deliveredLocal
          ? undefined
          : deliveredLocal.includes('T')
            ? localTime(deliveredLocal)
            : dateOnly(deliveredLocal),
      signedBy: present(event.receivedBy) ?? null,
      trackingUrl: upsTrackingUrl(trackingNumber),
      fetchedAt: receivedAt,
    }),
  };
}

/**
 * Pure: a Track Alert body (one message; an array of messages is accepted too) → updates and rejects. Never throws:
 * a body that is not JSON, or a message without a tracking number, comes back as a reject.
 */
export function parseUpsTrackAlertPush(body: string, context: { receivedAt: Date }): PushParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {
      updates: [],
      rejects: [{ index: null, trackingNumber: null, code: 'malformed', message: 'The UPS Track Alert body is not JSON.' }],
    };
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const updates: PushUpdate[] = [];
  const rejects: PushItemReject[] = [];
  items.forEach((item, index) => {
    const result = upsTrackAlertEventSchema.safeParse(item);
    const number = result.success ? result.data.trackingNumber.trim() : null;
    if (!result.success || !number) {
      rejects.push({ index, trackingNumber: null, code: 'malformed', message: 'A UPS Track Alert message without a trackingNumber.' });
      return;
    }
    updates.push(normaliseUpsTrackAlertEvent(result.data, context.receivedAt));
  });
  return { updates, rejects };
}

export type UpsPushSettings =
  /** v1: UPS sends back the opaque `credential` we gave in the subscription's `destination`. */
  | { flavour: 'v1'; credential: string }
  /**
   * v2: webhook credentials live in the UPS portal. UPS first calls our token URL (`answerTokenRequest`) with the
   * client id and secret configured there, then sends `x-api-key: <client id>` and `Authorization: Bearer <token>`.
   */
  | { flavour: 'v2'; clientId: string; clientSecret: string; tokenTtlMs?: number; now?: () => Date };

const TOKEN_PREFIX = 'wup1';

/** A stateless token: its expiry, signed with the client secret, so any instance of the server can check it. */
function issueToken(clientId: string, clientSecret: string, expiresAtMs: number): string {
  const mac = hmacSha256(clientSecret, `ups-track-alert-token\u0000${clientId}\u0000${expiresAtMs}`).toString('base64url');
  return `${TOKEN_PREFIX}.${expiresAtMs.toString(36)}.${mac}`;
}

function verifyToken(token: string, clientId: string, clientSecret: string, now: Date): PushVerification {
  const [prefix, expiry, mac] = token.split('.');
  const expiresAtMs = expiry ? Number.parseInt(expiry, 36) : Number.NaN;
  if (prefix !== TOKEN_PREFIX || !mac || !Number.isFinite(expiresAtMs))
    return pushRejected('bad_signature', 'The bearer token was not issued by this server.');
  if (!constantTimeEqual(token, issueToken(clientId, clientSecret, expiresAtMs)))
    return pushRejected('bad_signature', 'The bearer token was not issued by this server.');
  if (expiresAtMs <= now.getTime()) return pushRejected('stale', 'The bearer token has expired; UPS fetches a new one.');
  return { ok: true, deliveryId: null, sentAt: null };
}

/** Client credentials from `Authorization: Basic` (client_secret_basic) or the form body (client_secret_post). */
function clientCredentialsOf(request: PushRequest): { id: string; secret: string } | null {
  const authorization = pushHeader(request, 'authorization');
  if (authorization?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  const form = new URLSearchParams(pushBodyText(request));
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : null;
}

/** The receiver for `POST /webhooks/carriers/ups`: verifies the v1 credential or the v2 token, parses Track Alert messages. */
export function createUpsPushReceiver(settings: UpsPushSettings): PushReceiver {
  const receiver: PushReceiver = {
    specificationVersion: PUSH_RECEIVER_SPECIFICATION_VERSION,
    source: UPS_CARRIER_ID,
    kind: 'carrier',
    verify(request) {
      if (settings.flavour === 'v1') return verifyStaticToken('credential', pushHeader(request, 'credential'), settings.credential);
      const apiKey = pushHeader(request, 'x-api-key');
      if (!apiKey) return pushRejected('missing_signature', 'The x-api-key header is missing.');
      if (!constantTimeEqual(apiKey, settings.clientId))
        return pushRejected('bad_signature', 'The x-api-key header is not the configured client id.');
      const authorization = pushHeader(request, 'authorization');
      if (!authorization?.toLowerCase().startsWith('bearer '))
        return pushRejected('missing_signature', 'The Authorization bearer token is missing.');
      return verifyToken(authorization.slice(7).trim(), settings.clientId, settings.clientSecret, request.receivedAt);
    },
    parse: parseUpsTrackAlertPush,
  };
  if (settings.flavour === 'v2') {
    receiver.answerTokenRequest = (request): PushHttpAnswer => {
      const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
      const credentials = clientCredentialsOf(request);
      const valid =
        credentials !== null &&
        // Both compared, always: no early exit that tells which one was wrong.
        [constantTimeEqual(credentials.id, settings.clientId), constantTimeEqual(credentials.secret, settings.clientSecret)].every(Boolean);
      if (!valid) return { status: 401, headers, body: JSON.stringify({ error: 'invalid_client' }) };
      const ttlMs = settings.tokenTtlMs ?? 3_600_000;
      const nowMs = (settings.now ?? (() => request.receivedAt))().getTime();
      const token = issueToken(settings.clientId, settings.clientSecret, nowMs + ttlMs);
      return {
        status: 200,
        headers,
        body: JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: Math.floor(ttlMs / 1000) }),
      };
    };
  }
  return receiver;
}

// ------------------------------------------------------------------------------------------------ subscribing

export interface UpsSubscribeOptions {
  trackingNumbers: readonly string[];
  /** A valid OAuth access token for the UPS API (e.g. from core/internal's `createOAuthClientCredentials`). */
  accessToken: () => Promise<string>;
  /** v1 sends `destination` (our URL and credential); v2 has them in the UPS portal. */
  flavour: 'v1' | 'v2';
  /** v1 only: where UPS pushes, and the credential it sends back in the `credential` header. */
  destination?: { url: string; credential: string; credentialType?: string };
  /** `standard` (default) or `enhanced` (v2: adds delivery photos). */
  subscriptionType?: 'standard' | 'enhanced';
  /** v2 `enhanced`: D (delivery), I (in progress), M (manifest); default all. Standard subscriptions get every kind. */
  eventPreferences?: ReadonlyArray<'D' | 'I' | 'M'>;
  /** Default production; `https://wwwcie.ups.com` accepts only the test numbers and creates no subscription. */
  baseUrl?: string;
  /** `transactionSrc` header. Default `wismo`. */
  transactionSource?: string;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
}

export interface UpsSubscription {
  trackingNumber: string;
  subscribedAt: string;
  /** UPS stops pushing at this instant (14 days after subscribing). */
  expiresAt: string;
  /** When to subscribe again (a day before the expiry). */
  renewAt: string;
}

export interface UpsSubscribeResult {
  subscribed: UpsSubscription[];
  /** Numbers UPS (or the format check before calling) refused. */
  invalid: string[];
  /** Whole batches that failed (network, 401, 429, 5xx): retry them later. */
  failed: Array<{ trackingNumbers: string[]; error: WismoError }>;
}

const subscribeResponseSchema = z.object({
  validTrackingNumbers: z.array(z.string()).optional().catch(undefined),
  invalidTrackingNumbers: z.array(z.string()).optional().catch(undefined),
});
const subscribeErrorSchema = z.object({
  response: z.object({ errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional() })).optional() }).optional(),
  errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional() })).optional(),
});

function subscriptionFailure(status: number, body: unknown, retryAfter: string | null): WismoError {
  const parsed = subscribeErrorSchema.safeParse(body);
  const errors = parsed.success ? (parsed.data.response?.errors ?? parsed.data.errors ?? []) : [];
  const codes = errors.map((error) => error.code ?? '').filter(Boolean);
  const said = errors.map((error) => `${error.code ?? '?'}: ${error.message ?? ''}`).join('; ');
  const seconds = retryAfter ? Number(retryAfter) : Number.NaN;
  return pushSubscriptionRefused(`UPS Track Alert refused the subscription (HTTP ${status}${said ? `; ${said}` : ''})`, {
    carrierId: UPS_CARRIER_ID,
    httpStatus: status,
    retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : null,
    carrierCodes: codes,
  });
}

/**
 * Subscribes numbers to Track Alert in batches of 100 (`POST /api/track/{v1|v2}/subscription/{type}/package`). One
 * failed batch does not stop the others; each number comes back subscribed (with its expiry), invalid, or failed.
 */
export async function subscribeUpsTrackAlert(options: UpsSubscribeOptions): Promise<UpsSubscribeResult> {
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const pattern = options.flavour === 'v1' ? V1_NUMBER : V2_NUMBER;
  if (options.flavour === 'v1' && !options.destination)
    throw new WismoError('configuration', 'UPS Track Alert v1 needs a destination (our webhook URL and credential).', {
      carrierId: UPS_CARRIER_ID,
    });
  const numbers = [...new Set(options.trackingNumbers.map((number) => number.replace(/\s+/g, '').toUpperCase()))];
  const result: UpsSubscribeResult = { subscribed: [], invalid: numbers.filter((number) => !pattern.test(number)), failed: [] };
  const valid = numbers.filter((number) => pattern.test(number));
  const url = `${(options.baseUrl ?? UPS_PRODUCTION_BASE_URL).replace(/\/+$/, '')}/api/track/${options.flavour}/subscription/${options.subscriptionType ?? 'standard'}/package`;
  for (let start = 0; start < valid.length; start += UPS_TRACK_ALERT_BATCH_SIZE) {
    const batch = valid.slice(start, start + UPS_TRACK_ALERT_BATCH_SIZE);
    const body: Record<string, unknown> = { locale: 'en_US', countryCode: 'US', trackingNumberList: batch };
    if (options.flavour === 'v1' && options.destination)
      body.destination = {
        url: options.destination.url,
        credentialType: options.destination.credentialType ?? 'Bearer',
        credential: options.destination.credential,
      };
    // v2 `enhanced` only (UPSTrackAlertEnhanced.yaml): which event kinds the webhook gets.
    if (options.flavour === 'v2' && options.subscriptionType === 'enhanced')
      body.eventPreferences = [...(options.eventPreferences ?? ['D', 'I', 'M'])];
    try {
      const response = await fetchFunction(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await options.accessToken()}`,
          'Content-Type': 'application/json',
          transId: `wismo-${now().getTime().toString(36)}-${start / UPS_TRACK_ALERT_BATCH_SIZE}`,
          transactionSrc: options.transactionSource ?? 'wismo',
        },
        body: JSON.stringify(body),
      });
      const answer: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        result.failed.push({
          trackingNumbers: batch,
          error: subscriptionFailure(response.status, answer, response.headers.get('retry-after')),
        });
        continue;
      }
      const parsed = subscribeResponseSchema.safeParse(answer);
      const accepted = new Set(
        (parsed.success ? (parsed.data.validTrackingNumbers ?? []) : []).map((number) => number.trim().toUpperCase()),
      );
      const subscribedAt = now().getTime();
      for (const number of batch) {
        if (!accepted.has(number)) {
          result.invalid.push(number);
          continue;
        }
        result.subscribed.push({
          trackingNumber: number,
          subscribedAt: new Date(subscribedAt).toISOString(),
          expiresAt: new Date(subscribedAt + UPS_TRACK_ALERT_SUBSCRIPTION_MS).toISOString(),
          renewAt: new Date(subscribedAt + UPS_TRACK_ALERT_SUBSCRIPTION_MS - UPS_TRACK_ALERT_RENEW_MARGIN_MS).toISOString(),
        });
      }
    } catch (error) {
      const failure = WismoError.isInstance(error)
        ? error
        : new WismoError('carrier_unavailable', 'UPS Track Alert did not answer the subscription request', {
            carrierId: UPS_CARRIER_ID,
            retryable: true,
            cause: error,
          });
      result.failed.push({ trackingNumbers: batch, error: failure });
    }
  }
  return result;
}

/** The subscriptions to renew now: those whose `renewAt` has passed (expired ones too: UPS keeps no history). */
export function upsSubscriptionsToRenew(subscriptions: readonly UpsSubscription[], now: Date): string[] {
  return subscriptions
    .filter((subscription) => Date.parse(subscription.renewAt) <= now.getTime())
    .map((subscription) => subscription.trackingNumber);
}
