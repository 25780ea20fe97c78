import {
  checkFreshness,
  createEvent,
  createLocation,
  lookupStatus,
  pushBodyRejected,
  pushBodyText,
  pushHeader,
  pushRejected,
  verifyHmacSha256,
  type PushItemReject,
  type PushParseResult,
  type PushReceiver,
  type PushRequest,
  type PushVerification,
  type StatusTableEntry,
} from '@wismo/core';
import { z } from 'zod';
import {
  aggregatorReceiver,
  bridgeEstimatedDelivery,
  bridgeTime,
  bridgeTrackingNumber,
  bridgeUpdate,
  looseArray,
  looseText,
  malformedItem,
  readJsonObject,
  singleTrackingResult,
  unsupportedItem,
  wismoCarrierOfCourier,
  type BridgedTracking,
} from './bridge-common';
import {
  EASYPOST_STATUS_DETAIL_TABLE,
  EASYPOST_STATUS_TABLE,
  EASYPOST_STATUSES_DECIDED_BY_DETAIL,
  EASYPOST_UNINFORMATIVE_DETAILS,
} from './easypost-status-tables';

/*
 * EasyPost webhooks (docs.easypost.com/docs/webhooks): an `Event` `{ id, description: "tracker.updated", result:
 * <Tracker> }`. Legacy signature: `X-Hmac-Signature: hmac-sha256-hex=<hex HMAC-SHA256(NFKD(secret), raw body)>`
 * (easypost-node `validateWebhook`). v2 adds `X-Timestamp` (RFC 2822), `X-Path` and `X-Hmac-Signature-V2` over
 * timestamp + METHOD + path + body (support.easypost.com article 39826034964237; the exact string to sign is read
 * from integrations, not an official SDK), with a tolerance window that refuses stale and replayed deliveries.
 *
 * Times: `tracking_details[].datetime` ends in `Z` but is the scan's local time (USPS "Out for Delivery" at
 * `08:05:20Z` in South Carolina), so the `Z` is dropped and the time stays local.
 */

export const EASYPOST_SIGNATURE_HEADER = 'x-hmac-signature';
export const EASYPOST_SIGNATURE_V2_HEADER = 'x-hmac-signature-v2';
export const EASYPOST_TIMESTAMP_HEADER = 'x-timestamp';
export const EASYPOST_PATH_HEADER = 'x-path';
const SIGNATURE_PREFIX = 'hmac-sha256-hex=';
/** EasyPost's documented window is minutes; five either way is the common choice. */
export const EASYPOST_DEFAULT_TOLERANCE_MS = 5 * 60_000;
const LOCAL_TIMES = { treatZuluAsLocal: true } as const;

const trackingDetailSchema = z.object({
  message: looseText,
  description: looseText,
  status: looseText,
  status_detail: looseText,
  datetime: looseText,
  carrier_code: looseText,
  tracking_location: z
    .object({ city: looseText, state: looseText, country: looseText, zip: looseText })
    .partial()
    .nullish()
    .catch(undefined),
});

const trackerSchema = z.object({
  id: looseText,
  tracking_code: looseText,
  carrier: looseText,
  status: looseText,
  status_detail: looseText,
  signed_by: looseText,
  est_delivery_date: looseText,
  public_url: looseText,
  tracking_details: looseArray,
  carrier_detail: z.object({ service: looseText }).partial().nullish().catch(undefined),
});
export type EasypostTracker = z.infer<typeof trackerSchema>;

const eventSchema = z.object({ id: looseText, description: looseText, result: z.unknown().optional() });

/**
 * EasyPost's pair as one mapping: the `status` decides, the `status_detail` refines it (or, for `in_transit` and
 * `failure`, may move it: a `refused` detail is a failed attempt). An undocumented status or detail is unmapped.
 */
export function mapEasypostStatus(
  status: string | undefined,
  detail: string | undefined,
): { rawCode: string | null; entry: StatusTableEntry | undefined } {
  const rawCode = status ? (detail ? `${status}/${detail}` : status) : (detail ?? null);
  const byStatus = lookupStatus(EASYPOST_STATUS_TABLE, status);
  if (!byStatus) return { rawCode, entry: undefined };
  if (!detail || EASYPOST_UNINFORMATIVE_DETAILS.has(detail)) return { rawCode, entry: byStatus };
  const byDetail = lookupStatus(EASYPOST_STATUS_DETAIL_TABLE, detail);
  if (!byDetail) return { rawCode, entry: undefined };
  const detailDecides = byDetail.status === byStatus.status || EASYPOST_STATUSES_DECIDED_BY_DETAIL.has(status!);
  return { rawCode, entry: detailDecides ? byDetail : byStatus };
}

/** One EasyPost tracker as a complete update: EasyPost sends all `tracking_details` each time (oldest first). */
export function normaliseEasypostTracker(tracker: EasypostTracker, receivedAt: Date): BridgedTracking {
  const number = tracker.tracking_code ? bridgeTrackingNumber(tracker.tracking_code) : '';
  if (!number) return { update: null, rejects: [malformedItem(0, null, 'An EasyPost tracker without tracking_code.')] };
  if (!tracker.carrier) return { update: null, rejects: [malformedItem(0, number, 'An EasyPost tracker without carrier.')] };
  const rejects: PushItemReject[] = [];
  const events = (tracker.tracking_details ?? []).flatMap((item, index) => {
    const parsed = trackingDetailSchema.safeParse(item);
    if (!parsed.success) {
      rejects.push(malformedItem(index, number, `EasyPost tracking_details[${index}] is not an object.`));
      return [];
    }
    const detail = parsed.data;
    const mapping = mapEasypostStatus(detail.status, detail.status_detail);
    const place = detail.tracking_location ?? {};
    return [
      createEvent({
        time: bridgeTime(detail.datetime, LOCAL_TIMES),
        description: detail.message ?? detail.description,
        code: mapping.rawCode,
        codes: { status: detail.status, status_detail: detail.status_detail, carrier_code: detail.carrier_code },
        location: createLocation({ city: place.city, region: place.state, postalCode: place.zip, countryCode: place.country }),
        mapped: mapping.entry,
      }),
    ];
  });
  const current = mapEasypostStatus(tracker.status, tracker.status_detail);
  const carrier = wismoCarrierOfCourier(tracker.carrier);
  const service = tracker.carrier_detail?.service;
  return {
    update: bridgeUpdate({
      carrier,
      trackingNumber: number,
      complete: true,
      events,
      eventsNewestFirst: false,
      currentStatus: current.entry,
      estimatedDelivery: bridgeEstimatedDelivery(tracker.est_delivery_date, tracker.est_delivery_date, LOCAL_TIMES),
      signedBy: tracker.signed_by ?? null,
      service: service ? { code: null, name: service } : null,
      trackingUrl: tracker.public_url ?? null,
      receivedAt,
    }),
    rejects,
  };
}

/** Pure: an EasyPost webhook body → updates and rejects. Events other than `tracker.*` are reported as unsupported. */
export function parseEasypostWebhook(body: string, context: { receivedAt: Date }): PushParseResult {
  const object = readJsonObject(body);
  if (!object) return pushBodyRejected('The EasyPost webhook body is not a JSON object.');
  const event = eventSchema.safeParse(object).data ?? eventSchema.parse({});
  if (!event.description?.startsWith('tracker.'))
    return {
      updates: [],
      rejects: [unsupportedItem(null, null, `EasyPost event ${event.description ?? '(no description)'} carries no tracker.`)],
    };
  const tracker = trackerSchema.safeParse(event.result);
  if (!tracker.success) return pushBodyRejected(`The EasyPost ${event.description} event has no tracker in result.`);
  return singleTrackingResult(normaliseEasypostTracker(tracker.data, context.receivedAt));
}

export interface EasypostBridgeSettings {
  /** The `webhook_secret` given when the webhook was created. */
  webhookSecret: string;
  /** Refuse deliveries that carry only the legacy signature (no timestamp, so no replay window). Default false. */
  requireV2?: boolean;
  /** How far `X-Timestamp` may be from now, either way. Default 5 minutes. */
  toleranceMs?: number;
}

/** EasyPost signs with the NFKD form of the secret, as UTF-8. */
function easypostKey(secret: string): Buffer {
  return Buffer.from(secret.normalize('NFKD'), 'utf8');
}

function deliveryIdOf(request: PushRequest): string | null {
  const id = eventSchema.safeParse(readJsonObject(pushBodyText(request)) ?? {});
  return id.success && id.data.id ? `easypost:${id.data.id}` : null;
}

export function verifyEasypostWebhook(request: PushRequest, settings: EasypostBridgeSettings): PushVerification {
  const key = easypostKey(settings.webhookSecret);
  const v2 = pushHeader(request, EASYPOST_SIGNATURE_V2_HEADER);
  if (v2 !== undefined && v2 !== '') {
    const timestamp = pushHeader(request, EASYPOST_TIMESTAMP_HEADER);
    const path = pushHeader(request, EASYPOST_PATH_HEADER);
    if (!timestamp || !path) return pushRejected('malformed', 'An X-Hmac-Signature-V2 delivery needs X-Timestamp and X-Path.');
    const signed = verifyHmacSha256({
      header: 'X-Hmac-Signature-V2',
      signature: v2,
      secret: key,
      signed: [timestamp, request.method.toUpperCase(), path, request.body],
      encoding: 'hex',
      prefix: SIGNATURE_PREFIX,
    });
    if (!signed.ok) return signed;
    // Checked after the signature, so an unsigned timestamp never decides anything.
    const sentAt = new Date(timestamp);
    const fresh = checkFreshness(
      Number.isNaN(sentAt.getTime()) ? null : sentAt,
      request.receivedAt,
      settings.toleranceMs ?? EASYPOST_DEFAULT_TOLERANCE_MS,
    );
    if (!fresh.ok) return fresh;
    return { ok: true, deliveryId: deliveryIdOf(request), sentAt };
  }
  if (settings.requireV2) return pushRejected('missing_signature', 'The X-Hmac-Signature-V2 header is missing.');
  const legacy = verifyHmacSha256({
    header: 'X-Hmac-Signature',
    signature: pushHeader(request, EASYPOST_SIGNATURE_HEADER),
    secret: key,
    signed: [request.body],
    encoding: 'hex',
    prefix: SIGNATURE_PREFIX,
  });
  return legacy.ok ? { ok: true, deliveryId: deliveryIdOf(request), sentAt: null } : legacy;
}

/** The EasyPost bridge, mounted at `POST /webhooks/aggregators/easypost`. */
export function createEasypostReceiver(settings: EasypostBridgeSettings): PushReceiver {
  if (!settings.webhookSecret) throw new TypeError('createEasypostReceiver needs the EasyPost webhook secret.');
  return aggregatorReceiver('easypost', settings, verifyEasypostWebhook, parseEasypostWebhook);
}
